package io.digitstudio.ui.runs;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The runs table's fit as a loop of layout passes: at each pass the fit sees the height it wants (which may depend on
 * the height the table has, as a scroll bar or wrapped rows come and go) and the height it has, and aims the next.
 */
class TableFitTest {
    /** More passes than any fit needs: a fit still aiming after these would aim on every frame. */
    private static final int PASSES = 40;

    /**
     * The heights the table has, pass after pass, from {@code start}: {@code wantAt} is what the fit wants at a height,
     * {@code take} the height the panes give the table for an aim. Ends when the fit aims at nothing.
     */
    private static List<Double> run(TableFit fit, double start, DoubleUnaryOperator wantAt, DoubleUnaryOperator take) {
        List<Double> heights = new ArrayList<>(List.of(start));
        double now = start;
        for (int i = 0; i < PASSES; i++) {
            OptionalDouble next = fit.next(wantAt.applyAsDouble(now), now);
            if (next.isEmpty()) return heights;
            now = take.applyAsDouble(next.getAsDouble());
            heights.add(now);
        }
        fail("still aiming after " + PASSES + " passes: " + heights);
        return heights;
    }

    @Test
    void aHeightThatHoldsIsAimedAtOnce() {
        List<Double> heights = run(new TableFit(), 120, h -> 200, h -> h);
        assertEquals(List.of(120.0, 200.0), heights);
    }

    @Test
    void aHeightThePanesRefuseIsTriedThrice() {
        List<Double> heights = run(new TableFit(), 120, h -> 300, h -> Math.min(h, 250));
        assertEquals(List.of(120.0, 250.0, 250.0, 250.0), heights);
    }
    /**
     * At 160 px a scroll bar shows and wraps the rows taller, which wants 190 px; at 190 px the bar goes, the rows
     * unwrap, and 160 px is wanted again. A trial saw the table flip between the two on every frame: the fit settles
     * on the higher of the two, where every row it wants shows.
     */
    @Test
    void twoHeightsThatUndoEachOtherSettleOnTheHigher() {
        DoubleUnaryOperator wantAt = h -> h < 175 ? 190 : 160;
        List<Double> heights = run(new TableFit(), 120, wantAt, h -> h);
        assertEquals(190.0, heights.get(heights.size() - 1), "settled at: " + heights);
        assertTrue(heights.size() <= 5, "settled in a few passes: " + heights);
    }

    @Test
    void threeHeightsInTurnSettleOnTheHighest() {
        DoubleUnaryOperator wantAt = h -> h < 155 ? 170 : h < 175 ? 180 : 150;
        List<Double> heights = run(new TableFit(), 120, wantAt, h -> h);
        assertEquals(180.0, heights.get(heights.size() - 1), "settled at: " + heights);
    }

    /** Each height wants one more pixel: the fit stops after a few heights however they move. */
    @Test
    void heightsThatDriftStopAfterAFew() {
        List<Double> heights = run(new TableFit(), 120, h -> h + 2, h -> h);
        assertTrue(heights.size() <= TableFit.MOST_AIMS + 2, "stopped: " + heights);
    }

    /**
     * A real change (new runs, a resized window, another scale) starts the fit afresh, even after it settled on the
     * higher of two heights: the new content may fit one height only.
     */
    @Test
    void aRealChangeStartsAfresh() {
        TableFit fit = new TableFit();
        List<Double> heights = run(fit, 120, h -> h < 175 ? 190 : 160, h -> h);
        assertEquals(190.0, heights.get(heights.size() - 1));
        fit.reset();
        assertEquals(List.of(190.0, 160.0), run(fit, 190, h -> 160, h -> h));
        fit.reset();
        assertEquals(List.of(160.0, 190.0), run(fit, 160, h -> 190, h -> h));
    }
}
