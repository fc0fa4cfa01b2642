package io.digitstudio.ui.runs;

import io.digitstudio.io.NiceTicks;
import io.digitstudio.runs.RunStatus;
import io.digitstudio.runs.RunSummary;
import io.digitstudio.ui.widgets.Formats;
import io.digitstudio.ui.widgets.ScreenReader;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The run history: a sortable, filterable table of runs (several may be selected), the selected runs' loss and
 * accuracy curves overlaid (one colour per run, a legend, TensorBoard's smoothing slider, a log loss axis, x by epoch
 * or wall time; a run still going drawn over the faded others), their settings side by side with differences
 * highlighted, and the selected run's name, notes and actions.
 */
public final class RunsView extends BorderPane {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());
    /** The time a run started as the table shows it, on one line: month, day and time; the year is in its tooltip. */
    static final DateTimeFormatter WHEN_SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final RunsViewModel vm;
    private final TableView<RunSummary> table = new TableView<>();
    private final LineChart<Number, Number> lossChart = chart("runsLossChart", "loss");
    private final LineChart<Number, Number> accuracyChart = chart("runsAccuracyChart", "accuracy");
    private final TableView<RunsViewModel.CompareRow> compare = new TableView<>();
    private final TextField name = new TextField();
    private final TextArea notes = new TextArea();
    /** The selected runs' names, each beside a stroke of its curves' colour: one key for both charts. */
    private final FlowPane legend = new FlowPane(12, 2);
    /** The right pane's one scroll: the selected run's name, notes and actions, and the settings side by side. */
    private final javafx.scene.control.ScrollPane detailScroll = new javafx.scene.control.ScrollPane();
    private boolean reselecting;
    /** The curves' pane below the runs table: its controls, the legend and the two charts. */
    private VBox charts;
    /** The two charts, one above the other. */
    private VBox plots;

    public RunsView(RunsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("runs-view");
        TextField filter = new TextField();
        filter.setId("runsFilter");
        ScreenReader.describe(filter, "Filter runs", "Shows only the runs whose name, network, optimizer or status contains this text");
        filter.setPromptText("Filter: name, network, optimizer, status…");
        filter.setPrefColumnCount(28);
        filter.textProperty().bindBidirectional(vm.filterProperty());
        Button refresh = new Button("_Refresh");
        refresh.setId("refreshRunsButton");
        refresh.setAccessibleHelp("Read the run history again, with runs from the command line");
        refresh.setOnAction(e -> vm.refresh());
        compareHint.getStyleClass().add("hint");
        setTop(io.digitstudio.ui.widgets.Bars.whole(filter, refresh, compareHint));

        table.setId("runsTable");
        // rows as dense as the settings compared and the Train view's epochs: a history of runs is scanned down, and
        // at 1280x800 the default rows (2.8 em) held seven runs over the charts, dense ones ten
        table.getStyleClass().add("dense");
        ScreenReader.describe(table, "Runs", "Every recorded training run; select one to see it, Ctrl-click others to compare");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        TableColumn<RunSummary, String> title = text("name", RunSummary::title);
        table.getColumns().add(title);
        TableColumn<RunSummary, String> parent = text("branch of", vm::branchOf);
        tipped(parent, vm::branchPointOf);
        table.getColumns().add(parent);
        // which sweep made the run: the runs of a sweep sit among the others, and the Sweeps view names a sweep by its id
        TableColumn<RunSummary, String> sweep = text("sweep", RunsView::sweep);
        tipped(sweep, RunsView::sweepRun);
        table.getColumns().add(sweep);
        TableColumn<RunSummary, java.time.Instant> started = started();
        table.getColumns().add(started);
        // short titles where the title, not the values, sets a column's width: the room goes to the sweep and the branch
        TableColumn<RunSummary, String> dataset = text("data", RunSummary::dataset);
        io.digitstudio.ui.widgets.Columns.titleMeans(dataset, "Dataset", "The data set the run trained on");
        table.getColumns().add(dataset);
        TableColumn<RunSummary, String> network = text("network", RunSummary::network);
        table.getColumns().add(network);
        TableColumn<RunSummary, String> optimizer = text("optimizer", RunSummary::optimizer);
        table.getColumns().add(optimizer);
        TableColumn<RunSummary, String> epochs = text("ep.", r -> r.damaged() ? "" : r.epochsDone() + "/" + r.settings().config().epochs());
        io.digitstudio.ui.widgets.Columns.titleMeans(epochs, "Epochs", "Epochs trained, of those the run was set to train");
        table.getColumns().add(epochs);
        table.getColumns().add(text("best", r -> RunsViewModel.accuracy(r.bestAccuracy())));
        table.getColumns().add(text("final", r -> RunsViewModel.accuracy(r.finalAccuracy())));
        table.getColumns().add(text("time", r -> r.damaged() ? "" : Formats.clock(r.seconds())));
        TableColumn<RunSummary, String> status = text("status", r -> r.status().label());
        status.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeAll("run-damaged", "run-interrupted", "run-running", "run-diverged");
                setTooltip(null);
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                setText(s);
                RunSummary r = getTableRow() == null ? null : getTableRow().getItem();
                if (r != null && r.status() != RunStatus.FINISHED && r.status() != RunStatus.STOPPED) getStyleClass().add("run-" + r.status().label());
                if (r != null && r.damaged()) setTooltip(new Tooltip(r.problem()));
            }
        });
        table.getColumns().add(status);
        SortedList<RunSummary> sorted = new SortedList<>(vm.runs());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        // every column in sight, none cut: the figures, the time started and the status keep their values whole, the
        // texts (name, data set, network, optimizer) wrap in the room those leave, and where even that is too little (a
        // large UI scale) the sweep, the branch, the data set, the start, the network and the optimizer give way, in
        // that order: the selected run's settings below say them too. A trial at 150 % had to scroll sideways to see a
        // run's accuracy and status
        for (TableColumn<RunSummary, String> c : List.of(title, dataset, network, optimizer)) io.digitstudio.ui.widgets.Columns.wraps(c);
        // an unnamed run's title is its id, and a named run's id is the line under its name: the names' least width
        // holds any id, so that a run listed with a wider id reshares none of the columns, nor changes the rows'
        // heights and the table's with them
        io.digitstudio.ui.widgets.Columns.expects(title, io.digitstudio.ui.widgets.Columns.RUN_IDS);
        io.digitstudio.ui.widgets.Columns.givesWay(sweep, 0);
        io.digitstudio.ui.widgets.Columns.givesWay(parent, 1);
        io.digitstudio.ui.widgets.Columns.givesWay(dataset, 2);
        io.digitstudio.ui.widgets.Columns.givesWay(started, 3);
        io.digitstudio.ui.widgets.Columns.givesWay(network, 4);
        io.digitstudio.ui.widgets.Columns.givesWay(optimizer, 5);
        io.digitstudio.ui.widgets.Columns.keepWhole(table);
        // where the branch, the sweep or the data set is out of sight (given way at a large scale, or unchecked in the
        // column menu), the run's name says it on a line of its own: a branch, a sweep's run or a fine-tune on the
        // user's digits never looks like an ordinary run. A trial at 150 % and 175 % lost them with their columns
        title.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(named(d.getValue(), parent, sweep, dataset)));
        title.setComparator(Comparator.comparing(RunsView::firstLine));
        for (TableColumn<RunSummary, ?> c : List.of(parent, sweep, dataset)) {
            c.visibleProperty().addListener((o, was, is) -> javafx.application.Platform.runLater(() -> {
                table.refresh();
                io.digitstudio.ui.widgets.Columns.fit(table);
            }));
        }
        Label empty = new Label();
        empty.setId("runsEmptyLabel");
        empty.textProperty().bind(vm.emptyTextProperty());
        table.setPlaceholder(empty);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunSummary>) c -> {
            if (reselecting || vm.replacing()) return;
            vm.select(table.getSelectionModel().getSelectedItems().stream().filter(java.util.Objects::nonNull).map(RunSummary::id).toList());
            // other runs chosen: their details and comparison are read from the top, not from where the last ones were
            // scrolled to (a refresh that keeps the same runs selected does not come here, and keeps the place)
            detailScroll.setVvalue(0);
        });
        // a refresh replaces the rows: the same runs stay selected
        vm.runs().addListener((ListChangeListener<RunSummary>) c -> reselect());

        VBox plots = new VBox(4, lossChart, accuracyChart);
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        VBox.setVgrow(accuracyChart, Priority.ALWAYS);
        alignPlots(lossChart, accuracyChart);
        // no run selected: no axes of an earlier selection over nothing, but what to do
        // how to compare is said once: by the settings' place while no run is selected, by the bar's hint after
        Label noCurves = new Label("Select a run to see its curves");
        noCurves.setId("noCurvesLabel");
        noCurves.getStyleClass().add("hint");
        noCurves.setWrapText(true);
        plots.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.curvesProperty().get().isEmpty(), vm.curvesProperty()));
        noCurves.visibleProperty().bind(plots.visibleProperty().not());
        compareHint.visibleProperty().bind(plots.visibleProperty());
        // the charts keep a readable height (their axis names whole) and scroll when the window leaves them less
        javafx.scene.control.ScrollPane plotScroll = new javafx.scene.control.ScrollPane(plots);
        plotScroll.setFitToWidth(true);
        plotScroll.setFitToHeight(true);
        plotScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        plotScroll.getStyleClass().add("edge-to-edge");
        plotScroll.visibleProperty().bind(plots.visibleProperty());
        javafx.scene.layout.StackPane plotArea = new javafx.scene.layout.StackPane(plotScroll, noCurves);
        legend.setId("runsLegend");
        legend.getStyleClass().add("runs-legend");
        legend.setPadding(new Insets(0, 0, 2, 4));
        legend.setMinWidth(0); // its entries wrap: the curves' pane keeps the width the divider gives it
        // the charts' own legends give way when a chart is under 150 px plus the legend's height, as at 1024x700: this
        // one stays, above both
        legend.visibleProperty().bind(plots.visibleProperty());
        legend.managedProperty().bind(legend.visibleProperty());
        VBox charts = new VBox(4, curveControls(), legend, plotArea);
        VBox.setVgrow(plotArea, Priority.ALWAYS);
        charts.setPadding(new Insets(4));
        this.charts = charts;
        this.plots = plots;
        vm.curvesProperty().addListener((o, a, cs) -> draw(cs));
        // a wider or narrower axis holds more or fewer epoch ticks; a scale change, larger or smaller labels
        for (LineChart<Number, Number> c : List.of(lossChart, accuracyChart)) {
            c.getXAxis().widthProperty().addListener((o, a, b) -> rangeEpochs(c));
            ((NumberAxis) c.getXAxis()).tickLabelFontProperty().addListener((o, a, b) -> rangeEpochs(c));
        }
        // a taller or lower axis holds more or fewer loss ticks; a scale change, larger or smaller labels
        lossChart.getYAxis().heightProperty().addListener((o, a, b) -> rangeLoss());
        ((NumberAxis) lossChart.getYAxis()).tickLabelFontProperty().addListener((o, a, b) -> rangeLoss());
        vm.logLossProperty().addListener((o, a, b) -> ((NumberAxis) lossChart.getYAxis()).setLabel(b ? "loss (log scale)" : "loss"));

        compare.setId("compareTable");
        ScreenReader.describe(compare, "Settings compared", "Each setting of the selected runs side by side");
        // the settings' names as wide as the longest (never cut); the runs' columns share the room left and wrap their
        // values in it (compareColumns), so that a long network spec shows whole in lines and pushes no run's column out
        // of sight; a constrained policy would squeeze columns below their words and cut them
        io.digitstudio.ui.widgets.Columns.keepWhole(compare);
        // in lines when the table is narrower than the sentence (150 % in the smallest window), not cut to "…"
        Label noComparison = new Label("Select runs to compare their settings");
        noComparison.setWrapText(true);
        compare.setPlaceholder(noComparison);
        compare.setItems(vm.comparison());
        compare.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RunsViewModel.CompareRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove("differs");
                if (!empty && r != null && r.differs()) getStyleClass().add("differs");
            }
        });
        vm.comparison().addListener((ListChangeListener<RunsViewModel.CompareRow>) c -> compareColumns());
        // the selected run's name, notes and actions above the settings: a second run compared grows the settings
        // below them, and never pushes the actions out of the pane's sight
        // no run chosen: a sentence in place of the heading and an empty framed table; one run: its settings, with
        // nothing to compare
        Label compareTitle = section("");
        compareTitle.setId("compareTitle");
        compareTitle.textProperty().bind(vm.comparisonTitleProperty());
        Label noRun = new Label("Select a run to see its settings; Ctrl-click another to compare them");
        noRun.setId("noComparison");
        noRun.setWrapText(true);
        noRun.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.beans.binding.BooleanBinding none = vm.comparisonTitleProperty().isEmpty();
        for (javafx.scene.Node n : List.of(compareTitle, compare)) {
            n.visibleProperty().bind(none.not());
            n.managedProperty().bind(none.not());
        }
        noRun.visibleProperty().bind(none);
        noRun.managedProperty().bind(none);
        VBox right = new VBox(6, detail(), compareTitle, noRun, compare);
        right.setPadding(new Insets(4));
        VBox.setVgrow(compare, Priority.ALWAYS);
        compare.getStyleClass().add("dense");
        // the settings as high as all their rows, in the pane's one scroll: a table scrolling inside a scrolling pane
        // showed two rows and a half, and the user had to scroll both to read a comparison
        io.digitstudio.ui.widgets.TableHeights.growToRows(compare);
        javafx.scene.control.ScrollPane rightScroll = detailScroll;
        rightScroll.setContent(right);
        stickyHeader();
        rightScroll.setId("runsDetailScroll");
        rightScroll.setFitToWidth(true);
        rightScroll.setFitToHeight(true);
        rightScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        rightScroll.getStyleClass().add("edge-to-edge");

        SplitPane bottom = new SplitPane(charts, rightScroll);
        bottom.setId("runsBottomSplit");
        bottom.setDividerPositions(CHARTS_SHARE);
        fitComparison(bottom);
        SplitPane main = new SplitPane(table, bottom);
        main.setId("runsSplit");
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.34);
        fitRunsTable(main);
        setCenter(main);
        Label st = new Label();
        st.setId("runsStatus");
        st.textProperty().bind(vm.statusProperty());
        st.setPadding(new Insets(4, 8, 4, 8));
        st.setWrapText(true);
        st.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setBottom(st);
    }

    /** The curves' share of the width beside the selected runs' details, while the settings compared fit beside them. */
    static final double CHARTS_SHARE = 0.58;
    /** The least share of the width the curves keep when the settings compared need more room. */
    static final double LEAST_CHARTS_SHARE = 0.4;

    /**
     * The settings compared as wide as their columns need ({@link io.digitstudio.ui.widgets.Columns#fittingWidth}: the
     * settings' names and each run's values broken between words only), taken from the curves' side down to
     * {@link #LEAST_CHARTS_SHARE}: at 150 % two runs' "momentum-sgd" and checksum beside "data_sha256" need more than
     * the pane's usual share, and would otherwise scroll sideways. When they need less the divider goes back to
     * {@link #CHARTS_SHARE}. Once the user drags the divider, it stays where the user put it. The divider is placed once
     * for the runs compared, the width and the look: a rename or a refresh of the same runs leaves it where it is (a
     * trial saw it jump as a longer name widened a column).
     */
    private void fitComparison(SplitPane bottom) {
        boolean[] dragged = {false};
        // the runs compared, the width and the look the divider was last placed for
        Object[] placedFor = {null};
        bottom.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != bottom; n = n.getParent()) {
                if (n.getStyleClass().contains("split-pane-divider") && n.getParent() == bottom) dragged[0] = true;
            }
        });
        Runnable fit = () -> {
            double w = bottom.getWidth() - bottom.snappedLeftInset() - bottom.snappedRightInset();
            double table = io.digitstudio.ui.widgets.Columns.fittingWidth(compare);
            if (dragged[0] || w <= 0 || table <= 0 || compare.getWidth() <= 0 || bottom.getDividers().isEmpty()) return;
            javafx.scene.Scene scene = bottom.getScene();
            Object now = List.of(w, vm.selectedIds(), scene == null ? List.of() : List.copyOf(scene.getStylesheets()),
                    scene == null ? "" : String.valueOf(scene.getRoot().getStyle()));
            if (now.equals(placedFor[0])) return;
            placedFor[0] = now;
            double gap = 0; // the divider's own width
            for (Node n : bottom.getChildrenUnmodifiable()) if (n.getStyleClass().contains("split-pane-divider") && n instanceof javafx.scene.layout.Region d) gap = d.getWidth();
            // the pane around the table: its padding, and the pane's scroll bar
            double need = table + detailScroll.getWidth() - compare.getWidth() + gap / 2;
            double p = Math.max(LEAST_CHARTS_SHARE, Math.min(CHARTS_SHARE, Math.floor(w - need) / w));
            if (Math.abs(bottom.getDividers().get(0).getPosition() - p) * w < 1) return;
            bottom.setDividerPositions(p);
        };
        Runnable soon = () -> io.digitstudio.ui.widgets.TableHeights.later(bottom, fit);
        bottom.widthProperty().addListener((o, a, b) -> soon.run());
        // the columns measured anew: other runs compared, another font
        compare.needsLayoutProperty().addListener((o, a, needs) -> {
            if (!needs) soon.run();
        });
    }

    /** The runs the table has room for at least, while the divider is the view's to place. */
    static final int ROWS = 3;
    /** The runs the table has room for at most before it scrolls, while the divider is the view's to place. */
    static final int MOST_ROWS = 10;
    /** The most of the view's height the runs table takes by itself: the rest is the curves' and the settings'. */
    public static final double MOST_SHARE = 0.45;

    /**
     * The divider between the runs table and the panes below it. Until the user drags it, the table is as high as its
     * header and {@link #MOST_ROWS} rows, each as high as its lowest row, as far as the curves below keep both charts
     * at their readable height with nothing to scroll (and the table no more than {@link #MOST_SHARE} of the height).
     * Where that leaves less than {@link #ROWS} rows (a large UI scale, the smallest window) the table keeps
     * {@link #ROWS} rows' height, or {@link #MOST_SHARE}, and the charts scroll. A trial at 1280x800 saw three rows of
     * ten runs over empty chart room (issue 32): the table takes the height the charts do not need. It does so
     * whatever the number of runs, which its own scroll bar takes: a table that grew as runs came in pushed the
     * selected run's actions below it further down with each run, and a click meant for Delete… landed on Open in
     * Draw. A filter, a theme switch or a refresh does not move the divider either. Once dragged,
     * the divider stays where the user let go of it, through new runs, theme and scale changes and a resized window.
     * Two heights that undo each other (a lower table's scroll bar wraps its rows taller, which asks for more height,
     * where the bar goes) settle on the higher until the runs, the window, the theme or the scale change
     * ({@link TableFit}).
     */
    private void fitRunsTable(SplitPane main) {
        SplitPane.setResizableWithParent(table, false);
        // where the user let go of the divider, as the table's height; -1 while never dragged
        double[] dragged = {-1};
        boolean[] pressed = {false};
        main.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != main; n = n.getParent()) {
                if (n.getStyleClass().contains("split-pane-divider") && n.getParent() == main) pressed[0] = true;
            }
        });
        main.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (!pressed[0]) return;
            pressed[0] = false;
            double h = main.getHeight() - main.snappedTopInset() - main.snappedBottomInset();
            if (h > 0 && !main.getDividers().isEmpty()) dragged[0] = main.getDividers().get(0).getPosition() * h - dividerHeight(main) / 2;
        });
        TableFit aims = new TableFit();
        // what the table holds and the room round it as at the last fit: when these change, any height may be right
        // again; the heights that come and go with the fit's own aims (scroll bars, wrapped rows) are not part of it
        Object[] round = {null};
        // the rows' height as last measured: kept while no run is in the table (a filter that leaves none)
        double[] row = {0};
        Runnable fit = () -> {
            double h = main.getHeight() - main.snappedTopInset() - main.snappedBottomInset();
            // while the user drags the divider it is theirs: a fit then undid the drag
            if (pressed[0] || h <= 0 || main.getDividers().isEmpty()) return;
            javafx.scene.Scene scene = main.getScene();
            Object now = List.of(h, main.getWidth(), dragged[0], io.digitstudio.ui.widgets.TableHeights.oneLine(table), List.copyOf(table.getItems()),
                    scene == null ? List.of() : List.copyOf(scene.getStylesheets()), scene == null ? "" : String.valueOf(scene.getRoot().getStyle()));
            if (!now.equals(round[0])) aims.reset();
            round[0] = now;
            double want;
            if (dragged[0] >= 0) {
                want = Math.min(dragged[0], h);
            } else {
                if (io.digitstudio.ui.widgets.TableHeights.hasRows(table) || row[0] <= 0) row[0] = io.digitstudio.ui.widgets.TableHeights.rowNow(table);
                double least = io.digitstudio.ui.widgets.TableHeights.forRows(table, ROWS, row[0]);
                double need = io.digitstudio.ui.widgets.TableHeights.forRows(table, MOST_ROWS, row[0]);
                double charts = chartsNeed();
                if (need <= 0 || charts <= 0) return;
                double most = MOST_SHARE * h;
                javafx.scene.layout.Region below = (javafx.scene.layout.Region) main.getItems().get(1);
                double room = h - dividerHeight(main) - below.snappedTopInset() - below.snappedBottomInset() - charts;
                want = Math.floor(Math.max(Math.min(least, most), Math.min(need, Math.min(most, room))));
            }
            java.util.OptionalDouble next = aims.next(want, table.getHeight());
            if (next.isEmpty()) return;
            double p = Math.min(1, (next.getAsDouble() + dividerHeight(main) / 2) / h);
            // the same position again is no change to the split pane: a hair apart, it lays its panes out anew
            if (Math.abs(main.getDividers().get(0).getPosition() - p) < 1e-9) p += 1e-4;
            main.setDividerPositions(p);
        };
        Runnable soon = () -> io.digitstudio.ui.widgets.TableHeights.later(main, fit);
        main.heightProperty().addListener((o, a, b) -> soon.run());
        // the look's rows and header are known once laid out, and change with the UI scale; a theme's restyling may
        // push the divider, which goes back to where it was. A table lower than before, or rows taller (a larger
        // scale), keeps the selected run in sight
        double[] line = {-1};
        table.needsLayoutProperty().addListener((o, a, needs) -> {
            if (needs) return;
            soon.run();
            double now = io.digitstudio.ui.widgets.TableHeights.oneLine(table);
            if (now != line[0]) io.digitstudio.ui.widgets.TableHeights.later(table, selectedInSight);
            line[0] = now;
        });
        table.heightProperty().addListener((o, a, b) -> io.digitstudio.ui.widgets.TableHeights.later(table, selectedInSight));
    }

    /**
     * The height the curves' pane needs to show both charts at their least readable height (theme.css) with nothing to
     * scroll: its padding, the controls' row, a line of the legend (counted whether or not runs are selected, so that
     * a selection does not move the divider) and the charts; 0 before it is laid out.
     */
    private double chartsNeed() {
        Node controls = charts.getChildren().get(0);
        double legendLine = 0;
        for (Node n : controls.lookupAll(".label")) {
            if (n instanceof Label l) legendLine = Math.max(legendLine, l.getHeight());
        }
        double chart = lossChart.minHeight(-1) + accuracyChart.minHeight(-1);
        if (controls.getLayoutBounds().getHeight() <= 0 || legendLine <= 0 || chart <= 0) return 0;
        legendLine += legend.getPadding().getTop() + legend.getPadding().getBottom();
        return Math.ceil(charts.snappedTopInset() + controls.getLayoutBounds().getHeight() + charts.getSpacing() + legendLine
                + charts.getSpacing() + chart + plots.getSpacing() + charts.snappedBottomInset() + 2);
    }

    /** Scrolls the runs table as little as it takes to show the selected run's row whole. */
    private final Runnable selectedInSight = () -> {
        int i = table.getSelectionModel().getSelectedIndex();
        if (i >= 0 && table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) flow.scrollTo(i);
    };

    /** The height of a vertical split pane's divider (0 before it is laid out). */
    private static double dividerHeight(SplitPane split) {
        for (Node n : split.getChildrenUnmodifiable()) {
            if (n.getStyleClass().contains("split-pane-divider") && n instanceof javafx.scene.layout.Region d) return d.getHeight();
        }
        return 0;
    }

    /**
     * The run's title; a named run's id under it, as the command line asks for it ({@code --branch ID@epoch:N}); and
     * under those what the columns out of sight would say of where it comes from: "branch of a1b2c3d4, epoch 2", "sweep
     * a1b2c3d4", and its data set where that is not the app's default training data, the bundled MNIST ("MNIST + my
     * digits", "Fashion-MNIST"). The default is fixed, not the most common data set in the table: a deletion or a
     * refresh that changed the most common one moved the data line from some runs to the others.
     */
    private String named(RunSummary r, TableColumn<?, ?> parent, TableColumn<?, ?> sweep, TableColumn<?, ?> dataset) {
        StringBuilder s = new StringBuilder(r.title());
        if (!r.title().equals(r.id())) s.append('\n').append(r.id());
        if (!parent.isVisible() && !vm.branchOf(r).isEmpty()) s.append("\nbranch of ").append(vm.branchOf(r));
        if (!sweep.isVisible() && !sweep(r).isEmpty()) s.append("\nsweep ").append(sweep(r));
        if (!dataset.isVisible() && !r.dataset().isEmpty() && !r.dataset().equals(io.digitstudio.data.Mnist.NAME)) s.append('\n').append(r.dataset());
        return s.toString();
    }

    private static String firstLine(String s) {
        int at = s.indexOf('\n');
        return at < 0 ? s : s.substring(0, at);
    }

    /** The id of the sweep that made the run ("a1b2c3d4", as the Sweeps view names it); empty for a run of no sweep. */
    static String sweep(RunSummary r) {
        return r.settings() == null || r.settings().sweep() == null ? "" : r.settings().sweep().id();
    }

    /** "Run 2 of sweep a1b2c3d4"; empty for a run of no sweep. */
    static String sweepRun(RunSummary r) {
        if (r.settings() == null || r.settings().sweep() == null) return "";
        return "Run " + (r.settings().sweep().point() + 1) + " of sweep " + r.settings().sweep().id();
    }

    private Node curveControls() {
        ComboBox<RunCurves.Set> set = new ComboBox<>(FXCollections.observableArrayList(RunCurves.Set.values()));
        set.setId("curveSetBox");
        ScreenReader.describe(set, "Curves of", "Plot the validation or the training figures");
        set.valueProperty().bindBidirectional(vm.curveSetProperty());
        set.setConverter(converter(s -> s == RunCurves.Set.VALIDATION ? "Validation" : "Training"));
        ComboBox<RunCurves.XAxis> x = new ComboBox<>(FXCollections.observableArrayList(RunCurves.XAxis.values()));
        x.setId("xAxisBox");
        ScreenReader.describe(x, "Horizontal axis", "Plot the curves by epoch or by wall time");
        x.valueProperty().bindBidirectional(vm.xAxisProperty());
        x.setConverter(converter(v -> v == RunCurves.XAxis.EPOCH ? "by epoch" : "by wall time"));
        // as wide as their choices in the font in force: a ComboBox sized by itself never narrows after a larger scale
        io.digitstudio.ui.widgets.Pickers.fitToChoices(set);
        io.digitstudio.ui.widgets.Pickers.fitToChoices(x);
        x.valueProperty().addListener((o, a, v) -> {
            String label = v == RunCurves.XAxis.EPOCH ? "epoch" : "seconds";
            lossChart.getXAxis().setLabel(label);
            accuracyChart.getXAxis().setLabel(label);
        });
        Slider smooth = new Slider(0, 0.95, 0);
        smooth.setId("smoothingSlider");
        smooth.setAccessibleHelp("How much the curves are smoothed, from 0 (not at all) to 0.95");
        smooth.valueProperty().bindBidirectional(vm.smoothingProperty());
        smooth.setPrefWidth(110);
        Label smoothValue = new Label();
        smoothValue.textProperty().bind(vm.smoothingProperty().asString(Locale.ROOT, "%.2f"));
        CheckBox log = new io.digitstudio.ui.widgets.MnemonicCheckBox("Lo_g loss axis");
        log.setId("logLossCheck");
        log.setAccessibleHelp("Show the loss chart's axis on a log scale");
        log.selectedProperty().bindBidirectional(vm.logLossProperty());
        Label smoothing = new Label("Smoothing");
        smoothing.setLabelFor(smooth); // the slider is read as "Smoothing"
        // the slider, its name and its value wrap as one: "0.00" alone at a line's start read as the log box's
        smoothValue.setId("smoothingValue");
        smoothValue.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        smoothing.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox smoothingGroup = new HBox(8, smoothing, smooth, smoothValue);
        smoothingGroup.setId("smoothingGroup");
        smoothingGroup.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        FlowPane row = new FlowPane(8, 4, set, x, smoothingGroup, log);
        row.setPadding(new Insets(2, 0, 2, 0));
        return row;
    }

    private static <T> StringConverter<T> converter(Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private Node detail() {
        name.setId("runNameField");
        ScreenReader.describe(name, "Run name", "A name for the selected run; Save name and notes keeps it");
        name.setPromptText("Name this run");
        notes.setId("runNotesArea");
        ScreenReader.describe(notes, "Run notes", "Notes on the selected run; Save name and notes keeps them");
        notes.setPromptText("Notes");
        notes.setPrefRowCount(2);
        notes.setWrapText(true);
        // the fields are the view model's: it fills them for the selected run and follows a refresh unless they hold edits
        name.textProperty().bindBidirectional(vm.runNameProperty());
        notes.textProperty().bindBidirectional(vm.runNotesProperty());
        Button save = button("_Save name and notes", "saveRunInfoButton", r -> vm.saveDescription());
        save.setAccessibleHelp("Keep the name and notes typed for this run");
        Button open = button("_Open in Draw", "openRunModelButton", vm::openModel);
        Button eval = button("_Evaluate", "evaluateRunButton", vm::evaluate);
        eval.setAccessibleHelp("Evaluate this run's model on the test set in the Evaluate view");
        eval.setTooltip(new Tooltip("Show this run's model's confusion matrix in Evaluate; Draw, Samples and Inside keep the model in use"));
        Button rerun = button("Ru_n again", "rerunButton", vm::rerun);
        Button resume = button("Resu_me", "resumeRunButton", vm::resume);
        Button export = button("Export _zip…", "exportRunButton", vm::export);
        export.setAccessibleHelp("Save this run's folder (settings, log, models) as a zip");
        Button delete = button("_Delete…", "deleteRunButton", vm::delete);
        // a running or paused run is not deleted: Delete… is off then, and says why in a tooltip on its place (a
        // disabled button shows none of its own) and to a screen reader
        Tooltip deleteTip = new Tooltip();
        javafx.scene.layout.StackPane deletePlace = place(delete, deleteTip, "deleteButtonPlace");
        delete.disableProperty().bind(vm.whyNotDeletableProperty().isNotEmpty());
        javafx.beans.binding.StringBinding deleteHelp = javafx.beans.binding.Bindings.createStringBinding(() -> vm.whyNotDeletableProperty().get().isEmpty()
                ? "Delete this run and its files, after asking" : vm.whyNotDeletableProperty().get(), vm.whyNotDeletableProperty());
        deleteTip.textProperty().bind(deleteHelp);
        delete.accessibleHelpProperty().bind(deleteHelp);
        open.setTooltip(new Tooltip("Make the run's model (its best epoch's, if kept) the active one and draw with it"));
        rerun.setTooltip(new Tooltip("Fill the Train view with this run's settings"));
        // a run with nothing left to resume (all its epochs done, no snapshot) has Resume off, and says why in a
        // tooltip on the button's place (a disabled button shows none of its own)
        Tooltip resumeTip = new Tooltip();
        javafx.scene.layout.StackPane resumePlace = place(resume, resumeTip, "resumeButtonPlace");
        // what the view model found off the UI thread: the view looks at no file itself
        resume.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> !vm.resumabilityProperty().get().possible(),
                vm.resumabilityProperty()));
        resumeTip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.resumabilityProperty().get().possible()
                ? "Continue the run from its last snapshot" : vm.resumabilityProperty().get().why(), vm.resumabilityProperty()));
        FlowPane buttons = new FlowPane(6, 6, open, eval, rerun, resumePlace, export);
        // Save beside the name it saves, not on a line of its own: the settings compared below come a row higher
        save.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(name, Priority.ALWAYS);
        HBox naming = new HBox(6, name, save);
        naming.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // Delete… on the heading's line, at its far end: the name and the notes lie between it and the actions used
        // most, so that a click off by a button lands on neither (it stood under Open in Draw)
        delete.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        deletePlace.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.Region apart = new javafx.scene.layout.Region();
        HBox.setHgrow(apart, Priority.ALWAYS);
        // the run's id under the heading, whole and selectable: a named run's id shows nowhere else in the view, and
        // the command line asks for it
        TextField id = new TextField();
        id.setId("runIdField");
        id.setEditable(false);
        id.setFocusTraversable(false);
        ScreenReader.describe(id, "Run id", "The selected run's id, as the command line takes it; select it to copy it");
        id.setTooltip(new Tooltip("The run's id, as 'digitstudio runs' takes it: select it to copy it"));
        id.setPrefColumnCount(7);
        id.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        id.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<RunSummary>) c -> {
            List<RunSummary> sel = table.getSelectionModel().getSelectedItems();
            id.setText(sel.size() == 1 && sel.get(0) != null ? sel.get(0).id() : "");
        });
        HBox heading = new HBox(6, section("Selected run"), apart, deletePlace);
        heading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // on a line of its own, under the heading: beside it, at 150 % in the smallest window, it pushed Delete… and
        // Save name and notes out of the pane
        VBox box = new VBox(6, heading, id, naming, notes, buttons, branchRow());
        box.setId("runDetail");
        javafx.beans.binding.IntegerBinding selected = javafx.beans.binding.Bindings.size(table.getSelectionModel().getSelectedItems());
        box.disableProperty().bind(selected.isNotEqualTo(1));
        // while no run or several are selected, what applies to one run takes no room: greyed out above the settings,
        // it filled the pane at 150 % and pushed the comparison, or with no run selected the hint to select some, out of
        // sight. One run selected brings it back
        box.visibleProperty().bind(selected.isEqualTo(1));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /**
     * Keeps the settings' header (the runs' names over their columns) at the top of the right pane's view while the
     * settings below it scroll: the table is as high as all its rows in the pane's one scroll, so its own header would
     * scroll away with the first rows, and a value far down would be under no run's name. The header is moved down by
     * as much as the view's top is below it, no further than the table's last row, and drawn in front of the rows.
     */
    private void stickyHeader() {
        Runnable stick = () -> {
            Node header = compare.lookup(".column-header-background");
            Node view = detailScroll.lookup(".viewport");
            if (header == null || view == null || compare.getScene() == null) return;
            header.setViewOrder(-1);
            double viewTop = compare.sceneToLocal(view.localToScene(0, 0)).getY();
            double room = compare.getHeight() - compare.snappedBottomInset() - header.getLayoutY() - header.getLayoutBounds().getHeight();
            double shift = Math.max(0, Math.min(room, viewTop - header.getLayoutY()));
            header.setTranslateY(Math.round(shift));
        };
        // the table moved in the scene: the pane scrolled, the window or the divider moved
        compare.localToSceneTransformProperty().addListener((o, a, b) -> stick.run());
        compare.heightProperty().addListener((o, a, b) -> stick.run());
        compare.needsLayoutProperty().addListener((o, a, needs) -> {
            if (!needs) stick.run();
        });
        detailScroll.viewportBoundsProperty().addListener((o, a, b) -> stick.run());
    }

    /**
     * A button in a place of its own that carries its tooltip too: a disabled button shows no tooltip, so the reason it
     * is off is shown by its place.
     */
    private static javafx.scene.layout.StackPane place(Button button, Tooltip tip, String id) {
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        javafx.scene.layout.StackPane place = new javafx.scene.layout.StackPane(button);
        place.setId(id);
        Tooltip.install(place, tip);
        button.setTooltip(tip);
        return place;
    }

    /**
     * The branch point picker (the ends of the run's epochs, and where it stopped; a click on a curve's point picks
     * that epoch) and "Branch from here…". Where there is no snapshot the button is off, and why is said beside it and
     * in a tooltip on the button's place (a disabled button shows none of its own).
     */
    private final Label compareHint = new Label("Ctrl-click to compare runs");

    private Node branchRow() {
        ComboBox<RunsViewModel.BranchChoice> point = new ComboBox<>(vm.branchChoices());
        point.setId("branchPointBox");
        point.valueProperty().bindBidirectional(vm.branchChoiceProperty());
        point.setPromptText("epoch");
        // a width of its own in em (theme.css), the chosen point said briefly in it, the list below in full: sized by
        // its widest point, a ComboBox grows with the run, never shrinks, and ran past the pane's edge at 150 %
        point.getStyleClass().add("branch-point-box");
        point.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        point.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(RunsViewModel.BranchChoice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? point.getPromptText() : c.brief());
            }
        });
        // an end the run kept no snapshot of is greyed in the list (theme.css: the theme draws no disabled cell), its
        // label says why, and a click can't pick it
        point.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            {
                getStyleClass().add("branch-point-cell");
            }

            @Override
            protected void updateItem(RunsViewModel.BranchChoice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : c.label());
                setDisable(!empty && c != null && !c.available());
            }
        });
        keepsOpenOnGreyedCells(point);
        point.setTooltip(new Tooltip("Where in the run the branch starts: the end of an epoch with a snapshot, or where the run stopped"));
        Button branch = new Button("_Branch from here…");
        branch.setId("branchButton");
        branch.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        branch.setOnAction(e -> vm.branch());
        javafx.beans.binding.BooleanBinding off = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.branchChoiceProperty().get() == null || !vm.branchChoiceProperty().get().available(), vm.branchChoiceProperty());
        branch.disableProperty().bind(off);
        javafx.beans.binding.StringBinding why = javafx.beans.binding.Bindings.createStringBinding(() -> {
            RunsViewModel.BranchChoice c = vm.branchChoiceProperty().get();
            if (c == null) return vm.branchChoices().isEmpty() ? "Select one run to branch from it" : "Choose where the branch starts";
            return c.available() ? "Open the Train view on this run's settings as a new run from its snapshot at " + c.label()
                    + ": change the learning rate, optimizer, schedule or epochs, then Start" : c.unavailable();
        }, vm.branchChoiceProperty(), vm.branchChoices());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(why);
        javafx.scene.layout.StackPane place = place(branch, tip, "branchButtonPlace");
        Label reason = new Label();
        reason.setId("branchReason");
        reason.getStyleClass().add("hint");
        reason.setWrapText(true);
        reason.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the lines it needs, not one cut short
        reason.textProperty().bind(why);
        reason.visibleProperty().bind(off.and(vm.branchChoiceProperty().isNotNull()));
        reason.managedProperty().bind(reason.visibleProperty());
        Label at = new Label("Branch at");
        at.setLabelFor(point);
        at.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        FlowPane row = new FlowPane(6, 6, at, point, place);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, reason);
        box.setId("branchRow");
        return box;
    }

    /**
     * A click on a greyed (disabled) item of {@code box}'s list leaves the list open: the list's skin hides it on any
     * release over the list, the greyed items' included, and the user had to open it again to pick an end that can be
     * branched from. A release over an item that can be picked closes it as before, one over the scroll bar does not.
     * A disabled cell is no pick target (the click lands on the list's flow behind it), so the cell is found by where
     * the pointer is.
     */
    private static <T> void keepsOpenOnGreyedCells(ComboBox<T> box) {
        javafx.beans.value.ChangeListener<javafx.scene.control.Skin<?>> own = (o, was, skin) -> {
            if (!(skin instanceof javafx.scene.control.skin.ComboBoxListViewSkin<?> s)) return;
            s.setHideOnClick(false);
            Node list = s.getPopupContent();
            list.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
                for (Node n = e.getPickResult().getIntersectedNode(); n != null && n != list; n = n.getParent()) {
                    if (n instanceof javafx.scene.control.ScrollBar) return;
                }
                for (Node n : list.lookupAll(".list-cell")) {
                    if (n.isVisible() && n.isDisabled() && n.contains(n.sceneToLocal(e.getSceneX(), e.getSceneY()))) return;
                }
                box.hide();
            });
        };
        box.skinProperty().addListener(own);
        if (box.getSkin() != null) own.changed(box.skinProperty(), null, box.getSkin());
    }

    private Button button(String text, String id, java.util.function.Consumer<RunSummary> action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            RunSummary r = table.getSelectionModel().getSelectedItem();
            if (r != null) action.accept(r);
        });
        return b;
    }

    private void reselect() {
        List<String> ids = vm.selectedIds();
        reselecting = true;
        try {
            table.getSelectionModel().clearSelection();
            for (int i = 0; i < table.getItems().size(); i++) {
                if (ids.contains(table.getItems().get(i).id())) table.getSelectionModel().select(i);
            }
        } finally {
            reselecting = false;
        }
    }

    private void draw(List<RunsViewModel.Curve> curves) {
        lossChart.setAccessibleText(readout("Loss", curves, RunsViewModel.Curve::loss, vm.logLossProperty().get()));
        accuracyChart.setAccessibleText(readout("Accuracy", curves, RunsViewModel.Curve::accuracy, false));
        boolean anyCurrent = curves.stream().anyMatch(RunsViewModel.Curve::current);
        List<XYChart.Series<Number, Number>> losses = new java.util.ArrayList<>();
        List<XYChart.Series<Number, Number>> accuracies = new java.util.ArrayList<>();
        List<Node> keys = new java.util.ArrayList<>();
        for (RunsViewModel.Curve c : curves) {
            String title = c.run().title() + (c.current() ? " (running)" : "");
            losses.add(series(title, c.loss()));
            accuracies.add(series(title, c.accuracy()));
            keys.add(legendEntry(title, c.colour()));
        }
        // all at once: a LineChart restyles every series each time one is added, which drops the classes set below
        lossChart.getData().setAll(losses);
        accuracyChart.getData().setAll(accuracies);
        rangeEpochs(lossChart);
        rangeEpochs(accuracyChart);
        rangeLoss();
        legend.getChildren().setAll(keys);
        for (int i = 0; i < curves.size(); i++) {
            RunsViewModel.Curve c = curves.get(i);
            XYChart.Series<Number, Number> loss = losses.get(i);
            XYChart.Series<Number, Number> acc = accuracies.get(i);
            colour(loss, c.colour());
            colour(acc, c.colour());
            markBranch(loss, c.branchIndex(c.loss()), c.run());
            markBranch(acc, c.branchIndex(c.accuracy()), c.run());
            if (curves.size() == 1 && vm.xAxisProperty().get() == RunCurves.XAxis.EPOCH) pickable(List.of(loss, acc));
            // the run under way on top and bold, the others faded behind it
            for (XYChart.Series<Number, Number> s : List.of(loss, acc)) {
                if (s.getNode() == null) continue;
                if (c.current()) {
                    s.getNode().setStyle("-fx-stroke-width: 3px;");
                    s.getNode().toFront();
                } else if (anyCurrent) {
                    s.getNode().setOpacity(0.35);
                }
            }
        }
    }

    /**
     * By epoch, the x axis ticks whole epochs only ({@link RunCurves#epochTicks}), as many as its width holds with room
     * for their labels: JavaFX's own ranging pads the points' range and ticks it at 0.25 or 2.5, which names no epoch.
     * By wall time, the axis ranges itself.
     */
    private void rangeEpochs(LineChart<Number, Number> chart) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                min = Math.min(min, d.getXValue().doubleValue());
                max = Math.max(max, d.getXValue().doubleValue());
            }
        }
        boolean byEpoch = vm.xAxisProperty().get() == RunCurves.XAxis.EPOCH;
        x.setMinorTickVisible(!byEpoch);
        if (!byEpoch || min > max) {
            x.setAutoRanging(true);
            return;
        }
        // a label of up to four digits and a gap: about 4 em a tick
        double em = x.getTickLabelFont().getSize();
        double length = x.getWidth() > 0 ? x.getWidth() : chart.getWidth();
        RunCurves.Ticks t = RunCurves.epochTicks(min, max, (int) Math.max(1, Math.floor(length / (4 * em))));
        x.setAutoRanging(false);
        x.setLowerBound(t.lower());
        x.setUpperBound(t.upper());
        x.setTickUnit(t.unit());
    }

    /**
     * The loss axis takes its range and unit from here ({@link NiceTicks}, 1, 2 or 5 times a power of ten, as the app's
     * other charts), as many ticks as its height holds, before it is laid out. Its labels carry the digits its range and
     * unit need ({@link #tickLabel}), read from the axis's bounds: JavaFX's own ranging measures the labels, for the
     * axis's width, before it sets the new bounds, so with the bounds of the range before ("0.0176" where the new range
     * shows "0.01759") the axis was laid out too narrow and the longer labels reached over its name.
     */
    private void rangeLoss() {
        NumberAxis y = (NumberAxis) lossChart.getYAxis();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (XYChart.Series<Number, Number> s : lossChart.getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                double v = d.getYValue().doubleValue();
                if (!Double.isFinite(v)) continue;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            y.setAutoRanging(true);
            return;
        }
        // a label's line and as much again between labels
        double em = y.getTickLabelFont().getSize();
        double length = y.getHeight() > 0 ? y.getHeight() : lossChart.getHeight();
        double[] r = NiceTicks.fitValues(min, max, Double.NaN, Double.NaN, Double.NaN, (int) Math.max(2, Math.min(8, Math.floor(length / (3 * em)))));
        y.setAutoRanging(false);
        y.setLowerBound(r[0]);
        y.setUpperBound(r[1]);
        y.setTickUnit(r[2]);
    }

    /**
     * A Runs chart's text for a screen reader: each run's last point, as "Loss chart: run 3 0.12 at epoch 10, run 4 0.15
     * at epoch 5".
     */
    private String readout(String title, List<RunsViewModel.Curve> curves, Function<RunsViewModel.Curve, List<double[]>> points, boolean log10) {
        StringBuilder b = new StringBuilder(title).append(" chart: ");
        String x = vm.xAxisProperty().get() == RunCurves.XAxis.EPOCH ? "epoch" : "second";
        int said = 0;
        for (RunsViewModel.Curve c : curves) {
            List<double[]> p = points.apply(c);
            if (p.isEmpty()) continue;
            double[] last = p.get(p.size() - 1);
            if (said++ > 0) b.append(", ");
            b.append(c.run().title()).append(' ').append(ScreenReader.spoken(log10 ? Math.pow(10, last[1]) : last[1]))
                    .append(" at ").append(x).append(' ').append(ScreenReader.spokenX(last[0]));
        }
        return said == 0 ? b.append("no run selected").toString() : b.toString();
    }

    /** Colours a run's curves repeat after this many runs (theme.css: the palette's five, then the five dashed). */
    static final int COLOURS = 10;

    /** The style class of the run's colour ({@link RunsViewModel#colour}): its curves', points' and legend stroke's. */
    static String colourClass(int colour) {
        return "run-colour" + Math.floorMod(colour, COLOURS);
    }

    /** A series drawn in its run's own colour, whatever its place among the chart's series. */
    private static void colour(XYChart.Series<Number, Number> s, int colour) {
        if (s.getNode() != null) s.getNode().getStyleClass().addAll("run-line", colourClass(colour));
        for (XYChart.Data<Number, Number> d : s.getData()) if (d.getNode() != null) d.getNode().getStyleClass().add(colourClass(colour));
    }

    /** A run's name in the legend, after a stroke of its curves' colour and dashes. */
    private Label legendEntry(String title, int colour) {
        javafx.scene.shape.Line stroke = new javafx.scene.shape.Line(0, 0, 18, 0);
        stroke.getStyleClass().addAll("run-line", colourClass(colour));
        Label l = new Label(title, stroke);
        l.getStyleClass().add("runs-legend-entry");
        // a long name wraps within the pane, whole, instead of widening it
        l.setWrapText(true);
        l.maxWidthProperty().bind(legend.widthProperty());
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** A click on a point of the one run's curves picks the end of that epoch to branch from. */
    private void pickable(List<XYChart.Series<Number, Number>> all) {
        for (XYChart.Series<Number, Number> s : all) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (d.getNode() == null || d.getNode().getStyleClass().contains("branch-point")) continue;
                int epoch = (int) Math.round(d.getXValue().doubleValue());
                d.getNode().setOnMouseClicked(e -> vm.chooseEpoch(epoch));
                Tooltip.install(d.getNode(), new Tooltip("Epoch " + epoch + ": click to branch from here"));
            }
        }
    }

    /**
     * The point of a branch's series at {@code index} is where it left its parent (the first, or further on where the
     * parent was deleted and the series is the branch's whole log): it says so, and picks no epoch of the branch.
     */
    private void markBranch(XYChart.Series<Number, Number> s, int index, RunSummary run) {
        if (index < 0 || index >= s.getData().size() || s.getData().get(index).getNode() == null) return;
        Node n = s.getData().get(index).getNode();
        n.getStyleClass().add("branch-point");
        Tooltip.install(n, new Tooltip(vm.branchPointOf(run)));
    }

    private static XYChart.Series<Number, Number> series(String name, List<double[]> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (double[] p : points) s.getData().add(new XYChart.Data<>(p[0], p[1]));
        return s;
    }

    private void compareColumns() {
        List<RunSummary> sel = vm.selected().stream().filter(r -> !r.damaged()).toList();
        List<TableColumn<RunsViewModel.CompareRow, String>> columns = new java.util.ArrayList<>();
        TableColumn<RunsViewModel.CompareRow, String> setting = new TableColumn<>("setting");
        setting.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().setting()));
        // the names whole while the runs' columns have room for a word each; at a large scale they wrap too
        io.digitstudio.ui.widgets.Columns.wrapsIfNarrow(setting);
        setting.setSortable(false);
        columns.add(setting);
        for (int i = 0; i < sel.size(); i++) {
            int k = i;
            TableColumn<RunsViewModel.CompareRow, String> col = new TableColumn<>(sel.get(i).title());
            col.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(k < d.getValue().values().size() ? d.getValue().values().get(k) : ""));
            io.digitstudio.ui.widgets.Columns.wraps(col);
            // the settings keep the order the runs' summaries give them: no room for a sort arrow beside a run's name
            col.setSortable(false);
            columns.add(col);
        }
        compare.getColumns().setAll(columns);
    }

    /**
     * Keeps the plots of charts one above the other in a box at the same x: each chart's left margin is the room the
     * widest y axis takes beyond its own. A chart starts its plot where its y axis ends, and the axes' tick labels
     * differ in width ("0.26", "0.9450"), so without it the same epoch would sit at different x in the two plots. An
     * axis's width follows its labels, not the width its chart is given, so the margins settle in one layout.
     */
    @SafeVarargs
    private static void alignPlots(LineChart<Number, Number>... charts) {
        javafx.beans.InvalidationListener align = o -> {
            double widest = 0;
            for (LineChart<Number, Number> c : charts) widest = Math.max(widest, c.getYAxis().getWidth());
            for (LineChart<Number, Number> c : charts) {
                double spare = widest - c.getYAxis().getWidth();
                Insets now = VBox.getMargin(c);
                if (now == null ? spare != 0 : now.getLeft() != spare) VBox.setMargin(c, new Insets(0, 0, 0, spare));
            }
        };
        for (LineChart<Number, Number> c : charts) c.getYAxis().widthProperty().addListener(align);
    }

    private static LineChart<Number, Number> chart(String id, String yLabel) {
        NumberAxis x = new NumberAxis();
        x.setLabel("epoch");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        LineChart<Number, Number> c = new WholeMarks(x, y);
        c.setId(id);
        // a picture to the screen reader, its text each run's last point (see readout)
        c.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        c.setAccessibleText((yLabel.equals("loss") ? "Loss" : "Accuracy") + " chart: no run selected");
        c.setAccessibleHelp("A line chart of each selected run's " + yLabel + "; its text gives each run's last point");
        c.setCreateSymbols(true);
        c.setAnimated(false);
        c.setLegendVisible(false); // one legend above both charts names the runs (see legend)
        c.getStyleClass().add("runs-chart"); // its least height in em (theme.css): room for its axis name at any scale
        if (yLabel.equals("loss")) {
            // on the log scale the axis holds log10(loss): its labels show the loss itself
            y.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number v) {
                    boolean log = y.getLabel().contains("log");
                    return tickLabel(v.doubleValue(), y.getLowerBound(), y.getUpperBound(), y.getTickUnit(), log);
                }

                @Override
                public Number fromString(String s) {
                    return null;
                }
            });
        }
        return c;
    }

    /**
     * A line chart whose points are drawn whole at the plot's edges: the plot clips its content to the axes' rectangle,
     * which cut the top accuracy, the lowest loss and the first and last epochs' marks in half. The clip reaches out by
     * the largest mark's half size (a branch point's is larger), into the chart's padding; the curves lie inside the axes'
     * ranges, so only the marks use that room.
     */
    private static final class WholeMarks extends LineChart<Number, Number> {
        private final javafx.beans.property.DoubleProperty bleed = new javafx.beans.property.SimpleDoubleProperty(0);

        WholeMarks(NumberAxis x, NumberAxis y) {
            super(x, y);
            Node content = lookup(".plot-content");
            for (Node n = content; n != null && n != this; n = n.getParent()) {
                if (!(n.getClip() instanceof javafx.scene.shape.Rectangle own)) continue;
                javafx.scene.shape.Rectangle grown = new javafx.scene.shape.Rectangle();
                grown.xProperty().bind(own.xProperty().subtract(bleed));
                grown.yProperty().bind(own.yProperty().subtract(bleed));
                grown.widthProperty().bind(own.widthProperty().add(bleed.multiply(2)));
                grown.heightProperty().bind(own.heightProperty().add(bleed.multiply(2)));
                n.setClip(grown);
            }
        }

        @Override
        protected void layoutPlotChildren() {
            super.layoutPlotChildren();
            double half = 0;
            for (XYChart.Series<Number, Number> s : getData()) {
                for (XYChart.Data<Number, Number> d : s.getData()) {
                    if (d.getNode() instanceof javafx.scene.layout.Region r) half = Math.max(half, Math.max(r.getWidth(), r.getHeight()) / 2);
                }
            }
            bleed.set(Math.ceil(half) + 1);
        }
    }

    /**
     * A loss axis's tick at {@code v} (log10 of the loss on a log axis): with the fewest significant digits, three at
     * least, that give every tick from {@code lo} to {@code hi} a label of its own.
     */
    static String tickLabel(double v, double lo, double hi, double unit, boolean log) {
        java.util.function.DoubleUnaryOperator shown = log ? t -> Math.pow(10, t) : t -> t;
        int n = unit > 0 && hi > lo ? (int) Math.min(200, Math.floor((hi - lo) / unit + 1e-9) + 1) : 0;
        for (int digits = 3; digits < 10; digits++) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            boolean distinct = true;
            for (int i = 0; i < n && distinct; i++) distinct = seen.add(significant(shown.applyAsDouble(lo + i * unit), digits));
            if (distinct) return significant(shown.applyAsDouble(v), digits);
        }
        return significant(shown.applyAsDouble(v), 10);
    }

    private static String significant(double v, int digits) {
        if (v == 0 || !Double.isFinite(v)) return String.valueOf(v);
        if (Math.abs(v) >= Formats.SCIENTIFIC_FROM) return Formats.scientific(v, digits);
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%." + digits + "g", v)).stripTrailingZeros().toPlainString();
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** Cells that show their value and, where {@code tip} says more about the run, that as a tooltip. */
    private static void tipped(TableColumn<RunSummary, String> column, Function<RunSummary, String> tip) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                RunSummary r = empty || getTableRow() == null ? null : getTableRow().getItem();
                String more = r == null ? "" : tip.apply(r);
                setTooltip(more.isEmpty() ? null : new Tooltip(more));
            }
        });
    }

    private static TableColumn<RunSummary, String> text(String title, Function<RunSummary, String> f) {
        TableColumn<RunSummary, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        // no width of its own: Columns makes it as wide as its title and the values it holds now, so a column with no
        // values (no branch among the runs) takes only its title's room and leaves the rest to the others
        c.setPrefWidth(0);
        return c;
    }

    /**
     * When each run started, on one line ("12-06 14:39") with its full date and time in the cell's tooltip, sorted by
     * the time itself. The full form breaks after its date in the room beside the sweep and the branch columns, and
     * makes each row two lines high; kept whole, it pushes those columns out of a 1024 px window.
     */
    private static TableColumn<RunSummary, java.time.Instant> started() {
        TableColumn<RunSummary, java.time.Instant> c = new TableColumn<>("started");
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().created()));
        c.setPrefWidth(0);
        c.setComparator(Comparator.naturalOrder());
        io.digitstudio.ui.widgets.Columns.shownAs(c, WHEN_SHORT::format);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(java.time.Instant t, boolean empty) {
                super.updateItem(t, empty);
                if (empty || t == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                setText(WHEN_SHORT.format(t));
                String full = WHEN.format(t);
                if (getTooltip() == null || !full.equals(getTooltip().getText())) setTooltip(new Tooltip(full));
            }
        });
        return c;
    }

    public RunsViewModel viewModel() {
        return vm;
    }

    public TableView<RunSummary> table() {
        return table;
    }
}
