package io.digitstudio.ui.train;

import io.digitstudio.nn.Host;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.train.InputProbe;
import io.digitstudio.train.TrainingResult;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import io.digitstudio.ui.pins.Pins;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A run with pinned digits, through the Train view's view models: the pins' answers are published, the run is unchanged. */
class PinnedRunTest {
    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    /** A Train view's view models on the same thread, training on 1,000 examples (8 iterations an epoch). */
    private static final class Fixture {
        final SameThreadTasks tasks = new SameThreadTasks();
        final TestDialogs dialogs = new TestDialogs();
        final ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
        final TrainSettings settings = new TrainSettings();
        final RunPresenter presenter = new RunPresenter();
        final RunControl run = new RunControl(settings, presenter, tasks, dialogs, models);

        Fixture(int epochs) {
            models.loadBuiltIn();
            settings.trainLimitProperty().set("1000");
            settings.testLimitProperty().set("200");
            settings.epochsProperty().set(String.valueOf(epochs));
        }
    }

    private static Pins twoTestImages() {
        Pins pins = Pins.inMemory();
        var test = io.digitstudio.data.Mnist.bundled().test();
        for (int i = 0; i < 2; i++) {
            float[] x = new float[test.featureSize()];
            test.copyFeatures(i, x, 0);
            pins.add(x, "test image #" + i);
        }
        return pins;
    }

    @Test
    void thePinsAnswersArePublishedEveryNIterations() {
        Pins pins = twoTestImages();
        Fixture one = new Fixture(1);
        one.run.pin(pins.inputs());
        one.run.start();
        InputProbe.Outputs first = one.presenter.pinnedProperty().get();
        assertNotNull(first);
        assertEquals(0, first.iteration(), "8 iterations: only the untrained network's answers, at the start");

        Fixture four = new Fixture(4);
        four.run.pin(pins.inputs());
        four.run.start();
        assertEquals(TrainingResult.Outcome.COMPLETED, four.run.resultProperty().get().outcome());
        InputProbe.Outputs o = four.presenter.pinnedProperty().get();
        assertEquals(TrainingFeed.PINS_EVERY, o.iteration(), "32 iterations: the newest answers are those after " + TrainingFeed.PINS_EVERY);
        assertEquals(pins.inputs(), o.inputs());
        for (int i = 0; i < 2; i++) {
            assertSame(pins.list().get(i).input(), o.inputs().get(i), "the results name the pins' own inputs");
            double sum = 0;
            for (float p : o.probabilities()[i]) sum += p;
            assertEquals(1, sum, 1e-5);
        }
        assertNotEquals(first.probabilities()[0][7], o.probabilities()[0][7], "the answers move as the network learns");
        Fixture none = new Fixture(1);
        none.run.start();
        assertNull(none.presenter.pinnedProperty().get(), "nothing pinned, nothing published");
    }

    @Test
    void aRunIsTheSameToTheBitWithAndWithoutPins() {
        Fixture pinned = new Fixture(4);
        pinned.run.pin(twoTestImages().inputs());
        pinned.run.start();
        Fixture plain = new Fixture(4);
        plain.run.start();
        TrainingResult a = pinned.run.resultProperty().get();
        TrainingResult b = plain.run.resultProperty().get();
        assertNotNull(pinned.presenter.pinnedProperty().get());
        assertEquals(b.epochs().size(), a.epochs().size());
        for (int e = 0; e < a.epochs().size(); e++) {
            assertEquals(b.epochs().get(e).trainLoss(), a.epochs().get(e).trainLoss(), 0);
            assertEquals(b.epochs().get(e).valLoss(), a.epochs().get(e).valLoss(), 0);
        }
        Network na = pinned.run.trainedNetwork();
        Network nb = plain.run.trainedNetwork();
        for (String k : na.namedParams().keySet()) {
            assertArrayEquals(Host.toArray(nb.namedParams().get(k).data()), Host.toArray(na.namedParams().get(k).data()), k);
        }
        assertEquals(List.copyOf(nb.namedParams().keySet()), List.copyOf(na.namedParams().keySet()));
    }
}
