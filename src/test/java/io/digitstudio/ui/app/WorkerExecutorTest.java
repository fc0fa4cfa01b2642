package io.digitstudio.ui.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;

import static org.junit.jupiter.api.Assertions.*;

class WorkerExecutorTest {
    @Test
    void isIdleOnlyOnceEveryResultAndWhatWasChainedToItHasRunOnTheUiThread() throws Exception {
        BlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
        try (WorkerExecutor tasks = new WorkerExecutor(() -> { }, uiThread::add)) {
            assertTrue(tasks.idle(), "nothing asked yet");
            CountDownLatch release = new CountDownLatch(1);
            List<Integer> shown = new ArrayList<>();
            tasks.compute(() -> {
                release.await();
                return 7;
            }).thenAccept(shown::add);
            assertFalse(tasks.idle(), "running");
            release.countDown();
            Runnable handOver = uiThread.take();
            assertFalse(tasks.idle(), "done, but not yet on the UI thread");
            handOver.run();
            assertEquals(List.of(7), shown);
            assertTrue(tasks.idle());

            tasks.background(() -> {
                throw new IllegalStateException("broken");
            });
            uiThread.take().run();
            assertTrue(tasks.idle(), "a failed task counts as done too");
        }
    }
}
