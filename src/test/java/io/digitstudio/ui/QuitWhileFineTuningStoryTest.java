package io.digitstudio.ui;

import io.digitstudio.mydigits.MyDigit;
import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunSummary;
import io.digitstudio.train.FineTune;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Quit, confirmed, while My digits fine-tunes, in an app that keeps its settings between launches as the installed
 * app does (the model in use, the recent models): what the run history and the next launch say of it.
 */
class QuitWhileFineTuningStoryTest extends AppStory {
    @TempDir
    Path dir;
    private Stage stage;
    /** How often the app would have exited (the app's exit ends the JavaFX platform; the tests' must not). */
    private final AtomicInteger exits = new AtomicInteger();
    /** What the story looks at as the app exits, at that moment (on the FX thread, before the exit returns). */
    private volatile Runnable atExit = () -> { };

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.configFolder = dir.resolve("config");
        app.runsFolder = dir.resolve("runs");
        app.show(stage);
        app.services.closeOnRequest(stage, () -> {
            atExit.run();
            exits.incrementAndGet();
        });
    }

    /**
     * The fine-tuning ends as a run's Stop ends it, and the app exits only once its run's record says so ("stopped",
     * not "running" for good), which the next launch reads too. Its half-made result is not offered then, and nothing
     * the user had is lost: the model in use (a fine-tuning accepted earlier), its run, its file among the recent
     * models, and the digits.
     */
    @Test
    void quittingWhileAFineTuningRunsStopsItsRunAndKeepsAllTheUserHad(FxRobot robot) throws Exception {
        app.awaitReady();
        for (io.digitstudio.data.UnusualDigits.Drawing d : io.digitstudio.data.UnusualDigits.make(4, 5)) app.myDigits.add(d.input(), d.label(), d.strokes(), "drawn");
        app.openTab(robot, "My digits");
        var my = app.main.myDigits().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == 12);
        // a fine-tuning accepted earlier: the model in use, and a run of the history
        my.setSettings(new FineTune.Settings(1, 0.005, 5, 1000, 0.3, 0));
        robot.clickOn("#fineTuneButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> my.proposalProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#acceptFineTuneButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.models().activeProperty().get().name().startsWith("fine-tuned-"));
        Path inUse = app.models().activeProperty().get().file();
        String accepted = app.history.list().get(0).id();
        List<String> digits = my.digits().stream().map(MyDigit::id).toList();

        // long enough that Quit comes while it trains
        my.setSettings(new FineTune.Settings(3, 0.005, 5, 6000, 0.3, 0));
        robot.clickOn("#fineTuneButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> my.progressTextProperty().get().startsWith("Epoch"));
        String id = app.history.list().stream().map(RunSummary::id).filter(r -> !r.equals(accepted)).findFirst().orElseThrow();
        AtomicReference<RunSummary> recordAtExit = new AtomicReference<>();
        atExit = () -> recordAtExit.set(app.history.find(id));
        app.dialogs.confirms = true;
        robot.press(KeyCode.CONTROL, KeyCode.Q).release(KeyCode.Q, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("confirm: Quit while a fine-tuning runs?"), app.dialogs.asked);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> exits.get() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stage.isShowing());
        assertEquals(RunStatus.STOPPED, recordAtExit.get().status(), "when the app exited: " + recordAtExit.get().message());
        assertTrue(recordAtExit.get().message().startsWith("stopped"), recordAtExit.get().message());

        UiFixture again = app.relaunch(robot);
        try {
            RunSummary read = again.history.find(id);
            assertEquals(RunStatus.STOPPED, read.status(), "read by the next launch: " + read.message());
            assertEquals(RunStatus.FINISHED, again.history.find(accepted).status());
            again.openTab(robot, "My digits");
            var mine = again.main.myDigits().viewModel();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> mine.statusProperty().get().startsWith("12 digits"));
            WaitForAsyncUtils.waitForFxEvents();
            assertNull(mine.proposalProperty().get(), "a fine-tuning stopped half way is not offered: " + mine.statusProperty().get());
            assertEquals(digits, mine.digits().stream().map(MyDigit::id).toList());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> again.models().activeProperty().get() != null
                    && inUse.equals(again.models().activeProperty().get().file()));
            assertTrue(Files.isRegularFile(inUse), inUse.toString());
            assertTrue(again.models().recent().contains(inUse), again.models().recent().toString());
        } finally {
            again.close();
        }
    }
}
