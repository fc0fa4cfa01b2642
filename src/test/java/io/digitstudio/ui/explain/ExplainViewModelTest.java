package io.digitstudio.ui.explain;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.explain.IndexCache;
import io.digitstudio.explain.Transform;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The explanation's view model under plain JUnit: the index builds at once on the same thread. */
class ExplainViewModelTest {
    @TempDir
    Path dir;

    static LabeledImages train;

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
        train = Mnist.bundled().train().head(1500);
    }

    private final SameThreadTasks tasks = new SameThreadTasks();
    private final ModelManager models = new ModelManager(tasks, new TestDialogs(), RecentModels.inMemory());

    private static float[] test(int i) {
        float[] x = new float[784];
        Mnist.bundled().test().copyFeatures(i, x, 0);
        return x;
    }

    private ExplainViewModel vm() {
        models.loadBuiltIn();
        return new ExplainViewModel(tasks, models, new IndexCache(dir.resolve("n")), () -> train);
    }

    @Test
    void aLookShowsNeighboursAndTheProfileAndKeepsTheIndex() throws Exception {
        ExplainViewModel vm = vm();
        List<Double> progress = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        assertNull(vm.neighboursProperty().get());
        vm.look(test(0), "test image 0"); // a 7
        ExplainViewModel.Shown s = vm.neighboursProperty().get();
        assertNotNull(s, vm.statusProperty().get());
        assertEquals(ExplainViewModel.K, s.neighbourhood().neighbours().size());
        assertEquals(ExplainViewModel.K, s.images().size());
        assertEquals(7, s.neighbourhood().answer());
        assertTrue(s.neighbourhood().count(7) >= 6, s.verdict());
        assertTrue(s.verdict().matches("\\d of 8 nearest are 7s"), s.verdict());
        assertTrue(vm.statusProperty().get().startsWith("Nearest 8 of 1,500 training images in what l3 reads (400 values)"), vm.statusProperty().get());
        assertTrue(vm.indexInfoProperty().get().startsWith("Index: 1,500 × 400 floats"), vm.indexInfoProperty().get());
        assertEquals(-1.0, progress.get(progress.size() - 1), "the build's bar goes away when it is done");
        assertTrue(progress.contains(1.0), progress.toString());
        // the images shown are the training images the neighbours name
        float[] first = new float[784];
        train.copyFeatures(s.neighbourhood().neighbours().get(0).index(), first, 0);
        assertArrayEquals(first, s.images().get(0));
        // the profile: four curves whose middles are the answer
        assertEquals(4, vm.profileProperty().get().curves().size());
        assertEquals(7, vm.profileProperty().get().curve(Transform.ROTATE).label(4));
        assertEquals("holds 7 throughout", ProfilePane.note(vm.profileProperty().get().curve(Transform.SCALE), vm.classNames()));
        try (var files = Files.list(dir.resolve("n"))) {
            assertEquals(1, files.count());
        }
        // the pixel toggle searches grey levels instead
        vm.pixelsProperty().set(true);
        assertTrue(vm.neighboursProperty().get().neighbourhood().pixels());
        assertTrue(vm.neighboursProperty().get().verdict().contains("in pixels"), vm.neighboursProperty().get().verdict());
        assertTrue(vm.statusProperty().get().contains("in pixels"), vm.statusProperty().get());
        // nothing to explain: nothing shown
        vm.look(null, "");
        assertNull(vm.neighboursProperty().get());
        assertNull(vm.profileProperty().get());
    }

    @Test
    void theIndexIsBuiltOnlyOnceTheNearestExamplesAreShown() throws Exception {
        ExplainViewModel vm = vm();
        vm.nearestShownProperty().set(false); // "How the answer moves" is the tab in front
        vm.look(test(0), "test image 0");
        assertNotNull(vm.profileProperty().get(), "the profile does not wait for the index");
        assertNull(vm.neighboursProperty().get());
        assertFalse(Files.exists(dir.resolve("n")) && Files.list(dir.resolve("n")).findAny().isPresent(), "no index built or cached");
        assertEquals("", vm.indexInfoProperty().get());
        vm.nearestShownProperty().set(true);
        assertNotNull(vm.neighboursProperty().get(), vm.statusProperty().get());
        assertTrue(vm.indexInfoProperty().get().contains("built in"), vm.indexInfoProperty().get());
    }

    @Test
    void aSecondModelReadsItsIndexFromTheCache() {
        ExplainViewModel first = vm();
        first.look(test(1), "x");
        assertTrue(first.indexInfoProperty().get().contains("built in"), first.indexInfoProperty().get());
        ExplainViewModel again = new ExplainViewModel(tasks, models, new IndexCache(dir.resolve("n")), () -> train);
        again.look(test(1), "x");
        assertTrue(again.indexInfoProperty().get().endsWith("read from the cache"), again.indexInfoProperty().get());
        assertEquals(first.neighboursProperty().get().neighbourhood(), again.neighboursProperty().get().neighbourhood());
    }

    @Test
    void whenMostNeighboursDisagreeItSaysWhatTheyLookLike() {
        ExplainViewModel vm = vm();
        // among the test set's harder digits some have neighbours (in an index of 1,500) that mostly carry another label
        for (int i = 0; i < 400; i++) {
            vm.look(test(i), "test image " + i);
            ExplainViewModel.Shown s = vm.neighboursProperty().get();
            if (s.neighbourhood().disagrees()) {
                int other = s.neighbourhood().majority();
                assertNotEquals(s.neighbourhood().answer(), other);
                assertTrue(s.verdict().startsWith("Answer " + s.neighbourhood().answer() + ", but it looks like these " + other + "s ("), s.verdict());
                return;
            }
        }
        fail("no test digit among the first 400 has neighbours that mostly disagree with its answer");
    }
}
