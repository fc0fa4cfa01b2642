package io.digitstudio.runs.sweep;

import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.RunsException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trains a sweep's points that have no finished run yet, each as its own process ({@code train --settings POINT.json},
 * or {@code train --resume RUN} for a point whose run was stopped), {@code parallel} at a time. A process is the unit
 * because a run owns its process's cores and engine state; it is also what a cluster would start, so a sweep here and
 * one elsewhere run the same command. {@link #stop()} stops the runs in training (each snapshots itself and is
 * resumable) and starts no more; {@link #run()} on the same sweep later goes on with what is left.
 */
public final class SweepRunner {
    private static final Pattern EPOCH_LINE = Pattern.compile("^epoch:(\\d+) .*val_accuracy:([0-9.]+|nan|NaN)");

    /** What a sweep tells while it trains; called from the runner's threads. */
    public interface Progress {
        /** Point {@code point} starts training ({@code resumed}: its stopped run goes on). */
        default void started(int point, boolean resumed) {
        }

        /** Point {@code point} finished epoch {@code epoch} with this validation accuracy. */
        default void epoch(int point, int epoch, double valAccuracy) {
        }

        /** Point {@code point}'s process ended with {@code exitCode} (0: trained; 130: stopped); {@code error} its last error line, or empty. */
        default void ended(int point, int exitCode, String error) {
        }
    }

    private final Sweep sweep;
    private final RunStore store;
    private final List<String> command;
    private final int parallel;
    private final Progress progress;
    private final Set<Process> live = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    /**
     * @param command  how to start this program ({@link #selfCommand()}); the runner adds {@code train …}
     * @param parallel runs that train at once; with the sweep's threads per run, at most the machine's cores
     */
    public SweepRunner(Sweep sweep, RunStore store, List<String> command, int parallel, Progress progress) {
        this.sweep = sweep;
        this.store = store;
        this.command = List.copyOf(command);
        this.parallel = parallel;
        this.progress = progress == null ? new Progress() { } : progress;
        checkCores(parallel, sweep.threads(), Runtime.getRuntime().availableProcessors());
    }

    /** Refuses more cores than the machine has: {@code parallel} runs of {@code threads} threads each. */
    public static void checkCores(int parallel, int threads, int cores) {
        if (parallel < 1) throw new RunsException("--parallel must be at least 1, got " + parallel);
        if ((long) parallel * threads > cores) {
            throw new RunsException("--parallel " + parallel + " with " + threads + (threads == 1 ? " thread" : " threads") + " per run needs "
                    + (long) parallel * threads + " cores; this machine has " + cores + " (use --parallel " + Math.max(1, cores / threads) + ")");
        }
    }

    /** The command that starts this program again: the jpackage launcher itself, or {@code java -cp CLASSPATH io.digitstudio.Main}. */
    public static List<String> selfCommand() {
        String exe = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String name = Path.of(exe).getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.equals("java") && !name.equals("java.exe")) return List.of(exe);
        return List.of(exe, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "io.digitstudio.Main");
    }

    /** Trains what is left of the sweep and returns where it stands (complete unless stopped or a run failed). */
    public SweepResult run() {
        SweepResult before = SweepResult.read(sweep, store);
        List<Future<?>> futures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
            Thread t = new Thread(r, "sweep-" + sweep.id());
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < sweep.points().size(); i++) {
                SweepResult.Row row = before.row(i);
                if (row.finished()) continue;
                futures.add(pool.submit(() -> train(row)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException re ? re : new RunsException(e.getCause().getMessage(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            stop();
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdown();
        }
        return SweepResult.read(sweep, store);
    }

    /** Starts no more runs, and asks those in training to stop (they snapshot themselves and stay resumable). */
    public void stop() {
        stopping = true;
        // the process's handle, not Process.destroy(): that also closes the pipes, and the run's end would go unseen
        for (Process p : live) p.toHandle().destroy();
    }

    public boolean stopping() {
        return stopping;
    }

    private void train(SweepResult.Row row) {
        int i = row.point();
        boolean resume = row.run() != null && (row.status() == RunStatus.STOPPED || row.status() == RunStatus.INTERRUPTED)
                && store.lastSnapshot(row.run()).isPresent();
        List<String> args = new ArrayList<>(command);
        args.add("train");
        if (resume) args.addAll(List.of("--resume", row.run().id()));
        else args.addAll(List.of("--settings", sweep.pointFile(store.root(), i).toString()));
        args.addAll(List.of("--threads", String.valueOf(sweep.threads()), "--runs-dir", store.root().toString()));
        Path log = logFile(i);
        Process p;
        synchronized (this) {
            if (stopping) return;
            try {
                Files.createDirectories(log.getParent());
                p = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            } catch (IOException e) {
                progress.ended(i, -1, "cannot start a run: " + e.getMessage());
                return;
            }
            live.add(p);
        }
        progress.started(i, resume);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                Matcher m = EPOCH_LINE.matcher(line);
                if (m.find()) progress.epoch(i, Integer.parseInt(m.group(1)), Double.parseDouble(m.group(2)));
            }
            int code = p.waitFor();
            noteIfUnrecorded(i, log);
            progress.ended(i, code, code == 0 ? "" : lastError(log));
        } catch (IOException e) {
            try {
                int code = p.waitFor();
                noteIfUnrecorded(i, log);
                progress.ended(i, code, code == 0 ? "" : lastError(log));
            } catch (InterruptedException ie) {
                p.toHandle().destroy();
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            p.toHandle().destroy();
            Thread.currentThread().interrupt();
        } finally {
            live.remove(p);
        }
    }

    /** Where point {@code i}'s process writes its messages (appended on every start). */
    public Path logFile(int i) {
        return sweep.logFile(store.root(), i);
    }

    /** A command's error line, {@code digitstudio train: error: MESSAGE} (or {@code digitstudio: error: …}); group 1 is the message. */
    private static final java.util.regex.Pattern ERROR = java.util.regex.Pattern.compile("^digitstudio(?: [a-z-]+)*: error: (.*)$");
    /** Any other line the command wrote in its own name (a warning, an interruption). */
    private static final java.util.regex.Pattern OWN = java.util.regex.Pattern.compile("^digitstudio(?: [a-z-]+)*: (.*)$");

    /**
     * The line the runner adds to a point's log when its process ended with no run of the point in the history (stopped
     * before the run was recorded): a point that has a log but no run was then never trained, not deleted.
     */
    static final String UNRECORDED = "(the sweep: this process ended before its run was recorded)";

    /** Adds {@link #UNRECORDED} to point {@code i}'s log when the history holds no run of the point. */
    private void noteIfUnrecorded(int i, Path log) {
        boolean recorded = store.list().stream().anyMatch(r -> r.settings() != null && r.settings().sweep() != null
                && r.settings().sweep().id().equals(sweep.id()) && r.settings().sweep().point() == i);
        if (recorded) return;
        try {
            Files.writeString(log, UNRECORDED + System.lineSeparator(), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // without the note, a later reading may take the point for one whose run was deleted
        }
    }

    /**
     * Whether a point's log says that no run of it is recorded: its last line is the runner's {@link #UNRECORDED}, or
     * it holds an error line of the command's (its run failed, then or before it was recorded); or it cannot be read.
     */
    static boolean saysUnrecorded(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return !lines.isEmpty() && lines.get(lines.size() - 1).equals(UNRECORDED) || lines.stream().anyMatch(l -> ERROR.matcher(l).matches());
        } catch (IOException e) {
            return true;
        }
    }

    static String lastError(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.equals(UNRECORDED)).toList();
            for (java.util.regex.Pattern p : List.of(ERROR, OWN)) {
                for (int k = lines.size() - 1; k >= 0; k--) {
                    java.util.regex.Matcher m = p.matcher(lines.get(k));
                    if (m.matches()) return m.group(1);
                }
            }
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "";
        }
    }
}
