package io.digitstudio.ui.app;

import io.digitstudio.data.Mnist;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the views share: two background workers (one for training, one for everything else, so drawing stays
 * responsive while a model trains), the active model, the bundled data, and the dialogs and notifier (real ones in
 * the app, test doubles in tests). Properties are touched on the FX thread only.
 */
public final class AppContext implements AutoCloseable {
    private final ExecutorService trainWorker = Executors.newSingleThreadExecutor(daemon("digitstudio-train"));
    private final ExecutorService computeWorker = Executors.newSingleThreadExecutor(daemon("digitstudio-compute"));
    private final ObjectProperty<ActiveModel> activeModel = new SimpleObjectProperty<>();
    private final ObjectProperty<ActiveModel> builtInModel = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper engineStatus = new ReadOnlyStringWrapper(Nd4jSetup.firstStart()
            ? "First start: unpacking the native libraries (a few seconds, once)…" : "Starting the engine…");
    private final FileDialogs dialogs;
    private final Notifier notifier;
    private final ModelManager models;
    private final CompletableFuture<Void> engine;
    private volatile CompletableFuture<Mnist.TrainTest> bundled;

    public AppContext(FileDialogs dialogs, Notifier notifier, RecentModels recent) {
        this.dialogs = dialogs;
        this.notifier = notifier;
        this.models = new ModelManager(this, recent);
        // The first ND4J call unpacks native libraries (seconds, once): never on the FX thread.
        this.engine = CompletableFuture.runAsync(Nd4jSetup::init, computeWorker);
        compute(() -> {
            ModelFiles.LoadedModel m = ModelFiles.loadDefault();
            warmUp(m);
            return m;
        }).whenComplete((m, err) -> Platform.runLater(() -> {
            if (err != null) {
                engineStatus.set("Engine failed to start: " + rootMessage(err));
                return;
            }
            ActiveModel builtIn = ActiveModel.of(m, null);
            builtInModel.set(builtIn);
            if (activeModel.get() == null) activeModel.set(builtIn);
            engineStatus.set("Ready");
        }));
    }

    /**
     * One throwaway drawing through the whole Draw path (render, prepare, classify) while the app starts, so that the
     * user's first stroke is answered in a millisecond rather than after the JIT has caught up.
     */
    private static void warmUp(ModelFiles.LoadedModel m) {
        var stroke = java.util.List.of(new io.digitstudio.data.PenStroke(java.util.List.of(new double[]{100, 60}, new double[]{110, 250}), 20));
        var predictor = new io.digitstudio.nn.Predictor(m.model());
        for (int i = 0; i < 20; i++) {
            predictor.predict(io.digitstudio.data.DigitPreprocessor.toMnist(io.digitstudio.data.StrokeRasterizer.render(stroke, 320, 320, true)));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Runs work on the compute worker once the engine is up. */
    public <T> CompletableFuture<T> compute(Supplier<T> work) {
        return engine.thenApplyAsync(ignored -> work.get(), computeWorker);
    }

    /** Writes something that can fail with an IOException. */
    @FunctionalInterface
    public interface FileWrite {
        void run() throws java.io.IOException;
    }

    /**
     * Writes a file on the compute worker (never on the FX thread); completes with the path, or exceptionally with
     * "could not save NAME: reason".
     */
    public CompletableFuture<java.nio.file.Path> write(java.nio.file.Path file, FileWrite write) {
        return compute(() -> {
            try {
                write.run();
                return file;
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not save " + file.getFileName() + ": " + e.getMessage(), e);
            }
        });
    }

    /** Runs a long task (training) on the training worker. */
    public void train(Runnable task) {
        engine.thenRunAsync(task, trainWorker);
    }

    public CompletableFuture<Mnist.TrainTest> bundledData() {
        CompletableFuture<Mnist.TrainTest> b = bundled;
        if (b == null) {
            synchronized (this) {
                if (bundled == null) bundled = compute(Mnist::bundled);
                b = bundled;
            }
        }
        return b;
    }

    public ObjectProperty<ActiveModel> activeModelProperty() {
        return activeModel;
    }

    public ObjectProperty<ActiveModel> builtInModelProperty() {
        return builtInModel;
    }

    public ReadOnlyStringProperty engineStatusProperty() {
        return engineStatus.getReadOnlyProperty();
    }

    public FileDialogs dialogs() {
        return dialogs;
    }

    public ModelManager models() {
        return models;
    }

    public Notifier notifier() {
        return notifier;
    }

    /** The message of the innermost cause, for one-line error displays. */
    public static String rootMessage(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        trainWorker.shutdownNow();
        computeWorker.shutdownNow();
        try {
            trainWorker.awaitTermination(2, TimeUnit.SECONDS);
            computeWorker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
