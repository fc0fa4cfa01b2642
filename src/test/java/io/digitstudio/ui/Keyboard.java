package io.digitstudio.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Using the window as a keyboard-only user does: keys and chords, Tab until a control has the focus, and a guard that
 * swallows and records every pointer event, so a story that needs the mouse fails.
 */
public final class Keyboard {
    private final FxRobot robot;
    private final Scene scene;
    /** The pointer events the window received (a keyboard-only story expects none). */
    public final List<String> pointer = new CopyOnWriteArrayList<>();

    public Keyboard(FxRobot robot, Scene scene) {
        this.robot = robot;
        this.scene = scene;
        // presses, releases, clicks, drags and the wheel: what a user does with a pointer (not the enter/exit/move events
        // JavaFX makes up when the layout changes under a pointer that stays still)
        for (var type : List.of(MouseEvent.MOUSE_PRESSED, MouseEvent.MOUSE_RELEASED, MouseEvent.MOUSE_CLICKED, MouseEvent.MOUSE_DRAGGED)) {
            robot.interact(() -> scene.addEventFilter(type, e -> {
                pointer.add(e.getEventType() + " on " + e.getTarget());
                e.consume();
            }));
        }
        robot.interact(() -> scene.addEventFilter(ScrollEvent.SCROLL, e -> {
            pointer.add("SCROLL on " + e.getTarget());
            e.consume();
        }));
    }

    /** Presses the keys together and lets them go (Ctrl+1: {@code chord(CONTROL, DIGIT1)}). */
    public Keyboard chord(KeyCode... keys) {
        robot.press(keys);
        KeyCode[] reversed = new KeyCode[keys.length];
        for (int i = 0; i < keys.length; i++) reversed[i] = keys[keys.length - 1 - i];
        robot.release(reversed);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    /** Presses each key in turn. */
    public Keyboard type(KeyCode... keys) {
        for (KeyCode k : keys) chord(k);
        return this;
    }

    /** Types the key {@code times} times. */
    public Keyboard repeat(KeyCode key, int times) {
        for (int i = 0; i < times; i++) chord(key);
        return this;
    }

    /** Alt and the underlined letter: a button's or a check box's mnemonic. */
    public Keyboard mnemonic(KeyCode letter) {
        // a view shown a moment ago registers its mnemonics when its controls are first laid out: a person's key press
        // comes later than the next frame, a robot's may not
        javafx.scene.input.KeyEvent press = new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, letter.getChar(),
                letter.getChar(), letter, false, false, true, false);
        try {
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() ->
                    scene.getMnemonics().entrySet().stream().anyMatch(m -> m.getKey().match(press)
                            && m.getValue().stream().anyMatch(x -> shown(x.getNode()) && !x.getNode().isDisabled()))).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no control shown answers Alt+" + letter.getName());
        }
        return chord(KeyCode.ALT, letter);
    }

    private static boolean shown(Node n) {
        for (; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    /** Replaces the focused field's text, as a user does: select all, type. */
    public Keyboard replaceText(String text) {
        chord(KeyCode.CONTROL, KeyCode.A);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        return this;
    }

    public Node focused() {
        return scene.getFocusOwner();
    }

    /** The id of the focused node, or of the nearest of its ancestors that has one (a combo box's editor: the box). */
    public String focusedId() {
        for (Node n = focused(); n != null; n = n.getParent()) if (n.getId() != null) return n.getId();
        return null;
    }

    /** Presses Tab until the control with this id (no '#') has the focus; fails, naming the stops, if it never does. */
    public Keyboard tabTo(String id) {
        return tabUntil(id::equals, "#" + id);
    }

    /** Presses Tab until the focused control's id is one {@code wanted} accepts. */
    public Keyboard tabUntil(java.util.function.Predicate<String> wanted, String what) {
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String id = focusedId();
            if (id != null && wanted.test(id)) return this;
            stops.add(String.valueOf(id));
            chord(KeyCode.TAB);
        }
        throw new AssertionError("Tab never reaches " + what + "; it goes " + stops);
    }

    /** Fails if the window received any pointer event. */
    public void assertNoPointer() {
        if (!pointer.isEmpty()) throw new AssertionError("the story used the pointer: " + pointer);
    }
}
