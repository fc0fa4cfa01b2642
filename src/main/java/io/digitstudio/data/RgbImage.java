package io.digitstudio.data;

/**
 * A colour picture as three planes of floats in [0, 1], row by row, as decoded from a file (orientation applied,
 * transparency resolved). Photos keep their colour so that coloured ink on coloured paper can be told apart by hue,
 * not only by brightness.
 */
public record RgbImage(int width, int height, float[] r, float[] g, float[] b) {
    public RgbImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image is empty (" + width + "x" + height + ")");
        long n = (long) width * height;
        if (r.length != n || g.length != n || b.length != n) throw new IllegalArgumentException("planes do not match " + width + "x" + height);
    }

    /** A grey picture as a colour one (all three planes the same array; nothing writes to them). */
    public static RgbImage of(GreyImage grey) {
        float[] p = grey.pixels();
        return new RgbImage(grey.width(), grey.height(), p, p, p);
    }

    /** Luma (ITU-R 601 weights), what a grey view of the picture shows. */
    public GreyImage grey() {
        if (r == g && g == b) return new GreyImage(width, height, r);
        float[] out = new float[r.length];
        for (int i = 0; i < out.length; i++) out[i] = 0.299f * r[i] + 0.587f * g[i] + 0.114f * b[i];
        return new GreyImage(width, height, out);
    }
}
