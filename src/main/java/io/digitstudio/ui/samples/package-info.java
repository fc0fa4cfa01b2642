/**
 * The MNIST gallery ({@link io.digitstudio.ui.samples.SamplesView} over {@link io.digitstudio.ui.samples.SamplesViewModel}) and the digit images and probability bars the other views share.
 */
package io.digitstudio.ui.samples;
