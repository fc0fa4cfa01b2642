package io.digitstudio.ui;

import io.digitstudio.ui.widgets.Theme;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
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
 * A user at 150 % in the smallest window (1024x700) types a bad value into the Train form, one field at a time, having
 * scrolled the form only until the field shows at its bottom edge: the field is marked where it is, its message shows
 * whole right under it, in sight (not cut to "…", not below the form's viewport, under nothing), and the status line
 * says why Start is off, whole, naming the field. Each value is then put right again before the next.
 */
class BadValuesAtLargeScaleStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    /** A field, what the user types into it, and the words of its message that say what is wrong. */
    private record Bad(String id, String typed, String says) {
    }

    private static final List<Bad> BAD = List.of(
            new Bad("#trainLimitField", "lots", "Training examples"),
            new Bad("#hp-lr", "-1", "Learning rate"),
            new Bad("#batchSizeField", "abc", "Batch size"),
            new Bad("#epochsField", "0", "Epochs"),
            new Bad("#seedField", "1.5", "Seed"),
            new Bad("#lrShiftField", "sometimes:2", "Schedule"),
            new Bad("#warmupField", "-2", "Warm-up"),
            new Bad("#earlyStopField", "0", "patience"));

    /** The app at 150 % in the smallest window it allows, laid out. */
    private void atLargeScaleInTheSmallestWindow(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.interact(() -> {
            app.services.appearance().choose(Theme.LIGHT, 150);
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        Pulses.settle(4);
    }

    @Test
    void eachBadValueIsMarkedExplainedInSightAndNamedInTheStatusAt150(FxRobot robot) throws Exception {
        atLargeScaleInTheSmallestWindow(robot);
        List<String> wrong = new ArrayList<>();
        for (Bad bad : BAD) {
            TextField field = robot.lookup(bad.id()).queryAs(TextField.class);
            String before = field.getText();
            atTheBottomEdge(robot, field);
            robot.clickOn(field);
            robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
            robot.write(bad.typed());
            WaitForAsyncUtils.waitForFxEvents();
            Pulses.settle(3);
            robot.interact(() -> wrong.addAll(unseen(bad, field)));
            // put right again, as the user would before the next field
            robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
            if (before.isEmpty()) robot.type(KeyCode.BACK_SPACE);
            else robot.write(before);
            WaitForAsyncUtils.waitForFxEvents();
            Pulses.settle(2);
            robot.interact(() -> {
                if (marked(field)) {
                    wrong.add(bad.id() + ": still marked after '" + before + "' was typed back");
                }
                if (robot.lookup("#startButton").query().isDisabled()) wrong.add(bad.id() + ": Start still off after '" + before + "' was typed back: " + Forms.status(robot));
            });
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The network's box at 150 % in the smallest window: a typo in a layer's name is explained under the box, whole and
     * in sight, with nothing over it, and the status line says why Start is off, whole.
     */
    @Test
    void aLayerTypoIsExplainedWholeUnderTheNetworkAt150(FxRobot robot) throws Exception {
        atLargeScaleInTheSmallestWindow(robot);
        javafx.scene.control.TextArea spec = robot.lookup("#networkSpec").queryAs(javafx.scene.control.TextArea.class);
        Forms.reveal(robot, "#networkSpec");
        robot.clickOn(spec);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("linear 100, relu, linaer 100, relu, linear");
        WaitForAsyncUtils.waitForFxEvents();
        Pulses.settle(3);
        List<String> wrong = new ArrayList<>();
        robot.interact(() -> {
            Label message = (Label) stage.getScene().lookup("#networkError");
            if (message == null || !message.isVisible()) {
                wrong.add("no message shows");
                return;
            }
            String meant = message.getText();
            if (meant == null || !meant.contains("linaer")) wrong.add("the message '" + meant + "' does not name the typo");
            Node text = message.lookup(".text");
            String seen = text instanceof javafx.scene.text.Text t ? t.getText() : null;
            if (seen == null || !squeeze(seen).equals(squeeze(meant))) wrong.add("the message '" + meant + "' shows as '" + seen + "'");
            if (message.getHeight() + 0.5 < message.prefHeight(message.getWidth())) {
                wrong.add("the message needs " + message.prefHeight(message.getWidth()) + " px and has " + message.getHeight());
            }
            Bounds view = onScene(settingsScroll(spec).lookup(".viewport"));
            Bounds window = new BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
            Bounds m = onScene(message), area = onScene(spec);
            if (!inside(m, view) || !inside(m, window)) wrong.add("the message " + fmt(m) + " is not whole in the form's view " + fmt(view));
            if (m.getMinY() < area.getMaxY() - 0.5) wrong.add("the message " + fmt(m) + " is not under the network's box " + fmt(area));
            for (String over : lyingOver(message)) wrong.add(over + " lies over the message " + fmt(m));
            if (!stage.getScene().lookup("#startButton").isDisabled()) wrong.add("Start is on");
            Label status = (Label) stage.getScene().lookup("#statusText");
            String said = app.main.train().presenter().statusProperty().get();
            Node statusText = status.lookup(".text");
            String statusSeen = statusText instanceof javafx.scene.text.Text t ? t.getText() : null;
            if (statusSeen == null || !squeeze(statusSeen).equals(squeeze(said))) wrong.add("the status '" + said + "' shows as '" + statusSeen + "'");
            if (!inside(onScene(status), window)) wrong.add("the status " + fmt(onScene(status)) + " runs out of the window");
            System.out.println("network typo: message '" + meant + "' at " + fmt(m) + "; status '" + said + "'");
        });
        assertEquals(List.of(), wrong);
    }

    /** Fields of the form in its two columns of fields: the optimizer's, and the data's and the run's. */
    private static final List<String> FIELDS = List.of("#trainLimitField", "#testLimitField", "#hp-lr", "#hp-momentum", "#batchSizeField",
            "#epochsField", "#seedField");

    /** Each field's left edge and width on the screen. */
    private static List<String> columns(FxRobot robot) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            for (String id : FIELDS) {
                Bounds b = robot.lookup(id).query().localToScreen(robot.lookup(id).query().getLayoutBounds());
                out.add(String.format(Locale.ROOT, "%s x %.1f w %.1f", id, b.getMinX(), b.getWidth()));
            }
        });
        return out;
    }

    /** Each field's box on the screen. */
    private static List<String> places(FxRobot robot) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            for (String id : FIELDS) out.add(id + " " + fmt(robot.lookup(id).query().localToScreen(robot.lookup(id).query().getLayoutBounds())));
        });
        return out;
    }

    /**
     * The trial at 150 %: a message under Learning rate or Momentum widened their fields (110 to 180 px), and putting
     * Epochs right at the form's bottom moved the column about 30 px, so the next click missed. A message wraps under its
     * field within the form: no field changes its width or its column, and putting a value right moves no field.
     */
    @Test
    void aMessageWidensNoFieldAndPuttingItRightMovesNoField(FxRobot robot) throws Exception {
        atLargeScaleInTheSmallestWindow(robot);
        List<String> wrong = new ArrayList<>();
        List<Bad> bads = List.of(new Bad("#hp-lr", "-1", "Learning rate"), new Bad("#hp-momentum", "-1", "Momentum"), new Bad("#epochsField", "0", "Epochs"),
                new Bad("#epochsField", "0", "Epochs"));
        for (int i = 0; i < bads.size(); i++) {
            Bad bad = bads.get(i);
            TextField field = robot.lookup(bad.id()).queryAs(TextField.class);
            String before = field.getText();
            if (i < 3) {
                atTheBottomEdge(robot, field);
            } else {
                // the last time with the form scrolled to its end, the field in view above
                robot.interact(() -> settingsScroll(field).setVvalue(1));
                Pulses.settle(2);
            }
            // what a message may move: the fields under it
            List<String> above = FIELDS.subList(0, FIELDS.indexOf(bad.id()) + 1);
            List<String> columns = columns(robot);
            robot.clickOn(field);
            robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
            robot.write(bad.typed());
            WaitForAsyncUtils.waitForFxEvents();
            Pulses.settle(3);
            Label message = (Label) stage.getScene().lookup(bad.id() + "Error");
            if (message == null || !message.isVisible()) wrong.add(bad.id() + ": no message");
            if (!columns.equals(columns(robot))) wrong.add(bad.id() + " '" + bad.typed() + "': " + columns + " -> " + columns(robot));
            List<String> wrongAt = places(robot).subList(0, above.size());
            robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
            if (before.isEmpty()) robot.type(KeyCode.BACK_SPACE);
            else robot.write(before);
            WaitForAsyncUtils.waitForFxEvents();
            Pulses.settle(3);
            if (!wrongAt.equals(places(robot).subList(0, above.size()))) wrong.add(bad.id() + " put right: " + wrongAt + " -> " + places(robot));
            if (!columns.equals(columns(robot))) wrong.add(bad.id() + " put right: " + columns + " -> " + columns(robot));
        }
        assertEquals(List.of(), wrong);
    }

    /** Scrolls the form as a user does who stops as soon as the field shows: the field at the viewport's bottom edge. */
    private void atTheBottomEdge(FxRobot robot, TextField field) throws Exception {
        robot.interact(() -> {
            ScrollPane sp = settingsScroll(field);
            Node content = sp.getContent();
            Bounds b = content.sceneToLocal(field.localToScene(field.getBoundsInLocal()));
            double view = sp.getViewportBounds().getHeight();
            double scrollable = content.getBoundsInLocal().getHeight() - view;
            if (scrollable > 0) sp.setVvalue(Math.max(0, Math.min(1, (b.getMaxY() + 2 - view) / scrollable)));
        });
        Pulses.settle(2);
    }

    private static ScrollPane settingsScroll(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) if (p instanceof ScrollPane sp) return sp;
        throw new AssertionError("no scroll pane around " + n);
    }

    /** Whether the field shows as wrong: the theme's danger state, which draws its frame and text in red. */
    private static boolean marked(TextField field) {
        return field.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER);
    }

    private static Bounds onScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    private static boolean inside(Bounds inner, Bounds outer) {
        return inner.getMinX() >= outer.getMinX() - 0.5 && inner.getMaxX() <= outer.getMaxX() + 0.5
                && inner.getMinY() >= outer.getMinY() - 0.5 && inner.getMaxY() <= outer.getMaxY() + 0.5;
    }

    private static String squeeze(String s) {
        return s == null ? null : s.replaceAll("\\s+", " ").trim();
    }

    /** What the user does not see of the bad value's marks, message and reason, each as a line; none when all is well. */
    private List<String> unseen(Bad bad, TextField field) {
        List<String> wrong = new ArrayList<>();
        String at = bad.id() + " '" + bad.typed() + "'";
        ScrollPane sp = settingsScroll(field);
        Bounds view = onScene(sp.lookup(".viewport"));
        Bounds window = new BoundingBox(0, 0, stage.getScene().getWidth(), stage.getScene().getHeight());
        // the field itself: marked, and where the user typed it
        if (!marked(field)) wrong.add(at + ": the field is not marked");
        if (!inside(onScene(field), view)) wrong.add(at + ": the field " + onScene(field) + " is out of the form's view " + view);
        // its message, under it
        Label message = (Label) stage.getScene().lookup(bad.id() + "Error");
        if (message == null || !message.isVisible()) {
            wrong.add(at + ": no message shows");
            return wrong;
        }
        String meant = message.getText();
        if (meant == null || !meant.contains(bad.says())) wrong.add(at + ": the message '" + meant + "' does not say '" + bad.says() + "'");
        Node text = message.lookup(".text");
        String seen = text instanceof javafx.scene.text.Text t ? t.getText() : null;
        if (seen == null || !squeeze(seen).equals(squeeze(meant))) wrong.add(at + ": the message '" + meant + "' shows as '" + seen + "'");
        if (message.getHeight() + 0.5 < message.prefHeight(message.getWidth())) {
            wrong.add(at + ": the message needs " + message.prefHeight(message.getWidth()) + " px and has " + message.getHeight());
        }
        Bounds m = onScene(message), f = onScene(field);
        if (!inside(m, view) || !inside(m, window)) wrong.add(at + ": the message " + fmt(m) + " is not whole in the form's view " + fmt(view));
        if (m.getMinY() < f.getMaxY() - 0.5 || m.getMinY() > f.getMaxY() + f.getHeight() / 2 || m.getMaxX() < f.getMinX() || m.getMinX() > f.getMaxX()) {
            wrong.add(at + ": the message " + fmt(m) + " is not right under the field " + fmt(f));
        }
        for (String over : lyingOver(message)) wrong.add(at + ": " + over + " lies over the message " + fmt(m));
        // the status line: why Start is off, whole, naming the field
        if (!stage.getScene().lookup("#startButton").isDisabled()) wrong.add(at + ": Start is on");
        Label status = (Label) stage.getScene().lookup("#statusText");
        String said = app.main.train().presenter().statusProperty().get();
        Node statusText = status.lookup(".text");
        String statusSeen = statusText instanceof javafx.scene.text.Text t ? t.getText() : null;
        if (statusSeen == null || !squeeze(statusSeen).equals(squeeze(said))) wrong.add(at + ": the status '" + said + "' shows as '" + statusSeen + "'");
        if (status.getHeight() + 0.5 < status.prefHeight(status.getWidth())) wrong.add(at + ": the status needs " + status.prefHeight(status.getWidth()) + " px and has " + status.getHeight());
        if (!inside(onScene(status), window)) wrong.add(at + ": the status " + fmt(onScene(status)) + " runs out of the window");
        String name = fieldName(field);
        if (said == null || !said.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
            wrong.add(at + ": the status '" + said + "' does not name the field '" + name + "'");
        }
        System.out.println(at + ": message '" + meant + "' at " + fmt(m) + "; status '" + said + "'");
        return wrong;
    }

    /** The field's name as the form labels it. */
    private String fieldName(TextField field) {
        List<String> names = new ArrayList<>();
        Looks.shown(stage.getScene().getRoot(), n -> {
            if (n instanceof Label l && l.getLabelFor() == field) names.add(Looks.meant(l));
        });
        if (names.isEmpty()) throw new AssertionError("no label for " + field.getId());
        return names.get(0);
    }

    /**
     * Controls shown over part of the message: any other control (a field, a label, a button, a scroll bar, a toast)
     * whose box meets the message's, save the message's own ancestors.
     */
    private List<String> lyingOver(Label message) {
        List<String> out = new ArrayList<>();
        Bounds m = onScene(message);
        Looks.shown(stage.getScene().getRoot(), n -> {
            if (n == message || !(n instanceof Control) && !n.getStyleClass().contains("toast")) return;
            for (Node p = message.getParent(); p != null; p = p.getParent()) if (p == n) return;
            for (Node p = n.getParent(); p != null; p = p.getParent()) if (p == message) return;
            if (!Looks.onScreen(n)) return;
            Bounds b = onScene(n);
            double w = Math.min(b.getMaxX(), m.getMaxX()) - Math.max(b.getMinX(), m.getMinX());
            double h = Math.min(b.getMaxY(), m.getMaxY()) - Math.max(b.getMinY(), m.getMinY());
            if (w > 1 && h > 1) out.add(Looks.name(n) + " " + fmt(b));
        });
        return out;
    }

    private static String fmt(Bounds b) {
        return String.format(Locale.ROOT, "(%.0f,%.0f)-(%.0f,%.0f)", b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY());
    }
}
