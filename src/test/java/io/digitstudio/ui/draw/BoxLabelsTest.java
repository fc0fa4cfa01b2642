package io.digitstudio.ui.draw;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The labels of a number's digits on the canvas never lie over each other, however close the digits stand. */
class BoxLabelsTest {
    /** About the width of the canvas's 13 px type: 7 px a character. */
    private static double measure(String s) {
        return 7 * s.length();
    }

    private static void assertApartAndInside(List<BoxLabels.Place> labels, int n) {
        assertEquals(n, labels.size(), "a label for each digit");
        for (int i = 0; i < labels.size(); i++) {
            assertTrue(labels.get(i).inside(320, 320), labels.get(i) + " is on the canvas");
            for (int j = i + 1; j < labels.size(); j++) assertFalse(labels.get(i).overlaps(labels.get(j)), labels.get(i) + " and " + labels.get(j));
        }
    }

    /** The trial's "1 100%8 99%": a narrow 1 beside an 8, their labels each wider than the 1's box. */
    @Test
    void aOneBesideAnEightGetTwoLabelsApart() {
        List<double[]> boxes = List.of(new double[]{40, 80, 26, 150}, new double[]{76, 80, 70, 150});
        List<BoxLabels.Place> labels = BoxLabels.place(boxes, List.of("1 100%", "8 99%"), List.of("1", "8"), BoxLabelsTest::measure, 16, 320, 320);
        assertApartAndInside(labels, 2);
        assertEquals("1 100%", labels.get(0).text(), "the first keeps its whole text under its box");
        assertEquals(230, labels.get(0).y(), 0.01);
        assertEquals("8 99%", labels.get(1).text());
    }

    /** Eight narrow digits side by side, at the canvas's bottom edge: some labels go above their boxes, none overlaps. */
    @Test
    void manyNarrowDigitsAtTheBottomEdge() {
        List<double[]> boxes = new ArrayList<>();
        List<String> full = new ArrayList<>(), brief = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boxes.add(new double[]{10 + 38 * i, 200, 30, 118});
            full.add(i + " 100%");
            brief.add(String.valueOf(i));
        }
        assertApartAndInside(BoxLabels.place(boxes, full, brief, BoxLabelsTest::measure, 16, 320, 320), 8);
    }

    /** A box at the right edge: its label moves in rather than off the canvas. */
    @Test
    void aLabelAtTheRightEdgeMovesIn() {
        List<BoxLabels.Place> labels = BoxLabels.place(List.of(new double[]{200, 40, 40, 100}, new double[]{300, 40, 18, 100}),
                List.of("7 97%", "1 100%"), List.of("7", "1"), BoxLabelsTest::measure, 16, 320, 320);
        assertApartAndInside(labels, 2);
    }
}
