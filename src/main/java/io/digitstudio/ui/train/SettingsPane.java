package io.digitstudio.ui.train;

import io.digitstudio.data.DataSummary;
import io.digitstudio.nn.Summary;
import io.digitstudio.optim.Optimizers;
import io.digitstudio.ui.core.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import java.util.Map;

/** The settings form of the Train view (data, network, optimizer, run) over a {@link TrainSettings}. */
public final class SettingsPane extends ScrollPane {
    private final TrainSettings s;
    private final DataPicker picker;
    private final DialogService dialogs;
    private final GridPane grid = new GridPane();
    private int row;

    /**
     * The optimizer's values' labels and fields, rows of the form's own grid from {@link #hyperRow} on, one row each: in
     * a grid of their own, their labels' column was as wide as "Learning rate" only, and their fields began left of the
     * form's others and were narrower.
     */
    private final java.util.List<Node> hyperNodes = new java.util.ArrayList<>();
    private int hyperRow;
    private Button applyButton;
    private final ObservableBooleanValue live;
    private final ObservableBooleanValue locked;
    /** Locked, or the form is a branch: the fields a branch keeps from its parent ({@link TrainSettings#KEPT_BY_BRANCH}). */
    private final ObservableBooleanValue kept;
    private final java.util.function.Supplier<String> apply;
    private final java.util.function.Consumer<String> say;
    private final Runnable reset;

    /**
     * A form whose optimizer values can also be applied to a running run ({@code live}) with {@code apply}; Defaults
     * runs {@code reset}.
     */
    public SettingsPane(TrainSettings settings, DataPicker picker, DialogService dialogs, ObservableBooleanValue locked, ObservableBooleanValue live,
                        java.util.function.Supplier<String> apply, java.util.function.Consumer<String> say, Runnable reset) {
        this.picker = picker;
        this.live = live;
        this.locked = locked;
        this.kept = Bindings.or(locked, settings.keptByBranchProperty());
        this.apply = apply;
        this.say = say;
        this.reset = reset;
        this.s = settings;
        this.dialogs = dialogs;
        grid.getStyleClass().add("settings");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        data();
        network();
        // the optimizer and the run are below the fold of the first frame (at the window's first size, 1240x800):
        // they are made right after it, with the network's table of layers, not styled and laid out before the window
        // can show (decision 0012); their room is kept meanwhile, so that the scroll bar is as it will be
        rest = new Region();
        rest.setId("settingsRest");
        rest.getStyleClass().add("settings-rest");
        grid.add(rest, 0, row, 2, 1);
        lockAll();
        sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o, javafx.scene.Scene a, javafx.scene.Scene scene) {
                if (scene == null) return;
                sceneProperty().removeListener(this);
                Runnable[] once = new Runnable[1];
                // after the pulse that draws the scene: the events of that moment (the user's first key) come after it
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    javafx.application.Platform.runLater(SettingsPane.this::complete);
                };
                scene.addPostLayoutPulseListener(once[0]);
            }
        });
        setContent(grid);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        // a status line that takes a second row below, a reason above that wraps, or a message under a field moves no field in view
        io.digitstudio.ui.widgets.ScrollAnchor.keepInPlace(this);
        getStyleClass().add("settings-scroll"); // its least width in em (theme.css): it grows with the UI scale
    }

    /** The form's preferred width in ems of its labels' font, where the layers' table needs no more. */
    static final double PREF_EMS = 25;
    /** A field's label, in the font the form's ems are measured in. */
    private Label fieldLabel;
    /** The layers' table, once made. */
    private TableView<Summary.Row> summary;

    /**
     * {@link #PREF_EMS} ems, or as wide as the layers' table needs to show its columns whole beside the form's padding
     * and scroll bar, when that is wider: LeNet's layers ("max_pooling_2d", "400,500") needed more than 25 ems at 100 %,
     * and the table scrolled sideways with its Params column out of sight.
     */
    @Override
    protected double computePrefWidth(double height) {
        double em = fieldLabel == null ? javafx.scene.text.Font.getDefault().getSize() : fieldLabel.getFont().getSize();
        double own = Math.ceil(PREF_EMS * em);
        if (summary == null || summary.getWidth() <= 0 || getWidth() <= 0) return own;
        double table = io.digitstudio.ui.widgets.Columns.fittingWidth(summary);
        // around the table: the grid's padding, the form's scroll bar and the pane's own insets, as laid out now
        double around = getWidth() - summary.getWidth();
        return table <= 0 ? own : Math.max(own, Math.ceil(table + around));
    }

    /** What stands for the optimizer and the run until they are made (null once they are). */
    private Region rest;

    /** While a run trains everything is locked but the optimizer's values, which "Apply" sends to the run. */
    private void lockAll() {
        for (Node n : grid.getChildren()) if (!hyperNodes.contains(n) && n != applyButton && !n.disableProperty().isBound()) n.disableProperty().bind(locked);
    }

    /** Whether the whole form is made: the network's table, the optimizer and the run are made after the first frame. */
    public boolean isComplete() {
        return rest == null;
    }

    /**
     * Makes the network's table of layers and the optimizer's and the run's sections, in their places, if they are not
     * made yet: the first frame is drawn without them.
     */
    public void complete() {
        if (rest == null) return;
        grid.getChildren().remove(rest);
        rest = null;
        summaryTable();
        optimizer();
        run();
        defaults();
        Label validation = hint(s.validationProperty(), "validationLabel");
        validation.getStyleClass().setAll("label", "validation");
        // what no field shows under itself (the fields and the network editor say their own)
        validation.visibleProperty().bind(s.validationProperty().isNotNull().and(s.badFieldsProperty().isEqualTo(0)).and(s.specErrorProperty().isNull()));
        validation.managedProperty().bind(validation.visibleProperty());
        grid.add(validation, 0, row, 2, 1);
        lockAll();
    }

    /**
     * The last {@code n} nodes put in the grid (a field, and its label): locked also while the form is a branch, which
     * keeps their values from its parent and would refuse another.
     */
    private void keptByBranch(int n) {
        java.util.List<Node> c = grid.getChildren();
        for (Node node : c.subList(c.size() - n, c.size())) node.disableProperty().bind(kept);
    }

    private void data() {
        section("Data");
        ComboBox<DataSummary.Kind> data = new ComboBox<>();
        data.setId("dataBox");
        data.setAccessibleHelp("The data to train and test on: the bundled MNIST, or a folder of IDX files chosen with Choose…");
        data.getItems().addAll(DataSummary.Kind.values());
        data.setConverter(new StringConverter<>() {
            @Override
            public String toString(DataSummary.Kind k) {
                return k == null ? "" : k == DataSummary.Kind.BUNDLED ? k.label() : k.label() + "…";
            }

            @Override
            public DataSummary.Kind fromString(String label) {
                return null;
            }
        });
        data.setValue(picker.kindProperty().get());
        boolean[] syncing = {false};
        picker.kindProperty().addListener((o, a, k) -> {
            syncing[0] = true;
            data.setValue(k);
            syncing[0] = false;
        });
        data.setOnAction(e -> {
            DataSummary.Kind k = data.getValue();
            if (syncing[0] || k == null) return;
            // a chooser the user cancels leaves the choice as it was
            if (k != picker.kindProperty().get() || k == DataSummary.Kind.BUNDLED) {
                if (!picker.choose(k)) javafx.application.Platform.runLater(() -> data.setValue(picker.kindProperty().get()));
            }
        });
        data.setMaxWidth(Double.MAX_VALUE);
        io.digitstudio.ui.widgets.AfterFirstFrame.listAfter(data);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(4, data);
        // under the list, which keeps the whole width for the kinds' names; made when another kind is first chosen
        io.digitstudio.ui.widgets.OnDemand.when(picker.kindProperty().isNotEqualTo(DataSummary.Kind.BUNDLED), box, () -> {
            Button choose = new Button("_Choose…");
            choose.setId("dataChooseButton");
            choose.setMinWidth(Region.USE_PREF_SIZE);
            io.digitstudio.ui.widgets.Tips.set(choose, "Choose another folder or file of this kind");
            choose.setOnAction(e -> picker.choose(picker.kindProperty().get()));
            return choose;
        }, n -> io.digitstudio.ui.widgets.OnDemand.after(box.getChildren(), data, n));
        s.fieldErrorProperty("data").addListener((o, a, b) -> data.pseudoClassStateChanged(INVALID, b != null));
        data.pseudoClassStateChanged(INVALID, s.fieldErrorProperty("data").get() != null);
        checkedFields.put("data", data);
        // the whole width for the kinds' names (at 150 % too): the section's title is the list's label
        ((Label) grid.getChildren().get(grid.getChildren().size() - 1)).setLabelFor(data);
        io.digitstudio.ui.widgets.OnDemand.when(s.fieldErrorProperty("data").isNotNull(), box,
                () -> fieldError(s.fieldErrorProperty("data"), "dataBoxError"), box.getChildren()::add);
        grid.add(box, 0, row++, 2, 1);
        keptByBranch(1);

        int pathRow = row++;
        inGrid(s.dataFolderProperty().isNotNull(), box, pathRow, () -> {
            Label path = hint(Bindings.createStringBinding(() -> s.dataFolderProperty().get() == null ? "" : s.dataFolderProperty().get().toString(),
                    s.dataFolderProperty()), "dataPath");
            path.getStyleClass().add("hint");
            return path;
        });
        Label found = hint(picker.descriptionProperty(), "dataDescription");
        found.getStyleClass().add("hint");
        found.visibleProperty().bind(picker.descriptionProperty().isNotEmpty());
        found.managedProperty().bind(found.visibleProperty());
        // two lines kept for it: "Reading …" becomes a longer line on what was found, which must not push the fields
        found.getStyleClass().add("data-description");
        grid.add(found, 0, row++, 2, 1);
        // the classes' table is made when there first are classes to show: the data is read after the first frame
        int tableRow = row++;
        // while the data is read, its table's room is kept (as tall as the table of MNIST's ten classes will be), so
        // the fields below do not jump down under the pointer when it comes
        Region reserve = new Region();
        reserve.setId("dataClassesReserve");
        reserve.setMinHeight(tableHeight(SHOWN_CLASSES));
        reserve.setPrefHeight(tableHeight(SHOWN_CLASSES));
        reserve.visibleProperty().bind(picker.readingProperty());
        reserve.managedProperty().bind(reserve.visibleProperty());
        grid.add(reserve, 0, tableRow, 2, 1);
        javafx.beans.InvalidationListener[] first = new javafx.beans.InvalidationListener[1];
        first[0] = o -> {
            if (picker.classes().isEmpty() || classesTable != null) return;
            picker.classes().removeListener(first[0]);
            classesTable = classesTable();
            classesTable.disableProperty().bind(locked);
            GridPane.setConstraints(classesTable, 0, tableRow, 2, 1);
            io.digitstudio.ui.widgets.OnDemand.after(grid.getChildren(), reserve, classesTable); // in the form's order, which Tab follows
        };
        picker.classes().addListener(first[0]);
        first[0].invalidated(picker.classes());
        checked(io.digitstudio.ui.widgets.ScreenReader.help(text(s.trainLimitProperty(), "trainLimitField", io.digitstudio.ui.widgets.FormWords.ALL_EXAMPLES), "Use only the first N training examples; empty uses all"), "trainLimit");
        keptByBranch(2);
        checked(io.digitstudio.ui.widgets.ScreenReader.help(text(s.testLimitProperty(), "testLimitField", io.digitstudio.ui.widgets.FormWords.ALL_EXAMPLES), "Use only the first N test examples; empty uses all"), "testLimit");
        keptByBranch(2);
    }

    private TableView<DataPicker.ClassCount> classesTable;

    /** The data's classes with their numbers of training and test examples; shown while there are any. */
    private TableView<DataPicker.ClassCount> classesTable() {
        TableView<DataPicker.ClassCount> table = new TableView<>(picker.classes());
        table.setId("dataClasses");
        io.digitstudio.ui.widgets.ScreenReader.describe(table, "Classes in the data", "Each class with its number of training and test examples");
        table.getStyleClass().add("summary-table");
        // the columns share the width the rows leave: less a scroll bar's once more classes than fit scroll
        javafx.beans.binding.DoubleBinding room = Bindings.createDoubleBinding(() -> table.getWidth() - (picker.classes().size() > SHOWN_CLASSES ? 20 : 6),
                table.widthProperty(), picker.classes());
        table.getColumns().add(countColumn(room, "Class", 0.5, DataPicker.ClassCount::name));
        table.getColumns().add(countColumn(room, "Train", 0.25, c -> String.format(java.util.Locale.ROOT, "%,d", c.train())));
        table.getColumns().add(countColumn(room, "Test", 0.25, c -> String.format(java.util.Locale.ROOT, "%,d", c.test())));
        table.setFixedCellSize(20);
        Runnable fit = () -> {
            // up to six rows in view: more classes scroll inside the table, not the form
            table.setPrefHeight(tableHeight(picker.classes().size()));
            table.setMinHeight(table.getPrefHeight());
        };
        picker.classes().addListener((ListChangeListener<DataPicker.ClassCount>) c -> fit.run());
        fit.run();
        table.visibleProperty().bind(Bindings.isNotEmpty(picker.classes()));
        table.managedProperty().bind(table.visibleProperty());
        return table;
    }

    /** How tall the table of classes is for this many classes (its header and up to {@link #SHOWN_CLASSES} rows). */
    private static double tableHeight(int classes) {
        return 40 + 20 * Math.min(Math.max(classes, 1), SHOWN_CLASSES) + 6;
    }

    /** The classes the data section's table shows without scrolling. */
    private static final int SHOWN_CLASSES = 6;

    private static TableColumn<DataPicker.ClassCount, String> countColumn(javafx.beans.value.ObservableDoubleValue room, String title, double share,
                                                                        java.util.function.Function<DataPicker.ClassCount, String> value) {
        TableColumn<DataPicker.ClassCount, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.floor(room.get() * share), room));
        return c;
    }

    static final Map<String, String> PRESET_LABELS = Map.of("tutorial", "Tutorial MLP", "wide", "Wide MLP",
            "lenet", "LeNet (CNN)", TrainSettings.CUSTOM, "Custom");

    private void network() {
        section("Network");
        ComboBox<String> preset = new ComboBox<>();
        preset.setId("networkPreset");
        preset.setAccessibleHelp("A network to start from: the tutorial's MLP, a wider one, LeNet; the spec below can be edited");
        preset.getItems().addAll(io.digitstudio.nn.NetworkSpec.PRESET_NAMES);
        preset.getItems().add(TrainSettings.CUSTOM);
        preset.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : PRESET_LABELS.getOrDefault(name, name);
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });
        preset.valueProperty().bindBidirectional(s.presetProperty());
        io.digitstudio.ui.widgets.AfterFirstFrame.listAfter(preset);
        field("Preset", preset);
        keptByBranch(2);
        TextArea editor = new TextArea();
        editor.setId("networkSpec");
        editor.setAccessibleText("Network layers"); // its help is the tooltip's list of layer types
        editor.setWrapText(true);
        editor.setPrefRowCount(3);
        io.digitstudio.ui.widgets.Keys.tabLeaves(editor);
        editor.setPromptText("conv 20 5, relu, maxpool 2, linear 500, relu, dropout 0.5, linear");
        io.digitstudio.ui.widgets.Tips.set(editor, "Layers separated by commas: " + io.digitstudio.nn.LayerTypes.usage()
                + ". A last \"linear\" without a size has one output per class.", layers -> {
                    layers.setWrapText(true);
                    layers.setMaxWidth(480);
                });
        editor.textProperty().bindBidirectional(s.specProperty());
        s.specErrorProperty().addListener((o, a, b) -> editor.pseudoClassStateChanged(INVALID, b != null));
        grid.add(editor, 0, row++, 2, 1);
        keptByBranch(1);
        inGrid(s.specErrorProperty().isNotNull(), editor, row++, () -> {
            Label error = hint(s.specErrorProperty(), "networkError");
            error.getStyleClass().setAll("label", "validation");
            return error;
        });
        Label count = new Label();
        count.setId("paramCount");
        count.getStyleClass().add("hint");
        Runnable fill = () -> {
            Summary sum = s.summaryProperty().get();
            count.setText(sum == null ? "" : String.format(java.util.Locale.ROOT, "%,d parameters", sum.totalParams()));
        };
        s.summaryProperty().addListener((o, a, b) -> fill.run());
        fill.run();
        // the layers' table (about 110 nodes: its header, rows and cells) is made right after the first frame, with the
        // optimizer and the run (decision 0012); until then an empty frame keeps its place and its height, so nothing
        // in view moves when it comes
        Label reserve = new Label();
        reserve.setId("networkSummaryReserve");
        reserve.getStyleClass().setAll("summary-table", "summary-reserve");
        reserve.setMaxWidth(Double.MAX_VALUE);
        reserve.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> summaryHeight(reserve.getFont().getSize() * SUMMARY_ROW_EMS, summaryRows()),
                reserve.fontProperty(), s.summaryProperty()));
        reserve.minHeightProperty().bind(reserve.prefHeightProperty());
        summaryRow = row;
        summaryReserve = reserve;
        grid.add(reserve, 0, row++, 2, 1);
        grid.add(count, 0, row++, 2, 1);
    }

    /** The row the layers' table takes, and what keeps its place until it is made (null once it is). */
    private int summaryRow;
    private Label summaryReserve;

    /** The height of a row of the layers' table in its font's size (theme.css: {@code .summary-table}'s fixed cell size). */
    static final double SUMMARY_ROW_EMS = 1.8;

    /** How many rows the layers' table has for the network in the form. */
    private int summaryRows() {
        Summary sum = s.summaryProperty().get();
        return sum == null ? 0 : sum.rows().size();
    }

    /** The layers' table's height: as tall as its rows (up to 12), its header and a scroll bar. */
    private static double summaryHeight(double rowHeight, int rows) {
        return Math.ceil(rowHeight * (Math.min(Math.max(rows, 1), 12) + 2.8));
    }

    /** The layers of the network in the form, with their types, output shapes and parameters: made in its kept place. */
    private void summaryTable() {
        TableView<Summary.Row> table = new TableView<>();
        table.setId("networkSummary");
        io.digitstudio.ui.widgets.ScreenReader.describe(table, "Network summary", "Each layer with its type, output shape and number of parameters");
        table.getStyleClass().add("summary-table");
        table.getColumns().add(column("Layer", r -> r.name()));
        table.getColumns().add(column("Type", r -> r.type()));
        table.getColumns().add(column("Output", Summary.Row::shapeText));
        table.getColumns().add(column("Params", r -> r.params() == 0 ? "" : String.format(java.util.Locale.ROOT, "%,d", r.params())));
        // each column as wide as its title and values, the last one taking the rest; sideways scrolling when narrow
        io.digitstudio.ui.widgets.Columns.keepWhole(table);
        table.setPlaceholder(new Label("No valid network"));
        Runnable fill = () -> {
            Summary sum = s.summaryProperty().get();
            table.getItems().setAll(sum == null ? java.util.List.of() : sum.rows());
        };
        s.summaryProperty().addListener((o, a, b) -> fill.run());
        fill.run();
        // rows of a fixed height in em (theme.css)
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> summaryHeight(table.getFixedCellSize() > 0 ? table.getFixedCellSize() : 20,
                table.getItems().size()), table.fixedCellSizeProperty(), table.getItems()));
        table.minHeightProperty().bind(table.prefHeightProperty());
        int at = grid.getChildren().indexOf(summaryReserve);
        grid.getChildren().remove(at);
        summaryReserve = null;
        GridPane.setConstraints(table, 0, summaryRow, 2, 1);
        grid.getChildren().add(at, table); // in the form's order, which Tab follows
        summary = table;
        // the table's columns measured anew (another network, another scale): the form takes the width they need
        double[] asked = {-1};
        table.needsLayoutProperty().addListener((o, a, needs) -> {
            if (needs) return;
            double w = computePrefWidth(-1);
            if (w != asked[0]) {
                asked[0] = w;
                requestLayout();
            }
        });
    }

    /**
     * A line of the form across both columns at {@code row}, made when it is first {@code wanted} and put after
     * {@code before} in the form's order; locked with the rest of the form.
     */
    private void inGrid(javafx.beans.value.ObservableBooleanValue wanted, Node before, int row, java.util.function.Supplier<Label> make) {
        io.digitstudio.ui.widgets.OnDemand.when(wanted, grid, make, n -> {
            GridPane.setConstraints(n, 0, row, 2, 1);
            n.disableProperty().bind(locked);
            io.digitstudio.ui.widgets.OnDemand.after(grid.getChildren(), before, n);
        });
    }

    /** A wrong field: AtlantaFX's own state for it, which its theme draws (a frame and text in the danger colour). */
    private static final javafx.css.PseudoClass INVALID = atlantafx.base.theme.Styles.STATE_DANGER;

    /** A read-only column. */
    private static TableColumn<Summary.Row, String> column(String title, java.util.function.Function<Summary.Row, String> value) {
        TableColumn<Summary.Row, String> c = new TableColumn<>(title);
        c.setSortable(false);
        c.setReorderable(false);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private void optimizer() {
        section("Optimizer");
        ComboBox<String> opt = new ComboBox<>();
        opt.setId("optimizerBox");
        opt.setAccessibleHelp("How the weights are updated: MomentumSGD, SGD, Adam, RMSprop or AdaGrad, with Chainer's rules");
        opt.getItems().addAll(Optimizers.NAMES);
        opt.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : Optimizers.type(name).label();
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });
        opt.valueProperty().bindBidirectional(s.optimizerProperty());
        field("Optimizer", opt);
        Label about = hint(Bindings.createStringBinding(() -> Optimizers.NAMES.contains(s.optimizerProperty().get())
                ? Optimizers.type(s.optimizerProperty().get()).help() : "", s.optimizerProperty()), "optimizerHelp");
        about.getStyleClass().add("hint");
        grid.add(about, 0, row++, 2, 1);
        hyperRow = row;
        s.hyperparams().addListener((ListChangeListener<HyperParam>) c -> hyperparams());
        hyperparams();
        applyButton = new Button("_Apply to the run");
        applyButton.setId("applyButton");
        io.digitstudio.ui.widgets.Tips.set(applyButton, "Change the running optimizer's values from its next iteration (while a run trains or is paused)");
        // always in its place, off while no run is live: a button that came and went moved the form under the pointer
        applyButton.disableProperty().bind(javafx.beans.binding.Bindings.not(live).or(s.validationProperty().isNotNull()));
        applyButton.setOnAction(e -> say.accept(apply.get()));
        grid.add(applyButton, 0, row++, 2, 1);
        Button find = new Button("_Find learning rate…");
        find.setId("findLrButton");
        io.digitstudio.ui.widgets.Tips.set(find, "Try rates from 1e-6 to 1 on a throw-away copy of this network and suggest one (fast.ai's finder)");
        find.setOnAction(e -> {
            if (findLearningRate != null) findLearningRate.run();
        });
        grid.add(find, 0, row++, 2, 1);
    }

    /**
     * The optimizer's values, in the form's grid as its other fields are (the same label column, the same field column),
     * made again for another optimizer: the rows after them move up or down by the difference in their number, and they
     * come in the grid's children where the last ones were, so that Tab reaches them in the form's order.
     */
    private void hyperparams() {
        int at = !hyperNodes.isEmpty() ? grid.getChildren().indexOf(hyperNodes.get(0))
                : applyButton != null ? grid.getChildren().indexOf(applyButton) : grid.getChildren().size();
        int was = hyperNodes.size() / 2;
        grid.getChildren().removeAll(hyperNodes);
        hyperNodes.clear();
        int shift = s.hyperparams().size() - was;
        if (shift != 0) {
            for (Node n : grid.getChildren()) {
                Integer r = GridPane.getRowIndex(n);
                if (r != null && r >= hyperRow + was) GridPane.setRowIndex(n, r + shift);
            }
            row += shift;
        }
        int r = hyperRow;
        for (HyperParam h : s.hyperparams()) {
            Label l = new Label(h.label());
            l.setMinWidth(Region.USE_PREF_SIZE);
            TextField f = text(h.text(), "hp-" + h.key(), HyperParam.format(h.defaultValue()));
            io.digitstudio.ui.widgets.Tips.set(f, h.help());
            l.setLabelFor(f);
            // the message in the field's own cell, as under the run's fields: a row of its own took the grid's gap
            javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, f, errorUnder(f, "hp-" + h.key()));
            box.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(box, Priority.ALWAYS);
            GridPane.setConstraints(l, 0, r);
            GridPane.setValignment(l, javafx.geometry.VPos.TOP);
            l.setPadding(new Insets(4, 0, 0, 0));
            GridPane.setConstraints(box, 1, r++);
            hyperNodes.add(l);
            hyperNodes.add(box);
        }
        grid.getChildren().addAll(at, hyperNodes);
    }

    private Runnable findLearningRate;

    /** What "Find learning rate…" under the optimizer's values does. */
    public void setOnFindLearningRate(Runnable r) {
        this.findLearningRate = r;
    }

    private void run() {
        section("Run");
        checked(io.digitstudio.ui.widgets.ScreenReader.help(text(s.batchSizeProperty(), "batchSizeField", "128"), "Examples per iteration"), "batchSize");
        keptByBranch(2);
        checked(io.digitstudio.ui.widgets.ScreenReader.help(text(s.epochsProperty(), "epochsField", "10"), "Passes over the training examples"), "epochs");
        checked(io.digitstudio.ui.widgets.ScreenReader.help(text(s.seedProperty(), "seedField", "0"), "The random seed: the same seed and settings train the same network"), "seed");
        keptByBranch(2);
        CheckBox shuffle = new io.digitstudio.ui.widgets.MnemonicCheckBox("Shuffle e_very epoch");
        shuffle.setId("shuffleCheck");
        shuffle.setAccessibleHelp("Shuffle the training examples at the start of every epoch, as Chainer's SerialIterator does");
        shuffle.selectedProperty().bindBidirectional(s.shuffleProperty());
        grid.add(shuffle, 0, row++, 2, 1);
        keptByBranch(1);
        CheckBox augment = new io.digitstudio.ui.widgets.MnemonicCheckBox("Au_gment (random distortions)");
        augment.setId("augmentCheck");
        io.digitstudio.ui.widgets.Tips.set(augment, "Small random rotations, scales, shifts and stroke widths: slower to learn, better on drawings");
        augment.selectedProperty().bindBidirectional(s.augmentProperty());
        grid.add(augment, 0, row++, 2, 1);
        keptByBranch(1);
        TextField shift = text(s.lrShiftProperty(), "lrShiftField", "exponential:0.5");
        checked(shift, "lrShift");
        io.digitstudio.ui.widgets.Tips.set(shift, "exponential:RATE (times RATE each epoch), linear:START:END"
                + " (over the run), step:RATE@E1,E2 (times RATE from epoch E1, again from E2); empty for none");
        checked(io.digitstudio.ui.widgets.ScreenReader.help(text(s.warmupProperty(), "warmupField", "0"), "Epochs over which the learning rate rises from zero to its value at the start"), "warmup");
        TextField early = text(s.earlyStopProperty(), "earlyStopField", "off (e.g. 3)");
        checked(early, "earlyStop");
        io.digitstudio.ui.widgets.Tips.set(early, "Stop when the validation loss has not improved for this many epochs (Chainer's EarlyStoppingTrigger)");
        CheckBox best = new io.digitstudio.ui.widgets.MnemonicCheckBox("_Keep the best epoch's model");
        best.setId("keepBestCheck");
        io.digitstudio.ui.widgets.Tips.set(best, "When the run ends, use the model of the epoch with the best validation accuracy");
        best.selectedProperty().bindBidirectional(s.keepBestProperty());
        grid.add(best, 0, row++, 2, 1);
        CheckBox snapshots = new io.digitstudio.ui.widgets.MnemonicCheckBox("Snapshot ever_y epoch");
        snapshots.setId("snapshotCheck");
        io.digitstudio.ui.widgets.Tips.set(snapshots, "Save the whole run into its folder in the run history after each epoch (keeps the newest 3),"
                + " so it can be resumed exactly; a stopped run is always snapshotted");
        snapshots.selectedProperty().bindBidirectional(s.snapshotsProperty());
        grid.add(snapshots, 0, row++, 2, 1);
    }

    /** The way back to a first launch's form, now that the form is remembered between launches. */
    private void defaults() {
        Button reset = new Button(io.digitstudio.ui.widgets.FormWords.RESET);
        reset.setId("resetFormButton");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        io.digitstudio.ui.widgets.Tips.set(reset, io.digitstudio.ui.widgets.FormWords.RESET_HELP);
        reset.setOnAction(e -> this.reset.run());
        grid.add(reset, 0, row++, 2, 1);
    }

    private void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section");
        grid.add(l, 0, row++, 2, 1);
    }

    private void field(String label, Node control) {
        Label l = new Label(label);
        if (fieldLabel == null) fieldLabel = l;
        l.setLabelFor(control);
        l.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(l, 0, row);
        grid.add(control, 1, row++);
        GridPane.setHgrow(control, Priority.ALWAYS);
        if (control instanceof Region r) r.setMaxWidth(Double.MAX_VALUE);
    }

    /**
     * A field whose own message shows right under it, and which is marked while it is wrong; labelled with the name the
     * status line gives it when it is wrong.
     */
    private void checked(TextField control, String key) {
        // the message in the field's own cell: an empty row for it would still take the grid's gap
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(2, control);
        messageUnder(box, control, key);
        field(s.fieldName(key), box);
        Label l = (Label) grid.getChildren().get(grid.getChildren().size() - 2);
        l.setLabelFor(control);
        GridPane.setValignment(l, javafx.geometry.VPos.TOP);
        l.setPadding(new Insets(4, 0, 0, 0));
    }

    /** The fields that can be wrong, by their keys in the settings, in the form's order. */
    private final Map<String, javafx.scene.control.Control> checkedFields = new java.util.LinkedHashMap<>();

    /**
     * The field's message under it in {@code box}, made when the field is first wrong: a form that is right has none to
     * style and lay out.
     */
    private void messageUnder(javafx.scene.layout.VBox box, TextField control, String key) {
        checkedFields.put(key, control);
        javafx.beans.property.ReadOnlyStringProperty error = s.fieldErrorProperty(key);
        Label[] message = new Label[1];
        io.digitstudio.ui.widgets.OnDemand.when(error.isNotNull(), box, () -> message[0] = fieldError(error, control.getId() + "Error"),
                box.getChildren()::add);
        control.pseudoClassStateChanged(INVALID, error.get() != null);
        // heard after the message is made (the condition's listener comes first)
        error.addListener((o, a, b) -> {
            control.pseudoClassStateChanged(INVALID, b != null);
            if (b != null && control.isFocused() && message[0] != null) bringIntoView(message[0], control);
        });
    }

    /** A field's message: what is wrong with it, in the danger colour. */
    private static Label fieldError(javafx.beans.value.ObservableValue<String> error, String id) {
        Label l = hint(error, id);
        l.getStyleClass().setAll("label", "field-error");
        return l;
    }

    /**
     * The message under an optimizer's value, made with it: the values' grid is made again for another optimizer, and
     * a message made later would land in the grid of the last one.
     */
    private Label errorUnder(TextField control, String key) {
        checkedFields.put(key, control);
        javafx.beans.property.ReadOnlyStringProperty error = s.fieldErrorProperty(key);
        Label l = fieldError(error, control.getId() + "Error");
        // as wide as the room under the field, not as its text: it wraps there rather than widen the field's column
        // (a message under Learning rate made its field and Momentum's 70 px wider)
        l.setMinWidth(0);
        l.setPrefWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        l.visibleProperty().bind(error.isNotNull());
        l.managedProperty().bind(l.visibleProperty());
        control.pseudoClassStateChanged(INVALID, error.get() != null);
        error.addListener((o, a, b) -> {
            control.pseudoClassStateChanged(INVALID, b != null);
            if (b != null && control.isFocused()) bringIntoView(l, control);
        });
        return l;
    }

    /**
     * Once laid out, scrolls the form down just as far as the message under the field being typed in needs to be whole
     * in view (never so far that the field's top leaves it): a field at the form's bottom edge had its message come out
     * of sight, below the edge.
     */
    private void bringIntoView(Label message, javafx.scene.control.Control field) {
        javafx.scene.Scene scene = getScene();
        if (scene == null) return;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            if (!message.isVisible() || message.getScene() == null) return;
            javafx.geometry.Bounds m = grid.sceneToLocal(message.localToScene(message.getLayoutBounds()));
            javafx.geometry.Bounds f = grid.sceneToLocal(field.localToScene(field.getLayoutBounds()));
            double view = getViewportBounds().getHeight();
            double room = grid.getLayoutBounds().getHeight() - view;
            double top = getVvalue() * room; // the grid's line at the viewport's top edge
            if (room <= 0 || m.getMaxY() <= top + view) return;
            setVvalue(Math.max(0, Math.min(1, Math.min(m.getMaxY() - view, f.getMinY()) / room)));
        };
        scene.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }

    /** Scrolls to the first field that is wrong and puts the cursor in it; false when none is. */
    public boolean focusFirstError() {
        if (!isComplete()) {
            complete();
            applyCss();
            layout();
        }
        for (Map.Entry<String, javafx.scene.control.Control> f : checkedFields.entrySet()) {
            if (s.fieldErrorProperty(f.getKey()).get() == null || f.getValue().getScene() == null) continue;
            javafx.scene.control.Control field = f.getValue();
            javafx.geometry.Bounds b = grid.sceneToLocal(field.localToScene(field.getBoundsInLocal()));
            double scrollable = grid.getBoundsInLocal().getHeight() - getViewportBounds().getHeight();
            if (scrollable > 0) setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / scrollable)));
            field.requestFocus();
            if (field instanceof TextField t) t.selectAll();
            return true;
        }
        return false;
    }

    private static TextField text(StringProperty p, String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        f.setPrefColumnCount(7);
        return f;
    }

    private static Label hint(javafx.beans.value.ObservableValue<String> text, String id) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }
}
