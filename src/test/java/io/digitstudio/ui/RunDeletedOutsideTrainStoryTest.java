package io.digitstudio.ui;

import io.digitstudio.ui.train.RunControl;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Trial 44: a run finished in the Train view, then {@code runs delete --force ID} from the command line. The Train view
 * went on showing it as if nothing had happened, and Use model put the deleted run's model to use: Draw, Samples and
 * Evaluate named "run ID", the next launch looked for a file that was gone. Now the view looks at the run's folder when
 * the user comes back to the window or to the view, and when Use model is clicked, and says the run was deleted.
 */
class RunDeletedOutsideTrainStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    /** A one-epoch run trained from Train; the built-in model, better, stays in use. Returns the run's id. */
    private String aRunWhoseModelIsNotInUse(FxRobot robot) throws Exception {
        app.awaitReady();
        app.trainShortRun(robot, 1);
        var run = app.main.train().run();
        assertSame(app.models().builtInProperty().get(), app.models().activeProperty().get());
        assertFalse(robot.lookup("#useModelButton").queryButton().isDisabled());
        return run.recordedRunProperty().get();
    }

    /** The command line's {@code runs delete --force ID} on this window's history. */
    private void deleteFromTheCommandLine(String id) {
        StringWriter err = new StringWriter();
        assertEquals(0, io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "runs", "delete", id, "--force",
                "--runs-dir", app.history.root().toString()), err.toString());
    }

    /** What the Train view says of the run and its model once the run is gone, and that nothing of it is in use. */
    private void saysTheRunWasDeleted(FxRobot robot, String id) {
        assertEquals(RunControl.shownRunDeleted(id, true), robot.lookup("#statusText").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#useModelButton").queryButton().isDisabled(), "Use model is off");
        assertFalse(robot.lookup("#saveModelButton").queryButton().isDisabled(), "Save model… can still keep the model");
        assertSame(app.models().builtInProperty().get(), app.models().activeProperty().get());
        assertTrue(app.models().recent().stream().noneMatch(p -> p.toString().contains(id)), app.models().recent().toString());
    }

    @Test
    void useModelSaysTheRunWasDeleted(FxRobot robot) throws Exception {
        String id = aRunWhoseModelIsNotInUse(robot);
        deleteFromTheCommandLine(id);
        Button use = robot.lookup("#useModelButton").queryButton();
        robot.clickOn(use);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, use::isDisabled);
        WaitForAsyncUtils.waitForFxEvents();
        saysTheRunWasDeleted(robot, id);
    }

    @Test
    void theTrainViewSaysTheRunWasDeletedWhenTheWindowIsBackInFocus(FxRobot robot) throws Exception {
        String id = aRunWhoseModelIsNotInUse(robot);
        // the user goes to a terminal, deletes the run, and comes back (Monocle's headless screen has no other window to
        // take focus: the test says it as the window system would)
        robot.interact(() -> com.sun.javafx.stage.WindowHelper.setFocused(stage, false));
        deleteFromTheCommandLine(id);
        robot.interact(() -> com.sun.javafx.stage.WindowHelper.setFocused(stage, true));
        Button use = robot.lookup("#useModelButton").queryButton();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, use::isDisabled);
        WaitForAsyncUtils.waitForFxEvents();
        saysTheRunWasDeleted(robot, id);
    }

    @Test
    void theTrainViewSaysTheRunWasDeletedWhenItIsShownAgain(FxRobot robot) throws Exception {
        String id = aRunWhoseModelIsNotInUse(robot);
        app.openTab(robot, "Draw");
        deleteFromTheCommandLine(id);
        app.openTab(robot, "Train");
        Button use = robot.lookup("#useModelButton").queryButton();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, use::isDisabled);
        WaitForAsyncUtils.waitForFxEvents();
        saysTheRunWasDeleted(robot, id);
    }
}
