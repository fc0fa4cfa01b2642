package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BatchNormTest {
    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    @Test
    void gradientsWithBatchAndWithRunningStatistics() {
        Rng rng = new Rng(21);
        Parameter x = GradientCheck.param(rng, 4, 3, 2, 2);
        Parameter gamma = GradientCheck.param(rng, 3);
        Parameter beta = GradientCheck.param(rng, 3);
        GradientCheck.check(in -> new BatchNormFunction(2e-5, null, null).apply(in[0], in[1], in[2]), new Parameter[]{x, gamma, beta}, 1e-2, 3e-3, 3e-2);
        float[] mean = {0.1f, -0.2f, 0.3f}, var = {1.5f, 0.5f, 2f};
        GradientCheck.check(in -> new BatchNormFunction(2e-5, mean, var).apply(in[0], in[1], in[2]), new Parameter[]{x, gamma, beta}, 1e-2, 3e-3, 3e-2);
        Parameter flat = GradientCheck.param(rng, 5, 3);
        GradientCheck.check(in -> new BatchNormFunction(2e-5, null, null).apply(in[0], in[1], in[2]), new Parameter[]{flat, gamma, beta}, 1e-2, 3e-3, 3e-2);
    }

    @Test
    void trainingNormalisesAndKeepsChainersRunningAverages() {
        BatchNormalization bn = new BatchNormalization(2);
        // two channels over a batch of 2 with 2 values each: channel 0 holds 1,2,3,4 and channel 1 holds 10,10,10,10
        float[] v = {1, 2, 10, 10, 3, 4, 10, 10};
        Variable y = bn.forward(Variable.of(v, 2, 2, 1, 2));
        float[] out = Host.toArray(y.data());
        double std = Math.sqrt(1.25 + 2e-5); // biased variance of 1,2,3,4
        assertEquals((1 - 2.5) / std, out[0], 1e-5);
        assertEquals((4 - 2.5) / std, out[5], 1e-5);
        assertEquals(0f, out[2], 1e-5);
        var p = bn.namedPersistents();
        assertEquals(List.of("avg_mean", "avg_var", "N"), List.copyOf(p.keySet()));
        // avg_mean = 0.9 * 0 + 0.1 * mean; avg_var = 0.9 * 1 + 0.1 * var * m / (m - 1), m = 4
        assertArrayEquals(new float[]{0.25f, 1.0f}, p.get("avg_mean").values(), 1e-6f);
        assertArrayEquals(new float[]{(float) (0.9 + 0.1 * 1.25 * 4 / 3), 0.9f}, p.get("avg_var").values(), 1e-6f);
        assertEquals(1, p.get("N").scalar());
        try (Graph.Mode t = Config.testMode()) {
            float[] fixed = Host.toArray(bn.forward(Variable.of(v, 2, 2, 1, 2)).data());
            assertEquals((1 - 0.25) / Math.sqrt(p.get("avg_var").values()[0] + 2e-5), fixed[0], 1e-5);
        }
        assertEquals(1, p.get("N").scalar(), "test mode leaves the statistics alone");
    }

    @Test
    void aNetworkNamesItAfterTheLayerItNormalises() {
        Network net = new Network(NetworkSpec.parse("conv 4 3, batchnorm, relu, maxpool 2, linear 8, bn, relu, linear"), new int[]{1, 8, 8}, 3, new Rng(0));
        assertEquals(List.of("conv1/W", "conv1/b", "bn1/gamma", "bn1/beta", "fc2/W", "fc2/b", "bn2/gamma", "bn2/beta", "fc3/W", "fc3/b"),
                List.copyOf(net.namedParams().keySet()));
        assertEquals(List.of("bn1/avg_mean", "bn1/avg_var", "bn1/N", "bn2/avg_mean", "bn2/avg_var", "bn2/N"), List.copyOf(net.namedPersistents().keySet()));
        assertTrue(net.summary().table().contains("BatchNormalization"));
        assertEquals("conv 4 3, batchnorm, relu, maxpool 2, linear 8, batchnorm, relu, linear 3", net.spec().text());
        assertThrows(SpecException.class, () -> Network.summarize(NetworkSpec.parse("linear 8, bn, bn, linear"), new int[]{4}, 3));
    }
}
