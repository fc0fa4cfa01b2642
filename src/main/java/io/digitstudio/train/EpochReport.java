package io.digitstudio.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One epoch's entry in the run's log, as Chainer's {@code LogReport} keeps it: the reporter's observations by name
 * ({@code main/loss}, {@code validation/main/accuracy}, {@code lr}, and whatever extensions reported), with
 * {@code epoch} and {@code iteration}. The named getters read the usual keys; a key that was not observed reads NaN.
 * Training loss and accuracy are means over examples (weighted by batch size), so a short last batch counts for what
 * it holds; the tutorial's plain mean of batch means differs slightly.
 */
public final class EpochReport {
    public static final String EPOCH = "epoch";
    public static final String ITERATION = "iteration";
    public static final String TRAIN_LOSS = "main/loss";
    public static final String TRAIN_ACCURACY = "main/accuracy";
    public static final String VAL_LOSS = "validation/main/loss";
    public static final String VAL_ACCURACY = "validation/main/accuracy";
    public static final String TRAIN_SECONDS = "train_seconds";
    public static final String VAL_SECONDS = "validation_seconds";
    public static final String LR = "lr";

    private final Map<String, Double> values;

    /** An entry of these observations; NaN values are left out (not observed). */
    public EpochReport(Map<String, Double> values) {
        Map<String, Double> v = new LinkedHashMap<>();
        values.forEach((k, x) -> {
            if (x != null && !Double.isNaN(x)) v.put(Objects.requireNonNull(k), x);
        });
        if (!v.containsKey(EPOCH)) throw new IllegalArgumentException("an epoch's entry needs its epoch");
        this.values = Collections.unmodifiableMap(v);
    }

    /** The usual observations of an epoch (NaN: not observed, as the learning rate in logs from before it was). */
    public static EpochReport of(int epoch, long iteration, double trainLoss, double trainAccuracy, double valLoss,
                                 double valAccuracy, double trainSeconds, double valSeconds, double lr) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put(EPOCH, (double) epoch);
        v.put(ITERATION, (double) iteration);
        v.put(TRAIN_LOSS, trainLoss);
        v.put(TRAIN_ACCURACY, trainAccuracy);
        v.put(VAL_LOSS, valLoss);
        v.put(VAL_ACCURACY, valAccuracy);
        v.put(TRAIN_SECONDS, trainSeconds);
        v.put(VAL_SECONDS, valSeconds);
        v.put(LR, lr);
        return new EpochReport(v);
    }

    /** As {@link #of(int, long, double, double, double, double, double, double, double)} without a learning rate. */
    public static EpochReport of(int epoch, long iteration, double trainLoss, double trainAccuracy, double valLoss,
                                 double valAccuracy, double trainSeconds, double valSeconds) {
        return of(epoch, iteration, trainLoss, trainAccuracy, valLoss, valAccuracy, trainSeconds, valSeconds, Double.NaN);
    }

    /** Every observation of the epoch, by name, in the order they were made. */
    public Map<String, Double> values() {
        return values;
    }

    /** The observation named {@code key}, or NaN when it was not made. */
    public double get(String key) {
        Double v = values.get(key);
        return v == null ? Double.NaN : v;
    }

    /** A copy with {@code key} observed as {@code value} (NaN: removed). */
    public EpochReport with(String key, double value) {
        Map<String, Double> v = new LinkedHashMap<>(values);
        v.put(key, value);
        return new EpochReport(v);
    }

    public int epoch() {
        return (int) get(EPOCH);
    }

    public long iteration() {
        return values.containsKey(ITERATION) ? (long) get(ITERATION) : 0;
    }

    public double trainLoss() {
        return get(TRAIN_LOSS);
    }

    public double trainAccuracy() {
        return get(TRAIN_ACCURACY);
    }

    public double valLoss() {
        return get(VAL_LOSS);
    }

    public double valAccuracy() {
        return get(VAL_ACCURACY);
    }

    public double trainSeconds() {
        return get(TRAIN_SECONDS);
    }

    public double valSeconds() {
        return get(VAL_SECONDS);
    }

    public double lr() {
        return get(LR);
    }

    /**
     * The epoch's time: its training and its validation, what the user waits between two epochs' lines (a pause is in
     * neither). A log of a run without a validation gives its training alone.
     */
    public double epochSeconds() {
        double val = valSeconds();
        return Double.isNaN(val) ? trainSeconds() : trainSeconds() + val;
    }

    /**
     * The tutorial's line: {@code epoch:01 train_loss:0.1858 val_loss:0.2564 val_accuracy:0.9267}, then the epoch's
     * time ({@link #epochSeconds()}).
     */
    public String tutorialLine() {
        return String.format(Locale.ROOT, "epoch:%02d train_loss:%.4f val_loss:%.4f val_accuracy:%.4f time:%.2fs",
                epoch(), trainLoss(), valLoss(), valAccuracy(), epochSeconds());
    }

    public static String csvHeader() {
        return "epoch,iteration,train_loss,train_accuracy,val_loss,val_accuracy,train_seconds,val_seconds,lr";
    }

    public String csvRow() {
        return String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f,%.4f,%.4f,%s",
                epoch(), iteration(), trainLoss(), trainAccuracy(), valLoss(), valAccuracy(), trainSeconds(), valSeconds(),
                Double.isNaN(lr()) ? "" : Double.toString(lr()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EpochReport r && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "EpochReport" + values;
    }
}
