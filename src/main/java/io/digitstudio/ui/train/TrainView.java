package io.digitstudio.ui.train;

import io.digitstudio.train.EpochReport;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.FxTicker;
import io.digitstudio.ui.core.FileWrites;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.widgets.ChartExport;
import io.digitstudio.ui.widgets.Formats;
import io.digitstudio.ui.widgets.LiveChart;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Click-to-train: the settings form on the left, live loss and accuracy charts with the epoch table in the middle,
 * progress in the status bar. The settings, the run and its presentation each have their own view model; a ticker
 * drains the run's feed every {@link #PUMP_MILLIS} ms.
 */
public final class TrainView extends BorderPane {
    /** The epoch table's rows: at least these whole, and room wanted for the more where there is room. */
    private static final int TABLE_LEAST_ROWS = 4, TABLE_WANTED_ROWS = 6;
    /**
     * How often the run's feed is drained: 8 times a second. The texts change every second tick (4 times a second,
     * {@link RunPresenter#UI_INTERVAL_NANOS}) and the charts every eighth, as they did with a pump twice as fast; each
     * tick wakes the UI thread (and the toolkit's dispatcher) on the cores the run trains on, so ticks that could show
     * nothing new are not made.
     */
    static final long PUMP_MILLIS = 125;
    public static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination STOP = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);

    private final TrainSettings settings;
    private final RunControl run;
    private final RunPresenter presenter;
    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final LiveChart lossChart;
    private final LiveChart accuracyChart;
    private final LiveChart lrChart;
    private final HBox chartsBox;
    /** The loss chart, and under it the learning-rate chart where the centre's height holds both above the table. */
    private final VBox lossColumn;
    private final TableView<EpochReport> table;
    private final DataPicker dataPicker;
    private boolean scrollToNewest;
    private final LrFindViewModel lrFind;
    private final VBox center;
    private PinnedPane pinned;
    private final SettingsPane settingsPane;

    /**
     * Shows the pinned digits under the charts and has every run classify them as it learns (the pins can change
     * during a run: the run follows from its next iteration).
     */
    public void showPins(io.digitstudio.ui.pins.Pins pins) {
        if (shownPins != null) return;
        shownPins = pins;
        // the strip under the charts is made when the first digit is pinned: while none is, it is hidden
        pins.list().addListener((ListChangeListener<io.digitstudio.ui.pins.Pins.Pin>) c -> {
            run.pin(pins.inputs());
            pinnedPane();
        });
        run.pin(pins.inputs());
        pinnedPane();
        // the bars name the run's classes (garments for Fashion-MNIST)
        presenter.validationMatrixProperty().addListener((o, a, m) -> {
            if (m == null) return;
            pinnedClasses = m.classNames();
            if (pinned != null) pinned.setClasses(pinnedClasses);
        });
    }

    private io.digitstudio.ui.pins.Pins shownPins;
    private List<String> pinnedClasses;

    private void pinnedPane() {
        if (pinned != null || shownPins.list().isEmpty()) return;
        pinned = new PinnedPane(shownPins, presenter);
        if (pinnedClasses != null) pinned.setClasses(pinnedClasses);
        center.getChildren().add(1, pinned);
    }

    public TrainView(TrainSettings settings, RunControl run, RunPresenter presenter, TaskExecutor tasks, DialogService dialogs) {
        this.settings = settings;
        this.run = run;
        this.presenter = presenter;
        this.tasks = tasks;
        this.dialogs = dialogs;
        getStyleClass().add("train-view");
        lossChart = chart("Loss", "loss", "lossChart");
        lossChart.addSeries(presenter.trainLoss());
        lossChart.addSeries(presenter.valLoss());
        lossChart.forceZeroInRangeProperty().set(true);
        accuracyChart = chart("Accuracy", "accuracy", "accuracyChart");
        lrChart = chart("Learning rate", "lr", "lrChart");
        lrChart.setLegendVisible(false);
        lrChart.addSeries(presenter.learningRate());
        lrChart.getStyleClass().add("lr-chart"); // its heights in em (theme.css): room for two y ticks at any UI scale
        lrChart.forceZeroInRangeProperty().set(true);
        // a steady rate is a line a little below the top, not hidden on the plot's edge
        presenter.learningRate().addListener(() -> {
            double[] r = presenter.learningRate().yRange();
            lrChart.yUpperBoundProperty().set(r == null || !(r[1] > 0) || !Double.isFinite(r[1]) ? Double.NaN : r[1] * 1.25);
        });
        accuracyChart.addSeries(presenter.trainAccuracy());
        accuracyChart.addSeries(presenter.valAccuracy());
        accuracyChart.yUpperBoundProperty().set(1);
        accuracyChart.yLowerBoundProperty().bind(presenter.accuracyFloorProperty());
        accuracyChart.yTickUnitProperty().bind(Bindings.createDoubleBinding(() -> presenter.accuracyFloorProperty().get() >= 0.6 ? 0.05 : 0.1,
                presenter.accuracyFloorProperty()));
        // the epoch axes span the run (the form's epochs before one): fixed, so the charts need no new ticks per update
        presenter.plannedEpochsProperty().addListener((o, a, e) -> spanEpochs(e.intValue()));
        spanEpochs(presenter.plannedEpochsProperty().get());
        // the three charts plot the same epochs: their epoch axes tick alike, whatever each one's y labels leave it
        LiveChart.shareXTicks(lossChart, lrChart, accuracyChart);

        lossColumn = new VBox(4, lossChart, lrChart);
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        chartsBox = new HBox(8, lossColumn, accuracyChart);
        HBox.setHgrow(lossColumn, Priority.ALWAYS);
        HBox.setHgrow(accuracyChart, Priority.ALWAYS);
        VBox.setVgrow(chartsBox, Priority.ALWAYS);
        table = epochTable();
        // the table (its header, columns and rows, 60 nodes) comes right after the first frame, in the room kept for it:
        // as high as the empty table keeps itself (TableHeights.estimate in the font in force), so nothing moves when it
        // comes. A label without text, for the font the UI scale puts in force
        Label tableRoom = new Label();
        tableRoom.setId("epochTableReserve");
        tableRoom.setMaxWidth(Double.MAX_VALUE);
        Runnable keep = () -> {
            double em = tableRoom.getFont().getSize();
            tableRoom.setMinHeight(io.digitstudio.ui.widgets.TableHeights.estimate(em, TABLE_LEAST_ROWS));
            tableRoom.setPrefHeight(io.digitstudio.ui.widgets.TableHeights.estimate(em, TABLE_WANTED_ROWS));
        };
        tableRoom.fontProperty().addListener((o, a, f) -> keep.run());
        keep.run();
        center = new VBox(8, chartsBox, tableRoom);
        io.digitstudio.ui.widgets.AfterFirstFrame.after(center, () -> {
            // until it is styled the table knows only the default font: it starts at the room's size, in the font in force
            table.setMinHeight(tableRoom.getMinHeight());
            table.setPrefHeight(tableRoom.getPrefHeight());
            center.getChildren().set(center.getChildren().indexOf(tableRoom), table);
        });
        center.setPadding(new Insets(8));
        // the learning-rate finder takes the charts' place while it is open
        lrFind = new LrFindViewModel(settings, tasks, io.digitstudio.train.LrFinder.Range.DEFAULT, run.cores());
        center.visibleProperty().bind(lrFind.shownProperty().not());
        javafx.scene.layout.StackPane middle = new javafx.scene.layout.StackPane(center);
        // built when first opened: the first frame need not style and lay out a pane it does not show
        lrFind.shownProperty().addListener((o, was, is) -> {
            if (!is || middle.getChildren().size() > 1) return;
            LrFindPane finder = new LrFindPane(lrFind);
            finder.visibleProperty().bind(lrFind.shownProperty());
            middle.getChildren().add(finder);
        });

        BooleanBinding locked = Bindings.createBooleanBinding(() -> !run.stateProperty().get().canStart(), run.stateProperty());
        BooleanBinding live = Bindings.createBooleanBinding(() -> run.stateProperty().get().active(), run.stateProperty());
        dataPicker = new DataPicker(settings, tasks, dialogs);
        settingsPane = new SettingsPane(settings, dataPicker, dialogs, locked, live, run::applyHyperparameters, presenter::status, run::resetForm);
        settingsPane.setOnFindLearningRate(lrFind::find);
        // Esc closes the finder, as it closes what else opens in the window
        addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != javafx.scene.input.KeyCode.ESCAPE || !lrFind.shownProperty().get()) return;
            lrFind.close();
            e.consume();
        });
        // however it closes (Esc, Done, Alt+D), the keyboard goes back to the button that opened it, not to the tab
        // strip, where the window puts it when the focused control is hidden
        lrFind.shownProperty().addListener((o, was, is) -> {
            if (is || getScene() == null) return;
            javafx.scene.Node owner = getScene().getFocusOwner();
            boolean inFinder = false;
            for (javafx.scene.Node n = owner; n != null; n = n.getParent()) if (n instanceof LrFindPane) inFinder = true;
            javafx.scene.Node find = lookup("#findLrButton");
            if ((owner == null || inFinder) && find != null) find.requestFocus();
        });
        // a run that starts shows its charts
        run.stateProperty().addListener((o, a, st) -> {
            if (st == RunState.PREPARING) lrFind.close();
        });
        setTop(toolbar(locked));
        // drawn from a bitmap when something else changes, so a chart update does not make the software renderer
        // redraw the form and the table
        settingsPane.setCache(true);
        table.setCache(true);
        setLeft(settingsPane);
        // the charts, pins and table fill the room beside the form, down to their least sizes; where a large UI scale
        // leaves less (1024x700 at 200 %), they scroll rather than run past the window's edge; a chart's update redraws
        // that chart only, not the whole viewport from a bitmap (LiveViewport)
        javafx.scene.control.ScrollPane middleScroll = io.digitstudio.ui.widgets.LiveViewport.of(new javafx.scene.control.ScrollPane(middle));
        middleScroll.setId("trainScroll");
        middleScroll.setFitToWidth(true);
        middleScroll.setFitToHeight(true);
        middleScroll.getStyleClass().add("edge-to-edge");
        // scrolled down to the table's end, it stays there when what is above grows (the skin keeps the offset in
        // pixels, and the newest epochs slid out of sight at 150 %); registered before the skin's, so it sees the
        // place as it was
        middle.layoutBoundsProperty().addListener((o, a, b) -> {
            if (a.getHeight() != b.getHeight() && middleScroll.getVvalue() >= middleScroll.getVmax() && middleScroll.getVvalue() > middleScroll.getVmin()) {
                javafx.application.Platform.runLater(() -> middleScroll.setVvalue(middleScroll.getVmax()));
            }
        });
        // the line under the toolbar lies over the charts' column, beside the form: coming or going, it moves no field
        Region notice = noticeLine(locked);
        VBox.setVgrow(middleScroll, Priority.ALWAYS);
        // a run kept out of use says so in the status line, not over the charts' top edge, where it hid their titles
        setCenter(new VBox(notice, middleScroll));
        placeRateChart(middleScroll);
        setBottom(statusBar());

        FxTicker pump = new FxTicker(PUMP_MILLIS, () -> {
            if (scrollToNewest) scrollToNewest();
            presenter.setShown(showing());
            presenter.pulse();
        });
        // the pump ticks while the view is in a window: a scene taken off its stage stops it, so that the clock's
        // thread does not keep a view nobody can see (and all it holds) alive
        javafx.beans.value.ChangeListener<javafx.stage.Window> inWindow = (o, a, w) -> {
            if (w != null) pump.start();
            else pump.stop();
        };
        sceneProperty().addListener((o, old, scene) -> {
            if (old != null) old.windowProperty().removeListener(inWindow);
            if (scene != null) {
                scene.windowProperty().addListener(inWindow);
                inWindow.changed(null, null, scene.getWindow());
                scene.getAccelerators().put(START, this::startFromKeys);
                scene.getAccelerators().put(PAUSE, run::togglePause);
                scene.getAccelerators().put(STOP, run::stop);
            } else {
                pump.stop();
            }
        });
    }

    /**
     * The learning-rate chart under the loss chart where the centre's height holds the charts and the epoch table's
     * least rows without scrolling; else under the table, where the centre scrolls to it. At 150 % in the smallest
     * window the charts' least heights (their labels' room) with the rate chart under the loss chart pushed the table
     * below the centre's bottom edge, and the user saw one or two of its rows until scrolling. The rate chart is the
     * one that moves: the rate in force is in the form too, and the chart is still there, a scroll away.
     */
    private void placeRateChart(javafx.scene.control.ScrollPane middleScroll) {
        Runnable place = () -> {
            double room = middleScroll.getViewportBounds().getHeight();
            if (room <= 0) return;
            // the centre's least height with the rate chart under the loss chart: the charts' row, then the rest
            double need = center.snappedTopInset() + center.snappedBottomInset()
                    + Math.max(lossChart.minHeight(-1) + lossColumn.getSpacing() + lrChart.minHeight(-1), accuracyChart.minHeight(-1));
            for (javafx.scene.Node n : center.getChildren()) {
                if (n == chartsBox || n == lrChart || !n.isManaged()) continue;
                need += center.getSpacing() + n.minHeight(-1);
            }
            boolean below = need > room;
            if (below && lrChart.getParent() == lossColumn) {
                lossColumn.getChildren().remove(lrChart);
                center.getChildren().add(lrChart);
            } else if (!below && lrChart.getParent() == center) {
                center.getChildren().remove(lrChart);
                lossColumn.getChildren().add(lrChart);
            }
        };
        Runnable soon = () -> io.digitstudio.ui.widgets.TableHeights.later(this, place);
        middleScroll.viewportBoundsProperty().addListener((o, a, b) -> {
            if (a.getHeight() != b.getHeight()) soon.run();
        });
        // the charts' least heights follow the UI scale (em), the table's its rows as laid out; the pins come and go
        for (Region r : List.of(lossChart, lrChart, accuracyChart, table)) r.minHeightProperty().addListener((o, a, b) -> soon.run());
        center.getChildren().addListener((ListChangeListener<javafx.scene.Node>) c -> soon.run());
        for (javafx.scene.Node n : center.getChildren()) if (n instanceof Region r) r.minHeightProperty().addListener((o, a, b) -> soon.run());
    }

    /**
     * Ctrl+Enter: starts a run, and when the field the keys came from is locked by it, puts the focus on Stop. Left
     * in a locked field, the focus would move on by itself to the form's next field still on (a rate, far below),
     * and the form would scroll there under the user's eyes.
     */
    private void startFromKeys() {
        javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
        run.start();
        if (owner != null && owner.isDisabled() && stopButton != null && !stopButton.isDisabled()) stopButton.requestFocus();
    }

    private boolean showing() {
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return getScene() != null;
    }

    /**
     * Scrolls the epoch table to its end, where the newest row is, once the table knows of that row: it learns of new
     * rows only when it lays itself out, so until then the pump asks again at its next tick. (Not scrollTo(index): it places
     * the row from estimated row heights and may stop a row short.)
     */
    private void scrollToNewest() {
        int rows = presenter.epochRows().size();
        if (rows == 0) {
            scrollToNewest = false;
        } else if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow && flow.getCellCount() >= rows) {
            flow.setPosition(1);
            scrollToNewest = false;
        }
    }

    /** Whether the table's last row is laid out in its view now (before a change of height takes effect). */
    private boolean newestShown(TableView<EpochReport> t) {
        int rows = presenter.epochRows().size();
        return rows > 0 && t.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow
                && flow.getLastVisibleCell() != null && flow.getLastVisibleCell().getIndex() == rows - 1;
    }

    private void spanEpochs(int epochs) {
        for (LiveChart c : List.of(lossChart, accuracyChart, lrChart)) {
            c.xLowerBoundProperty().set(0);
            c.xUpperBoundProperty().set(Math.max(1, epochs));
            c.xTickUnitProperty().set(Math.max(1, Math.ceil(epochs / 10.0)));
        }
    }

    private static LiveChart chart(String title, String yLabel, String id) {
        LiveChart c = new LiveChart(title, "epoch", yLabel);
        c.setId(id);
        c.setMinWidth(200);
        c.getStyleClass().add("train-chart"); // its least height in em (theme.css): room for its labels at any UI scale
        return c;
    }

    private TableView<EpochReport> epochTable() {
        TableView<EpochReport> t = new TableView<>(presenter.epochRows());
        t.setId("epochTable");
        io.digitstudio.ui.widgets.ScreenReader.describe(t, "Epochs", "One row per finished epoch: losses, accuracies, learning rate and time");
        t.getStyleClass().add("epoch-table"); // its figures right-aligned (theme)
        // rows of one line as high as a line needs: AtlantaFX's rows of 2.8 em held four epochs beside the charts at
        // 150 % in the smallest window only with the centre scrolled
        t.getStyleClass().add("dense");
        // with a cell the columns are measured with before the first epoch's row comes: that row lays out itself only
        t.setPlaceholder(io.digitstudio.ui.widgets.Columns.placeholder(new Label("Epochs appear here as they finish")));
        // the log's names (train_loss, val_accuracy) in two lines: a title of one line was twice as wide as its figures,
        // and the titles took the room the rate and the time needed
        // each with the widest value it usually shows (a loss under 10, a rate of 0.001, an epoch under 100 s), measured
        // before the first row comes: the columns that fit the empty table are the ones that fit its rows, and none
        // vanishes as they come
        t.getColumns().add(column("epoch", r -> (r.epoch() < 10 ? "0" : "") + r.epoch(), "00"));
        TableColumn<EpochReport, String> trainLoss = column("train\nloss", r -> Formats.figure(r.trainLoss(), 4), "0.0000");
        t.getColumns().add(trainLoss);
        TableColumn<EpochReport, String> valLoss = column("val\nloss", r -> Formats.figure(r.valLoss(), 4), "0.0000");
        t.getColumns().add(valLoss);
        t.getColumns().add(column("val\naccuracy", r -> Formats.figure(r.valAccuracy(), 4), "0.0000"));
        TableColumn<EpochReport, String> trainAccuracy = column("train\naccuracy", r -> Formats.figure(r.trainAccuracy(), 4), "0.0000");
        t.getColumns().add(trainAccuracy);
        TableColumn<EpochReport, String> lr = column("lr", TrainView::lrCell, "0.001");
        t.getColumns().add(lr);
        // the epoch's training and validation, as the command line's epoch lines give it
        TableColumn<EpochReport, String> time = column("time", r -> Formats.fixed(r.epochSeconds(), 2) + "s", "00.00s");
        t.getColumns().add(time);
        // each column as wide as its title and figures. Where the room beside the form is too narrow for all of them
        // (200 % in a 1280x800 window, 150 % in the smallest), the time, the rate, the training accuracy, the training
        // loss and the validation loss give way, in that order, the epoch and its validation accuracy last: the charts
        // and the status line show them too, and the header's column menu lists them, unchecked, to be shown again (the
        // table then scrolls sideways). At 150 % in 1280x800 all seven fit; at 150 % in the smallest window the time,
        // the rate and the training accuracy give way from the start, before any row comes (each column is measured
        // with its widest usual value)
        io.digitstudio.ui.widgets.Columns.givesWay(time, 0);
        io.digitstudio.ui.widgets.Columns.givesWay(lr, 1);
        io.digitstudio.ui.widgets.Columns.givesWay(trainAccuracy, 2);
        io.digitstudio.ui.widgets.Columns.givesWay(trainLoss, 3);
        io.digitstudio.ui.widgets.Columns.givesWay(valLoss, 4);
        io.digitstudio.ui.widgets.Columns.keepWhole(t);
        // at least four whole rows at any UI scale, six where there is room: the charts above give way first, and the
        // centre scrolls when even their least heights and the table's leave too little (150 % in the smallest window)
        io.digitstudio.ui.widgets.TableHeights.forRows(t, TABLE_LEAST_ROWS, TABLE_WANTED_ROWS);
        // the newest epoch is always in view (see scrollToNewest), also when the table's height changes while it shows
        presenter.epochRows().addListener((ListChangeListener<EpochReport>) c -> {
            scrollToNewest = !presenter.epochRows().isEmpty();
            if (scrollToNewest) scrollInThisPulse();
        });
        t.heightProperty().addListener((o, a, b) -> {
            if (!newestShown(t)) return;
            scrollToNewest = true;
            scrollInThisPulse();
        });
        return t;
    }

    private final Runnable scrollAfterLayout = this::scrollAfterLayout;
    /** The scene whose pulse scrolls the table at its end, while one is asked to. */
    private javafx.scene.Scene scrollingIn;

    /**
     * Scrolls the table to its newest row at the end of this pulse's layout pass, when the table has learnt of its new
     * rows, and lays out its rows there: the row comes and the table shows it in one frame, where a scroll at the
     * pump's next tick was a frame of its own (the software pipeline renders and uploads the whole window for each).
     * The pump's tick still scrolls when the table has not laid itself out by then (not shown).
     */
    private void scrollInThisPulse() {
        javafx.scene.Scene scene = table.getScene();
        if (scene == null || scrollingIn != null) return;
        scrollingIn = scene;
        if (layingOutIn == null) {
            layingOutIn = scene;
            scene.addPreLayoutPulseListener(layOutBeforeCss);
        }
        scene.addPostLayoutPulseListener(scrollAfterLayout);
        javafx.application.Platform.requestNextPulse();
    }

    private final Runnable layOutBeforeCss = this::layOutBeforeCss;
    /**
     * The scene whose next pulse lays the table out before its CSS pass: asked for during a pulse (the table's height
     * changed in its layout pass), that is the pulse after the one that scrolls.
     */
    private javafx.scene.Scene layingOutIn;

    /**
     * Lays the table out before the pulse's CSS pass: a row the table has no cell for yet gets a new one as the table
     * lays itself out, and a cell added to the scene leaves styles to apply. Added in the layout pass, after the CSS
     * pass, they made JavaFX mark the scene's root dirty, and the next pulse was a frame of its own (the root alone)
     * at every epoch's end while the table had room for more rows. Added here, this pulse's CSS pass styles them.
     */
    private void layOutBeforeCss() {
        layingOutIn.removePreLayoutPulseListener(layOutBeforeCss);
        layingOutIn = null;
        if (table.getScene() != null && table.isNeedsLayout()) table.layout();
    }

    private void scrollAfterLayout() {
        scrollingIn.removePostLayoutPulseListener(scrollAfterLayout);
        scrollingIn = null;
        if (!scrollToNewest) return;
        scrollToNewest();
        // its rows placed for the new position now, in the frame this pulse hands to the renderer
        if (!scrollToNewest) table.layout();
    }

    /** The epoch table's rate: the one the epoch's last update used, as every view writes a rate (0.01, 1e-4). */
    static String lrCell(EpochReport r) {
        return Double.isNaN(r.lr()) ? "" : io.digitstudio.train.LearningRates.format(r.lr());
    }

    private static TableColumn<EpochReport, String> column(String title, Function<EpochReport, String> value, String widest) {
        TableColumn<EpochReport, String> c = new TableColumn<>(title);
        io.digitstudio.ui.widgets.Columns.expects(c, widest);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private Region toolbar(BooleanBinding locked) {
        Button start = button("_Start", "startButton", "Start training (Ctrl+Enter)");
        startButton = start;
        start.setOnAction(e -> run.start());
        start.getStyleClass().add("accent");
        // the finder trains on the same worker: a run waits until it is done
        start.disableProperty().bind(locked.or(settings.validationProperty().isNotNull()).or(lrFind.runningProperty())
                .or(run.coresBlockerProperty().isNotNull()));

        Button pause = button("_Pause", "pauseButton", "Pause the run, or continue a paused one (Ctrl+P)");
        pause.textProperty().bind(Bindings.when(run.stateProperty().isEqualTo(RunState.PAUSED)).then("Co_ntinue").otherwise("_Pause"));
        pause.disableProperty().bind(run.stateProperty().isNotEqualTo(RunState.RUNNING).and(run.stateProperty().isNotEqualTo(RunState.PAUSED)));
        pause.setOnAction(e -> run.togglePause());
        // as wide as its wider text, so that Stop stays where it is when Pause becomes Continue
        pause.setMinWidth(Region.USE_PREF_SIZE);
        pause.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double text = 0;
            for (String t : new String[]{"Pause", "Continue"}) {
                javafx.scene.text.Text probe = new javafx.scene.text.Text(t);
                probe.setFont(pause.getFont());
                text = Math.max(text, probe.getLayoutBounds().getWidth());
            }
            Insets in = pause.getPadding();
            return Math.ceil(text + in.getLeft() + in.getRight() + 4);
        }, pause.fontProperty(), pause.paddingProperty()));

        Button stop = button("S_top", "stopButton", "Stop after the current iteration; the active model stays as it is (Ctrl+.)");
        stopButton = stop;
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> !run.stateProperty().get().active(), run.stateProperty()));
        stop.setOnAction(e -> run.stop());

        // "Open snapshot…", not "Resume…" beside Continue, which resumes the paused run: with the two exports in one
        // menu, the toolbar keeps one row in the smallest window at 150 %
        Button resume = button("_Open snapshot…", "resumeButton", "Set the form up to go on from a snapshot file: Start resumes its run where it stopped, or trains a branch of a finished run");
        resume.disableProperty().bind(locked);
        resume.setOnAction(e -> run.resumeFromSnapshot());

        Button save = button("Save _model…", "saveModelButton", "Save the model of the last run as a Chainer NPZ file");
        save.disableProperty().bind(run.trainedModelProperty().isNull().or(locked));
        save.setOnAction(e -> run.saveModel());
        Button use = button("_" + RunControl.USE_MODEL, "useModelButton", "Let Draw and Samples classify with the model of the last run");
        use.disableProperty().bind(run.trainedModelProperty().isNull().or(locked).or(run.trainedModelActiveProperty())
                .or(run.trainedModelGoneProperty()).or(run.trainedModelChangedProperty()));
        use.setOnAction(e -> run.useTrainedModel());

        MenuItem png = new MenuItem("_Chart as PNG…");
        png.setId("exportChartItem");
        png.setOnAction(e -> dialogs.saveFile("Export chart", "training.png", "PNG images (*.png)", "png").ifPresent(this::exportChart));
        png.disableProperty().bind(presenter.plottedProperty().not());
        MenuItem csv = new MenuItem("Epoch _log as CSV…");
        csv.setId("exportCsvItem");
        csv.disableProperty().bind(Bindings.isEmpty(presenter.epochRows()));
        csv.setOnAction(e -> dialogs.saveFile("Export epoch log", "epochs.csv", "CSV files (*.csv)", "csv").ifPresent(this::exportCsv));
        MenuButton export = new MenuButton("_Export", null, png, csv);
        export.setMnemonicParsing(true);
        export.setId("exportButton");
        io.digitstudio.ui.widgets.Tips.set(export, "Save both charts as a PNG image, or the epoch table as CSV");
        export.disableProperty().bind(png.disableProperty().and(csv.disableProperty()));
        return io.digitstudio.ui.widgets.Bars.whole(start, pause, stop, resume, new Separator(), save, use, export);
    }

    /**
     * While a run is paused, the line under the toolbar offers to branch from where it is: a button in the toolbar took
     * a second row there at 150 % and moved the view below it.
     */
    private Region pausedBanner() {
        Label what = new Label("Paused. To try other values from this point:");
        what.setId("pausedNotice");
        what.setMinWidth(0);
        // beside the form the line is narrower than the window: it wraps rather than cut its sentence
        what.setWrapText(true);
        what.setMinHeight(Region.USE_PREF_SIZE);
        what.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(what, Priority.ALWAYS);
        Button branch = button("_Branch from here…", "branchHereButton", "Stop this run where it is (kept, and resumable from Runs)"
                + " and set up a new run from the same point with another learning rate, optimizer, schedule or epochs");
        branch.getStyleClass().add("small"); // the line is as high as the Start reason's, one line of text
        branch.setMinWidth(Region.USE_PREF_SIZE);
        branch.disableProperty().bind(run.canBranchProperty().not());
        branch.setOnAction(e -> run.branchFromHere());
        HBox box = new HBox(8, what, branch);
        box.getStyleClass().add("paused-banner");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 8, 0, 8));
        return box;
    }

    /**
     * The line above the charts: while paused the offer to branch, else which run the form is a branch of. With nothing
     * to say it takes no room (an empty band under the toolbar was what a new user saw of it); it takes the room of what
     * it says, from the charts: the form beside it, where the user types, does not move. Why Start is off, and a run
     * kept out of use, are said in the status line instead: the first changes as the user types, and here each bad
     * keystroke pushed the charts down and the next one back up.
     */
    private Region noticeLine(BooleanBinding locked) {
        BooleanBinding paused = run.stateProperty().isEqualTo(RunState.PAUSED);
        // while paused, what the pause offers
        BooleanBinding branch = settings.branchProperty().isNotNull().and(paused.not());
        // or which run's resume Start goes on with (never while a run is under way: Start has taken it)
        BooleanBinding resume = run.resumeSetUpProperty().isNotEmpty().and(paused.not());
        javafx.scene.layout.StackPane line = new javafx.scene.layout.StackPane();
        line.setId("noticeLine");
        line.setAlignment(Pos.CENTER_LEFT);
        // each notice is made when it first has something to say; as high as what it says: the unseen ones take no room
        Region[] made = new Region[3];
        notice(line, made, 0, branch, () -> branchBanner(locked));
        notice(line, made, 1, resume, () -> resumeBanner(locked));
        notice(line, made, 2, paused, this::pausedBanner);
        line.visibleProperty().bind(branch.or(resume).or(paused));
        line.managedProperty().bind(line.visibleProperty());
        line.setPadding(new Insets(8, 8, 0, 8)); // in line with the charts' edges under it
        return line;
    }

    /** Makes the line's notice of rank {@code rank} when it is first {@code wanted}, in the line's order. */
    private static void notice(javafx.scene.layout.StackPane line, Region[] made, int rank, BooleanBinding wanted,
                               java.util.function.Supplier<Region> make) {
        io.digitstudio.ui.widgets.OnDemand.when(wanted, line, () -> made[rank] = make.get(), n -> {
            int at = 0;
            for (int i = 0; i < rank; i++) if (made[i] != null) at++;
            line.getChildren().add(at, n);
        });
    }

    /** The toolbar's Start, where the keyboard goes when the form stops being a branch. */
    private Button startButton;
    /** The toolbar's Stop, where the keyboard goes when Ctrl+Enter locks the field it was in. */
    private Button stopButton;

    /** What the banner says for a branch from {@code where} of run {@code id}. */
    private static String branchText(String id, String where) {
        return "Branch of run " + id + " from the " + where + ": Start trains a new run from that snapshot.";
    }

    /**
     * While the form is a branch of a recorded run: which run and point (what may change in its tooltip), and a way back
     * to a new run.
     */
    private Region branchBanner(BooleanBinding locked) {
        Label what = bannerText("branchBanner");
        what.textProperty().bind(Bindings.createStringBinding(() -> {
            TrainSettings.Branch b = settings.branchProperty().get();
            // and why the form's kept fields are greyed (a disabled field shows no tooltip): here, where the banner takes
            // its room from the charts, not above the form, whose fields would move down as the branch is set up
            return b == null ? "" : branchText(b.runId(), b.where()) + " " + TrainSettings.KEPT_BY_BRANCH_NOTE;
        }, settings.branchProperty()));
        io.digitstudio.ui.widgets.Tips.set(what, "The optimizer, its values, the schedule and the epochs may change;"
                + " the network, batch size, seed and data stay the parent's.");
        return banner(what, "branch-banner", "leaveBranchButton", "Start trains a new run from scratch with these settings, not a branch", locked, () -> {
            settings.branchProperty().set(null);
            // the status said how to branch; it says what Start does now
            presenter.status("A new run: Start trains these settings from scratch, not as a branch");
        });
    }

    /**
     * While the form is set up to resume a run (Runs' Resume, or Open snapshot…): which run and from where, what Start
     * does, and a way to a new run instead.
     */
    private Region resumeBanner(BooleanBinding locked) {
        Label what = bannerText("resumeBanner");
        what.textProperty().bind(run.resumeSetUpProperty());
        return banner(what, "resume-banner", "leaveResumeButton", "Start trains a new run from scratch with these settings, not the resume", locked,
                run::leaveResume);
    }

    /** A banner's text: every line of it, beside the form at 150 %. */
    private static Label bannerText(String id) {
        Label what = new Label();
        what.setId(id);
        what.setWrapText(true);
        what.setMinWidth(0);
        what.setMinHeight(Region.USE_PREF_SIZE);
        what.setMaxWidth(Double.MAX_VALUE);
        return what;
    }

    /** A banner above the charts: its text, and "New run instead", which does {@code leave}. */
    private Region banner(Label what, String style, String leaveId, String leaveTip, BooleanBinding locked, Runnable leave) {
        HBox.setHgrow(what, Priority.ALWAYS);
        Button button = new Button("Ne_w run instead");
        button.setId(leaveId);
        button.getStyleClass().add("small"); // the line is as high as the Start reason's, one line of text
        button.setMinWidth(Region.USE_PREF_SIZE);
        io.digitstudio.ui.widgets.Tips.set(button, leaveTip);
        button.disableProperty().bind(locked);
        button.setOnAction(e -> {
            // the focus goes where the next step is, not (as it would when its button hides) to the form's first
            // field, which would scroll the form under the pointer
            if (startButton != null) startButton.requestFocus();
            leave.run();
        });
        HBox box = new HBox(8, what, button);
        box.getStyleClass().add(style);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(0, 8, 0, 8));
        return box;
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setMnemonicParsing(true);
        b.setId(id);
        io.digitstudio.ui.widgets.Tips.set(b, tip);
        return b;
    }

    /** Saves the two charts side by side as they are shown: the picture is taken here, encoded and written off the UI thread. */
    public void exportChart(Path file) {
        java.awt.image.BufferedImage image = ChartExport.snapshot(chartsBox);
        report(tasks.compute(() -> FileWrites.write(file, () -> ChartExport.write(image, file))), "chart", file);
    }

    private void exportCsv(Path file) {
        byte[] csv = presenter.csv();
        report(tasks.compute(() -> FileWrites.write(file, () -> RunPresenter.writeCsv(csv, file))), "epoch log", file);
    }

    private void report(java.util.concurrent.CompletableFuture<Path> done, String what, Path file) {
        done.whenComplete((p, err) -> {
            if (err != null) {
                dialogs.error("Export failed", Messages.of(err));
            } else {
                presenter.status("Saved " + what + " to " + file);
            }
        });
    }

    /**
     * The status line: the whole message beside the progress figures, on two lines where one is not enough, or above
     * them and wrapped when it is longer still (StatusLine); the figures keep their width.
     */
    private Region statusBar() {
        Label text = new Label();
        text.setId("statusText");
        // while it says why Start is off, a click puts the cursor in the first field that is wrong
        text.setOnMouseClicked(e -> {
            if (run.saysWhyStartIsOff()) settingsPane.focusFirstError();
        });
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        ProgressBar bar = new ProgressBar();
        bar.setId("progressBar");
        io.digitstudio.ui.widgets.ScreenReader.describe(bar, "Training progress", "How much of the run is done");
        // every figure of the run, also those the line gives up for want of room (the speed and the time at 150 % in the
        // smallest window): in the bar's tooltip and what a screen reader says of it
        javafx.beans.binding.StringExpression barSays = Bindings.when(presenter.progressSummaryProperty().isEmpty())
                .then("How much of the run is done").otherwise(presenter.progressSummaryProperty());
        bar.accessibleHelpProperty().bind(barSays);
        io.digitstudio.ui.widgets.Tips.later(bar, () -> {
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip();
            tip.textProperty().bind(barSays);
            return tip;
        });
        // as wide as the figures can spare: at 1024x700 a run's first message ("Training … on 1,000 examples") then fits
        // beside them on one line
        bar.setPrefWidth(100);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> run.stateProperty().get() == RunState.PREPARING
                ? -1 : presenter.progressProperty().get(), run.stateProperty(), presenter.progressProperty()));
        // the parts a finished run keeps first, in the order they had while it ran (epoch, iteration, its time), those
        // that go at its end (the speed) after them: the box keeps its width through the end, so none of the first moves
        Figure epoch = new Figure(presenter.epochTextProperty(), "epochLabel", null);
        Figure time = new Figure(presenter.timeTextProperty(), "timeLabel", "Elapsed 0:00 · ETA 0:00");
        // a rate of up to four digits: a run's rate goes from tens to a thousand and more as the first batches end
        Figure speed = new Figure(presenter.speedTextProperty(), "speedLabel", "0000 it/s");
        RunFigures figures = new RunFigures(List.of(epoch, new Figure(presenter.iterationTextProperty(), "iterationLabel", null), time, speed),
                List.of(speed, time), bar, () -> run.stateProperty().get().active());
        figures.setMinWidth(Region.USE_PREF_SIZE);
        // a new run's figures, or a new font (another UI scale), start the width afresh
        presenter.epochTextProperty().addListener((o, a, b) -> {
            if (b.isEmpty()) figures.forget();
        });
        epoch.fontProperty().addListener((o, a, b) -> figures.forget());
        return io.digitstudio.ui.widgets.StatusLine.bar("statusBar", presenter.statusProperty(), text, figures);
    }

    /**
     * A run's figures on one line (the progress bar last, at the line's right end), as wide as the widest they have
     * been since they were last {@link #forget forgotten}, and laid out from their left: the figures change their
     * widths as the run goes on, and the speed and the time left go when it ends; a box that shrank with them, at the
     * line's right end, would move every figure before them sideways as the run finishes, where the eye looks for
     * them. The bar keeps its place whatever they say. Between two figures a thin rule, shown only where the figure
     * after it says something, so that a finished run's figures end with theirs.
     * <p>
     * Where the line is too narrow for its message on one line beside them all (150 % in the smallest window), the
     * speed, then the time, give way (while the run goes, for the room its end will need), and stay away until the
     * next run: a figure that came back when the message got shorter would move the others.
     */
    private static final class RunFigures extends HBox implements io.digitstudio.ui.widgets.StatusLine.GivesWay {
        private final List<Figure> parts;
        /** The figures that may give way, in the order they go; the last of the parts says whether a run goes. */
        private final List<Figure> yielding;
        private int gone;
        private double kept;
        /** Whether a run is under way, from its start: the first message's layout comes before its first speed. */
        private final java.util.function.BooleanSupplier runGoes;

        RunFigures(List<Figure> parts, List<Figure> yielding, ProgressBar bar, java.util.function.BooleanSupplier runGoes) {
            this.parts = parts;
            this.yielding = yielding;
            this.runGoes = runGoes;
            setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("run-figures"); // figures closer together than elsewhere (theme)
            for (Figure part : parts) {
                if (!getChildren().isEmpty()) {
                    Separator rule = new Separator(Orientation.VERTICAL);
                    rule.getStyleClass().add("small"); // a narrow margin either side: the figures leave the message its room
                    rule.visibleProperty().bind(part.textProperty().isNotEmpty().and(part.visibleProperty()));
                    rule.managedProperty().bind(part.managedProperty());
                    getChildren().add(rule);
                }
                getChildren().add(part);
            }
            Region rest = new Region(); // what the figures no longer fill, before the bar
            HBox.setHgrow(rest, Priority.ALWAYS);
            HBox.setMargin(bar, new Insets(0, 0, 0, 4));
            getChildren().addAll(rest, bar);
        }

        @Override
        protected double computePrefWidth(double height) {
            kept = Math.max(kept, super.computePrefWidth(height));
            return kept;
        }

        @Override
        public boolean giveWay() {
            // while a run goes they make room for its end too (roomFor), so that a run's end seldom moves them; a run
            // too short to be laid out while it went, or a larger scale chosen after it, has them give way at its end
            if (gone == yielding.size()) return false;
            Figure f = yielding.get(gone++);
            f.setVisible(false);
            f.setManaged(false);
            kept = 0;
            requestLayout();
            return true;
        }

        /**
         * The longest of a run's usual ends (RunControl's messages, with three-digit figures): it comes when the
         * figures may no longer give way, so they make its room while the run goes. Whether they had to before depended
         * on the messages a run happened to show (a short run's were short, and its end broke onto a second line).
         */
        @Override
        public String roomFor() {
            return runGoes.getAsBoolean() ? "Finished: 100.00% validation accuracy; Draw and Samples use it." : "";
        }

        /** Back to the width the figures need now, all of them shown. */
        void forget() {
            kept = 0;
            gone = 0;
            for (Figure f : parts) {
                f.forget();
                f.setManaged(true);
                f.setVisible(true);
            }
            requestLayout();
        }
    }

    /**
     * A figure of the status line, as wide as the widest it has said since it was last {@link #forget forgotten}, and
     * from its first text as wide as that text with its widest digits: a figure whose digits change keeps its room, so
     * the figures after it stay where they are as the run goes. One that counts to a total takes the room of the count
     * at its total from the start ("Iteration 47/47" while it says "Iteration 7/47"); one given {@code least} takes at
     * least that text's room while it says anything (the speed's four digits, the time before its ETA is known).
     * <p>
     * A run's figures change four times a second but their widest forms ({@link #widestForm}) seldom do ("Iteration
     * 8,888/8,888" for the whole run): each is measured once, not at each new text.
     */
    static final class Figure extends Label {
        private final javafx.scene.text.Text probe = new javafx.scene.text.Text();
        private final String least;
        private double kept;
        /** The font the widest digit was found for, and that digit. */
        private javafx.scene.text.Font digitFont;
        private char widestDigit = '0';
        /** The widest form last measured, {@code least}'s, and the font they were measured in. */
        private String formMeasured;
        private double formWidth;
        private double leastWidth;
        private javafx.scene.text.Font formFont;
        private int measured;

        Figure(javafx.beans.value.ObservableValue<String> text, String id, String least) {
            this.least = least;
            setId(id);
            textProperty().bind(text);
            setMinWidth(Region.USE_PREF_SIZE);
            getStyleClass().add("status-info");
        }

        @Override
        protected double computePrefWidth(double height) {
            double now = super.computePrefWidth(height);
            String t = getText();
            if (t == null || t.isEmpty()) return now;
            // a layout pass asks several times, and each tick's figures once more: the same text measures the same
            if (t.equals(measuredText) && getFont().equals(measuredFont) && now == measuredFrom) return kept;
            double shown = widthOf(t);
            String form = widestForm(t, widestDigit());
            if (!getFont().equals(formFont)) {
                formFont = getFont();
                formMeasured = null;
                leastWidth = least == null ? 0 : widthOf(widestDigits(least, widestDigit));
            }
            if (!form.equals(formMeasured)) {
                formWidth = widthOf(form);
                formMeasured = form;
            }
            double widest = Math.max(formWidth, leastWidth);
            kept = Math.max(kept, now + Math.max(0, widest - shown));
            measuredText = t;
            measuredFont = getFont();
            measuredFrom = now;
            return kept;
        }

        /** What {@link #kept} was last measured for: the text, its font and the label's own width for it. */
        private String measuredText;
        private javafx.scene.text.Font measuredFont;
        private double measuredFrom;

        /** The font's widest digit. */
        private char widestDigit() {
            if (!getFont().equals(digitFont)) {
                double w = -1;
                for (char d = '0'; d <= '9'; d++) {
                    double dw = widthOf(String.valueOf(d));
                    if (dw > w) {
                        w = dw;
                        widestDigit = d;
                    }
                }
                digitFont = getFont();
            }
            return widestDigit;
        }

        /**
         * {@code s} as wide as it can get: each count out of a total ("7/47", "1,382/4,688") as the total out of the
         * total, then every digit as {@code digit}. Plain loops: a regular expression here ran at every tick.
         */
        static String widestForm(String s, char digit) {
            StringBuilder b = new StringBuilder(s.length() + 8);
            int n = s.length();
            for (int i = 0; i < n; ) {
                if (!isDigit(s.charAt(i))) {
                    b.append(s.charAt(i++));
                    continue;
                }
                int j = countEnd(s, i);
                if (j + 1 < n && s.charAt(j) == '/' && isDigit(s.charAt(j + 1))) {
                    int k = countEnd(s, j + 1);
                    String total = s.substring(j + 1, k);
                    b.append(total).append('/').append(total);
                    i = k;
                } else {
                    b.append(s, i, j);
                    i = j;
                }
            }
            return widestDigits(b, digit);
        }

        /** {@code s} with every digit {@code digit}. */
        static String widestDigits(CharSequence s, char digit) {
            StringBuilder b = new StringBuilder(s);
            for (int i = 0; i < b.length(); i++) if (isDigit(b.charAt(i))) b.setCharAt(i, digit);
            return b.toString();
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        /** Where the digits and thousands commas from {@code i} end. */
        private static int countEnd(String s, int i) {
            while (i < s.length() && (isDigit(s.charAt(i)) || s.charAt(i) == ',')) i++;
            return i;
        }

        private double widthOf(String s) {
            measured++;
            probe.setFont(getFont());
            probe.setText(s);
            return probe.getLayoutBounds().getWidth();
        }

        /** How many texts the figure has laid out to measure them (tests count them). */
        int measured() {
            return measured;
        }

        void forget() {
            kept = 0;
            measuredText = null;
        }
    }

    public TrainSettings settings() {
        return settings;
    }

    /** The settings form. */
    public SettingsPane form() {
        return settingsPane;
    }

    public RunControl run() {
        return run;
    }

    /** The form's data picker. */
    public DataPicker dataPicker() {
        return dataPicker;
    }

    public RunPresenter presenter() {
        return presenter;
    }

    /** The learning-rate finder of this view. */
    public LrFindViewModel lrFind() {
        return lrFind;
    }

    public TableView<EpochReport> table() {
        return table;
    }
}
