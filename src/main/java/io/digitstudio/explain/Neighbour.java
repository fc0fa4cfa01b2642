package io.digitstudio.explain;

/** A training example found near a query: its index in the training set, its label, and its distance. */
public record Neighbour(int index, int label, double distance) {
}
