package io.digitstudio.ui.model;

import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Mlp;
import io.digitstudio.ui.app.AppContext;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Opening, saving and switching the active model. A file is read and checked completely (keys, shapes, dtypes, that it
 * classifies 28x28 images into 10 digits) on the compute worker before it replaces the active model; if anything is
 * wrong the user is told what, and the previous model stays active.
 */
public final class ModelManager {
    private final AppContext context;
    private final RecentModels recentStore;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper lastError = new ReadOnlyStringWrapper();

    public ModelManager(AppContext context, RecentModels recentStore) {
        this.context = context;
        this.recentStore = recentStore;
        recent.setAll(recentStore.list());
    }

    private record Opened(ActiveModel model, java.util.List<String> notes) {
    }

    /** Loads a model file; completes with the new active model, or exceptionally (the old one stays). */
    public CompletableFuture<ActiveModel> open(Path file) {
        lastError.set(null);
        CompletableFuture<ActiveModel> done = new CompletableFuture<>();
        context.compute(() -> {
            ModelFiles.LoadedModel m = ModelFiles.loadNpz(file);
            if (m.model().inSize() != 784 || m.model().outSize() != 10) {
                throw new IllegalArgumentException(file.getFileName() + ": the model maps " + m.model().inSize() + " inputs to "
                        + m.model().outSize() + " outputs; DigitStudio needs 784 (28x28 pixels) to 10 (digits)");
            }
            return new Opened(ActiveModel.of(m.model(), file.getFileName().toString(), m.meta().get("test_accuracy"), file), m.notes());
        }).whenComplete((opened, err) -> Platform.runLater(() -> {
            if (err != null) {
                String message = AppContext.rootMessage(err);
                lastError.set(message);
                context.notifier().error("Could not open model", message);
                done.completeExceptionally(err);
                return;
            }
            ActiveModel model = opened.model();
            context.activeModelProperty().set(model);
            remember(file);
            String notes = opened.notes().isEmpty() ? "" : " (" + String.join("; ", opened.notes()) + ")";
            context.notifier().info("Model opened", model.describe() + notes);
            done.complete(model);
        }));
        return done;
    }

    /** Opens a recent file, dropping it from the list with a message if it is gone. */
    public CompletableFuture<ActiveModel> openRecent(Path file) {
        if (!Files.isRegularFile(file)) {
            recentStore.remove(file);
            recent.setAll(recentStore.list());
            String message = file + " no longer exists; removed from the recent list";
            lastError.set(message);
            context.notifier().error("Model missing", message);
            return CompletableFuture.failedFuture(new IllegalStateException(message));
        }
        return open(file);
    }

    /** Saves the active model atomically in Chainer's layout. */
    public CompletableFuture<Path> save(Path file) {
        ActiveModel active = context.activeModelProperty().get();
        if (active == null) return CompletableFuture.failedFuture(new IllegalStateException("no model to save"));
        return save(file, active.model(), active.testAccuracy());
    }

    /**
     * Saves a model atomically in Chainer's layout (its test accuracy, when known, as metadata), remembers the file
     * among the recent ones and tells the user; completes on the FX thread.
     */
    public CompletableFuture<Path> save(Path file, Mlp model, Double testAccuracy) {
        Map<String, Double> meta = testAccuracy == null ? Map.of() : Map.of("test_accuracy", testAccuracy);
        CompletableFuture<Path> done = new CompletableFuture<>();
        context.write(file, () -> ModelFiles.saveNpz(file, model, meta)).whenComplete((p, err) -> Platform.runLater(() -> {
            if (err != null) {
                lastError.set(AppContext.rootMessage(err));
                context.notifier().error("Save failed", AppContext.rootMessage(err));
                done.completeExceptionally(err);
            } else {
                remember(p);
                context.notifier().info("Model saved", p.toString());
                done.complete(p);
            }
        }));
        return done;
    }

    public void useBuiltIn() {
        ActiveModel builtIn = context.builtInModelProperty().get();
        if (builtIn != null) context.activeModelProperty().set(builtIn);
    }

    private void remember(Path file) {
        recentStore.add(file);
        recent.setAll(recentStore.list());
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public ReadOnlyStringProperty lastErrorProperty() {
        return lastError.getReadOnlyProperty();
    }
}
