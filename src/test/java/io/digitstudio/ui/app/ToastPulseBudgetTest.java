package io.digitstudio.ui.app;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A budget, not a unit test: a waiting toast (on the app's real clock) makes the window pulse no more than a quiet
 * window does, where an animation pulses 60 times a second. It counts pulses over a second of wall-clock time, so
 * it runs in the {@code budgets} profile ({@code mvn -Pbudgets test}), not in {@code mvn verify}.
 */
@Tag("budget")
@ExtendWith(ApplicationExtension.class)
class ToastPulseBudgetTest {
    private ToastLayer toasts;
    private final AtomicInteger pulses = new AtomicInteger();

    @Start
    void start(Stage stage) {
        toasts = new ToastLayer();
        Scene scene = new Scene(new StackPane(new Button("Below"), toasts), 800, 500);
        scene.getStylesheets().add(DigitStudioApp.class.getResource(DigitStudioApp.THEME).toExternalForm());
        scene.addPostLayoutPulseListener(pulses::incrementAndGet);
        stage.setScene(scene);
        stage.show();
    }

    private int pulsesInASecond() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        int before = pulses.get();
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        return pulses.get() - before;
    }

    @Test
    void aWaitingToastMakesTheWindowPulseNoMoreThanAQuietOne(FxRobot robot) throws Exception {
        int quiet = pulsesInASecond(); // the toolkit's pulses reach every scene: what pulses anyway (another window's animation) is not the toast's
        Platform.runLater(() -> toasts.show("Training finished", "validation accuracy 97.31%", false, 2500));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, robot.lookup(".toast").queryAll().size());
        int waiting = pulsesInASecond();
        // an animation (as ControlsFX's delayed hide timeline) pulses 60 times a second: about 60 more here
        assertTrue(waiting - quiet < 15, "the waiting toast made the window pulse " + waiting + " times in a second (" + quiet + " without it)");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".toast").queryAll().isEmpty());
    }
}
