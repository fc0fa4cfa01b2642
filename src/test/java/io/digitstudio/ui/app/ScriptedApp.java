package io.digitstudio.ui.app;

import javafx.stage.Stage;

/**
 * The real window with a script run in it, for the scripts under {@code src/test/scripts}: screenshots, the GUI
 * benchmark and the memory story ({@link ScreenshotMode} lists the options). It is the shipped app — the same
 * {@link AppServices}, views and workers — plus the script, and lives in test code so that the shipped app has no
 * hidden modes. Run with the test classes on the class path:
 * {@code java -cp target/test-classes:target/classes:'target/lib/*' io.digitstudio.ui.app.ScriptedAppMain --screenshot FILE}.
 */
public final class ScriptedApp extends DigitStudioApp {
    @Override
    public void start(Stage stage) {
        super.start(stage);
        ScreenshotMode.maybeStart(getParameters().getRaw(), stage, services());
    }
}
