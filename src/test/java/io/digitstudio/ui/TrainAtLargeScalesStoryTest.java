package io.digitstudio.ui;

import io.digitstudio.ui.train.RunState;
import io.digitstudio.ui.widgets.LiveChart;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Train view as a new user's trial of issue 32 saw it at 1024x700, at 100 % and 150 %: the status line's whole text,
 * the toolbar on one row with Pause and Stop in their places, the epoch table's rows and its newest epoch, the charts'
 * shared epoch ticks, and the window's bottom edge.
 */
class TrainAtLargeScalesStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    private void scale(FxRobot robot, int scale) throws Exception {
        app.lightAtScaleInSmallest(robot, stage, scale);
    }

    private static Bounds onScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    /** The part of {@code b} inside {@code view} (empty: none). */
    private static Bounds shown(Bounds b, Bounds view) {
        double x0 = Math.max(b.getMinX(), view.getMinX()), y0 = Math.max(b.getMinY(), view.getMinY());
        double x1 = Math.min(b.getMaxX(), view.getMaxX()), y1 = Math.min(b.getMaxY(), view.getMaxY());
        return new javafx.geometry.BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    private io.digitstudio.ui.train.RunControl run() {
        return app.main.train().run();
    }

    /** A long run of 1,000 examples an epoch, started; it waits until its first {@code iterations} iterations are done. */
    private void startLongRun(FxRobot robot, long iterations) throws Exception {
        app.awaitReady();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "50");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run().currentLoop() != null && run().currentLoop().iteration() > iterations);
    }

    private void awaitEnd() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !run().stateProperty().get().active() && run().stateProperty().get() != RunState.PREPARING);
        WaitForAsyncUtils.waitForFxEvents();
        Pulses.settle(3);
    }

    /** What the status line shows of its message that it should not: a part only, "…", or text outside its box. */
    private List<String> statusUnread(String at) {
        List<String> wrong = new ArrayList<>();
        Label text = (Label) app.main.train().lookup("#statusText");
        String meant = app.main.train().presenter().statusProperty().get();
        Node shown = text.lookup(".text");
        String seen = shown instanceof javafx.scene.text.Text t ? t.getText() : null;
        // a label that wraps shows its lines in one Text, with the breaks where the words meet
        if (seen == null || !seen.replaceAll("\\s+", " ").trim().equals(meant.replaceAll("\\s+", " ").trim())) {
            wrong.add(at + ": the status '" + meant + "' shows as '" + seen + "'");
        }
        if (text.getHeight() + 0.5 < text.prefHeight(text.getWidth())) {
            wrong.add(at + ": the status needs " + text.prefHeight(text.getWidth()) + " px and has " + text.getHeight());
        }
        Bounds b = onScene(text), window = new javafx.geometry.BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        if (!window.contains(b)) wrong.add(at + ": the status " + b + " runs out of the window");
        for (String c : Looks.cut(stage.getScene(), "statusText", "statusBar")) wrong.add(at + ": " + c);
        return wrong;
    }

    /**
     * A run stopped after its first epoch, at 100 % and 150 %: the status says all it has to say where it is (the trial
     * saw "Stopped at epoch 9.51: validation", the rest only in its tooltip), and the status line keeps the height it
     * had for "Ready", so nothing above it moves when a run's end says more.
     */
    @Test
    void theStatusOfAStoppedRunIsReadWholeAtLargeScales(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> wrong = new ArrayList<>();
        double[] readyHeight = new double[2];
        int[] scales = {100, 150};
        for (int i = 0; i < scales.length; i++) {
            scale(robot, scales[i]);
            readyHeight[i] = onScene(robot.lookup("#statusBar").query()).getHeight();
        }
        startLongRun(robot, 12); // past the first epoch's end (8 iterations)
        robot.clickOn("#stopButton");
        awaitEnd();
        String status = app.main.train().presenter().statusProperty().get();
        assertTrue(status.startsWith("Stopped at epoch ") && !status.contains("no epoch"), status);
        for (int i = scales.length - 1; i >= 0; i--) {
            int k = i;
            scale(robot, scales[i]);
            robot.interact(() -> wrong.addAll(statusUnread(scales[k] + " %")));
            double h = onScene(robot.lookup("#statusBar").query()).getHeight();
            if (Math.abs(h - readyHeight[i]) > 0.5) wrong.add(scales[i] + " %: the status line is " + h + " px high, " + readyHeight[i] + " for 'Ready'");
        }
        System.out.println("stopped: " + status);
        assertEquals(List.of(), wrong);
    }

    /**
     * The toolbar at 150 % (and 100 %) in the smallest window: every button on one row and its text on one line, while
     * idle, running and paused; Pause (Continue) and Stop where they were when the run started.
     */
    @Test
    void theToolbarKeepsOneRowAndPauseAndStopKeepTheirPlaces(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> wrong = new ArrayList<>();
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            robot.interact(() -> wrong.addAll(toolbarRows(scale + " % idle")));
        }
        startLongRun(robot, 3);
        Pulses.settle(2);
        Node pause = robot.lookup("#pauseButton").query(), stop = robot.lookup("#stopButton").query();
        double[] before = new double[2];
        robot.interact(() -> {
            wrong.addAll(toolbarRows("150 % running"));
            before[0] = pause.localToScene(0, 0).getX();
            before[1] = stop.localToScene(0, 0).getX();
        });
        robot.clickOn("#pauseButton");
        assertEquals(RunState.PAUSED, run().stateProperty().get());
        Pulses.settle(2);
        robot.interact(() -> {
            wrong.addAll(toolbarRows("150 % paused"));
            if (Math.abs(before[0] - pause.localToScene(0, 0).getX()) > 0.01) wrong.add("Continue moved from x " + before[0] + " to " + pause.localToScene(0, 0).getX());
            if (Math.abs(before[1] - stop.localToScene(0, 0).getX()) > 0.01) wrong.add("Stop moved from x " + before[1] + " to " + stop.localToScene(0, 0).getX());
        });
        Node branch = robot.lookup("#branchHereButton").query();
        assertTrue(Looks.onScreen(branch) && branch.isVisible() && !branch.isDisabled(), "paused: Branch from here is there to click");
        robot.clickOn("#stopButton");
        awaitEnd();
        assertEquals(List.of(), wrong);
    }

    /** The toolbar's shown items not on its first row, or a button whose text takes more than one line, or is cut. */
    private List<String> toolbarRows(String at) {
        List<String> wrong = new ArrayList<>();
        Node start = app.main.train().lookup("#startButton");
        javafx.scene.Parent bar = start.getParent();
        double rowTop = onScene(start).getMinY(), rowBottom = onScene(start).getMaxY();
        StringBuilder row = new StringBuilder();
        for (Node n : bar.getChildrenUnmodifiable()) {
            if (!n.isVisible() || !n.isManaged()) continue;
            Bounds b = onScene(n);
            String name = n instanceof javafx.scene.control.Labeled l ? Looks.meant(l) : n.getClass().getSimpleName();
            row.append(String.format(Locale.ROOT, "%s %.0f-%.0f; ", name, b.getMinX(), b.getMaxX()));
            if (b.getMinY() > rowBottom - 1 || b.getMaxY() < rowTop + 1) wrong.add(at + ": '" + name + "' on another row (" + b + ")");
            if (n instanceof ButtonBase button && button.getHeight() > start.getLayoutBounds().getHeight() + 0.5) {
                wrong.add(at + ": '" + name + "' is " + button.getHeight() + " px high, Start " + start.getLayoutBounds().getHeight());
            }
            if (b.getMaxX() > stage.getScene().getWidth() + 0.5) wrong.add(at + ": '" + name + "' past the window's edge");
        }
        for (String c : Looks.hiddenByBars(stage.getScene())) wrong.add(at + ": " + c);
        for (String c : Looks.cut(stage.getScene())) if (c.contains("Button")) wrong.add(at + ": " + c);
        System.out.println(at + ": " + row);
        return wrong;
    }

    /**
     * Six short epochs at 150 % in the smallest window: once the user has scrolled down to the table (when its first row
     * comes), it shows several whole rows, and as each epoch ends and after the run the newest epoch is whole in sight. The trial saw one or two
     * rows, and the last epoch scrolled out of sight at the end.
     */
    @Test
    void theEpochTableShowsSeveralRowsAndTheNewestEpochAtLargeScales(FxRobot robot) throws Exception {
        app.awaitReady();
        scale(robot, 150);
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "6");
        robot.clickOn("#startButton");
        TableView<?> table = app.main.train().table();
        List<String> wrong = new ArrayList<>();
        // the user scrolls down to the table when its first row comes
        eachRowAsItComes(robot, table, wrong,
                () -> robot.interact(() -> ((javafx.scene.control.ScrollPane) app.main.train().lookup("#trainScroll")).setVvalue(1)),
                rows -> {
                });
        awaitEnd();
        assertEquals(6, table.getItems().size(), "six epochs");
        robot.interact(() -> ((javafx.scene.control.ScrollPane) app.main.train().lookup("#trainScroll")).setVvalue(1));
        Pulses.settle(3);
        List<Integer> whole = new ArrayList<>();
        robot.interact(() -> whole.addAll(wholeRows(table)));
        System.out.println("rows in sight after the run at 150 %: " + whole);
        if (!whole.contains(5)) wrong.add("after the run the last epoch is out of sight: rows shown " + whole);
        if (whole.size() < 4) wrong.add("only " + whole.size() + " whole rows in sight at 150 %: " + whole);
        assertEquals(List.of(), wrong);
    }

    /**
     * Six short epochs at 150 % in the smallest window, and the user scrolls nothing: from the first epoch on, the epoch
     * table has room in sight for at least four whole rows, the newest epoch is whole in sight, and the charts' tops are
     * in sight too (the centre is not scrolled down to the table for it). The table's columns stay as they were before
     * the first row came, through the run (at 150 % the time gives way from the start, as it does once rows come): the
     * trial saw one or two rows until it scrolled the centre, and the time column vanish when the first row came.
     */
    @Test
    void theEpochTableShowsItsRowsWithoutScrollingAndKeepsItsColumnsAtLargeScales(FxRobot robot) throws Exception {
        app.awaitReady();
        scale(robot, 150);
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "6");
        Pulses.settle(3);
        TableView<?> table = app.main.train().table();
        List<String> before = new ArrayList<>();
        robot.interact(() -> before.addAll(shownColumns(table)));
        robot.clickOn("#startButton");
        List<String> wrong = new ArrayList<>();
        eachRowAsItComes(robot, table, wrong, () -> {
        }, at -> robot.interact(() -> {
                double room = rowsRoomInSight(table);
                if (room < 4) wrong.add("epoch " + at + ": room for " + String.format(Locale.ROOT, "%.2f", room) + " rows in sight; " + tableState(table));
                if (!chartsTopInSight()) wrong.add("epoch " + at + ": the charts' tops are scrolled out of sight");
                List<String> now = shownColumns(table);
                if (!now.equals(before)) wrong.add("epoch " + at + ": columns " + now + ", before the run " + before);
            }));
        awaitEnd();
        assertEquals(6, table.getItems().size(), "six epochs");
        List<Integer> whole = new ArrayList<>();
        robot.interact(() -> {
            whole.addAll(wholeRows(table));
            List<String> now = shownColumns(table);
            if (!now.equals(before)) wrong.add("after the run: columns " + now + ", before the run " + before);
        });
        System.out.println("columns at 150 %: " + before + "; rows in sight after the run without scrolling: " + whole);
        if (!whole.contains(5)) wrong.add("after the run the last epoch is out of sight: rows shown " + whole);
        if (whole.size() < 4) wrong.add("only " + whole.size() + " whole rows in sight at 150 %: " + whole);
        assertEquals(List.of(), wrong);
    }

    /**
     * Follows a six-epoch run row by row: {@code firstCame} when the first row comes, then for each the newest
     * row must be whole in sight within a few pulses (the pump scrolls the table on its next tick, and the table lays
     * out the row on the pulse after), then {@code inSight} with the number of rows; what is wrong goes to {@code wrong}.
     */
    private void eachRowAsItComes(FxRobot robot, TableView<?> table, List<String> wrong, Runnable firstCame,
                                  java.util.function.IntConsumer inSight) throws Exception {
        int seen = 0;
        while (seen < 6) {
            int next = seen + 1;
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> table.getItems().size() >= next || !run().stateProperty().get().active());
            if (table.getItems().size() < next) break;
            if (seen == 0) firstCame.run();
            seen = table.getItems().size();
            int rows = seen;
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> wholeRows(table).contains(rows - 1));
            } catch (java.util.concurrent.TimeoutException e) {
                String[] state = new String[1];
                robot.interact(() -> state[0] = tableState(table));
                wrong.add("epoch " + rows + " not in sight as it arrived: rows shown " + wholeRows(table) + "; " + state[0]);
            }
            inSight.accept(rows);
        }
    }

    /** The titles of the table's columns shown, on one line each. */
    private static List<String> shownColumns(TableView<?> table) {
        return table.getVisibleLeafColumns().stream().map(c -> c.getText().replace('\n', ' ')).toList();
    }

    /**
     * How many rows as high as the table's first row fit in the part of its rows area that is in sight (in the centre's
     * viewport and the window).
     */
    private double rowsRoomInSight(TableView<?> table) {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        var scroll = (javafx.scene.control.ScrollPane) app.main.train().lookup("#trainScroll");
        Node clipped = flow.lookup(".clipped-container");
        Bounds rowsArea = clipped != null ? onScene(clipped) : onScene(flow);
        Bounds view = onScene(scroll.lookup(".viewport"));
        double top = Math.max(rowsArea.getMinY(), Math.max(view.getMinY(), 0));
        double bottom = Math.min(rowsArea.getMaxY(), Math.min(view.getMaxY(), stage.getScene().getHeight()));
        double row = 0;
        for (Node r : table.lookupAll(".table-row-cell")) {
            if (r instanceof javafx.scene.control.IndexedCell<?> cell && !cell.isEmpty() && cell.isVisible() && cell.getIndex() >= 0) row = Math.max(row, cell.getHeight());
        }
        return row <= 0 ? 0 : (bottom - top) / row;
    }

    /** Whether the loss and accuracy charts' tops are in the centre's viewport. */
    private boolean chartsTopInSight() {
        var scroll = (javafx.scene.control.ScrollPane) app.main.train().lookup("#trainScroll");
        Bounds view = onScene(scroll.lookup(".viewport"));
        for (String id : new String[]{"#lossChart", "#accuracyChart"}) {
            if (onScene(app.main.train().lookup(id)).getMinY() < view.getMinY() - 0.5) return false;
        }
        return true;
    }

    /** Where the table is and what it shows, for a failure's message. */
    private String tableState(TableView<?> table) {
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        var scroll = (javafx.scene.control.ScrollPane) app.main.train().lookup("#trainScroll");
        return String.format(Locale.ROOT, "focus on %s, table %s (min %.0f, pref %.0f), rows %s to %s of %d, centre scrolled to %.2f, its viewport %s",
                stage.getScene().getFocusOwner(),
                onScene(table), table.getMinHeight(), table.getPrefHeight(), flow.getFirstVisibleCell() == null ? "-" : flow.getFirstVisibleCell().getIndex(),
                flow.getLastVisibleCell() == null ? "-" : flow.getLastVisibleCell().getIndex(), flow.getCellCount(), scroll.getVvalue(),
                onScene(scroll.lookup(".viewport"))) + charts();
    }

    /** The charts' heights and least heights, for a failure's message. */
    private String charts() {
        StringBuilder b = new StringBuilder();
        for (String id : new String[]{"#lossChart", "#lrChart", "#accuracyChart"}) {
            javafx.scene.layout.Region c = (javafx.scene.layout.Region) app.main.train().lookup(id);
            b.append(String.format(Locale.ROOT, ", %s %.0f high (least %.0f)", id, c.getHeight(), c.minHeight(-1)));
        }
        return b.toString();
    }

    /** The indices of the table's rows shown whole: inside the table's rows area, the centre's viewport and the window. */
    private List<Integer> wholeRows(TableView<?> table) {
        List<Integer> out = new ArrayList<>();
        var flow = (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow");
        var scroll = (javafx.scene.control.ScrollPane) app.main.train().lookup("#trainScroll");
        if (flow == null || scroll == null) return out;
        Node clipped = flow.lookup(".clipped-container");
        Bounds rowsArea = clipped != null ? onScene(clipped) : onScene(flow);
        Node viewport = scroll.lookup(".viewport");
        Bounds view = viewport != null ? onScene(viewport) : onScene(scroll);
        for (Node r : table.lookupAll(".table-row-cell")) {
            if (!(r instanceof javafx.scene.control.IndexedCell<?> cell) || cell.isEmpty() || !cell.isVisible() || cell.getIndex() < 0) continue;
            Bounds b = onScene(cell);
            boolean inRows = b.getMinY() >= rowsArea.getMinY() - 0.5 && b.getMaxY() <= rowsArea.getMaxY() + 0.5;
            boolean inView = b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5;
            boolean inWindow = b.getMinY() >= -0.5 && b.getMaxY() <= stage.getScene().getHeight() + 0.5;
            if (inRows && inView && inWindow) out.add(cell.getIndex());
        }
        out.sort(null);
        return out;
    }

    /**
     * The loss chart, the learning-rate chart under it and the accuracy chart beside them during a run of 40 epochs, at
     * 100 % and 150 %: their epoch axes read the same ticks. The trial saw the loss chart tick every 4 epochs and the
     * rate chart under it, whose rate labels are wider, every 5.
     */
    @Test
    void theChartsAboutTheSameEpochsShareTheirEpochTicks(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "40");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> app.main.train().presenter().valLoss().size() > 0);
        robot.clickOn("#pauseButton");
        List<String> wrong = new ArrayList<>();
        for (int scale : new int[]{150, 100}) {
            scale(robot, scale);
            robot.interact(() -> {
                List<String> loss = xTicks("#lossChart"), lr = xTicks("#lrChart"), accuracy = xTicks("#accuracyChart");
                System.out.println(scale + " %: loss " + loss + ", rate " + lr + ", accuracy " + accuracy);
                if (loss.size() < 3 || !loss.equals(lr) || !loss.equals(accuracy)) {
                    wrong.add(scale + " %: loss " + loss + ", rate " + lr + ", accuracy " + accuracy);
                }
            });
        }
        robot.clickOn("#stopButton");
        awaitEnd();
        assertEquals(List.of(), wrong);
    }

    private List<String> xTicks(String id) {
        LiveChart c = (LiveChart) app.main.train().lookup(id);
        return c.tickLabels().stream().filter(LiveChart.TickLabel::onX).map(LiveChart.TickLabel::text).toList();
    }

    /**
     * At 100 % and 150 %, while no toast shows, the window's bottom edge is the Train view's status line's (the trial saw
     * an empty band of about 35 px below it), whether a toast shows or not: a toast floats just above it, over the view.
     */
    @Test
    void theStatusLineIsTheWindowsBottomEdgeWhileNoToastShows(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> wrong = new ArrayList<>();
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            Node status = robot.lookup("#statusBar").query();
            robot.interact(() -> {
                double edge = stage.getScene().getHeight(), end = onScene(status).getMaxY();
                if (Math.abs(end - edge) > 0.5) wrong.add(scale + " %: no toast, the status line ends at y " + end + ", the window at " + edge);
            });
            robot.interact(() -> new io.digitstudio.ui.app.FxDialogService(stage, app.toasts).info("Model saved", "Saved to /tmp/model.npz"));
            Pulses.settle(2);
            robot.interact(() -> {
                Bounds t = onScene(stage.getScene().getRoot().lookup(".toast")), line = onScene(status);
                if (t.getMaxY() > line.getMinY() + 0.5) wrong.add(scale + " %: the toast " + t + " is not above the status line " + line);
                double edge = stage.getScene().getHeight();
                if (Math.abs(line.getMaxY() - edge) > 0.5) wrong.add(scale + " %: a toast shows, the status line ends at y " + line.getMaxY() + ", the window at " + edge);
            });
            robot.interact(() -> app.toasts.withdraw("Model saved"));
            Pulses.settle(2);
            robot.interact(() -> {
                double edge = stage.getScene().getHeight(), end = onScene(status).getMaxY();
                if (Math.abs(end - edge) > 0.5) wrong.add(scale + " %: the toast went, the status line ends at y " + end + ", the window at " + edge);
            });
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * A run finishes in the smallest window and replaces a model whose accuracy is unknown, and the toast that offers
     * Undo (the one a run's end leaves over the Train view, whose status line says the rest) shows as the app's dialogs
     * show it, at 100 % and 150 %: the toast covers neither the status line's message nor its figures (a trial saw it lie
     * over them), and the view under it does not move; it floats over the bottom right of the charts or the table.
     */
    @Test
    void theToastOfAFinishedRunCoversNotTheStatusAndMovesNothing(FxRobot robot) throws Exception {
        app.awaitReady();
        app.useModelOfUnknownAccuracy();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "2");
        robot.clickOn("#startButton");
        awaitEnd();
        // what the run's end said, as "title: text [action]"; the app's own dialogs show it as a toast
        String said = app.dialogs.infos.stream().filter(s -> s.startsWith("Training finished: ")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no 'Training finished' among " + app.dialogs.infos + " " + app.dialogs.errors));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Training finished: (.*?)(?: \\[(.+)])?").matcher(said);
        assertTrue(m.matches(), said);
        List<String> wrong = new ArrayList<>();
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            String[] moving = {"#statusBar", "#lossChart", "#accuracyChart", "#epochTable", "#trainScroll"};
            java.util.Map<String, Bounds> before = new java.util.LinkedHashMap<>();
            robot.interact(() -> {
                for (String id : moving) before.put(id, onScene(stage.getScene().getRoot().lookup(id)));
            });
            robot.interact(() -> {
                var dialogs = new io.digitstudio.ui.app.FxDialogService(stage, app.toasts);
                if (m.group(2) == null) dialogs.info("Training finished", m.group(1));
                else dialogs.info("Training finished", m.group(1), m.group(2), () -> {
                });
            });
            Pulses.settle(3);
            robot.interact(() -> {
                Node root = stage.getScene().getRoot();
                Bounds t = onScene(root.lookup(".toast"));
                Node message = root.lookup("#statusText").lookup(".text");
                java.util.Map<String, Node> watched = new java.util.LinkedHashMap<>();
                watched.put("the status line's message '" + ((javafx.scene.text.Text) message).getText() + "'", message);
                for (String id : new String[]{"#epochLabel", "#iterationLabel", "#speedLabel", "#timeLabel", "#progressBar"}) {
                    watched.put(id, root.lookup(id));
                }
                for (String id : moving) {
                    Bounds now = onScene(root.lookup(id));
                    if (!now.equals(before.get(id))) wrong.add(scale + " %: a toast came and " + id + " moved from " + before.get(id) + " to " + now);
                }
                // of the charts and the table, what the centre's viewport shows of them (the rest is scrolled away)
                Node viewport = root.lookup("#trainScroll").lookup(".viewport");
                for (var e : watched.entrySet()) {
                    Bounds b = onScene(e.getValue());
                    if (e.getKey().matches("#(loss|lr|accuracy)Chart|#epochTable")) b = shown(b, onScene(viewport));
                    if (e.getValue().isVisible() && b.getWidth() > 0 && b.getHeight() > 0 && b.intersects(t)) wrong.add(scale + " %: the toast " + t + " lies over " + e.getKey() + " " + b);
                }
                if (t.getMaxY() > stage.getScene().getHeight() + 0.5 || t.getMinX() < -0.5) wrong.add(scale + " %: the toast " + t + " runs out of the window");
                wrong.addAll(statusUnread(scale + " % with the toast"));
            });
            robot.interact(() -> app.toasts.withdraw("Training finished"));
            Pulses.settle(2);
        }
        assertEquals(List.of(), wrong);
    }
}
