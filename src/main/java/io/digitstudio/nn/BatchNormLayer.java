package io.digitstudio.nn;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * {@code batchnorm}: Chainer's BatchNormalization over the channels (or features) of its input, named after the layer
 * it normalises as Chainer's examples do ({@code conv1, bn1}). Its statistics are over the whole batch and it updates
 * running averages, so its network trains on one core.
 */
public record BatchNormLayer() implements LayerSpec {
    public static final LayerType TYPE = new LayerType(List.of("batchnorm"), List.of("bn", "batchnormalization"), "batchnorm", BatchNormLayer::read);

    static BatchNormLayer read(SpecItem item) {
        if (item.size() > 1) throw item.error("batchnorm takes no arguments (its size is its input's channels)", 1);
        return new BatchNormLayer();
    }

    @Override
    public String text() {
        return "batchnorm";
    }

    @Override
    public PlannedLayer plan(LayerPlanner p) {
        String name = "bn" + p.numbered();
        if (p.taken(name)) throw p.error("a second batchnorm after the same layer");
        return p.gives(this, name, "BatchNormalization", p.input(), 2L * p.input()[0]);
    }

    @Override
    public UnaryOperator<Variable> build(LayerBuilder b) {
        return b.addLink(new BatchNormalization(b.input()[0]))::forward;
    }

    @Override
    public boolean splitsAcrossCores() {
        return false;
    }
}
