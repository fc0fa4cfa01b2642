package io.digitstudio.cli;

import io.digitstudio.data.DrawnDigitsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** What a new user tripped over on the command line, each as it was reported. */
class CliDefectsTest {
    @TempDir
    Path dir;

    record Process(int code, String out, String err) {
    }

    /** Runs the CLI in a JVM of its own, in {@code cwd}, with {@code classPath}. */
    static Process java(Path cwd, String classPath, String... args) throws Exception {
        return javaWithHeap(cwd, classPath, "-Xmx1g", args);
    }

    /** Like {@link #java(Path, String, String...)}, with the JVM's heap limit {@code xmx} ("-Xmx256m"). */
    static Process javaWithHeap(Path cwd, String classPath, String xmx, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), xmx, "-cp", classPath,
                "io.digitstudio.Main"));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(cwd.getParent(), "out", ".txt");
        Path err = Files.createTempFile(cwd.getParent(), "err", ".txt");
        java.lang.Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        int code = p.waitFor();
        return new Process(code, Files.readString(out), Files.readString(err));
    }

    /** The test JVM's class path as one string (Surefire may hand it over in a manifest-only jar, which java -cp reads too). */
    static String classPath() {
        return System.getProperty("java.class.path");
    }

    @Test
    void aNetworkTooLargeForTheHeapGetsOneLineNotAStackTrace() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        // within the spec's limits (under 100,000,000 weights), but its second layer's 49,500,000 floats alone are
        // more than a 128 MB heap holds
        Process p = javaWithHeap(work, classPath(), "-Xmx128m", "train", "--model", "linear 5000, relu, linear 9900, relu, linear",
                "--epochs", "1", "--train-size", "128", "--test-size", "128", "--no-record");
        assertEquals(1, p.code(), p.err());
        List<String> lines = p.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(List.of("digitstudio train: error: out of memory (Java heap space); a smaller network or batch needs less"), lines,
                p.err());
        try (var files = Files.list(work)) {
            assertEquals(List.of(), files.toList(), "no model from a run that ran out of memory");
        }
    }

    @Test
    void trainWithoutOutSavesToAFreeDefaultAndSaysWhere() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        String[] args = {"train", "--epochs", "1", "--train-size", "500", "--test-size", "100", "--units", "16"};
        Process first = java(work, classPath(), args);
        assertEquals(0, first.code(), first.err());
        assertTrue(Files.exists(work.resolve("model.npz")));
        assertTrue(first.out().contains("saved 784-16-16-10 model to model.npz"), first.out());
        Process second = java(work, classPath(), args);
        assertEquals(0, second.code(), second.err());
        assertTrue(Files.exists(work.resolve("model-2.npz")), "the first model is not overwritten");
        assertTrue(second.out().contains("model to model-2.npz"), second.out());
    }

    @Test
    void theJarsClassesWithoutTheirLibrariesSayWhatIsMissingInOneLine() throws Exception {
        Path work = Files.createDirectory(dir.resolve("alone"));
        Path classes = Path.of("target/classes").toAbsolutePath();
        for (String[] args : new String[][]{{"--version"}, {"train"}}) {
            Process p = java(work, classes.toString(), args);
            assertEquals(1, p.code(), p.err());
            String err = p.err().strip();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.startsWith("digitstudio: error: a library is missing (picocli."), err);
            assertTrue(err.contains("lib/ folder"), err);
        }
    }

    @Test
    void resumeContinuesTheRunAsItWasSetUpAndRefusesContradictions() throws Exception {
        Path snaps = dir.resolve("not/yet/there");
        Path model = dir.resolve("first.npz");
        String[] common = {"--train-size", "600", "--test-size", "100", "--units", "20"};
        CliTest.Run first = CliTest.run(concat(new String[]{"train", "--epochs", "1", "--snapshot-every", "1", "--snapshot-dir", snaps.toString(),
                "--out", model.toString()}, common));
        assertEquals(0, first.code(), first.err());
        Path snap = snaps.resolve("snapshot_epoch_0001.npz");
        assertTrue(Files.exists(snap), "--snapshot-dir is created");
        Files.delete(model);

        CliTest.Run units = CliTest.run("train", "--resume", snap.toString(), "--units", "400", "--epochs", "2");
        assertEquals(2, units.code());
        assertEquals(1, units.err().strip().lines().count(), units.err());
        assertTrue(units.err().contains("--units 400 contradicts the snapshot, which was set up with 20"), units.err());
        CliTest.Run lr = CliTest.run("train", "--resume", snap.toString(), "--lr", "0.5");
        assertEquals(2, lr.code());
        assertTrue(lr.err().contains("--lr 0.5 contradicts the snapshot, which was set up with 0.01"), lr.err());
        assertFalse(Files.exists(model));

        // no --out, no snapshot options: the run goes on writing where it did; the same --units is accepted
        CliTest.Run resumed = CliTest.run("train", "--resume", snap.toString(), "--epochs", "2", "--units", "20");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().startsWith("epoch:02"), resumed.out());
        assertTrue(Files.exists(model), "the original --out is kept");
        assertTrue(Files.exists(snaps.resolve("snapshot_epoch_0002.npz")), "snapshots go on");

        // the run's newest snapshot now is epoch 2's: its epoch 1 would train the run again over epoch 2
        Path other = dir.resolve("other.npz");
        CliTest.Run moved = CliTest.run("train", "--resume", snaps.resolve("snapshot_epoch_0002.npz").toString(), "--epochs", "3", "--out", other.toString());
        assertEquals(0, moved.code(), moved.err());
        assertTrue(Files.exists(other), "another --out is accepted");
    }

    /**
     * A run trained 3 epochs and resumed to 5: a branch at its epoch 3 trains to the 5 the run has now, as the window's
     * "Branch from here…" fills in, and says so ("epoch 3 of 5"); it failed for want of more epochs than 3.
     */
    @Test
    void aBranchOfARunResumedToMoreEpochsTakesTheEpochsTheRunHasNow() {
        String runs = dir.resolve("runs").toString();
        CliTest.Run first = CliTest.run("train", "--units", "20", "--epochs", "3", "--train-size", "500", "--test-size", "100", "--snapshot-every", "1",
                "--out", dir.resolve("parent.npz").toString(), "--runs-dir", runs);
        assertEquals(0, first.code(), first.err());
        String id = first.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        CliTest.Run more = CliTest.run("train", "--resume", id, "--epochs", "5", "--out", dir.resolve("parent-5.npz").toString(), "--runs-dir", runs);
        assertEquals(0, more.code(), more.err());
        assertEquals(5, new io.digitstudio.runs.RunStore(Path.of(runs)).find(id).settings().config().epochs(), "the run's settings say 5 epochs now");

        CliTest.Run branch = CliTest.run("train", "--branch", id + "@epoch:3", "--lr", "0.001", "--out", dir.resolve("branch.npz").toString(), "--runs-dir", runs);
        assertEquals(0, branch.code(), branch.err());
        assertTrue(branch.err().contains("branching run " + id + " at epoch 3 of 5 (iteration "), branch.err());
        assertEquals(List.of("epoch:04", "epoch:05"), CliTest.epochLines(branch.out()).stream().map(l -> l.substring(0, 8)).toList(), branch.out());
    }

    /**
     * A run first saved as model-2.npz (model.npz was taken) and resumed: its model goes to the next free name of the
     * README's model-2, model-3, … series, not to model-2-2.npz; model-2.npz stays as it was.
     */
    @Test
    void aResumedRunSavedAsModel2GoesOnToModel3() throws Exception {
        Path work = Files.createDirectory(dir.resolve("work"));
        Files.writeString(work.resolve("model.npz"), "the user's");
        String runs = dir.resolve("runs").toString();
        Process first = java(work, classPath(), "train", "--epochs", "1", "--train-size", "500", "--test-size", "100", "--units", "16", "--snapshot-every", "1",
                "--runs-dir", runs);
        assertEquals(0, first.code(), first.err());
        assertTrue(first.out().contains("model to model-2.npz"), first.out());
        String id = first.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        byte[] saved = Files.readAllBytes(work.resolve("model-2.npz"));

        Process resumed = java(work, classPath(), "train", "--resume", id, "--epochs", "2", "--runs-dir", runs);
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("saved 784-16-16-10 model to " + work.resolve("model-3.npz").toAbsolutePath()), resumed.out());
        assertTrue(Files.exists(work.resolve("model-3.npz")));
        assertFalse(Files.exists(work.resolve("model-2-2.npz")));
        assertArrayEquals(saved, Files.readAllBytes(work.resolve("model-2.npz")), "model-2.npz is not replaced");
        assertEquals("the user's", Files.readString(work.resolve("model.npz")));
        // a name of the user's own that ends in a number is no member of the series
        Files.writeString(work.resolve("lenet-5.npz"), "the user's");
        assertEquals(work.resolve("lenet-5-2.npz"), io.digitstudio.runs.TrainingSession.freeName(work.resolve("lenet-5.npz")));
        assertEquals(work.resolve("model-4.npz"), io.digitstudio.runs.TrainingSession.freeName(work.resolve("model-2.npz")), "the next free one");
    }

    /**
     * A run paused in the app: {@code runs list} said "running" while the app said paused, and {@code runs delete}
     * "still running". Both say paused.
     */
    @Test
    void aPausedRunIsListedPausedAndItsDeleteSaysSo() throws Exception {
        io.digitstudio.nn.Nd4jSetup.init();
        io.digitstudio.runs.RunStore store = new io.digitstudio.runs.RunStore(dir.resolve("runs"));
        io.digitstudio.train.TrainingConfig c = io.digitstudio.train.TrainingConfig.tutorial().withEpochs(1).withUnits(10).withLimits(500, 100);
        io.digitstudio.runs.TrainingSession s = io.digitstudio.runs.TrainingSession.builder(store, "gui").config(c).build();
        io.digitstudio.train.TrainingLoop loop = s.loop();
        loop.control().pause(); // the window's Pause, before the first iteration
        Thread worker = new Thread(s::run);
        worker.start();
        try {
            while (!loop.control().isParked()) {
                assertTrue(worker.isAlive(), "the run parks in its pause");
                Thread.onSpinWait();
            }
            CliTest.Run list = CliTest.run("runs", "list", "--runs-dir", store.root().toString());
            assertEquals(0, list.code(), list.err());
            String row = list.out().lines().filter(l -> l.startsWith(s.runId())).findFirst().orElseThrow();
            assertTrue(row.contains(" paused ") && !row.contains("running"), row);
            CliTest.Run delete = CliTest.run("runs", "delete", s.runId(), "--force", "--runs-dir", store.root().toString());
            assertEquals("digitstudio runs delete: error: run " + s.runId() + " is paused; stop it first", delete.err().strip());
        } finally {
            loop.control().requestStop();
            worker.join();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private void image(Path file, int digit, String format) throws IOException {
        BufferedImage img = new DrawnDigitsAccess(digit).draw(digit, 100);
        BufferedImage rgb = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(img, 0, 0, null);
        Files.createDirectories(file.getParent());
        assertTrue(ImageIO.write(rgb, format, file.toFile()));
    }

    @Test
    void predictSearchesSubfoldersSaysWhenNothingIsFoundAndNeverOverwritesInputs() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliTest.Run none = CliTest.run("predict", empty.toString());
        assertEquals(2, none.code());
        assertEquals("digitstudio predict: error: no images found in " + empty + " (PNG, JPEG, BMP, GIF, TIFF, WebP)", none.err().strip());

        Path photos = dir.resolve("photos");
        image(photos.resolve("a.png"), 3, "png");
        image(photos.resolve("a.jpg"), 3, "jpg");
        image(photos.resolve("deeper/b.png"), 7, "png");
        Path inputs = dir.resolve("inputs/new");
        CliTest.Run r = CliTest.run("predict", "--save-input", inputs.toString(), photos.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(3, r.out().strip().lines().count(), r.out());
        assertTrue(r.out().contains("b.png 7"), r.out());
        assertTrue(Files.exists(inputs.resolve("a.png.input.png")));
        assertTrue(Files.exists(inputs.resolve("a.jpg.input.png")), "a.jpg does not overwrite a.png's input");
        assertTrue(Files.exists(inputs.resolve("b.png.input.png")));

        CliTest.Run flat = CliTest.run("predict", "--no-recursive", photos.resolve("deeper").getParent().toString());
        assertEquals(2, flat.out().strip().lines().count(), "only the folder's own images: " + flat.out());
    }

    @Test
    void evalRefusesAnEmptyTestSetAndOptionsThatMeanNothingThere() {
        CliTest.Run zero = CliTest.run("eval", "--model", "x.npz", "--test-size", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--test-size must be at least 1"), zero.err());
        CliTest.Run train = CliTest.run("eval", "--model", "x.npz", "--train-size", "10");
        assertEquals(2, train.code());
        assertTrue(train.err().contains("unknown option '--train-size' ("), train.err());
        CliTest.Run trainZero = CliTest.run("train", "--train-size", "0", "--out", "unused.npz");
        assertEquals(2, trainZero.code());
        assertTrue(trainZero.err().contains("--train-size must be at least 1"), trainZero.err());
    }
}
