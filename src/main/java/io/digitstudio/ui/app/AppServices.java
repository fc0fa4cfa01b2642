package io.digitstudio.ui.app;

import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The app's services, made once: the workers (with the engine starting behind them), the dialogs, the model manager
 * and the engine's status line. The app and the UI tests build the window from the same object; only the dialogs and
 * the recent-models store differ. Build it on the FX thread.
 */
public final class AppServices implements AutoCloseable {
    private final WorkerExecutor tasks;
    private final DialogService dialogs;
    private final ModelManager models;
    private final ReadOnlyStringWrapper engineStatus;
    private final MainView main;

    public AppServices(DialogService dialogs, RecentModels recent) {
        this(dialogs, recent, Nd4jSetup::init);
    }

    AppServices(DialogService dialogs, RecentModels recent, Runnable engineStart) {
        this.engineStatus = new ReadOnlyStringWrapper(Nd4jSetup.firstStart()
                ? "First start: unpacking the native libraries (a few seconds, once)…" : "Starting the engine…");
        this.tasks = new WorkerExecutor(engineStart, Platform::runLater);
        this.dialogs = dialogs;
        this.models = new ModelManager(tasks, dialogs, recent);
        this.main = new MainView(tasks, dialogs, models, engineStatus.getReadOnlyProperty());
        tasks.engineReady().whenComplete((ok, err) -> {
            if (err != null) {
                engineStatus.set("The engine could not start: " + Messages.of(err));
                dialogs.error("Engine failed to start", Messages.of(err));
            }
        });
        models.loadBuiltIn().whenComplete((m, err) -> {
            if (err == null) engineStatus.set("Ready");
        });
    }

    public MainView main() {
        return main;
    }

    public WorkerExecutor tasks() {
        return tasks;
    }

    public ModelManager models() {
        return models;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public ReadOnlyStringProperty engineStatusProperty() {
        return engineStatus.getReadOnlyProperty();
    }

    @Override
    public void close() {
        main.train().run().stop();
        tasks.close();
    }
}
