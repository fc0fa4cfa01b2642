package io.digitstudio.nn;

import java.util.function.UnaryOperator;

/**
 * {@code dropout R}: drops a fraction R of the values while training. Its random stream is drawn in example order, so
 * its network trains on one core.
 */
public record DropoutLayer(double ratio) implements LayerSpec {
    public static final LayerType TYPE = new LayerType("dropout", "dropout R", DropoutLayer::read);

    static DropoutLayer read(SpecItem item) {
        double r = item.fraction(1, "ratio", "dropout 0.5");
        item.noMoreAfter(2, "dropout takes one ratio");
        return new DropoutLayer(r);
    }

    @Override
    public String text() {
        return "dropout " + SpecItem.decimal(ratio);
    }

    @Override
    public PlannedLayer plan(LayerPlanner p) {
        return p.gives(this, "dropout", p.input());
    }

    @Override
    public UnaryOperator<Variable> build(LayerBuilder b) {
        return x -> F.dropout(x, ratio, b.dropoutRng());
    }

    @Override
    public boolean splitsAcrossCores() {
        return false;
    }
}
