package io.digitstudio.ui.runs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Decides the height the runs table is aimed at next, from the height its fit wants and the height it has now. What
 * the fit wants depends on the height it gets: a lower table may bring a scroll bar that wraps its rows taller, or
 * the panes below a scroll bar that widens the legend into two lines, and either asks for another height, whose
 * layout may ask for the first again. So the fit never aims twice at a height it has aimed at since the last real
 * change of content or room ({@link #reset}): when it would, its heights undo each other, and it settles on the
 * highest of those in the cycle, where every row it wants shows, and aims at nothing more until the next real change.
 * A height the panes' least sizes do not allow is tried {@link #TRIES} times, and no more than {@link #MOST_AIMS}
 * heights are aimed at between two real changes, so that a fit ends however the heights move.
 */
final class TableFit {
    /** How often a height the panes do not take is tried before the fit leaves the divider where it is. */
    static final int TRIES = 3;
    /** The most heights aimed at between two real changes; a fit wants two or three (an estimate, the rows measured). */
    static final int MOST_AIMS = 8;

    /** The heights aimed at since the last real change, in order. */
    private final List<Double> aims = new ArrayList<>();
    /** How often the last height has been aimed at. */
    private int tries;
    /** Whether the fit has settled until the next real change. */
    private boolean settled;

    /** A change of what the table holds or of the room round it: every height may be aimed at again. */
    void reset() {
        aims.clear();
        tries = 0;
        settled = false;
    }

    /** The height to aim the table at next, or none to leave the divider where it is. */
    OptionalDouble next(double want, double now) {
        if (settled || Math.abs(now - want) < 1.5) return OptionalDouble.empty();
        int last = aims.size() - 1;
        if (last >= 0 && same(aims.get(last), want)) {
            // the same height again, not taken: the panes' least sizes may not allow it
            if (tries >= TRIES) return OptionalDouble.empty();
            tries++;
            return OptionalDouble.of(want);
        }
        for (int i = 0; i < last; i++) {
            if (same(aims.get(i), want)) return settle(now, aims.subList(i, aims.size()).stream().mapToDouble(Double::doubleValue).max().orElse(want));
        }
        if (aims.size() >= MOST_AIMS) return settle(now, aims.stream().mapToDouble(Double::doubleValue).max().orElse(want));
        aims.add(want);
        tries = 1;
        return OptionalDouble.of(want);
    }

    /** Aims at {@code height} once more, if the table is not there, and at nothing after it until a real change. */
    private OptionalDouble settle(double now, double height) {
        settled = true;
        return Math.abs(now - height) < 1.5 || aims.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(height);
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) < 0.5;
    }
}
