package io.digitstudio.ui.runs;

import java.util.OptionalDouble;

/**
 * Decides the height the runs table is aimed at next, from the height its fit wants and the height it has now: none
 * once it has what it wants, and none after a height the panes' least sizes do not allow has been tried thrice.
 */
final class TableFit {
    /** How often a height the panes do not take is tried before the fit leaves the divider where it is. */
    static final int TRIES = 3;

    private double aimed = -1;
    private int tries;

    /** The height to aim the table at next, or none to leave the divider where it is. */
    OptionalDouble next(double want, double now) {
        if (Math.abs(now - want) < 1.5) return OptionalDouble.empty();
        if (Math.abs(want - aimed) >= 0.5) tries = 0;
        if (tries++ >= TRIES) return OptionalDouble.empty();
        aimed = want;
        return OptionalDouble.of(want);
    }
}
