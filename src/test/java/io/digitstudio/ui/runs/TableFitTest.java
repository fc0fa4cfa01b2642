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
}
