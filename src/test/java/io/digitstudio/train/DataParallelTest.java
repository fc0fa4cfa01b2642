package io.digitstudio.train;

import io.digitstudio.data.ExampleBatch;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.Rng;
import io.digitstudio.nn.Cores;
import io.digitstudio.nn.F;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.nn.Parameter;
import io.digitstudio.nn.Variable;
import io.digitstudio.nn.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A training step split across cores computes the one-core step's gradient, runs repeat bit for bit, and a warm split
 * step allocates no native memory. (How many bytes of garbage a warm step makes depends on the JIT's escape analysis:
 * that budget is {@link HotPathAllocationBudgetTest}, in the {@code budgets} profile.)
 */
class DataParallelTest {
    static LabeledImages train;
    static LabeledImages test;
    private final int cores = Cores.count();

    @BeforeAll
    static void data() {
        Nd4jSetup.init();
        train = Mnist.bundled().train().head(1000);
        test = Mnist.bundled().test().head(200);
    }

    @AfterEach
    void restoreCores() {
        Cores.setCount(cores);
    }

    private static ExampleBatch batch(int n) {
        return new ExampleBatch().concatExamples(train, IntStream.range(0, n).toArray());
    }

    private static Map<String, float[]> grads(Network net) {
        Map<String, float[]> g = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : net.namedParams().entrySet()) g.put(e.getKey(), Host.toArray(e.getValue().grad()));
        return g;
    }

    /** The one-core step: forward, loss, backward; returns {loss, accuracy}. */
    private static float[] oneCore(Network net, ExampleBatch b) {
        try (Workspace.Scope s = new Workspace().enter()) {
            Variable y = net.forward(Variable.of(b.x(), net.batchShape(b.size())));
            Variable l = F.softmaxCrossEntropy(y, b.t());
            float loss = l.item();
            float acc = F.accuracy(y, b.t()).item();
            net.cleargrads();
            l.backward();
            return new float[]{loss, acc};
        }
    }

    private void sameGradientAsOneCore(String spec, int n, int parts) {
        ExampleBatch b = batch(n);
        Network net = new Network(NetworkSpec.parse(spec), train.exampleShape(), 10, new Rng(7));
        float[] one = oneCore(net, b);
        Map<String, float[]> expected = grads(net);
        DataParallelStep step = new DataParallelStep(net);
        step.run(b, parts);
        // the optimizer has the combined gradient filled range by range as it updates; here, whole and in halves
        Map<Parameter, float[]> handed = new java.util.IdentityHashMap<>();
        for (Parameter p : net.params()) {
            int half = p.size() / 2;
            float[] into = new float[p.size()];
            step.gradients().fill(p, 0, half, 0, into);
            step.gradients().fill(p, half, p.size(), 1, into);
            handed.put(p, into);
        }
        Map<String, float[]> actual = grads(net);
        // what the update rule is handed is exactly what is left in the parameters' own gradients
        for (Parameter p : net.params()) assertArrayEquals(Host.toArray(p.grad()), handed.get(p), p.name());
        assertEquals(one[0], step.loss(), 1e-5f, spec + ": loss");
        assertEquals(one[1], step.accuracy(), 1e-6f, spec + ": accuracy");
        for (String k : expected.keySet()) {
            float[] e = expected.get(k), a = actual.get(k);
            float scale = 0;
            for (float v : e) scale = Math.max(scale, Math.abs(v));
            for (int i = 0; i < e.length; i++) {
                assertEquals(e[i], a[i], 1e-5f * Math.max(1f, scale), spec + ": " + k + "[" + i + "] with " + parts + " parts");
            }
        }
    }

    @Test
    void twoPartsGiveTheOneCoreGradient() {
        sameGradientAsOneCore("linear 100, relu, linear 100, relu, linear", 128, 2);
    }

    @Test
    void aWarmSplitStepAllocatesNoNativeMemory() {
        ExampleBatch b = batch(128);
        Network net = new Network(NetworkSpec.parse("conv 4 5, relu, maxpool 2, linear 30, relu, linear"), train.exampleShape(), 10, new Rng(2));
        DataParallelStep step = new DataParallelStep(net);
        long warm = 0;
        for (int i = 0; i < 4; i++) {
            step.run(b, 2);
            for (Parameter p : net.params()) step.gradients().fill(p, 0, p.size(), 0, new float[p.size()]);
            if (i == 1) warm = step.allocations();
        }
        assertTrue(warm > 0);
        assertEquals(warm, step.allocations(), "the parts' workspaces allocated after warm-up");
    }

    @Test
    void unevenPartsAndConvolutionsToo() {
        sameGradientAsOneCore("linear 100, relu, linear 100, relu, linear", 100, 3);
        sameGradientAsOneCore("conv 6 5, relu, maxpool 2, conv 8 3, relu, avgpool 2, linear 20, tanh, linear", 64, 2);
        sameGradientAsOneCore("conv 6 5, relu, maxpool 2, conv 8 3, relu, avgpool 2, linear 20, tanh, linear", 50, 4);
    }

    private static Map<String, float[]> weightsAfter(TrainingConfig config) {
        TrainingLoop loop = TrainingLoop.create(config, train, test, "t");
        loop.run();
        Map<String, float[]> w = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : loop.model().namedParams().entrySet()) w.put(e.getKey(), Host.toArray(e.getValue().data()));
        return w;
    }

    @Test
    void twoRunsOnTheSameCoresAreIdenticalAndOneCoreIsTheOneCoreRun() {
        TrainingConfig config = TrainingConfig.tutorial().withEpochs(2);
        Cores.setCount(2);
        Map<String, float[]> a = weightsAfter(config);
        Map<String, float[]> b = weightsAfter(config);
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), 0f, k + " differs between two 2-core runs");
        Cores.setCount(1);
        Map<String, float[]> c = weightsAfter(config);
        Map<String, float[]> d = weightsAfter(config);
        boolean differs = false;
        for (String k : c.keySet()) {
            assertArrayEquals(c.get(k), d.get(k), 0f, k + " differs between two 1-core runs");
            float[] x = a.get(k), y = c.get(k);
            for (int i = 0; i < x.length; i++) {
                assertEquals(y[i], x[i], 1e-2f, k + " drifted far from the 1-core run");
                differs |= x[i] != y[i];
            }
        }
        assertTrue(differs, "two cores sum in another order than one: the bits differ (else this test checks nothing)");
    }

    @Test
    void evaluationSharedOutAmongCoresCountsWhatOneCoreCounts() {
        Network net = new Network(NetworkSpec.parse("conv 4 5, relu, maxpool 2, linear 30, relu, linear"), train.exampleShape(), 10, new Rng(3));
        Cores.setCount(1);
        Evaluator.Result one = new Evaluator(test, 32).evaluateCollecting(net);
        for (int cores : new int[]{2, 3}) {
            Cores.setCount(cores);
            Evaluator.Result many = new Evaluator(test, 32).evaluateCollecting(net);
            assertEquals(one.loss(), many.loss(), 1e-6, cores + " cores: loss");
            assertEquals(one.accuracy(), many.accuracy(), 1e-12, cores + " cores: accuracy");
            assertArrayEquals(one.predictions(), many.predictions(), cores + " cores: predictions");
            assertArrayEquals(one.confidences(), many.confidences(), 0f, cores + " cores: confidences");
            for (int i = 0; i < 10; i++) for (int j = 0; j < 10; j++) assertEquals(one.confusion().count(i, j), many.confusion().count(i, j));
            assertEquals(200, many.count());
        }
    }

    @Test
    void manyPredictionsSharedOutAmongCoresAreTheOneCoreOnes() {
        Network net = new Network(NetworkSpec.parse("conv 4 5, relu, maxpool 2, linear 30, relu, linear"), train.exampleShape(), 10, new Rng(5));
        float[][] xs = new float[150][];
        for (int i = 0; i < xs.length; i++) xs[i] = test.features(i);
        Cores.setCount(1);
        io.digitstudio.nn.Prediction[] one = new io.digitstudio.nn.Predictor(net).predict(xs);
        Cores.setCount(3);
        io.digitstudio.nn.Prediction[] many = new io.digitstudio.nn.Predictor(net).predict(xs);
        for (int i = 0; i < xs.length; i++) {
            assertEquals(one[i].label(), many[i].label(), "image " + i);
            // a product over fewer rows may round differently in the last bit (the BLAS blocks by matrix size)
            assertArrayEquals(one[i].probabilities(), many[i].probabilities(), 1e-6f, "image " + i);
        }
    }

    @Test
    void networksThatCannotBeSplitTrainOnOneCore() {
        assertFalse(new Network(NetworkSpec.parse("linear 20, batchnorm, relu, linear"), new int[]{784}, 10, new Rng(1)).dataParallel());
        assertFalse(new Network(NetworkSpec.parse("linear 20, relu, dropout 0.5, linear"), new int[]{784}, 10, new Rng(1)).dataParallel());
        assertTrue(new Network(NetworkSpec.parse("linear 20, relu, linear"), new int[]{784}, 10, new Rng(1)).dataParallel());
        assertEquals(1, DataParallelStep.parts(20), "20 examples are not worth a second core");
    }
}
