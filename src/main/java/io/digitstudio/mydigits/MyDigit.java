package io.digitstudio.mydigits;

import io.digitstudio.data.PenStroke;

import java.time.Instant;
import java.util.List;

/**
 * One of the user's digits: the 28x28 grey levels the network sees (0-255, row by row), the label the user gave it,
 * the strokes it was drawn with (empty for an imported image), where it came from ("drawn", "image NAME", "import"),
 * and when it was added.
 */
public record MyDigit(String id, int label, byte[] pixels, List<PenStroke> strokes, String origin, Instant added) {
    public static final int SIDE = 28;

    public MyDigit {
        if (pixels.length != SIDE * SIDE) throw new IllegalArgumentException("a digit is 28x28, got " + pixels.length + " values");
        if (label < 0 || label > 255) throw new IllegalArgumentException("a label is 0-255, got " + label);
        strokes = List.copyOf(strokes);
    }

    public MyDigit withLabel(int l) {
        return new MyDigit(id, l, pixels, strokes, origin, added);
    }

    /** The network's input: grey levels scaled to [0, 1]. */
    public float[] input() {
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) x[i] = (pixels[i] & 0xff) / 255f;
        return x;
    }

    /** Grey levels from the network's input (0-1). */
    public static byte[] pixelsOf(float[] input) {
        byte[] p = new byte[input.length];
        for (int i = 0; i < p.length; i++) p[i] = (byte) Math.round(Math.max(0, Math.min(1, input[i])) * 255);
        return p;
    }
}
