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

    /** As {@link #byName()}, from a folder laid out as /proc/PID/task: one folder per thread with comm and schedstat. */
    static Map<String, Long> byName(Path tasks) {
        Map<String, Long> nanos = new TreeMap<>();
        if (!Files.isDirectory(tasks)) return nanos;
        try (Stream<Path> ts = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) ts::iterator) {
                try {
                    String name = kind(Files.readString(t.resolve("comm")).strip());
                    String run = Files.readString(t.resolve("schedstat")); // nanoseconds on a CPU, then waits
                    nanos.merge(name, Long.parseLong(run.substring(0, run.indexOf(' '))), Long::sum);
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
