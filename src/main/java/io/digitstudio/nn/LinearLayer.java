package io.digitstudio.nn;

import java.util.List;
import java.util.function.UnaryOperator;

/** {@code linear [N]}: a fully-connected layer; without N (only last) it has one output per class. */
public record LinearLayer(int out) implements LayerSpec {
    /** The size of a last {@code linear} written without one: the data's number of classes. */
    public static final int CLASSES = 0;

    public static final LayerType TYPE = new LayerType(List.of("linear"), List.of("fc", "dense"), "linear [N]", LinearLayer::read);

    static LinearLayer read(SpecItem item) {
        if (item.size() == 1) return new LinearLayer(CLASSES);
        int out = item.number(1, "size", "linear 500", 1, NetworkSpec.MAX_WIDTH);
        item.noMoreAfter(2, "linear takes one size");
        return new LinearLayer(out);
    }

    @Override
    public String text() {
        return out == CLASSES ? "linear" : "linear " + out;
    }

    @Override
    public PlannedLayer plan(LayerPlanner p) {
        long in = p.inputSize();
        return p.gives(this, p.nextName(p.convolutional() ? "fc" : "l"), "Linear", new int[]{out}, in * out + out);
    }

    @Override
    public UnaryOperator<Variable> build(LayerBuilder b) {
        int in = java.util.Arrays.stream(b.input()).reduce(1, Math::multiplyExact);
        return b.addLink(new Linear(in, out, b.rng()))::forward;
    }
}
