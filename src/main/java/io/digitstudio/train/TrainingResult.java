package io.digitstudio.train;

import java.util.List;

/**
 * How a run ended. {@code outcome} says whether it finished, was stopped, or diverged (then {@code message} says why
 * and the model holds the last finite weights).
 */
public record TrainingResult(Outcome outcome, List<EpochReport> epochs, long iterations, double seconds, String message) {
    public enum Outcome { COMPLETED, STOPPED, DIVERGED }

    public EpochReport last() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }
}
