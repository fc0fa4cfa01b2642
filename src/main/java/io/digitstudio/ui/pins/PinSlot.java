package io.digitstudio.ui.pins;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A view's way to the app's pinned digits: what it pins goes to the shared {@link Pins}, and what the last Pin did (or
 * why it could not) stays with the view, which clears it when what it shows changes.
 */
public final class PinSlot {
    private Pins pins;
    private final ReadOnlyStringWrapper said = new ReadOnlyStringWrapper("");

    /** Where this view's Pin puts digits (the app's pinned digits). */
    public void connect(Pins p) {
        this.pins = p;
    }

    /** The app's pinned digits, or null when this view has none to pin to. */
    public Pins pins() {
        return pins;
    }

    /** Pins {@code input} under {@code caption}; false when there are no pins here, or they are full or hold it already. */
    public boolean pin(float[] input, String caption) {
        if (pins == null) return false;
        boolean ok = pins.add(input, caption);
        said.set(pins.messageProperty().get());
        return ok;
    }

    /** Forgets what the last Pin said (the view shows something else now). */
    public void forget() {
        said.set("");
    }

    /** What the last Pin did or why it could not; "" after {@link #forget()}. */
    public ReadOnlyStringProperty saidProperty() {
        return said.getReadOnlyProperty();
    }
}
