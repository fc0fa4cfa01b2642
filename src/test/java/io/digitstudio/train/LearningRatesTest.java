package io.digitstudio.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One way to write a learning rate, in the window and on the command line. */
class LearningRatesTest {
    @Test
    void aScheduledRateReadsAsTheRateItIs() {
        assertEquals("0.01", LearningRates.format(0.009999999999999882));
        assertEquals("0.1", LearningRates.format(0.1));
        assertEquals("0.1", LearningRates.format(0.10000000000000002));
        assertEquals("0.07006", LearningRates.format(0.0700612345));
        assertEquals("0.025", LearningRates.format(0.025));
        assertEquals("1.5", LearningRates.format(1.5));
        assertEquals("0.001", LearningRates.format(0.001));
        assertEquals("0.001", LearningRates.format(0.00099999999));
    }

    @Test
    void smallRatesAreScientificWithUpToFourDigits() {
        assertEquals("1e-4", LearningRates.format(1e-4));
        assertEquals("1e-4", LearningRates.format(0.00010000000000000009));
        assertEquals("3.162e-4", LearningRates.format(Math.pow(10, -3.5)));
        assertEquals("9.999e-4", LearningRates.format(0.0009999));
        assertEquals("1e-8", LearningRates.format(1e-8));
        assertEquals("2.5e-5", LearningRates.format(0.000025));
    }

    @Test
    void oddValuesStayReadable() {
        assertEquals("0", LearningRates.format(0));
        assertEquals("nan", LearningRates.format(Double.NaN));
        assertEquals("inf", LearningRates.format(Double.POSITIVE_INFINITY));
        assertEquals("1.235e4", LearningRates.format(12345));
        assertEquals("1000", LearningRates.format(1000));
    }
}
