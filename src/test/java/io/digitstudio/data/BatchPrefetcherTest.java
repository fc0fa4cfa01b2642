package io.digitstudio.data;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.*;

class BatchPrefetcherTest {
    /**
     * Ten examples of two floats; reading example 7 runs out of memory, once the helper is seen to be reading it (so that
     * the helper, not the trainer, assembles that batch).
     */
    private static final class OutOfMemoryAtSeven implements Dataset {
        final CountDownLatch reading = new CountDownLatch(1);

        @Override
        public int size() {
            return 10;
        }

        @Override
        public int featureSize() {
            return 2;
        }

        @Override
        public int classes() {
            return 10;
        }

        @Override
        public void copyFeatures(int index, float[] dst, int offset) {
            if (index == 7) {
                reading.countDown();
                throw new OutOfMemoryError("Java heap space");
            }
            dst[offset] = index;
            dst[offset + 1] = -index;
        }

        @Override
        public int label(int index) {
            return index;
        }
    }

    @Test
    void whatTheHelperThrowsIsThrownWhereTheTrainerTakesTheBatch() throws Exception {
        OutOfMemoryAtSeven data = new OutOfMemoryAtSeven();
        try (BatchPrefetcher prefetcher = new BatchPrefetcher(data)) {
            prefetcher.prefetch(new int[]{6, 7});
            data.reading.await(); // the helper has claimed the batch and fails on it
            // only a guard: before, the trainer waited for good on a helper that had died
            OutOfMemoryError e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> assertThrows(OutOfMemoryError.class, () -> prefetcher.take(new int[]{6, 7})));
            assertEquals("Java heap space", e.getMessage());
            // the helper lives on: the next batch is prefetched and taken as before
            prefetcher.prefetch(new int[]{2, 3});
            ExampleBatch b = prefetcher.take(new int[]{2, 3});
            assertEquals(2, b.size());
            assertEquals(3f, b.x()[2]);
            assertEquals(3, b.t()[1]);
        }
    }
}
