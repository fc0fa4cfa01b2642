package io.digitstudio.ui.app;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Toasts as a user meets them: above the view, gone after their time or a click, and clicks beside them still work. */
@ExtendWith(ApplicationExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the pulse count first, before this class has shown any toast
class ToastLayerTest {
    private ToastLayer toasts;
    private final AtomicInteger pulses = new AtomicInteger();
    private int clicked;

    @Start
    void start(Stage stage) {
        toasts = new ToastLayer(); // controls are made once the toolkit is up
        Button below = new Button("Below");
        below.setOnAction(e -> clicked++);
        StackPane.setAlignment(below, javafx.geometry.Pos.TOP_LEFT);
        Scene scene = new Scene(new StackPane(below, toasts), 800, 500);
        scene.getStylesheets().add(DigitStudioApp.class.getResource(DigitStudioApp.THEME).toExternalForm());
        scene.addPostLayoutPulseListener(pulses::incrementAndGet);
        stage.setScene(scene);
        stage.show();
    }

    private void show(String title, String text, boolean error, long millis) {
        Platform.runLater(() -> toasts.show(title, text, error, millis));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aToastShowsInTheCornerAndAClickDismissesIt(FxRobot robot) {
        show("Model saved", "Saved to /tmp/model.npz", false, 60_000);
        Node toast = robot.lookup(".toast").query();
        assertEquals("Saved to /tmp/model.npz", robot.lookup(".toast-text").queryAs(Label.class).getText());
        var b = toast.localToScene(toast.getLayoutBounds());
        double w = toast.getScene().getWidth(), h = toast.getScene().getHeight(); // the stage keeps an earlier test's size
        assertTrue(b.getMaxX() > w - 100 && b.getMaxY() > h - 100, "in the lower right corner of " + w + "x" + h + ": " + b);
        assertTrue(b.getMaxY() <= h - 30, "above where a view's status bar is: " + b);
        robot.clickOn("Below");
        assertEquals(1, clicked, "a click beside the toast reaches the view below");
        robot.clickOn(toast);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".toast").queryAll().isEmpty(), "dismissed by a click");
    }

    private int pulsesInASecond() throws InterruptedException {
        WaitForAsyncUtils.waitForFxEvents();
        int before = pulses.get();
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        return pulses.get() - before;
    }

    @Test
    @Order(1)
    void aToastGoesAfterItsTimeAndNothingMovesMeanwhile(FxRobot robot) throws Exception {
        int quiet = pulsesInASecond(); // the toolkit's pulses reach every scene: what pulses anyway (another window's animation) is not the toast's
        show("Training finished", "validation accuracy 97.31%", false, 2500);
        assertEquals(1, robot.lookup(".toast").queryAll().size());
        int waiting = pulsesInASecond();
        // an animation (as ControlsFX's delayed hide timeline) pulses 60 times a second: about 60 more here
        assertTrue(waiting - quiet < 15, "the waiting toast made the window pulse " + waiting + " times in a second (" + quiet + " without it)");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup(".toast").queryAll().isEmpty());
    }

    @Test
    void errorsAreMarkedAndTheOldestGoesWhenTooManyStackUp(FxRobot robot) {
        show("Could not save", "disk full", true, 60_000);
        assertTrue(robot.lookup(".toast").query().getStyleClass().contains("toast-error"));
        for (int i = 1; i <= ToastLayer.MAX_SHOWN; i++) show("Note " + i, "text " + i, false, 60_000);
        var shown = robot.lookup(".toast-title").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertEquals(ToastLayer.MAX_SHOWN, shown.size());
        assertTrue(!shown.contains("Could not save") && shown.contains("Note " + ToastLayer.MAX_SHOWN), shown.toString());
    }
}
