package io.digitstudio.ui;

import io.digitstudio.ui.train.RunState;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user's first short run in the smallest window (1024x700), the status line read at every frame. The trial saw
 * its message broken over two lines beside figures that left it too little room ("Training 784-100-100-10 on 2,000
 * examples of" above "MNIST (bundled)"), and the figures jump sideways as the run finished ("Epoch 3/3" by 132 px):
 * the message is one line while it fits beside the figures, and what a finished run keeps of its figures (the epoch,
 * the iteration, its time, the bar) stays where it was while the run ended.
 */
class TrainStatusLineStoryTest extends AppStory {
    private static final String[] KEPT = {"#epochLabel", "#iterationLabel", "#timeLabel", "#progressBar"};
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    /** The status line as a frame shows it. */
    private record Frame(RunState state, String message, boolean oneLine, Map<String, Double> x, String figures) {
    }

    private Frame frame() {
        Node root = stage.getScene().getRoot();
        Label text = (Label) root.lookup("#statusText");
        // what the label shows: its lines in one Text, broken where the words meet
        javafx.scene.text.Text shown = (javafx.scene.text.Text) text.lookup(".text");
        Node epoch = root.lookup("#epochLabel");
        // one line, and ending before the figures begin (not drawn over them while the line has yet to break it)
        boolean oneLine = shown != null && !shown.getText().contains("\n") && shown.getLayoutBounds().getHeight() < 1.5 * epoch.getLayoutBounds().getHeight()
                && (((Label) epoch).getText().isEmpty() || shown.localToScene(shown.getLayoutBounds()).getMaxX() <= epoch.localToScene(epoch.getLayoutBounds()).getMinX());
        Map<String, Double> x = new LinkedHashMap<>();
        StringBuilder figures = new StringBuilder();
        for (String id : KEPT) {
            Node n = root.lookup(id);
            Bounds b = n.localToScene(n.getLayoutBounds());
            x.put(id, b.getMinX());
            if (n instanceof Label l) figures.append(l.getText()).append(" @").append(Math.round(b.getMinX())).append("  ");
        }
        return new Frame(app.main.train().run().stateProperty().get(), shown == null ? null : shown.getText(), oneLine, x, figures.toString());
    }

    @Test
    void theStatusLineIsOneLineAndKeepsItsFiguresInPlaceAsARunFinishes(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.type(robot, "#trainLimitField", "2000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "3");
        List<Frame> frames = new ArrayList<>();
        Runnable read = () -> {
            Frame f = frame();
            if (frames.isEmpty() || !frames.get(frames.size() - 1).equals(f)) frames.add(f);
        };
        robot.interact(() -> stage.getScene().addPostLayoutPulseListener(read));
        robot.clickOn("#startButton");
        var run = app.main.train().run();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED);
        Pulses.settle(3);
        robot.interact(() -> stage.getScene().removePostLayoutPulseListener(read));
        frames.forEach(f -> System.out.println(f.state() + " '" + f.message() + "' " + f.figures()));

        List<String> wrong = new ArrayList<>();
        List<Frame> running = new ArrayList<>();
        Frame finished = null;
        for (Frame f : frames) {
            if (f.state() != RunState.RUNNING && f.state() != RunState.FINISHED) continue;
            if (!f.oneLine()) wrong.add(f.state() + ": the message '" + f.message() + "' is not one line beside " + f.figures());
            if (f.state() == RunState.RUNNING && !f.figures().startsWith(" @")) running.add(f);
            if (f.state() == RunState.FINISHED) finished = f;
        }
        assertFalse(running.isEmpty(), "a frame of the run under way: " + frames);
        assertNotNull(finished);
        assertTrue(finished.figures().startsWith("Epoch 3/3 "), finished.figures());
        // in every frame of the run, however few digits its counts had then (a frame early in the run says
        // "Iteration 7/47"), the figures stand where the finished run's do
        for (Frame f : running) {
            for (String id : KEPT) {
                if (!f.x().get(id).equals(finished.x().get(id))) {
                    wrong.add(id + " at x " + f.x().get(id) + " while running, " + finished.x().get(id) + " once finished: "
                            + f.figures() + " -> " + finished.figures());
                }
            }
        }
        assertEquals(List.of(), wrong);
    }
}
