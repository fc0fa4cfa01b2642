package io.digitstudio.ui;

import io.digitstudio.ui.app.AppServices;
import io.digitstudio.ui.app.DigitStudioApp;
import io.digitstudio.ui.app.MainView;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

/** The real window with scripted dialogs and an in-memory recent-models list. */
public final class UiFixture {
    /** Held, because java.util.logging keeps loggers only weakly and a collected one forgets its level. */
    private static final java.util.logging.Logger PLATFORM = java.util.logging.Logger.getLogger("javafx");

    static {
        // JavaFX from the class path says so at every start; that is how the tests run it, not news
        PLATFORM.setLevel(java.util.logging.Level.SEVERE);
    }

    public final TestDialogs dialogs = new TestDialogs();
    /** What an earlier window of the same story left (null: a first launch that remembers nothing). */
    public io.digitstudio.ui.app.LastSession last;
    public AppServices services;
    public MainView main;
    /**
     * The config folder whose {@code digitstudio/settings.json} keeps the recent models and the last session, as the
     * app's does (null: both in memory); a relaunch on the same folder reads what the last window left there.
     */
    public java.nio.file.Path configFolder;
    /** The folder of the run history (null: a fresh one per window). */
    public java.nio.file.Path runsFolder;
    /** This window's own run history (a fresh folder per test). */
    public io.digitstudio.runs.RunStore history;
    /**
     * The folder this window's own run history, digits and fine-tuned models live in (null until shown), deleted when
     * the story closes: a story's files beside them (a command line's model) go there too. A relaunch hands it to the
     * next window, as the app finds its data folder again at the next launch.
     */
    public java.nio.file.Path scratch;
    /** This window's own collection of digits. */
    public io.digitstudio.mydigits.MyDigits myDigits;
    /** The window's toast layer (the scripted dialogs do not use it; a story can show toasts in it as the app's dialogs do). */
    public io.digitstudio.ui.app.ToastLayer toasts;

    /** The window this app shows in (set by {@link #show}). */
    public Stage stage;

    /** Builds the app on the FX thread (from {@code @Start}). */
    public void show(Stage stage) {
        this.stage = stage;
        // recent models in memory: java.util.prefs would write files and sync them from a shutdown hook
        try {
            // a relaunch's window takes the folder the last window left, as the app its data folder
            if (scratch == null) scratch = java.nio.file.Files.createTempDirectory("digitstudio-story");
            history = new io.digitstudio.runs.RunStore(runsFolder != null ? runsFolder : java.nio.file.Files.createDirectories(scratch.resolve("runs")));
            myDigits = new io.digitstudio.mydigits.MyDigits(scratch.resolve("mydigits"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (configFolder != null) {
            // one settings file for the session and the recent models, as DigitStudioApp opens it
            io.digitstudio.io.SettingsFile settings = io.digitstudio.io.SettingsFile.open(configFolder.resolve("digitstudio/settings.json"),
                    m -> dialogs.error("Settings", m));
            services = new AppServices(dialogs, RecentModels.of(settings), history, myDigits, io.digitstudio.ui.app.LastSession.of(settings));
        } else {
            services = last == null ? new AppServices(dialogs, RecentModels.inMemory(), history, myDigits)
                    : new AppServices(dialogs, RecentModels.inMemory(), history, myDigits, last);
        }
        main = services.main();
        toasts = new io.digitstudio.ui.app.ToastLayer();
        javafx.scene.Scene scene = DigitStudioApp.createScene(main, toasts);
        stage.setScene(scene);
        // the size and place a first launch opens at: TestFX hands every story the same stage, still as large and
        // where the last one left it (sizeToScene would size it only later, after it has been placed)
        stage.setMaximized(false);
        stage.setWidth(scene.getWidth());
        stage.setHeight(scene.getHeight());
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX() + Math.max(0, (screen.getWidth() - stage.getWidth()) / 2));
        stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - stage.getHeight()) / 2));
        services.placeWindow(stage);
        stage.setTitle("DigitStudio");
        stage.show();
        services.windowShown(stage);
    }

    /** Builds the app, as {@link #show}, in the smallest window the app allows (1024×700). */
    public void showSmallest(Stage stage) {
        show(stage);
        stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
        stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
    }

    /** The light theme at {@code scale} % in the smallest window, as a user sets them, and the pulses that follow. */
    public void lightAtScaleInSmallest(org.testfx.api.FxRobot robot, Stage stage, int scale) throws Exception {
        robot.interact(() -> {
            services.appearance().choose(io.digitstudio.ui.widgets.Theme.LIGHT, scale);
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        Pulses.settle(4);
    }

    /**
     * Closes this window as the user does and opens the app again in a new window ({@link #stage}) on what this one
     * leaves: the same settings file or remembered session and the same data folder (run history, digits, models). {@code meanwhile} runs between the
     * two launches; {@code smallest} opens the new window as {@link #showSmallest} does.
     */
    public UiFixture relaunch(org.testfx.api.FxRobot robot, boolean smallest, Runnable meanwhile) throws Exception {
        java.nio.file.Path data = scratch;
        scratch = null; // the next window's now: closing this one leaves it
        close();
        meanwhile.run();
        robot.interact(() -> stage.hide());
        UiFixture again = new UiFixture();
        again.scratch = data;
        again.configFolder = configFolder;
        again.last = last;
        again.runsFolder = runsFolder;
        robot.interact(() -> {
            if (smallest) again.showSmallest(new Stage());
            else again.show(new Stage());
        });
        again.awaitReady();
        return again;
    }

    /** {@link #relaunch(org.testfx.api.FxRobot, boolean, Runnable)} in a window of the size the app remembers, nothing done between. */
    public UiFixture relaunch(org.testfx.api.FxRobot robot) throws Exception {
        return relaunch(robot, false, () -> {
        });
    }

    /**
     * Types a short run into the Train form (1,000 training and 200 test examples, {@code epochs} epochs, a snapshot
     * each epoch), starts it and waits for it to finish.
     */
    public void trainShortRunWithSnapshots(org.testfx.api.FxRobot robot, int epochs) throws Exception {
        trainShortRun(robot, epochs, true);
    }

    /** As {@link #trainShortRunWithSnapshots}, with no snapshots. */
    public void trainShortRun(org.testfx.api.FxRobot robot, int epochs) throws Exception {
        trainShortRun(robot, epochs, false);
    }

    private void trainShortRun(org.testfx.api.FxRobot robot, int epochs, boolean snapshots) throws Exception {
        var run = main.train().run();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", String.valueOf(epochs));
        if (snapshots) Forms.click(robot, "#snapshotCheck");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The collection holds {@code perLabel} drawings of each of 7, 1 and 4, and My digits shows them. */
    public io.digitstudio.ui.mydigits.MyDigitsViewModel collectMyDigits(org.testfx.api.FxRobot robot, int perLabel) throws Exception {
        awaitReady();
        for (io.digitstudio.data.UnusualDigits.Drawing d : io.digitstudio.data.UnusualDigits.make(perLabel, 21)) myDigits.add(d.input(), d.label(), d.strokes(), "drawn");
        int kept = myDigits.list().size();
        openTab(robot, "My digits");
        io.digitstudio.ui.mydigits.MyDigitsViewModel my = main.myDigits().viewModel();
        robot.interact(my::refresh);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == kept);
        WaitForAsyncUtils.waitForFxEvents();
        return my;
    }

    /** Clicks the tab with this title, as a user switches views. */
    public void openTab(org.testfx.api.FxRobot robot, String title) {
        robot.clickOn((javafx.scene.Node) robot.lookup(".tab-label").match(org.testfx.matcher.control.LabeledMatchers.hasText(title)).query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Where a point of the Draw view's canvas is on screen. */
    public javafx.geometry.Point2D onCanvas(double x, double y) {
        return draw().canvas().localToScreen(x, y);
    }

    /** One stroke of the pen on the Draw view's canvas: pressed at the first point, moved through the rest, lifted. */
    public void stroke(org.testfx.api.FxRobot robot, double[]... points) {
        robot.moveTo(onCanvas(points[0][0], points[0][1]));
        robot.press(javafx.scene.input.MouseButton.PRIMARY);
        for (int i = 1; i < points.length; i++) robot.moveTo(onCanvas(points[i][0], points[i][1]));
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
    }

    /**
     * The Draw view, built on the JavaFX thread if its tab has not been opened yet (the window builds it on first
     * opening), so that a story can reach it from the test's thread.
     */
    public io.digitstudio.ui.draw.DrawView draw() {
        if (javafx.application.Platform.isFxApplicationThread()) return main.draw();
        try {
            return WaitForAsyncUtils.asyncFx(main::draw).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not build the Draw view", e);
        }
    }

    /**
     * Waits until the Draw view shows its answer for everything on the canvas: an answer shown while the pen moved is
     * for part of the strokes, and the one for the whole drawing follows it.
     */
    public void awaitDrawAnswer() throws Exception {
        var vm = draw().viewModel();
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(vm::answersTheCanvas).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer for the drawing: " + vm.detailProperty().get() + ", strokes " + vm.strokes().size(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits (after {@link #awaitDrawAnswer}) until the nearest examples shown are those of the Draw view's input; the
     * first time, the model's index of the training images is built first.
     */
    public void awaitDrawNeighbours() throws Exception {
        var explain = draw().explain();
        var input = draw().viewModel().inputProperty();
        try {
            WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> {
                var shown = explain.neighboursProperty().get();
                return shown != null && shown.input() == input.get();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no neighbours of the drawing: " + explain.statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    public ModelManager models() {
        return services.models();
    }

    /**
     * Waits until the app is ready, then puts the built-in network to use as a model whose accuracy is not known (as an
     * older model file's is not): the next run that learns replaces it, however short, as stories of a run's model
     * in use need. (The built-in model's 99 % keeps any short run's model out of use.)
     */
    public void useModelOfUnknownAccuracy() throws Exception {
        awaitReady();
        var b = models().activeProperty().get();
        var m = io.digitstudio.ui.model.ActiveModel.of(b.model(), "built-in MLP", new io.digitstudio.io.ModelInfo(null, b.info().dataset(), b.classNames()), null);
        WaitForAsyncUtils.asyncFx(() -> models().adopt(m)).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until the Train form is whole: its optimizer and run sections are made right after the window's first
     * frame, before anything the user types can reach them, and a story's keys and clicks come after that as a user's do.
     */
    public void awaitForm() throws Exception {
        if (main == null) return;
        var form = main.train().form();
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(form::isComplete).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the Train form was not made whole after the window's first frame", e);
        }
    }

    /** Waits until the engine is up and the built-in model is active. */
    public void awaitReady() throws Exception {
        awaitForm();
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> models().activeProperty().get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the app did not become ready; engine status: " + services.engineStatusProperty().get()
                    + "; errors: " + dialogs.errors, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Stops a run the story left going, waits for it to end, closes the app and deletes its scratch folder. */
    public void close() throws Exception {
        if (services == null) { deleteScratch(); return; }
        try {
            WaitForAsyncUtils.asyncFx(main.train().run()::stop).get();
            WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS, () -> main.train().run().stateProperty().get().canStart());
            WaitForAsyncUtils.asyncFx(services::close).get();
        } finally { // a story that failed mid-run leaves no folder behind either
            deleteScratch();
        }
    }

    /** Best effort: a file a background task still holds open stays, and /tmp's cleaner takes it later. */
    private void deleteScratch() {
        if (scratch == null) return;
        try (var walk = java.nio.file.Files.walk(scratch)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
            // see above
        }
    }

    /**
     * A tiny run from the command line into this window's history ({@code linear 8, relu, linear}, one epoch on 100
     * examples); an even {@code i} trains at lr 0.01, an odd one at 0.05, so two runs differ in their learning rate.
     */
    public void tinyCliRun(int i) {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.digitstudio.cli.Cli.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "train", "--epochs", "1",
                "--lr", i % 2 == 0 ? "0.01" : "0.05", "--train-size", "100", "--test-size", "50", "--model", "linear 8, relu, linear",
                "--out", history.root().resolveSibling("cli-" + history.root().getFileName() + "-" + i + ".npz").toString(),
                "--runs-dir", history.root().toString());
        org.junit.jupiter.api.Assertions.assertEquals(0, code, err.toString());
    }
}
