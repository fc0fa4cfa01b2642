package io.digitstudio.ui.train;

import io.digitstudio.optim.Optimizers;
import io.digitstudio.ui.core.DialogService;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import java.util.Map;

/** The settings form of the Train view (data, network, optimizer, run) over a {@link TrainSettings}. */
public final class SettingsPane extends ScrollPane {
    static final Map<String, String> OPTIMIZER_LABELS = Map.of("momentum-sgd", "MomentumSGD", "sgd", "SGD", "adam", "Adam",
            "rmsprop", "RMSprop", "adagrad", "AdaGrad");
    static final String BUILT_IN = "MNIST (built in)";
    static final String FOLDER = "Folder of IDX files…";

    private final TrainSettings s;
    private final DialogService dialogs;
    private final GridPane grid = new GridPane();
    private int row;

    public SettingsPane(TrainSettings settings, DialogService dialogs, ObservableBooleanValue locked) {
        this.s = settings;
        this.dialogs = dialogs;
        grid.getStyleClass().add("settings");
        grid.setHgap(8);
        grid.setVgap(6);
        grid.setPadding(new Insets(10));
        data();
        network();
        optimizer();
        run();
        Label validation = hint(s.validationProperty(), "validationLabel");
        validation.getStyleClass().setAll("label", "validation");
        validation.visibleProperty().bind(s.validationProperty().isNotNull());
        validation.managedProperty().bind(validation.visibleProperty());
        grid.add(validation, 0, row, 2, 1);
        grid.disableProperty().bind(locked);
        setContent(grid);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        getStyleClass().add("settings-scroll");
        setPrefWidth(320);
        setMinWidth(290);
    }

    private void data() {
        section("Data");
        ComboBox<String> data = new ComboBox<>();
        data.setId("dataBox");
        data.getItems().addAll(BUILT_IN, FOLDER);
        data.getSelectionModel().select(0);
        data.setOnAction(e -> {
            if (FOLDER.equals(data.getValue())) {
                var chosen = dialogs.chooseFolder("Folder with MNIST-style IDX files");
                if (chosen.isPresent()) {
                    s.dataFolderProperty().set(chosen.get());
                } else if (s.dataFolderProperty().get() == null) {
                    data.getSelectionModel().select(0);
                }
            } else {
                s.dataFolderProperty().set(null);
            }
        });
        field("Dataset", data);
        Label where = new Label();
        where.getStyleClass().add("hint");
        where.setWrapText(true);
        where.textProperty().bind(Bindings.createStringBinding(() -> s.dataFolderProperty().get() == null ? "60000 training, 10000 test images"
                : s.dataFolderProperty().get().toString(), s.dataFolderProperty()));
        grid.add(where, 0, row++, 2, 1);
        field("Training examples", text(s.trainLimitProperty(), "trainLimitField", "all"));
        field("Test examples", text(s.testLimitProperty(), "testLimitField", "all"));
    }

    private void network() {
        section("Network");
        field("Hidden units", text(s.unitsProperty(), "unitsField", "100"));
        Label arch = new Label();
        arch.getStyleClass().add("hint");
        arch.textProperty().bind(Bindings.createStringBinding(() -> "MLP 784-" + s.unitsProperty().get().strip() + "-" + s.unitsProperty().get().strip()
                + "-10, ReLU", s.unitsProperty()));
        grid.add(arch, 0, row++, 2, 1);
    }

    private void optimizer() {
        section("Optimizer");
        ComboBox<String> opt = new ComboBox<>();
        opt.setId("optimizerBox");
        opt.getItems().addAll(Optimizers.NAMES);
        opt.setConverter(new StringConverter<>() {
            @Override
            public String toString(String name) {
                return name == null ? "" : OPTIMIZER_LABELS.getOrDefault(name, name);
            }

            @Override
            public String fromString(String label) {
                return label;
            }
        });
        opt.valueProperty().bindBidirectional(s.optimizerProperty());
        field("Optimizer", opt);
        GridPane hyper = new GridPane();
        hyper.setHgap(8);
        hyper.setVgap(6);
        Runnable build = () -> {
            hyper.getChildren().clear();
            int r = 0;
            for (HyperParam h : s.hyperparams()) {
                Label l = new Label(h.key());
                l.setMinWidth(Region.USE_PREF_SIZE);
                TextField f = text(h.text(), "hp-" + h.key(), HyperParam.format(h.defaultValue()));
                f.setTooltip(new Tooltip("Chainer's default: " + HyperParam.format(h.defaultValue())));
                l.setLabelFor(f);
                hyper.add(l, 0, r);
                hyper.add(f, 1, r++);
            }
        };
        s.hyperparams().addListener((ListChangeListener<HyperParam>) c -> build.run());
        build.run();
        grid.add(hyper, 0, row++, 2, 1);
    }

    private void run() {
        section("Run");
        field("Batch size", text(s.batchSizeProperty(), "batchSizeField", "128"));
        field("Epochs", text(s.epochsProperty(), "epochsField", "10"));
        field("Seed", text(s.seedProperty(), "seedField", "0"));
        CheckBox shuffle = new CheckBox("Shuffle every epoch");
        shuffle.setId("shuffleCheck");
        shuffle.selectedProperty().bindBidirectional(s.shuffleProperty());
        grid.add(shuffle, 0, row++, 2, 1);
        CheckBox augment = new CheckBox("Augment (random distortions)");
        augment.setId("augmentCheck");
        augment.setTooltip(new Tooltip("Small random rotations, scales, shifts and stroke widths: slower to learn, better on drawings"));
        augment.selectedProperty().bindBidirectional(s.augmentProperty());
        grid.add(augment, 0, row++, 2, 1);
        CheckBox snapshots = new CheckBox("Snapshot every epoch…");
        snapshots.setId("snapshotCheck");
        snapshots.setTooltip(new Tooltip("Save the whole run after each epoch (keeps the newest 3) so it can be resumed exactly"));
        snapshots.setOnAction(e -> {
            if (snapshots.isSelected()) {
                var chosen = dialogs.chooseFolder("Folder for the run's snapshots");
                s.snapshotFolderProperty().set(chosen.orElse(null));
                snapshots.setSelected(chosen.isPresent());
            } else {
                s.snapshotFolderProperty().set(null);
            }
        });
        grid.add(snapshots, 0, row++, 2, 1);
        Label into = new Label();
        into.getStyleClass().add("hint");
        into.setWrapText(true);
        into.textProperty().bind(Bindings.createStringBinding(() -> s.snapshotFolderProperty().get() == null ? ""
                : "into " + s.snapshotFolderProperty().get(), s.snapshotFolderProperty()));
        into.managedProperty().bind(s.snapshotFolderProperty().isNotNull());
        grid.add(into, 0, row++, 2, 1);
    }

    private void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().add("section");
        grid.add(l, 0, row++, 2, 1);
    }

    private void field(String label, Node control) {
        Label l = new Label(label);
        l.setLabelFor(control);
        l.setMinWidth(Region.USE_PREF_SIZE);
        grid.add(l, 0, row);
        grid.add(control, 1, row++);
        GridPane.setHgrow(control, Priority.ALWAYS);
        if (control instanceof Region r) r.setMaxWidth(Double.MAX_VALUE);
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
