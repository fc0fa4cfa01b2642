package io.digitstudio.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** {@code lr-find}: the table of smoothed loss against rate, the suggestions, and bad ranges in one line. */
class LrFindCliTest {
    @Test
    void printsOneRowPerIterationAndTheSuggestedRates() {
        CliTest.Run r = CliTest.run("lr-find", "--model", "linear 30, relu, linear", "--train-size", "5000", "--test-size", "200",
                "--start", "1e-4", "--end", "10", "--iterations", "40");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertTrue(lines[0].matches("\\s*step\\s+lr\\s+loss\\s+smoothed"), lines[0]);
        // rates as every view writes them: four significant digits at most, scientific below 0.001
        assertTrue(lines[1].matches("\\s+1\\s+1e-4\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}"), lines[1]);
        assertTrue(lines[2].matches("\\s+2\\s+1\\.343e-4\\s+.*"), lines[2]);
        assertTrue(r.out().contains("stopped: "), r.out());
        assertTrue(r.out().matches("(?s).*\nsuggested lr: 0\\.\\d+ \\(steepest descent\\)\nminimum / 10: [0-9.]+(e-\\d+)?\ntrain with:   digitstudio train"
                + " --model \"linear 30, relu, linear\" --lr 0\\.\\d+\n.*"), r.out());
    }

    @Test
    void aBadRangeIsOneLine() {
        CliTest.Run r = CliTest.run("lr-find", "--start", "0.1", "--end", "0.01");
        assertEquals(2, r.code());
        assertEquals("digitstudio lr-find: error: --end must be a rate above --start (0.1), got 0.01 (see 'digitstudio lr-find --help')", r.err().strip());
        CliTest.Run few = CliTest.run("lr-find", "--iterations", "3");
        assertEquals(2, few.code());
        assertEquals("digitstudio lr-find: error: --iterations must be between 10 and 100000, got 3 (see 'digitstudio lr-find --help')", few.err().strip());
    }
}
