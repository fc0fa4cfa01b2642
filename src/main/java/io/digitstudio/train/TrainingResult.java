package io.digitstudio.train;

import java.util.List;

/**
 * How a run ended. {@code outcome} says whether it finished, was stopped, diverged (then {@code message} says why
 * and the model holds the last finite weights) or failed (an exception or an error such as running out of memory ended
 * it: {@code message} says where and why, and the model may hold a half-made update). {@code seconds} is the run's duration as it ends
 * ({@link TrainingLoop#elapsedTime()}: its training in every session, without pauses). {@code warnings} says what failed
 * as a run that did not fail ended, in an extension that does not record the run's end (a log, a progress bar): its
 * model is whole, so the run keeps its outcome and its model, and says what went wrong.
 */
public record TrainingResult(Outcome outcome, List<EpochReport> epochs, long iterations, double seconds, String message, List<String> warnings) {
    public enum Outcome { COMPLETED, STOPPED, DIVERGED, FAILED }

    public TrainingResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A result with no warnings. */
    public TrainingResult(Outcome outcome, List<EpochReport> epochs, long iterations, double seconds, String message) {
        this(outcome, epochs, iterations, seconds, message, List.of());
    }

    /** This result with one more warning. */
    public TrainingResult withWarning(String warning) {
        List<String> w = new java.util.ArrayList<>(warnings);
        w.add(warning);
        return new TrainingResult(outcome, epochs, iterations, seconds, message, w);
    }

    /**
     * Whether a run that went through its epochs learned nothing usable: its last validation accuracy is at chance
     * level (at most 1.5 / the number of classes) or its validation loss is not finite. Such a model never becomes the
     * active one by itself.
     */
    public boolean failedToLearn(int classes) {
        if (outcome == Outcome.DIVERGED) return true;
        EpochReport l = last();
        return l != null && (!Double.isFinite(l.valLoss()) || l.valAccuracy() <= 1.5 / classes);
    }

    public EpochReport last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
