package io.digitstudio.nn;

/**
 * Output size of a convolution or pooling window along one axis, Chainer's {@code get_conv_outsize}: with
 * {@code coverAll} the last window may hang over the padded edge so that every input pixel is covered (max pooling's
 * default), without it only whole windows count (convolution, average pooling).
 */
public final class ConvGeometry {
    private ConvGeometry() {
    }

    public static int outSize(int size, int k, int s, int p, boolean coverAll) {
        return coverAll ? Math.floorDiv(size + p * 2 - k + s - 1, s) + 1 : Math.floorDiv(size + p * 2 - k, s) + 1;
    }
}
