package io.digitstudio.ui.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** How the GUI bench counts CPU by kind of thread, read from a folder laid out as /proc/PID/task: no timing here. */
class ThreadCpuTest {
    @TempDir
    Path tasks;

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
    void sumsEachKindsNanosecondsOnACpu() throws IOException {
        task("101", "C2 CompilerThread0", "5000000 200 3");
        task("102", "C2 CompilerThread1", "7000000 100 2");
        task("103", "JavaFX Application Thread", "40000000 0 9");
        task("104", "GC Thread#0", "not-a-number 0 0"); // a thread that ended mid-read leaves junk: skipped
        Map<String, Long> now = ThreadCpu.byName(tasks);
        assertEquals(Map.of("C2 CompilerThread", 12_000_000L, "JavaFX Application Thread", 40_000_000L), now);
        assertEquals(Map.of("C2 CompilerThread", 300L, "JavaFX Application Thread", 0L), ThreadCpu.byName(tasks, 1),
                "the second field: time spent ready to run, waiting for a CPU");
    }

    @Test
    void sinceListsTheBusiestKindsFirstAndDropsTheIdle() {
        Map<String, Long> before = Map.of("C2 CompilerThread", 2_000_000L, "digitstudio-core-2", 1_000_000L);
        Map<String, Long> now = Map.of("C2 CompilerThread", 12_000_000L, "digitstudio-core-2", 4_000_000L,
                "JavaFX Application Thread", 40_000_000L);
        assertEquals("JavaFX Application Thread 0.040, C2 CompilerThread 0.010", ThreadCpu.since(before, now));
        assertEquals("(not available)", ThreadCpu.since(now, now));
    }

    @Test
    void aMissingFolderReadsAsNothing() {
        assertEquals(Map.of(), ThreadCpu.byName(tasks.resolve("absent")));
    }

    private void task(String id, String comm, String schedstat) throws IOException {
        Path t = Files.createDirectories(tasks.resolve(id));
        Files.writeString(t.resolve("comm"), comm + "\n");
        Files.writeString(t.resolve("schedstat"), schedstat + "\n");
    }
}
