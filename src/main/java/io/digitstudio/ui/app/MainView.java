package io.digitstudio.ui.app;

import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.draw.DrawView;
import io.digitstudio.ui.draw.DrawViewModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.samples.SamplesView;
import io.digitstudio.ui.samples.SamplesViewModel;
import io.digitstudio.ui.train.RunControl;
import io.digitstudio.ui.train.RunPresenter;
import io.digitstudio.ui.train.TrainSettings;
import io.digitstudio.ui.train.TrainView;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/**
 * The window's content, wired here and only here: the Train, Samples, Evaluate and Draw views as tabs over one set of
 * services (executor, dialogs, the model manager), and the engine's status while it starts. Every view but Train's is
 * built when its tab is first opened (its view model from the start), so the first frame builds, styles and lays out
 * only what it shows; a click on the matrix opens the gallery on those images.
 */
public final class MainView extends BorderPane {
    private final TrainView train;
    private final DrawViewModel drawing;
    private final io.digitstudio.ui.explain.ExplainViewModel drawingExplained;
    private final Tab drawTab;
    private DrawView draw;
    private final TabPane tabs;
    private final Tab samplesTab;
    private final TaskExecutor tasks;
    private final ModelManager models;
    private SamplesView samples;
    private final io.digitstudio.ui.explain.NeighbourIndexes neighbourIndexes;
    private final Tab evaluateTab;
    private final DialogService dialogs;
    private io.digitstudio.ui.evaluate.EvaluateView evaluate;
    private final io.digitstudio.ui.evaluate.EvaluateViewModel evaluation;

    private final io.digitstudio.runs.RunStore history;
    /** The machine's cores, shared by the Train view's run and a sweep's runs. */
    private final io.digitstudio.ui.core.CoreBudget cores = io.digitstudio.ui.core.CoreBudget.ofThisMachine();
    private final io.digitstudio.ui.pins.Pins pins;
    private final Tab insideTab;
    private final io.digitstudio.ui.inside.InsideViewModel inside;
    private io.digitstudio.ui.inside.InsideView insideView;
    private final Tab runsTab;
    private final Tab sweepsTab;
    private io.digitstudio.ui.sweeps.SweepsView sweeps;
    private io.digitstudio.ui.runs.RunsView runs;
    private final io.digitstudio.ui.mydigits.MyDigitsViewModel myDigits;
    private final Tab myDigitsTab;
    private io.digitstudio.ui.mydigits.MyDigitsView myDigitsView;
    /** The matrix cell (truth, prediction) whose images the gallery shows, until the gallery is left (null: none). */
    private int[] openedCell;

    public MainView(TaskExecutor tasks, DialogService dialogs, ModelManager models, ReadOnlyStringProperty engineStatus) {
        this(tasks, dialogs, models, engineStatus, new io.digitstudio.runs.RunStore(io.digitstudio.runs.RunStore.defaultRoot()),
                new io.digitstudio.mydigits.MyDigits(io.digitstudio.mydigits.MyDigits.defaultFolder()));
    }

    public MainView(TaskExecutor tasks, DialogService dialogs, ModelManager models, ReadOnlyStringProperty engineStatus, io.digitstudio.runs.RunStore history,
                    io.digitstudio.mydigits.MyDigits myDigits) {
        this(tasks, dialogs, models, engineStatus, history, myDigits, io.digitstudio.ui.pins.Pins.inMemory());
    }

    /** With the pinned digits that Draw and Samples pin and the Train view shows as a run learns them. */
    public MainView(TaskExecutor tasks, DialogService dialogs, ModelManager models, ReadOnlyStringProperty engineStatus, io.digitstudio.runs.RunStore history,
                    io.digitstudio.mydigits.MyDigits myDigits, io.digitstudio.ui.pins.Pins pins) {
        this.pins = pins;
        this.history = history;
        this.myDigits = new io.digitstudio.ui.mydigits.MyDigitsViewModel(tasks, dialogs, models, myDigits, history);
        this.tasks = tasks;
        this.models = models;
        this.dialogs = dialogs;
        getStyleClass().add("main-view");
        TrainSettings settings = new TrainSettings();
        RunPresenter presenter = new RunPresenter();
        train = new TrainView(settings, new RunControl(settings, presenter, tasks, dialogs, models, history, cores), presenter, tasks, dialogs);
        // one index per model for every view that explains, however many show one
        neighbourIndexes = new io.digitstudio.ui.explain.NeighbourIndexes(tasks, io.digitstudio.explain.IndexCache.user(),
                () -> io.digitstudio.data.Mnist.bundled().train());
        drawing = new DrawViewModel(tasks, dialogs, models);
        drawing.setPins(pins); // before the view: it shows Pin only with somewhere to pin to
        drawingExplained = new io.digitstudio.ui.explain.ExplainViewModel(tasks, models, neighbourIndexes);
        drawTab = tab("Draw", "drawTab", null);
        drawTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) draw();
        });
        // the evaluation follows a run's validations from the start, whether or not its tab has been opened yet
        evaluation = new io.digitstudio.ui.evaluate.EvaluateViewModel(tasks, dialogs, models);
        presenter.validationMatrixProperty().addListener((o, a, m) -> {
            if (m != null) evaluation.showValidation(m.epoch(), m.matrix(), m.loss(), m.model(), m.classNames(), m.data(), m.set());
        });
        // the run's last validation is shown before its state says it has ended, so this mark is the matrix's own run's
        train.run().stateProperty().addListener((o, a, s) -> {
            if (s.canStart()) evaluation.runEnded();
        });
        samplesTab = tab("Samples", "samplesTab", null);
        samplesTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) samples();
        });
        evaluateTab = tab("Evaluate", "evaluateTab", null);
        evaluateTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) evaluate();
        });
        runsTab = tab("Runs", "runsTab", null);
        runsTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) runs().viewModel().refresh();
        });
        // the history changes when a run starts or ends, and a run's record grows every epoch: an open Runs tab follows
        train.run().historyChangesProperty().addListener((o, a, b) -> {
            if (runs != null) runs.viewModel().refresh();
        });
        presenter.epochRows().addListener((javafx.collections.ListChangeListener<io.digitstudio.train.EpochReport>) c -> {
            if (runs != null && runsTab.isSelected()) runs.viewModel().refresh();
        });
        // the Inside view: computed only while shown; a run sends its weights and health only then
        inside = new io.digitstudio.ui.inside.InsideViewModel(tasks, models);
        insideTab = tab("Inside", "insideTab", null);
        insideTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) inside();
            inside.setVisible(selected);
            train.run().watchInside(selected);
        });
        presenter.liveWeightsProperty().addListener((o, a, w) -> {
            if (w != null && insideTab.isSelected()) inside.showLiveWeights(w.epochDetail(), w.tiles());
        });
        presenter.healthSamplesProperty().addListener((o, a, h) -> {
            if (h != null) inside.addHealth(h);
        });
        // Inside looks at the digit last looked at: the one selected in Draw (the only digit, or one of a number's),
        // whenever it changes or Draw is shown again after Samples, or the image picked in Samples; a cleared canvas
        // leaves Inside nothing of Draw's to show
        drawing.inputProperty().addListener((o, a, x) -> lookInsideAtDrawing());
        drawTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected && insideSeesSample) lookInsideAtDrawing();
        });
        inside.warningProperty().addListener((o, a, w) -> insideTab.setText(w.isEmpty() ? "Inside" : "Inside ⚠"));
        // a digit pinned in Draw or Samples is classified by every run from then on, and shown in the Train view
        train.showPins(pins);
        // a drawing kept in Draw (Enter, or a digit key to correct it) joins My digits
        drawing.setCollector(this.myDigits::add);
        drawing.setRelabeller(this.myDigits::relabel);
        myDigitsTab = tab("My digits", "myDigitsTab", null);
        myDigitsTab.selectedProperty().addListener((o, a, selected) -> {
            if (!selected) return;
            myDigits();
            this.myDigits.refresh(); // the command line may have imported some meanwhile
        });
        this.myDigits.refresh();
        sweepsTab = tab("Sweeps", "sweepsTab", null);
        sweepsTab.selectedProperty().addListener((o, a, selected) -> {
            // the command line may have run sweeps meanwhile; a view built now reads them as it is made
            if (selected && sweeps != null) sweeps.viewModel().refreshSweeps();
            else if (selected) sweeps();
        });
        Tab trainTab = tab("Train", "trainTab", train);
        // a run's end is said in the Train view while it shows, and in a toast while another view does
        train.run().shownProperty().bind(trainTab.selectedProperty());
        // the command line may have deleted the run the view shows, or trained it on, meanwhile: shown again, it looks
        trainTab.selectedProperty().addListener((o, a, selected) -> {
            if (selected) train.run().checkShownRun();
        });
        tabs = new TabPane(trainTab, samplesTab, evaluateTab, drawTab, myDigitsTab, insideTab, runsTab, sweepsTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        io.digitstudio.ui.widgets.TabStrips.followFont(tabs);
        // a view that goes away takes the keyboard's place with it: the tab strip takes the focus (its ring shows which
        // view is open, Tab goes into it), unless the new view has put the focus somewhere of its own
        tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> javafx.application.Platform.runLater(() -> {
            javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
            if (owner != null && !shown(owner)) tabs.requestFocus();
        }));
        setCenter(withMenu(tabs));
        // a control that turns itself off hands the keyboard to its view's main control, or to the tab strip, never
        // to whichever button comes next (Undo handed it to Delete)
        // the command line changes the history too: back in the window, an open Runs tab reads it again, and an open Train
        // view looks at the files of the run it shows. The listener
        // leaves a window this view leaves: a window outlives the views shown in it (a stage given another scene)
        javafx.beans.value.ChangeListener<Boolean> backInTheWindow = (f, wasFocused, focused) -> {
            if (focused && runs != null && runsTab.isSelected()) runs.viewModel().refresh();
            if (focused && trainTab.isSelected()) train.run().checkShownRun();
        };
        javafx.beans.value.ChangeListener<javafx.stage.Window> windowed = (w, was, window) -> {
            if (was != null) was.focusedProperty().removeListener(backInTheWindow);
            if (window != null) window.focusedProperty().addListener(backInTheWindow);
        };
        sceneProperty().addListener((o, a, scene) -> {
            if (a != null) {
                a.windowProperty().removeListener(windowed);
                if (a.getWindow() != null) a.getWindow().focusedProperty().removeListener(backInTheWindow);
            }
            if (scene != null) {
                scene.windowProperty().addListener(windowed);
                if (scene.getWindow() != null) scene.getWindow().focusedProperty().addListener(backInTheWindow);
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && !scene.getProperties().containsKey(FOCUS_HOME)) {
                scene.getProperties().put(FOCUS_HOME, true);
                io.digitstudio.ui.widgets.FocusHome.install(scene, () -> tabs);
            }
        });
        engineLine = new Label();
        engineLine.setId("engineStatus");
        engineLine.getStyleClass().add("engine-status");
        engineLine.textProperty().bind(engineStatus);
        engineLine.visibleProperty().bind(engineStatus.isNotEqualTo("Ready"));
        quittingNotice.setId("quittingNotice");
        quittingNotice.getStyleClass().add("quitting-notice");
        quittingNotice.setVisible(false);
    }

    private final Label quittingNotice = new Label();
    private static final String FOCUS_HOME = "focusHomeInstalled";

    /**
     * What the window says over its views while it waits to close (a run being saved before the app quits), shown by
     * {@link #showQuitting}; the scene puts it in the middle of the window.
     */
    public Label quittingNotice() {
        return quittingNotice;
    }

    /**
     * Says {@code text} over the views until the window closes, and takes no more input in them: nothing started now
     * would be finished before the app exits.
     */
    void showQuitting(String text) {
        quittingNotice.setText(text);
        quittingNotice.setVisible(true);
        setDisable(true);
    }

    private final Label engineLine;

    private final javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton();
    private final javafx.scene.control.MenuItem preferencesItem = new javafx.scene.control.MenuItem("_Preferences…");
    private final javafx.scene.control.MenuItem quitItem = new javafx.scene.control.MenuItem("_Quit");

    /**
     * The tabs with the app's menu at the right end of their strip, where desktop apps keep theirs: Preferences and Quit,
     * each with its shortcut, found with the pointer and by F10 (a user who knows no Ctrl+, finds them). The
     * strip keeps that room free for it (theme.css), so no tab goes under it; the menu is as tall as the strip.
     */
    private javafx.scene.layout.StackPane withMenu(TabPane tabs) {
        tabs.getStyleClass().add("main-tabs");
        menu.setId("mainMenuButton");
        menu.getStyleClass().addAll("main-menu", "no-arrow");
        javafx.scene.layout.Region icon = new javafx.scene.layout.Region();
        icon.getStyleClass().add("main-menu-icon");
        menu.setGraphic(icon);
        // its name as text too, unseen: the skin's label is what some readers read, and an empty one reads as nothing
        menu.setText("Menu");
        menu.setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        io.digitstudio.ui.widgets.ScreenReader.describe(menu, "Menu", "Preferences and Quit; F10 opens it");
        io.digitstudio.ui.widgets.Tips.set(menu, "Menu (F10): Preferences, Quit");
        preferencesItem.setId("preferencesItem");
        quitItem.setId("quitItem");
        menu.getItems().setAll(preferencesItem, new javafx.scene.control.SeparatorMenuItem(), quitItem);
        // the menu hangs from the button's right edge, into the window: from its left edge (the stock place) it ran
        // past the window's right edge at 1024x700, and off the screen at a large scale
        menu.setOnShown(e -> alignMenuRight());
        // as a desktop app's menu bar, no Tab stop: F10 reaches it; in the Tab order it would come after each view's
        // last control, up at the strip's end, against the reading order Tab keeps
        menu.setFocusTraversable(false);
        // placed by the holder alone: the stack would size it too, each layout undoing the other's and asking for one
        // more, a layout on every pulse for as long as the window is open
        menu.setManaged(false);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(tabs, menu) {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                // the strip as this pass sizes it (a new scale, a new font): a parent lays out its children after
                // itself, so without this the strip would still have the previous pass's height (none at the first),
                // and the menu would keep it
                tabs.layout();
                double h = 0;
                for (javafx.scene.Node n : tabs.getChildrenUnmodifiable()) {
                    if (n.getStyleClass().contains("tab-header-area")) {
                        h = n.getLayoutBounds().getHeight();
                        if (n instanceof javafx.scene.layout.Region area) crowd(tabs, area);
                    }
                }
                if (h <= 0) h = menu.prefHeight(-1);
                double w = menu.prefWidth(h);
                menu.resizeRelocate(getWidth() - snappedRightInset() - w, snappedTopInset(), w, h);
            }
        };
        javafx.scene.layout.StackPane.setAlignment(menu, javafx.geometry.Pos.TOP_RIGHT);
        return holder;
    }

    /** Moves the open menu's popup so that its right edge is the button's, and its left edge inside the window. */
    private void alignMenuRight() {
        for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
            if (!(w instanceof javafx.scene.control.ContextMenu popup) || !popup.isShowing() || popup.getOwnerNode() != menu) continue;
            javafx.scene.Node drawn = popup.getSkin() == null ? null : popup.getSkin().getNode();
            javafx.geometry.Bounds button = menu.localToScreen(menu.getLayoutBounds());
            if (drawn == null || button == null) return;
            javafx.geometry.Bounds shown = drawn.localToScreen(drawn.getLayoutBounds());
            double x = popup.getX() + button.getMaxX() - shown.getMaxX();
            javafx.stage.Window window = menu.getScene() == null ? null : menu.getScene().getWindow();
            if (window != null) x = Math.max(x, popup.getX() + window.getX() - shown.getMinX());
            popup.setX(x);
            return;
        }
    }

    /** The room a tab takes beside its title at the strip's own density, in em of the title's font (measured once shown). */
    private double tabRoomEm = 2.2;

    /**
     * The strip at AtlantaFX's dense density (less room beside each title) while its tabs at their own would not fit
     * beside the menu: at 175 % in the smallest window the last tab ran under the menu, and TabPane's overflow takes
     * no account of the room the strip keeps free for it. The titles stay whole either way.
     */
    private void crowd(TabPane tabs, javafx.scene.layout.Region area) {
        boolean dense = tabs.getStyleClass().contains("dense");
        javafx.scene.text.Text probe = new javafx.scene.text.Text();
        double texts = 0, em = 0;
        int n = 0;
        for (javafx.scene.Node tab : area.lookupAll(".tab")) {
            if (!(tab instanceof javafx.scene.layout.Region r) || !(r.lookup(".tab-label") instanceof javafx.scene.control.Labeled label)) continue;
            probe.setFont(label.getFont());
            probe.setText(label.getText() == null ? "" : label.getText());
            double text = probe.getLayoutBounds().getWidth();
            em = label.getFont().getSize();
            if (!dense && r.getWidth() > text) tabRoomEm = Math.max(tabRoomEm, (r.getWidth() - text) / em);
            texts += text;
            n++;
        }
        if (n == 0 || area.getWidth() <= 0) return;
        double room = area.getWidth() - area.snappedLeftInset() - area.snappedRightInset() - 4;
        boolean crowded = texts + n * tabRoomEm * em > room;
        if (crowded != dense) {
            if (crowded) tabs.getStyleClass().add("dense");
            else tabs.getStyleClass().remove("dense");
        }
    }

    /** The app's menu at the tab strip's end. */
    public javafx.scene.control.MenuButton menu() {
        return menu;
    }

    /** The menu's Preferences… item (the app wires it to the dialog). */
    javafx.scene.control.MenuItem preferencesItem() {
        return preferencesItem;
    }

    /** The menu's Quit item (the app wires it to the window's way out). */
    javafx.scene.control.MenuItem quitItem() {
        return quitItem;
    }

    /** Opens the app's menu from the keyboard (F10), the keyboard on it. */
    void showMenu() {
        menu.requestFocus();
        if (!menu.isShowing()) menu.show();
    }

    /**
     * What the engine is doing while it starts (or why it could not), shown over the views' bottom left corner (their
     * status line) while no toast shows: a line above the views would move them all when it went, under the pointer of
     * a user who clicks as soon as the window shows.
     */
    public Label engineLine() {
        return engineLine;
    }

    private static boolean shown(javafx.scene.Node n) {
        for (; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    private static Tab tab(String title, String id, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    public TrainView train() {
        return train;
    }

    /** My digits' view model, which is there before its view is built (a fine-tuning waiting for an answer). */
    io.digitstudio.ui.mydigits.MyDigitsViewModel myDigitsModel() {
        return myDigits;
    }

    /** My digits, built on first use. */
    public io.digitstudio.ui.mydigits.MyDigitsView myDigits() {
        if (myDigitsView == null) {
            myDigitsView = new io.digitstudio.ui.mydigits.MyDigitsView(myDigits);
            myDigitsTab.setContent(myDigitsView);
        }
        return myDigitsView;
    }

    /** Whether Inside's input is an image picked in Samples (else Draw's digit, or none). */
    private boolean insideSeesSample;

    /** Inside looks at Draw's selected digit, or at nothing when the canvas is empty. */
    private void lookInsideAtDrawing() {
        float[] x = drawing.inputProperty().get();
        if (x == null && insideSeesSample) return; // a canvas cleared while Inside shows a picked sample
        insideSeesSample = false;
        if (x == null) inside.forget();
        else inside.look(x, drawing.inputName());
    }

    /** The Inside view, built on first use. */
    public io.digitstudio.ui.inside.InsideView inside() {
        if (insideView == null) {
            insideView = new io.digitstudio.ui.inside.InsideView(inside);
            insideTab.setContent(insideView);
        }
        return insideView;
    }

    /** The gallery, built on first use. */
    public SamplesView samples() {
        if (samples == null) {
            SamplesViewModel model = new SamplesViewModel(tasks, models, new io.digitstudio.ui.explain.ExplainViewModel(tasks, models, neighbourIndexes));
            model.setPins(pins);
            samples = new SamplesView(model);
            samplesTab.setContent(samples);
            // Esc in the gallery that a matrix cell opened closes it: back to the matrix, on that cell; heard by the
            // whole window, wherever in it the focus is (the tab strip, a scroll pane around the gallery)
            addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() != javafx.scene.input.KeyCode.ESCAPE || openedCell == null || evaluate == null || !samplesTab.isSelected()) return;
                int[] cell = openedCell;
                selectTab("evaluateTab");
                evaluate.focusCell(cell[0], cell[1]);
                e.consume();
            });
            samplesTab.selectedProperty().addListener((o, a, selected) -> {
                if (!selected) openedCell = null;
            });
            // the image chosen in the gallery is what the Inside view looks at
            SamplesViewModel svm = samples.viewModel();
            svm.selectedProperty().addListener((o, a, i) -> {
                io.digitstudio.data.LabeledImages set = svm.imagesProperty().get();
                if (set == null || i.intValue() < 0 || i.intValue() >= set.size()) return;
                float[] x = new float[set.featureSize()];
                set.copyFeatures(i.intValue(), x, 0);
                insideSeesSample = true;
                inside.look(x, set.name() + " image " + i + " (label " + set.label(i.intValue()) + ")");
            });
        }
        return samples;
    }

    /** The evaluation view, built on first use. */
    public io.digitstudio.ui.evaluate.EvaluateView evaluate() {
        if (evaluate == null) {
            evaluate = new io.digitstudio.ui.evaluate.EvaluateView(evaluation);
            evaluate.shownProperty().bind(evaluateTab.selectedProperty());
            evaluateTab.setContent(evaluate);
            // a cell of the matrix opens exactly the images it counts, from the set the matrix was computed on
            evaluate.setOnCellChosen((split, truth, predicted) -> {
                var e = evaluation.evaluationProperty().get();
                var builtIn = e == null ? null : e.builtInSet();
                if (builtIn != null && e.matrix().hasExamples()) {
                    // the evaluation says which built-in set it classified: the gallery shows that set by name
                    // with the answers of the model the matrix is of: a run's, evaluated from Runs, need not be the one in use
                    samples().viewModel().showCell(builtIn == io.digitstudio.ui.evaluate.EvaluateViewModel.Split.TEST
                            ? SamplesViewModel.Split.TEST : SamplesViewModel.Split.TRAIN, e.setLabel(), truth, predicted, e.matrix().examples(truth, predicted),
                            e.model());
                } else if (e != null && e.set() != null && e.matrix().hasExamples()) {
                    samples().viewModel().showCell(e.set(), e.setLabel(), truth, predicted, e.matrix().examples(truth, predicted), e.model());
                } else if (split == io.digitstudio.ui.evaluate.EvaluateViewModel.Split.FOLDER && e != null && e.set() != null) {
                    samples().viewModel().showConfusion(e.set(), truth, predicted);
                } else {
                    samples().viewModel().showConfusion(split == io.digitstudio.ui.evaluate.EvaluateViewModel.Split.TEST
                            ? SamplesViewModel.Split.TEST : SamplesViewModel.Split.TRAIN, truth, predicted);
                }
                selectTab("samplesTab");
                openedCell = new int[]{truth, predicted};
                samples().grid().requestFocus();
            });
        }
        return evaluate;
    }

    /** What the Sweeps form held when the app last closed, put in it when the view is built. */
    private java.util.Map<String, String> sweepsRemembered = java.util.Map.of();

    /** Puts what the Sweeps form held last time in it, now or when the view is first built. */
    public void rememberedSweeps(java.util.Map<String, String> form) {
        sweepsRemembered = java.util.Map.copyOf(form);
        if (sweeps != null) sweeps.viewModel().recall(form);
    }

    /** Runs after each change to the Train form, and to the Sweeps form once it is built (null: none). */
    private Runnable formEdited;

    /** Runs {@code r} (UI thread) after each change to the Train form, and to the Sweeps form once its view is built. */
    public void onFormEdit(Runnable r) {
        formEdited = r;
        train.settings().editsProperty().addListener((o, a, b) -> r.run());
        if (sweeps != null) sweeps.viewModel().editsProperty().addListener((o, a, b) -> r.run());
    }

    /** The Sweeps view if it has been built (null: the tab was never opened, and its form holds what it was given). */
    public io.digitstudio.ui.sweeps.SweepsView sweepsIfBuilt() {
        return sweeps;
    }

    /** The Sweeps view, built on first use; its runs go into the same history as the Runs view's. */
    public io.digitstudio.ui.sweeps.SweepsView sweeps() {
        if (sweeps == null) {
            io.digitstudio.ui.sweeps.SweepsViewModel vm = new io.digitstudio.ui.sweeps.SweepsViewModel(tasks, dialogs, history,
                    io.digitstudio.runs.sweep.SweepRunner::selfCommand, cores);
            // a run of the sweep finishing changes the history: an open Runs tab follows
            vm.resultProperty().addListener((o, a, r) -> {
                if (runs != null && runsTab.isSelected()) runs.viewModel().refresh();
            });
            vm.recall(sweepsRemembered);
            Runnable edited = formEdited;
            if (edited != null) vm.editsProperty().addListener((o, a, b) -> edited.run());
            sweeps = new io.digitstudio.ui.sweeps.SweepsView(vm);
            sweepsTab.setContent(sweeps);
        }
        return sweeps;
    }

    /** The run history, built on first use; its actions open the other views. */
    public io.digitstudio.ui.runs.RunsView runs() {
        if (runs == null) {
            io.digitstudio.ui.runs.RunsViewModel vm = new io.digitstudio.ui.runs.RunsViewModel(tasks, dialogs, history, models);
            vm.setActions(new io.digitstudio.ui.runs.RunsViewModel.Actions() {
                @Override
                public void openModel(java.nio.file.Path model, String name) {
                    // one click replaces the model in use: its message offers Undo
                    models.openUndoably(model).whenComplete((m, err) -> {
                        if (err == null) selectTab("drawTab");
                        else if (runs != null) runs.viewModel().refresh(); // its run may be gone: the list says so and drops it
                    });
                }

                @Override
                public void evaluate(java.nio.file.Path model, String name) {
                    // evaluates only: Draw, Samples and Inside keep the model in use (Runs → Open in Draw puts a run's to use)
                    models.load(model).whenComplete((m, err) -> {
                        if (err != null) {
                            if (runs != null) runs.viewModel().refresh(); // its run may be gone: the list says so and drops it
                            return;
                        }
                        selectTab("evaluateTab");
                        evaluation.evaluate(m);
                    });
                }

                @Override
                public void rerun(io.digitstudio.runs.RunSummary run) {
                    if (train.run().runAgain(run)) selectTab("trainTab");
                }

                @Override
                public void resume(io.digitstudio.runs.RunSummary run, java.nio.file.Path snapshot) {
                    if (train.run().setUpResume(run, snapshot)) selectTab("trainTab");
                }

                @Override
                public void branch(io.digitstudio.runs.RunSummary run, io.digitstudio.ui.runs.RunsViewModel.BranchChoice point) {
                    if (train.run().setUpBranch(run, point.spec(), point.label(), point.epoch())) selectTab("trainTab");
                }

                @Override
                public void deleted(String id) {
                    train.run().runDeleted(id);
                }
            });
            runs = new io.digitstudio.ui.runs.RunsView(vm);
            runsTab.setContent(runs);
        }
        return runs;
    }

    /** The Draw view's model, there from the start (before its view is first shown): the app sets its remembered looks. */
    public DrawViewModel drawing() {
        return drawing;
    }

    /** The Draw view, built on first use (its view model from the start: pins and My digits reach it). */
    public DrawView draw() {
        if (draw == null) {
            draw = new DrawView(drawing, drawingExplained);
            drawTab.setContent(draw);
        }
        return draw;
    }

    /** Selects the tab with this id ("trainTab", "samplesTab", "evaluateTab", "drawTab", "myDigitsTab", "insideTab", "runsTab"). */
    public void selectTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    /** Ctrl+1 … Ctrl+7 (Cmd on a Mac): the tabs in their order, from wherever the focus is. */
    void installShortcuts(javafx.scene.Scene scene) {
        for (int i = 0; i < tabs.getTabs().size() && i < 9; i++) {
            Tab t = tabs.getTabs().get(i);
            javafx.scene.input.KeyCode digit = javafx.scene.input.KeyCode.valueOf("DIGIT" + (i + 1));
            Runnable select = () -> {
                tabs.getSelectionModel().select(t);
                tabs.requestFocus();
            };
            scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(digit, javafx.scene.input.KeyCombination.SHORTCUT_DOWN), select);
            scene.getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.valueOf("NUMPAD" + (i + 1)),
                    javafx.scene.input.KeyCombination.SHORTCUT_DOWN), select);
        }
    }

    public TabPane tabs() {
        return tabs;
    }
}
