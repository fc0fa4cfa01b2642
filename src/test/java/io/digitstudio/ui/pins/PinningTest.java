package io.digitstudio.ui.pins;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.draw.DrawViewModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import io.digitstudio.ui.samples.SamplesViewModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Pin in Draw and in Samples, as their view models do it: the network's input is pinned, and what happened is said. */
class PinningTest {
    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    private final SameThreadTasks tasks = new SameThreadTasks();
    private final ModelManager models = new ModelManager(tasks, new TestDialogs(), RecentModels.inMemory());
    private final Pins pins = Pins.inMemory();

    PinningTest() {
        models.loadBuiltIn();
    }

    private static void stroke(DrawViewModel vm, double[]... points) {
        vm.beginStroke(points[0][0], points[0][1]);
        for (int i = 1; i < points.length; i++) vm.extendStroke(points[i][0], points[i][1]);
        vm.endStroke();
    }

    @Test
    void drawPinsTheDrawingAsTheNetworkSeesItAndSaysSo() {
        DrawViewModel vm = new DrawViewModel(tasks, new TestDialogs(), models);
        vm.setPins(pins);
        assertFalse(vm.pin(), "an empty canvas has nothing to pin");
        stroke(vm, new double[]{160, 50}, new double[]{160, 120}, new double[]{160, 190}, new double[]{160, 270});
        assertNotNull(vm.inputProperty().get());
        assertTrue(vm.pin());
        assertEquals(1, pins.list().size());
        assertArrayEquals(vm.inputProperty().get(), pins.list().get(0).input(), 0f, "the 28x28 input the network gets");
        assertEquals("drawing", pins.list().get(0).caption());
        assertEquals("Pinned drawing (1 of 8): the Train view shows how a run learns it", vm.pinnedProperty().get());
        assertFalse(vm.pin(), "the same drawing twice");
        assertTrue(vm.pinnedProperty().get().startsWith("Already pinned"), vm.pinnedProperty().get());
        stroke(vm, new double[]{120, 60}, new double[]{200, 60});
        assertEquals("", vm.pinnedProperty().get(), "the canvas moved on");
        assertTrue(vm.pin());
        assertEquals(2, pins.list().size());
    }

    @Test
    void drawSaysWhenThePinsAreFull() {
        for (int i = 0; i < Pins.MAX; i++) {
            float[] x = new float[784];
            x[i] = 1;
            pins.add(x, "test image #" + i + " (0)");
        }
        DrawViewModel vm = new DrawViewModel(tasks, new TestDialogs(), models);
        vm.setPins(pins);
        stroke(vm, new double[]{160, 50}, new double[]{160, 270});
        assertFalse(vm.pin());
        assertEquals("All 8 pins are taken: remove one in the Train view (✕ on a pin) to pin this drawing", vm.pinnedProperty().get());
        assertEquals(8, pins.list().size());
    }

    @Test
    void samplesPinTheSelectedTestImage() {
        SamplesViewModel vm = new SamplesViewModel(tasks, models);
        vm.setPins(pins);
        assertFalse(vm.pinSelected(), "nothing selected");
        vm.selectedProperty().set(3);
        assertTrue(vm.pinSelected());
        LabeledImages test = vm.imagesProperty().get();
        float[] x = new float[test.featureSize()];
        test.copyFeatures(3, x, 0);
        assertArrayEquals(x, pins.list().get(0).input(), 0f);
        assertEquals("test image #3 (" + test.label(3) + ")", pins.list().get(0).caption());
        assertTrue(vm.pinnedProperty().get().startsWith("Pinned test image #3"), vm.pinnedProperty().get());
        vm.selectedProperty().set(4);
        assertEquals("", vm.pinnedProperty().get());
    }
}
