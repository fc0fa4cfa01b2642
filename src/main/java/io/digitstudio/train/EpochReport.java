package io.digitstudio.train;

import java.util.Locale;

/**
 * One epoch's figures. Losses and accuracies are means over examples (weighted by batch size), so a short last batch
 * counts for what it holds; the tutorial's plain mean of batch means differs slightly.
 */
public record EpochReport(int epoch, long iteration, double trainLoss, double trainAccuracy, double valLoss,
                          double valAccuracy, double trainSeconds, double valSeconds, double lr) {

    /** Without the learning rate (NaN: unknown, as in logs from before it was recorded). */
    public EpochReport(int epoch, long iteration, double trainLoss, double trainAccuracy, double valLoss, double valAccuracy,
                       double trainSeconds, double valSeconds) {
        this(epoch, iteration, trainLoss, trainAccuracy, valLoss, valAccuracy, trainSeconds, valSeconds, Double.NaN);
    }

    /** The tutorial's line: {@code epoch:01 train_loss:0.1858 val_loss:0.2564 val_accuracy:0.9267}, then the time. */
    public String tutorialLine() {
        return String.format(Locale.ROOT, "epoch:%02d train_loss:%.4f val_loss:%.4f val_accuracy:%.4f time:%.2fs",
                epoch, trainLoss, valLoss, valAccuracy, trainSeconds);
    }

    public static String csvHeader() {
        return "epoch,iteration,train_loss,train_accuracy,val_loss,val_accuracy,train_seconds,val_seconds,lr";
    }

    public String csvRow() {
        return String.format(Locale.ROOT, "%d,%d,%.6f,%.6f,%.6f,%.6f,%.4f,%.4f,%s",
                epoch, iteration, trainLoss, trainAccuracy, valLoss, valAccuracy, trainSeconds, valSeconds, Double.isNaN(lr) ? "" : Double.toString(lr));
    }
}
