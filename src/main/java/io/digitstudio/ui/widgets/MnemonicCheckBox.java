package io.digitstudio.ui.widgets;

import javafx.event.ActionEvent;
import javafx.scene.control.CheckBox;

/**
 * A check box that its Alt mnemonic ticks or clears, as a click does. JavaFX's mnemonic only fires an action event at
 * the control, which a button acts on but a check box does not (its state changes only in {@link #fire()}).
 */
public class MnemonicCheckBox extends CheckBox {
    private boolean firing;

    public MnemonicCheckBox(String text) {
        super(text);
        addEventFilter(ActionEvent.ACTION, e -> {
            if (firing) return;
            // an action that fire() did not send: the mnemonic's, which becomes a real toggle
            e.consume();
            fire();
        });
    }

    @Override
    public void fire() {
        firing = true;
        try {
            super.fire();
        } finally {
            firing = false;
        }
    }
}
