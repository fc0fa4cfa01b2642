package io.digitstudio.ui.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The process's CPU time by thread name, read from /proc (Linux), for the GUI bench: it includes the JIT compiler's
 * threads, which the JVM's own thread bean does not list. Empty elsewhere.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** Nanoseconds on a CPU so far by kind of thread (numbered threads of a kind, "C2 CompilerThread0", counted together). */
    static Map<String, Long> byName() {
        return byName(Path.of("/proc/self/task"));
    }

    /**
     * Nanoseconds each kind of thread has waited, ready to run, for a CPU (the scheduler's run queue: another thread or
     * process had the core), so far: a training part that waits here holds the whole split step.
     */
    static Map<String, Long> waitingByName() {
        return byName(Path.of("/proc/self/task"), 1);
    }

    /** As {@link #byName()}, from a folder laid out as /proc/PID/task: one folder per thread with comm and schedstat. */
    static Map<String, Long> byName(Path tasks) {
        return byName(tasks, 0);
    }

    /** Field {@code field} of each thread's schedstat (0: nanoseconds on a CPU, 1: waiting on a run queue), by kind. */
    static Map<String, Long> byName(Path tasks, int field) {
        Map<String, Long> nanos = new TreeMap<>();
        if (!Files.isDirectory(tasks)) return nanos;
        try (Stream<Path> ts = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) ts::iterator) {
                try {
                    String name = kind(Files.readString(t.resolve("comm")).strip());
                    String[] stat = Files.readString(t.resolve("schedstat")).strip().split(" "); // on a CPU, waiting, slices
                    long onCpu = Long.parseLong(stat[0]); // junk here: a thread that ended mid-read, skipped whole
                    nanos.merge(name, field == 0 ? onCpu : Long.parseLong(stat[field]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return nanos;
        }
        return nanos;
    }

    /**
     * "C2 CompilerThread0" -> "C2 CompilerThread", "GC Thread#1" -> "GC Thread": without a regular expression, whose
     * matcher the JIT would compile in the middle of a measured run.
     */
    static String kind(String name) {
        int end = name.length();
        while (end > 0 && Character.isDigit(name.charAt(end - 1))) end--;
        if (end == 0) return name;
        if (end < name.length() && end > 1 && (name.charAt(end - 1) == '#' || name.charAt(end - 1) == '-')) end--;
        return name.substring(0, end);
    }

    /** "name seconds, …" for the kinds of thread that used at least 5 ms since {@code before}, busiest first. */
    static String since(Map<String, Long> before) {
        return since(before, byName());
    }

    /** As {@link #since(Map)}, between two readings. */
    static String since(Map<String, Long> before, Map<String, Long> now) {
        StringBuilder out = new StringBuilder();
        now.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 5_000_000L)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(String.format(Locale.ROOT, "%s %.3f, ", e.getKey(), e.getValue() / 1e9)));
        return out.length() == 0 ? "(not available)" : out.substring(0, out.length() - 2);
    }
}
