package io.digitstudio.ui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How figures are said to a screen reader: short, and without the trailing zeros a table keeps. */
class ScreenReaderTextTest {
    @Test
    void valuesAreSaidWithThreeSignificantDigits() {
        assertEquals("0.123", ScreenReader.spoken(0.12345));
        assertEquals("0.973", ScreenReader.spoken(0.9731));
        assertEquals("0.1", ScreenReader.spoken(0.1000001));
        assertEquals("12.3", ScreenReader.spoken(12.34));
        assertEquals("2.31", ScreenReader.spoken(2.3059));
        assertEquals("0.0123", ScreenReader.spoken(0.012345));
        assertEquals("1e-4", ScreenReader.spoken(0.0001));
        assertEquals("3.5e14", ScreenReader.spoken(3.5e14));
        assertEquals("0", ScreenReader.spoken(0));
        assertEquals("nan", ScreenReader.spoken(Double.NaN));
    }

    @Test
    void positionsAreSaidWithUpToTwoDecimals() {
        assertEquals("3", ScreenReader.spokenX(3.0));
        assertEquals("2.05", ScreenReader.spokenX(2.048));
        assertEquals("1.5", ScreenReader.spokenX(1.5));
    }
}
