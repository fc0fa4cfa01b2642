package io.digitstudio.ui.widgets;

import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * Toolbars whose every control stays in sight with its whole text: the items keep their preferred widths and wrap
 * onto a second row when the window is too narrow for one (a small window, a large UI scale), as a toolbar in a
 * polished editor does. A JavaFX {@code ToolBar} would instead hide what does not fit behind its "»" overflow button,
 * where nobody looks for it. A long label (a summary, a hint) wraps within the bar's width rather than running past
 * the window's edge.
 * <p>
 * The bar carries the {@code tool-bar} style class, so it is drawn as the theme draws toolbars, and
 * {@code wrapping-bar} for its gaps.
 */
public final class Bars {
    private Bars() {
    }

    /** A wrapping toolbar of these items, each kept whole. */
    public static FlowPane whole(Node... items) {
        FlowPane bar = new FlowPane(Orientation.HORIZONTAL);
        bar.getStyleClass().addAll("tool-bar", "wrapping-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setRowValignment(javafx.geometry.VPos.CENTER);
        for (Node n : items) {
            whole(bar, n);
            bar.getChildren().add(n);
        }
        return bar;
    }

    private static void whole(FlowPane bar, Node n) {
        if (n instanceof Separator s) {
            s.setOrientation(Orientation.VERTICAL);
            s.getStyleClass().add("bar-separator"); // a row's height, from the theme (em)
        } else if (n instanceof Label l) {
            // a long text wraps inside the bar (never past the window's edge), a short one keeps its whole line
            l.setWrapText(true);
            l.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> Math.max(0, bar.getWidth() - bar.getInsets().getLeft() - bar.getInsets().getRight()), bar.widthProperty(), bar.insetsProperty()));
            l.setMinWidth(Region.USE_COMPUTED_SIZE);
        } else if (n instanceof Region r && !(n instanceof javafx.scene.control.TextField)) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
    }
}
