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
    /**
     * The Train view's whole status message: the line shows as much of it as fits beside its figures (its first whole
     * sentences); a screen reader reads all of it, as its tooltip shows it.
     */
    public static String status(FxRobot robot) {
        return robot.lookup("#statusText").queryAs(javafx.scene.control.Label.class).getAccessibleText();
    }

    public static void reveal(FxRobot robot, String id) {
        reveal(robot, (Node) robot.lookup(id).query());
    }

    /** Scrolls the nearest scroll pane around {@code n} so that {@code n} is in view, as a user would before clicking it. */
    public static void reveal(FxRobot robot, Node n) {
        robot.interact(() -> {
            for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
                if (!(p instanceof javafx.scene.control.ScrollPane sp)) continue;
                Node content = sp.getContent();
                javafx.geometry.Bounds b = content.sceneToLocal(n.localToScene(n.getBoundsInLocal()));
                double scrollable = content.getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
                if (scrollable > 0) sp.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / scrollable)));
                double wide = content.getBoundsInLocal().getWidth() - sp.getViewportBounds().getWidth();
                if (wide > 0) sp.setHvalue(Math.max(0, Math.min(1, (b.getMinX() - 40) / wide)));
                return;
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
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
