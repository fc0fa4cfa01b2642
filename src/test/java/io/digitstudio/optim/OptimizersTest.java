package io.digitstudio.optim;

import io.digitstudio.data.Rng;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Link;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.*;

/** Each optimizer against steps worked out by hand from Chainer's update rules. */
class OptimizersTest {
    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    /** A link with one parameter holding {1, -1}. */
    static final class One extends Link {
        final Parameter p = addParam("p", new Parameter(Nd4j.create(new float[]{1f, -1f}, new long[]{2}, 'c'), "p"));
    }

    private static float[] steps(Optimizer opt, float[]... grads) {
        One link = new One();
        opt.setup(link);
        for (float[] g : grads) {
            link.p.setGrad(Nd4j.create(g, new long[]{2}, 'c'));
            opt.update();
        }
        return Host.toArray(link.p.data());
    }

    @Test
    void sgd() {
        assertArrayEquals(new float[]{0.8f, -0.95f}, steps(new Sgd(0.1), new float[]{2, -0.5f}), 1e-7f);
        assertEquals(0.01, new Sgd().hyperparams().get("lr"));
    }

    @Test
    void momentumSgd() {
        // v = 0.9 v - 0.1 g; w += v.  Step 1 (g=1): v=-0.1, w=0.9.  Step 2 (g=0.5): v=-0.09-0.05=-0.14, w=0.76.
        float[] w = steps(new MomentumSgd(0.1, 0.9), new float[]{1, 0}, new float[]{0.5f, 0});
        assertEquals(0.76f, w[0], 1e-6f);
        assertEquals(-1f, w[1], 0f);
        MomentumSgd def = new MomentumSgd();
        assertEquals(0.01, def.hyperparams().get("lr"));
        assertEquals(0.9, def.hyperparams().get("momentum"));
    }

    @Test
    void adaGrad() {
        // h = 4, w = 1 - 0.1*2/2 = 0.9; then h = 8, w = 0.9 - 0.2/sqrt(8) = 0.829289
        float[] w = steps(new AdaGrad(0.1, 1e-8), new float[]{2, 0}, new float[]{2, 0});
        assertEquals(0.829289f, w[0], 1e-6f);
        assertEquals(-1f, w[1], 0f); // zero gradient, zero h: 0/(0+eps) = 0
    }

    @Test
    void rmsProp() {
        // ms = 0.01*4 = 0.04, w = 1 - 0.02/0.2 = 0.9; ms = 0.0396+0.04 = 0.0796, w = 0.9 - 0.02/sqrt(0.0796) = 0.829112
        float[] w = steps(new RmsProp(0.01, 0.99, 1e-8), new float[]{2, 0}, new float[]{2, 0});
        assertEquals(0.829112f, w[0], 1e-6f);
    }

    @Test
    void adam() {
        // Constant gradient: bias correction makes each step exactly alpha: 1 -> 0.999 -> 0.998.
        float[] one = steps(new Adam(), new float[]{2, -3});
        assertEquals(0.999f, one[0], 1e-6f);
        assertEquals(-0.999f, one[1], 1e-6f);
        float[] two = steps(new Adam(), new float[]{2, -3}, new float[]{2, -3});
        assertEquals(0.998f, two[0], 1e-6f);
        // A changed gradient: m = 0.2 + 0.1(0.5-0.2) = 0.23, v = 0.004 + 0.001(0.25-0.004) = 0.004246,
        // alpha_t = 0.001 sqrt(1-0.999^2)/(1-0.9^2) = 2.35317e-4, step = alpha_t/sqrt(v) * m = 8.30603e-4
        float[] changed = steps(new Adam(), new float[]{2, 0}, new float[]{0.5f, 0});
        assertEquals(0.999f - 8.30603e-4f, changed[0], 2e-6f);
    }

    @Test
    void nesterovAg() {
        // Chainer's rule: v = 0.9 v - 0.1 g; W += 0.81 v; W -= 0.19 g.  Step 1 (g=1): v=-0.1, w = 1 - 0.081 - 0.19 = 0.729.
        // Step 2 (g=0.5): v = -0.09 - 0.05 = -0.14, w = 0.729 - 0.1134 - 0.095 = 0.5206 (numpy float32: 0x1.0a8c18p-1)
        float[] w = steps(new NesterovAg(0.1, 0.9), new float[]{1, 0}, new float[]{0.5f, 0});
        assertEquals(0.5206f, w[0], 1e-6f);
        assertEquals(0x1.0a8c18p-1f, w[0], 0f);
        assertEquals(-1f, w[1], 0f);
        // Chainer's defaults, three steps; the bits numpy's float32 arithmetic gives
        float[] d = steps(new NesterovAg(), new float[]{2, -0.5f}, new float[]{-1, 3}, new float[]{0.25f, 0.125f});
        assertArrayEquals(new float[]{0x1.e4347ep-1f, -0x1.16097ap+0f}, d, 0f);
        NesterovAg def = new NesterovAg();
        assertEquals(0.01, def.get("lr"));
        assertEquals(0.9, def.get("momentum"));
        assertEquals(java.util.Set.of("v"), def.setup(new One()).rules().get("p").state().keySet());
        assertEquals("nesterov-ag", Optimizers.canonical("NesterovAG"));
        assertEquals(java.util.Map.of("lr", 0.01, "momentum", 0.9), Optimizers.defaults("nesterov-ag"));
    }

    @Test
    void parametersWithoutGradientsAreSkipped() {
        One link = new One();
        Optimizer opt = new MomentumSgd().setup(link);
        link.cleargrads();
        opt.update();
        assertArrayEquals(new float[]{1f, -1f}, Host.toArray(link.p.data()));
        assertEquals(0, opt.rules().get("p").t());
        assertEquals(1, opt.t());
    }

    @Test
    void stateIsKeptPerParameterByChainerName() {
        Network m = Network.mlp(new Rng(0), 3, 2);
        Optimizer opt = new Adam().setup(m);
        assertEquals(java.util.List.of("l1/W", "l1/b"), java.util.List.copyOf(opt.rules().keySet()));
        assertEquals(java.util.Set.of("m", "v"), opt.rules().get("l1/W").state().keySet());
        assertEquals(6, opt.rules().get("l1/W").state().get("m").length);
    }

    @Test
    void everyOptimizerIsDescribedByItsOwnClass() {
        assertEquals(Optimizers.NAMES.size(), new java.util.HashSet<>(Optimizers.NAMES).size(), "names are unique");
        // snapshots written before optimizers were saved by name hold their index in this list
        assertEquals(java.util.List.of("momentum-sgd", "sgd", "adam", "rmsprop", "adagrad"), Optimizers.NAMES.subList(0, 5));
        for (OptimizerType t : Optimizers.TYPES) {
            Optimizer o = Optimizers.create(t.name(), java.util.Map.of());
            assertSame(t, o.type(), t.name());
            assertEquals(t.name(), o.name());
            for (OptimizerType.Param p : t.params()) assertEquals(p.defaultValue(), o.get(p.key()), t.name() + "/" + p.key());
            assertEquals(t.learningRate().key(), o.lrName());
            assertFalse(t.label().isBlank());
            assertFalse(t.help().isBlank());
            assertSame(t, Optimizers.type(t.label()), "the label reads as the name: " + t.label());
        }
        assertEquals("momentum-sgd", Optimizers.canonical("MomentumSGD"));
        assertEquals("momentum-sgd", Optimizers.canonical(" momentum_sgd "));
        assertEquals("alpha", Optimizers.learningRateKey("adam"));
        assertEquals(java.util.Map.of("lr", 0.5, "momentum", 0.9), Optimizers.resolve("momentum-sgd", java.util.Map.of("lr", 0.5)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizers.resolve("sgd", java.util.Map.of("momentum", 0.5)))
                .getMessage().contains("sgd has no hyper-parameter 'momentum'; it has lr"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizers.create("adam", java.util.Map.of("beta2", 1.0)))
                .getMessage().contains("beta2 must be at least 0 and below 1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizers.create("adam", java.util.Map.of("alpha", 0.0)))
                .getMessage().contains("learning rate must be a positive number"));
        // a schedule may take the learning rate to 0, nothing else may leave its range
        Optimizer adam = new Adam();
        adam.set("alpha", 0);
        assertThrows(IllegalArgumentException.class, () -> adam.set("eps", 0));
        assertThrows(IllegalArgumentException.class, () -> adam.set("eta", -1));
    }

    @Test
    void factoryRefusesWithTheAllowedRange() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizers.create("nadam", null, null)).getMessage()
                .contains("momentum-sgd, sgd, adam, rmsprop, adagrad"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizers.create("sgd", -1.0, null)).getMessage().contains("positive"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Optimizers.create("momentum-sgd", null, 1.5)).getMessage()
                .contains("momentum must be at least 0 and below 1, got 1.5"));
        assertEquals(0.001, Optimizers.defaultLr("adam"));
        assertEquals(0.01, Optimizers.defaultLr("momentum-sgd"));
    }
}
