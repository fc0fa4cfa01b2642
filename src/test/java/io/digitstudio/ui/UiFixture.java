package io.digitstudio.ui;

import io.digitstudio.ui.app.AppContext;
import io.digitstudio.ui.app.DigitStudioApp;
import io.digitstudio.ui.app.MainView;
import io.digitstudio.ui.model.RecentModels;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/** The real window with test doubles for the dialogs and notifications, and its own recent-models store. */
public final class UiFixture {
    public final TestDialogs dialogs = new TestDialogs();
    public final RecordingNotifier notifier = new RecordingNotifier();
    public final Preferences prefs = Preferences.userRoot().node("io/digitstudio-test/" + UUID.randomUUID());
    public final AppContext context = new AppContext(dialogs, notifier, new RecentModels(prefs));
    public MainView main;

    public void show(Stage stage) {
        main = new MainView(context);
        stage.setScene(DigitStudioApp.createScene(main));
        stage.setTitle("DigitStudio");
        stage.show();
    }

    /** Waits until the engine is up and the built-in model is active. */
    public void awaitReady() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> context.activeModelProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    public void close() throws Exception {
        context.close();
        prefs.removeNode();
    }
}
