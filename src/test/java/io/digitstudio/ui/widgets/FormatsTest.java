package io.digitstudio.ui.widgets;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hand-written formats give what String.format gives. */
class FormatsTest {
    @Test
    void fixedDecimalsAsStringFormatWritesThem() {
        double[] values = {0, 0.5, 1.5, 2.25, -0.004, -0.006, 0.1234567, 97.125, 1234.5678, 0.05, 0.95, 1e-7, 123456789.987, -3.2};
        for (double v : values) {
            for (int d = 0; d <= 6; d++) {
                assertEquals(String.format(Locale.ROOT, "%." + d + "f", v), Formats.fixed(v, d), v + " with " + d + " decimals");
            }
        }
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 2000; i++) {
            double v = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(8) - 3);
            int d = r.nextInt(5);
            assertEquals(String.format(Locale.ROOT, "%." + d + "f", v), Formats.fixed(v, d), v + " with " + d + " decimals");
        }
        assertEquals("NaN", Formats.fixed(Double.NaN, 2));
    }

    @Test
    void fixedRoundsDecimalHalvesUpAsStringFormatDoes() {
        // 1.005 as a double lies a little below 1.005: the Formatter still writes 1.01 (it rounds the shortest decimal
        // digits), Math.round(v * 100) gives 1.00. Such halves are common in the texts: seconds, percentages of counts.
        assertEquals("1.01", Formats.fixed(1.005, 2));
        for (int k = 0; k < 200_000; k++) {
            double v = k / 1000.0;
            for (int d = 0; d <= 2; d++) assertEquals(String.format(Locale.ROOT, "%." + d + "f", v), Formats.fixed(v, d), v + " with " + d + " decimals");
        }
        for (int n = 1; n <= 10_000; n += 7) { // a validation's accuracy and a validation's progress: c of n as a percentage
            for (int c = 0; c <= n; c += Math.max(1, n / 89)) {
                double fraction = (double) c / n;
                assertEquals(String.format(Locale.ROOT, "%.2f%%", 100 * fraction), Formats.percent(fraction), c + " of " + n);
                assertEquals(String.format(Locale.ROOT, "%.0f", 100 * fraction), Formats.fixed(100 * fraction, 0), c + " of " + n);
            }
        }
    }

    @Test
    void countsHaveACommaBetweenEachThreeDigitsAsStringFormatWritesThem() {
        assertEquals("6,876", Formats.count(6876));
        for (long n : new long[]{0, 7, 999, 1000, 9380, 12345, 100000, 999999, 1000000, 1234567890123L, -6876, Long.MAX_VALUE}) {
            assertEquals(String.format(Locale.ROOT, "%,d", n), Formats.count(n), String.valueOf(n));
        }
    }

    @Test
    void clockReadsMinutesAndHours() {
        assertEquals("0:07", Formats.clock(7.2));
        assertEquals("12:34", Formats.clock(754));
        assertEquals("1:02:03", Formats.clock(3723));
        assertEquals("0:00", Formats.clock(0));
    }

    @Test
    void aFigureTooLargeToReadIsWrittenScientifically() {
        assertEquals("0.1234", Formats.figure(0.12344, 4));
        assertEquals("99999.0000", Formats.figure(99999, 4));
        assertEquals("1.22e12", Formats.figure(1216983611806.3, 4));
        assertEquals("3e14", Formats.figure(3e14, 4));
        assertEquals("-4.5e6", Formats.figure(-4.5e6, 4));
        assertEquals("nan", Formats.figure(Double.NaN, 4));
        assertEquals("inf", Formats.figure(Double.POSITIVE_INFINITY, 4));
    }
}
