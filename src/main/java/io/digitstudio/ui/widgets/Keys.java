package io.digitstudio.ui.widgets;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Reading keys the same way on every keyboard and platform (the key's code, not the text it types). */
public final class Keys {
    private Keys() {
    }

    /** The digit 0-9 of a digit key (top row or keypad), or -1. */
    public static int digit(KeyEvent e) {
        KeyCode c = e.getCode();
        if (c.ordinal() >= KeyCode.DIGIT0.ordinal() && c.ordinal() <= KeyCode.DIGIT9.ordinal()) return c.ordinal() - KeyCode.DIGIT0.ordinal();
        if (c.ordinal() >= KeyCode.NUMPAD0.ordinal() && c.ordinal() <= KeyCode.NUMPAD9.ordinal()) return c.ordinal() - KeyCode.NUMPAD0.ordinal();
        return -1;
    }
}
