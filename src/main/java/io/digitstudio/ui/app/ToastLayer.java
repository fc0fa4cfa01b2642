package io.digitstudio.ui.app;

import io.digitstudio.ui.core.FxTicker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The window's passing messages (the dialog service's toasts), stacked in its lower right corner above the views. A
 * toast shows at once and goes when its time is up (not while the pointer rests on it) or when clicked; the oldest
 * goes first when more than {@link #MAX_SHOWN} would stack up. Clicks beside the toasts reach the views below.
 * <p>
 * Not ControlsFX's Notifications: their hide timer is a Timeline with a start delay, and a running Timeline makes
 * JavaFX pulse 60 times a second for the toast's whole life, and on a two-core machine each pulse takes CPU from
 * the training parts (decision record 0005). Here only an {@link FxTicker} waits, and nothing moves.
 */
public final class ToastLayer extends VBox {
    static final int MAX_SHOWN = 4;
    static final double WIDTH = 340;
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
        setFillWidth(false);
        setSpacing(8);
        setPadding(new Insets(16, 16, 40, 16)); // above a view's status bar (the Train view's is about 28 px high)
        setPickOnBounds(false); // only the toasts themselves take the mouse
    }

    /** Shows a toast for {@code millis} ms (UI thread); {@code error} styles it as a problem. */
    public void show(String title, String text, boolean error, long millis) {
        show(title, text, error, millis, null, null);
    }

    /** A toast with a button (e.g. "Undo") that runs {@code action} and closes it; null {@code actionLabel}: none. */
    public void show(String title, String text, boolean error, long millis, String actionLabel, Runnable action) {
        Label heading = new Label(title);
        heading.getStyleClass().add("toast-title");
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
