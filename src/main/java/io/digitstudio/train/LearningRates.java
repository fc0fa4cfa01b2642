package io.digitstudio.train;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How every view and command writes a learning rate: at most four significant digits, trailing zeros dropped, in
 * plain notation from 0.001 up (0.1, 0.01, 0.07006, 1.5) and in scientific notation below it and from 10,000 on
 * (1e-4, 3.162e-4, 1.5e4). A schedule computes its rates in floating point, so the exact value (0.009999999999999882)
 * says nothing the rounded one (0.01) does not; the value the optimizer uses is never rounded, only its text.
 * Form fields that must read back as exactly the value keep their own, unrounded text.
 */
public final class LearningRates {
    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_UP);

    private LearningRates() {
    }

    /** A rate as the views and the command line write it: 0.01, 0.07006, 1e-4, 3.162e-4; "nan", "inf" when not finite. */
    public static String format(double v) {
        if (Double.isNaN(v)) return "nan";
        if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
        if (v == 0) return "0";
        BigDecimal d = BigDecimal.valueOf(v).round(FOUR_DIGITS).stripTrailingZeros();
        double a = Math.abs(d.doubleValue());
        if (a >= 1e-3 && a < 1e4) return d.toPlainString();
        int exponent = d.precision() - d.scale() - 1;
        return d.movePointLeft(exponent).stripTrailingZeros().toPlainString() + "e" + exponent;
    }
}
