package io.digitstudio.data;

import java.awt.image.BufferedImage;

/** Lets tests in other packages use the drawn-digit generator. */
public final class DrawnDigitsAccess {
    private final DrawnDigits digits;

    public DrawnDigitsAccess(long seed) {
        this.digits = new DrawnDigits(seed);
    }

    public BufferedImage draw(int digit, int size) {
        return digits.draw(digit, size);
    }

    /** {@code digit}'s pen strokes in the box {@code x, y, w, h} of a canvas, with a pen {@code width} wide. */
    public java.util.List<PenStroke> pen(int digit, double x, double y, double w, double h, double width) {
        return digits.pen(digit, x, y, w, h, width);
    }
}
