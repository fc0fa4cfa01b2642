package io.digitstudio.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A new user draws a 7 with an eye on the probability chart: the answer comes, and the chart and the Keep row stay
 * exactly where they were (what an answer brings had its room before it came).
 */
class DrawNothingMovesStoryTest extends AppStory {
    private static final String[] WATCHED = {"#drawBars", "#keepButton", "#pinnedLabel"};

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    private static Map<String, Bounds> where(FxRobot robot) {
        Map<String, Bounds> out = new LinkedHashMap<>();
        robot.interact(() -> {
            for (String id : WATCHED) {
                Node n = robot.lookup(id).query();
                out.put(id, n.localToScreen(n.getLayoutBounds()));
            }
        });
        return out;
    }

    /**
     * Every control of the left column (the canvas, its preparation stages, the explanation's tabs and what is in them),
     * where it is on screen: by identity, described by its id or its class and text for the failure's message.
     */
    private static Map<Node, Bounds> column(FxRobot robot) {
        Map<Node, Bounds> out = new java.util.IdentityHashMap<>();
        robot.interact(() -> {
            Node scroll = robot.lookup("#drawScroll").query();
            Looks.shown(((javafx.scene.control.ScrollPane) scroll).getContent(), n -> {
                // a picture by its frame: the picture itself takes its own proportions inside it
                Node at = n instanceof javafx.scene.image.ImageView ? n.getParent() : n;
                if (at instanceof javafx.scene.control.Control || at instanceof javafx.scene.canvas.Canvas || at != n) {
                    out.put(at, at.localToScreen(at.getLayoutBounds()));
                }
            });
        });
        return out;
    }

    private static String name(Node n) {
        String text = n instanceof javafx.scene.control.Labeled l ? " '" + l.getText() + "'" : "";
        String parent = n.getParent() == null || n.getParent().getId() == null ? "" : " in #" + n.getParent().getId();
        return (n.getId() != null ? "#" + n.getId() : n.getClass().getSimpleName()) + text + parent;
    }

    /**
     * The controls shown both times that are not where they were, or not as large, with how far they went. A plain
     * label's text runs from its left edge: one that grows wider with its text moves nothing (what is beside it would).
     */
    private static java.util.List<String> moved(Map<Node, Bounds> before, Map<Node, Bounds> after) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var e : before.entrySet()) {
            Bounds a = e.getValue(), b = after.get(e.getKey());
            if (b == null) continue;
            boolean wider = Math.abs(a.getWidth() - b.getWidth()) > 0.5 && !(e.getKey() instanceof javafx.scene.control.Label);
            if (Math.abs(a.getMinX() - b.getMinX()) > 0.5 || Math.abs(a.getMinY() - b.getMinY()) > 0.5
                    || wider || Math.abs(a.getHeight() - b.getHeight()) > 0.5) {
                out.add(String.format(java.util.Locale.ROOT, "%s: (%.0f, %.0f, %.0f×%.0f) → (%.0f, %.0f, %.0f×%.0f)", name(e.getKey()),
                        a.getMinX(), a.getMinY(), a.getWidth(), a.getHeight(), b.getMinX(), b.getMinY(), b.getWidth(), b.getHeight()));
            }
        }
        return out;
    }

    private void drawASeven(FxRobot robot) throws Exception {
        double[][] pts = {{60, 60}, {150, 60}, {250, 60}, {230, 130}, {200, 200}, {170, 270}};
        robot.moveTo(app.onCanvas(pts[0][0], pts[0][1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 1; i < pts.length; i++) robot.moveTo(app.onCanvas(pts[i][0], pts[i][1]));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.draw().viewModel().predictionProperty().get() != null
                && app.draw().viewModel().preparationProperty().get() != null);
        app.awaitDrawAnswer();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The left column, at the window's first size and at the smallest: the first answer and a clear move none of it. */
    @Test
    void theFirstAnswerMovesNothingInTheCanvasColumn(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<String> failures = new java.util.ArrayList<>();
        for (boolean smallest : new boolean[]{false, true}) {
            if (smallest) {
                robot.interact(() -> {
                    stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
                    stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
                });
                WaitForAsyncUtils.waitForFxEvents();
            }
            String size = (int) stage.getWidth() + "×" + (int) stage.getHeight();
            Map<Node, Bounds> before = column(robot);
            assertTrue(before.size() > 10, "the column's controls were found: " + before.size());
            drawASeven(robot);
            // and what the answer brings below the canvas: the nearest training examples (the first time, after the
            // model's index of the training images is built)
            app.awaitDrawAnswer();
            app.awaitDrawNeighbours();
            for (String m : moved(before, column(robot))) failures.add(size + ", the first answer: " + m);
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.draw().viewModel().predictionProperty().get() == null);
            WaitForAsyncUtils.waitForFxEvents();
            for (String m : moved(before, column(robot))) failures.add(size + ", cleared: " + m);
        }
        assertTrue(failures.isEmpty(), "controls of the canvas's column moved:\n" + String.join("\n", failures));
    }

    @Test
    void theFirstAnswerMovesNothing(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Bounds> before = where(robot);
        String model = app.draw().viewModel().modelTextProperty().get(), detail = app.draw().viewModel().detailProperty().get();

        double[][] pts = {{60, 60}, {150, 60}, {250, 60}, {230, 130}, {200, 200}, {170, 270}};
        robot.moveTo(app.onCanvas(pts[0][0], pts[0][1]));
        robot.press(MouseButton.PRIMARY);
        for (int i = 1; i < pts.length; i++) robot.moveTo(app.onCanvas(pts[i][0], pts[i][1]));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.draw().viewModel().predictionProperty().get() != null
                && app.draw().viewModel().preparationProperty().get() != null);
        app.awaitDrawAnswer();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#keepButton").query().isDisabled(), "an answer: Keep is on");
        assertEquals(before, where(robot), "the first answer came: nothing moved; before, the model's line said " + model
                + " and the answer's detail " + detail);

        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.draw().viewModel().predictionProperty().get() == null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#keepButton").query().isDisabled(), "no answer: Keep is off");
        assertEquals(before, where(robot), "cleared: nothing moved");
    }

    /**
     * A new user draws a 1, then a 0 beside it: the answer becomes the number 10 and its digits come in a row of their
     * own, whose room was kept from the start, so that Keep and the chart stay where they were.
     */
    @Test
    void aSecondDigitBesideTheFirstMovesNothing(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Bounds> before = where(robot);
        app.stroke(robot, new double[][]{{50, 90}, {50, 160}, {50, 230}});
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.draw().viewModel().predictionProperty().get() != null);
        app.awaitDrawAnswer();
        WaitForAsyncUtils.waitForFxEvents();
        Map<String, Bounds> one = where(robot);
        assertEquals(before, one, "one digit: nothing moved");
        double[][] loop = new double[41][];
        for (int i = 0; i <= 40; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / 40;
            loop[i] = new double[]{135 + 38 * Math.cos(a), 160 + 72 * Math.sin(a)};
        }
        app.stroke(robot, loop);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> "10".equals(app.draw().viewModel().number()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#numberDigit-1").query().isVisible(), "the number's digits are shown");
        assertEquals(one, where(robot), "a second digit made a number: nothing moved");
    }

    /** The window at each size a story checks: its first size (1240×800), the smallest (1024×700), and that at 150 %. */
    private static final String[] SIZES = {"1240×800", "1024×700", "1024×700 at 150 %"};

    private void size(FxRobot robot, String size) {
        robot.interact(() -> {
            boolean first = size.startsWith("1240");
            stage.setWidth(first ? 1240 : io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(first ? 800 : io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
            app.services.appearance().scaleProperty().set(size.endsWith("150 %") ? 150 : 100);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A new user opens a photo of an eight-digit number: its digits come in a line too long for the pane's width, which
     * scrolls sideways, and Keep, the chart and everything below stay where they were, at every window size and scale.
     */
    @Test
    void aNumberWithMoreDigitsThanTheRowHoldsMovesNothing(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        io.digitstudio.data.CameraDigits.Shot shot = new io.digitstudio.data.CameraDigits(4).number(new int[]{3, 1, 4, 1, 5, 9, 2, 6});
        java.nio.file.Path jpg = java.nio.file.Files.write(dir.resolve("long-number.jpg"), shot.bytes());
        java.util.List<String> failures = new java.util.ArrayList<>();
        for (String size : SIZES) {
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.draw().viewModel().readingProperty().get() == null);
            size(robot, size);
            Map<String, Bounds> before = where(robot);
            app.dialogs.willChoose(jpg);
            robot.clickOn("#openImageButton");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.draw().viewModel().number() != null);
            app.awaitDrawAnswer();
            WaitForAsyncUtils.waitForFxEvents();
            int digits = app.draw().viewModel().readingProperty().get().digits().size();
            double[] widths = new double[2];
            robot.interact(() -> {
                for (int i = 0; i < digits; i++) widths[0] += robot.lookup("#numberDigit-" + i).queryAs(javafx.scene.layout.Region.class).getWidth();
                widths[1] = robot.lookup("#numberDigits").queryAs(javafx.scene.layout.Region.class).getWidth();
            });
            assertTrue(widths[0] > widths[1], size + ": the " + digits + " digits (" + widths[0] + " px) are more than the line's width " + widths[1]);
            Map<String, Bounds> after = where(robot);
            if (!before.equals(after)) failures.add(size + ": " + before + " → " + after);
            // the selected digit (the least sure) is in view from the start, and every digit can be reached: the
            // first and then the last scroll into view when chosen
            Pulses.settle();
            robot.interact(() -> {
                int shown = app.draw().viewModel().selectedDigitProperty().get();
                Node chosen = robot.lookup("#numberDigit-" + shown).query();
                Node line = robot.lookup("#numberDigits").query();
                Bounds c = chosen.localToScreen(chosen.getLayoutBounds()), v = line.localToScreen(line.getLayoutBounds());
                if (c.getMaxX() > v.getMaxX() + 0.5 || c.getMinX() < v.getMinX() - 0.5) failures.add(size + ": the selected digit " + shown + " " + c + " is out of the line's view " + v);
            });
            robot.interact(() -> app.draw().viewModel().selectDigit(0));
            Pulses.settle();
            robot.interact(() -> app.draw().viewModel().selectDigit(digits - 1));
            Pulses.settle();
            robot.interact(() -> {
                Node last = robot.lookup("#numberDigit-" + (digits - 1)).query();
                Node line = robot.lookup("#numberDigits").query();
                Bounds l = last.localToScreen(last.getLayoutBounds()), v = line.localToScreen(line.getLayoutBounds());
                if (l.getMaxX() > v.getMaxX() + 0.5 || l.getMinX() < v.getMinX() - 0.5) failures.add(size + ": the last digit " + l + " is out of the line's view " + v);
            });
        }
        robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        assertTrue(failures.isEmpty(), "a long number moved what is below it:\n" + String.join("\n", failures));
    }

    /**
     * A new user opens a model whose file has a long name: the model's line above the answer names it whole, with no
     * "…" (the whole text in its tooltip and its accessible text too); a name too long for the line's room takes
     * another line, and what is below the line moves down by that line and no more: the answer, Keep and the chart keep
     * their sizes and their places to each other.
     */
    @Test
    void aModelWithALongNameIsNamedWholeAndMovesThingsOnlyByItsLines(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        io.digitstudio.io.ModelFiles.LoadedModel builtIn = io.digitstudio.io.ModelFiles.loadDefault();
        String name = "my-whole-familys-handwriting-finetuned-from-the-built-in-mlp-with-augmentation-final-v2.npz";
        java.nio.file.Path file = dir.resolve(name);
        io.digitstudio.io.ModelFiles.saveNpz(file, builtIn.model(), builtIn.info());
        drawASeven(robot);
        java.util.List<String> failures = new java.util.ArrayList<>();
        for (String size : SIZES) {
            size(robot, size);
            robot.interact(() -> app.models().useBuiltIn());
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.models().activeProperty().get().file() == null);
            app.awaitDrawAnswer();
            Map<String, Bounds> before = where(robot, "#predictedDigit", "#confidenceLabel", "#activeModelLabel");
            app.dialogs.willChoose(file);
            robot.clickOn("#modelMenu").clickOn("#openModelItem");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> file.equals(app.models().activeProperty().get().file()));
            app.awaitDrawAnswer();
            WaitForAsyncUtils.waitForFxEvents();
            Map<String, Bounds> after = where(robot, "#predictedDigit", "#confidenceLabel", "#activeModelLabel");
            Bounds lineBefore = before.remove("#activeModelLabel"), lineAfter = after.remove("#activeModelLabel");
            double taller = lineAfter.getHeight() - lineBefore.getHeight();
            if (taller < 0 || lineAfter.getMinY() != lineBefore.getMinY()) failures.add(size + ": the model's line " + lineBefore + " → " + lineAfter);
            for (String id : before.keySet()) {
                Bounds b = before.get(id), a = after.get(id);
                // below the line: down by the line's added height; above it or beside it: where it was
                double down = b.getMinY() >= lineBefore.getMaxY() ? taller : 0;
                if (Math.abs(a.getMinX() - b.getMinX()) > 0.5 || Math.abs(a.getMinY() - b.getMinY() - down) > 0.5
                        || Math.abs(a.getWidth() - b.getWidth()) > 0.5 || Math.abs(a.getHeight() - b.getHeight()) > 0.5) {
                    failures.add(size + ": " + id + " " + b + " → " + a + " (the model's line " + taller + " px taller)");
                }
            }
            robot.interact(() -> {
                javafx.scene.control.Label line = robot.lookup("#activeModelLabel").queryAs(javafx.scene.control.Label.class);
                // the line's own breaks fall inside words only: without them it is the text the user reads
                String read = line.getText().replace("\n", "");
                if (!read.contains(name) || read.contains("…")) failures.add(size + ": the line reads '" + line.getText() + "', not the whole name");
                String full = app.draw().viewModel().modelTextProperty().get();
                if (!full.contains(name)) failures.add(size + ": the model's text " + full + " names the file");
                if (!full.equals(line.getAccessibleText())) failures.add(size + ": the accessible text is " + line.getAccessibleText());
                if (!line.getTooltip().getText().contains(name)) failures.add(size + ": the tooltip " + line.getTooltip().getText() + " lacks the whole name");
                for (String c : Looks.cut(line.getScene(), "activeModelLabel", "predictedDigit", "confidenceLabel")) failures.add(size + ": " + c);
            });
        }
        robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        assertTrue(failures.isEmpty(), "a model's long name:\n" + String.join("\n", failures));
    }

    /**
     * Under load the answer lags behind the pen: a user draws a 1, then, with the compute worker busy (held here by a
     * gate the story opens), adds a stroke. Until the new answer comes the old one is greyed and "Reading…" says a newer
     * one is on its way, for the eye and for a screen reader; once it comes the sign is gone. Neither moves anything:
     * the sign has its room whether shown or not.
     */
    @Test
    void aLateAnswerIsSaidToBeComingAndMovesNothing(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 160}, new double[]{160, 270});
        app.awaitDrawAnswer();
        Node sign = robot.lookup("#drawPending").query();
        assertFalse(sign.isVisible(), "an answer for the whole drawing: no sign");
        Map<String, Bounds> before = where(robot, "#predictedDigit", "#drawPending", "#networkInput");

        java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
        try {
            app.services.tasks().compute(() -> {
                gate.await();
                return null;
            });
            app.stroke(robot, new double[]{120, 60}, new double[]{160, 50}, new double[]{200, 60});
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(app.draw().viewModel().pendingProperty().get(), "the new stroke's answer waits behind the gate");
            assertTrue(sign.isVisible(), "the answer is said to be coming");
            javafx.scene.control.Label says = robot.lookup("#drawPendingLabel").queryAs(javafx.scene.control.Label.class);
            assertTrue(says.getText().startsWith("Reading"), says.getText());
            assertTrue(says.getAccessibleText() != null && says.getAccessibleText().contains("newest"), "a screen reader hears it: " + says.getAccessibleText());
            assertTrue(robot.lookup("#predictedDigit").query().getOpacity() < 1, "the old answer is greyed");
            assertTrue(robot.lookup("#drawBars").query().getOpacity() < 1, "its bars too");
            assertEquals(before, where(robot, "#predictedDigit", "#drawPending", "#networkInput"), "the sign moved things");
        } finally {
            gate.countDown();
        }
        app.awaitDrawAnswer();
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.draw().viewModel().pendingProperty().get());
        assertFalse(sign.isVisible(), "the answer came: the sign is gone");
        assertEquals(1.0, robot.lookup("#predictedDigit").query().getOpacity());
        assertEquals(1.0, robot.lookup("#drawBars").query().getOpacity());
        assertEquals(before, where(robot, "#predictedDigit", "#drawPending", "#networkInput"), "the answer came: nothing moved");
    }

    private static Map<String, Bounds> where(FxRobot robot, String... more) {
        Map<String, Bounds> out = where(robot);
        robot.interact(() -> {
            for (String id : more) {
                Node n = robot.lookup(id).query();
                out.put(id, n.localToScreen(n.getLayoutBounds()));
            }
        });
        return out;
    }
}
