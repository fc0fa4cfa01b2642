package io.digitstudio.explain;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.Rng;
import io.digitstudio.io.ModelFiles;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The search's first pass (a projection that rules rows out) never changes the answer: the neighbours are exactly, to
 * the last bit of each distance, those of a scan that compares every row, and the bound it rules rows out by is never
 * above a row's computed distance, however the floats round.
 */
class ExactSearchTest {

    private static float[][] gaussian(Rng rng, int n, int d, double offset, double spread) {
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) rows[i][j] = (float) (offset + spread * rng.nextGaussian());
        return rows;
    }

    private static int[] labels(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) l[i] = (i * 7) % 10;
        return l;
    }

    @Test
    void projectedSearchEqualsTheFullScan() {
        Rng rng = new Rng(3);
        for (int d : new int[]{5, 37, 64, 400}) {
            float[][] rows = gaussian(rng, 900, d, 0, 1);
            NeighbourIndex idx = NeighbourIndex.of(rows, labels(rows.length));
            for (int t = 0; t < 20; t++) {
                float[] q = t % 2 == 0 ? gaussian(rng, 1, d, 0, 1)[0] : rows[(t * 53) % rows.length].clone();
                if (t % 2 == 1) for (int j = 0; j < d; j++) q[j] += (float) (0.05 * rng.nextGaussian());
                for (int k : new int[]{1, 8, 50}) assertEquals(idx.scan(q, k), idx.nearest(q, k), "d " + d + ", query " + t + ", k " + k);
            }
        }
    }

    @Test
    void tiesGoToTheLowerIndexEitherWay() {
        // rows of small whole numbers, each one repeated: many distances are exactly equal
        Rng rng = new Rng(5);
        int n = 600, d = 20;
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i += 3) {
            for (int j = 0; j < d; j++) rows[i][j] = rng.nextInt(3);
            rows[i + 1] = rows[i].clone();
            rows[i + 2] = rows[i].clone();
        }
        NeighbourIndex idx = NeighbourIndex.of(rows, labels(n));
        for (int t = 0; t < 30; t++) {
            float[] q = new float[d];
            for (int j = 0; j < d; j++) q[j] = rng.nextInt(3);
            for (int k : new int[]{1, 2, 8, 31}) {
                List<Neighbour> fast = idx.nearest(q, k);
                assertEquals(idx.scan(q, k), fast);
                for (int i = 1; i < fast.size(); i++) {
                    Neighbour a = fast.get(i - 1), b = fast.get(i);
                    assertTrue(a.distance() < b.distance() || a.distance() == b.distance() && a.index() < b.index(), "order at " + i + ": " + fast);
                }
            }
        }
        // a query equal to a repeated row finds all three copies at 0, the lowest index first
        List<Neighbour> self = idx.nearest(rows[300], 3);
        assertEquals(List.of(300, 301, 302), self.stream().map(Neighbour::index).toList());
        for (Neighbour x : self) assertEquals(0, x.distance(), 0);
    }

    @Test
    void moreNeighboursAskedThanRowsGivesEveryRowInOrder() {
        Rng rng = new Rng(9);
        float[][] rows = gaussian(rng, 12, 40, 0, 1);
        NeighbourIndex idx = NeighbourIndex.of(rows, labels(12));
        float[] q = gaussian(rng, 1, 40, 0, 1)[0];
        List<Neighbour> all = idx.nearest(q, 50);
        assertEquals(12, all.size());
        assertEquals(idx.scan(q, 50), all);
        assertEquals(12, all.stream().map(Neighbour::index).distinct().count());
        // a single row
        NeighbourIndex one = NeighbourIndex.of(new float[][]{rows[0]}, new int[]{4});
        assertEquals(List.of(new Neighbour(0, 4, 0)), one.nearest(rows[0], 8));
    }

    @Test
    void boundNeverExceedsTheComputedDistance() {
        Rng rng = new Rng(21);
        // far from the origin, with tiny differences between rows: the floats' rounding is as large as it gets here
        // relative to the distances; and rows all alike but in one value, and all zero
        float[][][] sets = {gaussian(rng, 500, 64, 1000, 0.01), gaussian(rng, 500, 400, 0, 1), gaussian(rng, 300, 37, 3, 0.0001)};
        int ruledOut = 0;
        for (float[][] rows : sets) {
            int d = rows[0].length;
            NeighbourIndex idx = NeighbourIndex.of(rows, labels(rows.length));
            Projection p = Projection.of(rows.length, d, (r, out) -> System.arraycopy(rows[r], 0, out, 0, d));
            double e = NeighbourIndex.exactError(d);
            for (int t = 0; t < 10; t++) {
                float[] q = rows[rng.nextInt(rows.length)].clone();
                q[rng.nextInt(d)] += t == 0 ? 0 : (float) (rows[0][0] * 1e-6 * t + 1e-3 * t);
                for (int r = 0; r < rows.length; r++) {
                    double lb = p.lowerBound(r, q, e);
                    double exact = idx.distance(r, q, Double.POSITIVE_INFINITY);
                    assertTrue(lb <= exact, "row " + r + ": bound " + lb + " above the distance " + exact);
                    if (lb > 0) ruledOut++;
                }
                assertEquals(idx.scan(q, 8), idx.nearest(q, 8));
            }
        }
        assertTrue(ruledOut > 0, "a bound that is always 0 rules nothing out");
    }

    @Test
    void boundRulesOutMostMnistFeatureRows() {
        LabeledImages train = Mnist.bundled().train().head(3000);
        LabeledImages test = Mnist.bundled().test().head(10);
        FeatureSpace space = FeatureSpace.of(ModelFiles.loadDefault().model());
        NeighbourIndex idx = NeighbourIndex.build(space, train, "k", i -> { }, () -> false);
        float[][] rows = new float[idx.count()][];
        for (int i = 0; i < rows.length; i++) rows[i] = idx.vector(i);
        Projection p = Projection.of(rows.length, idx.dim(), (r, out) -> System.arraycopy(rows[r], 0, out, 0, idx.dim()));
        double e = NeighbourIndex.exactError(idx.dim());
        float[] x = new float[784];
        for (int t = 0; t < test.size(); t++) {
            test.copyFeatures(t, x, 0);
            float[] q = space.features(x);
            List<Neighbour> near = idx.nearest(q, 8);
            assertEquals(idx.scan(q, 8), near);
            double kth = near.get(7).distance() * near.get(7).distance();
            int kept = 0;
            for (int r = 0; r < rows.length; r++) {
                double lb = p.lowerBound(r, q, e);
                assertTrue(lb <= idx.distance(r, q, Double.POSITIVE_INFINITY), "row " + r);
                if (lb <= kth * (1 + 1e-6)) kept++;
            }
            assertTrue(kept < rows.length / 4, "test digit " + t + ": " + kept + " of " + rows.length + " rows left to compare in full");
        }
    }

    @Test
    void pixelsToggleSearchEqualsTheFullScan() {
        LabeledImages train = Mnist.bundled().train().head(2000);
        LabeledImages test = Mnist.bundled().test().head(15);
        PixelIndex idx = PixelIndex.of(train);
        float[] x = new float[784];
        for (int t = 0; t < test.size(); t++) {
            test.copyFeatures(t, x, 0);
            for (int k : new int[]{1, 8, 40}) assertEquals(idx.scan(x, k), idx.nearest(x, k), "test digit " + t + ", k " + k);
        }
        // a training image finds itself at distance 0 (or an identical image with a lower index)
        List<Neighbour> self = idx.nearest(idx.image(777), 8);
        assertEquals(0, self.get(0).distance(), 0);
        assertTrue(self.get(0).index() <= 777);
        assertEquals(idx.scan(idx.image(777), 8), self);
        // a blank query: distances are the images' own lengths
        assertEquals(idx.scan(new float[784], 8), idx.nearest(new float[784], 8));
    }
}
