package io.digitstudio.nn;

import java.util.function.UnaryOperator;

/**
 * One item of a {@link NetworkSpec} ({@code conv 20 5}, {@code relu}, ...): a layer type is one class that knows how
 * the spec writes it (its {@code TYPE}, listed in {@link LayerTypes}), how it fits its input, how it builds its step,
 * and whether it splits across cores.
 */
public interface LayerSpec {
    /** The item in the spec's text form, which its type reads back to an equal layer. */
    String text();

    /**
     * Checks the layer against its input and says what it gives (name, type, output shape, parameters), without
     * allocating anything; a layer that does not fit throws {@link LayerPlanner#error}.
     */
    PlannedLayer plan(LayerPlanner planner);

    /** Builds the layer's step: its link, if it has parameters, goes into the network through {@code builder}. */
    UnaryOperator<Variable> build(LayerBuilder builder);

    /**
     * Whether copies of a network can each run part of a batch through this layer at once: true when every example is
     * computed on its own. A layer whose result depends on the whole batch or on a random stream drawn in example order
     * keeps its network on one core.
     */
    default boolean splitsAcrossCores() {
        return true;
    }

    /** Whether the layer is a convolution (a network with one names its linear layers fc1, fc2, ... as LeNet does). */
    default boolean convolutional() {
        return false;
    }
}
