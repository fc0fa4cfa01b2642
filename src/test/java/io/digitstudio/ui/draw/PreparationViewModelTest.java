package io.digitstudio.ui.draw;

import io.digitstudio.read.DigitPreprocessor;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** What preparation did, as the Draw view's model publishes it: plain JUnit, answers at once. */
class PreparationViewModelTest {
    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    private final SameThreadTasks tasks = new SameThreadTasks();
    private final TestDialogs dialogs = new TestDialogs();
    private final ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
    private final DrawViewModel vm;

    PreparationViewModelTest() {
        models.loadBuiltIn();
        vm = new DrawViewModel(tasks, dialogs, models);
    }

    private void stroke(double... xy) {
        vm.beginStroke(xy[0], xy[1]);
        for (int i = 2; i < xy.length; i += 2) vm.extendStroke(xy[i], xy[i + 1]);
        vm.endStroke();
    }

    @Test
    void aDrawnDigitShowsAllSevenStagesEndingInWhatTheNetworkSees() {
        assertNull(vm.preparationProperty().get());
        stroke(100, 70, 220, 70, 160, 260);
        Preparation p = vm.preparationProperty().get();
        assertNotNull(p);
        assertEquals(DigitPreprocessor.Step.values().length, p.stages().size());
        assertArrayEquals(vm.inputProperty().get(), p.stages().get(6).image().pixels());
        assertTrue(p.likeness().typical(), p.likeness().details());
        vm.clear();
        assertNull(vm.preparationProperty().get(), "a clear canvas has nothing prepared");
    }

    @Test
    void aHairlineIsCalledTooThin() {
        vm.penWidthProperty().set(3);
        stroke(100, 70, 220, 70, 160, 260);
        assertEquals("Unusual for MNIST: too thin", vm.preparationProperty().get().likeness().line());
        assertTrue(vm.preparationProperty().get().stages().get(3).detail().startsWith("thickened"));
    }

    @Test
    void eachDigitOfANumberShowsItsOwnPreparation() {
        stroke(50, 90, 50, 160, 50, 230);
        stroke(205, 90, 285, 90, 250, 160, 228, 232);
        assertEquals(2, vm.readingProperty().get().digits().size());
        for (int i = 0; i < 2; i++) {
            vm.selectDigit(i);
            Preparation p = vm.preparationProperty().get();
            assertEquals(7, p.stages().size());
            assertArrayEquals(vm.inputProperty().get(), p.stages().get(6).image().pixels(), "digit " + i);
        }
    }
}
