package io.digitstudio.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** performance.md's table is made from the newest benchmark record, and the suite reads its benchmarks' output right. */
class PerformancePageTest {
    static final Path ROOT = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void thePagesTableIsTheNewestRecords() throws IOException {
        Path latest = PerformancePage.latest(ROOT.resolve(BenchSuite.RECORDS));
        String recordPath = ROOT.relativize(latest).toString();
        String page = Files.readString(ROOT.resolve(PerformancePage.PAGE));
        assertEquals(PerformancePage.render(PerformancePage.read(latest), recordPath), PerformancePage.section(page),
                "performance.md's table is not made from " + recordPath + ": run src/test/scripts/bench-suite.sh");
    }

    @Test
    void everyRecordSaysWhereAndWhatItMeasured() throws IOException {
        try (var s = Files.list(ROOT.resolve(BenchSuite.RECORDS))) {
            for (Path p : s.filter(f -> f.toString().endsWith(".json")).toList()) {
                Map<String, Object> r = PerformancePage.read(p);
                for (String key : List.of("date", "settings", "machine", "versions", "commit", "results")) {
                    assertTrue(r.containsKey(key), p.getFileName() + " has no " + key);
                }
                assertTrue(!((List<?>) r.get("results")).isEmpty(), p.getFileName() + " has no results");
            }
        }
    }

    @Test
    void updatingReplacesOnlyTheSection() throws IOException {
        Path page = dir.resolve("p.md");
        Files.writeString(page, "# P\n\nprose\n\n" + PerformancePage.BEGIN + "\nold\n" + PerformancePage.END + "\n\nmore prose\n");
        Map<String, Object> record = PerformancePage.read(PerformancePage.latest(ROOT.resolve(BenchSuite.RECORDS)));
        PerformancePage.update(page, record, "r.json");
        String text = Files.readString(page);
        assertTrue(text.startsWith("# P\n\nprose\n\n" + PerformancePage.BEGIN + "\nRecord [`r.json`]"), text);
        assertTrue(text.endsWith(PerformancePage.END + "\n\nmore prose\n"), text);
        assertEquals(PerformancePage.render(record, "r.json"), PerformancePage.section(text));
        assertThrows(IllegalArgumentException.class, () -> PerformancePage.section("no markers"));
    }

    @Test
    void latestIsTheNewestByName() throws IOException {
        Files.writeString(dir.resolve("2026-11-28T000000Z-transcribed.json"), "{}");
        Files.writeString(dir.resolve("2026-12-04T120000Z-tiny.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "");
        assertEquals("2026-12-04T120000Z-tiny.json", PerformancePage.latest(dir).getFileName().toString());
    }

    @Test
    void secondsReadAsSecondsToTheHundredth() {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("printed_sum_s_median", 3.5999999999999996);
        f.put("pytorch_1_thread_s", 19.877000000000002);
        f.put("rounds", 3);
        assertEquals("printed sum median 3.60 s, pytorch 1 thread 19.88 s, rounds 3", PerformancePage.figures(f));
    }

    @Test
    void readsTheCommandLinesFigures() {
        Map<String, Object> kv = BenchSuite.keyValues("train_seconds_per_epoch:0.262 train_it_per_s:1790 val_seconds_per_epoch:0.021 val_it_per_s:3762 (medians of epochs 2-10)");
        assertEquals(0.262, kv.get("train_seconds_per_epoch"));
        assertEquals(4, kv.size(), kv.toString());
        assertEquals(Map.of("threads", 2.0, "epoch_seconds", 0.283, "final_val_accuracy", 0.9728),
                BenchSuite.keyValues("ratio_inputs: threads:2 epoch_seconds:0.283 final_val_accuracy:0.9728"));
    }

    @Test
    void readsAPeersEpochsLeavingTheFirstOut() {
        String out = """
                torch 1.13.0 numpy 1.24.2 threads default 2 used 2 blas ['libopenblas']
                epoch:01 train_loss:0.4000 val_loss:0.2500 val_accuracy:0.9300  (exact 0.9301)  train_s:0.900 val_s:0.050 foreign_cpu_s:0.0
                epoch:02 train_loss:0.2000 val_loss:0.1800 val_accuracy:0.9450  (exact 0.9451)  train_s:0.370 val_s:0.020 foreign_cpu_s:0.0
                epoch:03 train_loss:0.1500 val_loss:0.1400 val_accuracy:0.9550  (exact 0.9551)  train_s:0.380 val_s:0.022 foreign_cpu_s:0.0
                epoch:04 train_loss:0.1200 val_loss:0.1200 val_accuracy:0.9600  (exact 0.9601)  train_s:0.360 val_s:0.021 foreign_cpu_s:0.0
                total_s:2.0 final val_accuracy:0.9600
                """;
        Map<String, Object> f = BenchSuite.peerFigures(out);
        assertEquals(0.37, (Double) f.get("train_seconds_per_epoch"), 1e-12);
        assertEquals(0.021, (Double) f.get("val_seconds_per_epoch"), 1e-12);
        assertEquals(0.96, f.get("final_val_accuracy"));
        assertThrows(IllegalStateException.class, () -> BenchSuite.peerFigures("no epochs here"));
    }

    @Test
    void readsTheMachine() {
        String cpuinfo = "processor\t: 0\nmodel name\t: AMD EPYC 9B14\nflags\t\t: fpu sse2 avx2 avx512f hypervisor\n\nprocessor\t: 1\nmodel name\t: other\n";
        Map<String, String> cpu = BenchSuite.cpuInfo(cpuinfo);
        assertEquals("AMD EPYC 9B14", cpu.get("model name"));
        assertEquals("fpu sse2 avx2 avx512f hypervisor", cpu.get("flags"));
        assertEquals(23.4, BenchSuite.memoryGib("MemTotal:       24536188 kB\nMemFree: 1 kB\n"));
    }
}
