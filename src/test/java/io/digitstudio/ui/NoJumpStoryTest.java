package io.digitstudio.ui;

import io.digitstudio.ui.app.FxDialogService;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user's trial in the smallest window (1024×700): typing a network letter by letter, and a toast coming and going
 * over the Samples and Train views. Nothing of the view beneath moves: not the charts, the epoch table or the status
 * line while the half-typed words are wrong, not the whole view while a toast shows.
 */
class NoJumpStoryTest extends AppStory {
    private static final String[] TRAIN = {"#startButton", "#networkSpec", "#lossChart", "#accuracyChart", "#trainScroll", "#statusBar"};
    private static final String[] SAMPLES = {"#splitBox", "#misclassifiedCheck", "#orderBox", "#samplesScroll", "#samplesLegend"};
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    private static Map<String, Bounds> where(FxRobot robot, String... ids) {
        Map<String, Bounds> out = new LinkedHashMap<>();
        robot.interact(() -> {
            for (String id : ids) {
                Node n = robot.lookup(id).query();
                out.put(id, n.localToScreen(n.getLayoutBounds()));
            }
        });
        return out;
    }

    @Test
    void typingANetworkLetterByLetterMovesNoChartNoTableAndNoStatusLine(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.reveal(robot, "#networkSpec");
        robot.clickOn("#networkSpec");
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Bounds> before = where(robot, TRAIN);
        List<String> moved = new ArrayList<>();
        String typed = "";
        String said = null;
        List<String> cut = null;
        for (char c : "linear 100, relu, linear".toCharArray()) {
            robot.write(c);
            WaitForAsyncUtils.waitForFxEvents();
            typed += c;
            Map<String, Bounds> now = where(robot, TRAIN);
            if (!now.equals(before)) moved.add("'" + typed + "': " + now);
            if (typed.equals("linear 100, relu, lin")) {
                // the half word is wrong: the field says so under itself, and the status line says why Start is off
                assertTrue(robot.lookup("#startButton").queryButton().isDisabled());
                Label error = robot.lookup("#networkError").queryAs(Label.class);
                assertTrue(error.isVisible() && error.getText().contains("unknown layer"), error.getText());
                said = robot.lookup("#statusText").queryAs(Label.class).getAccessibleText();
                cut = Looks.cut(stage.getScene(), "statusText");
            }
        }
        assertEquals(List.of(), moved, "a keystroke moved what was beside the form");
        assertEquals("Fix Network (layer 3) to start.", said, "the status line says why Start is off, in one line");
        assertEquals(List.of(), cut);
        assertFalse(robot.lookup("#startButton").queryButton().isDisabled());
        assertEquals("Ready to train", robot.lookup("#statusText").queryAs(Label.class).getAccessibleText());
    }

    /**
     * The Samples view while the model in use changes (as when a run replaces it) in windows from the smallest to a wide
     * one, and while the user picks the other image set at 150 %: in no frame while the model predicts, nor once its
     * figures come, does the gallery, a control or the line that sums the images up move. A trial saw the view laid out
     * twice as predicting started: the summary left the toolbar for a line of its own, and the gallery dropped under it.
     */
    @Test
    void predictingMovesNothingOfTheSamplesView(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Samples");
        var vm = app.main.samples().viewModel();
        List<String> moved = new ArrayList<>();
        try {
            // the window's width, and what the user does there: picks the other image set, or the model changes
            for (Object[] step : List.<Object[]>of(new Object[]{1024.0, "Training set"}, new Object[]{1280.0, "model"}, new Object[]{1440.0, "model"},
                    new Object[]{0.0, "Test set"})) {
                double width = (Double) step[0];
                String does = (String) step[1];
                int scale = width == 0 ? 150 : 100;
                robot.interact(() -> {
                    app.services.appearance().scaleProperty().set(scale);
                    stage.setWidth(width == 0 ? io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH : width);
                });
                // the figures of the model in use: the summary says them only once its last prediction is in
                WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(() -> vm.summaryProperty().get().contains(" right, ")));
                Pulses.settle(3);
                Map<String, Bounds> before = samplesWhere(robot);
                List<Map<String, Bounds>> frames = new ArrayList<>();
                Runnable frame = () -> frames.add(samplesWhere());
                robot.interact(() -> stage.getScene().addPostLayoutPulseListener(frame));
                try {
                    if (does.equals("model")) {
                        // the other built-in model comes into use, and the gallery's images are predicted again
                        var was = app.models().activeProperty().get();
                        robot.interact(() -> {
                            if (was == app.models().builtInProperty().get()) app.models().useBuiltInCnn();
                            else app.models().useBuiltIn();
                        });
                        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(() -> app.models().activeProperty().get() != was
                                && vm.summaryProperty().get().contains(" right, ")));
                    } else {
                        robot.clickOn("#splitBox");
                        WaitForAsyncUtils.waitForFxEvents();
                        robot.clickOn((Node) robot.lookup(".combo-box-popup .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(does)).query());
                        var split = does.equals("Test set") ? io.digitstudio.ui.samples.SamplesViewModel.Split.TEST : io.digitstudio.ui.samples.SamplesViewModel.Split.TRAIN;
                        WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> onFx(() -> vm.splitProperty().get() == split
                                && vm.summaryProperty().get().contains(" right, ")));
                    }
                    Pulses.settle(3);
                } finally {
                    robot.interact(() -> stage.getScene().removePostLayoutPulseListener(frame));
                }
                String said = robot.lookup("#sampleSummary").queryAs(Label.class).getText();
                assertTrue(said.contains(" right, "), "the figures came: " + said);
                String at = scale + " %, " + (width == 0 ? "smallest" : width + " px") + ", " + does + ": ";
                robot.interact(() -> {
                    for (Map<String, Bounds> f : frames) {
                        for (String id : before.keySet()) {
                            if (!before.get(id).equals(f.get(id))) moved.add(at + id + " " + brief(before.get(id)) + " -> " + brief(f.get(id)));
                        }
                    }
                });
            }
        } finally {
            robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        }
        assertEquals(List.of(), moved.stream().distinct().toList(), "predicting moved the Samples view");
    }

    /** A condition read on the FX thread, where the view model's values are written. */
    private static boolean onFx(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        return WaitForAsyncUtils.asyncFx(condition).get();
    }

    private static String brief(Bounds b) {
        return String.format(java.util.Locale.ROOT, "(%.0f, %.0f) %.0fx%.0f", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    /** Where the Samples view's controls, gallery and legend are, and where its summary line begins (its text changes). */
    private Map<String, Bounds> samplesWhere(FxRobot robot) {
        Map<String, Bounds> out = new LinkedHashMap<>();
        robot.interact(() -> out.putAll(samplesWhere()));
        return out;
    }

    private Map<String, Bounds> samplesWhere() {
        Map<String, Bounds> out = new LinkedHashMap<>();
        for (String id : SAMPLES) {
            Node n = stage.getScene().lookup(id);
            out.put(id, n.localToScreen(n.getLayoutBounds()));
        }
        Node summary = stage.getScene().lookup("#sampleSummary");
        Bounds b = summary.localToScreen(summary.getLayoutBounds());
        out.put("#sampleSummary", new javafx.geometry.BoundingBox(b.getMinX(), b.getMinY(), 0, 0));
        return out;
    }

    @Test
    void aToastMovesNothingOfTheSamplesViewNorOfTheTrainView(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Samples");
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> app.main.samples().viewModel().predictionsProperty().get() != null);
        Pulses.settle(2);
        Map<String, Bounds> before = where(robot, SAMPLES);
        robot.interact(() -> new FxDialogService(stage, app.toasts).info("Training finished", "Final validation accuracy 97.31 %."));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup(".toast").queryAll().isEmpty());
        assertEquals(before, where(robot, SAMPLES), "a toast came over Samples: nothing moved");
        robot.interact(() -> app.toasts.withdraw("Training finished"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, where(robot, SAMPLES), "the toast went: nothing moved");

        // the Undo toast over Train lies above the status line, whose message and figures stay in sight
        robot.interact(() -> app.main.tabs().getSelectionModel().select(
                app.main.tabs().getTabs().stream().filter(t -> "trainTab".equals(t.getId())).findFirst().orElseThrow()));
        Pulses.settle(2);
        assertTrue(robot.lookup("#statusBar").query().isVisible() && robot.lookup("#statusBar").query().getScene() != null);
        Map<String, Bounds> train = where(robot, TRAIN);
        robot.interact(() -> new FxDialogService(stage, app.toasts).info("Training finished",
                "Draw and Samples now use the new model; Undo brings back the one they used.", "Undo", () -> {
                }));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(train, where(robot, TRAIN), "the Undo toast came over Train: nothing moved");
        Node toast = robot.lookup(".toast").query();
        Bounds t = toast.localToScreen(toast.getLayoutBounds());
        assertFalse(t.intersects(train.get("#statusBar")), "the toast " + t + " lies over the status line " + train.get("#statusBar"));
        robot.clickOn("#toastCloseButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(train, where(robot, TRAIN), "the Undo toast went: nothing moved");
    }

    /**
     * On every view a toast lies above the line at the view's bottom (its status, or what its bottom holds), which stays
     * whole in sight: a trial saw a toast over the end of Evaluate's status line ("· most confused: 5 → 3").
     */
    @Test
    void aToastLiesAboveTheBottomLineOfEveryView(FxRobot robot) throws Exception {
        app.awaitReady();
        java.util.List<String> wrong = new java.util.ArrayList<>();
        for (javafx.scene.control.Tab tab : app.main.tabs().getTabs()) {
            robot.interact(() -> app.main.tabs().getSelectionModel().select(tab));
            Pulses.settle(2);
            robot.interact(() -> new FxDialogService(stage, app.toasts).info("Training finished",
                    "Final validation accuracy 95.60%. Draw and Samples now use the new model; Undo brings back the one they used.", "Undo", () -> {
                    }));
            WaitForAsyncUtils.waitForFxEvents();
            Pulses.settle(2);
            robot.interact(() -> {
                if (!(tab.getContent() instanceof javafx.scene.layout.BorderPane view) || view.getBottom() == null || !view.getBottom().isVisible()) return;
                Node bottom = view.getBottom();
                Node toast = stage.getScene().getRoot().lookup(".toast");
                Bounds t = toast.localToScene(toast.getLayoutBounds()), b = bottom.localToScene(bottom.getLayoutBounds());
                if (b.getHeight() > 0 && t.getMaxY() > b.getMinY() + 0.5) wrong.add(tab.getText() + ": the toast " + t + " over the view's bottom line " + b);
            });
            robot.interact(() -> app.toasts.withdraw("Training finished"));
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(java.util.List.of(), wrong);
    }
}
