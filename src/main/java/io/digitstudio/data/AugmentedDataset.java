package io.digitstudio.data;

/**
 * Training-time augmentation for square grey images: each time an example is taken it is rotated, scaled, sheared
 * and shifted a little at random, and now and then its strokes are made thicker or thinner, so that a model trained on
 * MNIST also reads digits people draw. Seeded: the same seed and order give the same images.
 */
public final class AugmentedDataset implements Dataset {
    private final LabeledImages base;
    private final Rng rng;
    private final float[] source;
    private final float[] warped;

    public AugmentedDataset(LabeledImages base, long seed) {
        this.base = base;
        this.rng = new Rng(seed);
        this.source = new float[base.featureSize()];
        this.warped = new float[base.featureSize()];
    }

    public Rng rng() {
        return rng;
    }

    @Override
    public int size() {
        return base.size();
    }

    @Override
    public int featureSize() {
        return base.featureSize();
    }

    @Override
    public int[] exampleShape() {
        return base.exampleShape();
    }

    @Override
    public int classes() {
        return base.classes();
    }

    @Override
    public int label(int index) {
        return base.label(index);
    }

    @Override
    public void copyFeatures(int index, float[] dst, int offset) {
        base.copyFeatures(index, source, 0);
        int w = base.cols();
        int h = base.rows();
        double angle = Math.toRadians(uniform(-12, 12));
        double scale = uniform(0.85, 1.1);
        double shear = uniform(-0.2, 0.2);
        double tx = uniform(-2, 2);
        double ty = uniform(-2, 2);
        // inverse map: output pixel -> source position, about the image centre
        double cos = Math.cos(angle) / scale, sin = Math.sin(angle) / scale;
        double cx = w / 2.0, cy = h / 2.0;
        GreyImage src = new GreyImage(w, h, source);
        for (int y = 0; y < h; y++) {
            double dy = y + 0.5 - cy - ty;
            for (int x = 0; x < w; x++) {
                double dx = x + 0.5 - cx - tx;
                double sx = cos * dx + sin * dy;
                double sy = -sin * dx + cos * dy;
                sx -= shear * sy;
                double px = sx + cx - 0.5, py = sy + cy - 0.5;
                warped[y * w + x] = (px < -1 || py < -1 || px > w || py > h) ? 0f : (float) src.sample(px, py);
            }
        }
        double r = rng.nextDouble();
        if (r < 0.25) {
            morph(warped, dst, offset, w, h, true);
        } else if (r < 0.4) {
            morph(warped, dst, offset, w, h, false);
        } else {
            System.arraycopy(warped, 0, dst, offset, w * h);
        }
    }

    /** Max (thicker) or min (thinner) over the pixel and its four neighbours; thinning keeps at least half the ink. */
    private static void morph(float[] in, float[] out, int offset, int w, int h, boolean thicker) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = in[y * w + x];
                float l = x > 0 ? in[y * w + x - 1] : 0, rr = x < w - 1 ? in[y * w + x + 1] : 0;
                float u = y > 0 ? in[(y - 1) * w + x] : 0, d = y < h - 1 ? in[(y + 1) * w + x] : 0;
                out[offset + y * w + x] = thicker ? Math.max(v, Math.max(Math.max(l, rr), Math.max(u, d)))
                        : Math.max(0.5f * v, Math.min(v, Math.min(Math.min(l, rr), Math.min(u, d))));
            }
        }
    }

    private double uniform(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
