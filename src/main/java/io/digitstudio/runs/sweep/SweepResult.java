package io.digitstudio.runs.sweep;

import io.digitstudio.runs.RunSettings;
import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.RunSummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a sweep stands, read from the history: for each point the run that trains it (the finished one if there are
 * several), sorted by best validation accuracy, points without a finished run last.
 */
public record SweepResult(Sweep sweep, List<Row> rows) {
    public SweepResult {
        rows = List.copyOf(rows);
    }

    /** What a point whose run was deleted from the history says: not "not started", which Resume would train as new. */
    public static final String DELETED = "deleted";

    /**
     * One point: its values and its run (null when none has started, or when its run was deleted: then
     * {@code deletedRun} is that run's id, or empty where the history no longer knows it).
     */
    public record Row(int point, Map<String, Double> values, RunSummary run, String deletedRun) {
        public Row(int point, Map<String, Double> values, RunSummary run) {
            this(point, values, run, null);
        }

        public RunStatus status() {
            return run == null ? null : run.status();
        }

        public String statusLabel() {
            return run == null ? deleted() ? DELETED : "not started" : run.status().label();
        }

        /** Whether the point's run was deleted from the history, and none trains it now. */
        public boolean deleted() {
            return run == null && deletedRun != null;
        }

        public double bestAccuracy() {
            return run == null ? Double.NaN : run.bestAccuracy();
        }

        public boolean finished() {
            return run != null && (run.status() == RunStatus.FINISHED || run.status() == RunStatus.FAILED_TO_LEARN || run.status() == RunStatus.DIVERGED);
        }
    }

    /** The sweep's rows as the history has them now. */
    public static SweepResult read(Sweep sweep, RunStore store) {
        RunSummary[] chosen = new RunSummary[sweep.points().size()];
        for (RunSummary r : store.list()) {
            RunSettings s = r.settings();
            if (s == null || s.sweep() == null || !s.sweep().id().equals(sweep.id())) continue;
            int p = s.sweep().point();
            if (p < 0 || p >= chosen.length) continue;
            if (chosen[p] == null || rank(r) > rank(chosen[p])) chosen[p] = r; // list() is newest first: ties keep the newest
        }
        Map<Integer, String> deleted = store.deletedSweepRuns(sweep.id());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) rows.add(new Row(i, sweep.points().get(i), chosen[i], chosen[i] == null ? deletedRun(sweep, store, i, deleted) : null));
        rows.sort(Comparator.comparingDouble((Row r) -> Double.isNaN(r.bestAccuracy()) ? Double.NEGATIVE_INFINITY : r.bestAccuracy()).reversed()
                .thenComparingInt(Row::point));
        return new SweepResult(sweep, rows);
    }

    /**
     * The id of point {@code i}'s run, gone from the history, as the history's note of deleted runs has it; empty for a
     * run gone without a note (deleted before the history kept one, or its folder removed by hand): the point's log
     * says its run started, and nothing in it says that no run was recorded (a failure, or a stop before the run was
     * recorded). Null for a point whose run never started.
     */
    private static String deletedRun(Sweep sweep, RunStore store, int i, Map<Integer, String> noted) {
        if (noted.containsKey(i)) return noted.get(i);
        java.nio.file.Path log = sweep.logFile(store.root(), i);
        return java.nio.file.Files.isRegularFile(log) && !SweepRunner.saysUnrecorded(log) ? "" : null;
    }

    /** Which of a point's runs speaks for it: a finished one, then one that can be resumed, then the rest. */
    private static int rank(RunSummary r) {
        return switch (r.status()) {
            case FINISHED, FAILED_TO_LEARN, DIVERGED -> 3;
            case RUNNING, PAUSED -> 2;
            case STOPPED, INTERRUPTED, FAILED -> 1;
            case DAMAGED -> 0;
        };
    }

    /** The row of point {@code i}. */
    public Row row(int i) {
        return rows.stream().filter(r -> r.point() == i).findFirst().orElseThrow();
    }

    /** The points whose run was deleted from the history (and none trains them now), from 0. */
    public List<Integer> deletedPoints() {
        return rows.stream().filter(Row::deleted).map(Row::point).sorted().toList();
    }

    /** Whether every point has a finished run. */
    public boolean complete() {
        return rows.stream().allMatch(Row::finished);
    }

    /** The table a terminal shows: rank, run, the swept values, status, best accuracy (epoch), final accuracy and loss, seconds. */
    public String table() {
        // "rank", as the CSV's and the Sweeps view's: the history names a sweep's run by its place in the grid ("#3")
        List<String> head = new ArrayList<>(List.of("rank", "run"));
        sweep.axes().forEach(a -> head.add(a.name()));
        head.addAll(List.of("status", "best acc", "epoch", "final acc", "final loss", "seconds"));
        List<List<String>> cells = new ArrayList<>();
        int n = 1;
        for (Row r : rows) {
            List<String> c = new ArrayList<>(List.of(String.valueOf(n++), r.run() == null ? "-" : r.run().id()));
            sweep.axes().forEach(a -> c.add(sweep.shown(a.name(), r.values().get(a.name()))));
            c.add(r.statusLabel());
            c.add(num("%.4f", r.bestAccuracy()));
            c.add(r.run() == null || r.run().bestEpoch() == 0 ? "-" : String.valueOf(r.run().bestEpoch()));
            c.add(num("%.4f", r.run() == null ? Double.NaN : r.run().finalAccuracy()));
            c.add(num("%.4f", r.run() == null ? Double.NaN : r.run().finalLoss()));
            c.add(num("%.1f", r.run() == null ? Double.NaN : r.run().seconds()));
            cells.add(c);
        }
        int[] w = new int[head.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = head.get(i).length();
            for (List<String> c : cells) w[i] = Math.max(w[i], c.get(i).length());
        }
        StringBuilder b = new StringBuilder();
        line(b, head, w);
        for (List<String> c : cells) line(b, c, w);
        return b.toString();
    }

    private static void line(StringBuilder b, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) l.append("  ");
            l.append(String.format(Locale.ROOT, "%-" + w[i] + "s", cells.get(i)));
        }
        b.append(l.toString().stripTrailing()).append('\n');
    }

    private static String num(String format, double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
    }

    /** The rows as CSV, in the table's order: rank, run, point, the swept values, status, accuracies, loss, epochs, seconds. */
    public String csv() {
        StringBuilder b = new StringBuilder("rank,run,point");
        sweep.axes().forEach(a -> b.append(',').append(a.name()));
        b.append(",status,best_accuracy,best_epoch,final_accuracy,final_loss,epochs_done,seconds\n");
        int n = 1;
        for (Row r : rows) {
            RunSummary run = r.run();
            b.append(n++).append(',').append(run == null ? "" : run.id()).append(',').append(r.point());
            sweep.axes().forEach(a -> b.append(',').append(Axis.shown(r.values().get(a.name()))));
            b.append(',').append(r.statusLabel()).append(',').append(csvNum(r.bestAccuracy())).append(',').append(run == null ? "" : run.bestEpoch())
                    .append(',').append(csvNum(run == null ? Double.NaN : run.finalAccuracy())).append(',').append(csvNum(run == null ? Double.NaN : run.finalLoss()))
                    .append(',').append(run == null ? "" : run.epochsDone()).append(',').append(csvNum(run == null ? Double.NaN : run.seconds())).append('\n');
        }
        return b.toString();
    }

    private static String csvNum(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }
}
