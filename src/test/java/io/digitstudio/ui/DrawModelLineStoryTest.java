package io.digitstudio.ui;

import io.digitstudio.ui.widgets.Theme;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Trial 40: a named run's model opened in Draw read "Model: my first run · run 6124d321 · 2026-1…:57 · best epoch 3 · …",
 * its date cut in the middle. The line shows each part whole or leaves it out whole (with no "…" in its middle),
 * at every scale, in the smallest window and in a larger one; the whole text stays its accessible text.
 */
class DrawModelLineStoryTest extends AppStory {
    private static final String NAME = "my first run · run 6124d321 · 2026-12-07 01:57 · best epoch 3";

    @Start
    void start(Stage stage) {
        app.showSmallest(stage);
    }

    @Test
    void aNamedRunsModelIsNeverCutInTheMiddleOfAPart(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        var builtIn = app.models().activeProperty().get();
        var run = io.digitstudio.ui.model.ActiveModel.of(builtIn.model(), NAME,
                new io.digitstudio.io.ModelInfo(0.9546, "MNIST", builtIn.classNames()), null);
        WaitForAsyncUtils.asyncFx(() -> app.models().adopt(run)).get();
        List<String> failures = new ArrayList<>();
        for (double[] size : new double[][]{{1024, 700}, {1400, 900}}) {
            robot.interact(() -> {
                app.stage.setWidth(size[0]);
                app.stage.setHeight(size[1]);
            });
            for (int percent : new int[]{100, 150, 175, 200}) {
                robot.interact(() -> {
                    app.services.appearance().themeProperty().set(Theme.LIGHT);
                    app.services.appearance().scaleProperty().set(percent);
                });
                Pulses.settle(2);
                robot.interact(() -> {
                    Label line = robot.lookup("#activeModelLabel").queryAs(Label.class);
                    String whole = app.draw().viewModel().modelTextProperty().get();
                    String at = (int) size[0] + "×" + (int) size[1] + " at " + percent + " %: ";
                    if (!whole.equals(line.getAccessibleText())) failures.add(at + "accessible text '" + line.getAccessibleText() + "'");
                    List<String> parts = List.of(whole.substring("Model: ".length()).split(" · "));
                    if (!line.getText().startsWith("Model: ")) failures.add(at + "'" + line.getText() + "'");
                    else for (String p : line.getText().substring("Model: ".length()).split(" · ")) {
                        if (!parts.contains(p)) failures.add(at + "the part '" + p + "' of '" + line.getText() + "' is cut");
                    }
                    if (!line.getText().contains("test accuracy 95.46%")) failures.add(at + "no test accuracy in '" + line.getText() + "'");
                    for (String c : Looks.clipped(app.stage.getScene())) if (c.contains("activeModelLabel")) failures.add(at + c);
                });
            }
        }
        robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * Trial 41, at 150 % and 175 % in a 1280×800 window: a model fine-tuned on the user's digits read
     * "fine-tuned-20261207-050" over "834.npz · … · test accuracy 99.16%": its file name broken mid-word, its data set
     * "MNIST + my digits" left out. The file name and the data set stay whole, no word of the line is wider than the
     * line (where a file name is, it breaks after a hyphen, its parts whole), and the test accuracy stays.
     */
    @Test
    void aFineTunedModelKeepsItsFileNameAndDataSetAtLargeScales(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        String file = "fine-tuned-20261207-050834.npz";
        var builtIn = app.models().activeProperty().get();
        var tuned = io.digitstudio.ui.model.ActiveModel.of(builtIn.model(), file,
                new io.digitstudio.io.ModelInfo(0.9916, "MNIST" + io.digitstudio.io.ModelInfo.WITH_MY_DIGITS, builtIn.classNames()), null);
        WaitForAsyncUtils.asyncFx(() -> app.models().adopt(tuned)).get();
        robot.interact(() -> {
            app.stage.setWidth(1280);
            app.stage.setHeight(800);
        });
        List<String> failures = new ArrayList<>();
        for (int percent : new int[]{100, 150, 175}) {
            robot.interact(() -> {
                app.services.appearance().themeProperty().set(Theme.LIGHT);
                app.services.appearance().scaleProperty().set(percent);
            });
            Pulses.settle(2);
            robot.interact(() -> {
                Label line = robot.lookup("#activeModelLabel").queryAs(Label.class);
                String at = percent + " %: ";
                // the line's own breaks fall inside words only: without them it is the text the user reads
                String read = line.getText().replace("\n", "");
                if (!read.startsWith("Model: " + file + " · ")) failures.add(at + "the file name not whole in '" + line.getText() + "'");
                if (!read.contains("MNIST + my digits")) failures.add(at + "no data set in '" + line.getText() + "'");
                if (!read.contains("test accuracy 99.16%")) failures.add(at + "no test accuracy in '" + line.getText() + "'");
                javafx.scene.text.Text probe = new javafx.scene.text.Text();
                probe.setFont(line.getFont());
                double room = line.getWidth() - line.snappedLeftInset() - line.snappedRightInset();
                for (String word : line.getText().split("[ \n]+")) {
                    probe.setText(word);
                    if (probe.getLayoutBounds().getWidth() > room) failures.add(at + "'" + word + "' wider than the line (" + room + " px): broken mid-word");
                }
                for (String c : Looks.clipped(app.stage.getScene())) if (c.contains("activeModelLabel")) failures.add(at + c);
                for (String c : Looks.cut(app.stage.getScene())) if (c.contains("activeModelLabel")) failures.add(at + c);
            });
        }
        robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /**
     * A new user's trial at 1280×800 and at 1024×700 with 150 %: a run named at length, put to use, read "Model: Digits
     * from the whole family, wide strokes, lr 0.05, seed 17 · … · MNIST · test accuracy 95.46%", its run's id and date
     * behind a "…" in the middle. The line names the model whole, its run's id and test accuracy with it, with no "…"
     * anywhere; a name too long for the line's room takes another line rather than be cut.
     */
    @Test
    void aLongRunNameIsShownWholeWithItsIdAndAccuracy(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        String runName = "Digits from the whole family, wide strokes, lr 0.05, seed 17";
        assertEquals(60, runName.length());
        var builtIn = app.models().activeProperty().get();
        var run = io.digitstudio.ui.model.ActiveModel.of(builtIn.model(), runName + " · run 6124d321 · 2026-12-07 01:57 · best epoch 3",
                new io.digitstudio.io.ModelInfo(0.9546, "MNIST", builtIn.classNames()), null);
        WaitForAsyncUtils.asyncFx(() -> app.models().adopt(run)).get();
        List<String> failures = new ArrayList<>();
        for (int[] at : new int[][]{{1280, 800, 100}, {1280, 800, 150}, {1024, 700, 150}}) {
            robot.interact(() -> {
                app.services.appearance().themeProperty().set(Theme.LIGHT);
                app.services.appearance().scaleProperty().set(at[2]);
                app.stage.setWidth(at[0]);
                app.stage.setHeight(at[1]);
            });
            Pulses.settle(3);
            robot.interact(() -> {
                Label line = robot.lookup("#activeModelLabel").queryAs(Label.class);
                String where = at[0] + "×" + at[1] + " at " + at[2] + " %: ";
                // the line's own breaks fall inside words only: without them it is the text the user reads
                String read = line.getText().replace("\n", "");
                if (!read.startsWith("Model: " + runName + " · ")) failures.add(where + "the name not whole in '" + line.getText() + "'");
                if (read.contains("…")) failures.add(where + "'" + line.getText() + "' leaves something out with '…'");
                if (!read.contains("run 6124d321")) failures.add(where + "no run id in '" + line.getText() + "'");
                if (!read.contains("test accuracy 95.46%")) failures.add(where + "no test accuracy in '" + line.getText() + "'");
                if (line.getHeight() + 0.5 < line.prefHeight(line.getWidth())) failures.add(where + "the line has " + line.getHeight() + " px of the " + line.prefHeight(line.getWidth()) + " its text takes");
                for (String c : Looks.cutIn(line)) failures.add(where + c);
                for (String c : Looks.clipped(app.stage.getScene())) if (c.contains("activeModelLabel")) failures.add(where + c);
            });
        }
        robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
