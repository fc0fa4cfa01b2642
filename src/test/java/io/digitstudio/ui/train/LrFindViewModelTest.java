package io.digitstudio.ui.train;

import io.digitstudio.data.Mnist;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.LrFinder;
import io.digitstudio.ui.SameThreadTasks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** "Find learning rate…" under plain JUnit: the finder on the form's settings, its published curve, and its suggestion put into the form. */
class LrFindViewModelTest {
    private static final LrFinder.Range RANGE = new LrFinder.Range(1e-4, 10, 40);

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    private static TrainSettings form() {
        TrainSettings s = new TrainSettings();
        s.trainLimitProperty().set("2000");
        s.testLimitProperty().set("200");
        s.batchSizeProperty().set("32");
        return s;
    }

    private static HyperParam lr(TrainSettings s) {
        return s.hyperparams().stream().filter(h -> h.key().equals("lr")).findFirst().orElseThrow();
    }

    @Test
    void theSuggestionIsTheFindersOnTheFormsSettingsAndGoesIntoTheLrField() {
        TrainSettings s = form();
        LrFindViewModel vm = new LrFindViewModel(s, new SameThreadTasks(), RANGE);
        LrFindViewModel.Suggestion found = vm.find().join();
        assertNotNull(found, vm.statusProperty().get());
        assertTrue(vm.shownProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals(1, vm.progressProperty().get());

        // the same search as lr-find's on the same settings and data
        var data = Mnist.bundled();
        LrFinder.Result expected = LrFinder.find(s.config(), data.train().limit(2000, "t"), data.test().limit(200, "t"), null, RANGE, null, null);
        assertEquals(expected.steepest(), found.steepest(), 0);
        assertEquals(expected.minimumTenth(), found.minimumTenth(), 0);
        assertEquals(expected.points().stream().filter(p -> Double.isFinite(p.smoothed())).count(), vm.curve().count(), "every iteration's point was published");
        assertEquals(Math.log10(expected.points().get(0).lr()), vm.curve().x(0), 1e-12, "on a log axis");
        assertEquals(expected.points().get(0).smoothed(), vm.curve().y(0), 1e-12);
        assertEquals(2, vm.marker().size());
        assertEquals(Math.log10(found.steepest()), vm.marker().x(0), 1e-12);
        assertTrue(vm.statusProperty().get().startsWith("Stopped: "), vm.statusProperty().get());

        assertEquals("0.01", lr(s).text().get());
        assertTrue(vm.useSuggestion());
        assertEquals(String.format(java.util.Locale.ROOT, "%.3g", found.steepest()), String.format(java.util.Locale.ROOT, "%.3g", found.rate()));
        assertEquals(HyperParam.format(found.rate()), lr(s).text().get(), "to three digits, as shown");
        assertEquals(found.steepest(), s.config().hyperparams().get("lr"), found.steepest() * 5e-3);
        // for another optimizer the suggestion does not apply
        s.optimizerProperty().set("adam");
        assertFalse(vm.useSuggestion());
        assertEquals("The suggestion is for momentum-sgd, and the form now has adam: search again", vm.statusProperty().get());
        vm.close();
        assertFalse(vm.shownProperty().get());
    }

    @Test
    void aFormThatCannotTrainSaysWhyAndCancelStopsTheSearchWithNoSuggestion() {
        TrainSettings s = form();
        LrFindViewModel vm = new LrFindViewModel(s, new SameThreadTasks(), RANGE);
        s.batchSizeProperty().set("many");
        assertNull(vm.find().join());
        assertEquals("The form cannot train yet: Batch size must be a whole number, got 'many'", vm.statusProperty().get());
        assertEquals(0, vm.curve().size());
        assertFalse(vm.runningProperty().get());

        s.batchSizeProperty().set("32");
        // the user cancels once five rates are shown
        vm.curve().addListener(() -> {
            if (vm.curve().count() == 5) vm.cancel();
        });
        assertNull(vm.find().join());
        assertEquals(5, vm.curve().count(), "stopped after the iteration under way");
        assertNull(vm.suggestionProperty().get());
        assertFalse(vm.useSuggestion());
        assertEquals("Cancelled after 5 of 40 rates; nothing to suggest", vm.statusProperty().get());
        assertEquals("0.01", lr(s).text().get(), "the form is as it was");
    }

    @Test
    void theLogAxisIsLabelledWithTheRates() {
        assertEquals("1e-6", LrFindPane.rateTick(-6));
        assertEquals("0.001", LrFindPane.rateTick(-3.0000000001));
        assertEquals("0.01", LrFindPane.rateTick(-2));
        assertEquals("0.1", LrFindPane.rateTick(-1));
        assertEquals("1", LrFindPane.rateTick(0));
        assertEquals(0.163, LrFindViewModel.rounded(0.1629750834620645));
        assertEquals(2.15e-5, LrFindViewModel.rounded(2.1549e-5));
        assertEquals("10", LrFindPane.rateTick(1));
    }
}
