package io.digitstudio.ui.draw;

import io.digitstudio.read.DigitPreprocessor;
import io.digitstudio.read.DigitPreprocessor.Stage;
import io.digitstudio.read.MnistLikeness;
import io.digitstudio.ui.widgets.DigitImages;
import io.digitstudio.ui.widgets.SteadyLabel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * "What preparation did": the stages from the canvas to the network's input side by side, each a small picture with
 * its name and what it did, and under them the MNIST-likeness line. Each stage takes the keyboard focus (Tab, or
 * Alt+E for the first), and says what it shows to a screen reader.
 */
public final class StagesPane extends VBox {
    static final double THUMB = 64;
    /** The stages in a row, wrapping onto a second one where the column is narrower (1024x700 at 150 %). */
    private final javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(6, 6);
    /** What the line judges, before there is a digit to judge (the canvas itself asks for one). */
    private static final String NO_LIKENESS = "MNIST-likeness: how a digit's stroke, centre, edges and slant compare with MNIST's";
    /** The likeness line, as tall from the start as the widest line a digit brings. */
    private final Label likeness = new SteadyLabel(java.util.stream.Stream.concat(java.util.stream.Stream.of(NO_LIKENESS),
            MnistLikeness.widestLines().stream()).toList());
    private final List<VBox> tiles = new ArrayList<>();
    private final List<Tooltip> tips = new ArrayList<>();
    private static final javafx.css.PseudoClass UNUSUAL = javafx.css.PseudoClass.getPseudoClass("unusual");

    public StagesPane(ReadOnlyObjectProperty<Preparation> preparation) {
        setId("stagesPane");
        setSpacing(4);
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label("Preparatio_n");
        title.getStyleClass().add("section");
        title.setStyle("-fx-font-weight: bold;");
        title.setMinWidth(Region.USE_PREF_SIZE);
        row.setId("stagesRow");
        row.setAlignment(javafx.geometry.Pos.CENTER);
        row.setPrefWrapLength(2000); // asked its size, one row: it wraps only when laid out narrower
        for (DigitPreprocessor.Step step : DigitPreprocessor.Step.values()) row.getChildren().add(tile(step));
        title.setLabelFor(tiles.get(0));
        title.setMnemonicParsing(true);
        likeness.setId("likenessLabel");
        likeness.setMaxWidth(Double.MAX_VALUE);
        getChildren().addAll(title, row, likeness);
        // no side padding of its own, the canvas column's is enough: the seven stages then fit on one row in the
        // smallest window at 100 %, where the seventh, alone on a second row, had its "28×28" cut at the window's edge
        setPadding(new Insets(0, 0, 8, 0));
        preparation.addListener((o, a, p) -> show(p));
        show(preparation.get());
    }

    private VBox tile(DigitPreprocessor.Step step) {
        StackPane frame = DigitImages.framedView("stage-" + step.name().toLowerCase(java.util.Locale.ROOT), THUMB);
        ImageView view = (ImageView) frame.getChildren().get(0);
        view.setPreserveRatio(true);
        // the name and the detail in the UI's type (theme.css), in a tile as wide as the type is large (.stage-tile)
        Label name = new Label(step.title());
        name.getStyleClass().add("stage-title");
        name.setWrapText(true);
        name.setMinHeight(Region.USE_PREF_SIZE);
        name.setMaxWidth(Double.MAX_VALUE);
        // as tall from the start as the step's widest detail: the first drawing's details move nothing below them
        Label detail = new SteadyLabel(step.widestDetails());
        detail.getStyleClass().add("hint");
        detail.setMaxWidth(Double.MAX_VALUE);
        VBox tile = new VBox(2, frame, name, detail);
        tile.setId("stage-" + step.ordinal());
        tile.getStyleClass().add("stage-tile");
        tile.setAlignment(Pos.TOP_CENTER);
        tile.setFocusTraversable(true);
        tile.setAccessibleRole(AccessibleRole.IMAGE_VIEW);
        tile.setPadding(new Insets(2));
        Tooltip tip = new Tooltip(step.title());
        Tooltip.install(tile, tip);
        tips.add(tip);
        tiles.add(tile);
        return tile;
    }

    private void show(Preparation p) {
        for (int i = 0; i < tiles.size(); i++) {
            VBox tile = tiles.get(i);
            ImageView view = (ImageView) ((StackPane) tile.getChildren().get(0)).getChildren().get(0);
            Label detail = (Label) tile.getChildren().get(2);
            Stage s = p == null || i >= p.stages().size() ? null : p.stages().get(i);
            DigitPreprocessor.Step step = DigitPreprocessor.Step.values()[i];
            view.setImage(s == null ? null : DigitImages.of(s.image()));
            // large pictures are smoothed when shrunk; the small ones keep their pixels visible
            view.setSmooth(s != null && Math.max(s.image().width(), s.image().height()) > THUMB);
            detail.setText(s == null ? "" : s.detail());
            String text = step.title() + (s == null ? "" : ": " + s.detail());
            tile.setAccessibleText(text);
            tips.get(i).setText(text);
        }
        likeness.setText(p == null ? NO_LIKENESS : p.likeness().line());
        likeness.setTooltip(p == null ? null : new Tooltip(p.likeness().details()));
        // an unusual drawing's line in the theme's warning colour
        likeness.pseudoClassStateChanged(UNUSUAL, p != null && !p.likeness().typical());
    }

    /** How many stages the pane shows a picture for. */
    public int shownStages() {
        int n = 0;
        for (VBox t : tiles) if (((ImageView) ((StackPane) t.getChildren().get(0)).getChildren().get(0)).getImage() != null) n++;
        return n;
    }
}
