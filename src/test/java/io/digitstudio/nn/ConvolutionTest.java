package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.*;

/** Convolution, pooling, dropout and reshape: Chainer's semantics checked by hand and by finite differences. */
class ConvolutionTest {
    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    /** Distinct values (a shuffled ramp), so max pooling has no ties for finite differences to trip on. */
    private static Parameter distinct(Rng rng, long... shape) {
        Parameter p = GradientCheck.param(rng, shape);
        int n = p.size();
        int[] perm = rng.permutation(n);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (perm[i] - n / 2f) * 0.05f;
        p.copyFrom(v);
        return p;
    }

    private static INDArray array(float[] v, long... shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape);
        Host.write(v, a);
        return a;
    }

    @Test
    void convolutionGradients() {
        Rng rng = new Rng(11);
        Parameter x = GradientCheck.param(rng, 2, 3, 6, 5);
        Parameter w = GradientCheck.param(rng, 4, 3, 3, 3);
        Parameter b = GradientCheck.param(rng, 4);
        GradientCheck.check(in -> F.convolution2d(in[0], in[1], in[2], 1, 0), new Parameter[]{x, w, b}, 1e-2, 2e-3, 2e-2);
        GradientCheck.check(in -> F.convolution2d(in[0], in[1], in[2], 2, 1), new Parameter[]{x, w, b}, 1e-2, 2e-3, 2e-2);
        GradientCheck.check(in -> F.convolution2d(in[0], in[1], null, 1, 2), new Parameter[]{x, w}, 1e-2, 2e-3, 2e-2);
    }

    @Test
    void convolutionMatchesADirectSum() {
        Rng rng = new Rng(12);
        Parameter x = GradientCheck.param(rng, 2, 2, 5, 4);
        Parameter w = GradientCheck.param(rng, 3, 2, 3, 2);
        Parameter b = GradientCheck.param(rng, 3);
        int stride = 2, pad = 1;
        Variable y = F.convolution2d(x, w, b, stride, pad);
        // Chainer: out = (size + 2 pad - k) / stride + 1
        assertArrayEquals(new long[]{2, 3, 3, 3}, y.shape());
        float[] xv = Host.toArray(x.data()), wv = Host.toArray(w.data()), bv = Host.toArray(b.data()), yv = Host.toArray(y.data());
        for (int n = 0; n < 2; n++) for (int o = 0; o < 3; o++) for (int oy = 0; oy < 3; oy++) for (int ox = 0; ox < 3; ox++) {
            double s = bv[o];
            for (int c = 0; c < 2; c++) for (int i = 0; i < 3; i++) for (int j = 0; j < 2; j++) {
                int iy = oy * stride + i - pad, ix = ox * stride + j - pad;
                if (iy >= 0 && iy < 5 && ix >= 0 && ix < 4) s += (double) xv[((n * 2 + c) * 5 + iy) * 4 + ix] * wv[((o * 2 + c) * 3 + i) * 2 + j];
            }
            assertEquals(s, yv[((n * 3 + o) * 3 + oy) * 3 + ox], 1e-5);
        }
    }

    @Test
    void maxPoolingCoversAllByDefaultAsChainerDoes() {
        // 5x5 with window 2, stride 2: cover_all gives 3x3 (the last row and column alone), without it 2x2
        float[] v = new float[25];
        for (int i = 0; i < 25; i++) v[i] = i;
        Variable x = new Variable(array(v, 1, 1, 5, 5));
        assertArrayEquals(new float[]{6, 8, 9, 16, 18, 19, 21, 23, 24}, Host.toArray(F.maxPooling2d(x, 2, 2, 0).data()));
        assertArrayEquals(new float[]{6, 8, 16, 18}, Host.toArray(F.maxPooling2d(x, 2, 2, 0, false).data()));
        assertArrayEquals(new long[]{1, 1, 12, 12}, F.maxPooling2d(new Variable(Nd4j.zeros(DataType.FLOAT, 1, 1, 24, 24)), 2, 2, 0).shape());
    }

    @Test
    void averagePoolingCountsPaddingAsZeros() {
        float[] v = {1, 2, 3, 4};
        Variable x = new Variable(array(v, 1, 1, 2, 2));
        assertArrayEquals(new float[]{2.5f}, Host.toArray(F.averagePooling2d(x, 2, 2, 0).data()));
        // pad 1, window 2, stride 2: each window holds one real pixel and three zeros
        assertArrayEquals(new float[]{0.25f, 0.5f, 0.75f, 1f}, Host.toArray(F.averagePooling2d(x, 2, 2, 1).data()));
    }

    @Test
    void poolingGradients() {
        Rng rng = new Rng(13);
        Parameter x = distinct(rng, 2, 2, 5, 5);
        GradientCheck.check(in -> F.maxPooling2d(in[0], 2, 2, 0), new Parameter[]{x}, 1e-3, 2e-3, 2e-2);
        GradientCheck.check(in -> F.maxPooling2d(in[0], 3, 2, 1), new Parameter[]{x}, 1e-3, 2e-3, 2e-2);
        GradientCheck.check(in -> F.averagePooling2d(in[0], 2, 2, 0), new Parameter[]{x}, 1e-2, 2e-3, 2e-2);
        GradientCheck.check(in -> F.averagePooling2d(in[0], 3, 1, 1), new Parameter[]{x}, 1e-2, 2e-3, 2e-2);
    }

    @Test
    void dropoutActsOnlyInTrainingMode() {
        Rng rng = new Rng(14);
        Parameter x = GradientCheck.param(rng, 4, 50);
        Variable y = F.dropout(x, 0.5, new Rng(1));
        float[] xv = Host.toArray(x.data()), yv = Host.toArray(y.data());
        int dropped = 0;
        for (int i = 0; i < xv.length; i++) {
            if (yv[i] == 0f) {
                dropped++;
            } else {
                assertEquals(2 * xv[i], yv[i], 1e-6); // kept values are scaled by 1 / (1 - ratio)
            }
        }
        assertTrue(dropped > 60 && dropped < 140, "about half dropped, got " + dropped);
        try (Graph.Mode t = Config.testMode()) {
            assertSame(x, F.dropout(x, 0.5, new Rng(1)));
        }
        assertTrue(Config.train());
        // the gradient goes through the same mask: check with a fresh mask drawn from the same seed each time
        GradientCheck.check(in -> F.dropout(in[0], 0.3, new Rng(7)), new Parameter[]{x}, 1e-2, 2e-3, 2e-2);
    }

    @Test
    void reshapeAndLinearFlattenTrailingAxesInCOrder() {
        Rng rng = new Rng(15);
        Parameter x = GradientCheck.param(rng, 2, 3, 2, 2);
        Parameter w = GradientCheck.param(rng, 4, 12);
        Parameter b = GradientCheck.param(rng, 4);
        float[] direct = Host.toArray(F.linear(x, w, b).data());
        float[] flat = Host.toArray(F.linear(F.flatten(x), w, b).data());
        assertArrayEquals(flat, direct, 0f);
        assertArrayEquals(new long[]{2, 12}, F.flatten(x).shape());
        assertArrayEquals(new long[]{6, 4}, F.reshape(x, -1, 4).shape());
        GradientCheck.check(in -> F.linear(in[0], in[1], in[2]), new Parameter[]{x, w, b}, 1e-2, 2e-3, 2e-2);
        GradientCheck.check(in -> F.reshape(in[0], 4, -1), new Parameter[]{x}, 1e-2, 2e-3, 2e-2);
        assertThrows(IllegalArgumentException.class, () -> F.reshape(x, 5, -1));
    }

    @Test
    void fusedConvolutionReluPoolingIsTheThreeFunctionsBitForBit() {
        Rng rng = new Rng(17);
        // 9x8 gives maps of odd height; 10x8 even ones, whose 2x2 pooling after a ReLU takes its own loop. Finite
        // differences on the first only: the second's random values put a window's near-tie within their step.
        fusedIsTheThreeFunctions(rng, GradientCheck.param(rng, 3, 2, 9, 8), true);
        fusedIsTheThreeFunctions(rng, GradientCheck.param(rng, 3, 2, 10, 8), false);
    }

    private static void fusedIsTheThreeFunctions(Rng rng, Parameter x, boolean finiteDifferences) {
        Parameter w = GradientCheck.param(rng, 4, 2, 3, 3);
        Parameter b = GradientCheck.param(rng, 4);
        int[][] settings = {{1, 0, 1, 2, 2, 0}, {2, 1, 1, 3, 2, 1}, {1, 1, 0, 2, 1, 0}, {1, 0, 1, 0, 0, 0}};
        for (int[] st : settings) {
            boolean relu = st[2] == 1;
            java.util.function.Function<Parameter[], Variable> plain = in -> {
                Variable h = F.convolution2d(in[0], in[1], in[2], st[0], st[1]);
                if (relu) h = F.relu(h);
                return st[3] > 0 ? F.maxPooling2d(h, st[3], st[4], st[5]) : h;
            };
            java.util.function.Function<Parameter[], Variable> fused = in -> F.convolution2dBlock(in[0], in[1], in[2], st[0], st[1], relu, st[3], st[4], st[5]);
            Parameter[] in = {x, w, b};
            float[][] a = valueAndGradients(plain, in), f = valueAndGradients(fused, in);
            for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], f[i], 0f, "setting " + java.util.Arrays.toString(st) + " array " + i);
            if (finiteDifferences) GradientCheck.check(fused, new Parameter[]{x, w, b}, 1e-3, 3e-3, 3e-2);
        }
    }

    @Test
    void twoCoresGiveTheSameBitsAsOne() {
        Rng rng = new Rng(18);
        Parameter x = GradientCheck.param(rng, 7, 3, 10, 10);
        Parameter w = GradientCheck.param(rng, 5, 3, 3, 3);
        Parameter b = GradientCheck.param(rng, 5);
        int before = Cores.count();
        try {
            for (boolean fused : new boolean[]{true, false}) {
                java.util.function.Function<Parameter[], Variable> f = in -> fused
                        ? F.convolution2dBlock(in[0], in[1], in[2], 1, 1, true, 2, 2, 0) : F.convolution2d(in[0], in[1], in[2], 2, 0);
                Cores.setCount(1);
                float[][] one = valueAndGradients(f, new Parameter[]{x, w, b});
                Cores.setCount(2);
                float[][] two = valueAndGradients(f, new Parameter[]{x, w, b});
                for (int i = 0; i < one.length; i++) assertArrayEquals(one[i], two[i], 0f, "array " + i + (fused ? " (fused)" : ""));
            }
        } finally {
            Cores.setCount(before);
        }
    }

    @Test
    void columnsKeptForBackwardGiveTheBitsOfRebuiltOnes() {
        Rng rng = new Rng(19);
        Parameter x = GradientCheck.param(rng, 5, 3, 11, 9);
        Parameter w = GradientCheck.param(rng, 4, 3, 3, 3);
        Parameter b = GradientCheck.param(rng, 4);
        long before = Convolution2DFunction.keepColumnsMax;
        try {
            for (int[] st : new int[][]{{1, 0, 2}, {2, 1, 0}, {1, 2, 3}}) {
                java.util.function.Function<Parameter[], Variable> f = in -> st[2] > 0
                        ? F.convolution2dBlock(in[0], in[1], in[2], st[0], st[1], true, st[2], st[2], 0) : F.convolution2d(in[0], in[1], in[2], st[0], st[1]);
                Convolution2DFunction.keepColumnsMax = Long.MAX_VALUE;
                float[][] kept = valueAndGradients(f, new Parameter[]{x, w, b});
                Convolution2DFunction.keepColumnsMax = 0; // every image's columns rebuilt in backward
                float[][] rebuilt = valueAndGradients(f, new Parameter[]{x, w, b});
                for (int i = 0; i < kept.length; i++) assertArrayEquals(rebuilt[i], kept[i], 0f, "setting " + java.util.Arrays.toString(st) + " array " + i);
            }
        } finally {
            Convolution2DFunction.keepColumnsMax = before;
        }
    }

    private static float[][] valueAndGradients(java.util.function.Function<Parameter[], Variable> f, Parameter[] in) {
        for (Parameter p : in) p.cleargrad();
        Variable y = f.apply(in);
        float[] gy = new float[(int) y.data().length()];
        for (int i = 0; i < gy.length; i++) gy[i] = (float) Math.sin(i);
        y.setGrad(array(gy, y.shape()));
        y.backward();
        return new float[][]{Host.toArray(y.data()), Host.toArray(in[0].grad()), Host.toArray(in[1].grad()), Host.toArray(in[2].grad())};
    }

    @Test
    void aConvolutionalTrainingStepStopsAllocatingOnceWarm() {
        Network net = new Network(NetworkSpec.parse("conv 6 5, relu, maxpool 2, conv 8 3 pad 1, batchnorm, relu, avgpool 2, dropout 0.3, linear 20, relu, linear"),
                new int[]{1, 28, 28}, 10, new Rng(4));
        Workspace ws = new Workspace();
        float[] x = new float[16 * 784];
        int[] t = new int[16];
        long after = 0;
        for (int i = 0; i < 6; i++) {
            try (Workspace.Scope s = ws.enter()) {
                Variable loss = F.softmaxCrossEntropy(net.forward(Variable.of(x, net.batchShape(16))), t);
                net.cleargrads();
                loss.backward();
            }
            if (i == 2) after = ws.allocations();
        }
        assertTrue(after > 0);
        assertEquals(after, ws.allocations(), "native buffers were allocated after warm-up");
    }

    @Test
    void leNetGradientsThroughEveryLayer() {
        Rng rng = new Rng(16);
        Network net = new Network(NetworkSpec.parse("conv 3 3 pad 1, relu, maxpool 2, conv 4 3, tanh, avgpool 2 stride 1, dropout 0.2, linear 6, sigmoid, linear"),
                new int[]{2, 8, 8}, 3, rng);
        Parameter x = distinct(rng, 2, 2, 8, 8);
        int[] t = {2, 0};
        Parameter[] params = net.params().toArray(new Parameter[0]);
        long seed = net.dropoutRng().state();
        try (Graph.Mode test = Config.testMode()) { // dropout off: a deterministic function for finite differences
            GradientCheck.check(in -> F.softmaxCrossEntropy(net.forward(x), t), params, 1e-2, 3e-3, 3e-2);
        }
        assertEquals(seed, net.dropoutRng().state());
    }
}
