package io.digitstudio.optim;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * A setting's number as the user types it, read and written back in one way for the window's form and the command
 * line: a field and an option that refuse the same text say the same sentence, with the value as it was typed
 * ({@code got -1}, not Java's {@code -1.0}; {@code got '1e999'}, not {@code Infinity}). {@code what} names the setting
 * as the user knows it: the field's label ("Learning rate") or the option ("--lr").
 */
public final class NumberText {
    private NumberText() {
    }

    /**
     * A number as the user would have typed it, the shortest text that reads back as exactly {@code v}: 2 rather than
     * 2.0, -1 rather than -1.0, 0.01, 1.5e-4, 1e-8. Never rounded, so that a value shown after a resume trains exactly
     * as before.
     */
    public static String shown(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e7)) {
            String s = Double.toString(v).replace("E", "e");
            return s.replace(".0e", "e");
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A whole number from {@code text}, or one sentence that names the setting and the text. */
    public static int wholeNumber(String what, String text) {
        long v = wholeNumberLong(what, text);
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) throw tooLarge(what, text.strip());
        return (int) v;
    }

    /** A whole number as large as a seed may be, or one sentence that names the setting and the text. */
    public static long wholeNumberLong(String what, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException(what + " must be a whole number, got nothing");
        BigInteger v;
        try {
            v = new BigInteger(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a whole number, got '" + t + "'");
        }
        if (v.bitLength() > 63) throw tooLarge(what, t);
        return v.longValueExact();
    }

    /** A finite number from {@code text} (1e999 is not one a setting can take), or one sentence that names the setting and the text. */
    public static double number(String what, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new IllegalArgumentException(what + " must be a number, got nothing");
        double v;
        try {
            // BigDecimal reads what a person writes (0.01, -1, 1e-3) and nothing of Java's own (NaN, Infinity, 1d, 0x1p3)
            v = new BigDecimal(t).doubleValue();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a number, got '" + t + "'");
        }
        if (Double.isInfinite(v)) throw tooLarge(what, t);
        return v;
    }

    /** A number beyond what a setting can hold, either side of zero. */
    private static IllegalArgumentException tooLarge(String what, String text) {
        return new IllegalArgumentException(what + " is too large a number, got " + text);
    }
}
