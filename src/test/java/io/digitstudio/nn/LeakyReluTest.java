package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Chainer's leaky_relu as a function (values, gradients) and as a layer of a network spec. */
class LeakyReluTest {
    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    /** Chainer's docstring example and edge cases: 0, a subnormal, a product that underflows to -0, and -0. */
    private static final float[] X = {-1, 0, 2, -3, -2, 1, -0.7f, 1e-40f, -1e-45f, -0f};

    private static Parameter x() {
        INDArray a = Nd4j.create(DataType.FLOAT, 2, 5);
        Host.write(X.clone(), a);
        return new Parameter(a, "x");
    }

    @Test
    void forwardIsChainersFloat32BitForBit() {
        // numpy: y = x.copy(); y[x <= 0] *= 0.2 (float32)
        float[] expected = {-0x1.99999ap-3f, 0f, 2f, -0x1.333334p-1f, -0x1.99999ap-2f, 1f, -0x1.1eb852p-3f, 0x1.16c2p-133f, -0f, -0f};
        float[] y = Host.toArray(LeakyReluLayer.leakyRelu(x(), 0.2).data());
        for (int i = 0; i < X.length; i++) assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(y[i]), "element " + i);
        float[] small = Host.toArray(LeakyReluLayer.leakyRelu(x(), 0.01).data());
        assertEquals(-0x1.47ae14p-7f, small[0], 0f);
        assertEquals(-0x1.cac082p-8f, small[6], 0f);
    }

    @Test
    void backwardIsChainersFloat32BitForBit() {
        // numpy: gx = gy.copy(); gx[y <= 0] *= 0.2; at 0, and where the output underflowed to -0, the slope applies
        float[] gy = {0.5f, -1.5f, 2, 3, 0.25f, -0.75f, 1.1f, 0.3f, -0.9f, 0.6f};
        float[] expected = {0x1.99999ap-4f, -0x1.333334p-2f, 2f, 0x1.333334p-1f, 0x1.99999ap-5f, -0.75f, 0x1.c28f5ep-3f, 0.3f, -0x1.70a3d6p-3f, 0x1.eb852p-4f};
        Parameter x = x();
        Variable y = LeakyReluLayer.leakyRelu(x, 0.2);
        y.grad = Nd4j.create(DataType.FLOAT, 2, 5);
        Host.write(gy, y.grad);
        y.backward();
        float[] gx = Host.toArray(x.grad());
        for (int i = 0; i < X.length; i++) assertEquals(Float.floatToIntBits(expected[i]), Float.floatToIntBits(gx[i]), "element " + i);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Rng rng = new Rng(7);
        Parameter p = GradientCheck.param(rng, 4, 3);
        float[] v = Host.toArray(p.data());
        for (int i = 0; i < v.length; i++) if (Math.abs(v[i]) < 0.1f) v[i] = v[i] < 0 ? -0.3f : 0.3f; // no kink within eps
        p.copyFrom(v);
        for (double slope : new double[]{0.2, 0.01, 0, -0.5}) {
            GradientCheck.check(in -> LeakyReluLayer.leakyRelu(in[0], slope), new Parameter[]{p}, 1e-2, 1e-3, 1e-2);
        }
    }

    @Test
    void aSpecWritesItWithAnOptionalSlope() {
        NetworkSpec s = NetworkSpec.parse("linear 50, leaky_relu, linear 20, LeakyReLU 0.1, linear");
        assertEquals(new LeakyReluLayer(0.2), s.layers().get(1));
        assertEquals(new LeakyReluLayer(0.1), s.layers().get(3));
        assertEquals("linear 50, leaky_relu, linear 20, leaky_relu 0.1, linear", s.text());
        assertEquals(s, NetworkSpec.parse(s.text()));
        assertEquals("leaky_relu 0.0125", new LeakyReluLayer(0.0125).text());
        assertTrue(LayerTypes.words().endsWith("leaky_relu"));
        assertTrue(LayerTypes.usage().contains("leaky_relu [SLOPE]"));

        String bad = "linear 50, leaky_relu 2, linear";
        SpecException e = assertThrows(SpecException.class, () -> NetworkSpec.parse(bad));
        assertEquals("layer 2 \"leaky_relu 2\": the leaky_relu slope must be from 0 up to (not including) 1, got 2", e.getMessage());
        assertEquals("2", bad.substring(e.start(), e.end()));
        assertTrue(assertThrows(SpecException.class, () -> NetworkSpec.parse("linear 5, leaky_relu x, linear")).getMessage().contains("\"x\" is not a slope"));
        assertTrue(assertThrows(SpecException.class, () -> NetworkSpec.parse("linear 5, leaky_relu 0.1 0.2, linear")).getMessage().contains("takes one slope"));
    }

    @Test
    void aNetworkWithItPlansBuildsAndSplitsAcrossCores() {
        NetworkSpec spec = NetworkSpec.parse("conv 4 3, leaky_relu, maxpool 2, linear 16, leaky_relu 0.1, linear");
        Summary table = Network.summarize(spec, new int[]{1, 12, 12}, 10);
        assertEquals(List.of("", "Convolution2D", "leaky_relu", "max_pooling_2d", "Linear", "leaky_relu", "Linear"),
                table.rows().stream().map(Summary.Row::type).toList());
        assertEquals("(4, 10, 10)", table.rows().get(2).shapeText());
        Network n = new Network(spec, new int[]{1, 12, 12}, 10, new Rng(0));
        assertEquals(table.table(), n.summary().table());
        // not a ReLU, so the convolution is not fused with it
        assertEquals(List.of("conv1", "conv1 · leaky_relu", "conv1 · max_pooling_2d", "fc2", "fc2 · leaky_relu", "fc3"), n.stepNames());
        assertTrue(n.dataParallel());
        Variable y = n.forward(Variable.of(new float[144], n.batchShape(1)));
        assertArrayEquals(new long[]{1, 10}, y.shape());
    }
}
