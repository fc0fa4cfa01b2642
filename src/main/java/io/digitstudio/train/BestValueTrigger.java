package io.digitstudio.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chainer's {@code MaxValueTrigger(key)} and {@code MinValueTrigger(key)}: at each check (every epoch) it fires when the
 * observation {@code key} is better than at every earlier check, e.g. to save the best model as it appears.
 */
public final class BestValueTrigger implements Trigger {
    private final String key;
    private final boolean max;
    private final Trigger check = Trigger.everyEpochs(1);
    private double best;

    private BestValueTrigger(String key, boolean max) {
        this.key = key;
        this.max = max;
        this.best = max ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Chainer's MaxValueTrigger. */
    public static BestValueTrigger max(String key) {
        return new BestValueTrigger(key, true);
    }

    /** Chainer's MinValueTrigger. */
    public static BestValueTrigger min(String key) {
        return new BestValueTrigger(key, false);
    }

    @Override
    public boolean fire(TrainingLoop loop) {
        if (!check.fire(loop)) return false;
        Double v = loop.observation().get(key);
        if (v == null || !(max ? v > best : v < best)) return false;
        best = v;
        return true;
    }

    public double best() {
        return best;
    }

    @Override
    public void serialize(io.digitstudio.serial.Serializer s) {
        best = s.optional("best", best);
    }
}
