package io.digitstudio.ui.app;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadCpuTest {
    @Test
    void numberedThreadsOfAKindCountTogether() {
        assertEquals("C2 CompilerThre", ThreadCpu.kind("C2 CompilerThre")); // /proc cuts names at 15 characters
        assertEquals("C1 CompilerThread", ThreadCpu.kind("C1 CompilerThread12"));
        assertEquals("GC Thread", ThreadCpu.kind("GC Thread#1"));
        assertEquals("digitstudio-cor", ThreadCpu.kind("digitstudio-cor"));
        assertEquals("QuantumRenderer", ThreadCpu.kind("QuantumRenderer-0"));
        assertEquals("42", ThreadCpu.kind("42"), "a name of digits only stays as it is");
    }

    @Test
    void measuresAThreadsWork() throws InterruptedException {
        AtomicReference<String> seen = new AtomicReference<>();
        AtomicReference<Long> used = new AtomicReference<>();
        Thread probe = new Thread(() -> {
            Map<String, Long> before = ThreadCpu.byName();
            long x = 0;
            long end = System.nanoTime() + 60_000_000L;
            while (System.nanoTime() < end) x += Long.numberOfTrailingZeros(x + end);
            used.set(ThreadCpu.byName().getOrDefault("cpu-probe", 0L) - before.getOrDefault("cpu-probe", 0L) + (x & 0));
            seen.set(ThreadCpu.since(before));
        }, "cpu-probe-7");
        probe.start();
        probe.join();
        if (seen.get().equals("(not available)")) return; // not Linux: nothing to read
        assertTrue(used.get() >= 30_000_000L, "a 60 ms busy loop used " + used.get() + " ns");
        assertTrue(seen.get().contains("cpu-probe "), seen.get());
    }
}
