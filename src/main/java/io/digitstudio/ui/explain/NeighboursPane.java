package io.digitstudio.ui.explain;

import io.digitstudio.explain.Neighbour;
import io.digitstudio.ui.widgets.DigitImages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Locale;

/**
 * The nearest training examples in a row, each with its label and distance (a label other than the answer in
 * orange, its frame too), the verdict above them, a Pixels toggle, and the search's time or the index's progress.
 */
public final class NeighboursPane extends VBox {
    static final double TILE = 52;
    private static final String OTHER = "-fx-text-fill: #b45309; -fx-font-weight: bold;";
    private final ExplainViewModel vm;
    /** The tiles in a row, wrapping onto a second one where the pane is narrower (Draw's column at 100 %, any view at 200 %). */
    private final javafx.scene.layout.FlowPane tiles = new javafx.scene.layout.FlowPane(6, 6);

    public NeighboursPane(ExplainViewModel vm) {
        super(6);
        this.vm = vm;
        setId("neighboursPane");
        Label verdict = new Label();
        verdict.setId("neighboursVerdict");
        verdict.setWrapText(true);
        verdict.setMinHeight(Region.USE_PREF_SIZE);
        verdict.setStyle("-fx-font-weight: bold;");
        ToggleButton px = new ToggleButton("Pixe_ls");
        px.setId("pixelsToggle");
        px.setMinWidth(Region.USE_PREF_SIZE);
        px.setTooltip(new Tooltip("Compare grey levels pixel by pixel instead of what the network's last layer reads"));
        px.selectedProperty().bindBidirectional(vm.pixelsProperty());
        HBox.setHgrow(verdict, Priority.ALWAYS);
        verdict.setMaxWidth(Double.MAX_VALUE);
        HBox head = new HBox(8, verdict, px);
        head.setAlignment(Pos.CENTER_LEFT);
        tiles.setId("neighbourTiles");
        tiles.setMinHeight(TILE + 22);
        Label status = new Label();
        status.setId("neighboursStatus");
        status.getStyleClass().add("hint");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("indexProgress");
        io.digitstudio.ui.widgets.ScreenReader.describe(bar, "Indexing the training images", "How much of the index of training images is built");
        bar.setPrefWidth(120);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.progressProperty().greaterThanOrEqualTo(0));
        bar.managedProperty().bind(bar.visibleProperty());
        HBox foot = new HBox(8, bar, status);
        foot.setAlignment(Pos.CENTER_LEFT);
        Label info = new Label();
        info.setId("indexInfo");
        info.getStyleClass().add("hint");
        info.textProperty().bind(vm.indexInfoProperty());
        info.visibleProperty().bind(Bindings.isNotEmpty(vm.indexInfoProperty()));
        info.managedProperty().bind(info.visibleProperty());
        getChildren().addAll(head, tiles, foot, info);
        vm.neighboursProperty().addListener((o, a, s) -> show(s));
        verdict.textProperty().bind(Bindings.createStringBinding(() -> {
            ExplainViewModel.Shown s = vm.neighboursProperty().get();
            return s == null ? "Nearest training examples" : s.verdict();
        }, vm.neighboursProperty()));
        verdict.styleProperty().bind(Bindings.createStringBinding(() -> {
            ExplainViewModel.Shown s = vm.neighboursProperty().get();
            return s != null && s.neighbourhood().disagrees() ? OTHER : "-fx-font-weight: bold;";
        }, vm.neighboursProperty()));
        show(vm.neighboursProperty().get());
    }

    private void show(ExplainViewModel.Shown s) {
        tiles.getChildren().clear();
        if (s == null) return;
        List<String> names = vm.classNames();
        List<Neighbour> near = s.neighbourhood().neighbours();
        for (int i = 0; i < near.size(); i++) {
            Neighbour n = near.get(i);
            ImageView img = new ImageView(DigitImages.of(s.images().get(i)));
            img.setFitWidth(TILE);
            img.setFitHeight(TILE);
            img.setSmooth(false);
            boolean other = n.label() != s.neighbourhood().answer();
            String name = n.label() < names.size() ? names.get(n.label()) : String.valueOf(n.label());
            Label label = new Label(name + String.format(Locale.ROOT, " · %.2f", n.distance()));
            label.setId("neighbourLabel-" + i);
            label.setMinWidth(Region.USE_PREF_SIZE);
            label.setStyle(other ? OTHER + " -fx-font-size: 11px;" : "-fx-font-size: 11px;");
            VBox tile = new VBox(2, img, label);
            tile.setId("neighbour-" + i);
            tile.setAlignment(Pos.CENTER);
            tile.setStyle("-fx-padding: 2; -fx-border-width: 2; -fx-border-color: " + (other ? "#d97706;" : "transparent;"));
            tile.setFocusTraversable(true);
            tile.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW); // a plain box is skipped by the screen reader, its text with it
            tile.setAccessibleText("Training image " + n.index() + ", a " + name + ", distance " + String.format(Locale.ROOT, "%.2f", n.distance()));
            Tooltip.install(tile, new Tooltip("Training image #" + n.index() + ": labelled " + name + String.format(Locale.ROOT, ", distance %.3f", n.distance())));
            tiles.getChildren().add(tile);
        }
    }
}
