package io.digitstudio.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DigitStudio against PyTorch from process start to saved model, in one alternated sitting of N pairs: (1) the whole
 * tutorial run, {@code train} with ten epochs, against {@code torch_mlp.py --epochs 10}, each from process start to
 * exit; (2) the sum of the ten epoch times {@code train} prints against the sum of PyTorch's {@code train_s + val_s},
 * from the same two processes; (3) LeNet's second epoch (training and validation) against {@code torch_cnn.py}'s at
 * PyTorch's best thread count (1 or 2, both run in every pair); (4) a window's first run against the command line's
 * ({@code gui-vs-cli.sh} with one round per pair). With {@code --base DIR} each pair also runs the jar built in DIR
 * (a worktree of an earlier commit) for the whole run and for the fixed cost, a one-epoch run on 128 examples.
 * Within a pair the order flips (ours first, then theirs first) so that neither side always runs on a warmer machine.
 * The medians of the per-pair ratios go into a dated record, as the suite's other figures do.
 */
final class Race {
    private static final Pattern PRINTED_TIME = Pattern.compile("^epoch:(\\d+) .*val_accuracy:([0-9.]+) time:([0-9.]+)s", Pattern.MULTILINE);
    private static final Pattern PEER_EPOCH = Pattern.compile("^epoch:(\\d+) .*?val_accuracy:([0-9.]+).*?train_s:([0-9.]+) val_s:([0-9.]+)", Pattern.MULTILINE);

    private final BenchSuite suite;
    private final int pairs;
    private final Path base;
    private final int lenetTrain;

    Race(BenchSuite suite, int pairs, Path base, int lenetTrain) {
        if (pairs < 1) throw new IllegalArgumentException("--pairs must be at least 1");
        this.suite = suite;
        this.pairs = pairs;
        this.base = base;
        this.lenetTrain = lenetTrain;
    }

    /** One timed process: its wall-clock seconds from start to exit and its output. */
    record Timed(double seconds, String out) {
    }

    private Timed timed(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        BenchSuite.Exec e = suite.exec(cmd, 3600);
        double s = (System.nanoTime() - t0) / 1e9;
        if (e.code() != 0) throw new IllegalStateException("exit code " + e.code() + " from " + String.join(" ", cmd) + ": " + tail(e.out()));
        return new Timed(s, e.out());
    }

    private static String tail(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    /**
     * Our jar as the installed launcher runs it: with the launcher's JVM options and the start-up archive the build
     * made, when there is one.
     */
    List<String> ours(String... args) {
        List<String> cmd = new ArrayList<>(List.of(suite.javaBin));
        cmd.addAll(suite.launcherOptions);
        if (Files.isRegularFile(suite.root.resolve("target/digitstudio.jsa"))) cmd.add("-XX:SharedArchiveFile=target/digitstudio.jsa");
        cmd.addAll(List.of("-jar", "target/digitstudio.jar"));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The base jar, with the same JVM options as ours: the pair compares the jars. */
    private List<String> based(String... args) {
        List<String> cmd = new ArrayList<>(List.of(suite.javaBin));
        cmd.addAll(suite.launcherOptions);
        cmd.addAll(List.of("-jar", base.resolve("target/digitstudio.jar").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private String out(String name) throws IOException {
        return Files.createDirectories(suite.root.resolve("target/bench-home/race")).resolve(name).toString();
    }

    Map<String, Object> run(String note) throws IOException, InterruptedException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("schema", 1);
        record.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        record.put("settings", "race");
        record.put("note", ("DigitStudio against PyTorch from process start to saved model: " + pairs + " alternated pairs, medians of the per-pair ratios."
                + (lenetTrain > 0 ? " DigitStudio's LeNet epochs are shortened to the first " + lenetTrain + " training examples and their training time scaled to 60,000 (PyTorch's run whole)." : "")
                + " " + note).strip());
        record.put("load_average_before", BenchSuite.loadAverage());
        record.put("machine", BenchSuite.machine());
        record.put("versions", suite.versions());
        record.put("commit", suite.commit());
        record.put("launcher_options", suite.launcherOptions);
        List<Object> results = new ArrayList<>();
        record.put("results", results);

        String why = suite.peerProblem();
        String python = suite.python();
        if (why != null) {
            results.add(BenchSuite.skipped("race", "DigitStudio against PyTorch", why));
            record.put("load_average_after", BenchSuite.loadAverage());
            return record;
        }
        Path mnist = suite.rawMnist();
        // the peers read only the whole of MNIST: a shortened epoch of ours is scaled to 60,000 examples instead
        Path lenetData = mnist;
        List<String> whole = ours("train", "--epochs", "10", "--no-record", "--force", "--out", out("tutorial.npz"));
        List<String> torchWhole = List.of(python, suite.peers.resolve("torch_mlp.py").toString(), mnist.toString(), "--epochs", "10");
        List<String> fixed = List.of("train", "--epochs", "1", "--train-size", "128", "--test-size", "128", "--no-record", "--force", "--out");
        List<String> lenet = new ArrayList<>(List.of("bench", "--model", "lenet", "--epochs", "2", "--threads", "2"));
        if (lenetTrain > 0) lenet.addAll(List.of("--train-size", Integer.toString(lenetTrain)));
        boolean gui = suite.gui && exists("xvfb-run") && exists("xdotool");

        // not timed: the first start of each side unpacks, caches and pages in what later starts find ready
        System.out.println("== warm-up (not timed)");
        timed(concat(ours(fixed.toArray(String[]::new)), out("warm.npz")));
        if (base != null) timed(concat(based(fixed.toArray(String[]::new)), out("warm-base.npz")));
        timed(List.of(python, "-c", "import torch"));

        List<double[]> w = new ArrayList<>(), sums = new ArrayList<>(), le = new ArrayList<>(), fx = new ArrayList<>();
        List<Double> guiRatios = new ArrayList<>(), accuracies = new ArrayList<>();
        for (int i = 1; i <= pairs; i++) {
            boolean oursFirst = i % 2 == 1;
            System.out.printf(Locale.ROOT, "== pair %d of %d (%s first); load %s%n", i, pairs, oursFirst ? "DigitStudio" : "PyTorch", BenchSuite.loadAverage());
            Timed us = null, them;
            if (oursFirst) us = timed(whole);
            them = timed(torchWhole);
            if (!oursFirst) us = timed(whole);
            Timed was = base == null ? null : timed(based(whole.subList(whole.indexOf("train"), whole.size()).toArray(String[]::new)));
            double printed = printedSum(us.out());
            double[] peer = peerSums(them.out());
            accuracies.add(lastAccuracy(us.out()));
            w.add(new double[]{us.seconds(), them.seconds(), was == null ? Double.NaN : was.seconds()});
            sums.add(new double[]{printed, peer[0] + peer[1]});
            System.out.printf(Locale.ROOT, "whole run: DigitStudio %.2f s, PyTorch %.2f s (%.2fx)%s; epoch times: printed sum %.2f s, PyTorch train_s+val_s %.2f s (%.2fx)%n",
                    us.seconds(), them.seconds(), us.seconds() / them.seconds(),
                    was == null ? "" : String.format(Locale.ROOT, ", base %.2f s (ours/base %.2fx)", was.seconds(), us.seconds() / was.seconds()),
                    printed, peer[0] + peer[1], printed / (peer[0] + peer[1]));

            Timed f = timed(concat(ours(fixed.toArray(String[]::new)), out("fixed.npz")));
            Timed fb = base == null ? null : timed(concat(based(fixed.toArray(String[]::new)), out("fixed-base.npz")));
            fx.add(new double[]{f.seconds(), fb == null ? Double.NaN : fb.seconds()});
            System.out.printf(Locale.ROOT, "fixed cost (1 epoch of 128 examples): DigitStudio %.2f s%s%n", f.seconds(),
                    fb == null ? "" : String.format(Locale.ROOT, ", base %.2f s", fb.seconds()));

            double oursLenet = Double.NaN, t1 = Double.NaN, t2 = Double.NaN;
            for (int k = 0; k < 2; k++) {
                if ((k == 0) == oursFirst) {
                    oursLenet = oursLenetEpoch(timed(ours(lenet.toArray(String[]::new))).out(), lenetTrain);
                } else {
                    t1 = peerEpoch2(timed(List.of(python, suite.peers.resolve("torch_cnn.py").toString(), lenetData.toString(), "--epochs", "2", "--threads", "1")).out());
                    t2 = peerEpoch2(timed(List.of(python, suite.peers.resolve("torch_cnn.py").toString(), lenetData.toString(), "--epochs", "2", "--threads", "2")).out());
                }
            }
            le.add(new double[]{oursLenet, t1, t2});
            System.out.printf(Locale.ROOT, "LeNet epoch 2 (train + val): DigitStudio %.2f s, PyTorch 1 thread %.2f s, 2 threads %.2f s%n", oursLenet, t1, t2);

            if (gui) {
                BenchSuite.Exec g = suite.exec(List.of("src/test/scripts/gui-vs-cli.sh", "1", "2", "1"), 1800);
                Matcher m = Pattern.compile("run 1: median ([0-9.]+)x").matcher(g.out());
                if (g.code() == 0 && m.find()) guiRatios.add(Double.parseDouble(m.group(1)));
                System.out.println("window's first run / command line: " + (m.find(0) ? m.group(1) + "x" : "failed: " + tail(g.out())));
            }
        }

        results.add(entry("race_whole", "the whole tutorial run, process start to saved model, against torch_mlp.py --epochs 10",
                String.join(" ", whole).replace(suite.javaBin, "java") + "` against `" + String.join(" ", torchWhole), figuresOf(w, 0, 1, "digitstudio_s", "pytorch_s")));
        if (base != null) {
            results.add(entry("race_whole_base", "the whole tutorial run against the base jar's (" + base + ")",
                    "the same train command with " + base.resolve("target/digitstudio.jar"), figuresOf(w, 0, 2, "digitstudio_s", "base_s")));
        }
        Map<String, Object> sumFigures = figuresOf(sums, 0, 1, "printed_sum_s", "pytorch_train_val_sum_s");
        sumFigures.put("final_val_accuracy", median(accuracies));
        results.add(entry("race_epoch_sums", "the ten epoch times train prints, summed, against PyTorch's train_s + val_s, summed",
                "from the same processes as the whole run", sumFigures));
        int best = median(column(le, 1)) <= median(column(le, 2)) ? 1 : 2;
        Map<String, Object> lf = figuresOf(le, 0, best, "digitstudio_s", "pytorch_s");
        lf.put("pytorch_threads", best);
        lf.put("pytorch_1_thread_s", median(column(le, 1)));
        lf.put("pytorch_2_threads_s", median(column(le, 2)));
        results.add(entry("race_lenet", "LeNet per epoch (epoch 2, training and validation), 2 threads, against PyTorch at its best thread count"
                        + (lenetTrain > 0 ? " (ours: epochs of " + lenetTrain + " examples, training time scaled to 60,000)" : ""),
                String.join(" ", ours(lenet.toArray(String[]::new))).replace(suite.javaBin, "java") + "` against `torch_cnn.py --epochs 2 --threads 1|2", lf));
        Map<String, Object> ff = new LinkedHashMap<>();
        ff.put("digitstudio_s_median", median(column(fx, 0)));
        if (base != null) ff.put("base_s_median", median(column(fx, 1)));
        results.add(entry("race_fixed", "fixed cost: train --epochs 1 --train-size 128 --test-size 128, process start to saved model",
                String.join(" ", ours(fixed.toArray(String[]::new))).replace(suite.javaBin, "java") + " FILE", ff));
        if (gui) {
            Map<String, Object> gf = new LinkedHashMap<>();
            gf.put("first_run_ratio_median", median(guiRatios));
            gf.put("rounds", guiRatios.size());
            results.add(entry("race_gui", "a window's first run against the command line's (2 threads, 12 epochs)", "src/test/scripts/gui-vs-cli.sh 1 2 1, once per pair", gf));
        } else {
            results.add(BenchSuite.skipped("race_gui", "a window's first run against the command line's", suite.gui ? "needs xvfb-run and xdotool" : "--no-gui"));
        }
        record.put("load_average_after", BenchSuite.loadAverage());
        printSummary(results);
        return record;
    }

    @SuppressWarnings("unchecked")
    private static void printSummary(List<Object> results) {
        System.out.println("== the four ratios of issue 39 (medians of the per-pair ratios)");
        for (Object o : results) {
            Map<String, Object> r = (Map<String, Object>) o;
            Object f = r.get("figures");
            System.out.println(r.get("id") + ": " + (f == null ? "skipped: " + r.get("skipped") : PerformancePage.figures((Map<String, Object>) f)));
        }
    }

    private static Map<String, Object> entry(String id, String what, String command, Map<String, Object> figures) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("what", what);
        r.put("command", command);
        r.put("figures", figures);
        return r;
    }

    /** Column a over column b: the median of the per-pair ratios, both medians, and each pair's ratio. */
    static Map<String, Object> figuresOf(List<double[]> rows, int a, int b, String nameA, String nameB) {
        Map<String, Object> f = new LinkedHashMap<>();
        List<Double> ratios = new ArrayList<>();
        for (double[] r : rows) ratios.add(r[a] / r[b]);
        f.put("ratio_median", median(ratios));
        f.put(nameA + "_median", median(column(rows, a)));
        f.put(nameB + "_median", median(column(rows, b)));
        for (int i = 0; i < ratios.size(); i++) f.put("ratio_pair_" + (i + 1), ratios.get(i));
        return f;
    }

    private static List<Double> column(List<double[]> rows, int c) {
        List<Double> out = new ArrayList<>();
        for (double[] r : rows) out.add(r[c]);
        return out;
    }

    static double median(List<Double> values) {
        List<Double> v = values.stream().filter(d -> !d.isNaN()).sorted().toList();
        if (v.isEmpty()) return Double.NaN;
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    /** The sum of the {@code time:} figures of train's epoch lines. */
    static double printedSum(String out) {
        Matcher m = PRINTED_TIME.matcher(out);
        double sum = 0;
        int n = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(3));
            n++;
        }
        if (n == 0) throw new IllegalStateException("no epoch lines with time: in " + tail(out));
        return sum;
    }

    static double lastAccuracy(String out) {
        Matcher m = PRINTED_TIME.matcher(out);
        double a = Double.NaN;
        while (m.find()) a = Double.parseDouble(m.group(2));
        return a;
    }

    /** A peer's summed train_s and val_s over its epochs. */
    static double[] peerSums(String out) {
        Matcher m = PEER_EPOCH.matcher(out);
        double t = 0, v = 0;
        int n = 0;
        while (m.find()) {
            t += Double.parseDouble(m.group(3));
            v += Double.parseDouble(m.group(4));
            n++;
        }
        if (n == 0) throw new IllegalStateException("no epoch lines with train_s and val_s in " + tail(out));
        return new double[]{t, v};
    }

    /** A peer's second epoch, training and validation. */
    static double peerEpoch2(String out) {
        Matcher m = PEER_EPOCH.matcher(out);
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == 2) return Double.parseDouble(m.group(3)) + Double.parseDouble(m.group(4));
        }
        throw new IllegalStateException("no second epoch in " + tail(out));
    }

    /**
     * bench's training plus validation seconds of its epochs after the first; with {@code trainSize} > 0 (an epoch of
     * that many examples) the training part is scaled to MNIST's 60,000 (training time is linear in the examples).
     */
    static double oursLenetEpoch(String out, int trainSize) {
        Matcher m = Pattern.compile("train_seconds_per_epoch:([0-9.]+) .*val_seconds_per_epoch:([0-9.]+)").matcher(out);
        if (!m.find()) throw new IllegalStateException("no train_seconds_per_epoch in " + tail(out));
        double train = Double.parseDouble(m.group(1));
        return (trainSize > 0 ? train * 60000.0 / trainSize : train) + Double.parseDouble(m.group(2));
    }

    private static boolean exists(String command) {
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(p, command))) return true;
        }
        return false;
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }
}
