package io.digitstudio.ui;

import io.digitstudio.ui.widgets.Theme;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user's trial at 150 % in the smallest window: a toast ("Model saved") lay over the message under a wrong field
 * at the form's bottom edge, and the user could not read what was wrong. A toast never lies over an error the open
 * view shows: it moves up past it, whether the error comes before the toast or while it shows, and goes back above the
 * status line once the error is put right.
 */
class ToastsClearOfErrorsStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    @Test
    void aToastLiesOverNoErrorTheViewShows(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.interact(() -> {
            app.services.appearance().choose(Theme.LIGHT, 150);
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        Pulses.settle(4);
        List<String> wrong = new ArrayList<>();

        // the toast first, then the error comes under it
        robot.interact(() -> app.toasts.show("Model saved", "Saved to /tmp/digitstudio/model.npz", false, 120_000));
        Pulses.settle(2);
        Bounds home = toastBounds(robot);
        TextField epochs = robot.lookup("#epochsField").queryAs(TextField.class);
        atTheBottomEdge(robot, epochs);
        type(robot, epochs, "0");
        wrong.addAll(covered(robot, "a wrong Epochs while the toast shows"));

        // the error first, then another toast comes
        robot.interact(() -> app.toasts.show("Run finished", "2 epochs, validation accuracy 0.9012", false, 120_000));
        Pulses.settle(2);
        wrong.addAll(covered(robot, "a second toast beside the wrong Epochs"));

        // put right: the toasts go back above the status line
        type(robot, epochs, "2");
        robot.interact(() -> {
            List<? extends Node> toasts = toasts();
            Bounds first = toasts.get(0).localToScene(toasts.get(0).getLayoutBounds());
            if (Math.abs(first.getMaxY() - home.getMaxY()) > 1) {
                wrong.add(String.format(Locale.ROOT, "put right: the toast ends at y %.0f, not back at %.0f above the status line", first.getMaxY(), home.getMaxY()));
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** Replaces the field's text as a user does, and lets the form say what it thinks of it. */
    private static void type(FxRobot robot, TextField field, String text) throws Exception {
        robot.clickOn(field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        Pulses.settle(3);
    }

    /** The toasts shown that meet an error shown in the open view, and a word if no error shows to test against. */
    private List<String> covered(FxRobot robot, String when) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            List<Node> errors = new ArrayList<>();
            Looks.shown(app.main.train(), n -> {
                if ((n.getStyleClass().contains("field-error") || n.getStyleClass().contains("validation")) && Looks.onScreen(n)) errors.add(n);
            });
            if (errors.isEmpty()) out.add(when + ": no error shows");
            if (toasts().isEmpty()) out.add(when + ": no toast shows");
            for (Node toast : toasts()) {
                Bounds t = toast.localToScene(toast.getLayoutBounds());
                for (Node error : errors) {
                    Bounds e = error.localToScene(error.getLayoutBounds());
                    if (t.intersects(e)) out.add(when + ": the toast " + fmt(t) + " lies over the error '" + ((javafx.scene.control.Label) error).getText() + "' " + fmt(e));
                }
            }
            System.out.println(when + ": toasts " + toasts().stream().map(n -> fmt(n.localToScene(n.getLayoutBounds()))).toList()
                    + ", errors " + errors.stream().map(n -> fmt(n.localToScene(n.getLayoutBounds()))).toList());
        });
        return out;
    }

    private List<? extends Node> toasts() {
        return app.toasts.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("toast")).toList();
    }

    private Bounds toastBounds(FxRobot robot) {
        Bounds[] b = new Bounds[1];
        robot.interact(() -> b[0] = toasts().get(0).localToScene(toasts().get(0).getLayoutBounds()));
        return b[0];
    }

    /** Scrolls the form as a user does who stops as soon as the field shows: the field at the viewport's bottom edge. */
    private static void atTheBottomEdge(FxRobot robot, TextField field) throws Exception {
        robot.interact(() -> {
            ScrollPane sp = null;
            for (Parent p = field.getParent(); p != null && sp == null; p = p.getParent()) if (p instanceof ScrollPane s) sp = s;
            assertNotNull(sp, "no scroll pane around the field");
            Node content = sp.getContent();
            Bounds b = content.sceneToLocal(field.localToScene(field.getBoundsInLocal()));
            double view = sp.getViewportBounds().getHeight();
            double scrollable = content.getBoundsInLocal().getHeight() - view;
            if (scrollable > 0) sp.setVvalue(Math.max(0, Math.min(1, (b.getMaxY() + 2 - view) / scrollable)));
        });
        Pulses.settle(2);
    }

    private static String fmt(Bounds b) {
        return String.format(Locale.ROOT, "(%.0f,%.0f)-(%.0f,%.0f)", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }
}
