package io.digitstudio.ui.app;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Toasts as a user meets them: floating over the view just above its status line, so that nothing of the view moves
 * and the status stays in sight; their whole text shown; gone after their time (not while the
 * pointer rests on them or the focus is in them), or at ×; a toast with Undo stays long enough to reach it; clicks
 * beside them still work. Time is handed out by the test: a toast's wait is one task given to its clock, run here when
 * the test says the time is up. (That a waiting toast makes the window pulse no more than a quiet one is measured by
 * the benchmark program {@code io.digitstudio.bench.ToastPulses}.)
 */
@ExtendWith(ApplicationExtension.class)
class ToastLayerTest {
    /** The longest message the app gives with an action, as a run's end gives it. */
    static final String LONG = "Stopped in epoch 3 of 10 at iteration 1,234 (validation accuracy 96.12 %). The snapshot of epoch 2 is kept:"
            + " Runs resumes the run from there. Use “Save model…” or “Use model” to keep the partly trained one; Undo brings back the model Draw used.";
    private ToastLayer toasts;
    private int clicked;
    /** The view: a button in its top left corner, a table filling it, a status line along its bottom. */
    private javafx.scene.layout.BorderPane view;
    /** What the view's status line says. */
    private final javafx.beans.property.StringProperty statusText = new javafx.beans.property.SimpleStringProperty("Epoch 10/10 · validation accuracy 97.31%");

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

    /** Runs the waits of at most {@code millis} (the time that has passed), on the UI thread; the longer ones still wait. */
    private void timePasses(long millis) {
        List<Wait> due = waits.stream().filter(w -> w.millis() <= millis).toList();
        waits.removeAll(due);
        Platform.runLater(() -> due.forEach(w -> w.task().run()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<Long> waitsAsked() {
        return waits.stream().map(Wait::millis).toList();
    }

    @Start
    void start(Stage stage) {
        // the window's own buttons and colours (AtlantaFX's theme), whatever a test before this one left
        javafx.application.Application.setUserAgentStylesheet(io.digitstudio.ui.widgets.Theme.active().userAgentStylesheet());
        toasts = new ToastLayer((millis, task) -> waits.add(new Wait(millis, task))); // controls are made once the toolkit is up
        Button below = new Button("Below");
        below.setOnAction(e -> clicked++);
        javafx.scene.control.TableView<String> table = new javafx.scene.control.TableView<>(javafx.collections.FXCollections.observableArrayList("0.9731"));
        table.setId("epochTable");
        // a status line as the views keep along their bottom edge
        io.digitstudio.ui.widgets.StatusLine status = new io.digitstudio.ui.widgets.StatusLine(
                statusText, new Label(), new javafx.scene.layout.HBox());
        status.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        status.setId("status");
        view = new javafx.scene.layout.BorderPane(table, below, null, status, null);
        stage.setScene(DigitStudioApp.createScene(view, toasts));
        // as the window does for its views' status lines: the toasts leave it in sight
        toasts.keepClear(() -> status);
        stage.setWidth(1024);
        stage.setHeight(700);
        stage.show();
    }

    private void show(String title, String text, boolean error, long millis) {
        Platform.runLater(() -> toasts.show(title, text, error, millis));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void showWithUndo(String title, String text, Runnable undo) {
        Platform.runLater(() -> toasts.show(title, text, false, ToastLayer.millisFor(title, text, false, true), "Undo", undo));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds onScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private void scale(FxRobot robot, int scale) {
        robot.interact(() -> toasts.getScene().getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", Appearance.BASE_FONT_SIZE * scale / 100.0)));
    }

    @Test
    void aToastShowsAtTheBottomRightAndCloseOrAClickDismissesIt(FxRobot robot) {
        show("Model saved", "Saved to /tmp/model.npz", false, 60_000);
        Node toast = robot.lookup(".toast").query();
        assertEquals("Saved to /tmp/model.npz", robot.lookup(".toast-text").queryAs(Text.class).getText());
        var b = onScene(toast);
        double w = toast.getScene().getWidth(), h = toast.getScene().getHeight();
        assertTrue(b.getMaxX() > w - 100 && b.getMaxY() > h - 100, "in the lower right corner of " + w + "x" + h + ": " + b);
        robot.clickOn("Below");
        assertEquals(1, clicked, "a click beside the toast reaches the view below");
        robot.clickOn("#toastCloseButton");
        assertTrue(robot.lookup(".toast").queryAll().isEmpty(), "dismissed by ×");
        show("Model saved", "Saved to /tmp/model.npz", false, 60_000);
        robot.clickOn(".toast-text");
        assertTrue(robot.lookup(".toast").queryAll().isEmpty(), "a plain toast is dismissed by a click on it");
    }

    @Test
    void aToastWhoseNewsNoLongerHoldsIsTakenBackShownOrWaiting(FxRobot robot) {
        showWithUndo("Training finished", "Final 97.31 %. Draw and Samples now use the new model; Undo brings back the one they used.", () -> {
        });
        show("Model saved", "Saved to /tmp/model.npz", false, 60_000);
        show("Training finished", "Final 98.00 %. Draw and Samples now use the new model.", false, 60_000); // waits: two show at a time
        assertEquals(1, toasts.waiting());
        robot.interact(() -> toasts.withdraw("Training finished"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Saved to /tmp/model.npz"), robot.lookup(".toast-text").queryAllAs(Text.class).stream().map(Text::getText).toList());
        assertEquals(0, toasts.waiting(), "the waiting one is taken back too");
    }

    /**
     * "Training finished" while someone reads the epoch table and the status line beneath it: at 100 %, 150 % and 200 %
     * (the root's font size, as the app's scale sets it) the view reaches the window's bottom edge, toast or not; a toast
     * floats just above the status line, over the view, and nothing of the view moves when it comes or goes.
     */
    @Test
    void aToastFloatsAboveTheStatusLineAndMovesNothingAtAnyScale(FxRobot robot) {
        for (int scale : new int[]{100, 150, 200}) {
            scale(robot, scale);
            WaitForAsyncUtils.waitForFxEvents();
            Bounds before = onScene(view);
            var statusBefore = onScene(robot.lookup("#status").query());
            var tableBefore = onScene(robot.lookup("#epochTable").query());
            assertEquals(view.getScene().getHeight(), before.getMaxY(), 0.5, scale + " %: no toast, the view reaches the window's bottom edge");
            show("Training finished", "Validation accuracy 97.31 %.", false, 60_000);
            Node toast = robot.lookup(".toast").query();
            var t = onScene(toast);
            var status = onScene(robot.lookup("#status").query());
            assertEquals(before, onScene(view), scale + " %: a toast came, and the view is where it was");
            assertEquals(statusBefore, status, scale + " %: the status line is where it was");
            assertEquals(tableBefore, onScene(robot.lookup("#epochTable").query()), scale + " %: the table is where it was");
            assertFalse(status.intersects(t), scale + " %: the toast " + t + " lies over the status line " + status);
            assertTrue(t.getMaxY() <= status.getMinY() + 0.5, scale + " %: the toast " + t + " is above the status line " + status);
            assertTrue(t.getMaxY() <= toast.getScene().getHeight() && t.getMinX() >= 0, scale + " %: the toast is in the window: " + t);
            robot.clickOn("#toastCloseButton");
            assertEquals(before, onScene(view), scale + " %: the toast went, and the view is where it was");
        }
        scale(robot, 100);
    }

    /**
     * A toast shows, then the status line under it grows (a long message breaks onto more lines, at 100 % and at
     * 150 %): the toast moves up with the line's top and lies over none of it; when the line is short again, the toast
     * comes back down to it. (It stayed where it was, over the line's new first lines.)
     */
    @Test
    void aToastStaysAboveTheStatusLineWhenTheLineGrows(FxRobot robot) throws Exception {
        String shortText = statusText.get();
        String longText = "Could not write the run's log: " + "/home/someone/experiments/mnist/runs/2026-12-06/a-long-folder-name/".repeat(8)
                + "log.json is on a disk that is full; the run goes on and keeps its snapshots.";
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            WaitForAsyncUtils.waitForFxEvents();
            Node line = robot.lookup("#status").query();
            double before = onScene(line).getHeight();
            show("Model saved", "Saved to /tmp/model.npz", false, 60_000);
            Node toast = robot.lookup(".toast").query();
            Bounds first = onScene(toast);
            robot.interact(() -> statusText.set(longText));
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> onScene(line).getHeight() > before + 1);
            WaitForAsyncUtils.waitForFxEvents();
            Bounds[] b = new Bounds[2];
            robot.interact(() -> {
                b[0] = onScene(toast);
                b[1] = onScene(line);
            });
            assertFalse(b[0].intersects(b[1]), scale + " %: the toast " + b[0] + " lies over the grown status line " + b[1]);
            assertTrue(b[0].getMaxY() <= b[1].getMinY() + 0.5, scale + " %: the toast " + b[0] + " is above the grown status line " + b[1]);
            robot.interact(() -> statusText.set(shortText));
            WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> Math.abs(onScene(line).getHeight() - before) < 0.5);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                b[0] = onScene(toast);
                b[1] = onScene(line);
            });
            assertEquals(first, b[0], scale + " %: the line is short again, and the toast is back just above it " + b[1]);
            robot.clickOn("#toastCloseButton");
        }
        scale(robot, 100);
    }

    /** The whole-message popups showing now (More's), by their text. */
    private static List<javafx.scene.control.Tooltip> wholeShown() {
        return javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.scene.control.Tooltip t && w.isShowing()
                && t.getStyleClass().contains("toast-whole")).map(w -> (javafx.scene.control.Tooltip) w).toList();
    }

    /**
     * The whole message as More shows it: the title on a line of its own, in bold, and the text under it, so that the
     * two do not read as one sentence ("Training stoppedStopped in epoch 3").
     */
    private static void assertTitleAboveText(javafx.scene.control.Tooltip popup, String title, String text) {
        assertEquals(text, popup.getText(), "the text, without the title run into it");
        Node root = popup.getScene().getRoot();
        javafx.scene.control.Labeled head = (javafx.scene.control.Labeled) root.lookup(".toast-whole-title");
        assertTrue(head != null && head.isVisible(), "the title is shown");
        assertEquals(title, head.getText());
        assertTrue(head.getFont().getStyle().toLowerCase(Locale.ROOT).contains("bold"), "the title in bold: " + head.getFont());
        Text body = null;
        for (Node n : root.lookupAll(".text")) if (n instanceof Text t && text.equals(t.getText())) body = t;
        assertTrue(body != null, "the text is shown");
        Bounds h = head.localToScreen(head.getLayoutBounds()), b = body.localToScreen(body.getLayoutBounds());
        assertTrue(h.getMaxY() <= b.getMinY() + 0.5, "the title " + h + " on its own line above the text " + b);
    }

    /**
     * A long message with Undo, at 100 % and 200 %: the toast keeps to its lines above the status line and covers nothing
     * of it; its text is a start of the message that ends after a whole word with "…", and More shows the whole text
     * above the toast until it is pressed again. Undo is whole and in the window.
     */
    @Test
    void aLongToastKeepsToItsLinesAndMoreShowsTheWholeText(FxRobot robot) {
        for (int scale : new int[]{100, 200}) {
            scale(robot, scale);
            showWithUndo("Training stopped", LONG, () -> {
            });
            Node toast = robot.lookup(".toast").query();
            javafx.scene.text.TextFlow message = robot.lookup(".toast-message").queryAs(javafx.scene.text.TextFlow.class);
            String shown = robot.lookup(".toast-text").queryAs(Text.class).getText();
            robot.interact(() -> {
                var t = onScene(toast);
                var status = onScene(view.lookup("#status"));
                assertTrue(t.getMaxY() <= status.getMinY() + 0.5 && !t.intersects(status), scale + " %: the toast " + t + " keeps to its line above the status line " + status);
                assertTrue(onScene(toasts).contains(t), scale + " %: the toast lies in its layer");
                assertTrue(message.getHeight() >= message.prefHeight(message.getWidth()) - 0.5, scale + " %: its lines are not cut in height");
                assertTrue(t.contains(onScene(message)), scale + " %: the text lies inside the toast");
            });
            assertTrue(shown.endsWith("…"), scale + " %: a cut text ends with …: " + shown);
            String start = shown.substring(0, shown.length() - 1);
            assertTrue(!start.isEmpty() && LONG.startsWith(start) && start.length() < LONG.length(), scale + " %: a start of the text: " + shown);
            assertTrue(LONG.substring(start.length()).matches("[,;:.]?\\s.*"), scale + " %: whole words only: " + shown);
            Button more = robot.lookup("#toastMoreButton").queryButton();
            assertTrue(more.isVisible());
            assertEquals("More", ((Text) more.lookup(".text")).getText(), scale + " %: More is whole");
            Button undo = robot.lookup("#toastActionButton").queryButton();
            assertEquals("Undo", ((Text) undo.lookup(".text")).getText(), scale + " %: Undo is whole");
            var u = onScene(undo);
            assertTrue(u.getMinX() >= 0 && u.getMaxX() <= toast.getScene().getWidth() && u.getMaxY() <= toast.getScene().getHeight(), "Undo is in the window: " + u);

            // More: the whole text, above the toast; again: gone
            robot.clickOn(more);
            List<javafx.scene.control.Tooltip> popups = wholeShown();
            assertEquals(1, popups.size());
            assertTitleAboveText(popups.get(0), "Training stopped", LONG);
            // in the window's type size: at 150 % a trial read the whole message in the size of 100 %
            double textSize = robot.lookup(".toast-text").queryAs(Text.class).getFont().getSize();
            javafx.scene.control.Labeled head = (javafx.scene.control.Labeled) popups.get(0).getScene().getRoot().lookup(".toast-whole-title");
            assertEquals(textSize, head.getFont().getSize(), 0.01, scale + " %: the whole message in the toast's type size");
            Bounds t = toast.localToScreen(toast.getLayoutBounds());
            assertTrue(popups.get(0).getY() + popups.get(0).getHeight() <= t.getMinY() + 1, scale + " %: above the toast, not over it");
            robot.clickOn(more);
            assertEquals(List.of(), wholeShown());
            robot.clickOn("#toastCloseButton");
            waits.clear();
        }
        scale(robot, 100);
    }

    /** A message longer than one line of the toast but short enough for three: nothing of it needs More. */
    static final String MEDIUM = "Could not read /home/someone/pictures/phone/seven-on-the-kitchen-table.jpg: it is not a picture this app reads."
            + " Save it as PNG or JPEG and open it again.";

    /** The height of one line of the toast's text, in its font now. */
    private static double lineHeight(Text body) {
        Text one = new Text("Ag");
        one.setFont(body.getFont());
        return one.getLayoutBounds().getHeight();
    }

    /**
     * A message too long for one line of the toast, at 100 % and 150 % in the smallest window (1024×700): it says all of
     * it, on two or three lines within the toast's width, and no More; a message too long for three lines ends its
     * last line with "…" after a whole word, and More shows the rest. (The trial saw a line cut mid-sentence, after some
     * word, with nothing to say that more was there.)
     */
    @Test
    void aLongerTextWrapsOntoAFewLinesOrEndsWithAnEllipsisAfterAWholeWord(FxRobot robot) {
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            show("Could not open the picture", MEDIUM, true, 60_000);
            Node toast = robot.lookup(".toast").query();
            Text body = robot.lookup(".toast-text").queryAs(Text.class);
            javafx.scene.text.TextFlow message = robot.lookup(".toast-message").queryAs(javafx.scene.text.TextFlow.class);
            assertEquals(MEDIUM, io.digitstudio.ui.widgets.PathBreaks.plain(body.getText()), scale + " %: the whole text (its path breakable after each '/')");
            assertFalse(robot.lookup("#toastMoreButton").queryButton().isVisible(), scale + " %: nothing left for More");
            robot.interact(() -> {
                double lines = message.getHeight() / lineHeight(body);
                assertTrue(lines > 1.5 && lines < 3.5, scale + " %: on two or three lines, not one: " + lines);
                assertTrue(message.getHeight() >= message.prefHeight(message.getWidth()) - 0.5, scale + " %: no line cut off");
                assertTrue(onScene(toast).contains(onScene(message)), scale + " %: the text lies inside the toast");
                assertTrue(onScene(toast).getMaxX() <= toast.getScene().getWidth() && onScene(toast).getMinX() >= 0, scale + " %: in the window");
            });
            robot.clickOn("#toastCloseButton");

            showWithUndo("Training stopped", LONG, () -> {
            });
            String shown = robot.lookup(".toast-text").queryAs(Text.class).getText();
            Text body2 = robot.lookup(".toast-text").queryAs(Text.class);
            javafx.scene.text.TextFlow message2 = robot.lookup(".toast-message").queryAs(javafx.scene.text.TextFlow.class);
            assertTrue(shown.endsWith("…"), scale + " %: a cut text ends with …: " + shown);
            String start = shown.substring(0, shown.length() - 1);
            assertTrue(!start.isBlank() && LONG.startsWith(start) && start.length() < LONG.length(), scale + " %: a start of the text: " + shown);
            assertTrue(start.length() > LONG.length() / 3, scale + " %: more than a line of it: " + shown);
            String rest = LONG.substring(start.length());
            assertTrue(rest.matches("[,;:.]?\\s.*"), scale + " %: cut after a whole word: " + shown + " | " + rest);
            assertTrue(robot.lookup("#toastMoreButton").queryButton().isVisible(), scale + " %: More shows the rest");
            robot.interact(() -> {
                double lines = message2.getHeight() / lineHeight(body2);
                assertTrue(lines < 3.5, scale + " %: three lines at most: " + lines);
                assertTrue(message2.getHeight() >= message2.prefHeight(message2.getWidth()) - 0.5, scale + " %: no line cut off");
            });
            robot.clickOn("#toastCloseButton");
            waits.clear();
        }
        scale(robot, 100);
    }

    /**
     * Two toasts side by side in the smallest window, at 100 % and 150 %: each still says a good part of its text beside
     * its buttons (in 60 % of the window's width, the one with More and Undo said only "Stopped in…").
     */
    @Test
    void twoToastsSideBySideEachSayMoreThanAWordOrTwo(FxRobot robot) {
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            show("Model saved", "Saved to /tmp/model.npz", false, 60_000);
            showWithUndo("Training stopped", LONG, () -> {
            });
            List<String> texts = robot.lookup(".toast-text").queryAllAs(Text.class).stream().map(Text::getText).toList();
            assertEquals(2, texts.size());
            assertEquals("Saved to /tmp/model.npz", texts.get(0), scale + " %: the short one whole");
            assertTrue(texts.get(1).length() >= 40, scale + " %: the long one says more than a few words: " + texts.get(1));
            robot.interact(() -> {
                var list = toasts.shown();
                Bounds older = onScene(list.get(0)), newer = onScene(list.get(1));
                assertTrue(older.getMaxX() <= newer.getMinX() && older.getMinX() >= 0, scale + " %: side by side in the window: " + older + " " + newer);
            });
            robot.interact(() -> {
                toasts.withdraw("Model saved");
                toasts.withdraw("Training stopped");
            });
            waits.clear();
        }
        scale(robot, 100);
    }

    /**
     * The toast's buttons (Undo, More, ×) at 100 % and 150 %: as large as the window's other buttons, in the same type,
     * so that they are easy to hit (they were the small kind, in a smaller type, hard to hit).
     */
    @Test
    void theToastsButtonsAreAsLargeAsTheWindowsOtherButtons(FxRobot robot) {
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            showWithUndo("Training stopped", LONG, () -> {
            });
            Button normal = robot.lookup("Below").queryButton();
            for (String id : new String[]{"#toastActionButton", "#toastMoreButton", "#toastCloseButton"}) {
                Button b = robot.lookup(".toast " + id).queryButton();
                robot.interact(() -> {
                    assertTrue(b.isVisible(), scale + " %: " + id + " shows");
                    assertEquals(normal.getFont().getSize(), b.getFont().getSize(), 0.01, scale + " %: " + id + " in the buttons' type");
                    assertTrue(b.getHeight() >= normal.getHeight() - 0.5, scale + " %: " + id + " as high as a button: " + b.getHeight() + " < " + normal.getHeight());
                    assertTrue(b.getWidth() >= normal.getHeight() - 0.5, scale + " %: " + id + " at least as wide as a button is high: " + b.getWidth());
                });
            }
            robot.clickOn("#toastCloseButton");
            waits.clear();
        }
        scale(robot, 100);
    }

    /**
     * A user reads a toast and reaches for it: while the pointer is over it, its time stands still (nothing waits on the
     * clock for it), and once the pointer leaves, its whole time starts again. (It went 2 s after the pointer left, and
     * a user who came back to click it found it gone.)
     */
    @Test
    void aToastsTimeStandsStillWhileThePointerIsOverItAndStartsAgainWhenItLeaves(FxRobot robot) {
        show("Training finished", "validation accuracy 97.31%", false, 6000);
        assertEquals(1, robot.lookup(".toast").queryAll().size());
        assertEquals(List.of(6000L), waitsAsked(), "one wait, of the toast's time, and nothing else running");
        robot.moveTo(".toast");
        timePasses();
        assertEquals(1, robot.lookup(".toast").queryAll().size(), "being read: it stays");
        assertEquals(List.of(), waitsAsked(), "its time stands still while the pointer is over it");
        robot.moveTo("Below");
        assertEquals(List.of(6000L), waitsAsked(), "the pointer has left: its whole time starts again");
        timePasses();
        assertTrue(robot.lookup(".toast").queryAll().isEmpty(), "gone once its time is up and the pointer has left");
        assertTrue(waits.isEmpty(), "nothing waits for a toast that is gone");
    }

    /**
     * A message too long for its line: its time is long enough to press More and read the whole of it (30 s, as a
     * toast with Undo), not only the line's; and while the whole message shows above it, with the pointer in it to
     * read, the toast stays, its time standing still until the whole message is closed.
     */
    @Test
    void aToastWithMoreStaysLongEnoughToReadItsWholeMessage(FxRobot robot) {
        long plain = ToastLayer.millisFor("Training stopped", LONG, false, false);
        show("Training stopped", LONG, false, plain);
        Button more = robot.lookup("#toastMoreButton").queryButton();
        assertTrue(more.isVisible(), "the line shows a part of the text, and More");
        timePasses(plain);
        assertEquals(1, robot.lookup(".toast").queryAll().size(), "the time to read one line is up: it stays for More");
        assertTrue(waitsAsked().stream().allMatch(m -> m >= ToastLayer.DETAILS_MILLIS) && !waitsAsked().isEmpty(), "30 s at least: " + waitsAsked());
        assertTrue(ToastLayer.DETAILS_MILLIS >= 30_000);

        robot.clickOn(more);
        List<javafx.scene.control.Tooltip> popups = wholeShown();
        assertEquals(1, popups.size());
        javafx.scene.control.Tooltip whole = popups.get(0);
        // up from More into the whole message, to read it: off the toast
        robot.moveTo(new javafx.geometry.Point2D(whole.getX() + whole.getWidth() / 2, whole.getY() + whole.getHeight() / 2));
        timePasses();
        assertEquals(1, robot.lookup(".toast").queryAll().size(), "its whole message is being read: it stays");
        assertEquals(1, wholeShown().size(), "and so does its whole message");
        assertEquals(List.of(), waitsAsked(), "its time stands still while the whole message shows");
        robot.clickOn(more);
        assertEquals(List.of(), wholeShown());
        assertEquals(List.of(), waitsAsked(), "the focus is on More: its time stands still");
        robot.clickOn("Below"); // the pointer and the focus go back to the view
        assertEquals(List.of(ToastLayer.DETAILS_MILLIS), waitsAsked(), "nothing holds it: its whole time starts again");
        timePasses();
        assertTrue(robot.lookup(".toast").queryAll().isEmpty(), "gone once its time is up");
    }

    /**
     * "Training finished … Undo": it asks its clock for 30 s, not a plain message's few; while the keyboard focus is on
     * Undo it stays past that; a click on its text does not dismiss it; Undo runs the action and closes it.
     */
    @Test
    void aToastWithUndoStaysLongerAndWhileFocused(FxRobot robot) {
        int[] undone = {0};
        showWithUndo("Training finished", "Final 97.31 %. Draw and Samples now use the new model; Undo brings back the one they used.", () -> undone[0]++);
        assertEquals(List.of(ToastLayer.ACTION_MILLIS), waitsAsked());
        assertTrue(ToastLayer.ACTION_MILLIS >= 30_000);
        robot.clickOn(".toast-text");
        assertEquals(1, robot.lookup(".toast").queryAll().size(), "a click on its text leaves Undo where it is");
        robot.interact(() -> robot.lookup("#toastActionButton").query().requestFocus());
        robot.moveTo("Below");
        timePasses();
        assertEquals(1, robot.lookup(".toast").queryAll().size(), "the focus is on Undo: it stays");
        assertEquals(List.of(), waitsAsked(), "its time stands still while the focus is in it");
        robot.clickOn("#toastActionButton");
        assertEquals(1, undone[0], "Undo ran");
        assertTrue(robot.lookup(".toast").queryAll().isEmpty(), "and closed the toast");
        timePasses();
        assertEquals(1, undone[0]);
    }

    @Test
    void escDismissesTheFocusedToast(FxRobot robot) {
        showWithUndo("Training finished", "Undo brings back the model Draw used.", () -> {
        });
        robot.interact(() -> robot.lookup("#toastActionButton").query().requestFocus());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        assertTrue(robot.lookup(".toast").queryAll().isEmpty());
    }

    @Test
    void aPlainToastStaysLongEnoughToReadItAndAProblemLonger() {
        long shortOne = ToastLayer.millisFor("Model saved", "/tmp/model.npz", false, false);
        long longOne = ToastLayer.millisFor("Training stopped", LONG, false, false);
        assertTrue(shortOne >= 6_000, "at least 6 s: " + shortOne);
        assertTrue(longOne > shortOne && longOne >= 15_000, "a longer text, longer: " + longOne);
        assertEquals(2 * shortOne, ToastLayer.millisFor("Model saved", "/tmp/model.npz", true, false), "a problem, twice as long");
        assertEquals(ToastLayer.ACTION_MILLIS, ToastLayer.millisFor("Model saved", "/tmp/model.npz", false, true));
    }

    @Test
    void errorsAreMarkedAndLaterToastsWaitForRoomInOrder(FxRobot robot) {
        show("Could not save", "disk full", true, 60_000);
        assertTrue(robot.lookup(".toast").query().getStyleClass().contains("toast-error"));
        for (int i = 1; i <= ToastLayer.MAX_SHOWN; i++) show("Note " + i, "text " + i, false, 10_000 + i);
        var shown = robot.lookup(".toast-title").queryAllAs(Text.class).stream().map(Text::getText).toList();
        assertEquals(ToastLayer.MAX_SHOWN, shown.size(), shown.toString());
        assertTrue(shown.contains("Could not save"), "the problem is still shown: " + shown);
        assertEquals(1, toasts.waiting(), "the last one waits for room");
        assertFalse(waitsAsked().contains(10_000L + ToastLayer.MAX_SHOWN), "a waiting toast's time has not started");
        robot.interact(() -> robot.lookup(".toast-error #toastCloseButton").queryButton().fire());
        var now = robot.lookup(".toast-title").queryAllAs(Text.class).stream().map(Text::getText).toList();
        assertTrue(!now.contains("Could not save") && now.contains("Note " + ToastLayer.MAX_SHOWN), now.toString());
        assertTrue(waitsAsked().contains(10_000L + ToastLayer.MAX_SHOWN), "its time starts when it shows");
        // the two side by side, newest on the right, neither over the other
        robot.interact(() -> {
            var list = toasts.shown();
            Bounds older = onScene(list.get(0)), newer = onScene(list.get(1));
            assertTrue(older.getMaxX() <= newer.getMinX(), older + " " + newer);
        });
    }

    /**
     * A form at the window's right whose every field is wrong: its messages leave no room above them for a toast, which
     * lay over the lowest of them (the place above the status line, where none above the errors is free). It goes to
     * the window's other bottom corner, and a second toast beside it too, over none of the errors and not over each
     * other; once the errors are put right, both are back at their places above the status line.
     */
    @Test
    void aToastWithNoRoomAboveTheErrorsGoesToTheOtherCorner(FxRobot robot) {
        show("Model saved", "Saved to /tmp/digitstudio/model.npz", false, 60_000);
        show("Run finished", "2 epochs, validation accuracy 0.9012", false, 60_000);
        List<Bounds> home = new ArrayList<>();
        robot.interact(() -> toasts.shown().forEach(t -> home.add(onScene(t))));
        List<Label> errors = new ArrayList<>();
        robot.interact(() -> {
            javafx.scene.layout.VBox form = new javafx.scene.layout.VBox(12);
            form.setPrefWidth(280);
            form.setMinWidth(280);
            for (int i = 0; i < 40; i++) {
                Label e = new Label("Field " + (i + 1) + " must be a whole number");
                e.getStyleClass().add("field-error");
                errors.add(e);
                form.getChildren().add(e);
            }
            // the form fills its column, from the top of the view to the status line; what does not fit is cut off
            javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
            clip.widthProperty().bind(form.widthProperty());
            clip.heightProperty().bind(form.heightProperty());
            form.setClip(clip);
            form.setMinHeight(0);
            view.setRight(form);
            toasts.keepClearOfErrors(() -> errors.stream().filter(e -> e.localToScene(e.getLayoutBounds()).getMaxY()
                    <= e.getParent().localToScene(e.getParent().getLayoutBounds()).getMaxY()).toList());
        });
        WaitForAsyncUtils.waitForFxEvents();
        // and a third toast comes while the errors show, in the place of the first
        robot.interact(() -> robot.lookup("#toastCloseButton").queryButton().fire());
        show("Model saved", "Saved to /tmp/digitstudio/model-2.npz", false, 60_000);
        List<String> wrong = new ArrayList<>();
        robot.interact(() -> {
            var list = toasts.shown();
            for (Node t : list) {
                Bounds b = onScene(t);
                for (Label e : errors) {
                    Bounds eb = onScene(e);
                    if (eb.getMaxY() <= onScene(e.getParent()).getMaxY() && b.intersects(eb)) {
                        wrong.add(((Text) t.lookup(".toast-title")).getText() + " " + b + " over '" + e.getText() + "' " + eb);
                    }
                }
                if (b.getMinX() < 0 || b.getMaxX() > t.getScene().getWidth() || b.getMinY() < 0 || b.getMaxY() > t.getScene().getHeight()) {
                    wrong.add(t + " outside the window: " + b);
                }
            }
            if (onScene(list.get(0)).intersects(onScene(list.get(1)))) wrong.add("the toasts lie over each other: " + onScene(list.get(0)) + " " + onScene(list.get(1)));
        });
        assertEquals(List.of(), wrong);
        // put right: the errors go, and the toasts are back above the status line, at the right
        robot.interact(() -> view.setRight(null));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            for (int i = 0; i < home.size(); i++) {
                Bounds b = onScene(toasts.shown().get(i)), was = home.get(i);
                assertEquals(was.getMaxY(), b.getMaxY(), 1, "back above the status line: " + b + ", not " + was);
                assertEquals(was.getMaxX(), b.getMaxX(), 1, "back at its place: " + b + ", not " + was);
            }
        });
    }

    /**
     * A list, a short line each (an import's skipped files), keeps to the toast's lines too: each line is narrow enough
     * to fit the toast's width, but six of them are not its three lines; the rest is More's.
     */
    @Test
    void aListOfShortLinesKeepsToTheToastsLinesAndMoreShowsThemAll(FxRobot robot) {
        String list = "Added 1 digit from pictures; skipped 6:\na.png: no label\nb.png: no label\nc.png: no label\nd.png: no label"
                + "\ne.png: no label\nf.png: no label";
        show("Imported", list, false, 10_000);
        String shown = robot.lookup(".toast-text").queryAs(Text.class).getText();
        assertTrue(shown.endsWith("…") && shown.lines().count() <= ToastLayer.MAX_LINES, "the toast keeps to its lines: " + shown);
        Button more = robot.lookup("#toastMoreButton").queryButton();
        assertTrue(more.isVisible(), "More shows the rest");
        robot.clickOn(more);
        List<javafx.scene.control.Tooltip> popups = wholeShown();
        assertEquals(1, popups.size());
        assertEquals(list, popups.get(0).getText(), "More shows every line");
    }
}
