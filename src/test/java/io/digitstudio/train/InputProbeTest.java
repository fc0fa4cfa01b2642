package io.digitstudio.train;

import io.digitstudio.data.Mnist;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.nn.Parameter;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The probe of pinned inputs: what it reports is the training network's answer at that moment, and it changes nothing. */
class InputProbeTest {
    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    private static List<float[]> testImages(int n) {
        var test = Mnist.bundled().test();
        List<float[]> xs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] x = new float[test.featureSize()];
            test.copyFeatures(i, x, 0);
            xs.add(x);
        }
        return xs;
    }

    @Test
    void theProbeReportsAtTheStartEveryNIterationsAndAtOnceWhenTheInputsChange() {
        var train = Mnist.bundled().train().head(1280);
        var test = Mnist.bundled().test().head(200);
        TrainingLoop loop = TrainingLoop.create(TrainingConfig.tutorial().withEpochs(3).withUnits(30), train, test, "t");
        List<float[]> xs = new ArrayList<>(testImages(3));
        xs.add(new float[]{1, 2, 3}); // not an input this network takes
        List<InputProbe.Outputs> seen = new ArrayList<>();
        List<Prediction[]> direct = new ArrayList<>();
        InputProbe[] probe = new InputProbe[1];
        probe[0] = new InputProbe(7, o -> {
            seen.add(o);
            // the network's own answer at this moment, through the app's predictor
            direct.add(new Predictor(loop.model()).predict(o.inputs().subList(0, Math.min(3, o.inputs().size())).toArray(new float[0][])));
            if (o.iteration() == 14) probe[0].setInputs(o.inputs().subList(0, 2)); // a pin removed during the run
        });
        probe[0].setInputs(xs);
        loop.addExtension(probe[0]);
        loop.run();
        List<Long> at = seen.stream().map(InputProbe.Outputs::iteration).toList();
        assertEquals(List.of(0L, 7L, 14L, 15L, 21L, 28L), at, "at the start, every 7 of 30 iterations, and the iteration after a change");
        for (int s = 0; s < seen.size(); s++) {
            InputProbe.Outputs o = seen.get(s);
            for (int i = 0; i < o.inputs().size(); i++) {
                float[] p = o.probabilities()[i];
                if (o.inputs().get(i).length != 784) {
                    assertNull(p, "an input of another size is not classified");
                    continue;
                }
                assertArrayEquals(direct.get(s)[i].probabilities(), p, 1e-6f, "input " + i + " at iteration " + o.iteration());
            }
        }
        assertEquals(4, seen.get(0).inputs().size());
        assertEquals(2, seen.get(3).inputs().size());
        assertNotEquals(seen.get(0).probabilities()[0][7], seen.get(5).probabilities()[0][7], "the answers move as the network learns");
        assertTrue(seen.get(5).probabilities()[0][7] > seen.get(0).probabilities()[0][7], "test image 0 is a 7; 30 iterations make it likelier");
        assertTrue(probe[0].spentSeconds() > 0);
    }

    @Test
    void aRunIsBitForBitTheSameWithAndWithoutTheProbe() {
        var train = Mnist.bundled().train().head(640);
        var test = Mnist.bundled().test().head(100);
        // dropout and batch normalization: the probe must neither draw random numbers nor move the running averages
        TrainingConfig cfg = TrainingConfig.tutorial().withEpochs(2)
                .withNetwork(NetworkSpec.parse("linear 40, batchnorm, relu, dropout 0.3, linear 20, relu, linear"));
        TrainingLoop watched = TrainingLoop.create(cfg, train, test, "t");
        int[] calls = {0};
        InputProbe probe = new InputProbe(1, o -> calls[0]++);
        probe.setInputs(testImages(8));
        watched.addExtension(probe);
        TrainingResult a = watched.run();
        TrainingLoop plain = TrainingLoop.create(cfg, train, test, "t");
        TrainingResult b = plain.run();
        assertEquals(a.iterations() + 1, calls[0], "classified at the start and after every iteration");
        assertEquals(b.last().trainLoss(), a.last().trainLoss(), 0);
        assertEquals(b.last().valLoss(), a.last().valLoss(), 0);
        assertEquals(b.last().valAccuracy(), a.last().valAccuracy(), 0);
        Map<String, Parameter> pa = watched.model().namedParams();
        Map<String, Parameter> pb = plain.model().namedParams();
        assertEquals(pb.keySet(), pa.keySet());
        for (String k : pa.keySet()) assertArrayEquals(Host.toArray(pb.get(k).data()), Host.toArray(pa.get(k).data()), k);
        // the running averages too: validation (test mode) normalises with them, and its loss is the same to the bit
        assertEquals(b.epochs().get(0).valLoss(), a.epochs().get(0).valLoss(), 0);
    }
}
