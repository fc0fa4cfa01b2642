package io.digitstudio.data;

/**
 * A grey image as floats in [0, 1] (0 black, 1 white), row by row. Both the command line (decoded files) and the
 * drawing canvas hand their pixels to the reading pipeline ({@code io.digitstudio.read}) in this form.
 */
public record GreyImage(int width, int height, float[] pixels) {
    public GreyImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image is empty (" + width + "x" + height + ")");
        if (pixels.length != (long) width * height) throw new IllegalArgumentException(pixels.length + " pixels for " + width + "x" + height);
    }

    public float get(int x, int y) {
        return pixels[y * width + x];
    }

    /** Bilinear sample with the edges clamped. */
    public double sample(double x, double y) {
        int w = width;
        int h = height;
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        int x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
        double fx = x - x0, fy = y - y0;
        float[] p = pixels;
        return (1 - fy) * ((1 - fx) * p[y0 * w + x0] + fx * p[y0 * w + x1]) + fy * ((1 - fx) * p[y1 * w + x0] + fx * p[y1 * w + x1]);
    }
}
