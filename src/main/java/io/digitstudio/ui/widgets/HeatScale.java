package io.digitstudio.ui.widgets;

import javafx.scene.paint.Color;

/**
 * The confusion matrix's colours in a theme: a sequential scale from the background (none) to a strong colour (all), its
 * lightness changing steadily, one hue for right answers and another for mistakes (Okabe and Ito's blue and vermillion,
 * told apart with any colour vision), and the cell's text in black or white, whichever reads better on the fill. The
 * diagonal is framed as well (CSS), so right and wrong never rest on hue alone.
 */
public final class HeatScale {
    private final Color background;
    private final Color right;
    private final Color wrong;

    public HeatScale(Color background, Color right, Color wrong) {
        this.background = background;
        this.right = right;
        this.wrong = wrong;
    }

    /** The scale of a theme. */
    public static HeatScale of(Theme t) {
        return switch (t) {
            case LIGHT -> new HeatScale(Color.WHITE, Color.web("#08306b"), Color.web("#8a2b00"));
            case DARK -> new HeatScale(Color.web("#0d1117"), Color.web("#9ad2f5"), Color.web("#f5b78a"));
            case HIGH_CONTRAST -> new HeatScale(Color.BLACK, Color.web("#bfe6ff"), Color.web("#ffd0a8"));
        };
    }

    /** The fill for a cell of this strength (0 to 1). */
    public Color fill(boolean isRight, double strength) {
        double s = Math.max(0, Math.min(1, Double.isNaN(strength) ? 0 : strength));
        return background.interpolate(isRight ? right : wrong, s);
    }

    /** The text on that fill. */
    public Color text(boolean isRight, double strength) {
        return Contrast.textOn(fill(isRight, strength));
    }

    public Color background() {
        return background;
    }
}
