package io.digitstudio.read;

import io.digitstudio.data.GreyImage;

/**
 * Where the ink is in a picture and how strong: {@code ink} in [0, 1] (0 paper, 1 the ink's full strength, the
 * anti-aliased edges in between) and the {@code mask} that decided which pixels belong to strokes. Both are at the
 * working resolution; one working pixel is {@code scale} pixels of the original picture.
 */
public record InkMap(int width, int height, float[] ink, boolean[] mask, double scale) {
    public InkMap {
        if (ink.length != (long) width * height || mask.length != ink.length) throw new IllegalArgumentException("planes do not match " + width + "x" + height);
    }

    /** The ink as a picture: bright strokes on black, the way MNIST stores digits. */
    public GreyImage asGrey() {
        return new GreyImage(width, height, ink);
    }
}
