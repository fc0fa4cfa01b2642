package io.digitstudio.cli;

import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.RunSummary;
import io.digitstudio.train.Snapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A run's home on the command line, each test one of the situations in which work used to be lost: snapshots of two runs
 * in one folder, resuming the wrong run, resuming a finished one, a resumed run counted twice, a model file overwritten,
 * a run that learned nothing, and --init-model without --model.
 */
class RunHomeCliTest {
    @TempDir
    Path dir;

    private Path runs() {
        return dir.resolve("runs");
    }

    /** A small run that learns (a high enough rate for its few iterations), recorded in this test's history. */
    private CliTest.Run train(String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--lr", "0.1", "--train-size", "2000", "--test-size", "300",
                "--runs-dir", runs().toString()));
        if (!List.of(more).contains("--model")) a.addAll(List.of("--units", "20"));
        a.addAll(List.of(more));
        return CliTest.run(a.toArray(String[]::new));
    }

    private static String runId(CliTest.Run r) {
        String id = r.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        assertEquals(8, id.length(), r.out());
        return id;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void snapshotsGoIntoEachRunsOwnFolderAndAnotherRunsFolderIsRefused() throws Exception {
        CliTest.Run a = train("--epochs", "2", "--snapshot-every", "1", "--out", dir.resolve("a.npz").toString());
        assertEquals(0, a.code(), a.err());
        CliTest.Run b = train("--epochs", "2", "--snapshot-every", "1", "--model", "linear 30, relu, linear", "--out", dir.resolve("b.npz").toString());
        assertEquals(0, b.code(), b.err());
        Path folderA = runs().resolve(runId(a));
        Path folderB = runs().resolve(runId(b));
        assertTrue(names(folderA).containsAll(List.of("snapshot_epoch_0001.npz", "snapshot_epoch_0002.npz")), names(folderA).toString());
        assertEquals(runId(a), Snapshot.runId(folderA.resolve("snapshot_epoch_0002.npz")));
        assertEquals(runId(b), Snapshot.runId(folderB.resolve("snapshot_epoch_0002.npz")));
        assertFalse(Files.exists(Path.of("snapshot_epoch_0001.npz").toAbsolutePath()), "nothing in the current folder");

        // an explicit folder: the first run's snapshots there refuse the second, which writes nothing
        Path shared = dir.resolve("shared");
        CliTest.Run c = train("--epochs", "2", "--snapshot-every", "1", "--snapshot-dir", shared.toString(), "--out", dir.resolve("c.npz").toString());
        assertEquals(0, c.code(), c.err());
        byte[] before = Files.readAllBytes(shared.resolve("snapshot_epoch_0001.npz"));
        int runsBefore = new RunStore(runs()).list().size();
        CliTest.Run d = train("--epochs", "2", "--snapshot-every", "1", "--snapshot-dir", shared.toString(), "--keep", "1",
                "--out", dir.resolve("d.npz").toString());
        assertEquals(2, d.code());
        assertEquals("digitstudio train: error: " + shared + " holds snapshots of run " + runId(c) + " (snapshot_epoch_0001.npz); choose another snapshot"
                + " folder, or leave it out to keep them in the run's own folder", d.err().strip());
        assertArrayEquals(before, Files.readAllBytes(shared.resolve("snapshot_epoch_0001.npz")));
        assertEquals(List.of("snapshot_epoch_0001.npz", "snapshot_epoch_0002.npz"), names(shared));
        assertEquals(runsBefore, new RunStore(runs()).list().size(), "a refused run is not recorded");
        assertFalse(Files.exists(dir.resolve("d.npz")));
    }

    /**
     * A run of the command line keeps its training-loss curve as the window draws it (smoothed, a few dozen points an
     * epoch, each epoch's end among them): a branch or a resume of it in the window goes on from that curve, not from
     * nothing. Resumed, the run keeps its curve before the resume with the rest.
     */
    @Test
    void aRunKeepsItsTrainingLossCurveAndAResumeKeepsItsEarlierPart() throws Exception {
        CliTest.Run a = train("--epochs", "2", "--snapshot-every", "1", "--out", dir.resolve("a.npz").toString());
        assertEquals(0, a.code(), a.err());
        String id = runId(a);
        RunStore store = new RunStore(runs());
        List<double[]> points = store.lossPoints(store.find(id));
        assertTrue(points.stream().filter(p -> p[0] < 1).count() >= 2, "points in epoch 1: " + points.size());
        assertTrue(points.stream().anyMatch(p -> p[0] > 1 && p[0] < 2), "points in epoch 2");
        assertEquals(2.0, points.get(points.size() - 1)[0], 0.0, "to the end of epoch 2");
        for (int i = 0; i < points.size(); i++) {
            assertTrue(points.get(i)[1] > 0 && Double.isFinite(points.get(i)[1]), "a loss at point " + i);
            if (i > 0) assertTrue(points.get(i)[0] > points.get(i - 1)[0], "rising at point " + i);
        }

        CliTest.Run more = train("--resume", id, "--epochs", "3");
        assertEquals(0, more.code(), more.err());
        List<double[]> after = store.lossPoints(store.find(id));
        List<double[]> before = after.stream().filter(p -> p[0] <= 2).toList();
        assertEquals(points.size(), before.size(), "the curve up to the resume as it was");
        for (int i = 0; i < points.size(); i++) assertArrayEquals(points.get(i), before.get(i), 0.0);
        assertEquals(3.0, after.get(after.size() - 1)[0], 0.0, "and on to the end of epoch 3");
        assertTrue(after.size() > before.size() + 1, "the resume's own points");
    }

    @Test
    void resumingARunByItsIdContinuesThatRunAsOneEntryOfTheHistory() throws Exception {
        CliTest.Run a = train("--epochs", "2", "--snapshot-every", "1", "--out", dir.resolve("a.npz").toString());
        assertEquals(0, a.code(), a.err());
        CliTest.Run b = train("--epochs", "3", "--snapshot-every", "1", "--model", "linear 30, relu, linear", "--out", dir.resolve("b.npz").toString());
        assertEquals(0, b.code(), b.err());
        String idA = runId(a);
        // the first run, trained further by its id prefix: its own snapshot, its own folder, one entry
        CliTest.Run more = train("--resume", idA.substring(0, 5), "--epochs", "4");
        assertEquals(0, more.code(), more.err());
        assertTrue(more.err().contains("resuming run " + idA + " at epoch 2 of 4 (iteration 32)"), more.err());
        assertEquals(List.of("epoch:03", "epoch:04"), CliTest.epochLines(more.out()).stream().map(l -> l.substring(0, 8)).toList());
        List<RunSummary> all = new RunStore(runs()).list();
        assertEquals(2, all.size(), "resuming adds no run");
        RunSummary r = new RunStore(runs()).find(idA);
        assertEquals(4, r.epochsDone());
        assertEquals(4, r.settings().config().epochs());
        assertEquals(RunStatus.FINISHED, r.status());
        assertEquals(1, r.resumes().size());
        assertEquals(2, ((Number) r.resumes().get(0).get("epoch")).intValue());
        assertEquals(4, new RunStore(runs()).log(r).size(), "the log goes on: four epochs");
        // its output file is there (the first part's model, or another run's by now): the model goes beside it
        assertTrue(more.err().contains("note: " + dir.resolve("a.npz") + " exists; the model went beside it (--force replaces it)"), more.err());
        assertTrue(Files.exists(dir.resolve("a-2.npz")));
        CliTest.Run shown = CliTest.run("runs", "show", idA, "--runs-dir", runs().toString());
        assertTrue(shown.out().contains("\nresumed     at epoch 2 (iteration 32), "), shown.out());
        assertTrue(more.out().contains("saved 784-20-20-10 model to " + dir.resolve("a-2.npz")), more.out());
    }

    @Test
    void resumingToFewerEpochsThanTrainedIsSaidInTheWordsOfAFinishedRun() throws Exception {
        CliTest.Run a = train("--epochs", "2", "--snapshot-every", "1", "--out", dir.resolve("a.npz").toString());
        assertEquals(0, a.code(), a.err());
        String id = runId(a);
        String said = "digitstudio train: error: run " + id + " has already trained 2 epochs; to train it further, give more epochs (--epochs 3)";
        for (String resume : List.of(id, runs().resolve(id).resolve("snapshot_epoch_0002.npz").toString())) {
            for (List<String> epochs : List.of(List.<String>of(), List.of("--epochs", "1"), List.of("--epochs", "2"))) {
                List<String> args = new java.util.ArrayList<>(List.of("--resume", resume));
                args.addAll(epochs);
                CliTest.Run again = train(args.toArray(String[]::new));
                assertEquals(2, again.code(), again.err());
                assertEquals(said, again.err().strip(), "--resume " + resume + " " + epochs);
            }
        }
    }

    @Test
    void aFinishedRunSaysSoAndWritesNothing() throws Exception {
        Path out = dir.resolve("a.npz");
        CliTest.Run a = train("--epochs", "2", "--snapshot-every", "1", "--out", out.toString());
        assertEquals(0, a.code(), a.err());
        String id = runId(a);
        Path folder = runs().resolve(id);
        long outTime = Files.getLastModifiedTime(out).toMillis();
        String status = Files.readString(folder.resolve("status.json"));
        List<String> files = names(folder);
        for (String resume : List.of(id, folder.resolve("snapshot_epoch_0002.npz").toString())) {
            CliTest.Run again = train("--resume", resume);
            assertEquals(2, again.code());
            assertEquals("digitstudio train: error: run " + id + " has already trained 2 epochs; to train it further, give more epochs (--epochs 3)",
                    again.err().strip());
            assertEquals("", again.out());
        }
        assertEquals(outTime, Files.getLastModifiedTime(out).toMillis());
        assertEquals(status, Files.readString(folder.resolve("status.json")));
        assertEquals(files, names(folder));
        assertEquals(1, new RunStore(runs()).list().size());
    }

    /**
     * An earlier snapshot of a run that has trained past it (a finished run's epoch 1, given more epochs) is not resumed:
     * that would train the run again from there, rewriting its model, log, settings and snapshots. The command says to
     * branch from it instead, and writes nothing.
     */
    @Test
    void anEarlierSnapshotOfARunThatWentOnIsNotResumedOverIt() throws Exception {
        Path out = dir.resolve("x.npz");
        CliTest.Run a = train("--epochs", "2", "--snapshot-every", "1", "--out", out.toString());
        assertEquals(0, a.code(), a.err());
        String id = runId(a);
        Path folder = runs().resolve(id);
        String status = Files.readString(folder.resolve("status.json"));
        String settings = Files.readString(folder.resolve("run.json"));
        byte[] model = Files.readAllBytes(folder.resolve("model.npz"));
        List<String> files = names(folder);
        Path first = folder.resolve("snapshot_epoch_0001.npz");
        CliTest.Run again = train("--resume", first.toString(), "--epochs", "5");
        assertEquals(2, again.code(), again.err());
        assertEquals("digitstudio train: error: snapshot_epoch_0001.npz is at epoch 1 of run " + id + ", which has trained 2 epochs: resuming it"
                + " would train the run again over what it did after it; branch from it instead (--branch " + id + "@epoch:1)", again.err().strip());
        assertEquals(status, Files.readString(folder.resolve("status.json")));
        assertEquals(settings, Files.readString(folder.resolve("run.json")));
        assertArrayEquals(model, Files.readAllBytes(folder.resolve("model.npz")));
        assertEquals(files, names(folder));
        assertEquals(1, new RunStore(runs()).list().size());
    }

    @Test
    void anExistingOutputIsReplacedOnlyWithForce() throws Exception {
        Path out = dir.resolve("model.npz");
        Files.writeString(out, "a good model");
        CliTest.Run r = train("--epochs", "1", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("digitstudio train: error: " + out + " already exists; give another --out, or add --force to replace it", r.err().strip());
        assertEquals("a good model", Files.readString(out));
        assertTrue(new RunStore(runs()).list().isEmpty(), "nothing recorded either");
        CliTest.Run forced = train("--epochs", "1", "--out", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertNotEquals("a good model", new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void aRunAtChanceLevelIsRecordedAsFailedToLearn() throws Exception {
        CliTest.Run r = CliTest.run("train", "--units", "20", "--lr", "50", "--optimizer", "sgd", "--epochs", "1", "--train-size", "1000",
                "--test-size", "300", "--runs-dir", runs().toString(), "--out", dir.resolve("m.npz").toString());
        RunSummary s = new RunStore(runs()).list().get(0);
        if (s.status() == RunStatus.DIVERGED) return; // also never a model to use; this seed diverges instead
        assertEquals(RunStatus.FAILED_TO_LEARN, s.status(), r.err());
        assertEquals("failed to learn", s.status().label());
        assertTrue(r.err().contains("digitstudio train: warning: the run failed to learn: validation accuracy"), r.err());
    }

    @Test
    void aWarmUpLongerThanTheRunIsSaidInOneLine() {
        CliTest.Run r = train("--warmup", "5", "--epochs", "1", "--out", dir.resolve("w.npz").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.equals("digitstudio train: warning: the warm-up (5 epochs) is longer than the run (1 epoch): the learning rate never reaches 0.1")), r.err());
    }

    @Test
    void initModelWithoutModelTakesTheFilesNetwork() throws Exception {
        Path base = dir.resolve("base.npz");
        CliTest.Run a = train("--model", "linear 40, relu, linear", "--epochs", "1", "--out", base.toString());
        assertEquals(0, a.code(), a.err());
        CliTest.Run tuned = CliTest.run("train", "--init-model", base.toString(), "--epochs", "1", "--lr", "0.01", "--train-size", "2000",
                "--test-size", "300", "--runs-dir", runs().toString(), "--out", dir.resolve("tuned.npz").toString());
        assertEquals(0, tuned.code(), tuned.err());
        assertTrue(tuned.err().contains("starting from base.npz: MLP 784-40-10 (linear 40, relu, linear 10)"), tuned.err());
        assertEquals("linear 40, relu, linear 10", io.digitstudio.io.ModelFiles.loadNpz(dir.resolve("tuned.npz")).model().spec().text());
    }

    @Test
    void ctrlCEndsTheRunWithOneLineThatSaysHowToResumeIt() throws Exception {
        // a build started in the background by a non-interactive shell ignores SIGINT, and the run it starts inherits
        // that (it then trains to its end, and says nothing): there is no Ctrl-C to test
        org.junit.jupiter.api.Assumptions.assumeFalse(sigintIgnored(), "this process ignores SIGINT, and so would the run");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.digitstudio.Main", "train", "--units", "20",
                "--lr", "0.1", "--train-size", "2000", "--test-size", "300", "--epochs", "500", "--runs-dir", runs().toString(),
                "--out", dir.resolve("m.npz").toString()).redirectError(dir.resolve("err.txt").toFile()).start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8))) {
            String first = lines.readLine();
            assertNotNull(first, "the run printed no epoch");
            assertTrue(first.startsWith("epoch:01 "), first);
            // Ctrl-C in a terminal sends SIGINT to the process
            assertEquals(0, new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor());
            assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), "the process ends");
        }
        String err = Files.readString(dir.resolve("err.txt"));
        RunSummary r = new RunStore(runs()).list().get(0);
        String last = err.strip().lines().reduce((x, y) -> y).orElse("");
        // what the run said goes with a missing snapshot: a full build under load once found none, and said no more
        Path stop = new RunStore(runs()).lastSnapshot(r).orElseThrow(() -> new AssertionError("no snapshot of run " + r.id() + " ("
                + r.status() + ": " + r.message() + "); the command said:\n" + err));
        // it says truthfully what was kept: the run's model file in its folder, and the snapshot to resume from
        assertTrue(Files.exists(r.folder().resolve("model.npz")));
        assertTrue(last.matches("digitstudio train: interrupted at epoch [0-9.]+ \\(iteration [\\d,]+\\); the model so far is in "
                + java.util.regex.Pattern.quote(r.folder().resolve("model.npz").toString()) + " \\(m\\.npz is written only when a run ends\\);"
                + " a snapshot is kept in " + java.util.regex.Pattern.quote(stop.toString()) + "\\. Continue it with: "
                + "digitstudio train --resume " + r.id()), err);
        assertEquals(RunStatus.STOPPED, r.status());
        assertFalse(Files.exists(dir.resolve("m.npz")));
        assertTrue(stop.getFileName().toString().startsWith("snapshot_iter_"), stop.toString());

        // resumed where it stopped, in the same entry of the history, to the end of the next epoch
        int epoch = (int) Double.parseDouble(last.replaceAll(".*interrupted at epoch ([0-9.]+) .*", "$1"));
        CliTest.Run more = train("--resume", r.id(), "--epochs", String.valueOf(epoch + 1));
        assertEquals(0, more.code(), more.err());
        assertEquals(1, CliTest.epochLines(more.out()).size(), more.out());
        assertEquals(1, new RunStore(runs()).list().size());
        RunSummary after = new RunStore(runs()).find(r.id());
        assertEquals(RunStatus.FINISHED, after.status());
        assertEquals(epoch + 1, after.epochsDone());
        assertFalse(Files.exists(stop), "the stop snapshot is superseded by the run's later one");
        CliTest.Run again = train("--resume", r.id(), "--epochs", String.valueOf(epoch + 1));
        assertEquals(2, again.code(), "its newest snapshot is its end, never the earlier stop: " + again.err());
        assertTrue(again.err().contains("has already trained " + (epoch + 1) + " epochs"), again.err());
    }

    @Test
    void exportsNeverReplaceAFileWithoutForce() throws Exception {
        CliTest.Run a = train("--epochs", "1", "--out", dir.resolve("a.npz").toString());
        assertEquals(0, a.code(), a.err());
        Path zip = dir.resolve("run.zip");
        Files.writeString(zip, "mine");
        CliTest.Run r = CliTest.run("runs", "export", runId(a), zip.toString(), "--runs-dir", runs().toString());
        assertEquals(2, r.code());
        assertEquals("digitstudio runs export: error: " + zip + " already exists; give another FILE.zip, or add --force to replace it", r.err().strip());
        assertEquals("mine", Files.readString(zip));
        assertEquals(0, CliTest.run("runs", "export", runId(a), zip.toString(), "--runs-dir", runs().toString(), "--force").code());
        assertNotEquals(4, Files.size(zip));

        Path digits = dir.resolve("digits.zip");
        Files.writeString(digits, "mine");
        CliTest.Run m = CliTest.run("mydigits", "export", digits.toString(), "--dir", dir.resolve("collection").toString());
        assertEquals(2, m.code());
        assertEquals("digitstudio mydigits export: error: " + digits + " already exists; give another FILE.zip, or add --force to replace it", m.err().strip());
        assertEquals("mine", Files.readString(digits));
    }

    /** Whether this process ignores SIGINT (Linux's /proc/self/status; false where it cannot tell). */
    private static boolean sigintIgnored() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("SigIgn:")) return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 1)) != 0;
            }
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
        return false;
    }
}
