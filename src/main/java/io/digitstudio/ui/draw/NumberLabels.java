package io.digitstudio.ui.draw;

import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

import java.util.List;
import java.util.Locale;

/**
 * The labels of a number's digits over the canvas ("8 99.6%" under each digit's box, which the canvas paints): labels
 * like every other text of the window, in its type (which grows with the UI scale) and the theme's colours, placed by
 * {@link BoxLabels} so that no two overlap. The mouse goes through them to the canvas; the canvas's accessible text says
 * each digit's whole text.
 */
final class NumberLabels extends Region {
    private List<double[]> boxes = List.of();
    private List<String> full = List.of();
    private List<String> brief = List.of();
    private List<BoxLabels.Place> placed = List.of();
    /** Measures a text in the labels' font, off the scene. */
    private final Text measure = new Text();

    /** Over a canvas {@code side} pixels square. */
    NumberLabels(double side) {
        getStyleClass().add("number-labels");
        setMouseTransparent(true);
        setMinSize(side, side);
        setPrefSize(side, side);
        setMaxSize(side, side);
    }

    /**
     * Labels for these boxes ({x, y, w, h} each in canvas pixels, in reading order): each its {@code full} text where it
     * fits, else its {@code brief} one; none for no boxes.
     */
    void show(List<double[]> boxes, List<String> full, List<String> brief) {
        this.boxes = List.copyOf(boxes);
        this.full = List.copyOf(full);
        this.brief = List.copyOf(brief);
        while (getChildren().size() < boxes.size()) {
            Label l = new Label();
            l.getStyleClass().add("number-label");
            l.setMnemonicParsing(false);
            l.setManaged(false);
            // a new UI scale: the labels are placed anew in their new size (an unmanaged label asks its parent nothing)
            l.fontProperty().addListener(o -> requestLayout());
            getChildren().add(l);
        }
        if (getChildren().size() > boxes.size()) getChildren().remove(boxes.size(), getChildren().size());
        if (boxes.isEmpty()) placed = List.of();
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        if (boxes.isEmpty()) return;
        Label first = (Label) getChildren().get(0);
        double sides = first.snappedLeftInset() + first.snappedRightInset();
        measure.setFont(first.getFont());
        measure.setText("X");
        double line = snapSizeY(Math.ceil(measure.getLayoutBounds().getHeight()) + first.snappedTopInset() + first.snappedBottomInset());
        // the text's width, its padding and border, and a pixel spare (the label's skin rounds): never cut to "…"
        placed = BoxLabels.place(boxes, full, brief, t -> {
            measure.setText(t);
            return Math.ceil(measure.getLayoutBounds().getWidth() + sides) + 1 - 2 * BoxLabels.PAD;
        }, line, getWidth(), getHeight());
        for (int i = 0; i < getChildren().size(); i++) {
            Label l = (Label) getChildren().get(i);
            boolean shown = i < placed.size();
            l.setVisible(shown);
            if (!shown) continue;
            BoxLabels.Place p = placed.get(i);
            l.setText(p.text());
            l.resizeRelocate(p.x(), p.y(), p.w(), p.h());
        }
    }

    /** The labels placed, for tests: text and place in canvas pixels ("1 98%@x,y,w,h"). */
    List<String> placed() {
        return placed.stream().map(p -> String.format(Locale.ROOT, "%s@%.1f,%.1f,%.1f,%.1f", p.text(), p.x(), p.y(), p.w(), p.h())).toList();
    }
}
