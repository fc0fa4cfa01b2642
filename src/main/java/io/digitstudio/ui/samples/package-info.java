/**
 * The MNIST gallery: {@link io.digitstudio.ui.samples.SamplesView} over {@link io.digitstudio.ui.samples.SamplesViewModel},
 * every test or training image with its prediction, a filter for the mistakes, and one image large with its
 * probabilities (the digit images and probability bars come from {@code widgets}).
 */
package io.digitstudio.ui.samples;
