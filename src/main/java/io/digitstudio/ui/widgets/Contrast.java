package io.digitstudio.ui.widgets;

import javafx.scene.paint.Color;

/** WCAG 2's relative luminance and contrast ratio, and the text colour that reads best on a fill. */
public final class Contrast {
    private Contrast() {
    }

    /** Relative luminance of an opaque colour (WCAG 2.x), 0 for black to 1 for white. */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    /** sRGB's transfer function undone: a channel's light in [0, 1]. */
    public static double linear(double channel) {
        return channel <= 0.04045 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }

    /** The contrast ratio of two opaque colours, 1 (none) to 21 (black on white). */
    public static double ratio(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** Black or white, whichever contrasts more with {@code fill} (at least 4.58:1 for any fill). */
    public static Color textOn(Color fill) {
        return ratio(Color.BLACK, fill) >= ratio(Color.WHITE, fill) ? Color.BLACK : Color.WHITE;
    }

    /** {@code top} with its opacity laid over an opaque {@code bottom}. */
    public static Color over(Color top, Color bottom) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + bottom.getRed() * (1 - a), top.getGreen() * a + bottom.getGreen() * (1 - a),
                top.getBlue() * a + bottom.getBlue() * (1 - a));
    }
}
