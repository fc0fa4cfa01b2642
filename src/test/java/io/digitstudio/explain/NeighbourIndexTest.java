package io.digitstudio.explain;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.Rng;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Network;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The index's answers against a brute-force search written the plain way (double sums, a full sort). */
class NeighbourIndexTest {
    static Network mlp;
    static LabeledImages train;
    static LabeledImages test;

    @BeforeAll
    static void load() {
        mlp = ModelFiles.loadDefault().model();
        train = Mnist.bundled().train().head(1500);
        test = Mnist.bundled().test().head(20);
    }

    /** Every row's distance in double precision, sorted (index breaks ties), the first k. */
    static List<Neighbour> bruteForce(float[][] rows, int[] labels, float[] q, int k) {
        List<Neighbour> all = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            double s = 0;
            for (int j = 0; j < q.length; j++) s += ((double) rows[i][j] - q[j]) * ((double) rows[i][j] - q[j]);
            all.add(new Neighbour(i, labels[i], Math.sqrt(s)));
        }
        all.sort(Comparator.comparingDouble(Neighbour::distance).thenComparingInt(Neighbour::index));
        return all.subList(0, k);
    }

    /** Same neighbours in the same order; where two distances tie to float precision, either order is right. */
    static void assertSameNeighbours(List<Neighbour> expected, List<Neighbour> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Neighbour e = expected.get(i), a = actual.get(i);
            assertEquals(e.distance(), a.distance(), 1e-4 * Math.max(1, e.distance()), "distance of neighbour " + i);
            if (e.index() != a.index()) {
                assertEquals(e.distance(), a.distance(), 1e-5 * Math.max(1, e.distance()), "neighbour " + i + " differs without a tie");
            }
            if (e.index() == a.index()) assertEquals(e.label(), a.label(), "label of neighbour " + i);
        }
        assertEquals(actual.size(), actual.stream().map(Neighbour::index).distinct().count(), "a neighbour found twice");
    }

    @Test
    void randomRowsMatchBruteForce() {
        Rng rng = new Rng(7);
        int n = 700, d = 37; // 37: not a multiple of the 16-value blocks, so the tail loop runs too
        float[][] rows = new float[n][d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int j = 0; j < d; j++) rows[i][j] = (float) rng.nextGaussian();
        }
        NeighbourIndex idx = NeighbourIndex.of(rows, labels);
        for (int t = 0; t < 25; t++) {
            float[] q = new float[d];
            for (int j = 0; j < d; j++) q[j] = (float) rng.nextGaussian();
            for (int k : new int[]{1, 8, 30}) assertSameNeighbours(bruteForce(rows, labels, q, k), idx.nearest(q, k));
        }
        // a training row is its own nearest, at distance 0
        List<Neighbour> self = idx.nearest(rows[123], 3);
        assertEquals(123, self.get(0).index());
        assertEquals(0, self.get(0).distance(), 0);
        assertEquals(3, self.get(0).label());
    }

    @Test
    void longRowsGiveUpEarlyYetStayExact() {
        Rng rng = new Rng(11);
        int n = 400, d = 400; // rows long enough for the early give-up to cut most of them
        float[][] rows = new float[n][d];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 10;
            for (int j = 0; j < d; j++) rows[i][j] = Math.max(0, (float) rng.nextGaussian());
        }
        NeighbourIndex idx = NeighbourIndex.of(rows, labels);
        for (int t = 0; t < 20; t++) {
            float[] q = rows[(t * 37) % n].clone();
            for (int j = 0; j < d; j++) q[j] += 0.3f * (float) rng.nextGaussian();
            assertSameNeighbours(bruteForce(rows, labels, q, 8), idx.nearest(q, 8));
        }
    }

    @Test
    void mnistFeaturesMatchBruteForce() {
        FeatureSpace space = FeatureSpace.of(mlp);
        NeighbourIndex idx = NeighbourIndex.build(space, train, "k", i -> { }, () -> false);
        assertEquals(train.size(), idx.count());
        assertEquals(space.size(), idx.dim());
        // the brute force computes each training image's features on its own, not through the index's batches
        float[][] rows = new float[train.size()][];
        int[] labels = new int[train.size()];
        float[] x = new float[784];
        for (int i = 0; i < train.size(); i++) {
            train.copyFeatures(i, x, 0);
            rows[i] = space.features(x);
            labels[i] = train.label(i);
        }
        for (int i = 0; i < rows.length; i += 97) assertArrayEquals(rows[i], idx.vector(i), 1e-4f, "row " + i);
        for (int t = 0; t < test.size(); t++) {
            test.copyFeatures(t, x, 0);
            float[] q = space.features(x);
            assertSameNeighbours(bruteForce(rows, labels, q, 8), idx.nearest(q, 8));
        }
    }

    @Test
    void mostNeighboursOfATestDigitShareItsLabel() {
        FeatureSpace space = FeatureSpace.of(mlp);
        NeighbourIndex idx = NeighbourIndex.build(space, train, "k", i -> { }, () -> false);
        float[] x = new float[784];
        int agree = 0;
        for (int t = 0; t < test.size(); t++) {
            test.copyFeatures(t, x, 0);
            Neighbourhood h = new Neighbourhood(idx.nearest(space.features(x), 8), test.label(t), false);
            if (!h.disagrees()) agree++;
        }
        assertTrue(agree >= 18, agree + " of 20 test digits have mostly their own label among their neighbours");
    }

    @Test
    void pixelIndexMatchesBruteForceOnGreyLevels() {
        PixelIndex idx = PixelIndex.of(train);
        float[][] rows = new float[train.size()][784];
        int[] labels = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            for (int j = 0; j < 784; j++) rows[i][j] = train.pixel(i, j / 28, j % 28) / 255f;
            labels[i] = train.label(i);
        }
        float[] x = new float[784];
        for (int t = 0; t < test.size(); t++) {
            test.copyFeatures(t, x, 0);
            assertSameNeighbours(bruteForce(rows, labels, x, 8), idx.nearest(x, 8));
        }
        assertArrayEquals(rows[5], idx.image(5), 1e-6f);
    }

    @Test
    void savedIndexReadsBackTheSame(@TempDir Path dir) throws IOException {
        NeighbourIndex idx = NeighbourIndex.build(FeatureSpace.of(mlp), train.head(300), "abc", i -> { }, () -> false);
        Path f = dir.resolve("i.nbr");
        idx.save(f);
        NeighbourIndex back = NeighbourIndex.load(f);
        assertEquals("abc", back.key());
        assertEquals(idx.count(), back.count());
        for (int i = 0; i < idx.count(); i++) {
            assertArrayEquals(idx.vector(i), back.vector(i), 0f);
            assertEquals(idx.label(i), back.label(i));
        }
        // cut short, or not an index: a clear IOException, never a half-read index
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        IOException cut = assertThrows(IOException.class, () -> NeighbourIndex.load(f));
        assertTrue(cut.getMessage().contains("cut short"), cut.getMessage());
        Files.writeString(f, "hello, not an index at all");
        assertThrows(IOException.class, () -> NeighbourIndex.load(f));
    }

    @Test
    void cancelledBuildStops() {
        int[] calls = {0};
        assertThrows(NeighbourIndex.Cancelled.class, () -> NeighbourIndex.build(FeatureSpace.of(mlp), train, "k", i -> { }, () -> ++calls[0] > 1));
        assertEquals(2, calls[0]);
    }

    @Test
    void cacheBuildsOnceAndKeysByContent(@TempDir Path dir) throws IOException {
        IndexCache cache = new IndexCache(dir.resolve("neighbours"));
        LabeledImages small = train.head(300);
        FeatureSpace space = FeatureSpace.of(mlp);
        List<Integer> progress = new ArrayList<>();
        IndexCache.Loaded first = cache.loadOrBuild(space, small, progress::add, () -> false);
        assertTrue(first.built());
        assertNull(first.saveProblem());
        assertEquals(List.of(300), progress);
        assertTrue(Files.isRegularFile(first.file()));
        IndexCache.Loaded second = cache.loadOrBuild(space, small, i -> { throw new AssertionError("rebuilt"); }, () -> false);
        assertFalse(second.built());
        assertEquals(first.file(), second.file());
        // the same weights loaded again give the same key; other weights or other data another
        Network again = ModelFiles.loadDefault().model();
        assertEquals(IndexCache.key(mlp, small), IndexCache.key(again, small));
        assertNotEquals(IndexCache.key(mlp, small), IndexCache.key(mlp, train.head(301)));
        again.namedParams().values().iterator().next().copyFrom(new float[again.namedParams().values().iterator().next().size()]);
        assertNotEquals(IndexCache.key(mlp, small), IndexCache.key(again, small));
        // a damaged file is rebuilt, not trusted
        Files.writeString(first.file(), "damaged");
        assertNull(cache.cached(mlp, small));
        assertTrue(cache.loadOrBuild(space, small, i -> { }, () -> false).built());
        assertNotNull(cache.cached(mlp, small));
    }

    @Test
    void cacheKeepsOnlyTheNewestIndexes(@TempDir Path dir) throws IOException {
        Path d = dir.resolve("n");
        Files.createDirectories(d);
        for (int i = 0; i < IndexCache.KEEP + 2; i++) {
            Path f = d.resolve("old" + i + IndexCache.SUFFIX);
            Files.writeString(f, "x");
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        new IndexCache(d).prune();
        try (var s = Files.list(d)) {
            List<String> left = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(IndexCache.KEEP, left.size());
            assertFalse(left.contains("old0" + IndexCache.SUFFIX));
            assertFalse(left.contains("old1" + IndexCache.SUFFIX));
        }
    }
}
