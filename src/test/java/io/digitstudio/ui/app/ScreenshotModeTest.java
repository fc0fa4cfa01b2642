package io.digitstudio.ui.app;

import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunStore;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import io.digitstudio.ui.train.PauseAt;
import io.digitstudio.ui.train.RunControl;
import io.digitstudio.ui.train.RunPresenter;
import io.digitstudio.ui.train.RunState;
import io.digitstudio.ui.train.TrainSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.*;

/** The screenshot script's end: its run is stopped, and the process exits only once the stop is recorded. */
class ScreenshotModeTest {
    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    /** Runs what the UI thread was handed, one task at a time, until {@code done}. */
    private static void drain(BlockingQueue<Runnable> ui, BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) ui.take().run();
    }

    @Test
    void aShotsRunIsRecordedAsStoppedBeforeTheProcessExits(@TempDir Path dir) throws Exception {
        BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
        try (WorkerExecutor tasks = new WorkerExecutor(() -> { }, ui::add)) {
            TestDialogs dialogs = new TestDialogs();
            ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
            TrainSettings settings = new TrainSettings();
            settings.trainLimitProperty().set("1000");
            settings.testLimitProperty().set("200");
            settings.epochsProperty().set("3");
            RunStore history = new RunStore(dir.resolve("runs"));
            RunControl run = new RunControl(settings, new RunPresenter(), tasks, dialogs, models, history);
            PauseAt pauseAt = PauseAt.nextRun(run, 3); // the shot is taken while the run trains
            run.start();
            drain(ui, () -> run.stateProperty().get() == RunState.RUNNING);
            assertTrue(pauseAt.paused.await(120, TimeUnit.SECONDS), "the run reached iteration 3");
            String id = run.recordedRunProperty().get();

            List<RunStatus> atExit = new ArrayList<>();
            ScreenshotMode.stopThenExit(run, () -> atExit.add(history.find(id).status()));
            drain(ui, () -> !atExit.isEmpty());
            assertEquals(List.of(RunStatus.STOPPED), atExit, "the run's folder says stopped when the process exits, never running");
        }
    }
}
