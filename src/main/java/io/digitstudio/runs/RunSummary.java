package io.digitstudio.runs;

import io.digitstudio.train.LearningRates;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of the history as a list shows it: its settings (null when the folder is damaged, then {@code problem} says
 * why), the user's name and notes, how far it got (epochs done, final and best validation accuracy, seconds), each
 * time it was resumed ({@code at}, {@code epoch}, {@code iteration}, {@code from}), and the learning rate the last
 * epoch's last update used ({@code finalLr}, NaN when the record does not say).
 * <p>
 * {@code seconds} is the run's duration wherever it is shown: the time it spent training (its updates, validations and
 * what its extensions do), summed over every session of it, without the time it was paused or lay interrupted before
 * a resume ({@link io.digitstudio.train.TrainingLoop#elapsedTime()} as the run's record last wrote it).
 */
public record RunSummary(String id, Path folder, RunStatus status, String problem, RunSettings settings, String name, String notes,
                         int epochsDone, double finalAccuracy, double finalLoss, double bestAccuracy, int bestEpoch, double seconds,
                         String message, Instant updated, List<Map<String, Object>> resumes, double finalLr) {

    public RunSummary {
        resumes = resumes == null ? List.of() : List.copyOf(resumes);
    }

    /** A summary whose record does not say which rate the run ended with. */
    public RunSummary(String id, Path folder, RunStatus status, String problem, RunSettings settings, String name, String notes,
                      int epochsDone, double finalAccuracy, double finalLoss, double bestAccuracy, int bestEpoch, double seconds,
                      String message, Instant updated, List<Map<String, Object>> resumes) {
        this(id, folder, status, problem, settings, name, notes, epochsDone, finalAccuracy, finalLoss, bestAccuracy, bestEpoch, seconds,
                message, updated, resumes, Double.NaN);
    }

    public boolean damaged() {
        return status == RunStatus.DAMAGED;
    }

    /** When it started (the folder's time for a damaged run). */
    public Instant created() {
        return settings != null ? settings.created() : updated;
    }

    /** The user's name for the run, or its id. */
    public String title() {
        return name == null || name.isBlank() ? id : name;
    }

    public String network() {
        return settings == null ? "" : settings.config().network().presetName() != null ? settings.config().network().presetName()
                : settings.config().network().text();
    }

    /** E.g. "momentum-sgd lr=0.01": the optimizer and the learning rate the run was set up with. */
    public String optimizer() {
        if (settings == null) return "";
        Double lr = settings.config().hyperparams().get(io.digitstudio.optim.Optimizers.learningRateKey(settings.config().optimizer()));
        return settings.config().optimizer() + (lr == null ? "" : " lr=" + LearningRates.format(lr));
    }

    /**
     * The learning rate as a run's details show it: the rate it was set up with, and when the rate it ended with reads
     * otherwise, that one and what moved it: "0.1 (0.025 at the end, exponential:0.5)", "0.1 (0.04 at the end, warm-up
     * of 5 epochs)", "0.1 (0.05 at the end, changed while it ran)". Empty for a damaged run.
     */
    public String learningRate() {
        if (settings == null) return "";
        Double lr = settings.config().hyperparams().get(io.digitstudio.optim.Optimizers.learningRateKey(settings.config().optimizer()));
        if (lr == null) return "";
        String set = LearningRates.format(lr);
        if (Double.isNaN(finalLr) || LearningRates.format(finalLr).equals(set)) return set;
        io.digitstudio.train.RunOptions o = settings.options();
        List<String> why = new java.util.ArrayList<>();
        if (!o.lrShift().isEmpty()) why.add(o.lrShift());
        if (o.warmupEpochs() > 0) why.add("warm-up of " + o.warmupEpochs() + (o.warmupEpochs() == 1 ? " epoch" : " epochs"));
        if (why.isEmpty()) why.add("changed while it ran");
        return set + " (" + LearningRates.format(finalLr) + " at the end, " + String.join(", ", why) + ")";
    }

    /**
     * The settings a comparison and a run's details line up ({@link RunSettings#comparable()}), with the learning rate
     * as {@link #learningRate()} gives it. Empty for a damaged run.
     */
    public Map<String, String> comparable() {
        if (settings == null) return Map.of();
        Map<String, String> m = new java.util.LinkedHashMap<>(settings.comparable());
        String key = io.digitstudio.optim.Optimizers.learningRateKey(settings.config().optimizer());
        if (m.containsKey(key)) m.put(key, learningRate());
        return m;
    }

    public String dataset() {
        return settings == null ? "" : settings.dataName();
    }

    /** Why a run that failed to learn did (see {@link #failedToLearnHint}); empty for any other run. */
    public String hint() {
        return status == RunStatus.FAILED_TO_LEARN && settings != null ? failedToLearnHint(settings.config(), settings.options()) : "";
    }

    /**
     * What most likely kept a run at chance level, for every place that says it failed to learn: a warm-up longer
     * than the run, which never lets the learning rate reach its value, else a rate far from a good one.
     */
    public static String failedToLearnHint(io.digitstudio.train.TrainingConfig c, io.digitstudio.train.RunOptions o) {
        if (o != null && o.warmupEpochs() > c.epochs()) {
            return "its warm-up (" + epochs(o.warmupEpochs()) + ") is longer than the run (" + epochs(c.epochs()) + "), so the learning rate never reached "
                    + LearningRates.format(c.lr()) + ": shorten the warm-up or train more epochs";
        }
        return "a learning rate far too high or too low does this";
    }

    private static String epochs(int n) {
        return n + (n == 1 ? " epoch" : " epochs");
    }

    /** A number as short as it reads: 0.01, not 0.010000000. */
    static String number(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
