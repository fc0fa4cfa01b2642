package io.digitstudio.ui.samples;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.Rng;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The gallery's model under plain JUnit: the active model's answers for a set, the filters, the order and the selection. */
class SamplesViewModelTest {
    private final ModelManager models = new ModelManager(new SameThreadTasks(), new TestDialogs(), RecentModels.inMemory());

    private static ActiveModel builtIn;

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
        builtIn = ActiveModel.of(io.digitstudio.io.ModelFiles.loadDefault().model(), "built-in", ModelInfo.NONE, null);
    }

    private SamplesViewModel withBuiltIn() {
        models.adopt(builtIn);
        return new SamplesViewModel(new SameThreadTasks(), models);
    }

    private static int wrong(SamplesViewModel vm) {
        LabeledImages set = vm.imagesProperty().get();
        int n = 0;
        for (int i = 0; i < set.size(); i++) if (vm.predictedLabel(i) != set.label(i)) n++;
        return n;
    }

    @Test
    void theTestSetIsShownWithTheActiveModelsAnswersAndTheirTally() {
        SamplesViewModel vm = withBuiltIn();
        LabeledImages test = vm.imagesProperty().get();
        assertSame(Mnist.bundled().test(), test);
        assertEquals(test.size(), vm.visible().size());
        assertNotNull(vm.predictionsProperty().get());
        int wrong = wrong(vm);
        assertTrue(wrong > 0 && wrong < 500, "the built-in model is right on most: " + wrong);
        assertEquals(String.format(java.util.Locale.ROOT, "10,000 test images · built-in: %,d right, %,d wrong (%.2f%%)", 10000 - wrong, wrong,
                (10000 - wrong) / 100.0), vm.summaryProperty().get());
        assertTrue(vm.confidence(0) > 0 && vm.confidence(0) <= 1);
    }

    @Test
    void filtersShowOnlyTheMistakesOfAClassAndTheOrderFollowsConfidence() {
        SamplesViewModel vm = withBuiltIn();
        LabeledImages test = vm.imagesProperty().get();
        vm.onlyMisclassifiedProperty().set(true);
        int wrong = wrong(vm);
        assertEquals(wrong, vm.visible().size());
        for (int i : vm.visible()) assertNotEquals(test.label(i), vm.predictedLabel(i));
        // the summary says how many of the set the gallery shows, and the model's tally on the whole set
        String tally = String.format(java.util.Locale.ROOT, "built-in: %,d right, %,d wrong (%.2f%%)", 10000 - wrong, wrong, (10000 - wrong) / 100.0);
        assertEquals(String.format(java.util.Locale.ROOT, "%,d of 10,000 test images shown · %s", wrong, tally), vm.summaryProperty().get());
        assertEquals("10,000 of 10,000 test images shown · built-in: 10,000 right, 10,000 wrong (100.00%)", vm.summaryRoomProperty().get(),
                "room for the widest the filtered summary can be");
        vm.trueClassProperty().set(4);
        assertTrue(vm.visible().stream().allMatch(i -> test.label(i) == 4 && vm.predictedLabel(i) != 4));
        assertEquals(String.format(java.util.Locale.ROOT, "%,d of 10,000 test images shown · %s", vm.visible().size(), tally), vm.summaryProperty().get());
        vm.onlyMisclassifiedProperty().set(false);
        vm.orderProperty().set(SamplesViewModel.Order.LEAST_CONFIDENT_FIRST);
        List<Integer> fours = List.copyOf(vm.visible());
        assertEquals(test.size() / 10, fours.size(), 300, "about a tenth of the set are 4s");
        for (int k = 1; k < fours.size(); k++) assertTrue(vm.confidence(fours.get(k - 1)) <= vm.confidence(fours.get(k)), "least confident first");
    }

    @Test
    void aConfusionCellShowsExactlyItsImagesMostConfidentFirst() {
        SamplesViewModel vm = withBuiltIn();
        LabeledImages test = vm.imagesProperty().get();
        int truth = -1, predicted = -1;
        for (int i = 0; i < test.size() && truth < 0; i++) {
            if (vm.predictedLabel(i) != test.label(i)) {
                truth = test.label(i);
                predicted = vm.predictedLabel(i);
            }
        }
        vm.showConfusion(SamplesViewModel.Split.TEST, truth, predicted);
        int count = 0;
        for (int i = 0; i < test.size(); i++) if (test.label(i) == truth && vm.predictedLabel(i) == predicted) count++;
        assertEquals(count, vm.visible().size());
        for (int k = 1; k < vm.visible().size(); k++) assertTrue(vm.confidence(vm.visible().get(k - 1)) >= vm.confidence(vm.visible().get(k)));
    }

    @Test
    void theSelectedImageGetsItsPredictionAndLosesItWhenFilteredOut() {
        SamplesViewModel vm = withBuiltIn();
        LabeledImages test = vm.imagesProperty().get();
        vm.selectedProperty().set(0);
        assertNotNull(vm.selectedPredictionProperty().get());
        assertEquals(vm.predictedLabel(0), vm.selectedPredictionProperty().get().label());
        int other = (test.label(0) + 1) % 10;
        vm.trueClassProperty().set(other);
        assertEquals(-1, vm.selectedProperty().get(), "the detail shows only an image the gallery shows");
        assertNull(vm.selectedPredictionProperty().get());
    }

    /**
     * The summary keeps the room of the model's figures at their widest, which its view keeps for it: the summary while
     * the model predicts and once its figures come both fit in it.
     */
    @Test
    void theSummaryKeepsRoomForTheModelsFiguresAtTheirWidest() {
        SamplesViewModel vm = withBuiltIn();
        assertEquals("10,000 test images · built-in: 10,000 right, 10,000 wrong (100.00%)", vm.summaryRoomProperty().get());
        vm.splitProperty().set(SamplesViewModel.Split.TRAIN);
        assertEquals("60,000 training images · built-in: 60,000 right, 60,000 wrong (100.00%)", vm.summaryRoomProperty().get());
        models.adopt(ActiveModel.of(Network.mlp(new Rng(5), 64, 10, 10), "tiny", ModelInfo.NONE, null));
        assertEquals(vm.summaryProperty().get(), vm.summaryRoomProperty().get(), "a model that does not fit: no figures to keep room for");
    }

    @Test
    void anotherModelReplacesTheAnswersAndOneThatDoesNotFitSaysSo() {
        SamplesViewModel vm = withBuiltIn();
        int[] before = vm.predictionsProperty().get().labels().clone();
        models.adopt(ActiveModel.of(Network.mlp(new Rng(5), 784, 10, 10), "untrained", ModelInfo.NONE, null));
        assertEquals("untrained", vm.predictionsProperty().get().model().name());
        assertFalse(java.util.Arrays.equals(before, vm.predictionsProperty().get().labels()));
        assertTrue(vm.summaryProperty().get().contains("· untrained: "), vm.summaryProperty().get());
        models.adopt(ActiveModel.of(Network.mlp(new Rng(5), 64, 10, 10), "tiny", ModelInfo.NONE, null));
        assertEquals("The active model takes 64 inputs; these images have 784 pixels", vm.summaryProperty().get());
    }

    @Test
    void theFolderSetFallsBackToTheTestSetUntilThereIsOne() {
        SamplesViewModel vm = withBuiltIn();
        vm.splitProperty().set(SamplesViewModel.Split.FOLDER);
        assertEquals(SamplesViewModel.Split.TEST, vm.splitProperty().get());
        LabeledImages folder = Mnist.bundled().test().head(300);
        vm.showConfusion(folder, 7, 7);
        assertEquals(SamplesViewModel.Split.FOLDER, vm.splitProperty().get());
        assertSame(folder, vm.imagesProperty().get());
        assertEquals(folder.name(), vm.folderNameProperty().get());
        assertTrue(vm.visible().stream().allMatch(i -> folder.label(i) == 7 && vm.predictedLabel(i) == 7));
        assertFalse(vm.visible().isEmpty());
    }

    @Test
    void pickingAnImageShowsItsNearestTrainingExamplesOnceTheirTabIsShown(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        models.adopt(builtIn);
        LabeledImages train = Mnist.bundled().train().head(1500);
        io.digitstudio.ui.explain.ExplainViewModel explain = new io.digitstudio.ui.explain.ExplainViewModel(new SameThreadTasks(), models,
                new io.digitstudio.explain.IndexCache(dir.resolve("n")), () -> train);
        explain.nearestShownProperty().set(false); // the profile's tab is in front
        SamplesViewModel vm = new SamplesViewModel(new SameThreadTasks(), models, explain);
        assertEquals("Pick an image to see its nearest training examples", explain.statusProperty().get());
        vm.selectedProperty().set(0); // test image 0, a 7
        assertEquals("test image 0", explain.subjectProperty().get());
        assertNotNull(explain.profileProperty().get(), "the profile does not wait for the index");
        assertNull(explain.neighboursProperty().get());
        assertFalse(java.nio.file.Files.exists(dir.resolve("n")), "no index is built while the nearest examples are not shown");
        explain.nearestShownProperty().set(true);
        io.digitstudio.ui.explain.ExplainViewModel.Shown s = explain.neighboursProperty().get();
        assertNotNull(s, explain.statusProperty().get());
        assertEquals(io.digitstudio.ui.explain.ExplainViewModel.K, s.neighbourhood().neighbours().size());
        assertEquals(7, s.neighbourhood().answer());
        assertTrue(s.neighbourhood().count(7) >= 6, s.verdict());
        // the neighbours are those of the picked image's own pixels
        float[] q = io.digitstudio.explain.FeatureSpace.of(builtIn.model()).features(Mnist.bundled().test().features(0));
        assertEquals(io.digitstudio.explain.NeighbourIndex.build(io.digitstudio.explain.FeatureSpace.of(builtIn.model()), train, "k", n -> { }, () -> false)
                .nearest(q, 8), s.neighbourhood().neighbours());
        // a training image finds itself first, at distance 0 (but for the float rounding of one image's features
        // against a batch's)
        vm.splitProperty().set(SamplesViewModel.Split.TRAIN);
        assertNull(explain.neighboursProperty().get(), "a new set clears the pick");
        vm.selectedProperty().set(42);
        assertEquals("training image 42", explain.subjectProperty().get());
        assertEquals(42, explain.neighboursProperty().get().neighbourhood().neighbours().get(0).index());
        assertEquals(0, explain.neighboursProperty().get().neighbourhood().neighbours().get(0).distance(), 1e-4);
        // nothing picked: nothing explained
        vm.selectedProperty().set(-1);
        assertNull(explain.neighboursProperty().get());
        assertNull(explain.profileProperty().get());
        assertEquals("Pick an image to see its nearest training examples", explain.statusProperty().get());
    }

    @Test
    void drawAndSamplesShareOneIndex(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        models.adopt(builtIn);
        LabeledImages train = Mnist.bundled().train().head(600);
        int[] builds = {0};
        io.digitstudio.ui.explain.NeighbourIndexes shared = new io.digitstudio.ui.explain.NeighbourIndexes(new SameThreadTasks(),
                new io.digitstudio.explain.IndexCache(dir.resolve("n")), () -> train);
        shared.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() == 0) builds[0]++;
        });
        io.digitstudio.ui.explain.ExplainViewModel draw = new io.digitstudio.ui.explain.ExplainViewModel(new SameThreadTasks(), models, shared);
        SamplesViewModel samples = new SamplesViewModel(new SameThreadTasks(), models, new io.digitstudio.ui.explain.ExplainViewModel(new SameThreadTasks(), models, shared));
        samples.selectedProperty().set(3);
        assertNotNull(samples.explain().neighboursProperty().get());
        draw.look(Mnist.bundled().test().features(3), "the drawn digit");
        assertEquals(samples.explain().neighboursProperty().get().neighbourhood(), draw.neighboursProperty().get().neighbourhood());
        assertEquals(1, builds[0], "the second view uses the index the first built");
    }

    @Test
    void aMatrixCellOfAValidationSubsetOpensExactlyItsImagesOfThatSetAndSaysWhichSet() {
        SamplesViewModel vm = withBuiltIn();
        LabeledImages validation = Mnist.bundled().test().head(500).withName("Run's validation (500)");
        // the matrix was counted by an earlier state of the network: its cells, not today's answers, say which images
        int[] cell = {3, 41, 77, 499};
        vm.showCell(validation, "the run's validation (500 test images of MNIST (bundled))", 9, 4, cell);
        assertSame(validation, vm.imagesProperty().get(), "the set the matrix was computed on, not the 10,000 test images");
        assertEquals(SamplesViewModel.Split.FOLDER, vm.splitProperty().get());
        assertEquals("Run's validation (500)", vm.folderNameProperty().get());
        assertEquals(java.util.Set.of(3, 41, 77, 499), java.util.Set.copyOf(vm.visible()));
        assertEquals(4, vm.visible().size());
        for (int k = 1; k < vm.visible().size(); k++) assertTrue(vm.confidence(vm.visible().get(k - 1)) >= vm.confidence(vm.visible().get(k)));
        assertTrue(vm.summaryProperty().get().startsWith("4 images of the run's validation (500 test images of MNIST (bundled)) that the matrix counts as 9 predicted as 4"),
                vm.summaryProperty().get());
        assertEquals(9, vm.trueClassProperty().get());
        assertEquals(4, vm.predictedClassProperty().get());
        // the user changes a filter: the gallery filters again, by the active model's answers
        vm.predictedClassProperty().set(-1);
        assertNull(vm.cellSet());
        assertTrue(vm.visible().size() > 4 && vm.visible().stream().allMatch(i -> validation.label(i) == 9));
        // a cell of the built-in test set shows it as the test set
        vm.showCell(Mnist.bundled().test(), "the test set", 9, 4, new int[]{12});
        assertEquals(SamplesViewModel.Split.TEST, vm.splitProperty().get());
        assertEquals(List.of(12), List.copyOf(vm.visible()));
        // so does a run's own copy of it (a fine-tune's data loads its test images anew, named "test")
        vm.showCell(Mnist.bundled().test().withName("test"), "the run's validation (10,000 test images of MNIST + my digits)", 9, 4, new int[]{15});
        assertEquals(SamplesViewModel.Split.TEST, vm.splitProperty().get(), "the set box names the test set, not a set called \"test\"");
        assertEquals(List.of(15), List.copyOf(vm.visible()));
    }
    /**
     * A cell clicked before the gallery has ever been opened: the gallery is made by the click and its images are still
     * being read. The cell's set is still named as the set it is (a trial saw the raw id "test" in the set box).
     */
    @Test
    void aCellOpenedWhileTheGallerysImagesAreStillReadIsShownAsTheTestSet() {
        models.adopt(builtIn);
        io.digitstudio.ui.core.HeldTasks tasks = new io.digitstudio.ui.core.HeldTasks();
        SamplesViewModel vm = new SamplesViewModel(tasks, models);
        vm.showCell(Mnist.bundled().test(), "the test set", 7, 2, new int[]{12, 40});
        tasks.release();
        assertEquals(SamplesViewModel.Split.TEST, vm.splitProperty().get(), "the set box names the test set, not a set called \"test\"");
        assertSame(Mnist.bundled().test(), vm.imagesProperty().get());
        assertEquals("the test set", vm.cellSet());
        assertEquals(java.util.Set.of(12, 40), java.util.Set.copyOf(vm.visible()));
        assertTrue(vm.summaryProperty().get().startsWith("2 images of the test set that the matrix counts as 7 predicted as 2"), vm.summaryProperty().get());
    }

    /**
     * A cell of a built-in set, which the evaluation names (of any model, a fine-tuned one's too): shown as that set,
     * without comparing images, before and after the gallery has read them.
     */
    @Test
    void aCellOfABuiltInSetIsShownAsTheSetTheEvaluationNames() {
        models.adopt(builtIn);
        io.digitstudio.ui.core.HeldTasks tasks = new io.digitstudio.ui.core.HeldTasks();
        SamplesViewModel vm = new SamplesViewModel(tasks, models);
        vm.showCell(SamplesViewModel.Split.TRAIN, "the training set", 5, 3, new int[]{0, 59_999});
        tasks.release();
        assertEquals(SamplesViewModel.Split.TRAIN, vm.splitProperty().get());
        assertSame(Mnist.bundled().train(), vm.imagesProperty().get());
        assertEquals("the training set", vm.cellSet());
        assertEquals(java.util.Set.of(0, 59_999), java.util.Set.copyOf(vm.visible()));
        assertTrue(vm.summaryProperty().get().startsWith("2 images of the training set that the matrix counts as 5 predicted as 3"), vm.summaryProperty().get());
        // and once the gallery has its images, a test set's cell
        vm.showCell(SamplesViewModel.Split.TEST, "the test set", 9, 4, new int[]{12});
        tasks.release();
        assertEquals(SamplesViewModel.Split.TEST, vm.splitProperty().get());
        assertSame(Mnist.bundled().test(), vm.imagesProperty().get());
        assertEquals(List.of(12), List.copyOf(vm.visible()));
        assertThrows(IllegalArgumentException.class, () -> vm.showCell(SamplesViewModel.Split.FOLDER, "a folder", 1, 1, new int[]{0}));
    }

    /** A set the user chooses while the gallery still reads its images wins over a cell that waited for them. */
    @Test
    void aSetChosenWhileTheImagesAreReadReplacesTheCellThatWaitedForThem() {
        models.adopt(builtIn);
        io.digitstudio.ui.core.HeldTasks tasks = new io.digitstudio.ui.core.HeldTasks();
        SamplesViewModel vm = new SamplesViewModel(tasks, models);
        vm.showCell(Mnist.bundled().test(), "the test set", 7, 2, new int[]{12, 40});
        vm.splitProperty().set(SamplesViewModel.Split.TRAIN);
        tasks.release();
        assertEquals(SamplesViewModel.Split.TRAIN, vm.splitProperty().get());
        assertSame(Mnist.bundled().train(), vm.imagesProperty().get());
        assertNull(vm.cellSet());
        assertEquals(60_000, vm.visible().size());
    }

    /** The last cell clicked is the one shown, when an earlier one still waits for the gallery's images. */
    @Test
    void aBuiltInSetsCellClickedLaterReplacesOneThatWaitsForTheImages() {
        models.adopt(builtIn);
        io.digitstudio.ui.core.HeldTasks tasks = new io.digitstudio.ui.core.HeldTasks();
        SamplesViewModel vm = new SamplesViewModel(tasks, models);
        vm.showCell(Mnist.bundled().test().head(500), "the run's validation (500 test images of MNIST (bundled))", 7, 2, new int[]{12, 40});
        vm.showCell(SamplesViewModel.Split.TRAIN, "the training set", 5, 3, new int[]{7});
        tasks.release();
        assertEquals(SamplesViewModel.Split.TRAIN, vm.splitProperty().get());
        assertEquals("the training set", vm.cellSet());
        assertEquals(List.of(7), List.copyOf(vm.visible()));
    }

    @Test
    void aCellOpenedFromTheMatrixIsFilteredAgainWhenTheModelInUseChanges() {
        SamplesViewModel vm = withBuiltIn();
        LabeledImages test = Mnist.bundled().test();
        // Evaluate's 7 → 2 cell, as the built-in model's matrix counted it
        List<Integer> cell = new java.util.ArrayList<>();
        for (int i = 0; i < test.size(); i++) if (test.label(i) == 7 && vm.predictedLabel(i) == 2) cell.add(i);
        assertFalse(cell.isEmpty(), "the built-in model takes some 7s for 2s");
        vm.showCell(test, "the test set", 7, 2, cell.stream().mapToInt(Integer::intValue).toArray());
        assertEquals(java.util.Set.copyOf(cell), java.util.Set.copyOf(vm.visible()));
        // another model is put to use (a run ends, Undo): the filters "true 7, predicted 2" now ask this model's answers,
        // and every tile shown agrees with them
        models.adopt(ActiveModel.of(io.digitstudio.nn.Network.mlp(new io.digitstudio.data.Rng(5), 784, 10, 10), "untrained", ModelInfo.NONE, null));
        assertNull(vm.cellSet(), "the matrix's cell was the other model's");
        assertEquals(7, vm.trueClassProperty().get());
        assertEquals(2, vm.predictedClassProperty().get());
        List<Integer> expected = new java.util.ArrayList<>();
        for (int i = 0; i < test.size(); i++) if (test.label(i) == 7 && vm.predictedLabel(i) == 2) expected.add(i);
        assertEquals(java.util.Set.copyOf(expected), java.util.Set.copyOf(vm.visible()));
        for (int i : vm.visible()) assertEquals(2, vm.predictedLabel(i), "tile " + i);
        assertFalse(vm.summaryProperty().get().contains("that the matrix counts"), vm.summaryProperty().get());
    }

    /**
     * Runs → Evaluate → a cell of the run's matrix: the gallery shows exactly those images with the run's model's
     * answers, though the built-in model stays in use (a trial's click on 5 → 3 only said to put the model to use first).
     * A filter changed afterwards goes back to the answers of the model in use.
     */
    @Test
    void aCellOfARunsMatrixShowsItsImagesWithThatRunsAnswers() {
        SamplesViewModel vm = withBuiltIn();
        LabeledImages test = Mnist.bundled().test();
        ActiveModel run = ActiveModel.of(io.digitstudio.nn.Network.mlp(new io.digitstudio.data.Rng(5), 784, 10, 10), "run 0b73e32a", ModelInfo.NONE, null);
        // the run's 5 → 3 cell, as its matrix counted it
        int truth = 5;
        List<Integer> fives = new java.util.ArrayList<>();
        for (int i = 0; i < test.size(); i++) if (test.label(i) == truth) fives.add(i);
        io.digitstudio.nn.Prediction[] answers = run.predictor().predict(fives.stream().map(test::features).toArray(float[][]::new));
        int predicted = -1;
        List<Integer> cell = new java.util.ArrayList<>();
        for (int p = 0; p < 10 && cell.isEmpty(); p++) {
            if (p == truth) continue;
            for (int k = 0; k < fives.size(); k++) if (answers[k].label() == p) cell.add(fives.get(k));
            if (!cell.isEmpty()) predicted = p;
        }
        assertFalse(cell.isEmpty(), "the untrained run takes some 5s for another digit");
        vm.showCell(SamplesViewModel.Split.TEST, "the test set", truth, predicted, cell.stream().mapToInt(Integer::intValue).toArray(), run);
        assertSame(builtIn, models.activeProperty().get(), "the model in use stays");
        assertEquals(java.util.Set.copyOf(cell), java.util.Set.copyOf(vm.visible()));
        for (int i : vm.visible()) assertEquals(predicted, vm.predictedLabel(i), "tile " + i + " with the run's answer");
        assertTrue(vm.summaryProperty().get().contains("run 0b73e32a"), "the gallery says whose answers: " + vm.summaryProperty().get());
        // another filter: the model in use answers again
        vm.onlyMisclassifiedProperty().set(true);
        assertNull(vm.cellSet());
        assertTrue(vm.summaryProperty().get().contains("built-in"), vm.summaryProperty().get());
        int wrong = 0;
        for (int i = 0; i < test.size(); i++) if (vm.predictedLabel(i) != test.label(i)) wrong++;
        assertTrue(wrong < 500, "the built-in model's answers again: " + wrong + " wrong");
    }
}
