package io.digitstudio.train;

import io.digitstudio.optim.Optimizers;

import java.util.Locale;

/**
 * What a run is: the tutorial's defaults are {@link #tutorial()} (10 epochs, batch 128, 100 hidden units,
 * MomentumSGD lr 0.01 momentum 0.9). A null lr or momentum means the optimizer's Chainer default. Limits of 0 use
 * the whole training or test set. {@code augment} distorts training images at random (see AugmentedDataset).
 */
public record TrainingConfig(int epochs, int batchSize, int units, String optimizer, Double lr, Double momentum,
                             long seed, boolean shuffle, int trainLimit, int testLimit, boolean augment) {
    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_UNITS = 10_000;
    public static final int MAX_BATCH = 60_000;

    public TrainingConfig {
        if (epochs < 1 || epochs > MAX_EPOCHS) throw new IllegalArgumentException("epochs must be between 1 and " + MAX_EPOCHS + ", got " + epochs);
        if (batchSize < 1 || batchSize > MAX_BATCH) throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH + ", got " + batchSize);
        if (units < 1 || units > MAX_UNITS) throw new IllegalArgumentException("units must be between 1 and " + MAX_UNITS + ", got " + units);
        if (trainLimit < 0 || testLimit < 0) throw new IllegalArgumentException("subset limits cannot be negative");
        optimizer = optimizer.toLowerCase(Locale.ROOT);
        Optimizers.create(optimizer, lr, momentum); // validates name, lr and momentum with messages that name the allowed range
    }

    public static TrainingConfig tutorial() {
        return new TrainingConfig(10, 128, 100, "momentum-sgd", null, null, 0, true, 0, 0, false);
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(e, batchSize, units, optimizer, lr, momentum, seed, shuffle, trainLimit, testLimit, augment);
    }

    public TrainingConfig withLimits(int train, int test) {
        return new TrainingConfig(epochs, batchSize, units, optimizer, lr, momentum, seed, shuffle, train, test, augment);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, units, optimizer, lr, momentum, s, shuffle, trainLimit, testLimit, augment);
    }

    public TrainingConfig withOptimizer(String name, Double learningRate, Double mom) {
        return new TrainingConfig(epochs, batchSize, units, name, learningRate, mom, seed, shuffle, trainLimit, testLimit, augment);
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(epochs, b, units, optimizer, lr, momentum, seed, shuffle, trainLimit, testLimit, augment);
    }

    public TrainingConfig withAugment(boolean a) {
        return new TrainingConfig(epochs, batchSize, units, optimizer, lr, momentum, seed, shuffle, trainLimit, testLimit, a);
    }

    public TrainingConfig withUnits(int u) {
        return new TrainingConfig(epochs, batchSize, u, optimizer, lr, momentum, seed, shuffle, trainLimit, testLimit, augment);
    }
}
