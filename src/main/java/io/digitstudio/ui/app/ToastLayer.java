package io.digitstudio.ui.app;

import io.digitstudio.ui.core.FxTicker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The window's passing messages (the dialog service's toasts), side by side in a strip along the window's bottom edge,
 * below the views (an info bar, as GTK's): the strip takes its place in the layout only while a toast shows, and the
 * views give it that height, so a toast never lies over a table, a chart or a status text someone is reading, at any
 * size or scale. A toast shows at once and goes when its time is up (not while the pointer rests on it) or when
 * clicked; the oldest goes first when more than {@link #MAX_SHOWN} would line up.
 * <p>
 * Not ControlsFX's Notifications: their hide timer is a Timeline with a start delay, and a running Timeline makes
 * JavaFX pulse 60 times a second for the toast's whole life, and on a two-core machine each pulse takes CPU from
 * the training parts (decision record 0005). Here only an {@link FxTicker} waits, and nothing moves.
 */
public final class ToastLayer extends HBox {
    static final int MAX_SHOWN = 3;
    static final double WIDTH = 340;
    static final double MIN_WIDTH = 150;
    /** How long a toast under the pointer waits before it looks again whether it may go. */
    static final long HOVER_RECHECK_MILLIS = 1000;

    /** Runs a task on the UI thread once, a while from now ({@link FxTicker#later} in the app; by hand in tests). */
    @FunctionalInterface
    interface Later {
        void run(long delayMillis, Runnable task);
    }

    private final Later later;

    public ToastLayer() {
        this(FxTicker::later);
    }

    ToastLayer(Later later) {
        this.later = later;
        getStyleClass().add("toast-layer");
        setAlignment(Pos.BOTTOM_RIGHT);
        setFillHeight(false);
        setSpacing(8);
        setPadding(new Insets(6, 8, 6, 8));
        // no toast, no strip: the views have the whole window
        managedProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(getChildren()));
        visibleProperty().bind(managedProperty());
    }

    /** Shows a toast for {@code millis} ms (UI thread); {@code error} styles it as a problem. */
    public void show(String title, String text, boolean error, long millis) {
        show(title, text, error, millis, null, null);
    }

    /** A toast with a button (e.g. "Undo") that runs {@code action} and closes it; null {@code actionLabel}: none. */
    public void show(String title, String text, boolean error, long millis, String actionLabel, Runnable action) {
        Label heading = new Label(title);
        heading.getStyleClass().add("toast-title");
        heading.setWrapText(true); // a narrow strip (a large scale, several toasts) wraps the title, never cuts it
        Label body = new Label(text);
        body.getStyleClass().add("toast-text");
        body.setWrapText(true); // a long message wraps instead of stretching the toast past the window
        body.setPrefWidth(WIDTH);
        body.setMaxWidth(WIDTH);
        VBox toast = new VBox(4, heading, body);
        if (actionLabel != null) {
            javafx.scene.control.Button b = new javafx.scene.control.Button(actionLabel);
            b.setId("toastActionButton");
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setOnAction(e -> {
                getChildren().remove(toast);
                action.run();
            });
            toast.getChildren().add(b);
        }
        toast.getStyleClass().addAll("toast", error ? "toast-error" : "toast-info");
        toast.setMaxWidth(Region.USE_PREF_SIZE);
        toast.setMinWidth(MIN_WIDTH); // several toasts share a narrow strip by wrapping their texts
        toast.setCursor(Cursor.HAND);
        toast.setAccessibleText(title + ": " + text);
        toast.setOnMouseClicked(e -> getChildren().remove(toast));
        getChildren().add(toast);
        while (getChildren().size() > MAX_SHOWN) getChildren().remove(0);
        hideLater(toast, millis);
    }

    private void hideLater(Node toast, long millis) {
        later.run(millis, () -> {
            if (!getChildren().contains(toast)) return;
            if (toast.isHover()) hideLater(toast, HOVER_RECHECK_MILLIS); // being read: it stays until the pointer leaves
            else getChildren().remove(toast);
        });
    }
}
