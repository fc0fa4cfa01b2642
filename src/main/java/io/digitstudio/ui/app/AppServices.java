package io.digitstudio.ui.app;

import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The app's services, made once: the workers (with the engine starting behind them), the dialogs, the model manager
 * and the engine's status line. The app and the UI tests build the window from the same object; only the dialogs and
 * the recent-models store differ. Build it on the FX thread.
 */
public final class AppServices implements AutoCloseable {
    private final WorkerExecutor tasks;
    private final DialogService dialogs;
    private final ModelManager models;
    private final ReadOnlyStringWrapper engineStatus;
    private final MainView main;
    private final FirstFrame firstFrame = new FirstFrame();

    public AppServices(DialogService dialogs, RecentModels recent) {
        this(dialogs, recent, new io.digitstudio.runs.RunStore(io.digitstudio.runs.RunStore.defaultRoot()),
                new io.digitstudio.mydigits.MyDigits(io.digitstudio.mydigits.MyDigits.defaultFolder()));
    }

    /** With the run history and the user's digits kept where given (the tests give each window its own). */
    public AppServices(DialogService dialogs, RecentModels recent, io.digitstudio.runs.RunStore history, io.digitstudio.mydigits.MyDigits myDigits) {
        this(dialogs, recent, AppServices::startEngine, history, myDigits);
    }

    /** The engine, with the bundled MNIST kept decompressed in the user's cache folder. */
    private static void startEngine() {
        io.digitstudio.data.Mnist.cacheIn(io.digitstudio.io.UserFolders.cache(System.getenv(), "mnist"));
        Nd4jSetup.init();
    }

    AppServices(DialogService dialogs, RecentModels recent, Runnable engineStart) {
        this(dialogs, recent, engineStart, new io.digitstudio.runs.RunStore(io.digitstudio.runs.RunStore.defaultRoot()),
                new io.digitstudio.mydigits.MyDigits(io.digitstudio.mydigits.MyDigits.defaultFolder()));
    }

    AppServices(DialogService dialogs, RecentModels recent, Runnable engineStart, io.digitstudio.runs.RunStore history, io.digitstudio.mydigits.MyDigits myDigits) {
        this(dialogs, recent, engineStart, history, myDigits, LastSession.inMemory());
    }

    /** With what the last session left (the app passes the user's, the tests one of their own). */
    public AppServices(DialogService dialogs, RecentModels recent, io.digitstudio.runs.RunStore history, io.digitstudio.mydigits.MyDigits myDigits,
                       LastSession last) {
        this(dialogs, recent, AppServices::startEngine, history, myDigits, last, null);
    }

    /** With the pinned digits remembered in {@code pinsFile} (null: for this session only). */
    public AppServices(DialogService dialogs, RecentModels recent, io.digitstudio.runs.RunStore history, io.digitstudio.mydigits.MyDigits myDigits,
                       LastSession last, java.nio.file.Path pinsFile) {
        this(dialogs, recent, AppServices::startEngine, history, myDigits, last, pinsFile);
    }

    AppServices(DialogService dialogs, RecentModels recent, Runnable engineStart, io.digitstudio.runs.RunStore history, io.digitstudio.mydigits.MyDigits myDigits,
                LastSession last) {
        this(dialogs, recent, engineStart, history, myDigits, last, null);
    }

    AppServices(DialogService dialogs, RecentModels recent, Runnable engineStart, io.digitstudio.runs.RunStore history, io.digitstudio.mydigits.MyDigits myDigits,
                LastSession last, java.nio.file.Path pinsFile) {
        this.last = last;
        this.appearance = new Appearance(last, DesktopTheme::thisDesktopPrefersDark);
        this.engineStatus = new ReadOnlyStringWrapper(Nd4jSetup.firstStart()
                ? "First start: unpacking the native libraries (about 410 MB, once)…" : "Starting the engine…");
        // The engine starts once the window has been drawn, however long that takes (FirstFrame)
        this.tasks = new WorkerExecutor(() -> {
            try {
                firstFrame.await(FirstFrame.LIMIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            engineStart.run();
        }, Platform::runLater);
        this.dialogs = dialogs;
        this.models = new ModelManager(tasks, dialogs, recent, last.model());
        this.pins = pinsFile == null ? io.digitstudio.ui.pins.Pins.inMemory() : io.digitstudio.ui.pins.Pins.in(pinsFile, tasks);
        this.main = new MainView(tasks, dialogs, models, engineStatus.getReadOnlyProperty(), history, myDigits, pins);
        // the menu's items show the shortcuts the window's scene answers (attach) and do what they do
        main.preferencesItem().setAccelerator(PREFERENCES);
        main.preferencesItem().setOnAction(e -> javafx.application.Platform.runLater(this::showPreferences));
        main.quitItem().setAccelerator(QUIT);
        main.quitItem().setOnAction(e -> javafx.application.Platform.runLater(this::quit));
        // the columns ticked on or off in the tables' column menus, as last time (each table takes them once shown)
        io.digitstudio.ui.widgets.ColumnChoices.keepIn(main, last.columns());
        tasks.engineReady().whenComplete((ok, err) -> {
            if (err != null) {
                engineStatus.set("The engine could not start: " + Messages.of(err));
                dialogs.error("Engine failed to start", Messages.of(err));
            }
        });
        // the model that was active last time comes back, if its file is still there
        models.restore().whenComplete((m, err) -> {
            if (models.builtInProperty().get() != null) engineStatus.set("Ready");
        });
        // the Draw canvas's looks as last chosen: the theme's colours, or MNIST's white on black
        main.drawing().mnistCanvasProperty().set(last.mnistCanvas());
        main.drawing().mnistCanvasProperty().addListener((o, a, on) -> last.mnistCanvas(on));
        // the Train and the Sweeps forms as the user left them, wrong values left out (the data gone: the bundled MNIST)
        String dataGone = main.train().settings().recall(last.form(LastSession.TRAIN_FORM, io.digitstudio.ui.train.TrainSettings.MEMORY_KEYS));
        if (dataGone != null) main.train().presenter().status(dataGone);
        main.rememberedSweeps(last.form(LastSession.SWEEPS_FORM, io.digitstudio.ui.sweeps.SweepsViewModel.MEMORY_KEYS));
        // and kept as they change, not only when the window closes: a crash or a kill loses neither
        this.forms = new FormKeeper(last, tasks, io.digitstudio.ui.core.FxTicker::later, this::formValues);
        main.onFormEdit(forms::edited);
        last.tab().ifPresent(main::selectTab);
        main.tabs().getSelectionModel().selectedItemProperty().addListener((o, a, t) -> {
            if (t != null) last.tab(t.getId());
            forms.save(); // leaving a form is as good as a pause in the typing
        });
    }

    private final FormKeeper forms;

    private final LastSession last;
    private final Appearance appearance;
    private final io.digitstudio.ui.pins.Pins pins;

    /** The pinned digits, which Draw and Samples pin and the Train view watches a run learn. */
    public io.digitstudio.ui.pins.Pins pins() {
        return pins;
    }

    /** Ctrl+, (Cmd+, on a Mac): the preferences. */
    public static final javafx.scene.input.KeyCombination PREFERENCES =
            new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.COMMA, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    /** F10: the app's menu (Preferences, Quit). */
    public static final javafx.scene.input.KeyCombination MENU = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F10);

    /** Ctrl+Q (Cmd+Q on a Mac): quit, by the same path as the window's close button. */
    public static final javafx.scene.input.KeyCombination QUIT =
            new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    /**
     * The window's one way out, for its close button and Quit (Ctrl+Q) alike: while a run trains, the user is asked
     * first (no: the window stays and the run goes on). A run under way is then stopped as Stop stops it, and the window
     * stays, saying so, until the run's folder holds all a stopped run keeps (its snapshot where it stopped, its model,
     * its status, its curve): ending the process earlier would leave the run "running" with nothing to resume from.
     * Only then do these services close (the window's place remembered), the window close and {@code exit} run. Call
     * after {@link #placeWindow}.
     */
    public void closeOnRequest(javafx.stage.Stage stage, Runnable exit) {
        stage.setOnCloseRequest(e -> {
            if (quitting) { // on its way out already: a second request waits with the first
                e.consume();
                return;
            }
            if (!mayQuit()) {
                e.consume();
                return;
            }
            var run = main.train().run();
            var fineTuning = main.myDigitsModel();
            java.util.concurrent.CompletableFuture<Void> saved = run.saved();
            boolean runEnded = run.stateProperty().get().canStart() && saved.isDone();
            if (runEnded && !fineTuning.busyProperty().get()) {
                close();
                exit.run();
                return;
            }
            e.consume();
            quitting = true;
            main.showQuitting(runEnded ? STOPPING_FINE_TUNING_BEFORE_QUIT : SAVING_BEFORE_QUIT);
            run.stop();
            // a fine-tuning ends as Stop ends a run, its record then saying stopped, before the workers are told to end;
            // one waiting for the training worker behind a run stops as soon as it starts
            java.util.concurrent.CompletableFuture.allOf(saved, fineTuning.stop()).whenComplete((v, err) -> {
                close();
                stage.hide();
                exit.run();
            });
        });
    }

    /** The question Quit asks while a fine-tuning runs. */
    static final String QUIT_WHILE_FINE_TUNING = "Quit while a fine-tuning runs?";

    /** The question Quit asks while a fine-tuning's result waits for Accept or Discard. */
    static final String QUIT_BEFORE_DECIDING = "Quit before accepting or discarding the fine-tuned model?";

    /** What the window says while a run stopped by quitting is saved. */
    static final String SAVING_BEFORE_QUIT = "Saving the run before quitting…";
    /** What the window says while a fine-tuning stopped by quitting ends and its run's record is written. */
    static final String STOPPING_FINE_TUNING_BEFORE_QUIT = "Stopping the fine-tuning before quitting…";
    /** Set once the window is on its way out, waiting for a run to be saved (FX thread). */
    private boolean quitting;

    /** Quit: asks the window to close, as its close button does (the request may be refused, see {@link #closeOnRequest}). */
    public void quit() {
        javafx.stage.Stage s = stage;
        if (s != null && s.isShowing()) s.fireEvent(new javafx.stage.WindowEvent(s, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
    }

    /**
     * Whether the window may close now: yes, unless a run trains, a fine-tuning runs or waits for Accept or Discard, and
     * the user, asked, keeps the window.
     */
    private boolean mayQuit() {
        var run = main.train().run();
        if (!run.stateProperty().get().active()) {
            if (main.myDigitsModel().busyProperty().get()) {
                return dialogs.confirm(QUIT_WHILE_FINE_TUNING, "Quitting stops the fine-tuning before it is done: its result is lost"
                        + " (Runs lists it as stopped), and your digits and the model in use stay as they are. Cancel keeps the window"
                        + " open until it is done.", "Quit");
            }
            if (main.myDigitsModel().proposalProperty().get() == null) return true;
            return dialogs.confirm(QUIT_BEFORE_DECIDING, "The fine-tuned model waits in My digits for Accept or Discard. Cancel keeps"
                    + " the window open to decide now; after quitting, My digits offers it again on the next launch.", "Quit");
        }
        return dialogs.confirm("Quit while a run trains?", "Quitting stops the run as Stop does: it is saved where it stopped before"
                + " the app quits, and Runs can resume it from there.", "Quit");
    }

    /** The theme and the UI scale. */
    public Appearance appearance() {
        return appearance;
    }

    /** Opens the preferences over the window (Ctrl+,) and waits for them to close. */
    public void showPreferences() {
        new PreferencesDialog(stage, appearance).showAndWait();
    }

    /** The window's scene takes the theme, the scale and the app's shortcuts (Ctrl+,, Ctrl+Q, F10 and Ctrl+1…8). */
    private void attach(javafx.scene.Scene scene) {
        if (scene == null) return;
        appearance.style(scene);
        scene.getAccelerators().put(PREFERENCES, () -> javafx.application.Platform.runLater(this::showPreferences));
        // later, as Preferences: a dialog asking about a running run must not open inside the key event's dispatch
        scene.getAccelerators().put(QUIT, () -> javafx.application.Platform.runLater(this::quit));
        // F10 opens the app's menu, as it opens a desktop app's menu bar
        scene.getAccelerators().put(MENU, main::showMenu);
        main.installShortcuts(scene);
    }

    /**
     * Puts the window where it was last time, at the size it had, moved and shrunk onto the screen it mostly lies on (a
     * monitor may have gone, or be smaller now); else centres it on the main screen at the size a first window has, no
     * larger than that screen. The window's minimum size gives way on a screen smaller than it. Call before
     * {@code stage.show()}.
     */
    public void placeWindow(javafx.stage.Stage stage) {
        attach(stage.getScene());
        stage.sceneProperty().addListener(sceneListener);
        stage.focusedProperty().addListener(focusListener);
        java.util.List<WindowFit.Rect> screens = javafx.stage.Screen.getScreens().stream().map(s -> rect(s.getVisualBounds())).toList();
        boolean maximized = false;
        WindowFit.Rect place = null;
        var saved = last.window();
        if (saved.isPresent()) {
            var w = saved.get();
            place = WindowFit.saved(new WindowFit.Rect(w.x(), w.y(), w.width(), w.height()), screens,
                    DigitStudioApp.MIN_WIDTH, DigitStudioApp.MIN_HEIGHT).orElse(null);
            maximized = place != null && w.maximized();
        }
        if (place == null) {
            place = WindowFit.first(rect(javafx.stage.Screen.getPrimary().getVisualBounds()), DigitStudioApp.WIDTH, DigitStudioApp.HEIGHT,
                    DigitStudioApp.MIN_WIDTH, DigitStudioApp.MIN_HEIGHT);
        }
        // a screen smaller than the app's minimum: the window fits the screen all the same
        stage.setMinWidth(Math.min(stage.getMinWidth(), place.width()));
        stage.setMinHeight(Math.min(stage.getMinHeight(), place.height()));
        stage.setX(place.x());
        stage.setY(place.y());
        stage.setWidth(place.width());
        stage.setHeight(place.height());
        stage.setMaximized(maximized);
        this.stage = stage;
    }

    /** A screen's bounds as {@link WindowFit} takes them. */
    static WindowFit.Rect rect(javafx.geometry.Rectangle2D r) {
        return new WindowFit.Rect(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight());
    }

    private javafx.stage.Stage stage;
    /** Held so that closing removes it: a stage that outlives these services must not keep them reachable. */
    private final javafx.beans.value.ChangeListener<javafx.scene.Scene> sceneListener = this::sceneChanged;
    /** The forms are saved when the window loses the focus (the user turns to another window), held for closing as above. */
    private final javafx.beans.value.ChangeListener<Boolean> focusListener = this::focusChanged;

    private void focusChanged(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean focused) {
        if (!focused) forms.save();
    }

    private void sceneChanged(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene old, javafx.scene.Scene scene) {
        if (old != null) appearance.forget(old); // a scene the stage no longer shows is not kept styled, nor alive
        attach(scene);
    }

    /** Remembers the window's place and size (the size it had before being maximized, if it is). */
    private void rememberWindow() {
        javafx.stage.Stage s = stage;
        if (s == null || Double.isNaN(s.getX()) || s.getWidth() <= 0) return;
        if (s.isMaximized()) {
            LastSession.Window was = last.window().orElse(null);
            if (was != null) last.window(new LastSession.Window(was.x(), was.y(), was.width(), was.height(), true));
            else last.window(new LastSession.Window(s.getX(), s.getY(), s.getWidth(), s.getHeight(), true));
        } else {
            last.window(new LastSession.Window(s.getX(), s.getY(), s.getWidth(), s.getHeight(), false));
        }
    }

    /** What the forms keep: the Train form's values as the user's own (not a branch's), and the Sweeps form's if it was opened. */
    private java.util.Map<String, java.util.Map<String, String>> formValues() {
        var train = main.train();
        java.util.Map<String, java.util.Map<String, String>> m = new java.util.LinkedHashMap<>();
        m.put(LastSession.TRAIN_FORM, train.settings().memory(train.run().ownValues()));
        var sweeps = main.sweepsIfBuilt();
        if (sweeps != null) m.put(LastSession.SWEEPS_FORM, sweeps.viewModel().memory());
        return m;
    }

    /** Tells the services the window is on screen, so the engine may start: call after {@code stage.show()}. */
    public void windowShown(javafx.stage.Stage stage) {
        // the first frame is drawn at the end of the pulse that lays the window out: start right after it
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            stage.getScene().removePostLayoutPulseListener(once[0]);
            Platform.runLater(firstFrame::drawn);
        };
        stage.getScene().addPostLayoutPulseListener(once[0]);
    }

    public MainView main() {
        return main;
    }

    public WorkerExecutor tasks() {
        return tasks;
    }

    public ModelManager models() {
        return models;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public ReadOnlyStringProperty engineStatusProperty() {
        return engineStatus.getReadOnlyProperty();
    }

    @Override
    public void close() {
        rememberWindow();
        forms.close();
        if (stage != null) {
            stage.sceneProperty().removeListener(sceneListener);
            stage.focusedProperty().removeListener(focusListener);
        }
        main.train().run().stop();
        tasks.close();
    }
}
