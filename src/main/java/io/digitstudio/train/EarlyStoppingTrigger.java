package io.digitstudio.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chainer's {@code EarlyStoppingTrigger(monitor, patience, mode)}: at each check (every epoch) it compares the mean of
 * {@code monitor} since the last check with the best so far and fires once {@code patience} checks in a row brought no
 * improvement. Mode "auto" maximises a monitor whose name has "accuracy" in it and minimises anything else.
 */
public final class EarlyStoppingTrigger implements Trigger {
    private final String monitor;
    private final int patience;
    private final boolean maximise;
    private final Trigger check;
    private double sum;
    private long count;
    private double best;
    private int bad;

    public EarlyStoppingTrigger(String monitor, int patience, String mode) {
        if (patience < 1) throw new IllegalArgumentException("patience must be at least 1, got " + patience);
        this.monitor = monitor;
        this.patience = patience;
        this.maximise = switch (mode) {
            case "max" -> true;
            case "min" -> false;
            case "auto" -> monitor.contains("accuracy");
            default -> throw new IllegalArgumentException("mode must be min, max or auto, got " + mode);
        };
        this.check = Trigger.everyEpochs(1);
        this.best = maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean fire(TrainingLoop loop) {
        Double v = loop.observation().get(monitor);
        if (v != null) {
            sum += v;
            count++;
        }
        if (!check.fire(loop) || count == 0) return false;
        double mean = sum / count;
        sum = 0;
        count = 0;
        if (maximise ? mean > best : mean < best) {
            best = mean;
            bad = 0;
        } else {
            bad++;
        }
        return bad >= patience;
    }

    public String monitor() {
        return monitor;
    }

    public int patience() {
        return patience;
    }

    @Override
    public void serialize(io.digitstudio.serial.Serializer s) {
        sum = s.optional("sum", sum);
        count = s.optional("count", count);
        best = s.optional("best", best);
        bad = (int) s.optional("bad", (long) bad);
    }
}
