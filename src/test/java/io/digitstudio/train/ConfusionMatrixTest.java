package io.digitstudio.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ConfusionMatrixTest {
    @Test
    void perClassFiguresAreWekasAndScikitLearnsDefinitions() {
        // true:      0 0 0 1 1 2 2 2 2
        // predicted: 0 0 1 1 2 2 2 2 0
        int[] t = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] p = {0, 0, 1, 1, 2, 2, 2, 2, 0};
        ConfusionMatrix m = new ConfusionMatrix(t, p, 3);
        assertEquals(2, m.count(0, 0));
        assertEquals(1, m.count(0, 1));
        assertEquals(1, m.count(2, 0));
        assertEquals(3, m.support(0));
        assertEquals(4, m.support(2));
        assertEquals(6.0 / 9, m.accuracy(), 1e-12);
        assertEquals(2.0 / 3, m.precision(0), 1e-12); // predicted 0: three, two of them 0
        assertEquals(2.0 / 3, m.recall(0), 1e-12);
        assertEquals(0.5, m.precision(1), 1e-12);
        assertEquals(0.5, m.recall(1), 1e-12);
        assertEquals(0.75, m.precision(2), 1e-12);
        assertEquals(0.75, m.recall(2), 1e-12);
        assertEquals(2 * 0.75 * 0.75 / 1.5, m.f1(2), 1e-12);
        assertEquals((2.0 / 3 + 0.5 + 0.75) / 3, m.macro(m::recall), 1e-12);
        assertEquals((2.0 / 3 * 3 + 0.5 * 2 + 0.75 * 4) / 9, m.weighted(m::recall), 1e-12);
        assertEquals(List.of(new ConfusionMatrix.Pair(0, 1, 1), new ConfusionMatrix.Pair(1, 2, 1), new ConfusionMatrix.Pair(2, 0, 1)), m.mostConfused(5));
        String text = m.table(List.of("a", "b", "c"));
        assertTrue(text.contains("most confused:  a → b: 1  b → c: 1  c → a: 1"), text);
        String csv = m.csv(List.of("a", "b", "c"));
        assertTrue(csv.startsWith("true\\predicted,a,b,c\na,2,1,0\nb,0,1,1\nc,1,0,3\n"), csv);
        // a class never predicted has precision 0, not NaN
        ConfusionMatrix none = new ConfusionMatrix(new int[]{0, 1}, new int[]{0, 0}, 2);
        assertEquals(0, none.precision(1));
        assertTrue(none.json(null, 0.5).contains("\"per_class\": ["));
    }

    @Test
    void aCellGivesTheIndicesOfExactlyTheExamplesItCounts() {
        ConfusionMatrix m = new ConfusionMatrix(new int[]{3, 5, 3, 3, 0}, new int[]{5, 5, 5, 3, 0}, 6);
        assertTrue(m.hasExamples());
        assertArrayEquals(new int[]{0, 2}, m.examples(3, 5));
        assertArrayEquals(new int[]{3}, m.examples(3, 3));
        assertArrayEquals(new int[0], m.examples(5, 3));
        assertNull(ConfusionMatrix.ofCounts(new long[][]{{1, 0}, {0, 1}}).examples(0, 0), "counts alone do not know their examples");
    }
}
