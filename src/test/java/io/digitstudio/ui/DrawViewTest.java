package io.digitstudio.ui;

import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Predictor;
import io.digitstudio.ui.draw.DrawViewModel;
import io.digitstudio.ui.model.ActiveModel;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class DrawViewTest extends AppStory {
    @TempDir
    Path dir;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    /** The smallest window the app allows. */
    private void smallest(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The label shows its whole text: not cut to "…". */
    static void assertWhole(javafx.scene.control.Labeled l) {
        javafx.scene.text.Text shown = (javafx.scene.text.Text) l.lookup(".text");
        assertNotNull(shown, l.getId() + " shows no text");
        assertEquals(l.isMnemonicParsing() ? l.getText().replace("_", "") : l.getText(), shown.getText(), (l.getId() == null ? l.getText() : l.getId()) + " is cut");
    }

    private DrawViewModel vm() {
        return app.draw().viewModel();
    }

    private void openDraw(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn("Draw");
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D at(double x, double y) {
        return app.onCanvas(x, y);
    }

    /** Drags the mouse through canvas points, like a person drawing one stroke. */
    private int awaitPrediction() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().predictionProperty().get() != null);
        app.awaitDrawAnswer();
        WaitForAsyncUtils.waitForFxEvents();
        return vm().predictionProperty().get().label();
    }

    /** The scene bounds of what the scroll pane around {@code n} shows of its content. */
    private static javafx.geometry.Bounds shownAround(javafx.scene.Node n) {
        for (javafx.scene.Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                javafx.scene.Node viewport = sp.lookup(".viewport");
                return viewport.localToScene(viewport.getLayoutBounds());
            }
        }
        throw new AssertionError(n + " is in no scroll pane");
    }

    /**
     * In the smallest window at 100 %, the preparation's last stage, the 28×28 picture the network gets, shows whole with
     * its caption under the canvas: the seven stages fit on one row (the seventh, alone on a second row, had its "28×28"
     * cut by the window's bottom edge). At 150 % they take two rows: scrolled to, the caption is whole there too.
     */
    @Test
    void theLastStageAndIts28x28CaptionShowWholeInTheSmallestWindow(FxRobot robot) throws Exception {
        openDraw(robot);
        smallest(robot);
        robot.moveTo(at(140, 50));
        robot.press(MouseButton.PRIMARY);
        for (int y = 60; y <= 230; y += 10) robot.moveTo(at(140, y));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().preparationProperty().get() != null);
        for (int scale : new int[]{100, 150}) {
            robot.interact(() -> app.services.appearance().scaleProperty().set(scale));
            Pulses.settle(3);
            javafx.scene.Parent last = robot.lookup("#stage-6").query();
            Label caption = (Label) last.getChildrenUnmodifiable().get(1);
            Label first = (Label) robot.lookup("#stage-0").queryParent().getChildrenUnmodifiable().get(1);
            assertEquals("28×28", caption.getText());
            if (scale != 100) Forms.reveal(robot, last);
            javafx.geometry.Bounds[] b = new javafx.geometry.Bounds[3];
            robot.interact(() -> {
                b[0] = caption.localToScene(caption.getLayoutBounds());
                b[1] = shownAround(caption);
                b[2] = first.localToScene(first.getLayoutBounds());
            });
            assertWhole(caption);
            assertTrue(b[1].contains(b[0]), scale + " %: the caption " + b[0] + " lies whole in what the column shows " + b[1]);
            if (scale == 100) assertEquals(b[2].getMinY(), b[0].getMinY(), 0.5, "at 100 %: on the first stage's row");
        }
    }

    @Test
    void aVerticalStrokeIsAOneAndALoopIsAZero(FxRobot robot) throws Exception {
        openDraw(robot);
        assertEquals(DrawViewModel.HINT, robot.lookup("#canvasHint").queryAs(Label.class).getText());
        assertNull(vm().predictionProperty().get(), "an empty canvas shows a hint, not a guess");
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 120}, new double[]{160, 190}, new double[]{160, 270});
        assertEquals(1, awaitPrediction());
        assertEquals("1", robot.lookup("#predictedDigit").queryAs(Label.class).getText());
        assertNotNull(vm().inputProperty().get(), "the 28x28 input is shown");

        robot.clickOn("#clearButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(vm().predictionProperty().get());
        assertTrue(vm().strokes().isEmpty());

        app.stroke(robot, Strokes.loop(160, 160, 70, 105));
        assertEquals(0, awaitPrediction());
    }

    @Test
    void theBuiltInCnnIsOneClickAwayAndReadsDrawingsToo(FxRobot robot) throws Exception {
        openDraw(robot);
        robot.clickOn("#modelMenu");
        robot.clickOn("#useBuiltInCnn");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.models().activeProperty().get().model().spec().convolutional());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#activeModelLabel").queryAs(Label.class).getText().contains("built-in CNN"));
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 120}, new double[]{160, 190}, new double[]{160, 270});
        assertEquals(1, awaitPrediction());
        robot.clickOn("#clearButton");
        app.stroke(robot, Strokes.loop(160, 160, 70, 105));
        assertEquals(0, awaitPrediction());
        robot.clickOn("#modelMenu");
        robot.clickOn("#useBuiltIn");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("784-400-400-10", app.models().activeProperty().get().architecture());
    }

    /**
     * A new user picks a built-in model from the Model menu with the mouse (the menu button keeps the focus), draws, and presses Esc over
     * the canvas: the canvas clears, as the hint under it says, whatever had the focus.
     */
    @Test
    void escapeClearsTheCanvasAfterAModelIsChosenFromTheModelMenu(FxRobot robot) throws Exception {
        openDraw(robot);
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 120}, new double[]{160, 190}, new double[]{160, 270});
        awaitPrediction();
        robot.clickOn("#modelMenu");
        robot.clickOn("#useBuiltInCnn");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.models().activeProperty().get().model().spec().convolutional());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm().strokes().isEmpty(), "choosing a model keeps the drawing");
        robot.moveTo(at(160, 160));
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm().strokes().isEmpty(), "the first Esc over the canvas cleared it; the focus was on "
                + robot.listTargetWindows().get(0).getScene().getFocusOwner());
    }

    @Test
    void aModelWith47ClassesShowsAllItsClassesByName(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        openDraw(robot);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 47; i++) names.add(i < 10 ? String.valueOf(i) : String.valueOf((char) ('A' + i - 10)));
        Path file = dir.resolve("emnist.npz");
        ModelFiles.saveNpz(file, new io.digitstudio.nn.Network(io.digitstudio.nn.NetworkSpec.of("conv 4 5, relu, maxpool 2, linear"),
                new int[]{1, 28, 28}, 47, new io.digitstudio.data.Rng(0)), new io.digitstudio.io.ModelInfo(null, "EMNIST Balanced", names));
        app.dialogs.willChoose(file);
        robot.clickOn("#modelMenu").clickOn("#openModelItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.models().activeProperty().get().model().classes() == 47);
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 270});
        int label = awaitPrediction();
        assertTrue(label >= 0 && label < 47);
        assertEquals(names.get(label), robot.lookup("#predictedDigit").queryAs(Label.class).getText());
        assertEquals(47, robot.lookup(".probability-bars").queryAs(io.digitstudio.ui.widgets.ProbabilityBars.class).values().length);
    }

    /**
     * While a picture is opened (the compute worker busy with other work, as under load), the line that says so and its
     * bar sit in the answer's column, where "Reading…" says an answer is on its way, not over the canvas, whose picture
     * they covered.
     */
    @Test
    void openingAPictureSaysSoBesideTheCanvasNotOverIt(FxRobot robot) throws Exception {
        openDraw(robot);
        java.util.concurrent.CountDownLatch other = openWhileTheWorkerIsBusy(robot, "num.png", 4);
        try {
            Label line = robot.lookup("#openImageBusyLabel").queryAs(Label.class);
            assertEquals("Opening num.png…", line.getText());
            javafx.scene.Node canvas = robot.lookup("#drawCanvas").query(), column = robot.lookup("#drawResultsScroll").query();
            java.util.List<String> wrong = new java.util.ArrayList<>();
            robot.interact(() -> {
                javafx.geometry.Bounds on = canvas.localToScene(canvas.getLayoutBounds());
                javafx.geometry.Bounds in = column.localToScene(column.getLayoutBounds());
                for (String id : java.util.List.of("#openImageBusyLabel", "#openImageProgress")) {
                    javafx.scene.Node n = robot.lookup(id).query();
                    javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                    if (!Looks.onScreen(n) || !showing(n)) wrong.add(id + " does not show");
                    if (b.intersects(on)) wrong.add(id + " at " + b + " over the canvas at " + on);
                    if (!in.contains(b)) wrong.add(id + " at " + b + " outside the answer's column at " + in);
                }
            });
            assertEquals(java.util.List.of(), wrong);
            assertWhole(line);
        } finally {
            other.countDown();
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(showing(robot.lookup("#openImageBusyLabel").query()), "gone with the answer");
    }

    /**
     * A trial saw the bar of "Opening num.png…" touch the answer above it ("100.0% sure"): it keeps the 4 px the
     * column's other stacked lines keep (the network's input over its caption, the bar over its own line).
     */
    @Test
    void theOpeningBarKeepsItsDistanceFromTheAnswerAboveIt(FxRobot robot) throws Exception {
        openDraw(robot);
        app.stroke(robot, new double[]{120, 60}, new double[]{125, 150}, new double[]{130, 250});
        awaitPrediction();
        Label sure = robot.lookup("#confidenceLabel").queryAs(Label.class);
        assertTrue(sure.getText().contains("sure"), sure.getText());
        java.util.concurrent.CountDownLatch other = openWhileTheWorkerIsBusy(robot, "num.png", 4);
        try {
            double[] gap = new double[1];
            robot.interact(() -> {
                javafx.scene.Node bar = robot.lookup("#openImageProgress").query();
                gap[0] = bar.localToScene(bar.getLayoutBounds()).getMinY() - sure.localToScene(sure.getLayoutBounds()).getMaxY();
            });
            assertTrue(gap[0] >= 4, "the bar lies " + gap[0] + " px under \"" + sure.getText() + "\"");
        } finally {
            other.countDown();
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm().busyProperty().get());
    }

    /**
     * Opens a drawn {@code digit} saved as {@code name} while the compute worker is held by other work, as under load:
     * the picture waits until the latch returned is counted down.
     */
    private java.util.concurrent.CountDownLatch openWhileTheWorkerIsBusy(FxRobot robot, String name, int digit) throws Exception {
        Path png = dir.resolve(name);
        javax.imageio.ImageIO.write(new io.digitstudio.data.DrawnDigitsAccess(3).draw(digit, 200), "png", png.toFile());
        java.util.concurrent.CountDownLatch other = new java.util.concurrent.CountDownLatch(1);
        app.services.tasks().compute(() -> {
            other.await();
            return null;
        });
        try {
            app.dialogs.willChoose(png);
            robot.clickOn("#openImageButton");
            WaitForAsyncUtils.waitForFxEvents();
        } catch (RuntimeException | Error e) {
            other.countDown();
            throw e;
        }
        return other;
    }

    /** Whether {@code n} and all that holds it are visible. */
    private static boolean showing(javafx.scene.Node n) {
        for (; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    /**
     * A picture opened while the compute worker is busy with other work, as under load (a trial waited 6 to 14 s with
     * no sign): the canvas shows a bar and "Opening seven.png…", Open image, Clear and Undo are off and a stroke draws
     * nothing until the answer comes; then the sign is gone and the buttons are back. A file that is no picture ends
     * the wait too, with one line that names it.
     */
    @Test
    void openingAPictureShowsItIsBusyUntilItsAnswer(FxRobot robot) throws Exception {
        openDraw(robot);
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 270});
        awaitPrediction();
        java.util.concurrent.CountDownLatch other = openWhileTheWorkerIsBusy(robot, "seven.png", 7);
        try {
            assertTrue(robot.lookup("#openImageBusy").query().isVisible(), "no busy sign while the picture waits");
            Label line = robot.lookup("#openImageBusyLabel").queryAs(Label.class);
            assertEquals("Opening seven.png…", line.getText());
            assertWhole(line);
            for (String id : java.util.List.of("#openImageButton", "#clearButton", "#undoButton")) {
                assertTrue(robot.lookup(id).query().isDisabled(), id + " on while the picture waits");
            }
            app.stroke(robot, new double[]{60, 60}, new double[]{260, 60});
            assertEquals(1, vm().strokes().size(), "a stroke while the picture waits");
        } finally {
            other.countDown();
        }
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#openImageBusy").query().isVisible());
        assertEquals("7", robot.lookup("#predictedDigit").queryAs(Label.class).getText());
        for (String id : java.util.List.of("#openImageButton", "#clearButton", "#undoButton")) assertFalse(robot.lookup(id).query().isDisabled(), id);

        Path bad = dir.resolve("notes.png");
        Files.writeString(bad, "not a picture");
        app.dialogs.willChoose(bad);
        robot.clickOn("#openImageButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !app.dialogs.errors.isEmpty() && !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#openImageBusy").query().isVisible());
        assertFalse(robot.lookup("#openImageButton").query().isDisabled());
        assertEquals(1, app.dialogs.errors.size(), app.dialogs.errors.toString());
        assertTrue(app.dialogs.errors.get(0).contains("notes.png") && !app.dialogs.errors.get(0).contains("\n"), app.dialogs.errors.get(0));
    }

    @Test
    void undoRemovesTheLastStrokeAndEscapeClears(FxRobot robot) throws Exception {
        openDraw(robot);
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 270});
        app.stroke(robot, new double[]{100, 60}, new double[]{220, 60});
        assertEquals(2, vm().strokes().size());
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm().strokes().size());
        assertEquals(1, awaitPrediction());
        robot.clickOn("#undoButton");
        assertTrue(vm().strokes().isEmpty());
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 270});
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm().strokes().isEmpty());
        // right-click clears too: on a canvas that has something on it
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 270});
        assertEquals(1, awaitPrediction());
        assertEquals(1, vm().strokes().size());
        robot.clickOn(at(160, 160), MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm().strokes().isEmpty());
        assertNull(vm().predictionProperty().get());
    }

    private Path fixture(String name) throws Exception {
        try (InputStream in = DrawViewTest.class.getResourceAsStream("/fixtures/" + name)) {
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    @Test
    void openingANumpyModelMakesItActiveAndACorruptOneIsRefused(FxRobot robot) throws Exception {
        openDraw(robot);
        ActiveModel builtIn = app.models().activeProperty().get();
        Path numpyModel = fixture("tutorial_numpy.npz");
        app.dialogs.willChoose(numpyModel);
        robot.clickOn("#modelMenu").clickOn("#openModelItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.models().activeProperty().get() != builtIn);
        WaitForAsyncUtils.waitForFxEvents();
        ActiveModel opened = app.models().activeProperty().get();
        assertEquals("784-100-100-10", opened.architecture());
        assertTrue(robot.lookup("#activeModelLabel").queryAs(Label.class).getText().contains("tutorial_numpy.npz"));
        // predictions now come from the opened model
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 270});
        awaitPrediction();
        float[] x = vm().inputProperty().get();
        Predictor direct = new Predictor(ModelFiles.loadNpz(numpyModel).model());
        assertArrayEquals(direct.predict(x).probabilities(), vm().predictionProperty().get().probabilities(), 1e-6f);

        Path corrupt = dir.resolve("corrupt.npz");
        Files.writeString(corrupt, "this is not a zip");
        app.dialogs.willChoose(corrupt);
        robot.clickOn("#modelMenu").clickOn("#openModelItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.dialogs.errors.isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.dialogs.errors.get(0).contains("corrupt.npz: not an .npz file"), app.dialogs.errors.toString());
        assertSame(opened, app.models().activeProperty().get(), "the previous model stays active");

        Path wrongShape = dir.resolve("tiny.npz");
        ModelFiles.saveNpz(wrongShape, io.digitstudio.nn.Network.mlp(new io.digitstudio.data.Rng(0), 10, 3));
        app.dialogs.willChoose(wrongShape);
        robot.clickOn("#modelMenu").clickOn("#openModelItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.dialogs.errors.size() >= 2);
        assertTrue(app.dialogs.errors.get(1).contains("DigitStudio's images are 28x28 = 784 pixels"), app.dialogs.errors.toString());
        assertSame(opened, app.models().activeProperty().get());
    }

    @Test
    void aChainerTrainerSnapshotOpensAsItsModel(FxRobot robot) throws Exception {
        openDraw(robot);
        ActiveModel builtIn = app.models().activeProperty().get();
        // what Chainer's extensions.snapshot() writes, with no .npz in its name
        Path snapshot = io.digitstudio.io.Fixtures.chainer("snapshot_iter_7", dir);
        app.dialogs.willChoose(snapshot);
        robot.clickOn("#modelMenu").clickOn("#openModelItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.models().activeProperty().get() != builtIn);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.dialogs.errors.isEmpty(), app.dialogs.errors.toString());
        assertEquals("784-16-16-10", app.models().activeProperty().get().architecture());
        assertTrue(robot.lookup("#activeModelLabel").queryAs(Label.class).getText().contains("snapshot_iter_7"));
        assertTrue(app.dialogs.infos.stream().anyMatch(i -> i.contains("snapshot_iter_7 is a training snapshot: using the model it holds")), app.dialogs.infos.toString());
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 270});
        awaitPrediction();
        Predictor direct = new Predictor(ModelFiles.loadNpz(snapshot).model());
        assertArrayEquals(direct.predict(vm().inputProperty().get()).probabilities(), vm().predictionProperty().get().probabilities(), 1e-6f);
    }

    @Test
    void savingWritesAModelThatPredictsTheSameAndIsRemembered(FxRobot robot) throws Exception {
        openDraw(robot);
        Path saved = dir.resolve("mine.npz");
        app.dialogs.willChoose(saved);
        robot.clickOn("#modelMenu").clickOn("#saveModelItem");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(saved) && !app.models().recent().isEmpty());
        ActiveModel active = app.models().activeProperty().get();
        Predictor reloaded = new Predictor(ModelFiles.loadNpz(saved).model());
        float[] x = io.digitstudio.data.Mnist.bundled().test().features(0);
        assertArrayEquals(active.predictor().predict(x).probabilities(), reloaded.predict(x).probabilities(), 0f);
        assertEquals(saved.toAbsolutePath().normalize(), app.models().recent().get(0));

        // a recent file that has gone is said so and dropped
        Files.delete(saved);
        robot.clickOn("#modelMenu");
        robot.clickOn((javafx.scene.Node n) -> n instanceof javafx.scene.control.Label l && l.getText() != null && l.getText().startsWith("_1  mine.npz"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.models().recent().isEmpty());
        assertTrue(app.dialogs.errors.get(0).contains("no longer exists"), app.dialogs.errors.toString());
    }

    @Test
    void anOpenedImageIsClassifiedThroughTheSamePath(FxRobot robot) throws Exception {
        openDraw(robot);
        Path png = dir.resolve("seven.png");
        javax.imageio.ImageIO.write(new io.digitstudio.data.DrawnDigitsAccess(3).draw(7, 200), "png", png.toFile());
        app.dialogs.willChoose(png);
        robot.clickOn("#openImageButton");
        assertEquals(7, awaitPrediction());
        Path junk = Files.writeString(dir.resolve("junk.png"), "nope");
        app.dialogs.willChoose(junk);
        robot.clickOn("#openImageButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.dialogs.errors.isEmpty());
        assertEquals(7, vm().predictionProperty().get().label(), "a bad file leaves the canvas as it was");
    }

    @Test
    void digitsWrittenSideBySideReadAsANumberAndOneDigitAsBefore(FxRobot robot) throws Exception {
        openDraw(robot);
        app.stroke(robot, new double[]{50, 90}, new double[]{50, 160}, new double[]{50, 230});
        assertEquals(1, awaitPrediction());
        app.stroke(robot, Strokes.loop(135, 160, 38, 72));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "10".equals(vm().number()));
        app.stroke(robot, new double[]{205, 90}, new double[]{285, 90}, new double[]{250, 160}, new double[]{228, 232});
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "107".equals(vm().number()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("107", robot.lookup("#predictedDigit").queryAs(Label.class).getText(), "the number is what the view shows");
        assertTrue(robot.lookup("#confidenceLabel").queryAs(Label.class).getText().startsWith("3 digits"));
        assertNull(vm().predictionProperty().get(), "a number has no single guess to keep");
        assertTrue(robot.lookup("#keepButton").queryButton().isDisabled());
        // why Keep is off is said beside it, and in a tooltip on its place (a disabled button shows none of its own)
        Label reason = robot.lookup("#keepHint").queryAs(Label.class);
        assertTrue(reason.isVisible() && reason.getText().startsWith("Keep takes one digit at a time"), reason.getText());
        assertWhole(reason);
        javafx.scene.Node place = robot.lookup("#keepButtonPlace").query();
        Tooltip tip = (Tooltip) place.getProperties().get("javafx.scene.control.Tooltip");
        assertNotNull(tip, "Keep's place carries a tooltip");
        assertTrue(tip.getText().startsWith("Keep takes one digit at a time"), tip.getText());
        // a box around each digit, drawn over the canvas in the box colour
        javafx.scene.image.Image shot = WaitForAsyncUtils.asyncFx(() -> app.draw().canvas().snapshot(null, null)).get();
        for (io.digitstudio.read.ReadDigit d : vm().readingProperty().get().digits()) {
            javafx.scene.paint.Color c = shot.getPixelReader().getColor(d.box().x0() - 2, (d.box().y0() + d.box().y1()) / 2);
            assertTrue(c.getRed() > 0.6 && c.getRed() - c.getBlue() > 0.4, "box edge colour " + c + " at " + d.box());
        }
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "10".equals(vm().number()));
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(1, awaitPrediction());
        assertNull(vm().number(), "one digit reads as one digit, as before");
    }

    /**
     * The trial's "1 100%8 99%": a 1 with a digit close beside it, each boxed and labelled on the canvas; the labels
     * are wider than the 1's box, and never drawn over each other (at the window's first size and the smallest). The
     * canvas's accessible text says each digit and how sure.
     */
    @Test
    void theLabelsOfCloseDigitsNeverOverlap(FxRobot robot) throws Exception {
        openDraw(robot);
        for (boolean small : new boolean[]{false, true}) {
            if (small) smallest(robot);
            robot.type(KeyCode.ESCAPE);
            app.stroke(robot, new double[]{50, 90}, new double[]{50, 160}, new double[]{50, 230});
            app.stroke(robot, Strokes.loop(125, 160, 38, 72));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().number() != null && vm().number().length() == 2);
            app.awaitDrawAnswer();
            java.util.List<String> labels = WaitForAsyncUtils.asyncFx(() -> app.draw().numberLabels()).get();
            assertEquals(2, labels.size(), labels.toString());
            double[][] r = labels.stream().map(l -> java.util.Arrays.stream(l.substring(l.indexOf('@') + 1).split(",")).mapToDouble(Double::parseDouble).toArray())
                    .toArray(double[][]::new);
            boolean apart = r[0][0] + r[0][2] <= r[1][0] || r[1][0] + r[1][2] <= r[0][0] || r[0][1] + r[0][3] <= r[1][1] || r[1][1] + r[1][3] <= r[0][1];
            assertTrue(apart, "the labels overlap: " + labels);
            for (double[] p : r) assertTrue(p[0] >= 0 && p[1] >= 0 && p[0] + p[2] <= 320 && p[1] + p[3] <= 320, "on the canvas: " + labels);
            String said = app.draw().canvas().getAccessibleText();
            for (io.digitstudio.read.ReadDigit d : vm().readingProperty().get().digits()) {
                String text = d.prediction().label() + " " + DrawViewModel.sure(d.prediction().confidence());
                assertTrue(said.contains(text), said + " says " + text);
            }
        }
    }

    /**
     * The trial's "42": both boxes labelled "100%" under a header saying "least sure 99.6%". Each digit's label says
     * how sure as the header does, so the least sure digit's label carries the header's very figure, and none says 100%
     * short of certainty.
     */
    @Test
    void theDigitsLabelsAgreeWithTheLeastSureFigure(FxRobot robot) throws Exception {
        openDraw(robot);
        io.digitstudio.data.CameraDigits.Shot shot = new io.digitstudio.data.CameraDigits(4).number(new int[]{4, 2});
        app.dialogs.willChoose(Files.write(dir.resolve("n42.jpg"), shot.bytes()));
        robot.clickOn("#openImageButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().number() != null);
        app.awaitDrawAnswer();
        WaitForAsyncUtils.waitForFxEvents();
        io.digitstudio.read.Reading r = vm().readingProperty().get();
        java.util.List<String> labels = WaitForAsyncUtils.asyncFx(() -> app.draw().numberLabels()).get();
        assertEquals(2, labels.size(), labels.toString());
        String header = vm().detailProperty().get();
        String least = header.substring(header.indexOf("least sure ") + "least sure ".length());
        int pick = 0;
        for (int i = 1; i < r.digits().size(); i++) if (r.digits().get(i).prediction().confidence() < r.digits().get(pick).prediction().confidence()) pick = i;
        String leastLabel = labels.get(pick).substring(0, labels.get(pick).indexOf('@'));
        assertTrue(leastLabel.endsWith(" " + least), "the least sure digit's label " + leastLabel + " says the header's " + header);
        for (int i = 0; i < labels.size(); i++) {
            String text = labels.get(i).substring(0, labels.get(i).indexOf('@'));
            if (r.digits().get(i).prediction().confidence() < 1) assertFalse(text.matches(".* 100(\\.0)?%"), text + " below certainty");
        }
    }

    @Test
    void aPhotographedNumberIsReadWhole(FxRobot robot) throws Exception {
        openDraw(robot);
        io.digitstudio.data.CameraDigits.Shot shot = new io.digitstudio.data.CameraDigits(4).number(new int[]{4, 2, 1, 7});
        Path jpg = Files.write(dir.resolve("meter.jpg"), shot.bytes());
        app.dialogs.willChoose(jpg);
        robot.clickOn("#openImageButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().number() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("4217", vm().number());
        assertEquals("4217", robot.lookup("#predictedDigit").queryAs(Label.class).getText());
    }

    @Test
    void aFourDigitNumberIsShownWholeWithEachDigitAsTheNetworkSeesIt(FxRobot robot) throws Exception {
        openDraw(robot);
        smallest(robot);
        io.digitstudio.data.CameraDigits.Shot shot = new io.digitstudio.data.CameraDigits(4).number(new int[]{2, 0, 4, 9});
        app.dialogs.willChoose(Files.write(dir.resolve("meter.jpg"), shot.bytes()));
        robot.clickOn("#openImageButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm().number() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label answer = robot.lookup("#predictedDigit").queryAs(Label.class);
        assertEquals("2049", answer.getText());
        for (String id : new String[]{"#predictedDigit", "#confidenceLabel", "#inputCaption"}) assertWhole(robot.lookup(id).queryAs(Label.class));
        // the preview and the bars show one digit of the number; a click on another digit shows that one
        javafx.scene.image.ImageView preview = robot.lookup("#networkInput").queryAs(javafx.scene.image.ImageView.class);
        assertNotNull(preview.getImage(), "the 28x28 preview shows a digit of the number");
        double[] bars = robot.lookup("#drawBars").queryAs(io.digitstudio.ui.widgets.ProbabilityBars.class).values();
        assertEquals(1, java.util.Arrays.stream(bars).sum(), 0.01, "the bars show that digit's probabilities");
        robot.clickOn("#numberDigit-3");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, vm().selectedDigitProperty().get());
        assertEquals("Digit 4 of 4, as the network sees it", robot.lookup("#inputCaption").queryAs(Label.class).getText());
        bars = robot.lookup("#drawBars").queryAs(io.digitstudio.ui.widgets.ProbabilityBars.class).values();
        assertEquals(9, argmax(bars), "the fourth digit's bars: a 9");
        // Esc clears the answer with the canvas; Ctrl+Z brings both back
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(DrawViewModel.NO_ANSWER, answer.getText());
        assertNull(preview.getImage());
        assertFalse(robot.lookup("#numberDigits").query().isVisible());
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "2049".equals(answer.getText()));
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i] > v[best]) best = i;
        return best;
    }

    @Test
    void anOpenedWidePictureKeepsItsProportions(FxRobot robot) throws Exception {
        openDraw(robot);
        // a 700x260 photo of paper with a dark 1 in its middle
        java.awt.image.BufferedImage wide = new java.awt.image.BufferedImage(700, 260, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = wide.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 700, 260);
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(18));
        g.drawLine(350, 50, 350, 210);
        g.dispose();
        Path png = dir.resolve("wide.png");
        javax.imageio.ImageIO.write(wide, "png", png.toFile());
        app.dialogs.willChoose(png);
        robot.clickOn("#openImageButton");
        assertEquals(1, awaitPrediction());
        javafx.scene.image.Image shot = WaitForAsyncUtils.asyncFx(() -> app.draw().canvas().snapshot(null, null)).get();
        // 320 wide, the picture is 320 x 119 and centred: the photo's paper from y 101 to 219, the canvas's own paper above
        // and below, and the 1 from y 124 to 197 (stretched to the square, it would run from y 62 to 258)
        assertTrue(shot.getPixelReader().getColor(160, 160).getBrightness() < 0.2, "the 1 at mid height");
        assertTrue(shot.getPixelReader().getColor(160, 90).getBrightness() > 0.8, "no 1 above the picture: it is not stretched");
        assertTrue(shot.getPixelReader().getColor(160, 230).getBrightness() > 0.8, "nor below it");
        assertTrue(shot.getPixelReader().getColor(20, 160).getBrightness() > 0.8, "the paper at mid height");
        assertTrue(shot.getPixelReader().getColor(5, 105).getBrightness() > 0.8, "the paper reaches the left edge");
        // with MNIST's white on black, the canvas's black shows above and below the picture
        robot.interact(() -> vm().mnistCanvasProperty().set(true));
        Pulses.settle();
        javafx.scene.image.Image black = WaitForAsyncUtils.asyncFx(() -> app.draw().canvas().snapshot(null, null)).get();
        assertTrue(black.getPixelReader().getColor(20, 20).getBrightness() < 0.2, "above the picture: the canvas, not stretched paper");
        assertTrue(black.getPixelReader().getColor(20, 300).getBrightness() < 0.2, "below the picture: the canvas");
        assertTrue(black.getPixelReader().getColor(20, 160).getBrightness() > 0.8, "the paper at mid height");
    }

    /**
     * Esc clears the answer with the drawing: the digit, how sure, and the line that says how long it took ("prediction
     * took 124.0 ms" stayed under an empty canvas). Ctrl+Z brings the drawing back, and with it its answer and its time.
     */
    @Test
    void aClearTakesTheAnswersTimeWithItAndUndoBringsBoth(FxRobot robot) throws Exception {
        openDraw(robot);
        Label latency = robot.lookup("#latencyLabel").queryAs(Label.class);
        assertEquals("", latency.getText(), "no answer yet, no time");
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 120}, new double[]{160, 190}, new double[]{160, 270});
        assertEquals(1, awaitPrediction());
        assertTrue(latency.getText().matches("prediction took \\d+\\.\\d ms"), latency.getText());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm().strokes().isEmpty());
        assertEquals(DrawViewModel.NO_ANSWER, vm().answerProperty().get());
        assertEquals("", robot.lookup("#confidenceLabel").queryAs(Label.class).getText(), "no answer, no confidence");
        assertEquals("", latency.getText(), "the cleared answer's time");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(1, awaitPrediction());
        assertTrue(latency.getText().matches("prediction took \\d+\\.\\d ms"), "the answer back with its time: " + latency.getText());
    }

    /**
     * "Wrong? Press the right digit" stays true after Keep: a digit key then corrects the digit just kept, instead of
     * repeating "Already kept … as 1"; the collection holds it once, with the new label.
     */
    @Test
    void aDigitKeyAfterKeepCorrectsTheKeptDigit(FxRobot robot) throws Exception {
        openDraw(robot);
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 120}, new double[]{160, 190}, new double[]{160, 270});
        assertEquals(1, awaitPrediction());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.myDigits.list().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.DIGIT7);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.myDigits.list().get(0).label() == 7);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Corrected: now in My digits as 7", robot.lookup("#collectedLabel").queryAs(Label.class).getText());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Already kept: this drawing is in My digits as 7", robot.lookup("#collectedLabel").queryAs(Label.class).getText());
        assertEquals(1, app.myDigits.list().size(), "kept once");
        assertTrue(app.dialogs.errors.isEmpty(), app.dialogs.errors.toString());
    }

    /**
     * The hint under an opened picture's answer says "Keep it (Enter)", and Enter keeps it: Open image, off while the
     * picture is read, handed the focus to the next control, whose file chooser Enter opened instead.
     */
    @Test
    void enterAfterOpeningAPictureKeepsIt(FxRobot robot) throws Exception {
        openDraw(robot);
        Path png = dir.resolve("five.png");
        javax.imageio.ImageIO.write(new io.digitstudio.data.DrawnDigitsAccess(3).draw(5, 200), "png", png.toFile());
        app.dialogs.willChoose(png);
        robot.clickOn("#openImageButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm().imageProperty().get() != null && !vm().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node canvas = robot.lookup("#drawCanvas").query();
        assertSame(canvas, canvas.getScene().getFocusOwner(), "the focus after opening a picture");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.myDigits.list().size() == 1);
        assertEquals(java.util.List.of("open image"), app.dialogs.asked, "Enter opened a dialog instead of keeping the picture");
    }

    @Test
    void aClearIsUndoneAndKeepingTwiceKeepsOnce(FxRobot robot) throws Exception {
        openDraw(robot);
        smallest(robot);
        app.stroke(robot, new double[]{160, 50}, new double[]{160, 120}, new double[]{160, 190}, new double[]{160, 270});
        assertEquals(1, awaitPrediction());
        assertWhole(robot.lookup("#keepButton").queryButton());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm().strokes().isEmpty());
        assertFalse(robot.lookup("#undoButton").queryButton().isDisabled(), "an accidental clear can be undone");
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(1, awaitPrediction());
        assertEquals(1, vm().strokes().size());

        robot.type(KeyCode.ENTER);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.myDigits.list().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Already kept: this drawing is in My digits as 1", robot.lookup("#collectedLabel").queryAs(Label.class).getText());
        // cleared and brought back, the same drawing is recognised by the collection
        robot.type(KeyCode.ESCAPE);
        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertEquals(1, awaitPrediction());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#collectedLabel").queryAs(Label.class).getText().startsWith("Already in My digits as 1"));
        assertEquals(1, app.myDigits.list().size(), "kept once");
        assertTrue(app.dialogs.errors.isEmpty(), app.dialogs.errors.toString());
    }

    /**
     * The pen's slider reads as a control that is on, in every theme: its thumb in the theme's accent colour (Primer Dark
     * drew it in its text's grey, which a trial took for a slider turned off), at 3:1 at least against its track and
     * against the toolbar around it (WCAG 1.4.11).
     */
    @Test
    void thePenSlidersThumbReadsAsOnInEveryTheme(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Draw");
        java.util.List<String> failures = new java.util.ArrayList<>();
        StringBuilder figures = new StringBuilder();
        try {
            for (io.digitstudio.ui.widgets.Theme theme : io.digitstudio.ui.widgets.Theme.values()) {
                robot.interact(() -> app.services.appearance().themeProperty().set(theme));
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> {
                    javafx.scene.control.Slider slider = robot.lookup("#penWidth").queryAs(javafx.scene.control.Slider.class);
                    // the colour the theme gives what is on and chosen (a checked box, the default button), read as CSS resolves it here
                    javafx.scene.layout.Region accentProbe = new javafx.scene.layout.Region();
                    accentProbe.setStyle("-fx-background-color: -color-accent-emphasis;");
                    accentProbe.setManaged(false);
                    accentProbe.setVisible(false);
                    ((javafx.scene.layout.Pane) slider.getParent()).getChildren().add(accentProbe);
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    javafx.scene.paint.Color accent = (javafx.scene.paint.Color) accentProbe.getBackground().getFills().get(0).getFill();
                    ((javafx.scene.layout.Pane) slider.getParent()).getChildren().remove(accentProbe);

                    javafx.scene.layout.Region thumb = (javafx.scene.layout.Region) slider.lookup(".thumb");
                    javafx.scene.layout.Region track = (javafx.scene.layout.Region) slider.lookup(".track");
                    javafx.scene.paint.Color around = Looks.behind(slider, stage.getScene());
                    javafx.scene.paint.Color edge = Looks.colourAt(thumb, 0.5, thumb.getHeight() / 2, around);
                    javafx.scene.paint.Color middle = Looks.colourAt(thumb, thumb.getWidth() / 2, thumb.getHeight() / 2, around);
                    javafx.scene.paint.Color onTrack = Looks.colourAt(track, track.getWidth() / 2, track.getHeight() / 2, around);
                    double againstTrack = io.digitstudio.ui.widgets.Contrast.ratio(edge, onTrack);
                    double againstBar = io.digitstudio.ui.widgets.Contrast.ratio(edge, around);
                    String where = theme.id() + ": the thumb " + Looks.web(edge) + "/" + Looks.web(middle);
                    figures.append(String.format(java.util.Locale.ROOT, "%s against the track %s %.2f:1, against the toolbar %s %.2f:1; accent %s%n", where,
                            Looks.web(onTrack), againstTrack, Looks.web(around), againstBar, Looks.web(accent)));
                    if (!edge.equals(accent) || !middle.equals(accent)) failures.add(where + " is not the accent colour " + Looks.web(accent));
                    if (againstTrack < 3) failures.add(String.format(java.util.Locale.ROOT, "%s on its track %s: %.2f:1", where, Looks.web(onTrack), againstTrack));
                    if (againstBar < 3) failures.add(String.format(java.util.Locale.ROOT, "%s on the toolbar %s: %.2f:1", where, Looks.web(around), againstBar));
                });
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(io.digitstudio.ui.widgets.Theme.LIGHT));
        }
        Figures.write("slider-thumb", figures);
        assertEquals(java.util.List.of(), failures);
    }
}
