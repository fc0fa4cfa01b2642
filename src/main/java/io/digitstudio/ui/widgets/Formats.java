package io.digitstudio.ui.widgets;

import java.util.Locale;

/** How the views write times and percentages. */
public final class Formats {
    private Formats() {
    }

    /** 0:07, 12:34, 1:02:03. */
    public static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** 97.25% */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
