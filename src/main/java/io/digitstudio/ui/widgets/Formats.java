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

    /**
     * A count with a comma between each three digits, as the app writes every count of iterations and examples: 6,876.
     * Written out by hand: the status line shows the iteration four times a second during a run.
     */
    public static String count(long n) {
        if (n < 0) return "-" + count(-n);
        String digits = Long.toString(n);
        if (digits.length() <= 3) return digits;
        StringBuilder b = new StringBuilder(digits.length() + digits.length() / 3);
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        b.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) b.append(',').append(digits, i, i + 3);
        return b.toString();
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    /**
     * {@code v} with {@code decimals} digits after the point, as {@code %.nf} writes it (halves rounded up), without
     * java.util.Formatter: the live texts and chart ticks are written several times a second during a run, and the
     * Formatter parses its pattern and allocates at every call.
     */
    public static String fixed(double v, int decimals) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1e15 || decimals > 9) return String.format(Locale.ROOT, "%." + decimals + "f", v);
        // rounded half up from the double's shortest decimal digits, as the Formatter rounds: 1.005 is "1.01", though
        // the double lies below 1.005 and Math.round(v * 100) gives 100
        String digits = new java.math.BigDecimal(Double.toString(Math.abs(v))).setScale(decimals, java.math.RoundingMode.HALF_UP).toPlainString();
        return v < 0 || 1 / v < 0 ? "-" + digits : digits; // as %f: -0.004 is "-0.00"
    }

    /** From this size on a figure is written in scientific notation: a diverging loss's digits say nothing. */
    public static final double SCIENTIFIC_FROM = 1e5;

    /**
     * A figure for a table or an axis: {@code decimals} after the point while it is of a readable size, else scientific
     * with three significant digits ("1.22e12", "3e14", "nan", "inf").
     */
    public static String figure(double v, int decimals) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (Math.abs(v) < SCIENTIFIC_FROM) return fixed(v, decimals);
        return scientific(v, 3);
    }

    /** {@code v} with up to {@code digits} significant digits in scientific notation, trailing zeros dropped: 3e14, 1.22e12. */
    public static String scientific(double v, int digits) {
        String s = String.format(Locale.ROOT, "%." + Math.max(0, digits - 1) + "e", v);
        String mantissa = s.substring(0, s.indexOf('e')), exponent = s.substring(s.indexOf('e') + 1);
        if (mantissa.contains(".")) mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        int e = Integer.parseInt(exponent);
        return mantissa + "e" + e;
    }

    /** 97.25% */
    public static String percent(double fraction) {
        return fixed(100 * fraction, 2) + "%"; // once an epoch in the status line, and in tables
    }
}
