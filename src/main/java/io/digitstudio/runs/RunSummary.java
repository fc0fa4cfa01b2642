package io.digitstudio.runs;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of the history as a list shows it: its settings (null when the folder is damaged, then {@code problem} says
 * why), the user's name and notes, how far it got (epochs done, final and best validation accuracy, seconds), and each
 * time it was resumed ({@code at}, {@code epoch}, {@code iteration}, {@code from}).
 */
public record RunSummary(String id, Path folder, RunStatus status, String problem, RunSettings settings, String name, String notes,
                         int epochsDone, double finalAccuracy, double finalLoss, double bestAccuracy, int bestEpoch, double seconds,
                         String message, Instant updated, List<Map<String, Object>> resumes) {

    public RunSummary {
        resumes = resumes == null ? List.of() : List.copyOf(resumes);
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

    /** E.g. "momentum-sgd lr=0.01". */
    public String optimizer() {
        if (settings == null) return "";
        Double lr = settings.config().hyperparams().get(io.digitstudio.optim.Optimizers.learningRateKey(settings.config().optimizer()));
        return settings.config().optimizer() + (lr == null ? "" : " lr=" + number(lr));
    }

    public String dataset() {
        return settings == null ? "" : settings.dataName();
    }

    /** A number as short as it reads: 0.01, not 0.010000000. */
    static String number(double v) {
        if (!Double.isFinite(v)) return String.valueOf(v);
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
