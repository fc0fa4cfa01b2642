package io.digitstudio.ui.inside;

import io.digitstudio.data.Mnist;
import io.digitstudio.data.Rng;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.nn.Inspector;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Predictor;
import io.digitstudio.train.LayerStats;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The Inside view's model under plain JUnit: weights, a look at one input, nothing computed while hidden, health warnings. */
class InsideViewModelTest {
    private static ActiveModel builtIn;
    private final ModelManager models = new ModelManager(new SameThreadTasks(), new TestDialogs(), RecentModels.inMemory());

    /** Counts the work handed to the compute worker (run at once, on this thread). */
    private static final class CountingTasks implements io.digitstudio.ui.core.TaskExecutor {
        final SameThreadTasks same = new SameThreadTasks();
        int computed;

        @Override
        public <T> java.util.concurrent.CompletableFuture<T> compute(java.util.concurrent.Callable<T> work) {
            computed++;
            return same.compute(work);
        }

        @Override
        public <T> java.util.concurrent.CompletableFuture<T> train(java.util.concurrent.Callable<T> work) {
            return same.train(work);
        }

        @Override
        public void onUi(Runnable r) {
            r.run();
        }
    }

    private final CountingTasks tasks = new CountingTasks();
    private final InsideViewModel vm = new InsideViewModel(tasks, models);

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
        builtIn = ActiveModel.of(ModelFiles.loadDefault().model(), "built-in", new ModelInfo(null, "MNIST", io.digitstudio.data.ClassNames.numbers(10)), null);
    }

    private static float[] testImage(int i) {
        float[] x = new float[784];
        Mnist.bundled().test().copyFeatures(i, x, 0);
        return x;
    }

    @Test
    void nothingIsComputedWhileHiddenAndTheNewestInputIsLookedAtWhenShown() {
        models.adopt(builtIn);
        vm.look(testImage(0), "test image 1");
        vm.look(testImage(1), "test image 2");
        assertEquals(0, tasks.computed, "hidden: no work");
        assertNull(vm.weightsProperty().get());
        assertNull(vm.lookProperty().get());
        vm.setVisible(true);
        assertEquals(2, tasks.computed, "the weights and the newest input, once each");
        assertEquals("test image 2", vm.lookProperty().get().caption());
        assertEquals("active model: built-in (" + builtIn.architecture() + ")", vm.weightsProperty().get().source());
    }

    @Test
    void aLookHasEveryStepsActivationsTheAnswerAndItsSaliency() {
        models.adopt(builtIn);
        vm.setVisible(true);
        float[] x = testImage(0);
        int label = Mnist.bundled().test().label(0);
        vm.look(x, "test image 1");
        InsideViewModel.Look l = vm.lookProperty().get();
        assertEquals(Inspector.activations(builtIn.model(), x).size(), l.activations().size());
        assertEquals(new Predictor(builtIn.model()).predict(x).label(), l.prediction().label());
        assertEquals(label, l.prediction().label(), "the built-in model reads the first test image right");
        assertEquals(784, l.saliency().length);
        assertTrue(l.prediction().confidence() >= InsideViewModel.HESITATION ? l.second() == null : l.second() != null);
        assertTrue(vm.statusProperty().get().startsWith("test image 1: " + label + " at "), vm.statusProperty().get());
        // an input the model cannot take
        vm.look(new float[64], "small");
        assertEquals("The active model takes 784 inputs; this image has 64", vm.statusProperty().get());
    }

    @Test
    void aRunsLiveWeightsStayUntilAnotherModelIsMadeActive() {
        models.adopt(builtIn);
        vm.setVisible(true);
        Inspector.Tiles t = Inspector.firstLayer(Network.mlp(new Rng(1), 784, 10, 10));
        vm.showLiveWeights(1.4, t);
        assertEquals("training, epoch 1.40", vm.weightsProperty().get().source());
        vm.setVisible(false);
        vm.setVisible(true);
        assertSame(t, vm.weightsProperty().get().tiles(), "shown again, the run's weights stay");
        Network other = Network.mlp(new Rng(2), 784, 12, 10);
        models.adopt(ActiveModel.of(other, "other", ModelInfo.NONE, null));
        assertEquals("active model: other (784-12-10)", vm.weightsProperty().get().source());
    }

    private static LayerStats.Sample sample(long iteration, double ratio, double dead) {
        return new LayerStats.Sample(iteration, iteration / 100.0, List.of(new LayerStats.ParamStats("l1/W", 0, 1, 0, 1, 0, 1, ratio),
                new LayerStats.ParamStats("l1/b", 0, 1, 0, 1, 0, 1, 1e-9)), Map.of("l1 · relu", dead));
    }

    @Test
    void healthWarnsOfWeightsThatBarelyMoveOrRaceAndOfDeadUnits() {
        vm.addHealth(List.of(sample(1, 1e-3, 0.1), sample(2, 1e-3, 0.1), sample(3, 1e-3, 0.1)));
        assertEquals("", vm.warningProperty().get(), "10^-3 is healthy; a bias is not judged");
        vm.addHealth(List.of(sample(4, 1e-6, 0.1), sample(5, 1e-6, 0.1)));
        assertEquals("", vm.warningProperty().get(), "two slow samples are not yet a trend");
        vm.addHealth(List.of(sample(6, 1e-6, 0.7)));
        assertEquals("l1/W barely changes (update:parameter 10^-6.0, usually about 10^-3: a higher learning rate?); "
                + "l1 · relu: 70% of its units never fire (dead ReLUs)", vm.warningProperty().get());
        vm.addHealth(List.of(sample(7, 0.1, 0.1), sample(8, 0.1, 0.1), sample(9, 0.1, 0.1)));
        assertTrue(vm.warningProperty().get().startsWith("l1/W changes fast"), vm.warningProperty().get());
        // a sample from before the last starts a new run's chart; the chart keeps at most its cap
        vm.addHealth(List.of(sample(1, 1e-3, 0.1)));
        assertEquals(1, vm.health().size());
        List<LayerStats.Sample> many = new ArrayList<>();
        for (int i = 2; i < InsideViewModel.HEALTH_CAP + 100; i++) many.add(sample(i, 1e-3, 0.1));
        vm.addHealth(many);
        assertEquals(InsideViewModel.HEALTH_CAP, vm.health().size());
        assertEquals(InsideViewModel.HEALTH_CAP + 99, vm.health().get(vm.health().size() - 1).iteration(), "the oldest go first");
    }
}
