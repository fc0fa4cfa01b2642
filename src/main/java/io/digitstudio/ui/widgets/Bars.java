package io.digitstudio.ui.widgets;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.Region;

/**
 * Toolbars whose buttons, boxes and labels keep their whole text: an item never shrinks below its preferred width, so
 * when the window is too narrow (a large UI scale) the toolbar moves the items that do not fit into its overflow menu
 * instead of cutting them to "…".
 */
public final class Bars {
    private Bars() {
    }

    /** A toolbar of these items, each kept whole. */
    public static ToolBar whole(Node... items) {
        ToolBar bar = new ToolBar(items);
        keepWhole(bar);
        return bar;
    }

    /** Keeps this toolbar's items, and those added later, at least as wide as they want to be. */
    public static void keepWhole(ToolBar bar) {
        bar.getItems().forEach(Bars::whole);
        bar.getItems().addListener((ListChangeListener<Node>) c -> {
            while (c.next()) c.getAddedSubList().forEach(Bars::whole);
        });
    }

    private static void whole(Node n) {
        if (n instanceof Region r && !(n instanceof javafx.scene.control.TextField)) r.setMinWidth(Region.USE_PREF_SIZE);
    }
}
