/**
 * The Inside view: the first layer's weights as tiles (live while a run trains), each layer's activations and the
 * saliency for the digit being drawn or the image chosen in the gallery, and the run's health per layer (DL4J's
 * update:parameter ratio, dead ReLUs) with warnings.
 */
package io.digitstudio.ui.inside;
