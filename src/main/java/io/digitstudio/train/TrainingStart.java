package io.digitstudio.train;

/** What a run is about to do, for listeners to size their displays. */
public record TrainingStart(TrainingConfig config, String architecture, long parameters, int trainSize, int testSize,
                            int iterationsPerEpoch, long totalIterations, int startEpoch, String dataSource) {
}
