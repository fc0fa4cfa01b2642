package io.digitstudio.ui.widgets;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A scroll pane around content that changes while the user watches (live charts, a growing table, pinned digits'
 * bars). JavaFX's scroll pane skin caches its viewport as one bitmap, which pays off for still content; around live
 * content each change, however small, makes the renderer draw the whole viewport into that bitmap again and then the
 * bitmap on screen. With the software renderer on two cores that full redraw is taken from a training part; without
 * the cache only the changed node's region is drawn (decision record 0005).
 */
public final class LiveViewport {
    private LiveViewport() {
    }

    /** Keeps {@code pane}'s viewport uncached, for its present skin and any later one; returns the pane. */
    public static <T extends ScrollPane> T of(T pane) {
        pane.skinProperty().addListener((o, was, skin) -> uncache(pane));
        uncache(pane);
        return pane;
    }

    /** Whether {@code pane}'s viewport is drawn from a cached bitmap (false before it has a skin). */
    public static boolean cached(ScrollPane pane) {
        Node v = viewport(pane);
        return v != null && v.isCache();
    }

    private static void uncache(ScrollPane pane) {
        Node v = viewport(pane);
        if (v != null) v.setCache(false);
    }

    /** The skin's viewport: the pane's own child of style class "viewport", not one of a scroll pane inside it. */
    private static Node viewport(ScrollPane pane) {
        for (Node n : pane.getChildrenUnmodifiable()) if (n.getStyleClass().contains("viewport")) return n;
        return null;
    }
}
