package io.digitstudio.cli;

import io.digitstudio.io.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class CliTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    /** Runs the CLI capturing both the writers picocli uses and System.out, which commands print to. */
    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream sysOut = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream sysErr = new java.io.ByteArrayOutputStream();
        System.setOut(new PrintStream(sysOut, true));
        System.setErr(new PrintStream(sysErr, true));
        int code;
        try {
            code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        return new Run(code, out + sysOut.toString(), err + sysErr.toString());
    }

    /**
     * The ids of a recorded two-epoch run with a snapshot each epoch, then of its branch at epoch 1 (at a rate of 0.05,
     * with {@code branchOptions}), both in {@code runs}.
     */
    static String[] runAndBranch(Path dir, String runs, String... branchOptions) {
        Run p = run("train", "--units", "20", "--epochs", "2", "--train-size", "500", "--test-size", "100", "--snapshot-every", "1",
                "--out", dir.resolve("parent.npz").toString(), "--runs-dir", runs);
        assertEquals(0, p.code(), p.err());
        String parent = p.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("train", "--branch", parent + "@epoch:1", "--lr", "0.05"));
        args.addAll(java.util.List.of(branchOptions));
        args.addAll(java.util.List.of("--out", dir.resolve("branch.npz").toString(), "--runs-dir", runs));
        Run b = run(args.toArray(String[]::new));
        assertEquals(0, b.code(), b.err());
        String branch = b.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        assertEquals(8, branch.length(), b.out());
        return new String[]{parent, branch};
    }

    /** The tutorial's epoch lines among what a command printed on stdout. */
    static java.util.List<String> epochLines(String out) {
        return out.lines().filter(l -> l.startsWith("epoch:")).toList();
    }

    @Test
    void trainPrintsTutorialLinesAndSavesAModelThatEvalReads() {
        Path model = dir.resolve("m.npz");
        Run r = run("train", "--epochs", "2", "--train-size", "3000", "--test-size", "500", "--units", "32", "--out", model.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(5, lines.length, r.out());
        assertTrue(lines[0].matches("epoch:01 train_loss:\\d\\.\\d{4} val_loss:\\d\\.\\d{4} val_accuracy:0\\.\\d{4}.*"), lines[0]);
        // what became of the run is a result, on stdout with the epochs; stderr keeps errors and warnings
        assertTrue(lines[2].matches("recorded as run [0-9a-f]{8} \\(digitstudio runs show [0-9a-f]{8}\\)"), lines[2]);
        assertEquals("saved 784-32-32-10 model to " + model, lines[3]);
        assertTrue(lines[4].matches("took \\d+:\\d\\d"), lines[4]);
        assertFalse(r.err().contains("recorded as run") || r.err().contains("saved "), r.err());
        assertTrue(Files.exists(model));
        assertEquals("784-32-32-10", ModelFiles.loadNpz(model).model().architecture());

        Run e = run("eval", "--model", model.toString(), "--test-size", "500");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().strip().matches("test_loss:\\d\\.\\d{4} test_accuracy:0\\.\\d{4}"), e.out());
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Run unknown = run("train", "--optimizer", "nadam");
        assertEquals(2, unknown.code());
        assertEquals("digitstudio train: error: unknown optimizer 'nadam'; choose one of " + String.join(", ", io.digitstudio.optim.Optimizers.NAMES)
                + " (see 'digitstudio train --help')", unknown.err().strip());
        assertTrue(io.digitstudio.optim.Optimizers.NAMES.containsAll(java.util.List.of("momentum-sgd", "sgd", "adam", "rmsprop", "adagrad")));

        Run batch = run("train", "--batch-size", "0");
        assertEquals(2, batch.code());
        assertTrue(batch.err().contains("--batch-size must be at least 1, got 0"), batch.err());

        Run noData = run("train", "--data", dir.resolve("none").toString());
        assertEquals(2, noData.code());
        assertEquals(1, noData.err().strip().lines().count(), noData.err());

        Path junk = dir.resolve("junk.npz");
        Files.writeString(junk, "junk");
        Run badModel = run("eval", "--model", junk.toString());
        assertEquals(2, badModel.code());
        assertEquals("digitstudio eval: error: junk.npz: not an .npz file (not a zip archive, or truncated)", badModel.err().strip());
        assertFalse(badModel.err().contains("at io.digitstudio"), "no stack trace");

        Run usage = run("train", "--epochs", "many");
        assertEquals(2, usage.code());
        assertTrue(usage.err().contains("--epochs"), usage.err());

        Run outDir = run("train", "--out", dir.toString());
        assertEquals(2, outDir.code());
        assertTrue(outDir.err().contains("is a folder"), outDir.err());
    }

    @Test
    void versionAndHelp() {
        Run v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.out().startsWith("DigitStudio "), v.out());
        Run h = run("--help");
        assertEquals(0, h.code());
        for (String cmd : new String[]{"train", "eval", "bench"}) assertTrue(h.out().contains(cmd), h.out());
    }

    @Test
    void trainHelpDescribesEveryOptimizerFromItsOwnClass() {
        Run h = run("train", "--help");
        assertEquals(0, h.code(), h.err());
        String text = h.out().replaceAll("\\s+", " ");
        for (io.digitstudio.optim.OptimizerType t : io.digitstudio.optim.Optimizers.TYPES) {
            assertTrue(text.contains(t.name() + ": " + t.help()), t.name() + " in " + h.out());
        }
        assertTrue(text.contains("momentum-sgd: Chainer's MomentumSGD, the tutorial's optimizer: v = momentum v - lr g; W += v (lr 0.01, momentum 0.9)"), h.out());
        assertTrue(text.contains("adam: ") && text.contains("(alpha 0.001, beta1 0.9, beta2 0.999, eps 1e-8)"), h.out());
        assertTrue(text.contains("The optimizer (default: momentum-sgd)"), h.out());
        assertTrue(text.contains("Momentum for momentum-sgd"), h.out());

        Run m = run("train", "--optimizer", "adam", "--momentum", "0.5");
        assertEquals(2, m.code());
        assertTrue(m.err().strip().startsWith("digitstudio train: error: --momentum applies only to momentum-sgd"), m.err());
        assertTrue(m.err().strip().endsWith("not to adam (see 'digitstudio train --help')"), m.err());
    }
}
