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
    private final java.util.concurrent.CountDownLatch windowDrawn = new java.util.concurrent.CountDownLatch(1);

    public AppServices(DialogService dialogs, RecentModels recent) {
        this(dialogs, recent, new io.digitstudio.runs.RunStore(io.digitstudio.runs.RunStore.defaultRoot()),
                new io.digitstudio.mydigits.MyDigits(io.digitstudio.mydigits.MyDigits.defaultFolder()));
    }

    /** With the run history and the user's digits kept where given (the tests give each window its own). */
    public AppServices(DialogService dialogs, RecentModels recent, io.digitstudio.runs.RunStore history, io.digitstudio.mydigits.MyDigits myDigits) {
        this(dialogs, recent, Nd4jSetup::init, history, myDigits);
    }

    AppServices(DialogService dialogs, RecentModels recent, Runnable engineStart) {
        this(dialogs, recent, engineStart, new io.digitstudio.runs.RunStore(io.digitstudio.runs.RunStore.defaultRoot()),
                new io.digitstudio.mydigits.MyDigits(io.digitstudio.mydigits.MyDigits.defaultFolder()));
    }

    AppServices(DialogService dialogs, RecentModels recent, Runnable engineStart, io.digitstudio.runs.RunStore history, io.digitstudio.mydigits.MyDigits myDigits) {
        this.engineStatus = new ReadOnlyStringWrapper(Nd4jSetup.firstStart()
                ? "First start: unpacking the native libraries (a few seconds, once)…" : "Starting the engine…");
        // The engine starts once the window has been drawn (2 s at the latest): on two cores, loading the native
        // libraries and the built-in model would otherwise compete with drawing the first frame.
        this.tasks = new WorkerExecutor(() -> {
            try {
                windowDrawn.await(2, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            engineStart.run();
        }, Platform::runLater);
        this.dialogs = dialogs;
        this.models = new ModelManager(tasks, dialogs, recent);
        this.main = new MainView(tasks, dialogs, models, engineStatus.getReadOnlyProperty(), history, myDigits);
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

    /** Tells the services the window is on screen, so the engine may start: call after {@code stage.show()}. */
    public void windowShown(javafx.stage.Stage stage) {
        // the first frame is drawn at the end of the pulse that lays the window out: start right after it
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            Platform.runLater(windowDrawn::countDown);
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
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
