package io.digitstudio.ui.train;

import io.digitstudio.optim.Optimizers;
import io.digitstudio.train.EpochReport;
import io.digitstudio.ui.app.AppContext;
import io.digitstudio.ui.charts.ChartExport;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.StatusBar;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Click-to-train: settings on the left, live loss and accuracy charts with the epoch table in the middle, progress in
 * the status bar. All state lives in {@link TrainViewModel}; an AnimationTimer drains its queue once per frame.
 */
public final class TrainView extends BorderPane {
    public static final KeyCombination START = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination STOP = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);

    private static final Map<String, String> OPTIMIZER_LABELS = Map.of("momentum-sgd", "MomentumSGD", "sgd", "SGD", "adam", "Adam",
            "rmsprop", "RMSprop", "adagrad", "AdaGrad");

    private final TrainViewModel vm;
    private final AppContext context;
    private final LineChart<Number, Number> lossChart;
    private final LineChart<Number, Number> accuracyChart;
    private final AnimationTimer pump;

    public TrainView(TrainViewModel vm, AppContext context) {
        this.vm = vm;
        this.context = context;
        getStyleClass().add("train-view");
        lossChart = chart("Loss", "loss", "lossChart");
        lossChart.getData().add(vm.trainLoss().series());
        lossChart.getData().add(vm.valLoss().series());
        accuracyChart = chart("Accuracy", "accuracy", "accuracyChart");
        accuracyChart.getData().add(vm.trainAccuracy().series());
        accuracyChart.getData().add(vm.valAccuracy().series());

        // Fixing the epoch axes for a run spares the charts a new set of tick labels at every update.
        vm.plannedEpochsProperty().addListener((o, a, planned) -> {
            int epochs = planned.intValue();
            if (epochs > 0) {
                for (LineChart<Number, Number> c : java.util.List.of(lossChart, accuracyChart)) {
                    NumberAxis x = (NumberAxis) c.getXAxis();
                    x.setAutoRanging(false);
                    x.setLowerBound(0);
                    x.setUpperBound(epochs);
                    x.setTickUnit(Math.max(1, Math.ceil(epochs / 10.0)));
                }
            }
        });
        setTop(toolbar());
        setLeft(settings());
        setCenter(center());
        setBottom(statusBar());

        pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                vm.pulse();
            }
        };
        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) {
                pump.start();
                scene.getAccelerators().put(START, vm::start);
                scene.getAccelerators().put(PAUSE, vm::togglePause);
                scene.getAccelerators().put(STOP, vm::stop);
            } else {
                pump.stop();
            }
        });
    }

    private static LineChart<Number, Number> chart(String title, String yLabel, String id) {
        NumberAxis x = new NumberAxis();
        x.setLabel("epoch");
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis();
        y.setLabel(yLabel);
        y.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setTitle(title);
        c.setId(id);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setMinSize(200, 160);
        c.getStyleClass().add("live-chart");
        return c;
    }

    private ToolBar toolbar() {
        Button start = button("_Start", "startButton", "Start training (Ctrl+Enter)");
        start.setOnAction(e -> vm.start());
        start.getStyleClass().add("accent");
        BooleanBinding idle = Bindings.createBooleanBinding(() -> vm.stateProperty().get() == TrainViewModel.State.IDLE
                || vm.stateProperty().get() == TrainViewModel.State.FINISHED, vm.stateProperty());
        start.disableProperty().bind(idle.not().or(vm.validationProperty().isNotNull()));

        Button pause = button("_Pause", "pauseButton", "Pause or resume (Ctrl+P)");
        pause.textProperty().bind(Bindings.when(vm.stateProperty().isEqualTo(TrainViewModel.State.PAUSED)).then("_Resume").otherwise("_Pause"));
        pause.disableProperty().bind(vm.stateProperty().isNotEqualTo(TrainViewModel.State.RUNNING)
                .and(vm.stateProperty().isNotEqualTo(TrainViewModel.State.PAUSED)));
        pause.setOnAction(e -> vm.togglePause());

        Button stop = button("S_top", "stopButton", "Stop after the current iteration, keeping the model (Ctrl+.)");
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> switch (vm.stateProperty().get()) {
            case RUNNING, PAUSED, PREPARING -> false;
            default -> true;
        }, vm.stateProperty()));
        stop.setOnAction(e -> vm.stop());

        Button save = button("Save _model…", "saveModelButton", "Save the trained model as a Chainer NPZ file");
        save.disableProperty().bind(vm.trainedModelProperty().isNull().or(idle.not()));
        save.setOnAction(e -> context.dialogs().saveModel(getScene().getWindow(), "model.npz").ifPresent(vm::saveModel));

        Button png = button("Export _chart…", "exportChartButton", "Save both charts as a PNG image");
        png.setOnAction(e -> context.dialogs().saveFile(getScene().getWindow(), "Export chart", "training.png", "PNG images (*.png)", "png")
                .ifPresent(this::exportChart));
        Button csv = button("Export _log…", "exportCsvButton", "Save the epoch table as CSV");
        csv.disableProperty().bind(Bindings.isEmpty(vm.epochRows()));
        csv.setOnAction(e -> context.dialogs().saveFile(getScene().getWindow(), "Export epoch log", "epochs.csv", "CSV files (*.csv)", "csv")
                .ifPresent(this::exportCsv));
        Button resume = button("Res_ume…", "resumeButton", "Continue a run from a snapshot file, exactly where it stopped");
        resume.disableProperty().bind(idle.not());
        resume.setOnAction(e -> context.dialogs().openModel(getScene().getWindow()).ifPresent(vm::resume));
        return new ToolBar(start, pause, stop, resume, new Separator(), save, png, csv);
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setMnemonicParsing(true);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    /** Saves the two charts side by side as they are shown: the picture is taken here, encoded and written off the FX thread. */
    public void exportChart(Path file) {
        java.awt.image.BufferedImage image = ChartExport.snapshot(chartsBox);
        report(context.write(file, () -> ChartExport.write(image, file)), "chart", file);
    }

    private void exportCsv(Path file) {
        byte[] csv = vm.csv();
        report(context.write(file, () -> TrainViewModel.writeCsv(csv, file)), "epoch log", file);
    }

    private void report(java.util.concurrent.CompletableFuture<Path> done, String what, Path file) {
        done.whenComplete((p, err) -> javafx.application.Platform.runLater(() -> {
            if (err != null) {
                context.notifier().error("Export failed", AppContext.rootMessage(err));
            } else {
                vm.statusOverride("Saved " + what + " to " + file);
            }
        }));
    }

    private HBox chartsBox;

    private Region center() {
        chartsBox = new HBox(8, lossChart, accuracyChart);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(accuracyChart, Priority.ALWAYS);
        VBox.setVgrow(chartsBox, Priority.ALWAYS);
        TableView<EpochReport> table = new TableView<>(vm.epochRows());
        table.setId("epochTable");
        table.setPlaceholder(new Label("Epochs appear here as they finish"));
        table.getColumns().add(column("epoch", r -> String.format(Locale.ROOT, "%02d", r.epoch())));
        table.getColumns().add(column("train_loss", r -> String.format(Locale.ROOT, "%.4f", r.trainLoss())));
        table.getColumns().add(column("val_loss", r -> String.format(Locale.ROOT, "%.4f", r.valLoss())));
        table.getColumns().add(column("val_accuracy", r -> String.format(Locale.ROOT, "%.4f", r.valAccuracy())));
        table.getColumns().add(column("train_accuracy", r -> String.format(Locale.ROOT, "%.4f", r.trainAccuracy())));
        table.getColumns().add(column("time", r -> String.format(Locale.ROOT, "%.2fs", r.trainSeconds())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(170);
        table.setMinHeight(110);
        vm.epochRows().addListener((ListChangeListener<EpochReport>) c -> {
            if (!vm.epochRows().isEmpty()) table.scrollTo(vm.epochRows().size() - 1);
        });
        VBox box = new VBox(8, chartsBox, table);
        box.setPadding(new Insets(8));
        return box;
    }

    private static TableColumn<EpochReport, String> column(String title, Function<EpochReport, String> value) {
        TableColumn<EpochReport, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setSortable(false);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private Region settings() {
        GridPane g = new GridPane();
        g.getStyleClass().add("settings");
        g.setHgap(8);
        g.setVgap(6);
        g.setPadding(new Insets(10));
        int row = 0;
        g.add(section("Data"), 0, row++, 2, 1);
        ComboBox<String> data = new ComboBox<>();
        data.setId("dataBox");
        data.getItems().addAll("MNIST (built in)", "Folder of IDX files…");
        data.getSelectionModel().select(0);
        data.setPrefWidth(175);
        Label folder = new Label();
        folder.getStyleClass().add("hint");
        folder.setWrapText(true);
        folder.setMaxWidth(260);
        data.setOnAction(e -> {
            if (data.getSelectionModel().getSelectedIndex() == 1) {
                var chosen = context.dialogs().chooseFolder(getScene().getWindow(), "Folder with MNIST-style IDX files");
                if (chosen.isPresent()) {
                    vm.dataFolderProperty().set(chosen.get());
                } else if (vm.dataFolderProperty().get() == null) {
                    data.getSelectionModel().select(0);
        data.setPrefWidth(175);
                }
            } else {
                vm.dataFolderProperty().set(null);
            }
        });
        folder.textProperty().bind(Bindings.createStringBinding(() -> vm.dataFolderProperty().get() == null ? "60000 training, 10000 test images"
                : vm.dataFolderProperty().get().toString(), vm.dataFolderProperty()));
        row = field(g, row, "Dataset", data);
        g.add(folder, 0, row++, 2, 1);
        row = field(g, row, "Training examples", text(vm.trainLimitProperty(), "trainLimitField", "all"));
        row = field(g, row, "Test examples", text(vm.testLimitProperty(), "testLimitField", "all"));

        g.add(section("Network"), 0, row++, 2, 1);
        row = field(g, row, "Hidden units", text(vm.unitsProperty(), "unitsField", "100"));
        Label arch = new Label();
        arch.getStyleClass().add("hint");
        arch.textProperty().bind(Bindings.createStringBinding(() -> "MLP 784-" + vm.unitsProperty().get().strip() + "-" + vm.unitsProperty().get().strip()
                + "-10, ReLU", vm.unitsProperty()));
        g.add(arch, 0, row++, 2, 1);

        g.add(section("Optimizer"), 0, row++, 2, 1);
        ComboBox<String> opt = new ComboBox<>();
        opt.setId("optimizerBox");
        opt.getItems().addAll(Optimizers.NAMES);
        opt.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? "" : OPTIMIZER_LABELS.getOrDefault(s, s);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        opt.valueProperty().bindBidirectional(vm.optimizerProperty());
        opt.setPrefWidth(175);
        row = field(g, row, "Optimizer", opt);
        GridPane hyper = new GridPane();
        hyper.setHgap(8);
        hyper.setVgap(6);
        Runnable buildHyper = () -> {
            hyper.getChildren().clear();
            int r = 0;
            for (HyperParam h : vm.hyperparams()) {
                Label l = new Label(h.key());
                l.setMinWidth(Region.USE_PREF_SIZE);
                TextField f = text(h.text(), "hp-" + h.key(), HyperParam.format(h.defaultValue()));
                f.setTooltip(new Tooltip("Chainer's default: " + HyperParam.format(h.defaultValue())));
                hyper.add(l, 0, r);
                hyper.add(f, 1, r++);
            }
        };
        vm.hyperparams().addListener((ListChangeListener<HyperParam>) c -> buildHyper.run());
        buildHyper.run();
        g.add(hyper, 0, row++, 2, 1);

        g.add(section("Run"), 0, row++, 2, 1);
        row = field(g, row, "Batch size", text(vm.batchSizeProperty(), "batchSizeField", "128"));
        row = field(g, row, "Epochs", text(vm.epochsProperty(), "epochsField", "10"));
        row = field(g, row, "Seed", text(vm.seedProperty(), "seedField", "0"));
        CheckBox shuffle = new CheckBox("Shuffle every epoch");
        shuffle.setId("shuffleCheck");
        shuffle.selectedProperty().bindBidirectional(vm.shuffleProperty());
        g.add(shuffle, 0, row++, 2, 1);
        CheckBox augment = new CheckBox("Augment (random distortions)");
        augment.setId("augmentCheck");
        augment.setTooltip(new Tooltip("Small random rotations, scales, shifts and stroke widths: slower to learn, better on drawings"));
        augment.selectedProperty().bindBidirectional(vm.augmentProperty());
        g.add(augment, 0, row++, 2, 1);

        CheckBox snapshots = new CheckBox("Snapshot every epoch…");
        snapshots.setId("snapshotCheck");
        snapshots.setTooltip(new Tooltip("Save the whole run after each epoch (keeps the newest 3) so it can be resumed exactly"));
        snapshots.setOnAction(e -> {
            if (snapshots.isSelected()) {
                var chosen = context.dialogs().chooseFolder(getScene().getWindow(), "Folder for snapshots");
                vm.snapshotFolderProperty().set(chosen.orElse(null));
                snapshots.setSelected(chosen.isPresent());
            } else {
                vm.snapshotFolderProperty().set(null);
            }
        });
        Label snapshotFolder = new Label();
        snapshotFolder.getStyleClass().add("hint");
        snapshotFolder.setWrapText(true);
        snapshotFolder.setMaxWidth(260);
        snapshotFolder.textProperty().bind(Bindings.createStringBinding(() -> vm.snapshotFolderProperty().get() == null ? ""
                : "into " + vm.snapshotFolderProperty().get(), vm.snapshotFolderProperty()));
        snapshotFolder.managedProperty().bind(vm.snapshotFolderProperty().isNotNull());
        g.add(snapshots, 0, row++, 2, 1);
        g.add(snapshotFolder, 0, row++, 2, 1);

        Label validation = new Label();
        validation.setId("validationLabel");
        validation.getStyleClass().add("validation");
        validation.setWrapText(true);
        validation.setMaxWidth(260);
        validation.textProperty().bind(vm.validationProperty());
        validation.visibleProperty().bind(vm.validationProperty().isNotNull());
        validation.managedProperty().bind(validation.visibleProperty());
        g.add(validation, 0, row, 2, 1);

        g.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.stateProperty().get() != TrainViewModel.State.IDLE
                && vm.stateProperty().get() != TrainViewModel.State.FINISHED, vm.stateProperty()));
        ScrollPane scroll = new ScrollPane(g);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        scroll.setPrefWidth(330);
        scroll.setMinWidth(300);
        return scroll;
    }

    private static Label section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section");
        return l;
    }

    private static int field(GridPane g, int row, String label, javafx.scene.Node control) {
        Label l = new Label(label);
        l.setLabelFor(control);
        l.setMinWidth(Region.USE_PREF_SIZE);
        g.add(l, 0, row);
        g.add(control, 1, row);
        GridPane.setHgrow(control, Priority.ALWAYS);
        if (control instanceof Region r) r.setMaxWidth(Double.MAX_VALUE);
        return row + 1;
    }

    private static TextField text(javafx.beans.property.StringProperty p, String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.textProperty().bindBidirectional(p);
        f.setPrefColumnCount(7);
        return f;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("statusBar");
        bar.textProperty().bind(vm.statusProperty());
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> vm.stateProperty().get() == TrainViewModel.State.PREPARING
                ? -1 : vm.progressProperty().get(), vm.stateProperty(), vm.progressProperty()));
        Label epoch = info(vm.epochTextProperty(), "epochLabel");
        Label iteration = info(vm.iterationTextProperty(), "iterationLabel");
        Label speed = info(vm.speedTextProperty(), "speedLabel");
        Label time = info(vm.timeTextProperty(), "timeLabel");
        bar.getRightItems().addAll(epoch, new Separator(javafx.geometry.Orientation.VERTICAL), iteration,
                new Separator(javafx.geometry.Orientation.VERTICAL), speed, new Separator(javafx.geometry.Orientation.VERTICAL), time);
        return bar;
    }

    private static Label info(javafx.beans.value.ObservableValue<String> text, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setAlignment(Pos.CENTER_RIGHT);
        l.getStyleClass().add("status-info");
        return l;
    }

    public TrainViewModel viewModel() {
        return vm;
    }
}
