package io.digitstudio.nn;

import io.digitstudio.data.Rng;

import java.util.List;
import java.util.function.UnaryOperator;

/** {@code conv OUT K [stride S] [pad P]}: Chainer's Convolution2D with {@code OUT} output channels. */
public record ConvLayer(int out, int ksize, int stride, int pad) implements LayerSpec {
    public static final LayerType TYPE = new LayerType(List.of("conv"), List.of("convolution", "convolution2d"),
            "conv OUT K [stride S] [pad P]", ConvLayer::read);

    static ConvLayer read(SpecItem item) {
        int out = item.number(1, "output channels", "conv 20 5", 1, NetworkSpec.MAX_WIDTH);
        int k = item.number(2, "kernel size", "conv 20 5", 1, NetworkSpec.MAX_KSIZE);
        int[] sp = item.options(3, "conv", 1, 0);
        return new ConvLayer(out, k, sp[0], sp[1]);
    }

    @Override
    public String text() {
        return "conv " + out + " " + ksize + (stride != 1 ? " stride " + stride : "") + (pad != 0 ? " pad " + pad : "");
    }

    @Override
    public PlannedLayer plan(LayerPlanner p) {
        p.needImages("a convolution");
        int[] in = p.input();
        int oh = ConvGeometry.outSize(in[1], ksize, stride, pad, false);
        int ow = ConvGeometry.outSize(in[2], ksize, stride, pad, false);
        if (oh < 1 || ow < 1) throw p.error("a " + ksize + "x" + ksize + " kernel does not fit its " + Summary.shape(in) + " input");
        long params = (long) out * in[0] * ksize * ksize + out;
        return p.gives(this, p.nextName("conv"), "Convolution2D", new int[]{out, oh, ow}, params);
    }

    /** The layer's link for an input of {@code in} channels, its weights drawn from {@code rng}. */
    Convolution2D link(int in, Rng rng) {
        return new Convolution2D(in, out, ksize, stride, pad, rng);
    }

    @Override
    public UnaryOperator<Variable> build(LayerBuilder b) {
        return b.addLink(link(b.input()[0], b.rng()))::forward;
    }

    @Override
    public boolean convolutional() {
        return true;
    }
}
