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
        // Alt+X: in the views it shows in, L is Draw's Model menu, P the Pin button and I Draw's Open image
        ToggleButton px = new ToggleButton("Pi_xels");
        px.setId("pixelsToggle");
        px.setMinWidth(Region.USE_PREF_SIZE);
        px.setTooltip(new Tooltip("Compare grey levels pixel by pixel instead of what the network's last layer reads"));
        px.selectedProperty().bindBidirectional(vm.pixelsProperty());
        HBox.setHgrow(verdict, Priority.ALWAYS);
        verdict.setMaxWidth(Double.MAX_VALUE);
        // the toggle keeps its place at the top when a verdict wraps onto a second line; a one-line verdict is as tall
        // as the toggle and centred beside it
        verdict.setMaxHeight(Double.MAX_VALUE);
        HBox head = new HBox(8, verdict, px);
        head.setAlignment(Pos.TOP_LEFT);
        tiles.setId("neighbourTiles");
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
        // the bar keeps its room at the line's end while no index is built: the status beside it does not move
        bar.visibleProperty().bind(vm.progressProperty().greaterThanOrEqualTo(0));
        bar.setMinWidth(Region.USE_PREF_SIZE);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox foot = new HBox(8, status, bar);
        foot.setAlignment(Pos.CENTER_LEFT);
        Label info = new Label();
        info.setId("indexInfo");
        info.getStyleClass().add("hint");
        info.textProperty().bind(vm.indexInfoProperty());
        // a blank line until the index is built: its line does not push the tab's content down when it comes
        info.setMinHeight(Region.USE_PREF_SIZE);
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
        if (s == null) {
            // the room of the tiles an answer brings, held by as many unseen tiles with the widest label: the first
            // answer's tiles move nothing below them
            String widest = "";
            for (String n : vm.classNames()) if (n.length() > widest.length()) widest = n;
            for (int i = 0; i < ExplainViewModel.K; i++) {
                VBox room = tile(null, widest + String.format(Locale.ROOT, " · %.2f", 88.88), false);
                room.setVisible(false);
                room.setFocusTraversable(false);
                tiles.getChildren().add(room);
            }
            return;
        }
        List<String> names = vm.classNames();
        List<Neighbour> near = s.neighbourhood().neighbours();
        for (int i = 0; i < near.size(); i++) {
            Neighbour n = near.get(i);
            boolean other = n.label() != s.neighbourhood().answer();
            String name = n.label() < names.size() ? names.get(n.label()) : String.valueOf(n.label());
            VBox tile = tile(DigitImages.of(s.images().get(i)), name + String.format(Locale.ROOT, " · %.2f", n.distance()), other);
            tile.getChildren().get(1).setId("neighbourLabel-" + i);
            tile.setId("neighbour-" + i);
            tile.setAccessibleText("Training image " + n.index() + ", a " + name + ", distance " + String.format(Locale.ROOT, "%.2f", n.distance()));
            Tooltip.install(tile, new Tooltip("Training image #" + n.index() + ": labelled " + name + String.format(Locale.ROOT, ", distance %.3f", n.distance())));
            tiles.getChildren().add(tile);
        }
    }

    /** A tile: the picture (null: none) over its label, framed in orange when {@code other}. */
    private static VBox tile(javafx.scene.image.Image image, String text, boolean other) {
        ImageView img = new ImageView(image);
        img.setFitWidth(TILE);
        img.setFitHeight(TILE);
        img.setSmooth(false);
        Region picture = image == null ? new Region() : null;
        if (picture != null) picture.setPrefSize(TILE, TILE);
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setStyle(other ? OTHER + " -fx-font-size: 11px;" : "-fx-font-size: 11px;");
        VBox tile = new VBox(2, picture != null ? picture : img, label);
        tile.setAlignment(Pos.CENTER);
        tile.setStyle("-fx-padding: 2; -fx-border-width: 2; -fx-border-color: " + (other ? "#d97706;" : "transparent;"));
        tile.setFocusTraversable(true);
        tile.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW); // a plain box is skipped by the screen reader, its text with it
        return tile;
    }
}
