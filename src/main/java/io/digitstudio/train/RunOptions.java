package io.digitstudio.train;

import io.digitstudio.optim.NumberText;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The extensions a run has beyond the tutorial's loop, as the command line names them: a learning-rate schedule
 * ({@code exponential:RATE}, {@code linear:START:END}, {@code step:RATE@E1,E2,...}), a warm-up over the first epochs,
 * early stopping on {@code validation/main/loss}, keeping the best model, and Chainer's {@code log}. Snapshots keep
 * them with the run's settings, so a resumed run has the same ones. Empty, 0 and false mean none.
 */
public record RunOptions(String lrShift, int warmupEpochs, int earlyStop, boolean keepBest, String log) {
    public static final RunOptions NONE = new RunOptions("", 0, 0, false, "");

    public RunOptions {
        lrShift = lrShift == null ? "" : lrShift.strip();
        log = log == null ? "" : log;
        if (warmupEpochs < 0) throw new IllegalArgumentException("--warmup must be at least 0 epochs, got " + warmupEpochs);
        if (earlyStop < 0) throw new IllegalArgumentException("--early-stop must be at least 1, got " + earlyStop);
        if (!lrShift.isEmpty()) parseShift(lrShift, "lr", 1, 10); // refuse a bad schedule before anything runs
    }

    /**
     * Refuses, for a run about to start, a warm-up beside a linear schedule (naming the two as the user set them): the linear schedule sets the rate at every
     * iteration from its START, so the warm-up would be overwritten at once and the run would never warm up. (Not in
     * the constructor: records written before this check must still read.)
     */
    public RunOptions checkNewRun(String warmupName, String shiftName) {
        if (warmupEpochs > 0 && lrShift.toLowerCase(Locale.ROOT).startsWith("linear:")) {
            throw new IllegalArgumentException(warmupName + " cannot be combined with the " + shiftName + " " + lrShift
                    + ": a linear schedule sets the rate at every iteration from its start; leave one of them out");
        }
        return this;
    }

    /** True when the learning rate changes during the run (so the epoch lines show it). */
    public boolean lrVaries() {
        return !lrShift.isEmpty() || warmupEpochs > 0;
    }

    /**
     * Adds the extensions and the stop trigger to a loop (after its setup is known: keep-best saves beside its output
     * file; a run without one has the best model its record keeps).
     */
    public void attach(TrainingLoop loop, String dataset, java.util.List<String> classNames) {
        String lr = loop.optimizer().lrName();
        if (warmupEpochs > 0) {
            long iterations = (long) warmupEpochs * loop.iterator().batchesPerEpoch();
            // Chainer's WarmupShift from 0 to the configured rate over the first epochs' iterations
            loop.addExtension(new WarmupShift(lr, 0.0, iterations, loop.config().lr()));
        }
        if (!lrShift.isEmpty()) loop.addExtension(parseShift(lrShift, lr, loop.config().lr(), loop.iterator().iterationsUntilEpoch(loop.config().epochs())));
        if (earlyStop > 0) {
            loop.setStopTrigger(new EarlyStoppingTrigger("validation/main/loss", earlyStop, "auto"),
                    "validation/main/loss did not improve for " + earlyStop + " epoch" + (earlyStop == 1 ? "" : "s"));
        }
        // without an output file (a window's run) the best model is the one the run's record keeps
        String out = loop.setup().out();
        if (keepBest && !out.isEmpty()) loop.addExtension(new KeepBest(KeepBest.besideOut(Path.of(out)), dataset, classNames));
        if (!log.isEmpty()) loop.addExtension(new LogReport(Path.of(log)));
    }

    /**
     * {@code exponential:RATE} (Chainer's ExponentialShift(attr, RATE), every epoch), {@code linear:START:END} (LinearShift
     * over the whole run, every iteration), {@code step:RATE@E1,E2,...} (MultistepShift: times RATE from epoch Ei on).
     */
    static Extension parseShift(String spec, String attr, double lr, long totalIterations) {
        String[] parts = spec.split(":", -1);
        String kind = parts[0].toLowerCase(Locale.ROOT);
        try {
            switch (kind) {
                case "exponential" -> {
                    if (parts.length != 2) break;
                    double rate = positive(parts[1], "rate");
                    // from the configured rate, not whatever is set when it starts (a warm-up starts at 0)
                    return new ExponentialShift(attr, rate, lr, null, Trigger.everyEpochs(1));
                }
                case "linear" -> {
                    if (parts.length != 3) break;
                    double start = nonNegative(parts[1], "START"), end = nonNegative(parts[2], "END");
                    return new LinearShift(attr, start, end, 0, Math.max(1, totalIterations), Trigger.everyIterations(1));
                }
                case "step" -> {
                    if (parts.length != 2 || !parts[1].contains("@")) break;
                    String[] rs = parts[1].split("@", 2);
                    double rate = positive(rs[0], "rate");
                    String[] es = rs[1].split(",");
                    long[] steps = new long[es.length];
                    for (int i = 0; i < es.length; i++) {
                        long epoch = NumberText.wholeNumberLong("each epoch", es[i]);
                        if (epoch < 2) throw new IllegalArgumentException("the epochs must be at least 2 (epoch 1 uses the configured rate), got " + epoch);
                        // "from epoch E" is Chainer's step value E - 1: the call at the end of epoch E - 1 changes it
                        steps[i] = epoch - 1;
                    }
                    return new MultistepShift(attr, rate, steps, lr, Trigger.everyEpochs(1));
                }
                default -> {
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lr-shift " + spec + ": " + e.getMessage());
        }
        throw new IllegalArgumentException("--lr-shift " + spec + ": expected exponential:RATE, linear:START:END or step:RATE@E1,E2,...");
    }

    private static double positive(String s, String what) {
        double v = NumberText.number("the " + what, s);
        if (!(v > 0) || !Double.isFinite(v)) throw new IllegalArgumentException("the " + what + " must be a positive number, got " + s);
        return v;
    }

    private static double nonNegative(String s, String what) {
        double v = NumberText.number(what, s);
        if (!(v >= 0) || !Double.isFinite(v)) throw new IllegalArgumentException(what + " must be a number of at least 0, got " + s);
        return v;
    }

    /** The options as {@code run.json} and a snapshot's settings keep them. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr_shift", lrShift);
        m.put("warmup", warmupEpochs);
        m.put("early_stop", earlyStop);
        m.put("keep_best", keepBest);
        m.put("log", log);
        return m;
    }

    /** Reads what {@link #toJson} wrote ({@code log} may be absent: none). */
    public static RunOptions fromJson(io.digitstudio.io.JsonFields f) {
        return new RunOptions(f.string("lr_shift"), f.integer("warmup"), f.integer("early_stop"), f.bool("keep_best"), f.optionalString("log"));
    }

    /** Reads the {@code key=value} lines snapshots kept the options in before they kept settings as JSON. */
    public static RunOptions fromText(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) m.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return new RunOptions(m.getOrDefault("lr_shift", ""), Integer.parseInt(m.getOrDefault("warmup", "0")),
                Integer.parseInt(m.getOrDefault("early_stop", "0")), "1".equals(m.get("keep_best")), m.getOrDefault("log", ""));
    }
}
