package io.digitstudio.ui;

import io.digitstudio.ui.train.RunState;
import io.digitstudio.ui.widgets.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Train view's layout as a new user's trial at 1024×700 saw it: the charts and the epoch table grew and shrank
 * 6 px once a session, as the first epoch's row came; Learning rate and Momentum were narrower than the form's other
 * fields, and further left; at 150 % the epoch table hid three columns with no sign of them.
 */
class TrainSteadyLayoutStoryTest extends AppStory {
    /** The charts and the table beside the form. */
    private static final String[] VIEW = {"#lossChart", "#lrChart", "#accuracyChart", "#epochTable"};
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    private Map<String, Bounds> where() {
        Map<String, Bounds> out = new LinkedHashMap<>();
        for (String id : VIEW) {
            Node n = stage.getScene().lookup(id);
            out.put(id, n.localToScene(n.getLayoutBounds()));
        }
        return out;
    }

    private static String brief(Bounds b) {
        return String.format(Locale.ROOT, "(%.1f, %.1f) %.1fx%.1f", b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight());
    }

    /**
     * A three-epoch run in the smallest window, at 100 % and at 150 %: the charts and the epoch table keep the places and
     * sizes they had before the first row, in every frame as the rows come and after the run's end. The trial saw the
     * loss and rate charts grow 3 px each when the first row came, the table shrink 6 px under them.
     */
    @Test
    void theChartsAndTheTableKeepTheirSizesAsTheFirstEpochsCome(FxRobot robot) throws Exception {
        app.awaitReady();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "3");
        var run = app.main.train().run();
        List<String> moved = new ArrayList<>();
        try {
            for (int scale : new int[]{100, 150}) {
                robot.interact(() -> {
                    app.services.appearance().choose(Theme.LIGHT, scale);
                    stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
                    stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
                });
                Pulses.settle(4);
                Map<String, Bounds> before = new LinkedHashMap<>();
                robot.interact(() -> before.putAll(where()));
                List<String> frames = new ArrayList<>();
                Runnable frame = () -> {
                    Map<String, Bounds> now = where();
                    int rows = app.main.train().table().getItems().size();
                    for (String id : VIEW) {
                        if (!before.get(id).equals(now.get(id))) frames.add(scale + " %, " + rows + " rows: " + id + " " + brief(before.get(id)) + " -> " + brief(now.get(id)));
                    }
                };
                robot.interact(() -> stage.getScene().addPostLayoutPulseListener(frame));
                try {
                    robot.clickOn("#startButton");
                    WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED);
                    WaitForAsyncUtils.waitForFxEvents();
                    Pulses.settle(4);
                } finally {
                    robot.interact(() -> stage.getScene().removePostLayoutPulseListener(frame));
                }
                assertEquals(3, app.main.train().table().getItems().size(), "the run's three epochs in the table");
                moved.addAll(frames.stream().distinct().toList());
            }
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
        assertEquals(List.of(), moved, "the charts or the table moved as the epochs came");
    }

    /**
     * The form's fields share one left edge and one width: the optimizer's values too (Learning rate and Momentum, and
     * Adam's four), at 100 % and at 150 %. The trial saw Learning rate and Momentum narrower than Batch size and Epochs,
     * and further left.
     */
    @Test
    void theOptimizersValuesLineUpWithTheFormsOtherFields(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> wrong = new ArrayList<>();
        try {
            for (String optimizer : new String[]{"momentum-sgd", "adam"}) {
                for (int scale : new int[]{100, 150}) {
                    robot.interact(() -> {
                        app.main.train().settings().optimizerProperty().set(optimizer);
                        app.services.appearance().choose(Theme.LIGHT, scale);
                    });
                    Pulses.settle(4);
                    List<String> fields = new ArrayList<>(List.of("#trainLimitField", "#batchSizeField", "#epochsField", "#seedField"));
                    robot.interact(() -> {
                        for (var h : app.main.train().settings().hyperparams()) fields.add("#hp-" + h.key());
                    });
                    assertTrue(fields.size() >= 6, optimizer + "'s values in the form: " + fields);
                    Map<String, Bounds> at = new LinkedHashMap<>();
                    robot.interact(() -> {
                        for (String id : fields) {
                            Node n = stage.getScene().lookup(id);
                            at.put(id, n.localToScene(n.getLayoutBounds()));
                        }
                    });
                    Bounds batch = at.get("#batchSizeField");
                    for (var e : at.entrySet()) {
                        Bounds b = e.getValue();
                        if (b.getMinX() != batch.getMinX() || b.getWidth() != batch.getWidth()) {
                            wrong.add(optimizer + " at " + scale + " %: " + e.getKey() + " " + brief(b) + ", Batch size " + brief(batch));
                        }
                    }
                }
            }
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
        assertEquals(List.of(), wrong, "fields out of line with the form's others");
    }
}
