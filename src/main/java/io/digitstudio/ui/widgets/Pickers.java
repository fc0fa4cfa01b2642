package io.digitstudio.ui.widgets;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Keeps a combo box as wide as its widest choice in the font in force, narrower as well as wider when the UI scale
 * changes. A JavaFX ComboBox sizes its list at least as wide as itself, and itself as wide as its list: once a larger
 * scale has widened it, it never narrows again.
 */
public final class Pickers {
    private static final String KEY = Pickers.class.getName();
    /** A margin for rounding at fractional scales. */
    private static final double MARGIN_EM = 0.4;

    private Pickers() {
    }

    /** Sizes the box to its choices now (once it has a skin), and again when its choices or its font change. */
    public static <T> void fitToChoices(ComboBox<T> box) {
        box.getItems().addListener((ListChangeListener<T>) c -> fit(box));
        box.itemsProperty().addListener((o, a, b) -> fit(box));
        box.converterProperty().addListener((o, a, b) -> fit(box));
        // the shown choice's font is known once styled, and changes with the UI scale: measure again when it has
        box.needsLayoutProperty().addListener((o, a, needs) -> {
            if (!needs && !java.util.Objects.equals(shownFont(box), box.getProperties().get(KEY + ".font"))) fit(box);
        });
    }

    /** Sets the box's widths to its widest choice (or prompt) in its shown cell's font, plus the cell's and arrow's room. */
    static <T> void fit(ComboBox<T> box) {
        Font font = shownFont(box);
        Node arrow = box.lookup(".arrow-button");
        ListCell<?> cell = shownCell(box);
        if (font == null || !(arrow instanceof Region a) || cell == null) return;
        box.getProperties().put(KEY + ".font", font);
        Text probe = new Text();
        probe.setFont(font);
        double widest = width(probe, box.getPromptText());
        if (box.getItems() != null) {
            for (T t : box.getItems()) widest = Math.max(widest, width(probe, box.getConverter() == null ? String.valueOf(t) : box.getConverter().toString(t)));
        }
        Insets c = cell.getInsets(), b = box.getInsets();
        double w = Math.ceil(widest + c.getLeft() + c.getRight() + a.prefWidth(-1) + b.getLeft() + b.getRight() + MARGIN_EM * font.getSize());
        if (w != box.getPrefWidth()) box.setPrefWidth(w);
        box.setMinWidth(Region.USE_PREF_SIZE);
    }

    /** The font the box shows its choice in, or null before it has a skin. */
    private static Font shownFont(ComboBox<?> box) {
        ListCell<?> cell = shownCell(box);
        return cell == null ? null : cell.getFont();
    }

    /** The cell that shows the chosen item: the skin's own child (the box holds other cells deeper down). */
    private static ListCell<?> shownCell(ComboBox<?> box) {
        for (Node n : box.getChildrenUnmodifiable()) if (n instanceof ListCell<?> cell) return cell;
        return null;
    }

    private static double width(Text probe, String s) {
        probe.setText(s == null ? "" : s);
        return probe.getLayoutBounds().getWidth();
    }
}
