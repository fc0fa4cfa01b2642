package io.digitstudio.ui;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Filling the Train view's settings as a user does: scroll the form to a field when it is below the fold, then type. */
public final class Forms {
    private Forms() {
    }

    /** Scrolls the settings form so that the control {@code id} is in view. */
    public static void reveal(FxRobot robot, String id) {
        Node n = robot.lookup(id).query();
        javafx.scene.control.ScrollPane sp = robot.lookup(".settings-scroll").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> {
            Node content = sp.getContent();
            if (!content.equals(n) && !isInside(n, content)) return;
            javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
            double scrollable = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            if (scrollable > 0) sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / scrollable)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) if (p == ancestor) return true;
        return false;
    }

    public static void click(FxRobot robot, String id) {
        reveal(robot, id);
        robot.clickOn(id);
    }

    /** Replaces a field's text by typing, as a user does. */
    public static void type(FxRobot robot, String id, String text) {
        reveal(robot, id);
        robot.clickOn(id);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
