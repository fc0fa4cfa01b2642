package io.digitstudio.data;

/**
 * A grey image as floats in [0, 1] (0 black, 1 white), row by row. Both the command line (decoded files) and the
 * drawing canvas hand their pixels to {@link DigitPreprocessor} in this form.
 */
public record GreyImage(int width, int height, float[] pixels) {
    public GreyImage {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("image is empty (" + width + "x" + height + ")");
        if (pixels.length != (long) width * height) throw new IllegalArgumentException(pixels.length + " pixels for " + width + "x" + height);
    }

    public float get(int x, int y) {
        return pixels[y * width + x];
    }
}
