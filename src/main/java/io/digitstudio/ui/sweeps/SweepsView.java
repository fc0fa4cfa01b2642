package io.digitstudio.ui.sweeps;

import io.digitstudio.runs.sweep.Axis;
import io.digitstudio.runs.sweep.SweepChart;
import io.digitstudio.runs.sweep.SweepResult;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.function.Function;

/**
 * The Sweeps view: on the left what to sweep and Start/Stop/Resume/Export; on the right the progress, the table of the
 * sweep's runs sorted by best validation accuracy, and the scatter of accuracy against each swept value.
 */
public final class SweepsView extends BorderPane {
    private final SweepsViewModel vm;
    private final TableView<SweepResult.Row> table = new TableView<>();
    private final ImageView chart = new ImageView();
    /** Hidden: the chart's type and text colour, and its grid's, points' and best point's colours, from the theme. */
    private final Label chartText = new Label("0");
    private final javafx.scene.layout.Region gridSwatch = new javafx.scene.layout.Region();
    private final javafx.scene.layout.Region pointSwatch = new javafx.scene.layout.Region();
    private final javafx.scene.layout.Region bestSwatch = new javafx.scene.layout.Region();

    public SweepsView(SweepsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("sweeps-view");
        // the form and the sweeps' table keep 12 px from the view's edges (their margins); the status line runs across
        // the whole width at the window's bottom edge, its text where the Train view's is

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(110);
        form.getColumnConstraints().addAll(labels, fields);
        ColumnConstraints labels2 = new ColumnConstraints();
        labels2.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields2 = new ColumnConstraints();
        fields2.setHgrow(Priority.ALWAYS);
        fields2.setMinWidth(110);
        oneColumn = List.of(labels, fields);
        twoColumns = List.of(labels, fields, labels2, fields2);
        int row = 0;
        row = field(form, row, "Network", "sweepNetworkField", "network", "tutorial, wide, lenet, or a spec such as \"linear 50, relu, linear\"");
        row = field(form, row, "Learning rates", "sweepLrField", "learningRates", "Values to try, separated by commas: 0.1,0.03,0.01");
        listField(form, "#sweepLrField");
        row = field(form, row, "Batch sizes", "sweepBatchField", "batchSizes", "Values to try, separated by commas: 64,128");
        listField(form, "#sweepBatchField");
        row = field(form, row, "Epochs", "sweepEpochsField", "epochs", "Epochs of every run");
        // empty is all the examples, and says so as the Train form's same fields do
        row = field(form, row, "Training examples", "sweepTrainSizeField", "trainSize", "Use only the first N training examples (empty: all)");
        ((TextField) form.lookup("#sweepTrainSizeField")).setPromptText(io.digitstudio.ui.widgets.FormWords.ALL_EXAMPLES);
        row = field(form, row, "Test examples", "sweepTestSizeField", "testSize", "Use only the first N test examples (empty: all)");
        ((TextField) form.lookup("#sweepTestSizeField")).setPromptText(io.digitstudio.ui.widgets.FormWords.ALL_EXAMPLES);
        row = field(form, row, "Runs at once", "sweepParallelField", "parallel",
                "Runs that train at the same time, one core each (this machine has " + vm.cores() + "); results do not depend on it");

        Button start = new Button("_Start");
        start.setId("sweepStartButton");
        start.setAccessibleHelp("Train one run for each combination of the values typed in");
        start.setDefaultButton(true);
        // off while a field is wrong; the status line says why, and each field what is wrong with it
        start.disableProperty().bind(vm.runningProperty().or(vm.startBlockerProperty().isNotNull()));
        start.setOnAction(e -> vm.start());
        Button stop = new Button("S_top");
        stop.setId("sweepStopButton");
        stop.setAccessibleHelp("Stop the sweep after the runs under way");
        stop.disableProperty().bind(vm.runningProperty().not());
        stop.setOnAction(e -> vm.stop());
        Button resume = new Button("Resu_me");
        resume.setId("sweepResumeButton");
        resume.setAccessibleHelp("Go on with the chosen sweep's runs that did not finish");
        resume.disableProperty().bind(vm.resumableProperty().not().or(vm.runningProperty()));
        resume.setOnAction(e -> vm.resume());
        Button export = new Button("_Export CSV…");
        export.setId("sweepExportButton");
        export.setAccessibleHelp("Save the sweep's table as CSV");
        export.disableProperty().bind(vm.resultProperty().isNull());
        export.setOnAction(e -> vm.exportCsv());
        Button reset = new Button(io.digitstudio.ui.widgets.FormWords.RESET);
        reset.setId("sweepResetButton");
        io.digitstudio.ui.widgets.Tips.set(reset, io.digitstudio.ui.widgets.FormWords.RESET_HELP);
        reset.disableProperty().bind(vm.runningProperty());
        reset.setOnAction(e -> vm.resetToDefaults());
        // a row that wraps: at a large UI scale Resume goes under Start rather than past the form's edge. No wider than
        // the form: a flow pane asks for 400 px whatever it holds, and the form's column took that from the table
        javafx.scene.layout.FlowPane buttons = new javafx.scene.layout.FlowPane(8, 8, start, stop, resume) {
            @Override
            protected double computePrefWidth(double height) {
                return Math.max(minWidth(height), Math.min(super.computePrefWidth(height), form.prefWidth(-1)));
            }
        };
        for (Button b : List.of(start, stop, resume, export, reset)) b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        Label message = wrapsWithin(form);
        message.setId("sweepMessage");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        Label hint = wrapsWithin(form);
        hint.setText("Each run is recorded in the history (the Runs tab) with the sweep's id.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);

        VBox left = new VBox(12, form, buttons, export, reset, message, hint);
        this.form = form;
        this.buttons = buttons;
        this.left = left;
        this.export = export;
        this.reset = reset;
        // as wide as its labels and fields in the font in force (the lists' fields fit their values): at a fixed 300 px
        // the learning rates showed as "0.1,0.03," at 150 %
        left.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        left.setPadding(new Insets(0, 12, 0, 0));
        // the form keeps its lines whole and scrolls where a large UI scale leaves less height (1024x700 at 200 %)
        // and takes at most FORM_SHARE of the view's width, so the sweeps' list and table keep theirs: where its lines
        // need more (200 %), it scrolls sideways too
        javafx.scene.control.ScrollPane leftScroll = new javafx.scene.control.ScrollPane(left) {
            @Override
            protected double computePrefWidth(double height) {
                double want = super.computePrefWidth(height);
                double view = SweepsView.this.getWidth();
                return view > 0 ? Math.min(want, FORM_SHARE * view) : want;
            }
        };
        leftScroll.setId("sweepFormScroll");
        leftScroll.setFitToWidth(true);
        leftScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
        leftScroll.getStyleClass().add("edge-to-edge");
        setMargin(leftScroll, new Insets(12, 0, 0, 12));
        setLeft(leftScroll);

        Label status = new Label();
        status.setId("sweepStatus");
        // while it says why Start is off, a click puts the cursor in the first wrong field
        status.setOnMouseClicked(e -> {
            if (vm.startBlockerProperty().get() != null && !vm.runningProperty().get()) focusFirstError();
        });

        table.setId("sweepTable");
        io.digitstudio.ui.widgets.ScreenReader.describe(table, "Sweep runs", "The sweep's runs with their settings and results, best validation accuracy first");
        table.setItems(vm.rows());
        // each column as wide as its title and values (a swept setting's name, "failed to learn"), the last one taking
        // the rest; the table scrolls sideways rather than cut one
        io.digitstudio.ui.widgets.Columns.keepWhole(table);
        // how to start a sweep, or which sweep is being read: never "Start a sweep" beside a picker naming one
        Label empty = new Label();
        empty.setId("sweepTableEmpty");
        empty.textProperty().bind(vm.emptyTableProperty());
        empty.setWrapText(true); // in a narrow table at a large scale it takes two lines rather than lose its end
        // with an unseen styled cell: the columns are measured with the cells' paddings before the sweep's rows come
        table.setPlaceholder(io.digitstudio.ui.widgets.Columns.placeholder(empty));
        table.setPrefHeight(260);
        vm.resultProperty().addListener((o, a, r) -> {
            if (r != null && (a == null || !a.sweep().axes().equals(r.sweep().axes()))) columns(r.sweep());
        });
        columns(null);
        // a run started, trained an epoch or failed: its row says so at once
        vm.trialChangesProperty().addListener((o, a, b) -> {
            table.refresh();
            io.digitstudio.ui.widgets.Columns.fit(table); // a longer value than expected widens its column
        });

        chart.setId("sweepChart");
        io.digitstudio.ui.widgets.ScreenReader.describe(chart, CHART_TEXT,
                "The sweep runs table lists the same runs with their figures, best first");
        // said as the chart draws its axes ("Learning rate (lr)"), which name them as the table's columns do
        vm.resultProperty().addListener((o, a, r) -> chart.setAccessibleText(r == null || r.sweep().varied().isEmpty() ? CHART_TEXT
                : "Sweep chart: best validation accuracy against " + String.join(" and ", r.sweep().varied().stream().map(x -> r.sweep().axisTitle(x.name())).toList())
                + ", one point per run"));
        chart.setPreserveRatio(true);
        chart.setSmooth(true);
        vm.chartProperty().addListener((o, a, c) -> {
            if (c == null) {
                chart.setImage(null);
                return;
            }
            WritableImage img = new WritableImage(c.width(), c.height());
            img.getPixelWriter().setPixels(0, 0, c.width(), c.height(), PixelFormat.getIntArgbInstance(), c.argb(), 0, c.width());
            chart.setImage(img);
        });
        // the whole chart, its axes' values too, drawn for its place: at its size, in the theme's colours and the UI
        // scale's type (SweepChart.Look), which the pane's hidden swatches and caption take from the theme's sheet
        javafx.scene.layout.Pane chartPane = new javafx.scene.layout.Pane(chart, chartText, gridSwatch, pointSwatch, bestSwatch) {
            @Override
            protected void layoutChildren() {
                double w = getWidth() - snappedLeftInset() - snappedRightInset();
                double h = getHeight() - snappedTopInset() - snappedBottomInset();
                chart.setFitWidth(Math.max(1, w));
                chart.setFitHeight(Math.max(1, h));
                javafx.geometry.Bounds b = chart.getLayoutBounds();
                chart.relocate(snappedLeftInset() + Math.floor((w - b.getWidth()) / 2), snappedTopInset() + Math.floor((h - b.getHeight()) / 2));
                chartLook(w, h);
            }
        };
        chartPane.getStyleClass().add("sweep-chart");
        chartText.getStyleClass().add("chart-text");
        gridSwatch.getStyleClass().add("grid-swatch");
        pointSwatch.getStyleClass().add("point-swatch");
        bestSwatch.getStyleClass().add("best-swatch");
        for (javafx.scene.layout.Region r : List.of(chartText, gridSwatch, pointSwatch, bestSwatch)) {
            r.setManaged(false);
            r.setVisible(false);
        }
        // a theme or a scale chosen: the colours and the type change, the place may not
        javafx.beans.InvalidationListener restyled = o -> chartPane.requestLayout();
        chartText.fontProperty().addListener(restyled);
        chartText.textFillProperty().addListener(restyled);
        for (javafx.scene.layout.Region r : List.of(chartPane, gridSwatch, pointSwatch, bestSwatch)) r.backgroundProperty().addListener(restyled);
        chartPane.setId("sweepChartPane");
        chartPane.setMinSize(0, 0);
        chartPane.setPrefSize(360, 270);

        VBox right = new VBox(8, sweepPicker(), table, chartPane);
        VBox.setVgrow(table, Priority.ALWAYS);
        setMargin(right, new Insets(12, 12, 0, 0));
        setCenter(right);
        setBottom(statusBar(status));
        reflow(leftScroll, left, right, status);
    }

    /**
     * The status line, as the Train view's is made (a {@link io.digitstudio.ui.widgets.StatusLine}): what the sweep does
     * or did on the left (idle, which run of how many trains, finished, failed and why), and on the right its state in
     * a word and a bar of its runs done.
     */
    private Region statusBar(Label text) {
        // while runs train, what each has done so far in full: the line says it briefly, to keep to one line
        Tooltip detail = new Tooltip();
        detail.textProperty().bind(vm.detailProperty());
        text.tooltipProperty().bind(javafx.beans.binding.Bindings.when(vm.detailProperty().isEmpty()).then((Tooltip) null).otherwise(detail));
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        Label state = new Label();
        state.setId("sweepStateLabel");
        state.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.phaseProperty().get().label(), vm.phaseProperty()));
        // shown while the line says the sweep's state, gone while it says why Start is off (the one message then); its
        // room stays, so the message beside it does not move
        state.visibleProperty().bind(vm.stateTextProperty().isNotEmpty());
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.getStyleClass().add("status-info");
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setId("sweepProgressBar");
        io.digitstudio.ui.widgets.ScreenReader.describe(bar, "Sweep progress", "How much of the sweep's runs is done");
        bar.setPrefWidth(160);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(state.visibleProperty());
        HBox figures = new HBox(8, state, bar);
        figures.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        figures.setMinWidth(Region.USE_PREF_SIZE);
        return io.digitstudio.ui.widgets.StatusLine.bar("sweepStatusBar", vm.statusProperty(), text, figures);
    }

    /**
     * A label that wraps its text within the form's width rather than widen the form's column to its text on one line:
     * the hint's one line made the column as wide as the text, and the table beside it gave way to its last columns.
     */
    private static Label wrapsWithin(GridPane form) {
        Label l = new Label() {
            @Override
            protected double computePrefWidth(double height) {
                return Math.min(super.computePrefWidth(height), form.prefWidth(-1));
            }
        };
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    /** The form, its buttons and the column they make beside the table; and the form's columns, as one or two. */
    private GridPane form;
    private javafx.scene.layout.FlowPane buttons;
    private VBox left;
    private Button export, reset;
    private List<ColumnConstraints> oneColumn, twoColumns;

    /**
     * The form's fields in one column (beside the table), or two fields a line with all the buttons on one (above the
     * table, where they fit): above it, in one column, the form pushed the table out of sight at 150 % in the smallest
     * window. The fields keep their order, left to right and then down, for the eye and for Tab.
     */
    private void formInColumns(boolean two) {
        fieldsInColumns(two);
        if (two && export.getParent() == left) {
            left.getChildren().removeAll(export, reset);
            buttons.getChildren().addAll(export, reset);
        } else if (!two && export.getParent() == buttons) {
            buttons.getChildren().removeAll(export, reset);
            left.getChildren().add(left.getChildren().indexOf(buttons) + 1, export);
            left.getChildren().add(left.getChildren().indexOf(export) + 1, reset);
        }
    }

    /**
     * Whether the form's fields fit two a line in the view's width, beside the page's margins and scroll bar: at 150 %
     * in the smallest window they do; at 200 % they would push the page past the window's edge, and take one a line.
     */
    private boolean twoFit(double em) {
        fieldsInColumns(true);
        form.applyCss();
        double need = form.prefWidth(-1) + left.getPadding().getLeft() + left.getPadding().getRight();
        return need <= getWidth() - 24 - 2 * em;
    }

    /** The form's fields one or two a line; its buttons stay where they are. */
    private void fieldsInColumns(boolean two) {
        List<javafx.scene.Node> cells = List.copyOf(form.getChildren());
        for (int i = 0; i < cells.size(); i++) {
            int field = i / 2;
            int column = (i % 2) + (two ? 2 * (field % 2) : 0);
            GridPane.setConstraints(cells.get(i), column, two ? field / 2 : field);
        }
        form.getColumnConstraints().setAll(two ? twoColumns : oneColumn);
    }

    /** Below this width, in ems of the view's text, the form goes above the sweeps' table instead of beside it. */
    static final double STACK_EM = 64;

    /**
     * The form beside the sweeps' list, table and chart where the view is wide enough for the table's columns beside
     * it, else above them in one scrolling page (a large UI scale, a small window): beside the form at 150 % the table
     * had a third of the width and scrolled sideways to its results.
     */
    private void reflow(javafx.scene.control.ScrollPane leftScroll, VBox left, VBox right, Label text) {
        VBox page = new VBox(12);
        javafx.scene.control.ScrollPane pageScroll = new javafx.scene.control.ScrollPane(page);
        pageScroll.setId("sweepPageScroll");
        pageScroll.setFitToWidth(true);
        pageScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        pageScroll.getStyleClass().add("edge-to-edge");
        setMargin(pageScroll, new Insets(12, 12, 0, 12));
        Runnable fit = () -> {
            double em = text.getFont().getSize();
            boolean stacked = getWidth() > 0 && getWidth() / em < STACK_EM;
            if (stacked) formInColumns(twoFit(em));
            if (stacked == (getCenter() == pageScroll)) return;
            if (stacked) {
                setLeft(null);
                setCenter(null);
                leftScroll.setContent(null);
                // the table as high as a few rows in the page's one scroll
                table.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                page.getChildren().setAll(left, right);
                setCenter(pageScroll);
            } else {
                setCenter(null);
                page.getChildren().clear();
                table.setMinHeight(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                formInColumns(false);
                leftScroll.setContent(left);
                setLeft(leftScroll);
                setCenter(right);
            }
        };
        Runnable soon = () -> io.digitstudio.ui.widgets.TableHeights.later(this, fit);
        widthProperty().addListener((o, a, b) -> soon.run());
        text.fontProperty().addListener((o, a, b) -> soon.run());
    }

    /**
     * Asks for the chart drawn {@code w} x {@code h} (layout units) at the screen's pixels per unit, in the theme's colours
     * and the caption's type; nothing before the pane has a size and a style.
     */
    private void chartLook(double w, double h) {
        if (w < 1 || h < 1 || getScene() == null || getScene().getWindow() == null) return;
        double px = Math.max(1, getScene().getWindow().getRenderScaleX());
        SweepChart.Look print = SweepChart.Look.PRINT;
        SweepChart.Look look = new SweepChart.Look(rgb(fill(chart.getParent() instanceof javafx.scene.layout.Region r ? r : null), print.background()),
                chartText.getTextFill() instanceof Color c ? rgb(c) : print.text(), rgb(fill(gridSwatch), print.grid()),
                rgb(fill(pointSwatch), print.point()), rgb(fill(bestSwatch), print.best()), (float) (chartText.getFont().getSize() * px));
        vm.chartLook(new SweepsViewModel.ChartLook((int) Math.floor(w * px), (int) Math.floor(h * px), look));
    }

    /** A region's first background colour, opaque; null without one. */
    private static Color fill(javafx.scene.layout.Region r) {
        if (r == null || r.getBackground() == null) return null;
        for (var f : r.getBackground().getFills()) if (f.getFill() instanceof Color c && c.getOpacity() == 1) return c;
        return null;
    }

    private static int rgb(Color c, int fallback) {
        return c == null ? fallback : rgb(c);
    }

    private static int rgb(Color c) {
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /** The history's sweeps, the command line's too: choosing one shows its table and chart (and Resume, if it stopped). */
    private javafx.scene.Node sweepPicker() {
        javafx.scene.control.ComboBox<io.digitstudio.runs.sweep.Sweep> box = new javafx.scene.control.ComboBox<>(vm.sweeps());
        box.setId("sweepsBox");
        // "none yet" only once the history's sweeps have been read and it holds none
        box.promptTextProperty().bind(javafx.beans.binding.Bindings.when(vm.readingProperty()).then(READING_PROMPT).otherwise(NONE_PROMPT));
        box.valueProperty().bindBidirectional(vm.chosenProperty());
        box.disableProperty().bind(vm.runningProperty());
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(io.digitstudio.runs.sweep.Sweep s) {
                return s == null ? "" : SweepsViewModel.saying(s).get(0);
            }

            @Override
            public io.digitstudio.runs.sweep.Sweep fromString(String text) {
                return null;
            }
        });
        // the chosen sweep said as fully as the box's width lets it be, shorter rather than cut ("…" hid its runs and
        // date at 150 %); the list below says each in full
        box.setButtonCell(new javafx.scene.control.ListCell<>() {
            {
                widthProperty().addListener((o, a, b) -> shorten(getItem()));
                fontProperty().addListener((o, a, b) -> shorten(getItem()));
                box.promptTextProperty().addListener((o, a, b) -> shorten(getItem()));
            }

            @Override
            protected void updateItem(io.digitstudio.runs.sweep.Sweep s, boolean empty) {
                super.updateItem(s, empty);
                shorten(empty ? null : s);
            }

            private void shorten(io.digitstudio.runs.sweep.Sweep s) {
                if (s == null) {
                    setText(box.getPromptText());
                    return;
                }
                double room = getWidth() - snappedLeftInset() - snappedRightInset();
                javafx.scene.text.Text probe = new javafx.scene.text.Text();
                probe.setFont(getFont());
                List<String> ways = SweepsViewModel.saying(s);
                String shown = ways.get(ways.size() - 1);
                for (String w : ways) {
                    probe.setText(w);
                    // before the cell is laid out its width is unknown: the fullest, as the list says it
                    if (room <= 0 || probe.getLayoutBounds().getWidth() <= room) {
                        shown = w;
                        break;
                    }
                }
                if (!shown.equals(getText())) setText(shown);
            }
        });
        box.setTooltip(new Tooltip("Every sweep of the run history, from here or the command line ('sweep'), newest first"));
        Button refresh = new Button("_Refresh");
        refresh.setId("sweepsRefreshButton");
        refresh.setAccessibleHelp("Read the history's sweeps again, with those from the command line");
        refresh.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        refresh.disableProperty().bind(vm.runningProperty());
        refresh.setOnAction(e -> vm.refresh());
        Label l = new Label("Sweep");
        l.setLabelFor(box);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, l, box, refresh);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    /** What the picker says with no sweep chosen: while the history's sweeps are read, and once it holds none. */
    static final String READING_PROMPT = "reading…", NONE_PROMPT = "none yet";

    /**
     * A labelled field of the form, marked while its value is wrong, with what is wrong right under it as the user types
     * (the Train form's way): said once at the form's foot after Start, the message was far from its field.
     */
    private int field(GridPane form, int row, String label, String id, String key, String tip) {
        Label l = new Label(label);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(vm.field(key));
        f.setTooltip(new Tooltip(tip));
        f.setPrefColumnCount(FIELD_COLUMNS);
        l.setLabelFor(f);
        javafx.beans.property.ReadOnlyStringProperty error = vm.fieldErrorProperty(key);
        Label message = new Label();
        message.setId(id + "Error");
        message.getStyleClass().setAll("label", "field-error");
        message.textProperty().bind(error);
        message.setWrapText(true);
        // as wide as the room under the field, not as its text: it wraps there rather than widen the form's column
        message.setMinWidth(0);
        message.setPrefWidth(0);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.visibleProperty().bind(error.isNotNull());
        message.managedProperty().bind(message.visibleProperty());
        f.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, error.get() != null);
        error.addListener((o, a, b) -> f.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, b != null));
        checked.put(key, f);
        VBox cell = new VBox(2, f, message);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setPadding(new Insets(4, 0, 0, 0));
        form.addRow(row, l, cell);
        return row + 1;
    }

    /** The form's fields by their keys, in the form's order. */
    private final java.util.Map<String, TextField> checked = new java.util.LinkedHashMap<>();

    /** Puts the cursor in the first wrong field; false when none is. */
    boolean focusFirstError() {
        for (String k : vm.badFieldsProperty().get()) {
            TextField f = checked.get(k);
            if (f == null || f.getScene() == null) continue;
            f.requestFocus();
            f.selectAll();
            return true;
        }
        return false;
    }

    /** The most of the view's width the form takes. */
    static final double FORM_SHARE = 0.45;

    /**
     * The columns of a field, as JavaFX counts them (the width of a "W" each): a preset's name or a short spec, and a
     * number, show whole. JavaFX's 12 columns made the form's fields 178 px wide for values of a few digits, and the
     * table beside them gave way to its last columns in the smallest window.
     */
    static final int FIELD_COLUMNS = 10;

    /**
     * A field whose value is a list of values ("0.1,0.03,0.01"): the default lists show whole in its columns at any UI
     * scale, and a longer list scrolls in it, as in any text field. The field keeps its width: widened with the list, it
     * pushed the table beside the form to give way to its last column (Time) in the smallest window.
     */
    private static void listField(GridPane form, String id) {
        TextField f = (TextField) form.lookup(id);
        f.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }

    private static final String CHART_TEXT = "Sweep chart: best validation accuracy against each swept value, one point per run";

    private void columns(io.digitstudio.runs.sweep.Sweep sweep) {
        List<Axis> axes = sweep == null ? List.of() : sweep.axes();
        table.getColumns().clear();
        // the rank by best accuracy: "#" as in a results list, and "Rank" to a screen reader and in its tooltip, as
        // the history names a sweep's run by its place in the grid ("#3")
        TableColumn<SweepResult.Row, String> rank = column("#", r -> String.valueOf(table.getItems().indexOf(r) + 1), 20);
        io.digitstudio.ui.widgets.Columns.titleMeans(rank, "Rank", "Rank by best accuracy");
        table.getColumns().add(rank);
        TableColumn<SweepResult.Row, String> run = column("Run", r -> r.run() == null ? "–" : r.run().id(), 60);
        table.getColumns().add(run);
        // a swept setting titled as the Train form labels its field ("Batch size"), not by its key in the files; the
        // learning rate "lr", as the Train view's epoch table titles it (the form's words took the room of the columns
        // that give way, at 150 % in the smallest window), "Learning rate" to a screen reader and in its tooltip; the
        // chart names that axis "Learning rate (lr)", so the two read alike
        for (Axis a : axes) {
            String label = sweep.label(a.name());
            TableColumn<SweepResult.Row, String> c = column(sweep.column(a.name()), r -> sweep.shown(a.name(), r.values().get(a.name())), 40);
            io.digitstudio.ui.widgets.Columns.titleMeans(c, label, sweep.axisTitle(a.name()) + " of the run");
            table.getColumns().add(c);
        }
        // on one line, as wide as the longest state the sweep's rows can say: a row that wrapped "running, epoch 2 of 3"
        // grew taller as its run trained
        TableColumn<SweepResult.Row, String> state = column("Status", vm::trialState, 60);
        table.getColumns().add(state);
        // the titles on one line, as the Runs view's "best", "final" and "time": "Best\naccuracy" took a second line of
        // the header's height, and nine columns with such titles needed more than the smallest window's width. The best
        // epoch in brackets beside its accuracy, where a column of its own took its title's width for a number
        TableColumn<SweepResult.Row, String> best = column("Best (epoch)", vm::bestWithEpoch, 60);
        io.digitstudio.ui.widgets.Columns.titleMeans(best, "Best accuracy (epoch)", "Best validation accuracy, and the epoch that reached it");
        table.getColumns().add(best);
        TableColumn<SweepResult.Row, String> last = column("Final", vm::finalAccuracy, 50);
        io.digitstudio.ui.widgets.Columns.titleMeans(last, "Final accuracy", "Validation accuracy after the last epoch");
        table.getColumns().add(last);
        TableColumn<SweepResult.Row, String> time = column("Time", vm::time, 40);
        io.digitstudio.ui.widgets.Columns.titleMeans(time, "Time", "The time the run took to train, minutes and seconds");
        table.getColumns().add(time);
        // each column as wide as the values it will hold from the start: measured by the values shown so far, the
        // columns widened as runs finished ("–" became "97.25%" and "0:12"), and the last ones gave way mid-sweep
        if (sweep != null) {
            io.digitstudio.ui.widgets.Columns.expects(rank, String.valueOf(sweep.points().size()));
            io.digitstudio.ui.widgets.Columns.expects(run, io.digitstudio.ui.widgets.Columns.RUN_IDS);
            io.digitstudio.ui.widgets.Columns.expects(state, SweepsViewModel.states(sweep));
            io.digitstudio.ui.widgets.Columns.expects(best, SweepsViewModel.withEpoch("99.99%", sweep.template().config().epochs()));
            io.digitstudio.ui.widgets.Columns.expects(last, "99.99%");
            // a run of an hour and more ("1:02:03") widens it when it ends
            io.digitstudio.ui.widgets.Columns.expects(time, "00:00");
        }
        // every column in sight in the smallest window at 100 % and 150 %; where the width is too little for all (a
        // larger UI scale), the time, the final accuracy and the rank give way, in that order; the Runs view lists each
        // run in full
        io.digitstudio.ui.widgets.Columns.givesWay(time, 0);
        io.digitstudio.ui.widgets.Columns.givesWay(last, 1);
        io.digitstudio.ui.widgets.Columns.givesWay(rank, 2);
    }

    private static TableColumn<SweepResult.Row, String> column(String title, Function<SweepResult.Row, String> value, double width) {
        TableColumn<SweepResult.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        c.setMinWidth(width);
        c.setSortable(false);
        return c;
    }

    public SweepsViewModel viewModel() {
        return vm;
    }
}
