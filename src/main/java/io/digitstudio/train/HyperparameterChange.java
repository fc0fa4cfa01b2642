package io.digitstudio.train;

/** A hyper-parameter changed while training: after {@code iteration} updates, {@code name} became {@code value}. */
public record HyperparameterChange(long iteration, String name, double value) {
}
