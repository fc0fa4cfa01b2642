package io.digitstudio.train;

import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves the model whenever an epoch's {@code validation/main/accuracy} beats every earlier one (Chainer's
 * {@code snapshot_object} with a {@link BestValueTrigger#max MaxValueTrigger}), atomically, so the file always holds
 * the best model so far.
 */
public final class KeepBest implements Extension {
    public static final String KEY = "validation/main/accuracy";

    private final Path file;
    private final String dataset;
    private final java.util.List<String> classNames;
    private final BestValueTrigger trigger = BestValueTrigger.max(KEY);
    private int bestEpoch;

    private final String name;
    /** The name of the best-model keeper the user asks for (--keep-best); a run's record keeps another. */
    public static final String NAME = "KeepBest";

    public KeepBest(Path file, String dataset, java.util.List<String> classNames) {
        this(file, dataset, classNames, NAME);
    }

    /** Under another name, so that a run's record can keep its own best model beside the user's. */
    public KeepBest(Path file, String dataset, java.util.List<String> classNames, String name) {
        this.name = name;
        this.file = file;
        this.dataset = dataset;
        this.classNames = classNames;
    }

    /** Beside the model file: {@code model.npz} gives {@code model-best.npz}. */
    public static Path besideOut(Path out) {
        String name = out.getFileName().toString();
        String base = name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(base + "-best.npz");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int priority() {
        return PRIORITY_READER;
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    @Override
    public void call(TrainingLoop loop) {
        double v = trigger.best();
        bestEpoch = loop.iterator().epoch();
        try {
            ModelFiles.saveNpz(file, loop.model(), new ModelInfo(v, dataset, classNames));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the best model to " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public double best() {
        return trigger.best();
    }

    /** The epoch the best model is from (0 before any). */
    public int bestEpoch() {
        return bestEpoch;
    }

    @Override
    public void serialize(io.digitstudio.serial.Serializer s) {
        trigger.serialize(s);
        bestEpoch = (int) s.optional("best_epoch", (long) bestEpoch);
    }
}
