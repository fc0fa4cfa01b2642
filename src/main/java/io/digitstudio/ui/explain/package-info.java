/**
 * Why this answer: the nearest training examples of what the Draw view shows (in the network's feature space or in
 * pixels) and how the answer moves as the digit is shifted, rotated, scaled or thickened. {@link
 * io.digitstudio.ui.explain.ExplainViewModel} holds the state and builds each model's index in the background; {@link
 * io.digitstudio.ui.explain.NeighboursPane} and {@link io.digitstudio.ui.explain.ProfilePane} show it.
 */
package io.digitstudio.ui.explain;
