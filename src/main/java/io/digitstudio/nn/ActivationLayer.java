package io.digitstudio.nn;

import java.util.List;
import java.util.function.UnaryOperator;

/** {@code relu}, {@code sigmoid}, {@code tanh}: Chainer's element-wise activations, without arguments. */
public record ActivationLayer(String name) implements LayerSpec {
    public static final LayerType TYPE = new LayerType(List.of("relu", "sigmoid", "tanh"), List.of(), "relu, sigmoid, tanh", ActivationLayer::read);

    public ActivationLayer {
        if (!TYPE.words().contains(name)) throw new IllegalArgumentException("no activation \"" + name + "\"");
    }

    static ActivationLayer read(SpecItem item) {
        if (item.size() > 1) throw item.error(item.word() + " takes no arguments", 1);
        return new ActivationLayer(item.word());
    }

    @Override
    public String text() {
        return name;
    }

    @Override
    public PlannedLayer plan(LayerPlanner p) {
        return p.gives(this, name, p.input());
    }

    @Override
    public UnaryOperator<Variable> build(LayerBuilder b) {
        return switch (name) {
            case "relu" -> F::relu;
            case "sigmoid" -> F::sigmoid;
            default -> F::tanh;
        };
    }
}
