package io.digitstudio.ui.draw;

import io.digitstudio.ui.Strokes;
import io.digitstudio.mydigits.MyDigit;
import io.digitstudio.mydigits.MyDigits;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.read.ReadDigit;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** The Draw view's view model under plain JUnit: strokes go in as a pen would draw them, answers come out at once. */
class DrawViewModelTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    private final SameThreadTasks tasks = new SameThreadTasks();
    private final TestDialogs dialogs = new TestDialogs();
    private final ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
    private final DrawViewModel vm;
    private final List<Integer> kept = new ArrayList<>();

    DrawViewModelTest() {
        models.loadBuiltIn();
        vm = new DrawViewModel(tasks, dialogs, models);
    }

    private void stroke(double[]... points) {
        vm.beginStroke(points[0][0], points[0][1]);
        for (int i = 1; i < points.length; i++) vm.extendStroke(points[i][0], points[i][1]);
        vm.endStroke();
    }

    private void one() {
        stroke(new double[]{160, 50}, new double[]{160, 120}, new double[]{160, 190}, new double[]{160, 270});
    }

    /** 1, 0 and 7 side by side. */
    private void oneHundredSeven() {
        stroke(new double[]{50, 90}, new double[]{50, 160}, new double[]{50, 230});
        stroke(Strokes.loop(135, 160, 38, 72));
        stroke(new double[]{205, 90}, new double[]{285, 90}, new double[]{250, 160}, new double[]{228, 232});
    }

    @Test
    void aNumberIsAnsweredWholeAndEachOfItsDigitsCanBeLookedAt() {
        assertEquals(DrawViewModel.NO_ANSWER, vm.answerProperty().get());
        assertEquals(DrawViewModel.HINT, vm.hintProperty().get());
        assertEquals("", vm.detailProperty().get(), "the empty canvas asks for a digit; the answer's place says nothing");
        oneHundredSeven();
        assertEquals("107", vm.answerProperty().get());
        assertTrue(vm.detailProperty().get().startsWith("3 digits · least sure "), vm.detailProperty().get());
        assertNull(vm.predictionProperty().get(), "a number has no single guess to keep");
        // the least sure digit is shown first: its input and its probabilities
        List<ReadDigit> digits = vm.readingProperty().get().digits();
        int shown = vm.selectedDigitProperty().get();
        for (ReadDigit d : digits) assertTrue(d.prediction().confidence() >= digits.get(shown).prediction().confidence());
        assertSame(digits.get(shown).input(), vm.inputProperty().get());
        assertSame(digits.get(shown).prediction(), vm.shownPredictionProperty().get());
        for (int i = 0; i < 3; i++) {
            vm.selectDigit(i);
            assertEquals(i, vm.selectedDigitProperty().get());
            assertSame(digits.get(i).input(), vm.inputProperty().get());
            assertEquals("107".charAt(i) - '0', vm.shownPredictionProperty().get().label());
        }
        // a clear leaves no trace of the number
        vm.clear();
        assertEquals(DrawViewModel.NO_ANSWER, vm.answerProperty().get());
        assertEquals(DrawViewModel.HINT, vm.hintProperty().get());
        assertEquals("", vm.detailProperty().get());
        assertNull(vm.inputProperty().get());
        assertNull(vm.shownPredictionProperty().get());
        assertEquals(-1, vm.selectedDigitProperty().get());
    }

    /**
     * How the canvas looks is the looks only: the same strokes give the same input, bit for bit, with MNIST's white on
     * black or the theme's colours, and switching the option asks the model nothing new.
     */
    @Test
    void theCanvasLooksLeaveTheNetworksInputAlone() {
        one();
        float[] themed = vm.inputProperty().get().clone();
        int answer = vm.predictionProperty().get().label();
        var shown = vm.predictionProperty().get();
        vm.mnistCanvasProperty().set(true);
        assertSame(shown, vm.predictionProperty().get(), "the option is no new question for the model");
        vm.clear();
        one();
        assertArrayEquals(themed, vm.inputProperty().get(), "the same input with MNIST's white on black");
        assertEquals(answer, vm.predictionProperty().get().label());
        assertFalse(new DrawViewModel(tasks, dialogs, models).mnistCanvasProperty().get(), "the canvas follows the theme unless asked");
    }

    @Test
    void oneDigitIsAnsweredWithHowSureTheModelIs() {
        one();
        assertEquals("1", vm.answerProperty().get());
        assertTrue(vm.detailProperty().get().matches("\\d+\\.\\d% sure"), vm.detailProperty().get());
        assertSame(vm.predictionProperty().get(), vm.shownPredictionProperty().get());
        assertEquals(0, vm.selectedDigitProperty().get());
    }

    /**
     * The time an answer took belongs to that answer: a clear takes it away with the answer, and an Undo that brings the
     * drawing back brings its answer back with its own time; a picture with nothing to read has no time either.
     */
    @Test
    void theTimeOfAnAnswerGoesWithTheAnswer() throws Exception {
        assertTrue(Double.isNaN(vm.latencyMillisProperty().get()), "no answer, no time");
        one();
        assertEquals("1", vm.answerProperty().get());
        assertTrue(vm.latencyMillisProperty().get() >= 0, "the answer's time: " + vm.latencyMillisProperty().get());
        vm.clear();
        assertEquals(DrawViewModel.NO_ANSWER, vm.answerProperty().get());
        assertTrue(Double.isNaN(vm.latencyMillisProperty().get()), "cleared with its answer: " + vm.latencyMillisProperty().get());
        vm.undo();
        assertEquals("1", vm.answerProperty().get());
        assertTrue(vm.latencyMillisProperty().get() >= 0, "the drawing back, its answer back with its time");

        Path blank = dir.resolve("blank.png");
        java.awt.image.BufferedImage white = new java.awt.image.BufferedImage(200, 200, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = white.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 200, 200);
        g.dispose();
        javax.imageio.ImageIO.write(white, "png", blank.toFile());
        vm.classifyImage(blank);
        assertEquals(DrawViewModel.NO_ANSWER, vm.answerProperty().get(), vm.detailProperty().get());
        assertTrue(vm.detailProperty().get().startsWith("Nothing to read"), vm.detailProperty().get());
        assertTrue(Double.isNaN(vm.latencyMillisProperty().get()), "nothing read, no time: " + vm.latencyMillisProperty().get());
    }

    /**
     * A camera's picture of a digit (here 4000x3000, a 12-megapixel photo) is read at the size the canvas can use: a
     * trial's 24-megapixel photo was read at 6 megapixels, and the canvas's image and the reading's copies of it ran
     * the window out of memory, leaving Draw on "Opening…" until a restart.
     */
    @Test
    void aCamerasPictureIsReadAtASizeTheCanvasCanUse() throws Exception {
        java.awt.image.BufferedImage seven = new io.digitstudio.data.DrawnDigitsAccess(3).draw(7, 200);
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(4000, 3000, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = photo.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(seven, 0, 0, 4000, 3000, null); // the drawn seven, photographed large
        g.dispose();
        Path jpg = dir.resolve("photo.jpg");
        javax.imageio.ImageIO.write(photo, "jpg", jpg.toFile());
        vm.classifyImage(jpg);
        var shown = vm.imageProperty().get();
        assertNotNull(shown);
        assertTrue((long) shown.width() * shown.height() <= DrawViewModel.PICTURE_PIXELS,
                "read at " + shown.width() + "x" + shown.height());
        assertEquals(4.0 / 3, (double) shown.width() / shown.height(), 0.01, "its proportions kept");
        assertEquals("7", vm.answerProperty().get());
        assertFalse(vm.busyProperty().get(), "the wait is over");
    }

    @Test
    void aClearAndAnOpenedPictureCanBeUndoneLikeAStroke() throws Exception {
        assertFalse(vm.canUndoProperty().get(), "nothing to undo on a new canvas");
        one();
        stroke(new double[]{100, 60}, new double[]{220, 60});
        vm.clear();
        assertTrue(vm.strokes().isEmpty());
        assertTrue(vm.canUndoProperty().get(), "a clear can be taken back");
        vm.undo();
        assertEquals(2, vm.strokes().size(), "the clear is undone: both strokes are back");
        vm.undo();
        assertEquals(1, vm.strokes().size());
        assertEquals("1", vm.answerProperty().get());

        Path png = dir.resolve("seven.png");
        javax.imageio.ImageIO.write(new io.digitstudio.data.DrawnDigitsAccess(3).draw(7, 200), "png", png.toFile());
        vm.classifyImage(png);
        assertNotNull(vm.imageProperty().get());
        assertTrue(vm.strokes().isEmpty());
        assertEquals("7", vm.answerProperty().get());
        vm.clear();
        vm.undo();
        assertNotNull(vm.imageProperty().get(), "the cleared picture is back");
        assertEquals("7", vm.answerProperty().get());
        vm.undo();
        assertNull(vm.imageProperty().get(), "before the picture: the drawing");
        assertEquals(1, vm.strokes().size());
        vm.undo();
        assertTrue(vm.strokes().isEmpty());
        assertFalse(vm.canUndoProperty().get());
        // clearing an empty canvas is not a change to undo
        vm.clear();
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void keepingTheSameDrawingTwiceKeepsItOnceAndSaysSo() {
        vm.setCollector((x, label, strokes, origin, source) -> {
            kept.add(label);
            return CompletableFuture.completedFuture(null);
        });
        one();
        assertTrue(vm.keep());
        assertEquals("Kept: added to My digits as 1", vm.collectedProperty().get());
        assertTrue(vm.keep(), "the second Enter is taken (not passed on), but keeps nothing");
        assertTrue(vm.correct(1));
        assertEquals(List.of(1), kept);
        assertEquals("Already kept: this drawing is in My digits as 1", vm.collectedProperty().get());
        // a new stroke is a new drawing
        stroke(new double[]{130, 60}, new double[]{190, 60});
        assertTrue(vm.keep());
        assertEquals(2, kept.size());

        // the collection itself recognises the same digit coming back (after an undo, or the same file opened again)
        MyDigit there = new MyDigit("abc12345", 1, new byte[28 * 28], List.of(), "drawn", Instant.EPOCH);
        vm.setCollector((x, label, strokes, origin, source) -> CompletableFuture.failedFuture(new MyDigits.Duplicate(there)));
        vm.undo();
        assertTrue(vm.keep());
        assertEquals("Already in My digits as 1 (the same picture)", vm.collectedProperty().get());
        assertTrue(vm.keep());
        assertEquals("Already in My digits as 1 (the same picture)", vm.collectedProperty().get());
    }

    /**
     * The trial drew a 1, kept it, then drew a 7 over it (the canvas still held the 1) and kept that: My digits got a 7
     * drawn over a 1. A kept drawing is done with: the first stroke after Keep starts the next digit on a clear canvas,
     * and Undo brings the kept drawing back.
     */
    @Test
    void theFirstStrokeAfterKeepStartsTheNextDigitOnAClearCanvas() {
        List<Integer> strokesKept = new ArrayList<>();
        vm.setCollector((x, label, strokes, origin, source) -> {
            kept.add(label);
            strokesKept.add(strokes.size());
            return CompletableFuture.completedFuture(null);
        });
        one();
        assertTrue(vm.keep());
        List<io.digitstudio.data.PenStroke> theOne = List.copyOf(vm.strokes());
        stroke(new double[]{130, 60}, new double[]{190, 60}, new double[]{150, 260});
        assertEquals(1, vm.strokes().size(), "only the new stroke is on the canvas");
        assertEquals("", vm.collectedProperty().get(), "the Kept line went with the kept drawing");
        // the digit's second stroke joins its first: that canvas was not kept
        stroke(new double[]{140, 160}, new double[]{190, 160});
        assertEquals(2, vm.strokes().size());
        assertTrue(vm.keep());
        assertEquals(List.of(1, 2), strokesKept, "each digit kept alone");
        vm.undo();
        vm.undo();
        assertEquals(theOne, List.copyOf(vm.strokes()), "Undo brings back the kept drawing");
    }

    /**
     * The trial's "Kept: added to My digits as 2" left under another model's answer: the line speaks of the answer it
     * was said under, so another answer (another model in use) takes it away; the same answer again keeps it. The
     * drawing is still the one kept: Enter again says so rather than keeping it twice.
     */
    @Test
    void theKeptLineGoesWhenAnotherModelGivesAnotherAnswer() {
        vm.setCollector((x, label, strokes, origin, source) -> {
            kept.add(label);
            return CompletableFuture.completedFuture(null);
        });
        // a stroke the built-in MLP reads as a 2 and the built-in CNN as a 7
        stroke(new double[]{130, 60}, new double[]{190, 60});
        assertTrue(vm.keep());
        String before = vm.answerProperty().get() + " " + vm.detailProperty().get();
        String said = "Kept: added to My digits as " + vm.answerProperty().get();
        assertEquals(said, vm.collectedProperty().get());
        vm.predict();
        assertEquals(said, vm.collectedProperty().get(), "the same answer again: the line stays");
        models.useBuiltInCnn();
        String after = vm.answerProperty().get() + " " + vm.detailProperty().get();
        assertNotEquals(before, after, "the other model answers otherwise");
        assertEquals("", vm.collectedProperty().get(), "under " + after);
        assertTrue(vm.keep());
        assertEquals(1, kept.size(), "the drawing is kept once");
        assertTrue(vm.collectedProperty().get().startsWith("Already kept: this drawing"), vm.collectedProperty().get());
    }

    /**
     * A digit key after Keep corrects the kept digit in My digits; while a fine-tuning runs My digits refuses the
     * change (it learns from the digits as they were), and the line under the answer says so instead of "Corrected".
     */
    @Test
    void aCorrectionAfterKeepWhileAFineTuningRunsSaysWhyItWaits() {
        io.digitstudio.ui.core.TaskExecutor heldTraining = new io.digitstudio.ui.core.TaskExecutor() {
            @Override
            public <T> CompletableFuture<T> compute(java.util.concurrent.Callable<T> work) {
                return tasks.compute(work);
            }

            @Override
            public <T> CompletableFuture<T> train(java.util.concurrent.Callable<T> work) {
                return new CompletableFuture<>(); // a fine-tuning still under way
            }

            @Override
            public void onUi(Runnable r) {
                r.run();
            }
        };
        var mine = new io.digitstudio.ui.mydigits.MyDigitsViewModel(heldTraining, dialogs, models, new MyDigits(dir.resolve("mine")), null);
        vm.setCollector(mine::add);
        vm.setRelabeller(mine::relabel);
        stroke(Strokes.loop(160, 160, 50, 90));
        assertTrue(vm.keep());
        vm.clear();
        stroke(new double[]{205, 90}, new double[]{285, 90}, new double[]{250, 160}, new double[]{228, 232});
        assertTrue(vm.keep());
        vm.clear();
        one();
        assertTrue(vm.keep());
        assertEquals(3, mine.digits().size());
        mine.fineTune();
        assertTrue(mine.busyProperty().get());
        List<Integer> labels = mine.digits().stream().map(MyDigit::label).toList();
        assertTrue(vm.correct(vm.predictionProperty().get().label() == 7 ? 4 : 7));
        assertTrue(vm.collectedProperty().get().startsWith("The fine-tuning under way learns from your digits"), vm.collectedProperty().get());
        assertEquals(labels, mine.digits().stream().map(MyDigit::label).toList(), "nothing relabelled");
    }

    @Test
    void aKeepThatCouldNotBeSavedCanBeTriedAgain() {
        int[] calls = {0};
        vm.setCollector((x, label, strokes, origin, source) -> {
            calls[0]++;
            return CompletableFuture.failedFuture(new io.digitstudio.mydigits.MyDigitsException("cannot save the collection in /x: disk full; it is as it was"));
        });
        one();
        vm.keep();
        assertEquals("Cannot save the collection in /x: disk full; it is as it was", vm.collectedProperty().get());
        vm.keep();
        assertEquals(2, calls[0]);
    }
    @Test
    void whileALaunchBringsBackTheModelInUseLastTimeItNamesThatModel() throws Exception {
        Path mine = dir.resolve("mine.npz");
        io.digitstudio.io.ModelFiles.saveNpz(mine, io.digitstudio.nn.Network.mlp(new io.digitstudio.data.Rng(3), 784, 20, 10),
                io.digitstudio.io.ModelInfo.NONE);
        io.digitstudio.ui.model.ModelMemory memory = io.digitstudio.ui.model.ModelMemory.inMemory();
        memory.file(mine);
        io.digitstudio.ui.core.HeldTasks held = new io.digitstudio.ui.core.HeldTasks();
        ModelManager launch = new ModelManager(held, dialogs, RecentModels.inMemory(), memory);
        DrawViewModel draw = new DrawViewModel(held, dialogs, launch);
        launch.restore();
        assertEquals("Loading mine.npz…", draw.modelTextProperty().get());
        held.held.pollFirst().run(); // the file's title
        held.held.pollFirst().run(); // the built-in model, which comes first and is in use until the file is read
        assertNotNull(launch.builtInProperty().get());
        assertEquals("Loading mine.npz…", draw.modelTextProperty().get(), "the file is still being read");
        held.release();
        assertTrue(draw.modelTextProperty().get().startsWith("Model: mine.npz · "), draw.modelTextProperty().get());
    }

    @Test
    void aLaunchWithNothingRememberedSaysItLoadsTheBuiltInModel() {
        io.digitstudio.ui.core.HeldTasks held = new io.digitstudio.ui.core.HeldTasks();
        ModelManager launch = new ModelManager(held, dialogs, RecentModels.inMemory());
        DrawViewModel draw = new DrawViewModel(held, dialogs, launch);
        launch.restore();
        assertEquals("Loading the built-in MLP…", draw.modelTextProperty().get());
        held.release();
        assertTrue(draw.modelTextProperty().get().startsWith("Model: built-in MLP · "), draw.modelTextProperty().get());
    }

    /**
     * A picture that opens takes back the error a file that would not open left up: the error is old news, and its toast
     * covered the nearest examples of the number just read (a trial saw it stay 13 s after the answer).
     */
    @Test
    void aPictureThatOpensWithdrawsTheErrorOfOneThatWouldNot() throws Exception {
        Path bad = dir.resolve("text.png");
        java.nio.file.Files.writeString(bad, "not a picture");
        vm.classifyImage(bad);
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        String title = dialogs.errors.get(0).substring(0, dialogs.errors.get(0).indexOf(':'));
        int withdrawn = dialogs.withdrawn.size(); // the error stands until the user opens another
        Path png = dir.resolve("seven.png");
        javax.imageio.ImageIO.write(new io.digitstudio.data.DrawnDigitsAccess(3).draw(7, 200), "png", png.toFile());
        vm.classifyImage(png);
        assertEquals("7", vm.answerProperty().get());
        assertTrue(dialogs.withdrawn.subList(withdrawn, dialogs.withdrawn.size()).contains(title), dialogs.withdrawn.toString());
    }

    /**
     * Opening a picture takes seconds under load (6 to 14 s were seen: the file read, then the number in it read): from
     * the choice until its answer the view model says it is busy and what with, and the changes that would race it (a
     * clear, an undo, a second picture) wait; a failure ends it too, with one line that names the file.
     */
    @Test
    void openingAPictureIsBusyUntilItsAnswerOrItsFailure() throws Exception {
        io.digitstudio.ui.core.HeldTasks held = new io.digitstudio.ui.core.HeldTasks();
        ModelManager launch = new ModelManager(held, dialogs, RecentModels.inMemory());
        launch.loadBuiltIn();
        held.release();
        DrawViewModel draw = new DrawViewModel(held, dialogs, launch);
        draw.beginStroke(160, 50);
        draw.extendStroke(160, 160);
        draw.extendStroke(160, 270);
        draw.endStroke();
        held.release();
        assertEquals("1", draw.answerProperty().get());
        assertFalse(draw.busyProperty().get(), "a drawing's answer is no wait worth a sign");

        Path png = dir.resolve("seven.png");
        javax.imageio.ImageIO.write(new io.digitstudio.data.DrawnDigitsAccess(3).draw(7, 200), "png", png.toFile());
        draw.classifyImage(png);
        assertTrue(draw.busyProperty().get(), "reading the file");
        assertEquals("Opening seven.png…", draw.busyTextProperty().get());
        draw.clear();
        draw.undo();
        draw.classifyImage(dir.resolve("other.png"));
        assertEquals(1, draw.strokes().size(), "the drawing stays as it is while the picture is read");
        assertEquals(1, held.held.size(), "one picture read at a time");
        held.held.pollFirst().run(); // the file read; the number in it is read next
        assertNotNull(draw.imageProperty().get());
        assertTrue(draw.busyProperty().get(), "the picture read, its number not yet");
        held.release();
        assertFalse(draw.busyProperty().get());
        assertNull(draw.busyTextProperty().get());
        assertEquals("7", draw.answerProperty().get());
        draw.undo();
        assertEquals(1, draw.strokes().size(), "Undo takes back the picture once it is shown");

        Path bad = dir.resolve("notes.png");
        java.nio.file.Files.writeString(bad, "not a picture");
        draw.classifyImage(bad);
        assertTrue(draw.busyProperty().get());
        held.release();
        assertFalse(draw.busyProperty().get(), "a failure ends the wait too");
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        String error = dialogs.errors.get(0);
        assertTrue(error.contains("notes.png") && !error.contains("\n") && !error.contains("Exception"), error);
        assertEquals(1, draw.strokes().size(), "a bad file leaves the canvas as it was");
        assertEquals("1", draw.answerProperty().get());
    }

    /**
     * Under load the answer comes well after the strokes: from the request for the drawing until the newest answer the
     * view model says one is pending, so that the view can say the answer shown is for an older drawing. An older
     * answer arriving first leaves it pending; a clear ends it at once, and the cleared drawing's late answer does not
     * bring it back.
     */
    @Test
    void anAnswerIsPendingFromTheRequestUntilTheNewestAnswerOrAClear() {
        io.digitstudio.ui.core.HeldTasks held = new io.digitstudio.ui.core.HeldTasks();
        ModelManager launch = new ModelManager(held, dialogs, RecentModels.inMemory());
        launch.loadBuiltIn();
        held.release();
        DrawViewModel draw = new DrawViewModel(held, dialogs, launch);
        assertFalse(draw.pendingProperty().get(), "an empty canvas waits for nothing");
        draw.beginStroke(160, 50);
        draw.extendStroke(160, 160);
        draw.extendStroke(160, 270);
        draw.endStroke();
        assertFalse(held.held.isEmpty(), "the drawing's answer is on its way");
        assertTrue(draw.pendingProperty().get(), "asked, not answered");
        held.release();
        assertFalse(draw.pendingProperty().get(), "answered");
        assertEquals("1", draw.answerProperty().get());

        draw.beginStroke(130, 60);
        draw.extendStroke(190, 60);
        draw.endStroke();
        draw.beginStroke(120, 280);
        draw.extendStroke(200, 280);
        draw.endStroke();
        assertTrue(held.held.size() >= 2, "two strokes, two questions: " + held.held.size());
        held.held.pollFirst().run();
        assertTrue(draw.pendingProperty().get(), "an older drawing's answer came; the newest is still pending");
        held.release();
        assertFalse(draw.pendingProperty().get());

        draw.beginStroke(60, 60);
        draw.extendStroke(250, 60);
        draw.endStroke();
        assertTrue(draw.pendingProperty().get());
        draw.clear();
        assertFalse(draw.pendingProperty().get(), "a cleared canvas waits for no answer");
        held.release();
        assertFalse(draw.pendingProperty().get(), "the cleared drawing's late answer brings no wait back");
        assertEquals(DrawViewModel.NO_ANSWER, draw.answerProperty().get());
    }
}
