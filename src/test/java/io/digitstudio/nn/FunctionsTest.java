package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.*;

class FunctionsTest {
    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    private static Parameter awayFromZero(Rng rng, long... shape) {
        // ReLU's kink at 0 has no derivative: keep inputs at least 0.1 away from it
        Parameter p = GradientCheck.param(rng, shape);
        float[] v = Host.toArray(p.data());
        for (int i = 0; i < v.length; i++) if (Math.abs(v[i]) < 0.1f) v[i] = v[i] < 0 ? -0.3f : 0.3f;
        p.copyFrom(v);
        return p;
    }

    @Test
    void linearGradients() {
        Rng rng = new Rng(1);
        Parameter x = GradientCheck.param(rng, 3, 4);
        Parameter w = GradientCheck.param(rng, 5, 4);
        Parameter b = GradientCheck.param(rng, 5);
        GradientCheck.check(in -> F.linear(in[0], in[1], in[2]), new Parameter[]{x, w, b}, 1e-2, 1e-3, 1e-2);
        GradientCheck.check(in -> F.linear(in[0], in[1], null), new Parameter[]{x, w}, 1e-2, 1e-3, 1e-2);
    }

    @Test
    void linearForwardIsXWtPlusB() {
        INDArray x = Nd4j.create(new float[]{1, 2, 3, 4, 5, 6}, new long[]{2, 3}, 'c');
        INDArray w = Nd4j.create(new float[]{1, 0, -1, 2, 1, 0}, new long[]{2, 3}, 'c');
        INDArray b = Nd4j.create(new float[]{10, 20}, new long[]{2}, 'c');
        Variable y = F.linear(new Variable(x), new Variable(w), new Variable(b));
        assertArrayEquals(new float[]{1 - 3 + 10, 2 + 2 + 20, 4 - 6 + 10, 8 + 5 + 20}, Host.toArray(y.data()));
    }

    @Test
    void blasProductsMatchAPlainJavaProductAtTrainingSize() {
        // Guards against a BLAS kernel that is wrong on this CPU (OpenBLAS picks kernels per processor).
        Rng rng = new Rng(9);
        Parameter x = GradientCheck.param(rng, 128, 784);
        Parameter w = GradientCheck.param(rng, 100, 784);
        float[] y = Host.toArray(F.linear(x, w, null).data());
        float[] xv = Host.toArray(x.data());
        float[] wv = Host.toArray(w.data());
        for (int r = 0; r < 128; r += 7) {
            for (int c = 0; c < 100; c += 3) {
                double s = 0;
                for (int k = 0; k < 784; k++) s += (double) xv[r * 784 + k] * wv[c * 784 + k];
                assertEquals(s, y[r * 100 + c], 1e-3 * (1 + Math.abs(s)));
            }
        }
    }

    @Test
    void activationGradients() {
        Rng rng = new Rng(2);
        GradientCheck.check(in -> F.relu(in[0]), new Parameter[]{awayFromZero(rng, 4, 3)}, 1e-2, 1e-3, 1e-2);
        GradientCheck.check(in -> F.sigmoid(in[0]), new Parameter[]{GradientCheck.param(rng, 4, 3)}, 1e-2, 1e-3, 1e-2);
        GradientCheck.check(in -> F.tanh(in[0]), new Parameter[]{GradientCheck.param(rng, 4, 3)}, 1e-2, 1e-3, 1e-2);
        GradientCheck.check(in -> F.softmax(in[0]), new Parameter[]{GradientCheck.param(rng, 3, 5)}, 1e-2, 1e-3, 1e-2);
    }

    @Test
    void activationValues() {
        INDArray x = Nd4j.create(new float[]{-1, 0, 2}, new long[]{1, 3}, 'c');
        assertArrayEquals(new float[]{0, 0, 2}, Host.toArray(F.relu(new Variable(x)).data()));
        float[] s = Host.toArray(F.sigmoid(new Variable(x)).data());
        assertEquals(0.5f, s[1], 1e-7);
        assertEquals(1 / (1 + Math.exp(1)), s[0], 1e-6);
        float[] sm = Host.toArray(F.softmax(new Variable(x)).data());
        double z = Math.exp(-1) + 1 + Math.exp(2);
        assertEquals(Math.exp(2) / z, sm[2], 1e-6);
        assertEquals(1.0, sm[0] + sm[1] + sm[2], 1e-6);
    }

    @Test
    void reluPassesExactlyTheGradientOfEveryPositiveOutputAsChainerDoes() {
        // Chainer: y = maximum(x, 0), gx = gy * (y > 0); the branch-free kernels must agree at the edges too
        float tiny = Float.MIN_VALUE, huge = Float.MAX_VALUE;
        INDArray x = Nd4j.create(new float[]{-3, -0f, 0, tiny, 1e-38f, 0.5f, huge, Float.POSITIVE_INFINITY, Float.NaN},
                new long[]{1, 9}, 'c');
        Parameter in = new Parameter(x, "x");
        Variable y = F.relu(in);
        float[] out = Host.toArray(y.data());
        assertArrayEquals(new float[]{0, 0, 0, tiny, 1e-38f, 0.5f, huge, Float.POSITIVE_INFINITY, Float.NaN}, out);
        y.setGrad(Nd4j.create(new float[]{1, 2, 3, -4, 5, -6, 7, 8, 9}, new long[]{1, 9}, 'c'));
        y.backward();
        float[] gx = Host.toArray(in.grad());
        assertArrayEquals(new float[]{0, 0, 0, -4, 5, -6, 7, 8}, java.util.Arrays.copyOf(gx, 8));
    }

    @Test
    void softmaxCrossEntropyValueAndGradient() {
        INDArray x = Nd4j.create(new float[]{1, 2, 3, 0, 0, 0}, new long[]{2, 3}, 'c');
        float loss = F.softmaxCrossEntropy(new Variable(x), new int[]{2, 0}).item();
        double expected = (-(3 - Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3))) + Math.log(3)) / 2;
        assertEquals(expected, loss, 1e-6);
        // a huge logit must not overflow
        INDArray big = Nd4j.create(new float[]{1000, 0}, new long[]{1, 2}, 'c');
        assertEquals(1000, F.softmaxCrossEntropy(new Variable(big), new int[]{1}).item(), 1e-3);

        Rng rng = new Rng(3);
        int[] t = {0, 2, 1, 4};
        GradientCheck.check(in -> F.softmaxCrossEntropy(in[0], t), new Parameter[]{GradientCheck.param(rng, 4, 5)}, 1e-2, 1e-3, 1e-2);
        int[] withIgnored = {0, -1, 1, 4};
        GradientCheck.check(in -> F.softmaxCrossEntropy(in[0], withIgnored), new Parameter[]{GradientCheck.param(rng, 4, 5)}, 1e-2, 1e-3, 1e-2);
    }

    @Test
    void accuracyCountsArgmaxMatchesWithFirstIndexOnTies() {
        INDArray y = Nd4j.create(new float[]{0.1f, 0.9f, 0.5f, 0.5f, 2, 1}, new long[]{3, 2}, 'c');
        assertEquals(2f / 3, F.accuracy(new Variable(y), new int[]{1, 0, 1}).item(), 1e-7);
        assertArrayEquals(new int[]{1, 0, 0}, F.argmax(new Variable(y)));
    }

    @Test
    void wholeMlpGradients() {
        Rng rng = new Rng(4);
        Network model = Network.mlp(rng, 6, 5, 4, 3);
        Parameter x = GradientCheck.param(rng, 2, 6);
        int[] t = {1, 2};
        Parameter[] params = model.params().toArray(new Parameter[0]);
        Parameter[] all = new Parameter[params.length + 1];
        System.arraycopy(params, 0, all, 0, params.length);
        all[params.length] = x;
        GradientCheck.check(in -> F.softmaxCrossEntropy(model.forward(x), t), all, 1e-3, 2e-3, 2e-2);
    }

    @Test
    void gradientsAccumulateUntilCleared() {
        Rng rng = new Rng(5);
        Network model = Network.mlp(rng, 4, 3, 2);
        INDArray xa = Nd4j.rand(DataType.FLOAT, 2, 4);
        int[] t = {0, 1};
        model.cleargrads();
        F.softmaxCrossEntropy(model.forward(new Variable(xa)), t).backward();
        float[] once = Host.toArray(model.namedParams().get("l1/W").grad());
        F.softmaxCrossEntropy(model.forward(new Variable(xa)), t).backward();
        float[] twice = Host.toArray(model.namedParams().get("l1/W").grad());
        for (int i = 0; i < once.length; i++) assertEquals(2 * once[i], twice[i], 1e-6);
        model.cleargrads();
        assertNull(model.namedParams().get("l1/W").grad());
        F.softmaxCrossEntropy(model.forward(new Variable(xa)), t).backward();
        assertArrayEquals(once, Host.toArray(model.namedParams().get("l1/W").grad()), 1e-7f);
    }

    @Test
    void aVariableUsedTwiceGetsBothGradients() {
        Rng rng = new Rng(6);
        Parameter w = GradientCheck.param(rng, 3, 3);
        Parameter x = GradientCheck.param(rng, 2, 3);
        // y = (x W^T) W^T uses W twice: define-by-run must add both paths
        GradientCheck.check(in -> F.linear(F.linear(in[0], in[1], null), in[1], null), new Parameter[]{x, w}, 1e-2, 2e-3, 2e-2);
    }

    @Test
    void noBackpropModeRecordsNothing() {
        Network model = Network.mlp(new Rng(7), 4, 2);
        try (Graph.Mode m = Graph.noBackprop()) {
            Variable y = model.forward(new Variable(Nd4j.rand(DataType.FLOAT, 1, 4)));
            assertNull(y.creator());
        }
        Variable y = model.forward(new Variable(Nd4j.rand(DataType.FLOAT, 1, 4)));
        assertNotNull(y.creator());
    }
}
