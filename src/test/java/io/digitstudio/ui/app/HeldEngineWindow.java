package io.digitstudio.ui.app;

import io.digitstudio.runs.RunStore;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The window in its first seconds: shown in the smallest size, its engine held until the story lets it start
 * ({@link #startEngine}), so that a story sees what a user sees while "Starting the engine…" shows.
 */
final class HeldEngineWindow {
    private final CountDownLatch engine = new CountDownLatch(1);
    private AppServices services;

    /** Shows the window on {@code stage} over {@code history}, with the last session's state {@code last}. */
    AppServices open(Stage stage, Path dir, RunStore history, LastSession last) {
        services = new AppServices(new io.digitstudio.ui.TestDialogs(), io.digitstudio.ui.model.RecentModels.inMemory(), () -> {
            try {
                engine.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            io.digitstudio.nn.Nd4jSetup.init();
        }, history, new io.digitstudio.mydigits.MyDigits(dir.resolve("mydigits")), last);
        stage.setScene(DigitStudioApp.createScene(services.main(), new ToastLayer()));
        stage.setWidth(DigitStudioApp.MIN_WIDTH);
        stage.setHeight(DigitStudioApp.MIN_HEIGHT);
        stage.show();
        services.windowShown(stage);
        return services;
    }

    /** Lets the engine start. */
    void startEngine() {
        engine.countDown();
    }

    /** Lets the engine start, if it has not, and closes the window's services. */
    void close() throws Exception {
        engine.countDown();
        if (services != null) WaitForAsyncUtils.asyncFx(services::close).get();
    }
}
