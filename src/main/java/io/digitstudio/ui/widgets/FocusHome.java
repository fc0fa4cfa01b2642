package io.digitstudio.ui.widgets;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

import java.util.function.Supplier;

/**
 * Where the keyboard goes when the control it is on turns itself off (a button that starts a task, Undo with nothing
 * more to undo). Left to itself, JavaFX moves the focus on to the next control still on, which may be any button
 * (in My digits, Undo handed it to Delete, and Space or Enter then deleted the selected digit). Here it goes instead
 * to the home of the nearest view around the control, the view's main control (its list, its canvas), and to the
 * window's own home when no view around it has one that can take it.
 */
public final class FocusHome {
    private static final String KEY = FocusHome.class.getName();

    private FocusHome() {
    }

    /** Gives {@code view} a home: the control, asked for when it is needed, that takes the keyboard (null: none now). */
    public static void set(Node view, Supplier<? extends Node> home) {
        view.getProperties().put(KEY, home);
    }

    /**
     * Watches {@code scene}'s focus owner: as it turns off, the focus goes to the home of the nearest view around it,
     * or to {@code fallback}.
     */
    public static void install(Scene scene, Supplier<? extends Node> fallback) {
        ChangeListener<Boolean> off = (o, was, disabled) -> {
            if (!disabled) return;
            Node owner = scene.getFocusOwner();
            if (owner == null || !owner.isDisabled()) return;
            Node home = homeOf(owner);
            if (home == null) home = fallback.get();
            if (home != null && canTake(home)) home.requestFocus();
        };
        scene.focusOwnerProperty().addListener((o, old, owner) -> {
            if (old != null) old.disabledProperty().removeListener(off);
            if (owner != null) owner.disabledProperty().addListener(off);
        });
        if (scene.getFocusOwner() != null) scene.getFocusOwner().disabledProperty().addListener(off);
    }

    /** The home of the nearest view around {@code n} whose home can take the keyboard now; null when there is none. */
    static Node homeOf(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (!(p.getProperties().get(KEY) instanceof Supplier<?> s)) continue;
            if (s.get() instanceof Node home && home != n && canTake(home)) return home;
        }
        return null;
    }

    private static boolean canTake(Node n) {
        if (n.getScene() == null || n.isDisabled()) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        return true;
    }
}
