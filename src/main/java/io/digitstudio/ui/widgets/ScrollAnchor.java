package io.digitstudio.ui.widgets;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Keeps a scroll pane's content where it is on the screen when the pane or its content changes height. A ScrollPane
 * remembers its place as a fraction of the room to scroll, so a status line that takes a second row under it, a line
 * that wraps above it, or a message that appears under a field would otherwise slide every control in view, under the
 * user's pointer. Here the place is the content's top in the scene, as the user (or a reveal) left it; the pane
 * scrolls as far as it can to keep it there.
 */
public final class ScrollAnchor {
    private final ScrollPane pane;
    /** Where the content's top is to stay, in scene coordinates; NaN until the pane is first laid out. */
    private double contentTop = Double.NaN;
    private boolean adjusting;

    private ScrollAnchor(ScrollPane pane) {
        this.pane = pane;
        pane.vvalueProperty().addListener((o, a, b) -> {
            if (!adjusting) contentTop = viewportTop() - b.doubleValue() * room();
        });
        // change listeners: an invalidation listener on a lazy property hears only its first change
        pane.viewportBoundsProperty().addListener((o, a, b) -> keep());
        pane.localToSceneTransformProperty().addListener((o, a, b) -> keep());
        // a change of the content's height is the skin's to follow: it keeps the pixel offset itself (and its
        // correction would apply twice over one made here), but not when the viewport changes or moves
    }

    /** Makes {@code pane} keep its content in place on the screen from now on. */
    public static void keepInPlace(ScrollPane pane) {
        new ScrollAnchor(pane);
    }

    /** The pixels there are to scroll: the content's height beyond the viewport's. */
    private double room() {
        Node content = pane.getContent();
        if (content == null) return 0;
        return Math.max(0, content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight());
    }

    /** The viewport's top edge in scene coordinates. */
    private double viewportTop() {
        return pane.localToScene(0, pane.snappedTopInset()).getY();
    }

    private void keep() {
        // a pane taken out of its window has no place on the screen to keep
        if (adjusting || pane.getScene() == null) return;
        // at the top, the top is what stays (as a browser's scroll anchoring does): a form never scrolled shows its
        // first line whatever moves above it
        if (Double.isNaN(contentTop) || pane.getVvalue() <= pane.getVmin()) {
            contentTop = viewportTop() - pane.getVvalue() * room();
            return;
        }
        double room = room();
        double v = room <= 0 ? 0 : Math.max(0, Math.min(1, (viewportTop() - contentTop) / room));
        if (v == pane.getVvalue()) return;
        adjusting = true;
        try {
            pane.setVvalue(v);
        } finally {
            adjusting = false;
        }
    }
}
