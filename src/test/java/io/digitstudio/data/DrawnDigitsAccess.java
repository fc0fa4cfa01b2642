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
}
