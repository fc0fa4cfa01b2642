package io.digitstudio.cli;

import io.digitstudio.io.Npz;
import io.digitstudio.io.NpyArray;
import io.digitstudio.runs.RunSettings;
import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.RunSummary;
import io.digitstudio.runs.sweep.Axis;
import io.digitstudio.runs.sweep.Sweep;
import io.digitstudio.runs.sweep.SweepResult;
import io.digitstudio.runs.sweep.SweepRunner;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.nn.NetworkSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code sweep}: a grid of recorded runs tagged with the sweep, the same results whether they train one by one or two at
 * once, a table, a chart and a CSV; stopping leaves finished runs finished and the one in training resumable, and
 * {@code sweep --resume} goes on.
 */
class SweepCliTest {
    /** A network small enough that a run's process spends its time starting, not training. */
    static final String TINY = "linear 16, relu, linear";

    @TempDir
    Path dir;

    private static String sweepId(CliTest.Run r) {
        String id = r.err().replaceAll("(?s).*sweep ([0-9a-f]{8}): .*", "$1");
        assertEquals(8, id.length(), r.err());
        return id;
    }

    private CliTest.Run sweep(Path runs, String... more) {
        List<String> a = new ArrayList<>(List.of("sweep", "--model", TINY, "--lr", "0.1,0.02", "--batch", "50,100", "--epochs", "2",
                "--train-size", "400", "--test-size", "100", "--runs-dir", runs.toString()));
        a.addAll(List.of(more));
        return CliTest.run(a.toArray(String[]::new));
    }

    @Test
    void twoAtOnceGiveTheSameRunsAsOneByOneWithATableChartAndCsv() throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        CliTest.Run serial = sweep(one, "--parallel", "1");
        assertEquals(0, serial.code(), serial.err());
        Path csv = dir.resolve("sweep.csv");
        CliTest.Run parallel = sweep(two, "--parallel", "2", "--csv", csv.toString());
        assertEquals(0, parallel.code(), parallel.err());

        SweepResult a = SweepResult.read(Sweep.load(one, sweepId(serial)), new RunStore(one));
        SweepResult b = SweepResult.read(Sweep.load(two, sweepId(parallel)), new RunStore(two));
        assertTrue(a.complete() && b.complete());
        assertEquals(4, a.rows().size());
        for (int i = 0; i < 4; i++) {
            RunSummary ra = a.row(i).run();
            RunSummary rb = b.row(i).run();
            assertEquals(a.row(i).values(), b.row(i).values());
            assertEquals(ra.finalLoss(), rb.finalLoss(), 0.0, "point " + i);
            assertEquals(ra.bestAccuracy(), rb.bestAccuracy(), 0.0, "point " + i);
            Map<String, NpyArray> ma = Npz.read(ra.folder().resolve("model.npz"));
            Map<String, NpyArray> mb = Npz.read(rb.folder().resolve("model.npz"));
            for (String k : ma.keySet()) assertArrayEquals(ma.get(k).toDoubles(), mb.get(k).toDoubles(), 0.0, "point " + i + " " + k);
            // the point's values are what the run trained with
            RunSettings s = ra.settings();
            assertEquals(a.row(i).values().get("lr"), s.config().hyperparams().get("lr"));
            assertEquals(a.row(i).values().get("batch_size").intValue(), s.config().batchSize());
            assertEquals(new RunSettings.Sweep(sweepId(serial), i), s.sweep());
        }
        // four distinct settings
        assertEquals(4, a.rows().stream().map(SweepResult.Row::values).distinct().count());

        // the table: sorted by best accuracy, one line per run
        List<String> printed = parallel.out().strip().lines().toList();
        // where the chart and the CSV went are results too, after the table
        assertEquals(List.of("chart", "csv"), printed.subList(printed.size() - 2, printed.size()).stream().map(l -> l.split(": ")[0]).toList(),
                parallel.out());
        List<String> lines = printed.subList(0, printed.size() - 2);
        assertEquals(5, lines.size(), parallel.out());
        // the rank by accuracy, not "#": "runs list" names a sweep's run "#3" by its place in the grid
        assertTrue(lines.get(0).startsWith("rank  run"), lines.get(0));
        double previous = 2;
        for (SweepResult.Row r : b.rows()) {
            assertTrue(r.bestAccuracy() <= previous);
            previous = r.bestAccuracy();
        }
        assertTrue(lines.get(1).contains(b.rows().get(0).run().id()), lines.get(1));

        List<String> csvLines = Files.readAllLines(csv);
        assertEquals("rank,run,point,lr,batch_size,status,best_accuracy,best_epoch,final_accuracy,final_loss,epochs_done,seconds", csvLines.get(0));
        assertEquals(5, csvLines.size());
        assertTrue(csvLines.get(1).startsWith("1," + b.rows().get(0).run().id() + ","), csvLines.get(1));
        Path png = two.resolve("sweeps").resolve(sweepId(parallel)).resolve("chart.png");
        assertEquals(2 * 420, javax.imageio.ImageIO.read(png.toFile()).getWidth(), "one panel per swept setting");

        // the tag shows in the history
        String id = b.rows().get(0).run().id();
        CliTest.Run list = CliTest.run("runs", "list", "--runs-dir", two.toString());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith(id) && l.contains("sweep " + sweepId(parallel) + " #")), list.out());
        CliTest.Run show = CliTest.run("runs", "show", id, "--runs-dir", two.toString());
        assertTrue(show.out().contains("sweep       " + sweepId(parallel) + ", point "), show.out());

        // an existing CSV is never replaced without --force, and nothing trains
        byte[] kept = Files.readAllBytes(csv);
        CliTest.Run again = sweep(two, "--csv", csv.toString());
        assertEquals(2, again.code());
        assertEquals("digitstudio sweep: error: " + csv + " already exists; give another --csv, or add --force to replace it", again.err().strip());
        assertArrayEquals(kept, Files.readAllBytes(csv));
        assertEquals(4, new RunStore(two).list().size());
    }

    @Test
    void aStoppedSweepKeepsFinishedRunsAndResumesWhereItStopped() throws Exception {
        Path runs = dir.resolve("runs");
        RunStore store = new RunStore(runs);
        TrainingConfig c = new TrainingConfig(20, 50, NetworkSpec.parse(TINY), "momentum-sgd", Map.of("lr", 0.05, "momentum", 0.9), 0, true, 300, 100, false);
        RunSettings template = new RunSettings("", Instant.now(), "sweep", c, RunOptions.NONE, "MNIST", "MNIST (bundled)", "", 300, 100, "", "", Map.of());
        Sweep sweep = Sweep.plan(template, List.of(Axis.parse("lr", "--lr", "0.1,0.05,0.02", false)), null, 0, 1).save(runs);

        // stop while the second point trains: it has nineteen epochs to go, far more than a signal takes to arrive
        AtomicReference<SweepRunner> runner = new AtomicReference<>();
        runner.set(new SweepRunner(sweep, store, SweepRunner.selfCommand(), 1, new SweepRunner.Progress() {
            @Override
            public void epoch(int point, int epoch, double valAccuracy) {
                if (point == 1 && epoch == 1) runner.get().stop();
            }
        }));
        SweepResult stopped = runner.get().run();
        assertEquals(RunStatus.FINISHED, stopped.row(0).status());
        assertEquals(RunStatus.STOPPED, stopped.row(1).status(), () -> read(runner.get().logFile(1)));
        assertTrue(store.lastSnapshot(stopped.row(1).run()).isPresent(), "the stopped run can be resumed");
        assertNull(stopped.row(2).run(), "no run started after the stop");
        assertFalse(stopped.complete());
        String first = stopped.row(0).run().id();
        String second = stopped.row(1).run().id();
        java.time.Instant firstUpdated = stopped.row(0).run().updated();

        CliTest.Run resumed = CliTest.run("sweep", "--resume", sweep.id().substring(0, 5), "--runs-dir", runs.toString());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("1 already finished"), resumed.err());
        assertTrue(resumed.err().contains("[2/3 lr=0.05] resumed"), resumed.err());
        assertFalse(resumed.err().contains("[1/3"), "the finished run is left alone: " + resumed.err());
        SweepResult done = SweepResult.read(sweep, store);
        assertTrue(done.complete());
        assertEquals(first, done.row(0).run().id());
        assertEquals(firstUpdated, done.row(0).run().updated());
        assertEquals(second, done.row(1).run().id(), "the stopped run goes on in its own folder");
        assertEquals(20, done.row(1).run().epochsDone());
        assertEquals(1, done.row(1).run().resumes().size());
        assertEquals(3, store.list().size());
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void mistakesAreOneLineAndStartNothing() {
        Path runs = dir.resolve("runs");
        CliTest.Run range = CliTest.run("sweep", "--lr", "log:1e-4:1e-1", "--runs-dir", runs.toString());
        assertEquals(2, range.code());
        assertEquals("digitstudio sweep: error: --lr log:0.0001:0.1 is a range: give a list of values for a grid, or add --random N to sample it (see 'digitstudio sweep --help')", range.err().strip());
        CliTest.Run cores = CliTest.run("sweep", "--lr", "0.1,0.01", "--parallel", "65", "--runs-dir", runs.toString());
        assertEquals(2, cores.code());
        assertTrue(cores.err().strip().matches("digitstudio sweep: error: --parallel 65 with 1 thread per run needs 65 cores; this machine has \\d+ \\(use --parallel \\d+\\) \\(see 'digitstudio sweep --help'\\)"),
                cores.err());
        CliTest.Run notNumber = CliTest.run("sweep", "--batch", "64,big", "--runs-dir", runs.toString());
        assertEquals("digitstudio sweep: error: --batch: 'big' is not a number (see 'digitstudio sweep --help')", notNumber.err().strip());
        CliTest.Run noSweep = CliTest.run("sweep", "--resume", "abc", "--runs-dir", runs.toString());
        assertEquals(2, noSweep.code());
        assertTrue(noSweep.err().strip().startsWith("digitstudio sweep: error: no sweep abc in "), noSweep.err());
        CliTest.Run both = CliTest.run("sweep", "--resume", "abc", "--lr", "0.1", "--runs-dir", runs.toString());
        assertEquals("digitstudio sweep: error: --lr cannot be given with --resume: the sweep keeps its settings (see 'digitstudio sweep --help')", both.err().strip());
        assertFalse(Files.exists(runs.resolve("sweeps")), "nothing was written");
    }
}
