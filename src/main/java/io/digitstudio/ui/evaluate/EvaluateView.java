package io.digitstudio.ui.evaluate;

import io.digitstudio.train.ConfusionMatrix;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The active model's confusion matrix as a heat map (rows: true label, columns: prediction; counts, coloured by each
 * row's share, so a class's mistakes stand out whatever its size), the per-class precision, recall, F1 and support
 * (sortable, with macro and weighted averages), and the most-confused pairs in the status line.
 */
public final class EvaluateView extends BorderPane {
    private final EvaluateViewModel vm;
    private final GridPane heat = new GridPane();
    private final TableView<Row> perClass = new TableView<>();

    /** Told which cell the user chose: the images of class {@code truth} predicted as {@code predicted} on a set. */
    @FunctionalInterface
    public interface CellChosen {
        void chosen(EvaluateViewModel.Split split, int truth, int predicted);
    }

    private CellChosen onCell;

    /** What a click on a cell does (the app shows those images in the gallery). */
    public void setOnCellChosen(CellChosen c) {
        this.onCell = c;
    }

    /** One line of the per-class table. */
    public record Row(String name, double precision, double recall, double f1, long support) {
    }

    public EvaluateView(EvaluateViewModel vm) {
        this.vm = vm;
        getStyleClass().add("evaluate-view");
        Button evaluate = new Button("_Evaluate");
        evaluate.setId("evaluateButton");
        evaluate.getStyleClass().add("accent");
        evaluate.setTooltip(new Tooltip("Classify every image of the set with the active model"));
        evaluate.setOnAction(e -> vm.evaluate());
        ComboBox<EvaluateViewModel.Split> set = new ComboBox<>(FXCollections.observableArrayList(EvaluateViewModel.Split.values()));
        set.setId("evaluateSetBox");
        io.digitstudio.ui.widgets.ScreenReader.describe(set, "Set to evaluate", "The test set, the training set, or a folder of images to classify");
        set.setValue(vm.splitProperty().get());
        // picking the folder entry asks for the folder (each time, so another can be chosen); cancelled, the set stays
        set.valueProperty().addListener((o, a, v) -> {
            if (v == EvaluateViewModel.Split.FOLDER && vm.splitProperty().get() != EvaluateViewModel.Split.FOLDER || v == EvaluateViewModel.Split.FOLDER && a == v) {
                if (!vm.chooseFolder()) javafx.application.Platform.runLater(() -> set.setValue(a));
            } else if (v != null) {
                vm.splitProperty().set(v);
            }
        });
        vm.splitProperty().addListener((o, a, v) -> set.setValue(v));
        // the box names the set the matrix shows (a run's validation included), the list the sets to evaluate on next
        // (set, not bound: the combo box's skin sets the cell's text itself for a value outside its list)
        javafx.scene.control.ListCell<EvaluateViewModel.Split> shownSet = new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(EvaluateViewModel.Split s, boolean empty) {
                super.updateItem(s, empty);
                setText(vm.setShownProperty().get());
            }

            /**
             * As wide as the widest text the box may show ({@link EvaluateViewModel#setTexts}): "Run's validation
             * (10,000)" widened the box when it came and pushed the controls beside it aside.
             */
            @Override
            protected double computePrefWidth(double height) {
                javafx.scene.text.Text probe = new javafx.scene.text.Text();
                probe.setFont(getFont());
                probe.setText(getText() == null ? "" : getText());
                double around = super.computePrefWidth(height) - probe.getLayoutBounds().getWidth();
                double widest = 0;
                for (String t : vm.setTexts()) {
                    probe.setText(t);
                    widest = Math.max(widest, probe.getLayoutBounds().getWidth());
                }
                return Math.ceil(around + widest);
            }
        };
        vm.setShownProperty().addListener((o, a, text) -> shownSet.setText(text));
        set.setButtonCell(shownSet);
        set.setConverter(new StringConverter<>() {
            @Override
            public String toString(EvaluateViewModel.Split s) {
                return vm.setName(s);
            }

            @Override
            public EvaluateViewModel.Split fromString(String s) {
                return null;
            }
        });
        set.setTooltip(new Tooltip("The set the matrix shows; choose one to evaluate the active model on it"));
        Button export = new Button("Export _CSV…");
        export.setId("exportConfusionButton");
        export.setAccessibleHelp("Save the confusion matrix and the per-class figures as CSV");
        export.disableProperty().bind(vm.evaluationProperty().isNull());
        export.setOnAction(e -> vm.exportCsv());
        Button png = new Button("Export _PNG…");
        png.setId("exportConfusionPngButton");
        png.setAccessibleHelp("Save the confusion matrix as a PNG image");
        png.disableProperty().bind(vm.evaluationProperty().isNull());
        png.setOnAction(e -> vm.exportPng(io.digitstudio.ui.widgets.ChartExport.snapshot(heat)));
        javafx.scene.control.CheckBox follow = new io.digitstudio.ui.widgets.MnemonicCheckBox("_Follow training");
        follow.setId("followTrainingCheck");
        follow.setTooltip(new Tooltip("Show each epoch's validation of a run as it ends (it costs training nothing: the trainer counts it anyway)"));
        follow.selectedProperty().bindBidirectional(vm.followTrainingProperty());
        setTop(io.digitstudio.ui.widgets.Bars.whole(evaluate, set, follow, export, png));

        heat.setId("confusionGrid");
        heat.getStyleClass().add("confusion-grid");
        heat.setHgap(1);
        heat.setVgap(1);
        heat.setPadding(new Insets(8));
        Label heading = new Label("Confusion matrix · rows: true label, columns: prediction");
        heading.getStyleClass().add("section");
        heading.setWrapText(true);
        heading.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        ScrollPane heatScroll = new ScrollPane(heat);
        heatScroll.setFitToWidth(false);
        Label shown = new Label();
        shown.setId("evaluationShown");
        shown.setWrapText(true);
        shown.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // as many lines as it takes, not one cut short
        shown.textProperty().bind(vm.shownProperty());
        VBox left = new VBox(6, heading, shown, heatScroll);
        left.setPadding(new Insets(8));
        VBox.setVgrow(heatScroll, Priority.ALWAYS);

        perClass.setId("perClassTable");
        io.digitstudio.ui.widgets.ScreenReader.describe(perClass, "Per-class results", "Precision, recall, F1 and number of images for each class");
        perClass.getColumns().add(text("class", Row::name));
        perClass.getColumns().add(number("precision", Row::precision));
        perClass.getColumns().add(number("recall", Row::recall));
        perClass.getColumns().add(number("f1", Row::f1));
        TableColumn<Row, Number> support = new TableColumn<>("support");
        support.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().support()));
        // "1,135" and "10,000", as every other count in the app
        support.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : io.digitstudio.ui.widgets.Formats.count(v.longValue()));
            }
        });
        io.digitstudio.ui.widgets.Columns.shownAs(support, v -> io.digitstudio.ui.widgets.Formats.count(v.longValue()));
        perClass.getColumns().add(support);
        // each column as wide as its title and figures ("weighted avg", "precision"), the last one taking the rest
        io.digitstudio.ui.widgets.Columns.keepWhole(perClass);
        // empty, as the matrix beside it is: the line over the matrix says what to do, once
        perClass.setPlaceholder(new Label());
        perClass.setPrefWidth(420);
        VBox right = new VBox(6, section("Per class"), perClass);
        right.setPadding(new Insets(8));
        // the table as wide as its columns need, no wider: the matrix beside it takes the rest (fitCells)
        javafx.beans.binding.DoubleBinding columnsRoom = javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double columns = 0;
            for (TableColumn<Row, ?> c : perClass.getColumns()) columns += c.getMinWidth();
            return columns + 2 * 8 + 4 + 16;
        }, perClass.getColumns().stream().map(TableColumn::minWidthProperty).toArray(javafx.beans.Observable[]::new));
        right.minWidthProperty().bind(columnsRoom);
        right.prefWidthProperty().bind(columnsRoom);
        right.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(perClass, Priority.ALWAYS);

        HBox center = new HBox(8, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox stacked = new VBox(8);
        // the matrix's column keeps a width its texts read in (theme.css, in em): squeezed to nothing beside the table
        // at a large UI scale, its lines would wrap to a word each and run far below the window
        left.getStyleClass().add("evaluate-matrix-column");
        // both columns fill the view down to their least widths and heights; a window smaller than that scrolls
        ScrollPane centerScroll = new ScrollPane(center);
        centerScroll.setId("evaluateScroll");
        centerScroll.setFitToWidth(true);
        centerScroll.setFitToHeight(true);
        centerScroll.getStyleClass().add("edge-to-edge");
        setCenter(centerScroll);
        reflow(centerScroll, center, stacked, left, right, shown, heatScroll);
        Label status = new Label();
        status.setId("evaluateStatus");
        status.textProperty().bind(vm.statusProperty());
        status.setPadding(new Insets(4, 8, 4, 8));
        status.setWrapText(true);
        status.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        setBottom(status);
        // a followed run's epochs redraw the matrix only while it can be seen; the newest shows once it is seen again
        vm.evaluationProperty().addListener((o, a, e) -> {
            if (seen.get()) show(e);
            else stale = true;
        });
        seen.addListener((o, was, is) -> {
            if (is && stale) show(vm.evaluationProperty().get());
        });
        show(vm.evaluationProperty().get()); // a run may have been followed before the tab was first opened
        io.digitstudio.ui.widgets.Theme.activeProperty().addListener(new javafx.beans.WeakInvalidationListener(repaint));
    }

    private final javafx.beans.property.BooleanProperty seen = new javafx.beans.property.SimpleBooleanProperty(this, "shown", true);
    private boolean stale;

    /**
     * Whether the view can be seen (its tab is the selected one): while it cannot, a followed run's epochs only mark
     * the matrix as behind, so that training does not pay for redrawing what nobody sees.
     */
    public javafx.beans.property.BooleanProperty shownProperty() {
        return seen;
    }

    /** The heat map's colours anew when the theme changes (held here: the theme's property holds it only weakly). */
    private final javafx.beans.InvalidationListener repaint = o -> show(viewModel().evaluationProperty().get());

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        l.setWrapText(true);
        return l;
    }

    private static TableColumn<Row, String> text(String title, Function<Row, String> f) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        return c;
    }

    private static TableColumn<Row, Number> number(String title, java.util.function.ToDoubleFunction<Row> f) {
        TableColumn<Row, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.applyAsDouble(d.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : figure(v));
            }
        });
        io.digitstudio.ui.widgets.Columns.shownAs(c, EvaluateView::figure);
        return c;
    }

    private static String figure(Number v) {
        return String.format(Locale.ROOT, "%.4f", v.doubleValue());
    }

    private Label[][] cells = new Label[0][0];
    private final List<Label> headers = new ArrayList<>();

    private void show(EvaluateViewModel.Evaluation e) {
        stale = false;
        perClass.getItems().clear();
        if (e == null) {
            heat.getChildren().clear();
            cells = new Label[0][0];
            headers.clear();
            return;
        }
        ConfusionMatrix m = e.matrix();
        int k = m.classes();
        // 10 classes get roomy cells; 47 still fit a window with small ones (sizes in em: they follow the UI scale)
        String size = k <= 12 ? "roomy" : k <= 30 ? "medium" : "small";
        if (cells.length != k) build(k, size); // a run's epochs reuse the cells: only texts and colours change
        io.digitstudio.ui.widgets.HeatScale scale = io.digitstudio.ui.widgets.HeatScale.of(io.digitstudio.ui.widgets.Theme.active());
        for (int c = 0; c < k; c++) {
            headers.get(2 * c).setText(EvaluateViewModel.name(e, c));
            headers.get(2 * c + 1).setText(EvaluateViewModel.name(e, c));
        }
        for (int t = 0; t < k; t++) {
            long support = m.support(t);
            for (int p = 0; p < k; p++) {
                long n = m.count(t, p);
                double share = support == 0 ? 0 : (double) n / support;
                Label cell = cells[t][p];
                cell.setText(n == 0 ? "" : Long.toString(n));
                // right answers (the framed diagonal) and mistakes in two hues, each darker or brighter by its share of the row
                double strength = t == p ? share : Math.min(1, Math.sqrt(share) * 3);
                // an inline style: it outranks every theme's stylesheet, which a value set in code does not
                cell.setStyle(String.format(Locale.ROOT, "-fx-background-color: %s; -fx-text-fill: %s;", web(scale.fill(t == p, strength)),
                        web(scale.text(t == p, strength))));
                String says = String.format(Locale.ROOT, "%s → %s: %,d of %,d (%.1f%%)", EvaluateViewModel.name(e, t),
                        EvaluateViewModel.name(e, p), n, support, 100 * share);
                cell.getTooltip().setText(n == 0 ? says : says + "; click or press Enter to see them");
                cell.setCursor(n == 0 ? javafx.scene.Cursor.DEFAULT : javafx.scene.Cursor.HAND);
                cell.setAccessibleText((t == p ? "right: " : "wrong: ") + says);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int c = 0; c < k; c++) rows.add(new Row(EvaluateViewModel.name(e, c), m.precision(c), m.recall(c), m.f1(c), m.support(c)));
        perClass.getItems().setAll(rows);
        // the averages stay at the bottom: they are not classes, so they are kept out of the sortable rows' order
        perClass.getItems().add(new Row("macro avg", m.macro(m::precision), m.macro(m::recall), m.macro(m::f1), m.total()));
        perClass.getItems().add(new Row("weighted avg", m.weighted(m::precision), m.weighted(m::recall), m.weighted(m::f1), m.total()));
        if (refit != null) refit.run();
    }

    private void build(int k, String size) {
        heat.getStyleClass().removeAll("roomy", "medium", "small");
        heat.getStyleClass().add(size);
        heat.getChildren().clear();
        headers.clear();
        cells = new Label[k][k];
        for (int c = 0; c < k; c++) {
            Label top = header("");
            Label side = header("");
            headers.add(top);
            headers.add(side);
            heat.add(top, c + 1, 0);
            heat.add(side, 0, c + 1);
        }
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                Label cell = new Label();
                cell.setId("cell-" + t + "-" + p);
                cell.setAlignment(Pos.CENTER);
                cell.getStyleClass().add("confusion-cell");
                if (t == p) cell.getStyleClass().add("diagonal");
                cell.setTooltip(new Tooltip());
                int truth = t, predicted = p;
                cell.setOnMouseClicked(ev -> open(truth, predicted));
                // one tab stop for the whole matrix (the cell last visited); arrows move within it, Enter opens a cell
                cell.setFocusTraversable(t == 0 && p == 0);
                cell.setAccessibleRole(javafx.scene.AccessibleRole.BUTTON);
                cell.setAccessibleHelp("Enter shows these images in the gallery; arrow keys move to the next cell");
                cell.focusedProperty().addListener((o, a, f) -> {
                    if (!f) return;
                    for (Label[] row : cells) for (Label c : row) c.setFocusTraversable(c == cell);
                });
                cell.setOnKeyPressed(ev -> {
                    int nt = truth, np = predicted;
                    switch (ev.getCode()) {
                        case UP -> nt--;
                        case DOWN -> nt++;
                        case LEFT -> np--;
                        case RIGHT -> np++;
                        case HOME -> np = 0;
                        case END -> np = cells.length - 1;
                        case ENTER, SPACE -> {
                            open(truth, predicted);
                            ev.consume();
                            return;
                        }
                        default -> {
                            return;
                        }
                    }
                    ev.consume();
                    if (nt >= 0 && np >= 0 && nt < cells.length && np < cells.length) cells[nt][np].requestFocus();
                });
                cells[t][p] = cell;
                heat.add(cell, p + 1, t + 1);
            }
        }
    }

    /** Puts the keyboard on a cell of the matrix (where Esc in the gallery comes back to). */
    public void focusCell(int truth, int predicted) {
        if (cells != null && truth >= 0 && predicted >= 0 && truth < cells.length && predicted < cells.length) cells[truth][predicted].requestFocus();
    }

    private void open(int truth, int predicted) {
        if (onCell != null && vm.cellOpens(truth, predicted)) onCell.chosen(vm.evaluationProperty().get().split(), truth, predicted);
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setAlignment(Pos.CENTER);
        l.getStyleClass().add("confusion-header");
        return l;
    }

    private static String web(javafx.scene.paint.Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    public EvaluateViewModel viewModel() {
        return vm;
    }

    /**
     * The room the per-class table takes beside the matrix once its figures are in, in ems of the view's text: its
     * titles, "weighted avg", "0.9903" and "10,000" (measured at 100 % and 150 %, with a margin). The arrangement
     * reserves it before the figures come, so that their coming does not move the table.
     */
    static final double TABLE_EM = 33;
    /** The least size of the matrix's counts, in ems of the view's text: as in the matrices of many classes (theme.css). */
    static final double LEAST_COUNT_EM = 0.7;
    /** A matrix of ten classes at its least: eleven cells (the headers too) of 3.85 em of its counts (theme.css, roomy). */
    static final double MATRIX_LEAST_EM = 11 * 3.85 * LEAST_COUNT_EM;
    /** How much more room than it needs the view must have for a table below the matrix to go beside it. */
    static final double HYSTERESIS_EM = 1;
    /** How much wider than the matrix its room must be for its cells to grow: more than fonts' rounding moves it. */
    private static final double GROW = 0.03;

    /** The matrix's size as a share of its size in theme.css (its font's, which its cells' sizes in em follow). */
    private double cellScale = 1;
    /** Lays the matrix and the table out again for the cells in force (null until the view is built). */
    private Runnable refit;

    /**
     * The matrix and the per-class table side by side where the view is wide enough for both, else one above the other
     * in the view's one scroll: side by side at 200 % in the smallest window, the table's figures ran past the window's
     * edge and the user scrolled sideways to read them. The view's width alone decides, against the room a table of
     * figures and a matrix of ten classes at its least size need, never what the view shows: the table beside the
     * matrix when Evaluate opened jumped below it when the results came (issue 32). Either way the matrix's cells shrink
     * to the width left to them, down to counts of {@link #LEAST_COUNT_EM}.
     */
    private void reflow(ScrollPane scroll, HBox beside, VBox below, VBox matrix, VBox table, Label text, ScrollPane heatScroll) {
        Runnable fit = () -> {
            double em = text.getFont().getSize();
            if (getWidth() <= 0 || em <= 0) return;
            // the view's width inside its scroll, its scroll bar's room kept whether or not it shows: cells that fit
            // only without the bar would bring it back
            double width = scroll.getWidth() - scroll.snappedLeftInset() - scroll.snappedRightInset() - barRoom(scroll);
            double around = matrix.snappedLeftInset() + matrix.snappedRightInset() + heatScroll.snappedLeftInset() + heatScroll.snappedRightInset()
                    + barRoom(heatScroll) + 1;
            double besideRoom = width - table.getMinWidth() - beside.getSpacing() - around;
            // the table's and the matrix's room in ems; their paddings, frames, gaps and scroll bars in pixels, as
            // columnsRoom counts them for the table (these do not scale), and a pixel a cell for the cells' sizes
            // rounded to whole pixels
            double need = (TABLE_EM + MATRIX_LEAST_EM) * em + table.getPadding().getLeft() + table.getPadding().getRight() + 4 + 16
                    + beside.getSpacing() + around + heat.getPadding().getLeft() + heat.getPadding().getRight() + (heat.getHgap() + 1) * 11;
            // side by side again only with an em to spare: the scroll bars' widths, measured, may move by a few pixels
            // once styled, and must not move the table back and forth at a width close to the need
            boolean stacked = scroll.getContent() == below;
            boolean stack = width < need + (stacked ? HYSTERESIS_EM * em : 0);
            if (stack != (scroll.getContent() == below)) {
                if (stack) {
                    beside.getChildren().clear();
                    below.getChildren().setAll(matrix, table);
                    scroll.setFitToHeight(false);
                    scroll.setContent(below);
                } else {
                    below.getChildren().clear();
                    beside.getChildren().setAll(matrix, table);
                    scroll.setFitToHeight(true);
                    scroll.setContent(beside);
                }
            }
            fitCells(stack ? width - around : besideRoom, em);
        };
        refit = () -> io.digitstudio.ui.widgets.TableHeights.later(this, fit);
        widthProperty().addListener((o, a, b) -> refit.run());
        text.fontProperty().addListener((o, a, b) -> refit.run());
        table.minWidthProperty().addListener((o, a, b) -> refit.run());
        // the theme's sizes applied (a scale, a theme): measured again
        heat.needsLayoutProperty().addListener((o, a, needs) -> {
            if (!needs) refit.run();
        });
    }

    /**
     * The width of the matrix (its padding, gaps and cells) with counts of {@code countSize} pixels: its cells' sizes are
     * in ems of their counts' font, so the matrix's width beyond its padding and gaps follows that size.
     */
    private double cellsWidth(double countSize) {
        heat.applyCss();
        double fixed = heat.snappedLeftInset() + heat.snappedRightInset() + heat.getHgap() * cells.length;
        double now = cells[0][0].getFont().getSize();
        return fixed + (heat.prefWidth(-1) - fixed) * countSize / now;
    }

    /**
     * The matrix's cells as large as theme.css makes them where {@code room} holds them, else smaller to fit it, their
     * counts no smaller than {@link #LEAST_COUNT_EM} of the view's text size {@code em}.
     */
    private void fitCells(double room, double em) {
        if (cells.length == 0) return;
        heat.applyCss();
        double count = cells[0][0].getFont().getSize();
        double natural = count / cellScale; // the counts' size as theme.css makes it
        double fixed = heat.snappedLeftInset() + heat.snappedRightInset() + heat.getHgap() * cells.length;
        double least = Math.min(1, LEAST_COUNT_EM * em / natural);
        // the scale from the matrix's width now, not from its counts' size: fonts' sizes come rounded (11.3, 11.4,
        // 11.6 px), so a scale worked back from them wobbles by a percent or two on each pass, and every new style is a
        // CSS pass and a layout that fit again. It shrinks while it does not fit and grows only by more than that
        // wobble, so it comes to rest.
        double ratio = (room - fixed) / (heat.prefWidth(-1) - fixed);
        double scale;
        if (ratio < 1) scale = Math.max(least, Math.floor(cellScale * ratio * 1000) / 1000);
        else if (ratio >= 1 + GROW) scale = cellScale * ratio >= 1 ? 1 : Math.floor(cellScale * ratio * (1 - GROW / 3) * 1000) / 1000;
        else return;
        // only ever smaller while it does not fit, larger while it has room to spare (the least size wobbles too)
        if (ratio < 1 ? scale >= cellScale : scale <= cellScale) return;
        cellScale = scale;
        // the grid's font, which its cells' and headers' sizes in em follow; none of its own at the full size
        heat.setStyle(scale >= 1 ? "" : String.format(Locale.ROOT, "-fx-font-size: %.3fpx;", em * scale));
    }

    /** A scroll pane's own vertical bar's width, shown or not (those of the panes and tables inside it are theirs). */
    private static double barRoom(ScrollPane pane) {
        for (javafx.scene.Node n : pane.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                return Math.max(b.getWidth(), b.prefWidth(-1));
            }
        }
        return 0;
    }
}
