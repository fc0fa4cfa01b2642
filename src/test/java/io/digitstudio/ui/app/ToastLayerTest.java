package io.digitstudio.ui.app;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Toasts as a user meets them: beside the window's bottom edge, covering nothing of the view, gone after their time (not while the pointer rests on them) or a click,
 * and clicks beside them still work. Time is handed out by the test: a toast's wait is one task given to its clock,
 * run here when the test says the time is up. (That a waiting toast makes the window pulse no more than a quiet one is
 * measured by {@link ToastPulseBudgetTest}, in the budgets profile.)
 */
@ExtendWith(ApplicationExtension.class)
class ToastLayerTest {
    private ToastLayer toasts;
    private int clicked;
    /** The view: a button in its top left corner, a table filling it, a status text along its bottom. */
    private javafx.scene.layout.BorderPane view;

    /** What the toasts asked their clock for: a task to run after so many milliseconds. */
    private record Wait(long millis, Runnable task) {
    }

    private final List<Wait> waits = new ArrayList<>();

    /** Runs the waits due now (as the clock would when their time is up), on the UI thread. */
    private void timePasses() {
        List<Wait> due = new ArrayList<>(waits);
        waits.clear();
        Platform.runLater(() -> due.forEach(w -> w.task().run()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Start
    void start(Stage stage) {
        toasts = new ToastLayer((millis, task) -> waits.add(new Wait(millis, task))); // controls are made once the toolkit is up
        Button below = new Button("Below");
        below.setOnAction(e -> clicked++);
        javafx.scene.control.TableView<String> table = new javafx.scene.control.TableView<>(javafx.collections.FXCollections.observableArrayList("0.9731"));
        table.setId("epochTable");
        Label status = new Label("Epoch 10/10 · validation accuracy 97.31%");
        status.setId("status");
        view = new javafx.scene.layout.BorderPane(table, below, null, status, null);
        stage.setScene(DigitStudioApp.createScene(view, toasts));
        stage.setWidth(1024);
        stage.setHeight(700);
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
        double w = toast.getScene().getWidth(), h = toast.getScene().getHeight();
        assertTrue(b.getMaxX() > w - 100 && b.getMaxY() > h - 100, "in the lower right corner of " + w + "x" + h + ": " + b);
        robot.clickOn("Below");
        assertEquals(1, clicked, "a click beside the toast reaches the view below");
        robot.clickOn(toast);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".toast").queryAll().isEmpty(), "dismissed by a click");
    }

    /**
     * "Training finished" while someone reads the epoch table and the status text beneath it: at 100 %, 150 % and 200 %
     * (the root's font size, as the app's scale sets it) the toast lies beside the view, not over any of it, and once it
     * has gone the view has the whole window again.
     */
    @Test
    void aToastCoversNothingOfTheViewAtAnyScale(FxRobot robot) {
        for (int scale : new int[]{100, 150, 200}) {
            robot.interact(() -> toasts.getScene().getRoot().setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", Appearance.BASE_FONT_SIZE * scale / 100.0)));
            double fullHeight = view.getHeight();
            show("Training finished", "Epoch 10: validation accuracy 97.31%. Draw and Samples now use the new model.", false, 60_000);
            Node toast = robot.lookup(".toast").query();
            var t = toast.localToScene(toast.getLayoutBounds());
            for (String id : new String[]{"#epochTable", "#status"}) {
                Node n = robot.lookup(id).query();
                var nb = n.localToScene(n.getLayoutBounds());
                assertTrue(!nb.intersects(t), scale + " %: the toast " + t + " lies over " + id + " " + nb);
                assertTrue(nb.getMaxY() <= toast.getScene().getHeight(), scale + " %: " + id + " is still in the window: " + nb);
            }
            var v = view.localToScene(view.getLayoutBounds());
            assertTrue(!v.intersects(t), scale + " %: the toast " + t + " lies over the view " + v);
            assertTrue(t.getMaxY() <= toast.getScene().getHeight() && t.getMinX() >= 0, scale + " %: the toast is in the window: " + t);
            robot.clickOn(toast);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals(fullHeight, view.getHeight(), 0.5, scale + " %: without a toast the view has the window's height again");
        }
        robot.interact(() -> toasts.getScene().getRoot().setStyle(""));
    }

    @Test
    void aToastGoesWhenItsTimeIsUpButNotWhileThePointerRestsOnIt(FxRobot robot) {
        show("Training finished", "validation accuracy 97.31%", false, 2500);
        assertEquals(1, robot.lookup(".toast").queryAll().size());
        assertEquals(List.of(2500L), waits.stream().map(Wait::millis).toList(), "one wait, of the toast's time, and nothing else running");
        robot.moveTo(".toast");
        timePasses();
        assertEquals(1, robot.lookup(".toast").queryAll().size(), "being read: it stays");
        assertEquals(List.of(ToastLayer.HOVER_RECHECK_MILLIS), waits.stream().map(Wait::millis).toList(), "it looks again later");
        robot.moveTo("Below");
        timePasses();
        assertTrue(robot.lookup(".toast").queryAll().isEmpty(), "gone once its time is up and the pointer has left");
        assertTrue(waits.isEmpty(), "nothing waits for a toast that is gone");
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
