package io.digitstudio.ui.app;

import io.digitstudio.ui.core.FxTicker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;

/**
 * The window's passing messages (the dialog service's toasts), over the views at the window's bottom edge, at its
 * right. The layer lies over the whole window and takes no room of its own: a toast coming or going moves nothing of
 * the view under it (a line of its own under the views moved the whole view up and down with each toast). A toast
 * lies just above the open view's status line, when it has one ({@link #keepClear}), so that the status's message and
 * figures stay in sight (over them, it hid the end of a run's result at 150 %); it covers the bottom right of the
 * charts or tables for its few seconds instead. Clicks beside it reach the views.
 * <p>
 * Nor does a toast lie over an error the open view shows ({@link #keepClearOfErrors}: a wrong field's message, the
 * form's problem): it goes up past it, and back down once the error goes; where there is no room above the error, it
 * goes to the window's other bottom corner, or lower, over the status line. The user must read what is wrong; a toast
 * says something that can wait (a trial at 150 % saw "Model saved" over "Epochs must be between 1 and 10000").
 * <p>
 * The rules (also in the user guide, window-behaviour.md):
 * <ul>
 * <li>A toast lies above the status line: its title in bold, then its text, at most {@link #WIDTH_SHARE} of the
 * window's width (its share of that, when two show), and as much as {@link #LEAST_EM} em at a large UI scale
 * ({@link #LEAST_EACH_EM} em each, when two show, as far as the window's width allows). A text
 * longer than a line wraps onto at most {@link #MAX_LINES} lines; a text longer than that ends its last line with "…"
 * after a whole word, and a More button beside it shows the whole text above the toast, as its tooltip does when the
 * pointer rests on it: no toast covers anything unasked. Its buttons are the window's normal ones, easy to hit.</li>
 * <li>A toast belongs to the window, not to a view: it shows whichever tab is open.</li>
 * <li>At most {@link #MAX_SHOWN} show side by side, the newest on the right; later ones wait in order and show when one
 * goes, and only then does their time start.</li>
 * <li>Its time ({@link #millisFor}): a plain message 6 s plus 60 ms a character (what reading it takes), at most
 * 20 s; a problem twice that; a toast with an action (Undo) {@link #ACTION_MILLIS} (30 s), and so does one whose line
 * shows only a part of its text ({@link #DETAILS_MILLIS}: time to press More and read the rest). Its time stands still
 * while the pointer is over it, the keyboard focus is in it or its whole message shows (More), and
 * starts again from the beginning once none of them holds: a toast does not go while a user reaches for it.</li>
 * <li>× (or Esc while it has the focus) dismisses it at once; a click on a plain toast does too. A click on a toast
 * with an action does not: only its button or × close it, so that a stray click does not take Undo away.</li>
 * </ul>
 * Not ControlsFX's Notifications: their hide timer is a Timeline with a start delay, and a running Timeline makes
 * JavaFX pulse 60 times a second for the toast's whole life, and on a two-core machine each pulse takes CPU from
 * the training parts (decision record 0005). Here only one task on a clock waits, and nothing moves.
 */
public final class ToastLayer extends Region {
    static final int MAX_SHOWN = 2;
    static final double SPACING = 8;
    /** The part of the window's width the toasts may take, at its right. */
    static final double WIDTH_SHARE = 0.6;
    /** The width in em the toasts may take at least, more than {@link #WIDTH_SHARE} at a large UI scale. */
    static final double LEAST_EM = 40;
    /** The width in em each toast may take at least, when two show (as far as the window's width allows). */
    static final double LEAST_EACH_EM = 30;
    /** The lines a toast's text may take; a longer text ends with "…" and More. */
    static final int MAX_LINES = 3;
    /** A toast with an action stays this long (unless it is hovered or focused, then longer). */
    static final long ACTION_MILLIS = 30_000;
    /** A toast whose line shows only a part of its text stays at least this long: to press More and read the rest. */
    static final long DETAILS_MILLIS = 30_000;
    private static final long PLAIN_MILLIS = 6_000;
    private static final long MILLIS_PER_CHARACTER = 60;
    private static final long PLAIN_MAX_MILLIS = 20_000;


    private final FxTicker.Later later;
    private final List<Toast> shown = new ArrayList<>();
    private final List<Toast> waiting = new ArrayList<>();
    /** The open view's status line, which the toasts stay above; null: none. */
    private java.util.function.Supplier<? extends javafx.scene.Node> keepClear = () -> null;
    /** The status line watched for its changes of size and place. */
    private javafx.scene.Node followed;
    private final javafx.beans.InvalidationListener barMoved = o -> {
        if (!shown.isEmpty()) requestLayout();
    };
    /** The errors the open view shows, which no toast lies over. */
    private java.util.function.Supplier<? extends java.util.Collection<? extends javafx.scene.Node>> errors = List::of;
    /** The errors' boxes (in the layer) the toasts were last placed clear of. */
    private List<javafx.geometry.Bounds> avoided = List.of();
    private final Runnable errorsMoved = this::errorsMoved;

    public ToastLayer() {
        this(FxTicker::later);
    }

    ToastLayer(FxTicker.Later later) {
        this.later = later;
        getStyleClass().add("toast-layer");
        setId("toastLayer");
        // clicks beside the toasts reach the views under the layer
        setPickOnBounds(false);
        // an error comes, goes or moves anywhere in the view (a message under a field, the form scrolled): after each
        // layout pass the toasts shown are placed again if the errors' boxes changed, in the same frame
        sceneProperty().addListener((o, a, b) -> {
            if (a != null) a.removePostLayoutPulseListener(errorsMoved);
            if (b != null) b.addPostLayoutPulseListener(errorsMoved);
        });
    }

    /**
     * How long a toast shows: a plain message long enough to read it (6 s, and 60 ms a character, at most 20 s), a
     * problem twice that, a toast with an action 30 s.
     */
    public static long millisFor(String title, String text, boolean error, boolean withAction) {
        if (withAction) return ACTION_MILLIS;
        long characters = (title == null ? 0 : title.length()) + (text == null ? 0 : text.length());
        long reading = Math.min(PLAIN_MAX_MILLIS, PLAIN_MILLIS + MILLIS_PER_CHARACTER * characters);
        return error ? 2 * reading : reading;
    }

    /** Shows a toast for {@code millis} ms (UI thread); {@code error} styles it as a problem. */
    public void show(String title, String text, boolean error, long millis) {
        show(title, text, error, millis, null, null);
    }

    /** A toast with a button (e.g. "Undo") that runs {@code action} and closes it; null {@code actionLabel}: none. */
    public void show(String title, String text, boolean error, long millis, String actionLabel, Runnable action) {
        Toast toast = new Toast(title, text, error, millis, actionLabel, action);
        if (shown.size() < MAX_SHOWN) reveal(toast);
        else waiting.add(toast);
    }

    /** Closes the toasts titled {@code title}, shown or waiting: what they say no longer holds. */
    public void withdraw(String title) {
        waiting.removeIf(t -> t.title.equals(title));
        for (Toast t : List.copyOf(shown)) if (t.title.equals(title)) dismiss(t);
    }

    /**
     * The line at the window's bottom the toasts stay above: the open view's status line ({@code bar} gives it, or null
     * when it has none), asked at each layout (the window calls {@link #requestLayout} when another view opens). The
     * toasts follow the line as it grows or moves: a longer message breaks it onto more lines.
     */
    public void keepClear(java.util.function.Supplier<? extends javafx.scene.Node> bar) {
        keepClear = bar;
        requestLayout();
    }

    /**
     * The errors the open view shows, asked at each layout pass while a toast shows (nodes hidden, or out of a scroll
     * pane's sight, count as none): the toasts lie clear of them.
     */
    public void keepClearOfErrors(java.util.function.Supplier<? extends java.util.Collection<? extends javafx.scene.Node>> errors) {
        this.errors = errors;
        requestLayout();
    }

    private void errorsMoved() {
        if (shown.isEmpty() || errorBoxes().equals(avoided)) return;
        requestLayout();
        layout();
    }

    /** The boxes of the errors in sight, in the layer's coordinates: each as far as the scroll panes around it show it. */
    private List<javafx.geometry.Bounds> errorBoxes() {
        List<javafx.geometry.Bounds> out = new ArrayList<>();
        for (javafx.scene.Node n : errors.get()) {
            if (n.getScene() == null || n.getScene() != getScene()) continue;
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            boolean seen = true;
            for (javafx.scene.Node p = n; p != null && seen; p = p.getParent()) {
                if (!p.isVisible() || p.getOpacity() == 0) seen = false;
                else if (p != n && p instanceof javafx.scene.control.ScrollPane sp) {
                    javafx.geometry.Bounds v = sp.localToScene(sp.getLayoutBounds());
                    double minX = Math.max(b.getMinX(), v.getMinX()), minY = Math.max(b.getMinY(), v.getMinY());
                    double maxX = Math.min(b.getMaxX(), v.getMaxX()), maxY = Math.min(b.getMaxY(), v.getMaxY());
                    if (maxX <= minX || maxY <= minY) seen = false;
                    else b = new javafx.geometry.BoundingBox(minX, minY, maxX - minX, maxY - minY);
                }
            }
            if (seen && b.getWidth() > 0 && b.getHeight() > 0) out.add(sceneToLocal(b));
        }
        return out;
    }

    /**
     * Where a toast {@code w} wide at {@code x} and {@code h} high ends, at most {@code bottom}: as low as it lies over
     * none of the boxes, going up past each it meets; NaN when no place above is free of them.
     */
    private static double clearOf(List<javafx.geometry.Bounds> boxes, double x, double w, double h, double bottom, double top) {
        double end = bottom;
        for (boolean moved = true; moved; ) {
            moved = false;
            for (javafx.geometry.Bounds e : boxes) {
                if (e.getMinX() < x + w && e.getMaxX() > x && e.getMinY() < end && e.getMaxY() > end - h) {
                    end = e.getMinY() - SPACING;
                    moved = true;
                }
            }
            if (end - h < top) return Double.NaN;
        }
        return end;
    }

    /**
     * Where a toast {@code w} wide and {@code h} high goes, clear of the errors and of the toasts placed before it
     * ({@code boxes}): at its own place ({@code x}) as low above the status line as that is free; where no place above
     * the errors there is, in the window's other bottom corner ({@code left}); failing that, lower, over the status line,
     * at either corner: the status line's message can wait a few seconds, an error the user must put right cannot.
     * Where even that is taken, its own place. Returns {x, end}.
     */
    private static double[] place(List<javafx.geometry.Bounds> boxes, double x, double left, double w, double h, double bottom,
                                  double lowest, double top) {
        double[][] tries = {{x, bottom}, {left, bottom}, {x, lowest}, {left, lowest}};
        for (double[] t : tries) {
            double end = clearOf(boxes, t[0], w, h, t[1], top);
            if (!Double.isNaN(end)) return new double[]{t[0], end};
        }
        return new double[]{x, bottom};
    }

    /** How much of the layer's bottom the status line takes, in the layer's coordinates; 0 without one. */
    private double clearHeight() {
        javafx.scene.Node bar = keepClear.get();
        follow(bar);
        if (bar == null || !bar.isVisible() || bar.getScene() == null || bar.getScene() != getScene()) return 0;
        return getHeight() - sceneToLocal(bar.localToScene(bar.getLayoutBounds())).getMinY();
    }

    /**
     * Watches the status line the toasts stay above: when it grows, shrinks or moves, the toasts shown are placed again.
     * The line is laid out before the layer (the views lie under it in the window), so they move in the same frame.
     */
    private void follow(javafx.scene.Node bar) {
        if (bar == followed) return;
        if (followed != null) {
            followed.layoutBoundsProperty().removeListener(barMoved);
            followed.localToSceneTransformProperty().removeListener(barMoved);
        }
        followed = bar;
        if (bar != null) {
            bar.layoutBoundsProperty().addListener(barMoved);
            bar.localToSceneTransformProperty().addListener(barMoved);
        }
    }

    /** The toasts shown now, oldest first. */
    List<? extends Region> shown() {
        return List.copyOf(shown);
    }

    /** How many toasts wait for room beside the ones shown. */
    int waiting() {
        return waiting.size();
    }

    private void reveal(Toast toast) {
        shown.add(toast);
        getChildren().add(toast);
        toast.startTime();
    }

    private void timeUp(Toast toast) {
        if (shown.contains(toast) && !toast.held()) dismiss(toast);
    }

    private void dismiss(Toast toast) {
        if (!shown.remove(toast)) return;
        getChildren().remove(toast);
        if (!waiting.isEmpty()) reveal(waiting.remove(0));
    }

    /**
     * The toasts side by side at the layer's lower right, inside its padding (the theme's, in em, so it follows the UI
     * scale), each as high as its text's lines, over the bottom of the views.
     */
    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        int n = shown.size();
        if (n == 0) return;
        double all = getWidth() - in.getLeft() - in.getRight();
        double em = shown.get(0).em();
        // at a large UI scale a share of the window holds little more than the title and the buttons: then the toasts
        // take as much of the width as 40 em need; and two side by side as much as 30 em each need, so that neither
        // says only a word or two beside its buttons
        double width = Math.min(all, Math.max(Math.max(all * WIDTH_SHARE, LEAST_EM * em), n * LEAST_EACH_EM * em + SPACING * (n - 1)));
        double bottom = getHeight() - Math.max(0, clearHeight()) - in.getBottom();
        double each = (width - SPACING * (n - 1)) / n;
        double right = getWidth() - in.getRight();
        double lowest = getHeight() - in.getBottom();
        avoided = errorBoxes();
        List<javafx.geometry.Bounds> taken = new ArrayList<>(avoided);
        for (int i = n - 1; i >= 0; i--) {
            Toast t = shown.get(i);
            double w = snapSizeX(Math.min(t.wantedWidth(), each));
            t.fit(w);
            double h = snapSizeY(t.prefHeight(w));
            double[] at = place(taken, right - w, in.getLeft(), w, h, bottom, lowest, in.getTop());
            double y = snapPositionY(Math.max(in.getTop(), at[1] - h));
            t.resizeRelocate(snapPositionX(at[0]), y, w, h);
            // the next toast keeps clear of this one too, should either leave its own place (half the spacing around it:
            // the next one's own place, the spacing away, is clear of it)
            taken.add(new javafx.geometry.BoundingBox(at[0] - SPACING / 2, y - SPACING / 2, w + SPACING, h + SPACING));
            right -= w + SPACING;
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 0; // the window decides the layer's size; a toast shows what fits in what it gets
    }

    /** Nothing: the layer lies over the views, and a toast takes none of their room. */
    @Override
    protected double computePrefHeight(double width) {
        return 0;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 0;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    /** One toast: its title and as much of its text as fits on its lines, then More (when not all of it fits), its action and ×. */
    private final class Toast extends HBox {
        /** How long it shows once nothing holds it (longer once its line turns out to show only a part of its text). */
        long millis;
        /** Counts the waits asked of the clock: only the latest one's end counts, those before it were called off. */
        private int waits;
        final String title;
        private final String text;
        private final Text titleText;
        private final Text space = new Text(" ");
        private final Text body;
        private final Button more = new Button("More");
        /** The whole message, shown above the toast by More or while the pointer rests on it. */
        private final javafx.scene.control.Tooltip whole;
        /** The whole message while the pointer rests on the toast, when its line shows only a part of it. */
        private javafx.scene.control.Tooltip hover;
        /** Measures text in the fonts the theme gives the title and the text. */
        private final Text measure = new Text();
        /** Lays out the title and a text as the toast's message does, off the scene, to count its lines. */
        private final Text measureTitle = new Text(), measureSpace = new Text(" "), measureBody = new Text();
        private final TextFlow measureFlow = new TextFlow(measureTitle, measureSpace, measureBody);
        /** The width and text size the message was last fitted to: a layout at the same ones has nothing to change. */
        private double fittedWidth = -1, fittedEm = -1, fittedChrome = -1;

        Toast(String title, String text, boolean error, long millis, String actionLabel, Runnable action) {
            this.millis = millis;
            this.title = title;
            // a long path breaks between its folders, never inside a name
            this.text = io.digitstudio.ui.widgets.PathBreaks.at(text);
            titleText = new Text(title);
            titleText.getStyleClass().add("toast-title");
            body = new Text(this.text);
            body.getStyleClass().add("toast-text");
            TextFlow message = new TextFlow(titleText, space, body);
            message.getStyleClass().add("toast-message");
            message.setMinWidth(0);
            HBox.setHgrow(message, Priority.ALWAYS);
            getChildren().add(message);
            setAlignment(Pos.CENTER_LEFT);
            setSpacing(8);
            whole = wholeMessage();
            whole.getStyleClass().add("toast-whole");
            more.setId("toastMoreButton");
            more.setMinWidth(Region.USE_PREF_SIZE);
            more.setAccessibleText("Show the whole message");
            more.setOnAction(e -> toggleWhole());
            more.setVisible(false);
            more.setManaged(false);
            getChildren().add(more);
            if (actionLabel != null) {
                Button b = new Button(actionLabel);
                b.setId("toastActionButton");
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setOnAction(e -> {
                    dismiss(this);
                    action.run();
                });
                getChildren().add(b);
            }
            Button close = new Button("×");
            close.setId("toastCloseButton");
            close.getStyleClass().addAll("flat", "toast-close");
            close.setMinWidth(Region.USE_PREF_SIZE);
            close.setAccessibleText("Dismiss " + title);
            close.setTooltip(new javafx.scene.control.Tooltip("Dismiss (Esc)"));
            close.setOnAction(e -> dismiss(this));
            getChildren().add(close);
            getStyleClass().addAll("toast", error ? "toast-error" : "toast-info");
            setAccessibleRole(javafx.scene.AccessibleRole.TEXT);
            setAccessibleText(title + ": " + text);
            addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.ESCAPE) {
                    dismiss(this);
                    e.consume();
                }
            });
            if (actionLabel == null) {
                message.setCursor(Cursor.HAND);
                message.setOnMouseClicked(e -> dismiss(this));
            }
            sceneProperty().addListener((o, a, scene) -> {
                if (scene == null) whole.hide();
            });
            // while read or reached for, its time stands still; from the moment nothing holds it, it starts again
            javafx.beans.InvalidationListener holding = o -> heldOrLet();
            hoverProperty().addListener(holding);
            focusWithinProperty().addListener(holding);
            whole.showingProperty().addListener(holding);
        }

        /**
         * Whether it is being read or reached for: the pointer over it, the keyboard focus in it, or its whole message
         * showing above it (More's: the pointer may be in it, off the toast).
         */
        boolean held() {
            return isHover() || isFocusWithin() || whole.isShowing();
        }

        /** Asks the clock for its whole time, calling off the wait asked before. */
        void startTime() {
            int wait = ++waits;
            later.run(millis, () -> {
                if (wait == waits) timeUp(this);
            });
        }

        private void heldOrLet() {
            if (!shown.contains(this)) return;
            if (held()) waits++; // the wait running is called off: its end finds a newer one asked, or none
            else startTime();
        }

        /**
         * The whole message in a popup: the title in bold on a line of its own, the text under it. In one run of plain
         * text the two read as one sentence, the title's last word joined to the text's first.
         */
        private javafx.scene.control.Tooltip wholeMessage() {
            javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(text);
            tip.setWrapText(true);
            javafx.scene.control.Label head = new javafx.scene.control.Label(title);
            head.getStyleClass().add("toast-whole-title");
            head.setWrapText(true);
            tip.setGraphic(head);
            tip.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
            return tip;
        }

        /** Shows the whole message above the toast, as wide as it, or hides it again. */
        private void toggleWhole() {
            if (whole.isShowing()) {
                whole.hide();
                return;
            }
            javafx.geometry.Bounds b = localToScreen(getLayoutBounds());
            if (b == null) return;
            whole.setPrefWidth(b.getWidth());
            whole.setMaxWidth(b.getWidth());
            whole.setAnchorLocation(javafx.stage.PopupWindow.AnchorLocation.WINDOW_BOTTOM_LEFT);
            inTypeSize(whole);
            whole.show(this, b.getMinX(), b.getMinY());
        }

        /**
         * Gives a popup of the toast the toast's type size: a popup is a window of its own, whose scene does not inherit
         * the window's UI scale (at 150 % the whole message read in the size of 100 %).
         */
        private void inTypeSize(javafx.scene.control.Tooltip tip) {
            tip.setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", em()));
        }

        /** The whole message shown above the toast (More), or null while it is not. */
        javafx.scene.control.Tooltip wholeShown() {
            return whole.isShowing() ? whole : null;
        }

        private double width(Text styled, String s) {
            measure.setFont(styled.getFont());
            measure.setText(s);
            return measure.getLayoutBounds().getWidth();
        }

        /** The toast's width beside its message: padding, borders, the gaps and the buttons (More too, if {@code withMore}). */
        private double chrome(boolean withMore) {
            double w = snappedLeftInset() + snappedRightInset();
            for (javafx.scene.Node n : getChildren()) {
                if (n instanceof TextFlow || n == more && !withMore) continue;
                w += n.prefWidth(-1) + getSpacing();
            }
            return w;
        }

        private double messageWidth(String shownText) {
            return width(titleText, titleText.getText()) + width(space, " ") + width(body, shownText);
        }

        /** The size of the toast's text, which follows the UI scale. */
        double em() {
            return body.getFont().getSize();
        }

        /** The width the toast needs to show its whole message on one line. */
        double wantedWidth() {
            return Math.ceil(chrome(false) + messageWidth(text)) + 1;
        }

        /**
         * Whether the title and {@code shownText} take at most {@link #MAX_LINES} lines in a message {@code room} wide,
         * laid out in the fonts the theme gives them.
         */
        private boolean fitsLines(String shownText, double room) {
            measureTitle.setFont(titleText.getFont());
            measureSpace.setFont(space.getFont());
            measureBody.setFont(body.getFont());
            measureTitle.setText(titleText.getText());
            measureBody.setText("Ag");
            double line = measureFlow.prefHeight(-1);
            measureBody.setText(shownText);
            return measureFlow.prefHeight(room) <= (MAX_LINES + 0.5) * line;
        }

        /**
         * Shows as much of the message as fits on {@link #MAX_LINES} lines in {@code w} (the whole of it, or a start
         * ending after a whole word with "…"), and More when that is not all of it.
         */
        void fit(double w) {
            double chrome = chrome(true);
            if (w == fittedWidth && em() == fittedEm && chrome == fittedChrome) return;
            fittedWidth = w;
            fittedEm = em();
            fittedChrome = chrome;
            String shownText = text;
            // a text of several lines (a list) may be narrow enough for the width and still too many lines
            if ((wantedWidth() > w || text.indexOf('\n') >= 0) && !fitsLines(text, w - chrome(false))) {
                // a pixel to spare: the text must not take another line for a rounding
                double room = w - chrome - 1;
                shownText = io.digitstudio.ui.widgets.TextFit.cut(text, s -> fitsLines(s, room));
            }
            if (!shownText.equals(body.getText())) body.setText(shownText);
            boolean cut = !shownText.equals(text);
            more.setVisible(cut);
            more.setManaged(cut);
            // a part of the text on its line: time to press More and read the rest
            if (cut && millis < DETAILS_MILLIS) {
                millis = DETAILS_MILLIS;
                if (!held()) startTime();
            }
            if (hover != null) inTypeSize(hover);
            if (cut == (hover != null)) return;
            if (cut) {
                hover = wholeMessage();
                inTypeSize(hover);
                hover.setMaxWidth(w);
                javafx.scene.control.Tooltip.install(this, hover);
            } else {
                javafx.scene.control.Tooltip.uninstall(this, hover);
                hover = null;
            }
        }
    }
}
