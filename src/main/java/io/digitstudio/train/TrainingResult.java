package io.digitstudio.train;

import java.util.List;

/**
 * How a run ended. {@code outcome} says whether it finished, was stopped, diverged (then {@code message} says why
 * and the model holds the last finite weights) or failed (an exception or an error such as running out of memory ended
 * it: {@code message} says where and why, and the model may hold a half-made update). {@code seconds} is the run's duration as it ends
 * ({@link TrainingLoop#elapsedTime()}: its training in every session, without pauses).
 */
public record TrainingResult(Outcome outcome, List<EpochReport> epochs, long iterations, double seconds, String message) {
    public enum Outcome { COMPLETED, STOPPED, DIVERGED, FAILED }

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
