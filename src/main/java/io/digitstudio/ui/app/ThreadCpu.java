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
    private static final double TICK = 100.0; // USER_HZ on Linux

    private ThreadCpu() {
    }

    /** Clock ticks so far by kind of thread (numbered threads of a kind, "C2 CompilerThread0", counted together). */
    static Map<String, Long> byName() {
        Map<String, Long> ticks = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return ticks;
        try (Stream<Path> ts = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) ts::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    int open = stat.indexOf('('), close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[#-]?\\d+$", "");
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** "name seconds, …" for the kinds of thread that used at least 0.1 s since {@code before}, busiest first. */
    static String since(Map<String, Long> before) {
        StringBuilder out = new StringBuilder();
        byName().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() >= 10)
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.append(String.format(Locale.ROOT, "%s %.1f, ", e.getKey(), e.getValue() / TICK)));
        return out.length() == 0 ? "(not available)" : out.substring(0, out.length() - 2);
    }
}
