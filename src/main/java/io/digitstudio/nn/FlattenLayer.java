package io.digitstudio.nn;

import java.util.function.UnaryOperator;

/** {@code flatten}: (n, c, h, w) to (n, c·h·w); Linear does this itself, so it is only for clarity. */
public record FlattenLayer() implements LayerSpec {
    public static final LayerType TYPE = new LayerType("flatten", "flatten", FlattenLayer::read);

    static FlattenLayer read(SpecItem item) {
        if (item.size() > 1) throw item.error("flatten takes no arguments", 1);
        return new FlattenLayer();
    }

    @Override
    public String text() {
        return "flatten";
    }

    @Override
    public PlannedLayer plan(LayerPlanner p) {
        return p.gives(this, "flatten", new int[]{(int) Math.min(p.inputSize(), Integer.MAX_VALUE)});
    }

    @Override
    public UnaryOperator<Variable> build(LayerBuilder b) {
        return F::flatten;
    }
}
