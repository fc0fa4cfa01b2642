package io.digitstudio.bench;

import io.digitstudio.io.AtomicFiles;
import io.digitstudio.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark suite: runs each benchmark in a process of its own, as a user runs the jar, and writes one dated JSON
 * record (the machine, its CPU flags, the versions, the commit, the load on the machine, and each benchmark's figures)
 * to {@code src/site/benchmarks/}, then rebuilds the table of {@code src/site/markdown/performance.md} from it.
 * Started by {@code src/test/scripts/bench-suite.sh [--tiny]}; {@code --tiny} runs every benchmark with tiny settings,
 * to check that the suite works, and the record says its figures are not results.
 */
public final class BenchSuite {
    static final Path RECORDS = Path.of("src/site/benchmarks");
    private static final Path OPENBLAS_PTHREAD = Path.of("/usr/lib/x86_64-linux-gnu/openblas-pthread");
    private static final Pattern KEY_VALUE = Pattern.compile("([a-z_0-9]+):([-0-9.]+)");

    final Path root;
    final boolean tiny;
    final Path peers;
    final boolean gui;
    final String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    /** The installed launcher's JVM options, which the race starts our side with (none: --no-launcher-options). */
    final List<String> launcherOptions;

    BenchSuite(Path root, boolean tiny, Path peers, boolean gui) {
        this(root, tiny, peers, gui, LauncherOptions.read(root));
    }

    BenchSuite(Path root, boolean tiny, Path peers, boolean gui, List<String> launcherOptions) {
        this.root = root;
        this.tiny = tiny;
        this.peers = peers;
        this.gui = gui;
        this.launcherOptions = List.copyOf(launcherOptions);
    }

    public static void main(String[] args) throws Exception {
        List<String> a = Arrays.asList(args);
        Path root = Path.of("").toAbsolutePath();
        Path peers = a.contains("--peers") ? Path.of(a.get(a.indexOf("--peers") + 1)) : findPeers(root);
        BenchSuite suite = new BenchSuite(root, a.contains("--tiny"), peers, !a.contains("--no-gui"),
                a.contains("--no-launcher-options") ? List.of() : LauncherOptions.read(root));
        String note = a.contains("--note") ? a.get(a.indexOf("--note") + 1) : "";
        Map<String, Object> record;
        if (a.contains("--race")) {
            int pairs = a.contains("--pairs") ? Integer.parseInt(a.get(a.indexOf("--pairs") + 1)) : 3;
            Path base = a.contains("--base") ? Path.of(a.get(a.indexOf("--base") + 1)).toAbsolutePath() : null;
            int lenetTrain = a.contains("--lenet-train-size") ? Integer.parseInt(a.get(a.indexOf("--lenet-train-size") + 1)) : 0;
            record = new Race(suite, pairs, base, lenetTrain).run(note);
        } else {
            record = suite.run(note);
        }
        Path file = write(root.resolve(RECORDS), record);
        System.out.println("wrote " + root.relativize(file));
        Path page = root.resolve(PerformancePage.PAGE);
        PerformancePage.update(page, record, root.relativize(file).toString());
        System.out.println("updated " + root.relativize(page));
    }

    /** {@code ../shared/peers} beside the repository or one level up, where the PyTorch peers are kept; else null. */
    static Path findPeers(Path root) {
        for (Path p : new Path[]{root.resolveSibling("shared/peers"), root.getParent() == null ? null : root.getParent().resolveSibling("shared/peers")}) {
            if (p != null && Files.isRegularFile(p.resolve("torch_mlp.py"))) return p;
        }
        return null;
    }

    Map<String, Object> run(String note) throws IOException, InterruptedException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("schema", 1);
        record.put("date", Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        record.put("settings", tiny ? "tiny" : "full");
        String tinyNote = "Tiny settings: every benchmark ran with a few epochs on a small subset to check that the suite works."
                + " These figures are not results.";
        record.put("note", (tiny ? tinyNote + " " : "") + note);
        record.put("load_average_before", loadAverage());
        record.put("machine", machine());
        record.put("versions", versions());
        record.put("commit", commit());
        List<Object> results = new ArrayList<>();
        record.put("results", results);

        String epochs = tiny ? "2" : "10";
        List<String> subset = tiny ? List.of("--train-size", "2000", "--test-size", "500") : List.of();
        for (String threads : List.of("1", "2")) {
            results.add(cli("mlp_cli_" + threads, "tutorial MLP, command line, " + threads + (threads.equals("1") ? " thread" : " threads"),
                    concat(List.of("bench", "--epochs", epochs, "--threads", threads), subset)));
        }
        results.add(cli("lenet_cli_2", "LeNet, command line, 2 threads",
                concat(List.of("bench", "--model", "lenet", "--epochs", tiny ? "2" : "3", "--threads", "2"), subset)));
        results.add(peer("mlp_torch", "tutorial MLP, PyTorch peer (torch_mlp.py)", "torch_mlp.py", epochs));
        results.add(peer("lenet_torch", "LeNet, PyTorch peer (torch_cnn.py)", "torch_cnn.py", tiny ? "2" : "3"));
        results.add(cli("pen_up", "Draw view: pen-up to probabilities (built-in MLP)", List.of("bench", "--predict")));
        results.add(convolution());
        if (gui) {
            results.add(windowTime());
            results.add(guiRatio(epochs));
            results.add(memoryStory());
        }
        record.put("load_average_after", loadAverage());
        return record;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** A command-line benchmark: its {@code key:value} figures. */
    private Map<String, Object> cli(String id, String what, List<String> args) throws InterruptedException {
        List<String> cmd = concat(List.of(javaBin, "-Xmx512m", "-jar", "target/digitstudio.jar"), args);
        return result(id, what, cmd, out -> {
            Map<String, Object> v = new LinkedHashMap<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("train_seconds_per_epoch:") || line.startsWith("ratio_inputs:") || line.startsWith("predict_ms_median:")) {
                    v.putAll(keyValues(line));
                }
            }
            v.remove("threads");
            return v;
        });
    }

    /** A PyTorch peer, when Python has torch: the medians of its epochs after the first, and its final accuracy. */
    private Map<String, Object> peer(String id, String what, String script, String epochs) throws InterruptedException, IOException {
        String problem = peerProblem();
        if (problem != null) return skipped(id, what, problem);
        String python = python();
        Path data = rawMnist();
        List<String> cmd = List.of(python, peers.resolve(script).toString(), data.toString(), "--epochs", epochs);
        return result(id, what, cmd, BenchSuite::peerFigures);
    }

    private String python;

    /**
     * Why the PyTorch peers cannot run here, or null. Without OpenBLAS's threaded build, Debian's torch falls back to the
     * reference BLAS and runs ten times slower or more, so a race against it would measure the wrong peer.
     */
    String peerProblem() throws IOException, InterruptedException {
        if (peers == null) return "the PyTorch peers (../shared/peers) are not beside the repository";
        if (python() == null) return "python3 has no torch module (apt-get install python3-torch)";
        if (!Files.isDirectory(OPENBLAS_PTHREAD)) {
            return "no " + OPENBLAS_PTHREAD + ": torch would use the reference BLAS (apt-get install libopenblas0-pthread)";
        }
        return null;
    }

    /** A Python that imports torch: {@code python3} on the path, else the system's (Debian's python3-torch); else null. */
    String python() throws IOException, InterruptedException {
        if (python != null) return python.isEmpty() ? null : python;
        python = "";
        for (String p : List.of("python3", "/usr/bin/python3")) {
            if (exec(List.of(p, "-c", "import torch"), 120).code() == 0) {
                python = p;
                break;
            }
        }
        return python.isEmpty() ? null : python;
    }

    /** A peer's figures: median train_s and val_s over its epochs after the first, and the last val_accuracy. */
    static Map<String, Object> peerFigures(String out) {
        List<Double> train = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        double accuracy = Double.NaN;
        for (String line : out.split("\n")) {
            if (!line.startsWith("epoch:")) continue;
            Map<String, Object> kv = keyValues(line);
            if (kv.containsKey("train_s")) train.add((Double) kv.get("train_s"));
            if (kv.containsKey("val_s")) val.add((Double) kv.get("val_s"));
            if (kv.containsKey("val_accuracy")) accuracy = (Double) kv.get("val_accuracy");
        }
        if (train.isEmpty()) throw new IllegalStateException("no epoch lines with train_s");
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("train_seconds_per_epoch", warmMedian(train));
        v.put("val_seconds_per_epoch", warmMedian(val));
        v.put("final_val_accuracy", accuracy);
        return v;
    }

    /** The median of the values after the first (the first pays for warm-up), or the one value there is. */
    static double warmMedian(List<Double> values) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> warm = values.size() > 1 ? new ArrayList<>(values.subList(1, values.size())) : new ArrayList<>(values);
        warm.sort(null);
        int n = warm.size();
        return n % 2 == 1 ? warm.get(n / 2) : (warm.get(n / 2 - 1) + warm.get(n / 2)) / 2;
    }

    /** The four MNIST files, uncompressed, in a folder under target/ (the peers read raw IDX files). */
    Path rawMnist() throws IOException {
        Path dir = Files.createDirectories(root.resolve("target/bench-mnist"));
        for (String name : List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
            Path raw = dir.resolve(name);
            if (Files.exists(raw)) continue;
            try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(root.resolve("assets/mnist/" + name + ".gz")))) {
                Files.copy(in, raw);
            }
        }
        return dir;
    }

    private Map<String, Object> convolution() throws InterruptedException {
        List<String> cmd = List.of(javaBin, "-cp", testClassPath(), "io.digitstudio.bench.ConvBench", tiny ? "3" : "30");
        return result("conv_lenet2", "LeNet's second convolution, libnd4j's ops against ours (ConvBench)", cmd, out -> {
            Matcher m = Pattern.compile("conv2d forward ([0-9.]+) ms, conv2d_bp ([0-9.]+) ms; per-image im2col\\+sgemm forward ([0-9.]+) ms, backward ([0-9.]+) ms").matcher(out);
            if (!m.find()) throw new IllegalStateException("no figures in: " + out.strip());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("libnd4j_forward_ms", Double.parseDouble(m.group(1)));
            v.put("libnd4j_backward_ms", Double.parseDouble(m.group(2)));
            v.put("ours_forward_ms", Double.parseDouble(m.group(3)));
            v.put("ours_backward_ms", Double.parseDouble(m.group(4)));
            return v;
        });
    }

    private Map<String, Object> windowTime() throws InterruptedException {
        List<String> cmd = List.of("src/test/scripts/window-time.sh", tiny ? "1" : "5");
        return result("window_time", "start-up: process start to the window on screen (Xvfb)", cmd, out -> {
            Matcher m = Pattern.compile("median: ([0-9.]+) s").matcher(out);
            if (!m.find()) throw new IllegalStateException("no median in: " + out.strip());
            return Map.of("seconds_median", Double.parseDouble(m.group(1)));
        });
    }

    private Map<String, Object> guiRatio(String epochs) throws InterruptedException, IOException {
        List<String> cmd = List.of("src/test/scripts/gui-vs-cli.sh", tiny ? "1" : "5", "2", "1");
        return result("gui_vs_cli", "a window's first run against the command line's (2 threads, " + epochs + " epochs)", cmd, out -> {
            Matcher m = Pattern.compile("run 1: median ([0-9.]+)x of ([0-9]+)").matcher(out);
            if (!m.find()) throw new IllegalStateException("no ratio in: " + out.strip());
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("first_run_ratio_median", Double.parseDouble(m.group(1)));
            v.put("rounds", Integer.parseInt(m.group(2)));
            return v;
        });
    }

    private Map<String, Object> memoryStory() throws InterruptedException {
        List<String> cmd = tiny ? List.of("src/test/scripts/memory-story.sh", "-Xmx512m", "-Ddigitstudio.storyEpochs=1")
                : List.of("src/test/scripts/memory-story.sh");
        return result("memory_story", "memory: a user's session with -Xmx512m (peak resident set)", cmd, out -> {
            Matcher m = Pattern.compile("peak ([0-9]+) kB").matcher(out);
            long peak = 0;
            while (m.find()) peak = Math.max(peak, Long.parseLong(m.group(1)));
            if (peak == 0) throw new IllegalStateException("no peak in: " + out.strip());
            return Map.of("peak_rss_mib", Math.round(peak / 1024.0));
        });
    }

    interface Figures {
        Map<String, Object> read(String out);
    }

    private Map<String, Object> result(String id, String what, List<String> cmd, Figures figures) throws InterruptedException {
        System.out.println("== " + id + ": " + String.join(" ", cmd));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("what", what);
        r.put("command", String.join(" ", cmd.stream().map(c -> c.equals(javaBin) ? "java" : c.equals(testClassPath()) ? "TEST_CLASS_PATH" : c).toList()));
        try {
            Exec e = exec(cmd, tiny ? 900 : 3600);
            if (e.code() != 0) throw new IllegalStateException("exit code " + e.code() + ": " + lastLine(e.out()));
            r.put("figures", figures.read(e.out()));
        } catch (IOException | RuntimeException ex) {
            r.put("error", ex.getMessage());
        }
        System.out.println("   " + r.getOrDefault("figures", r.get("error")));
        return r;
    }

    static Map<String, Object> skipped(String id, String what, String why) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", id);
        r.put("what", what);
        r.put("skipped", why);
        System.out.println("== " + id + ": skipped, " + why);
        return r;
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines[lines.length - 1];
    }

    record Exec(int code, String out) {
    }

    Exec exec(List<String> cmd, long seconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
        if (cmd.get(0).contains("python") && Files.isDirectory(OPENBLAS_PTHREAD)) {
            // the peers' README: Debian's default BLAS for torch can be the slow reference one
            pb.environment().put("LD_LIBRARY_PATH", OPENBLAS_PTHREAD.toString());
        }
        Path home = root.resolve("target/bench-home");
        pb.environment().put("DIGITSTUDIO_RUNS", home.resolve("runs").toString());
        pb.environment().put("DIGITSTUDIO_MYDIGITS", home.resolve("mydigits").toString());
        pb.environment().put("XDG_DATA_HOME", home.resolve("data").toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        pb.environment().put("EPOCHS", tiny ? "2" : "12"); // gui-vs-cli.sh's epochs per run
        if (launcherOptions.isEmpty()) pb.environment().put("LAUNCHER_OPTIONS", "none"); // gui-vs-cli.sh's too
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Exec(-1, "timed out after " + seconds + " s");
        }
        return new Exec(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private String testClassPath() {
        return "target/test-classes:target/classes:target/lib/*";
    }

    /** {@code key:number} pairs of a line, numbers as doubles. */
    static Map<String, Object> keyValues(String line) {
        Map<String, Object> v = new LinkedHashMap<>();
        Matcher m = KEY_VALUE.matcher(line);
        while (m.find()) {
            try {
                v.put(m.group(1), Double.parseDouble(m.group(2)));
            } catch (NumberFormatException ignored) {
                // not a number (a version, a date): not a figure
            }
        }
        return v;
    }

    static List<Double> loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return List.of(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, String> cpu = cpuInfo(read(Path.of("/proc/cpuinfo")));
        m.put("cpu", cpu.getOrDefault("model name", System.getProperty("os.arch")));
        m.put("processors", Runtime.getRuntime().availableProcessors());
        m.put("hypervisor", cpu.getOrDefault("flags", "").contains(" hypervisor"));
        m.put("memory_gib", memoryGib(read(Path.of("/proc/meminfo"))));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        // the kernels OpenBLAS runs: forced by the environment or its own choice (1.6x apart on LeNet, decision 0001)
        String coretype = System.getenv("OPENBLAS_CORETYPE");
        m.put("openblas_coretype", coretype == null ? "not set" : coretype);
        m.put("cpu_flags", cpu.containsKey("flags") ? List.of(cpu.get("flags").strip().split("\\s+")) : List.of());
        return m;
    }

    /** The first processor's fields of /proc/cpuinfo. */
    static Map<String, String> cpuInfo(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                if (!out.isEmpty()) break;
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) out.putIfAbsent(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return out;
    }

    static double memoryGib(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                return Math.round(kb / 1024.0 / 1024.0 * 10) / 10.0;
            }
        }
        return Double.NaN;
    }

    Map<String, Object> versions() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("digitstudio", io.digitstudio.io.BuildInfo.version());
        v.put("java", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
        String pom = read(root.resolve("pom.xml"));
        for (String p : List.of("nd4j.version", "openblas.version", "javacpp.version", "javafx.version")) {
            Matcher m = Pattern.compile("<" + Pattern.quote(p) + ">([^<]+)<").matcher(pom);
            if (m.find()) v.put(p.replace(".version", ""), m.group(1));
        }
        try {
            String py = python();
            Exec torch = py == null ? new Exec(1, "") : exec(List.of(py, "-c", "import torch; print(torch.__version__)"), 60);
            v.put("torch", torch.code() == 0 ? torch.out().strip() : "not installed");
        } catch (IOException | InterruptedException e) {
            v.put("torch", "not installed");
        }
        return v;
    }

    Map<String, Object> commit() {
        Map<String, Object> c = new LinkedHashMap<>();
        try {
            c.put("id", exec(List.of("git", "rev-parse", "HEAD"), 30).out().strip());
            c.put("dirty", !exec(List.of("git", "status", "--porcelain", "--untracked-files=no"), 30).out().isBlank());
        } catch (IOException | InterruptedException e) {
            c.put("id", "unknown");
        }
        return c;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }

    /** Writes the record as {@code YYYY-MM-DDTHHMMSSZ-SETTINGS.json}, atomically; returns its path. */
    static Path write(Path dir, Map<String, Object> record) throws IOException {
        Files.createDirectories(dir);
        Instant at = Instant.parse((String) record.get("date"));
        String name = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC).format(at)
                + "-" + record.get("settings") + ".json";
        Path file = dir.resolve(name);
        byte[] json = Json.write(record).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(json));
        return file;
    }
}
