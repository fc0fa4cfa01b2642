package io.digitstudio.ui;

import io.digitstudio.ui.app.AppContext;
import io.digitstudio.ui.app.DigitStudioApp;
import io.digitstudio.ui.app.MainView;
import io.digitstudio.ui.model.RecentModels;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

/** The real window with test doubles for the dialogs and notifications, and an in-memory recent-models list. */
public final class UiFixture {
    public final TestDialogs dialogs = new TestDialogs();
    public final RecordingNotifier notifier = new RecordingNotifier();
    public AppContext context;
    public MainView main;

    /** Builds the app on the FX thread (from {@code @Start}): the context reports back with Platform.runLater. */
    public void show(Stage stage) {
        // recent models in memory: java.util.prefs would write files and sync them from a shutdown hook
        context = new AppContext(dialogs, notifier, RecentModels.inMemory());
        main = new MainView(context);
        stage.setScene(DigitStudioApp.createScene(main));
        stage.setTitle("DigitStudio");
        stage.show();
    }

    /** Waits until the engine is up and the built-in model is active. */
    public void awaitReady() throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.activeModelProperty().get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the app did not become ready; engine status: " + context.engineStatusProperty().get()
                    + "; errors: " + notifier.errors, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void close() throws Exception {
        if (context != null) context.close();
    }
}
