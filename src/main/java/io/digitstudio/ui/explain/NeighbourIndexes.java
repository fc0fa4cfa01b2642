package io.digitstudio.ui.explain;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.explain.FeatureSpace;
import io.digitstudio.explain.IndexCache;
import io.digitstudio.explain.NeighbourIndex;
import io.digitstudio.explain.PixelIndex;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.model.ActiveModel;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * The active model's neighbour index, shared by every view that explains an input (Draw, Samples): built or read from
 * the {@link IndexCache} once, on the background worker, and held in memory once (about 100 MB). The FX thread starts
 * builds and reads the published index; views hear when a build ends.
 */
public final class NeighbourIndexes {
    private final TaskExecutor tasks;
    private final IndexCache cache;
    private final Supplier<LabeledImages> train;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper("");
    private final List<Runnable> whenDone = new ArrayList<>();
    /** The model whose index is built or being built, and its index once ready. */
    private ActiveModel indexed;
    private volatile NeighbourIndex index;
    private volatile FeatureSpace space;
    private AtomicBoolean cancel = new AtomicBoolean();
    private volatile PixelIndex pixelIndex;

    public NeighbourIndexes(TaskExecutor tasks, IndexCache cache, Supplier<LabeledImages> train) {
        this.tasks = tasks;
        this.cache = cache;
        this.train = train;
    }

    /** The training images the indexes cover. */
    public LabeledImages train() {
        return train.get();
    }

    /** {@code model}'s index once built, else null. */
    NeighbourIndex index(ActiveModel model) {
        return indexed == model ? index : null;
    }

    /** The feature space the published index was built in (a copy of the model's own, for the FX side's queries). */
    FeatureSpace space() {
        return space;
    }

    /** Whether {@code model}'s index is built or being built. */
    boolean covers(ActiveModel model) {
        return indexed == model;
    }

    /** The training images as grey levels, made on first use (on the calling worker). */
    PixelIndex pixels() {
        PixelIndex p = pixelIndex;
        if (p == null) {
            synchronized (this) {
                p = pixelIndex;
                if (p == null) pixelIndex = p = PixelIndex.of(train.get());
            }
        }
        return p;
    }

    /** Runs {@code r} on the FX thread each time a build ends, well or not. */
    void whenDone(Runnable r) {
        whenDone.add(r);
    }

    /** Builds (or reads from the cache) the index of {@code model}'s features, on the background worker. */
    void build(ActiveModel model) {
        cancel.set(true);
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        indexed = model;
        index = null;
        space = null;
        progress.set(0);
        message.set("Finding what this model sees in the training images (once per model)…");
        int[] shown = {-1};
        tasks.background(() -> {
            LabeledImages t = train.get();
            FeatureSpace copy = FeatureSpace.ofCopy(model.model());
            IndexCache.Loaded loaded = cache.loadOrBuild(copy, t, done -> {
                int pct = (int) (100L * done / t.size());
                if (pct == shown[0]) return;
                shown[0] = pct;
                tasks.onUi(() -> {
                    if (stop.get()) return;
                    progress.set(pct / 100.0);
                    message.set("Finding what this model sees in the " + String.format(Locale.ROOT, "%,d", t.size()) + " training images (once per model): " + pct + "%");
                });
            }, () -> stop.get() || Thread.currentThread().isInterrupted());
            return new Built(loaded, FeatureSpace.of(model.model()));
        }).whenComplete((b, err) -> {
            if (stop.get()) return;
            progress.set(-1);
            if (err != null) {
                indexed = null;
                message.set("Could not build the index of nearest examples: " + Messages.of(err));
            } else {
                index = b.loaded().index();
                space = b.space();
                String how = b.loaded().built() ? String.format(Locale.ROOT, "built in %.1f s", b.loaded().millis() / 1e3) : "read from the cache";
                String text = String.format(Locale.ROOT, "Index: %,d × %d floats, %.0f MB, %s", index.count(), index.dim(), index.bytes() / 1e6, how);
                if (b.loaded().saveProblem() != null) text += " (" + b.loaded().saveProblem() + ")";
                info.set(text);
                message.set("");
            }
            for (Runnable r : List.copyOf(whenDone)) r.run();
        });
    }

    private record Built(IndexCache.Loaded loaded, FeatureSpace space) {
    }

    /** Stops a build in progress (the app closes). */
    public void cancel() {
        cancel.set(true);
    }

    /** The build's progress in [0, 1], or -1 when no build runs. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    /** How far the build is, or why it failed; "" otherwise. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The index's size and how it came (built, or read from the cache). */
    public ReadOnlyStringProperty infoProperty() { return info.getReadOnlyProperty(); }
}
