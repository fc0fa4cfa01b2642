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
        MenuButton recent = robot.lookup("#recentMenu").queryAs(MenuButton.class);
        return String.join("\n", recent.getItems().stream().map(MenuItem::getText).toList());
    }

    @Test
    void aModelTrainedInTheWindowIsRecentAndInUseAgainAfterARelaunch(FxRobot robot) throws Exception {
        app.awaitReady();
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
        robot.clickOn("#recentMenu");
        WaitForAsyncUtils.waitForFxEvents();
        String items = recentItems(robot);
        robot.type(KeyCode.ESCAPE);
        assertTrue(items.contains("model.npz  —  " + model.getParent()), items);

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
            assertTrue(active.getText().contains("model.npz"), active.getText());
            assertTrue(recentItems(robot).contains("model.npz  —  " + model.getParent()), recentItems(robot));
            assertTrue(again.dialogs.errors.isEmpty(), again.dialogs.errors.toString());
        } finally {
            again.close();
        }
    }
}
