package io.digitstudio.train;

import io.digitstudio.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chainer's {@code LogReport}: collects every iteration's observations and, at each trigger (every epoch), appends
 * their means with {@code epoch}, {@code iteration} and {@code elapsed_time} to the log, written as Chainer's
 * {@code log} file: a JSON list of objects, which Chainer's tools and {@code pandas.read_json} read. The file is
 * rewritten atomically at each entry, so a crash leaves the last complete log.
 */
public final class LogReport implements Extension {
    private final Path file;
    private final String name;
    private final Trigger trigger;
    private final Map<String, double[]> summary = new LinkedHashMap<>(); // name -> {sum, count}
    private final List<Map<String, Double>> log = new ArrayList<>();

    /** A log written to {@code file} (null keeps it in memory only) after every epoch. */
    public LogReport(Path file) {
        this(file, "LogReport");
    }

    /** Under another name, so that a second log (a run's record) can run beside the user's. */
    public LogReport(Path file, String name) {
        this.file = file;
        this.name = name;
        this.trigger = Trigger.EVERY_EPOCH;
    }

    @Override
    public String name() {
        return name;
    }

    /** Called every iteration to collect; {@link #trigger} decides when an entry is written. */
    @Override
    public Trigger trigger() {
        return Trigger.EVERY_ITERATION;
    }

    @Override
    public void call(TrainingLoop loop) {
        loop.observation().forEach((k, v) -> {
            double[] s = summary.computeIfAbsent(k, x -> new double[2]);
            s[0] += v;
            s[1]++;
        });
        if (!trigger.fire(loop)) return;
        Map<String, Double> entry = new LinkedHashMap<>();
        summary.forEach((k, s) -> entry.put(k, s[0] / s[1]));
        entry.put("epoch", (double) loop.iterator().epoch());
        entry.put("iteration", (double) loop.iteration());
        entry.put("elapsed_time", loop.lineTime());
        summary.clear();
        log.add(entry);
        if (file != null) write();
    }

    public List<Map<String, Double>> log() {
        return Collections.unmodifiableList(log);
    }

    private void write() {
        try {
            byte[] bytes = json(log).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log " + file + ": " + e.getMessage(), e);
        }
    }

    /** The log as Chainer writes it: a JSON list of objects; counts as integers, NaN and infinities as null. */
    static String json(List<Map<String, Double>> log) {
        return io.digitstudio.io.Json.writeChainerStyle(log);
    }

    @Override
    public void serialize(io.digitstudio.serial.Serializer s) {
        if (!s.isReader()) {
            s.value("entries", (long) log.size());
            for (int i = 0; i < log.size(); i++) {
                for (Map.Entry<String, Double> e : log.get(i).entrySet()) s.value(i + "/" + e.getKey(), e.getValue());
            }
            summary.forEach((k, v) -> {
                s.value("_summary/" + k + "/sum", v[0]);
                s.value("_summary/" + k + "/count", v[1]);
            });
            return;
        }
        // the entries' names are whatever was observed, so reading goes by the keys stored
        log.clear();
        summary.clear();
        int n = (int) s.optional("entries", 0L);
        for (int i = 0; i < n; i++) log.add(new LinkedHashMap<>());
        for (String k : s.keys()) {
            if (k.startsWith("_summary/")) {
                String rest = k.substring("_summary/".length());
                String name = rest.substring(0, rest.lastIndexOf('/'));
                summary.computeIfAbsent(name, x -> new double[2])[rest.endsWith("/sum") ? 0 : 1] = s.value(k, 0.0);
                continue;
            }
            int slash = k.indexOf('/');
            if (slash < 0) continue;
            try {
                int i = Integer.parseInt(k.substring(0, slash));
                if (i >= 0 && i < n) log.get(i).put(k.substring(slash + 1), s.value(k, 0.0));
            } catch (NumberFormatException ignored) {
                // not an entry
            }
        }
    }
}
