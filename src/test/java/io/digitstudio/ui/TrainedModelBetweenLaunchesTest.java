package io.digitstudio.ui;

import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A user trains a model in the window, finds it among the recent models, closes the app and opens it again on the
 * same config and data folders: the model they trained is the one in use.
 */
class TrainedModelBetweenLaunchesTest extends AppStory {
    @TempDir
    Path dir;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.configFolder = dir.resolve("config");
        app.runsFolder = dir.resolve("runs");
        app.show(stage);
    }

    private static String recentItems(FxRobot robot) {
        MenuButton recent = robot.lookup("#modelMenu").queryAs(MenuButton.class);
        return String.join("\n", recent.getItems().stream().map(MenuItem::getText).toList());
    }

    /** The recent models' entries as the open menu shows them: each one's text and its tooltip. */
    private static java.util.Map<String, String> shownRecent(FxRobot robot) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        robot.interact(() -> {
            MenuButton recent = robot.lookup("#modelMenu").queryAs(MenuButton.class);
            for (MenuItem i : recent.getItems()) {
                if (i instanceof javafx.scene.control.CustomMenuItem c && c.getContent() instanceof Label l) {
                    javafx.scene.control.Tooltip t = (javafx.scene.control.Tooltip) l.getProperties().get("javafx.scene.control.Tooltip");
                    out.put(l.getText(), t == null ? null : t.getText());
                }
            }
        });
        return out;
    }

    @Test
    void aModelTrainedInTheWindowIsRecentAndInUseAgainAfterARelaunch(FxRobot robot) throws Exception {
        app.useModelOfUnknownAccuracy(); // the run's model is put to use
        app.openTab(robot, "Train");
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "1");
        robot.clickOn("#startButton");
        var run = app.main.train().run();
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        Path model = app.history.list().get(0).folder().resolve("model.npz");
        assertEquals(model, app.models().activeProperty().get().file(), "the run's model, kept in its folder, is in use");

        // the model picker offers it among the recent models
        app.openTab(robot, "Draw");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.models().recentTitles().containsKey(model)); // read off the UI thread
        robot.clickOn("#modelMenu");
        WaitForAsyncUtils.waitForFxEvents();
        var shown = shownRecent(robot);
        robot.type(KeyCode.ESCAPE);
        // named by its run, not "model.npz" as every run's model is; its path in the tooltip
        var r = app.history.list().get(0);
        String title = "run " + r.id() + " · " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
                .withZone(java.time.ZoneId.systemDefault()).format(r.created());
        assertEquals(model.toString(), shown.get("_1  " + title), "first, numbered for its Alt key: " + shown);

        // closed, and opened again on the same folders
        app.close();
        robot.interact(() -> stage.hide());
        UiFixture again = new UiFixture();
        again.configFolder = dir.resolve("config");
        again.runsFolder = dir.resolve("runs");
        robot.interact(() -> {
            stage = new Stage();
            again.show(stage);
        });
        try {
            again.awaitReady();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.equals(again.models().activeProperty().get().file()));
            again.openTab(robot, "Draw");
            Label active = robot.lookup("#activeModelLabel").queryAs(Label.class);
            assertTrue(active.getText().startsWith("Model: " + title + " · "), active.getText());
            // the tooltip says the whole line (shortened when long) and, beneath, where the file is
            assertEquals(again.draw().viewModel().modelTextProperty().get() + "\n" + model, active.getTooltip().getText(), "where the file is");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> recentItems(robot).contains(title));
            assertTrue(again.dialogs.errors.isEmpty(), again.dialogs.errors.toString());
        } finally {
            again.close();
        }
    }
}
