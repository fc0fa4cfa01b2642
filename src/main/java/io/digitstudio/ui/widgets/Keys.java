package io.digitstudio.ui.widgets;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Reading keys the same way on every keyboard and platform (the key's code, not the text it types). */
public final class Keys {
    private Keys() {
    }

    /** Undo in the views that have one (Draw, My digits): Ctrl+Z, Cmd+Z on a Mac. */
    public static final javafx.scene.input.KeyCombination UNDO = new javafx.scene.input.KeyCodeCombination(KeyCode.Z,
            javafx.scene.input.KeyCombination.SHORTCUT_DOWN);

    /** The digit 0-9 of a digit key (top row or keypad), or -1. */
    public static int digit(KeyEvent e) {
        KeyCode c = e.getCode();
        if (c.ordinal() >= KeyCode.DIGIT0.ordinal() && c.ordinal() <= KeyCode.DIGIT9.ordinal()) return c.ordinal() - KeyCode.DIGIT0.ordinal();
        if (c.ordinal() >= KeyCode.NUMPAD0.ordinal() && c.ordinal() <= KeyCode.NUMPAD9.ordinal()) return c.ordinal() - KeyCode.NUMPAD0.ordinal();
        return -1;
    }

    /**
     * Tab and Shift+Tab leave the text area for the next or previous control, as in a text field, instead of typing a
     * tab character that no setting written in it needs (Ctrl+Tab, the text area's own way out, still works).
     */
    public static void tabLeaves(javafx.scene.control.TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown() || e.isAltDown() || e.isMetaDown()) return;
            e.consume();
            // the text area's behaviour moves the focus on Ctrl+Tab (Ctrl+Shift+Tab backwards)
            area.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.TAB, e.isShiftDown(), true, false, false));
        });
    }
}
