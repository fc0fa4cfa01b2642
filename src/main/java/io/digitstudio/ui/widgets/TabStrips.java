package io.digitstudio.ui.widgets;

import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;

/**
 * A tab pane's strip of tabs as tall as its tabs' text in the font now in force. JavaFX's tab pane sizes its strip only
 * when the pane itself is laid out, and the strip is a layout root of its own (unmanaged): when a new UI scale changes
 * only the strip's font, the strip lays itself out again but the pane does not, so the strip kept the height of the
 * scale before (150 % after going back to 100 %) until something else, such as another tab, laid the pane out.
 */
public final class TabStrips {
    private TabStrips() {
    }

    /** Lays {@code tabs} out again whenever its strip wants another height than the one it was given. */
    public static void followFont(TabPane tabs) {
        Runnable fit = () -> {
            Region strip = strip(tabs);
            if (strip != null && Math.abs(strip.getHeight() - strip.snapSizeY(strip.prefHeight(-1))) > 0.5) tabs.requestLayout();
        };
        tabs.skinProperty().addListener((o, a, skin) -> watch(tabs, fit));
        watch(tabs, fit);
    }

    private static void watch(TabPane tabs, Runnable fit) {
        Region strip = strip(tabs);
        if (strip == null) return;
        String key = TabStrips.class.getName();
        if (strip.getProperties().containsKey(key)) return;
        strip.getProperties().put(key, true);
        // measured once the strip has laid itself out in the new font; the pane is asked after this layout pass, which
        // would lose a request made during it
        strip.needsLayoutProperty().addListener((o, a, needs) -> {
            if (!needs) TableHeights.later(tabs, fit);
        });
    }

    /** The pane's own strip (a lookup could find the strip of a tab pane inside one of its tabs first). */
    private static Region strip(TabPane tabs) {
        for (javafx.scene.Node n : tabs.getChildrenUnmodifiable()) {
            if (n instanceof Region r && r.getStyleClass().contains("tab-header-area")) return r;
        }
        return null;
    }
}
