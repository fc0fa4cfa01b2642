package io.digitstudio.explain;

import io.digitstudio.data.Mnist;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerProfileTest {
    static float[] digit(int i) {
        float[] x = new float[784];
        Mnist.bundled().test().copyFeatures(i, x, 0);
        return x;
    }

    @Test
    void transformsRunFromEndToEndThroughTheIdentity() {
        assertEquals(-4, Transform.SHIFT.value(0));
        assertEquals(4, Transform.SHIFT.value(8));
        assertEquals(-30, Transform.ROTATE.value(0));
        assertEquals(30, Transform.ROTATE.value(8));
        assertEquals(0.7, Transform.SCALE.value(0), 1e-12);
        assertEquals(1.3, Transform.SCALE.value(8), 1e-12);
        float[] x = digit(0);
        for (Transform t : Transform.values()) assertArrayEquals(x, t.apply(x, 28, t.identity()), 1e-6f, t.name());
    }

    @Test
    void aWholePixelShiftMovesEveryPixel() {
        float[] x = digit(0);
        float[] moved = Transform.SHIFT.apply(x, 28, 3);
        for (int y = 0; y < 28; y++) {
            for (int c = 3; c < 28; c++) assertEquals(x[y * 28 + c - 3], moved[y * 28 + c], 1e-6f);
            for (int c = 0; c < 3; c++) assertEquals(0, moved[y * 28 + c]);
        }
    }

    @Test
    void thickerHasMoreInkThinnerLess() {
        float[] x = digit(1);
        double ink = sum(x);
        assertTrue(sum(Transform.THICKNESS.apply(x, 28, 1)) > 1.3 * ink);
        assertTrue(sum(Transform.THICKNESS.apply(x, 28, -1)) < 0.7 * ink);
        assertTrue(sum(Transform.SCALE.apply(x, 28, 1.3)) > 1.3 * ink, "scaled up, the strokes cover more");
        // a turn moves ink, it neither makes nor loses much of it
        assertEquals(ink, sum(Transform.ROTATE.apply(x, 28, 30)), 0.1 * ink);
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float f : v) s += f;
        return s;
    }

    @Test
    void profileIsOneBatchWhoseMiddleIsTheAnswer() {
        Predictor p = new Predictor(ModelFiles.loadDefault().model());
        float[] x = digit(0); // a 7
        AnswerProfile prof = AnswerProfile.of(p, x, 28);
        Prediction direct = p.predict(x);
        assertEquals(direct.label(), prof.original().label());
        assertEquals(4, prof.curves().size());
        for (AnswerProfile.Curve c : prof.curves()) {
            assertEquals(9, c.values().length);
            assertArrayEquals(direct.probabilities(), c.predictions()[4].probabilities(), 1e-5f, c.transform().name());
            for (int i = 0; i < 9; i++) {
                Prediction one = p.predict(c.inputs()[i]);
                assertArrayEquals(one.probabilities(), c.predictions()[i].probabilities(), 1e-5f);
            }
        }
        // moving the digit moves the probabilities
        AnswerProfile.Curve shift = prof.curve(Transform.SHIFT);
        assertNotEquals(shift.probability(0, 7), shift.probability(4, 7));
        String csv = prof.csv(io.digitstudio.data.ClassNames.numbers(10));
        List<String> lines = csv.lines().toList();
        assertEquals(1 + 36, lines.size());
        assertEquals("transform,value,answer,p_0,p_1,p_2,p_3,p_4,p_5,p_6,p_7,p_8,p_9", lines.get(0));
        assertTrue(lines.get(1).startsWith("shift,-4,"), lines.get(1));
        assertTrue(lines.get(5).startsWith("shift,0,7,"), lines.get(5));
        assertEquals(4, prof.summary(io.digitstudio.data.ClassNames.numbers(10)).size());
    }
}
