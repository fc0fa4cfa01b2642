package io.digitstudio.ui.widgets;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.Parent;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A node made the first time it has something to show: a message under a field, a notice, a button for another kind
 * of data. JavaFX styles and lays out a hidden node like a shown one, so a window whose first frame held every such
 * node hidden paid for them all before it could appear (decision 0015). Once made, the node stays, shown and given
 * room while it is wanted, as a node bound to the same condition from the start would be.
 */
public final class OnDemand {
    private OnDemand() {
    }

    /**
     * Makes {@code make}'s node when {@code wanted} first holds (at once if it holds now), has {@code place} put it
     * into {@code owner}'s content, and from then on binds its visibility and its room to {@code wanted}. Until then
     * {@code owner} keeps {@code wanted} (a binding made for the call is otherwise held by nothing but weak listeners).
     */
    public static void when(ObservableBooleanValue wanted, Parent owner, Supplier<? extends Node> make, Consumer<Node> place) {
        if (wanted.get()) {
            made(wanted, make, place);
            return;
        }
        Object key = new Object();
        owner.getProperties().put(key, wanted);
        InvalidationListener[] first = new InvalidationListener[1];
        first[0] = o -> {
            if (!wanted.get()) return;
            wanted.removeListener(first[0]);
            owner.getProperties().remove(key);
            made(wanted, make, place);
        };
        wanted.addListener(first[0]);
    }

    private static void made(ObservableBooleanValue wanted, Supplier<? extends Node> make, Consumer<Node> place) {
        Node n = make.get();
        n.visibleProperty().bind(wanted);
        n.managedProperty().bind(wanted);
        place.accept(n);
    }

    /**
     * Puts {@code n} into {@code children} after {@code before} (its place in the content's order, which Tab follows),
     * or first if {@code before} is not there.
     */
    public static void after(java.util.List<Node> children, Node before, Node n) {
        children.add(children.indexOf(before) + 1, n);
    }
}
