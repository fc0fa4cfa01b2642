package io.digitstudio.train;

import io.digitstudio.io.JsonFields;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.optim.Optimizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run is. The tutorial's defaults are {@link #tutorial()}: 10 epochs, batch 128, the tutorial's MLP (two hidden
 * layers of 100), MomentumSGD with lr 0.01 and momentum 0.9. {@code network} is the spec the model is built from. {@code hyperparams} holds the optimizer's settings by Chainer's names (missing ones
 * take Chainer's defaults). Limits of 0 use the whole training or test set; {@code augment} distorts training images
 * at random (see AugmentedDataset).
 */
public record TrainingConfig(int epochs, int batchSize, NetworkSpec network, String optimizer, Map<String, Double> hyperparams,
                             long seed, boolean shuffle, int trainLimit, int testLimit, boolean augment) {
    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_UNITS = 10_000;
    public static final int MAX_BATCH = 60_000;

    public TrainingConfig {
        if (epochs < 1 || epochs > MAX_EPOCHS) throw new IllegalArgumentException("epochs must be between 1 and " + MAX_EPOCHS + ", got " + epochs);
        if (batchSize < 1 || batchSize > MAX_BATCH) throw new IllegalArgumentException("batch size must be between 1 and " + MAX_BATCH + ", got " + batchSize);
        if (network == null) throw new IllegalArgumentException("no network given");
        if (trainLimit < 0 || testLimit < 0) throw new IllegalArgumentException("subset limits cannot be negative");
        optimizer = Optimizers.canonical(optimizer);
        hyperparams = Collections.unmodifiableMap(new LinkedHashMap<>(Optimizers.resolve(optimizer, hyperparams)));
    }

    public static TrainingConfig tutorial() {
        return new TrainingConfig(10, 128, NetworkSpec.of("tutorial"), "momentum-sgd", Map.of(), 0, true, 0, 0, false);
    }

    /** The learning rate (Adam's alpha). */
    public double lr() {
        return hyperparams.get(Optimizers.learningRateKey(optimizer));
    }

    public TrainingConfig withEpochs(int e) {
        return new TrainingConfig(e, batchSize, network, optimizer, hyperparams, seed, shuffle, trainLimit, testLimit, augment);
    }

    public TrainingConfig withLimits(int train, int test) {
        return new TrainingConfig(epochs, batchSize, network, optimizer, hyperparams, seed, shuffle, train, test, augment);
    }

    public TrainingConfig withSeed(long s) {
        return new TrainingConfig(epochs, batchSize, network, optimizer, hyperparams, s, shuffle, trainLimit, testLimit, augment);
    }

    public TrainingConfig withOptimizer(String name, Map<String, Double> overrides) {
        return new TrainingConfig(epochs, batchSize, network, name, overrides, seed, shuffle, trainLimit, testLimit, augment);
    }

    public TrainingConfig withOptimizer(String name, Double lr, Double momentum) {
        return withOptimizer(name, Optimizers.overrides(name, lr, momentum));
    }

    public TrainingConfig withBatchSize(int b) {
        return new TrainingConfig(epochs, b, network, optimizer, hyperparams, seed, shuffle, trainLimit, testLimit, augment);
    }

    public TrainingConfig withAugment(boolean a) {
        return new TrainingConfig(epochs, batchSize, network, optimizer, hyperparams, seed, shuffle, trainLimit, testLimit, a);
    }

    /** The tutorial's MLP with {@code u} units in each hidden layer ({@code --units}). */
    public TrainingConfig withUnits(int u) {
        if (u < 1 || u > MAX_UNITS) throw new IllegalArgumentException("units must be between 1 and " + MAX_UNITS + ", got " + u);
        return withNetwork(NetworkSpec.mlp(u, u));
    }

    public TrainingConfig withNetwork(NetworkSpec n) {
        return new TrainingConfig(epochs, batchSize, n, optimizer, hyperparams, seed, shuffle, trainLimit, testLimit, augment);
    }

    /** The run's settings as {@code run.json} and a snapshot's settings hold them. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("network", network.text());
        m.put("optimizer", optimizer);
        m.put("hyperparams", new LinkedHashMap<>(hyperparams));
        m.put("batch_size", batchSize);
        m.put("epochs", epochs);
        m.put("seed", JsonFields.wholeNumberValue(seed));
        m.put("shuffle", shuffle);
        m.put("augment", augment);
        m.put("train_limit", trainLimit);
        m.put("test_limit", testLimit);
        return m;
    }

    /** Reads what {@link #toJson} wrote; a missing or wrong field is an {@link IllegalArgumentException} naming it. */
    public static TrainingConfig fromJson(JsonFields f) {
        Map<String, Double> hyper = new LinkedHashMap<>();
        f.object("hyperparams").forEach((k, v) -> hyper.put(k, JsonFields.number(v, "hyperparams/" + k)));
        return new TrainingConfig(f.integer("epochs"), f.integer("batch_size"), NetworkSpec.parse(f.string("network")),
                f.string("optimizer"), hyper, f.wholeNumber("seed"), f.bool("shuffle"), f.integer("train_limit"),
                f.integer("test_limit"), f.bool("augment"));
    }

    public TrainingConfig withShuffle(boolean s) {
        return new TrainingConfig(epochs, batchSize, network, optimizer, hyperparams, seed, s, trainLimit, testLimit, augment);
    }
}
