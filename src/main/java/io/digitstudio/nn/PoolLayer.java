package io.digitstudio.nn;

import java.util.List;
import java.util.function.UnaryOperator;

/** {@code maxpool K [stride S] [pad P]} (Chainer's max_pooling_2d, cover_all) or {@code avgpool ...}; the stride is K unless given. */
public record PoolLayer(boolean max, int ksize, int stride, int pad) implements LayerSpec {
    public static final LayerType TYPE = new LayerType(List.of("maxpool", "avgpool"), List.of("max_pooling_2d", "average_pooling_2d"),
            "maxpool K [stride S] [pad P], avgpool K [stride S] [pad P]", PoolLayer::read);

    static PoolLayer read(SpecItem item) {
        boolean max = item.word().startsWith("max");
        String name = max ? "maxpool" : "avgpool";
        int k = item.number(1, "window size", name + " 2", 1, NetworkSpec.MAX_KSIZE);
        int[] sp = item.options(2, name, k, 0);
        return new PoolLayer(max, k, sp[0], sp[1]);
    }

    @Override
    public String text() {
        return (max ? "maxpool " : "avgpool ") + ksize + (stride != ksize ? " stride " + stride : "") + (pad != 0 ? " pad " + pad : "");
    }

    @Override
    public PlannedLayer plan(LayerPlanner p) {
        p.needImages("pooling");
        int[] in = p.input();
        int oh = ConvGeometry.outSize(in[1], ksize, stride, pad, max);
        int ow = ConvGeometry.outSize(in[2], ksize, stride, pad, max);
        if (oh < 1 || ow < 1) throw p.error("a " + ksize + "x" + ksize + " window does not fit its " + Summary.shape(in) + " input");
        return p.gives(this, max ? "max_pooling_2d" : "average_pooling_2d", new int[]{in[0], oh, ow});
    }

    @Override
    public UnaryOperator<Variable> build(LayerBuilder b) {
        return max ? x -> F.maxPooling2d(x, ksize, stride, pad) : x -> F.averagePooling2d(x, ksize, stride, pad);
    }
}
