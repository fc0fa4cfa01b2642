package io.digitstudio.ui.widgets;

import io.digitstudio.train.DecimatedPoints;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run's kept training-loss curve ({@link DecimatedPoints}, which holds only the points it keeps) is the curve the
 * window's chart shows ({@link DecimatedSeries}, which holds them all): after every point, and whether the chart took
 * the points one by one or in batches as the presenter hands them over.
 */
class DecimatedPointsTest {
    @Test
    void keepsExactlyThePointsTheChartShows() {
        for (int cap : new int[]{4, 5, 400}) {
            DecimatedPoints kept = new DecimatedPoints(cap);
            DecimatedSeries one = new DecimatedSeries("one by one", cap, false);
            DecimatedSeries batched = new DecimatedSeries("in batches", cap, false);
            List<double[]> batch = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                double x = i * 0.01, y = Math.sin(i);
                kept.add(x, y);
                one.add(x, y);
                batch.add(new double[]{x, y});
                assertSame(one, kept, "cap " + cap + ", after point " + i);
                if (batch.size() == 1 + i % 37) {
                    batched.addAll(batch);
                    batch.clear();
                    assertSame(batched, kept, "cap " + cap + ", batches to point " + i);
                }
            }
            assertEquals(3000, kept.count());
        }
    }

    private static void assertSame(DecimatedSeries shown, DecimatedPoints kept, String where) {
        assertEquals(shown.size(), kept.size(), where);
        for (int i = 0; i < kept.size(); i++) {
            assertArrayEquals(new double[]{shown.x(i), shown.y(i)}, new double[]{kept.x(i), kept.y(i)}, 0.0, where + ", shown point " + i);
        }
    }
}
