package io.digitstudio.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.*;

/** Chainer's tests/chainer_tests/iterators_tests/test_serial_iterator.py, ported. */
class SerialIteratorTest {
    private static final double EPS = 1e-12;

    @Test
    void repeatWithoutShuffle() {
        SerialIterator it = new SerialIterator(6, 2, true, false, 0);
        for (int i = 0; i < 3; i++) {
            assertEquals(i, it.epoch());
            assertEquals(i, it.epochDetail(), EPS);
            if (i == 0) assertTrue(Double.isNaN(it.previousEpochDetail()));
            else assertEquals(i - 1.0 / 3, it.previousEpochDetail(), EPS);
            assertArrayEquals(new int[]{0, 1}, it.next());
            assertFalse(it.isNewEpoch());
            assertEquals(i + 1.0 / 3, it.epochDetail(), EPS);
            assertEquals(i, it.previousEpochDetail(), EPS);
            assertArrayEquals(new int[]{2, 3}, it.next());
            assertFalse(it.isNewEpoch());
            assertEquals(i + 2.0 / 3, it.epochDetail(), EPS);
            assertArrayEquals(new int[]{4, 5}, it.next());
            assertTrue(it.isNewEpoch());
            assertEquals(i + 1, it.epoch());
            assertEquals(i + 1, it.epochDetail(), EPS);
            assertEquals(i + 2.0 / 3, it.previousEpochDetail(), EPS);
        }
    }

    @Test
    void repeatNotEvenFillsTheLastBatchFromTheNextEpoch() {
        SerialIterator it = new SerialIterator(5, 2, true, false, 0);
        assertArrayEquals(new int[]{0, 1}, it.next());
        assertEquals(0.4, it.epochDetail(), EPS);
        assertArrayEquals(new int[]{2, 3}, it.next());
        assertEquals(0.8, it.epochDetail(), EPS);
        assertFalse(it.isNewEpoch());
        assertArrayEquals(new int[]{4, 0}, it.next());
        assertTrue(it.isNewEpoch());
        assertEquals(1, it.epoch());
        assertEquals(1.2, it.epochDetail(), EPS);
        assertEquals(1, it.currentPosition());
        assertArrayEquals(new int[]{1, 2}, it.next());
        assertFalse(it.isNewEpoch());
        assertArrayEquals(new int[]{3, 4}, it.next());
        assertTrue(it.isNewEpoch());
        assertEquals(2, it.epoch());
        assertEquals(2.0, it.epochDetail(), EPS);
    }

    @Test
    void shuffledRepeatCoversEachEpochExactlyOnce() {
        SerialIterator it = new SerialIterator(6, 2, true, true, 7);
        for (int epoch = 0; epoch < 3; epoch++) {
            List<Integer> seen = new ArrayList<>();
            for (int b = 0; b < 3; b++) for (int v : it.next()) seen.add(v);
            assertTrue(it.isNewEpoch());
            seen.sort(null);
            assertEquals(List.of(0, 1, 2, 3, 4, 5), seen);
        }
    }

    @Test
    void shuffledRepeatNotEvenTakesTheRestFromTheNewOrder() {
        // 5 examples, batch 2: batch 3 is the old order's last example plus the new order's first.
        SerialIterator it = new SerialIterator(5, 2, true, true, 3);
        int[] firstEpoch = new int[5];
        int k = 0;
        for (int v : it.next()) firstEpoch[k++] = v;
        for (int v : it.next()) firstEpoch[k++] = v;
        int[] third = it.next();
        assertEquals(2, third.length);
        firstEpoch[4] = third[0];
        int[] sorted = firstEpoch.clone();
        Arrays.sort(sorted);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, sorted);
        assertTrue(it.isNewEpoch());
        // the new epoch: third[1] then four more make one permutation
        List<Integer> second = new ArrayList<>(List.of(third[1]));
        for (int v : it.next()) second.add(v);
        for (int v : it.next()) second.add(v);
        assertTrue(it.isNewEpoch());
        second.sort(null);
        assertEquals(List.of(0, 1, 2, 3, 4), second);
    }

    @Test
    void aBatchLargerThanTheDatasetSpansEpochsAsInChainer() {
        // Chainer: SerialIterator(range(5), 12, shuffle=False).next() == [0,1,2,3,4, 0,1,2,3,4, 0,1]; epoch 2
        SerialIterator it = new SerialIterator(5, 12, true, false, 0);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1}, it.next());
        assertEquals(2, it.epoch());
        assertTrue(it.isNewEpoch());
        assertEquals(2.4, it.epochDetail(), 1e-12);
        assertArrayEquals(new int[]{2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3}, it.next());
        assertEquals(4, it.epoch());
        assertEquals(0.0 + 2.4, it.previousEpochDetail(), 1e-12);
        assertEquals(10, it.iterationsUntilEpoch(24), "ceil(24 * 5 / 12)");

        // shuffled: every epoch inside the batch is a fresh permutation of the whole set
        SerialIterator s = new SerialIterator(5, 12, true, true, 9);
        int[] b = s.next();
        assertEquals(12, b.length);
        for (int e = 0; e < 2; e++) {
            int[] part = java.util.Arrays.copyOfRange(b, e * 5, e * 5 + 5);
            java.util.Arrays.sort(part);
            assertArrayEquals(new int[]{0, 1, 2, 3, 4}, part);
        }
        // without repeat a batch never goes past the one epoch
        SerialIterator once = new SerialIterator(5, 12, false, false, 0);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, once.next());
        assertFalse(once.hasNext());
    }

    @Test
    void notRepeatEndsAfterOneEpoch() {
        SerialIterator it = new SerialIterator(6, 2, false, false, 0);
        assertArrayEquals(new int[]{0, 1}, it.next());
        assertArrayEquals(new int[]{2, 3}, it.next());
        assertTrue(it.hasNext());
        assertArrayEquals(new int[]{4, 5}, it.next());
        assertTrue(it.isNewEpoch());
        assertEquals(1, it.epoch());
        assertFalse(it.hasNext());
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void notRepeatNotEvenGivesAShortLastBatch() {
        SerialIterator it = new SerialIterator(5, 2, false, false, 0);
        assertArrayEquals(new int[]{0, 1}, it.next());
        assertArrayEquals(new int[]{2, 3}, it.next());
        assertArrayEquals(new int[]{4}, it.next());
        assertTrue(it.isNewEpoch());
        assertFalse(it.hasNext());
    }

    @Test
    void resetStartsOver() {
        SerialIterator it = new SerialIterator(5, 2, false, false, 0);
        while (it.hasNext()) it.next();
        it.reset();
        assertEquals(0, it.epoch());
        assertEquals(0, it.currentPosition());
        assertFalse(it.isNewEpoch());
        assertArrayEquals(new int[]{0, 1}, it.next());
    }

    @Test
    void sameSeedSameOrderDifferentSeedDifferentOrder() {
        SerialIterator a = new SerialIterator(100, 10, 1);
        SerialIterator b = new SerialIterator(100, 10, 1);
        SerialIterator c = new SerialIterator(100, 10, 2);
        int[] fa = a.next();
        assertArrayEquals(fa, b.next());
        assertFalse(Arrays.equals(fa, c.next()));
    }

    @Test
    void restoredStateContinuesIdentically() {
        SerialIterator a = new SerialIterator(7, 3, 11);
        for (int i = 0; i < 4; i++) a.next();
        SerialIterator.State s = a.state();
        SerialIterator b = new SerialIterator(7, 3, 99);
        b.restore(s);
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(a.next(), b.next());
            assertEquals(a.epochDetail(), b.epochDetail(), EPS);
            assertEquals(a.isNewEpoch(), b.isNewEpoch());
        }
    }

    @Test
    void peekNextShowsTheNextBatchWithoutMovingWhenItIsDecided() {
        SerialIterator it = new SerialIterator(7, 3, true, true, 5);
        int[] peek = it.peekNext();
        assertArrayEquals(peek, it.next());
        assertEquals(3, it.currentPosition());
        assertArrayEquals(it.peekNext(), it.next());
        assertNull(it.peekNext(), "the next batch reaches the epoch's end: its tail is not drawn yet");
        it.next();
        assertTrue(it.isNewEpoch());
        assertArrayEquals(it.peekNext(), it.next());
        SerialIterator once = new SerialIterator(4, 2, false, false, 0);
        once.next();
        assertNull(once.peekNext());
        once.next();
        assertNull(once.peekNext());
    }

    @Test
    void prefetchedBatchesAreTheSameAsBatchesAssembledAtOnce() {
        LabeledImages data = Mnist.bundled().test().head(500);
        SerialIterator a = new SerialIterator(500, 32, 3);
        SerialIterator b = new SerialIterator(500, 32, 3);
        ExampleBatch plain = new ExampleBatch();
        try (BatchPrefetcher prefetcher = new BatchPrefetcher(data)) {
            for (int step = 0; step < 60; step++) {
                int[] ia = a.next();
                ExampleBatch got = prefetcher.take(ia);
                if (step % 7 != 3) prefetcher.prefetch(a.peekNext()); // sometimes nothing is prefetched
                plain.concatExamples(data, b.next());
                assertEquals(plain.size(), got.size());
                assertArrayEquals(java.util.Arrays.copyOf(plain.t(), plain.size()), java.util.Arrays.copyOf(got.t(), got.size()));
                assertArrayEquals(java.util.Arrays.copyOf(plain.x(), plain.size() * 784), java.util.Arrays.copyOf(got.x(), got.size() * 784));
            }
        }
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new SerialIterator(0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new SerialIterator(5, 0, 0));
    }
}
