package io.digitstudio.ui.evaluate;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.Rng;
import io.digitstudio.io.IdxWriter;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.train.ConfusionMatrix;
import io.digitstudio.train.Evaluator;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The Evaluate view's model under plain JUnit: an evaluation of the active model, a folder's test set, a run followed, exports. */
class EvaluateViewModelTest {
    @TempDir
    Path dir;
    private static ActiveModel builtIn;
    private final TestDialogs dialogs = new TestDialogs();
    private final ModelManager models = new ModelManager(new SameThreadTasks(), dialogs, RecentModels.inMemory());
    private final EvaluateViewModel vm = new EvaluateViewModel(new SameThreadTasks(), dialogs, models);

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
        builtIn = ActiveModel.of(ModelFiles.loadDefault().model(), "built-in", ModelInfo.NONE, null);
    }

    @Test
    void theActiveModelIsEvaluatedOnTheTestSetWithItsMatrixAndWorstPairs() {
        vm.evaluate();
        assertEquals("No model yet", vm.statusProperty().get());
        models.adopt(builtIn);
        vm.evaluate();
        EvaluateViewModel.Evaluation e = vm.evaluationProperty().get();
        assertNotNull(e, vm.statusProperty().get());
        assertFalse(e.live());
        assertEquals(10_000, e.matrix().total());
        Evaluator.Result r = new Evaluator(Mnist.bundled().test(), 256).evaluate(builtIn.model());
        assertEquals(r.accuracy(), e.matrix().accuracy(), 1e-9, "the matrix counts what the evaluator counts");
        assertEquals(r.loss(), e.loss(), 1e-6);
        assertTrue(vm.statusProperty().get().startsWith(String.format(java.util.Locale.ROOT, "Accuracy %.2f%% on 10,000 images (", 100 * r.accuracy())),
                vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains(" · most confused:  "), vm.statusProperty().get());
        // another set, or another model, and the matrix shown no longer says what it is: it goes
        vm.splitProperty().set(EvaluateViewModel.Split.TRAINING);
        assertNull(vm.evaluationProperty().get());
        vm.splitProperty().set(EvaluateViewModel.Split.TEST);
        vm.evaluate();
        models.adopt(ActiveModel.of(Network.mlp(new Rng(1), 784, 10, 10), "untrained", ModelInfo.NONE, null));
        assertNull(vm.evaluationProperty().get());
    }

    /** A folder with only the two test files, as a user's own test set would be. */
    private Path testOnlyFolder(int n) throws Exception {
        LabeledImages test = Mnist.bundled().test().head(n);
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        float[] x = new float[784];
        for (int i = 0; i < n; i++) {
            test.copyFeatures(i, x, 0);
            for (int j = 0; j < 784; j++) pixels[i * 784 + j] = (byte) Math.round(x[j] * 255);
            labels[i] = (byte) test.label(i);
        }
        Path folder = Files.createDirectory(dir.resolve("mine"));
        IdxWriter.images(folder.resolve("t10k-images-idx3-ubyte"), pixels, n, 28, 28);
        IdxWriter.labels(folder.resolve("t10k-labels-idx1-ubyte"), labels);
        return folder;
    }

    @Test
    void aFoldersTestSetIsEvaluatedWithoutItsTrainingFiles() throws Exception {
        models.adopt(builtIn);
        vm.splitProperty().set(EvaluateViewModel.Split.FOLDER);
        vm.evaluate();
        assertEquals("Choose a folder of IDX files first", vm.statusProperty().get());
        vm.splitProperty().set(EvaluateViewModel.Split.TEST);
        assertFalse(vm.chooseFolder(), "cancelled");
        assertEquals(EvaluateViewModel.Split.TEST, vm.splitProperty().get(), "the set stays as it was");
        Path folder = testOnlyFolder(300);
        dialogs.willChoose(folder);
        assertTrue(vm.chooseFolder());
        assertEquals(EvaluateViewModel.Split.FOLDER, vm.splitProperty().get());
        assertEquals(folder, vm.folderProperty().get());
        vm.evaluate();
        EvaluateViewModel.Evaluation e = vm.evaluationProperty().get();
        assertNotNull(e, vm.statusProperty().get());
        assertEquals(300, e.matrix().total());
        assertEquals("mine test", e.set().name());
    }

    @Test
    void aModelThatDoesNotFitTheImagesIsRefusedWithWhy() {
        models.adopt(ActiveModel.of(Network.mlp(new Rng(1), 64, 10, 10), "tiny", ModelInfo.NONE, null));
        vm.evaluate();
        assertNull(vm.evaluationProperty().get());
        assertEquals("Could not evaluate: the model takes 64 inputs; these images have 784", vm.statusProperty().get());
    }

    /** A matrix of ten classes from (truth, predicted) pairs. */
    private static ConfusionMatrix matrix(int[][] pairs) {
        long[][] counts = new long[10][10];
        for (int[] p : pairs) counts[p[0]][p[1]]++;
        return ConfusionMatrix.ofCounts(counts);
    }

    @Test
    void aRunsValidationIsFollowedAndItsCellsOpenOnceItsNetworkIsActive() {
        Network net = Network.mlp(new Rng(2), 784, 10, 10);
        ConfusionMatrix m = matrix(new int[][]{{1, 1}, {2, 2}, {2, 3}, {3, 3}});
        vm.showValidation(2, m, 0.5, net, io.digitstudio.data.ClassNames.numbers(10));
        EvaluateViewModel.Evaluation e = vm.evaluationProperty().get();
        assertTrue(e.live());
        // a pair is held together by no-break spaces, so a narrow window wraps the line between pairs only
        assertEquals("Training: epoch 2, validation accuracy 75.00% on 4 images · most confused:  2\u00a0→\u00a03:\u00a01", vm.statusProperty().get());
        assertFalse(vm.cellsOpen());
        assertEquals("The gallery shows these images once the run has ended and its model is active", vm.statusProperty().get());
        models.adopt(ActiveModel.of(net, "run", ModelInfo.NONE, null));
        assertSame(m, vm.evaluationProperty().get().matrix(), "the run's matrix stays when its network becomes the active model");
        assertTrue(vm.cellsOpen());
        vm.followTrainingProperty().set(false);
        vm.showValidation(3, matrix(new int[][]{{1, 1}}), 0.1, net, io.digitstudio.data.ClassNames.numbers(10));
        assertSame(m, vm.evaluationProperty().get().matrix(), "not following: the next epoch does not replace it");
    }

    /** A run that has ended with its model kept out of use: a cell waits only for that model, and says so. */
    @Test
    void aCellOfAnEndedRunWhoseModelIsNotInUseSaysOnlyThatModelIsAwaited() {
        ActiveModel inUse = ActiveModel.of(Network.mlp(new Rng(3), 784, 10, 10), "kept", ModelInfo.NONE, null);
        models.adopt(inUse);
        ConfusionMatrix m = matrix(new int[][]{{1, 1}, {2, 2}});
        vm.showValidation(1, m, 0.5, Network.mlp(new Rng(2), 784, 10, 10), io.digitstudio.data.ClassNames.numbers(10));
        vm.runEnded();
        assertFalse(vm.cellOpens(1, 1));
        assertEquals("The gallery shows these images once the run's model is active (Draw and Samples use kept)", vm.statusProperty().get());
        // the next run's first epoch: that run is under way
        vm.showValidation(1, m, 0.5, Network.mlp(new Rng(4), 784, 10, 10), io.digitstudio.data.ClassNames.numbers(10));
        assertFalse(vm.cellOpens(1, 1));
        assertEquals("The gallery shows these images once the run has ended and its model is active", vm.statusProperty().get());
    }

    @Test
    void whenTheModelInUseChangesUnderAValidationTheStatusSaysSoNotTheOldEpoch() {
        Network net = Network.mlp(new Rng(2), 784, 10, 10);
        vm.showValidation(3, matrix(new int[][]{{1, 1}, {2, 2}, {2, 3}, {3, 3}}), 0.5, net, io.digitstudio.data.ClassNames.numbers(10));
        assertTrue(vm.statusProperty().get().startsWith("Training: epoch 3, validation accuracy 75.00%"), vm.statusProperty().get());
        // the run's model was not kept, and the user puts another model to use (Undo, Recent): the matrix goes, and
        // the status, which told of epoch 3, says what is now true
        models.adopt(builtIn);
        assertNull(vm.evaluationProperty().get());
        assertEquals("Nothing evaluated yet: choose a set and press Evaluate", vm.shownProperty().get());
        assertEquals("Draw and Samples now use built-in", vm.statusProperty().get(), "the line over the empty matrix says what to do");
        // an evaluation's accuracy goes with its matrix when another set is chosen
        vm.evaluate();
        assertTrue(vm.statusProperty().get().startsWith("Accuracy "), vm.statusProperty().get());
        vm.splitProperty().set(EvaluateViewModel.Split.TRAINING);
        assertNull(vm.evaluationProperty().get());
        assertEquals("Cleared the matrix: the next evaluation is of the training set with built-in", vm.statusProperty().get());
    }

    /**
     * A trial: a run ended (its model in use), then My digits → Fine-tune → Accept put another to use, and the status
     * still said "Draw and Samples now use run …: press Evaluate", though Evaluate then measured the fine-tuned model.
     */
    @Test
    void whatTheStatusSaysOfTheModelInUseFollowsEachChange() {
        Network net = Network.mlp(new Rng(2), 784, 10, 10);
        ActiveModel tuned = ActiveModel.of(builtIn.model(), "fine-tuned built-in", ModelInfo.NONE, null);
        vm.showValidation(3, matrix(new int[][]{{1, 1}, {2, 2}, {2, 3}, {3, 3}}), 0.5, net, io.digitstudio.data.ClassNames.numbers(10));
        models.adopt(builtIn);
        assertEquals("Draw and Samples now use built-in", vm.statusProperty().get());
        models.adopt(tuned);
        assertEquals("Draw and Samples now use fine-tuned built-in", vm.statusProperty().get());
        // what the set box's change said names the model in use too
        vm.splitProperty().set(EvaluateViewModel.Split.TEST);
        vm.evaluate();
        vm.splitProperty().set(EvaluateViewModel.Split.TRAINING);
        assertEquals("Cleared the matrix: the next evaluation is of the training set with fine-tuned built-in", vm.statusProperty().get());
        models.adopt(builtIn);
        assertEquals("Cleared the matrix: the next evaluation is of the training set with built-in", vm.statusProperty().get());
    }

    /**
     * A trial pressed Evaluate before any model was in use: "No model yet" stayed after a run's model was put to use.
     * The line names the model once one is in use.
     */
    @Test
    void noModelYetIsRewrittenOnceAModelIsInUse() {
        vm.evaluate();
        assertEquals("No model yet", vm.statusProperty().get());
        models.adopt(builtIn);
        assertEquals("Draw and Samples now use built-in", vm.statusProperty().get());
        ActiveModel run = ActiveModel.of(Network.mlp(new Rng(3), 784, 10, 10), "run 0b73e32a", ModelInfo.NONE, null);
        models.adopt(run);
        assertEquals("Draw and Samples now use run 0b73e32a", vm.statusProperty().get());
    }

    @Test
    void aModelNotInUseIsEvaluatedWithoutReplacingTheOneInUse() {
        models.adopt(builtIn);
        // Runs → Evaluate: a weaker run's model, evaluated here only
        ActiveModel run = ActiveModel.of(Network.mlp(new Rng(3), 784, 10, 10), "run 0b73e32a", ModelInfo.NONE, null);
        vm.evaluate(run);
        assertSame(builtIn, models.activeProperty().get(), "Draw, Samples and Inside keep the model in use");
        EvaluateViewModel.Evaluation e = vm.evaluationProperty().get();
        assertSame(run, e.model());
        assertEquals(new Evaluator(Mnist.bundled().test(), 256).evaluate(run.model()).accuracy(), e.matrix().accuracy(), 1e-9);
        assertEquals("run 0b73e32a on the test set, 10,000 images (not in use: Draw and Samples use built-in)", vm.shownProperty().get());
        // its cells open their images in the gallery with the run's answers (a trial's click only said to put the
        // model to use first), and the status says whose answers they are
        int[] cell = null;
        for (int t = 0; t < 10 && cell == null; t++) for (int p = 0; p < 10; p++) if (e.matrix().count(t, p) > 0) { cell = new int[]{t, p}; break; }
        assertTrue(vm.cellOpens(cell[0], cell[1]));
        assertEquals("The gallery shows the cell's images with run 0b73e32a's answers; Draw and Inside keep built-in", vm.statusProperty().get());
        assertSame(builtIn, models.activeProperty().get(), "the model in use stays");
        // another model put to use leaves the run's matrix as it is: it was never the one in use
        ActiveModel other = ActiveModel.of(builtIn.model(), "built-in again", ModelInfo.NONE, null);
        models.adopt(other);
        assertSame(e, vm.evaluationProperty().get());
        assertEquals("run 0b73e32a on the test set, 10,000 images (not in use: Draw and Samples use built-in again)", vm.shownProperty().get());
        // the status said which model Draw and Inside keep: it names the one in use now (a trial saw it two models late)
        assertEquals("The gallery shows the cell's images with run 0b73e32a's answers; Draw and Inside keep built-in again", vm.statusProperty().get());
        assertTrue(vm.cellOpens(cell[0], cell[1]));
        assertEquals("The gallery shows the cell's images with run 0b73e32a's answers; Draw and Inside keep built-in again", vm.statusProperty().get());
        // the run's model put to use: its cells open as the model in use's
        models.adopt(run);
        assertTrue(vm.cellOpens(cell[0], cell[1]));
        models.adopt(other);
        // Evaluate evaluates the model in use again
        vm.evaluate();
        assertSame(other, vm.evaluationProperty().get().model());
        assertEquals("built-in again on the test set, 10,000 images", vm.shownProperty().get());
    }

    @Test
    void anEmptyCellOpensNoEmptyGalleryAndTheStatusSaysWhy() {
        Network net = Network.mlp(new Rng(2), 784, 10, 10);
        ConfusionMatrix m = matrix(new int[][]{{3, 3}, {3, 5}, {5, 5}, {5, 5}});
        vm.showValidation(2, m, 0.5, net, io.digitstudio.data.ClassNames.numbers(10), Mnist.BUNDLED_SOURCE);
        models.adopt(ActiveModel.of(net, "run", ModelInfo.NONE, null));
        assertTrue(vm.cellOpens(3, 5), "a cell with images opens");
        String before = vm.statusProperty().get();
        assertTrue(vm.cellOpens(3, 3));
        assertEquals(before, vm.statusProperty().get(), "opening a cell says nothing in the status");
        assertFalse(vm.cellOpens(5, 3), "no image labelled 5 was predicted 3");
        assertEquals("No images in this cell: no image labelled 5 in the run's validation (4 test images of MNIST (bundled)) was predicted 3",
                vm.statusProperty().get());
        models.adopt(builtIn);
        vm.evaluate();
        ConfusionMatrix test = vm.evaluationProperty().get().matrix();
        int[] empty = null;
        for (int t = 0; t < 10 && empty == null; t++) for (int p = 0; p < 10; p++) if (test.count(t, p) == 0) { empty = new int[]{t, p}; break; }
        assertNotNull(empty, "the built-in model never confuses some pair on the test set");
        assertFalse(vm.cellOpens(empty[0], empty[1]));
        assertEquals("No images in this cell: no image labelled " + empty[0] + " in the test set was predicted " + empty[1], vm.statusProperty().get());
    }

    @Test
    void theSetBoxNamesTheSetTheMatrixShowsWithItsRealCount() {
        assertEquals("Test set (10,000)", vm.setShownProperty().get());
        assertEquals(Mnist.bundled().test().size(), EvaluateViewModel.BUILT_IN_TEST, "the box's count is the set's");
        assertEquals(Mnist.bundled().train().size(), EvaluateViewModel.BUILT_IN_TRAINING);
        assertEquals("Training set (60,000)", vm.setName(EvaluateViewModel.Split.TRAINING));
        // a stopped run's last validation, on a part of the test set: the box and the line over the matrix say so
        Network net = Network.mlp(new Rng(2), 784, 10, 10);
        long[][] counts = new long[10][10];
        for (int c = 0; c < 10; c++) counts[c][c] = 200;
        vm.showValidation(2, ConfusionMatrix.ofCounts(counts), 0.3, net, io.digitstudio.data.ClassNames.numbers(10), Mnist.BUNDLED_SOURCE);
        assertEquals("Run's validation (2,000)", vm.setShownProperty().get());
        assertEquals("Epoch 2's validation of the training run, on 2,000 images of the test set of MNIST (bundled)", vm.shownProperty().get());
        // choosing a set names it in the box again (the line over the matrix still says what the matrix is)
        vm.splitProperty().set(EvaluateViewModel.Split.TRAINING);
        assertEquals("Training set (60,000)", vm.setShownProperty().get());
        assertTrue(vm.evaluationProperty().get().live());
        vm.showValidation(3, ConfusionMatrix.ofCounts(counts), 0.2, net, io.digitstudio.data.ClassNames.numbers(10), Mnist.BUNDLED_SOURCE);
        assertEquals("Run's validation (2,000)", vm.setShownProperty().get());
        // evaluating names the set evaluated
        models.adopt(builtIn);
        vm.splitProperty().set(EvaluateViewModel.Split.TEST);
        vm.showValidation(4, ConfusionMatrix.ofCounts(counts), 0.2, net, io.digitstudio.data.ClassNames.numbers(10), Mnist.BUNDLED_SOURCE);
        vm.evaluate();
        assertEquals("Test set (10,000)", vm.setShownProperty().get());
        assertEquals(10_000, vm.evaluationProperty().get().matrix().total());
    }

    @Test
    void theMatrixIsExportedAsCsvWhereTheUserSays() throws Exception {
        vm.exportCsv();
        assertTrue(dialogs.asked.isEmpty(), "nothing to export, nothing asked");
        models.adopt(builtIn);
        vm.evaluate();
        Path csv = dir.resolve("confusion.csv");
        dialogs.willChoose(csv);
        vm.exportCsv();
        assertEquals("Saved " + csv, vm.statusProperty().get());
        assertEquals(vm.evaluationProperty().get().matrix().csv(io.digitstudio.data.ClassNames.numbers(10)), Files.readString(csv));
        dialogs.willChoose(dir.resolve("missing/confusion.csv"));
        vm.exportCsv();
        assertTrue(vm.statusProperty().get().startsWith("Export failed: could not save confusion.csv"), vm.statusProperty().get());
    }

    /**
     * An evaluation says which built-in set it classified, whatever the model (here one as a fine-tuning leaves: not
     * the built-in, from its own file), so that a cell opens in the gallery as that set; a run's validation and a
     * folder's set are not a built-in set, even when a validation is of all 10,000 test images.
     */
    @Test
    void anEvaluationOfAnyModelSaysWhichBuiltInSetItClassified() throws Exception {
        ActiveModel tuned = ActiveModel.of(builtIn.model(), "fine-tuned-20261207-081500", ModelInfo.NONE, dir.resolve("fine-tuned-20261207-081500.npz"));
        models.adopt(tuned);
        vm.evaluate();
        EvaluateViewModel.Evaluation test = vm.evaluationProperty().get();
        assertNotNull(test, vm.statusProperty().get());
        assertEquals(EvaluateViewModel.Split.TEST, test.builtInSet());
        assertEquals("the test set", test.setLabel());
        vm.splitProperty().set(EvaluateViewModel.Split.TRAINING);
        vm.evaluate();
        EvaluateViewModel.Evaluation training = vm.evaluationProperty().get();
        assertNotNull(training, vm.statusProperty().get());
        assertEquals(60_000, training.matrix().total());
        assertEquals(EvaluateViewModel.Split.TRAINING, training.builtInSet());
        assertEquals("the training set", training.setLabel());

        ConfusionMatrix all = new Evaluator(Mnist.bundled().test(), 256).tallyConfusion(true).evaluate(tuned.model()).confusion();
        vm.showValidation(1, all, 0.2, tuned.model(), io.digitstudio.data.ClassNames.numbers(10), "MNIST + my digits", Mnist.bundled().test());
        assertNull(vm.evaluationProperty().get().builtInSet(), "a run's validation: the gallery tells by its images");

        Path folder = testOnlyFolder(50);
        dialogs.willChoose(folder);
        assertTrue(vm.chooseFolder());
        vm.evaluate();
        assertEquals(50, vm.evaluationProperty().get().matrix().total(), vm.statusProperty().get());
        assertNull(vm.evaluationProperty().get().builtInSet());
    }

    @Test
    void aRunsValidationKeepsTheImagesItClassifiedAndEachCellKnowsWhich() {
        // a run validating on the first 500 test images: the matrix its evaluator counted (as the training loop's does)
        LabeledImages validation = Mnist.bundled().test().head(500);
        Network net = builtIn.model();
        ConfusionMatrix m = new Evaluator(validation, 128).tallyConfusion(true).evaluate(net).confusion();
        vm.showValidation(2, m, 0.3, net, io.digitstudio.data.ClassNames.numbers(10), Mnist.BUNDLED_SOURCE, validation);
        EvaluateViewModel.Evaluation e = vm.evaluationProperty().get();
        assertEquals(500, e.set().size(), "the run's validation images, not the whole test set");
        assertEquals("Run's validation (500)", e.set().name());
        assertEquals("the run's validation (500 test images of MNIST (bundled))", e.setLabel());
        ConfusionMatrix.Pair worst = m.mostConfused(1).get(0);
        int[] cell = m.examples(worst.truth(), worst.predicted());
        assertEquals(worst.count(), cell.length);
        for (int i : cell) assertEquals(worst.truth(), e.set().label(i));
    }
}
