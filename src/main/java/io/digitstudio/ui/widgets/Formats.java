package io.digitstudio.ui.widgets;

import java.util.Locale;

/** How the views write times and percentages. */
public final class Formats {
    private Formats() {
    }

    /** 0:07, 12:34, 1:02:03 (written out by hand: the status line shows it four times a second during a run). */
    public static String clock(double seconds) {
        long s = Math.round(seconds);
        StringBuilder b = new StringBuilder();
        if (s >= 3600) b.append(s / 3600).append(':').append(two(s / 60 % 60));
        else b.append(s / 60);
        return b.append(':').append(two(s % 60)).toString();
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    /**
     * {@code v} with {@code decimals} digits after the point, as {@code %.nf} writes it (halves rounded up), without
     * java.util.Formatter: the live texts and chart ticks are written several times a second during a run, and the
     * Formatter's parsing was both the allocation and the code the JIT compiled meanwhile.
     */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1e15 || decimals > 9) return String.format(Locale.ROOT, "%." + decimals + "f", v);
        long scale = 1;
        for (int i = 0; i < decimals; i++) scale *= 10;
        long units = Math.round(Math.abs(v) * scale);
        StringBuilder b = new StringBuilder();
        if (v < 0 || 1 / v < 0) b.append('-'); // as %f: -0.004 is "-0.00"
        b.append(units / scale);
        if (decimals > 0) {
            String frac = Long.toString(units % scale);
            b.append('.');
            for (int i = frac.length(); i < decimals; i++) b.append('0');
            b.append(frac);
        }
        return b.toString();
    }

    /** 97.25% */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }
}
