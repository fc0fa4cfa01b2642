package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LinkTest {
    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    @Test
    void tutorialNetworkHasChainerPathsAndShapes() {
        Network m = Network.mlp(new Rng(0), 784, 100, 100, 10);
        assertEquals(List.of("l1/W", "l1/b", "l2/W", "l2/b", "l3/W", "l3/b"), List.copyOf(m.namedParams().keySet()));
        assertArrayEquals(new long[]{100, 784}, m.namedParams().get("l1/W").shape());
        assertArrayEquals(new long[]{10}, m.namedParams().get("l3/b").shape());
        assertEquals(784 * 100 + 100 + 100 * 100 + 100 + 100 * 10 + 10, m.countParams());
        assertEquals("784-100-100-10", m.architecture());
    }

    @Test
    void linearInitialisesLikeChainer() {
        Linear l = new Linear(400, 300, new Rng(1));
        float[] w = Host.toArray(l.W().data());
        double mean = 0, sq = 0;
        for (float v : w) {
            mean += v;
            sq += v * v;
        }
        mean /= w.length;
        double std = Math.sqrt(sq / w.length - mean * mean);
        assertEquals(0, mean, 0.005);
        assertEquals(Math.sqrt(1.0 / 400), std, 0.002); // LeCunNormal
        for (float v : Host.toArray(l.b().data())) assertEquals(0f, v);
    }

    @Test
    void lazyLinearTakesItsInputSizeFromTheFirstBatch() {
        Linear l = new Linear(3, new Rng(2));
        assertEquals(-1, l.inSize());
        assertFalse(l.W().isInitialized());
        Variable y = l.forward(new Variable(Nd4j.rand(DataType.FLOAT, 2, 7)));
        assertEquals(7, l.inSize());
        assertArrayEquals(new long[]{2, 3}, y.shape());
    }

    @Test
    void workspaceStopsAllocatingOnceWarm() {
        Network m = Network.mlp(new Rng(3), 784, 20, 20, 10);
        Workspace ws = new Workspace();
        float[] x = new float[8 * 784];
        int[] t = new int[8];
        long after = 0;
        for (int i = 0; i < 5; i++) {
            try (Workspace.Scope s = ws.enter()) {
                Variable loss = F.softmaxCrossEntropy(m.forward(Variable.of(x, 8, 784)), t);
                m.cleargrads();
                loss.backward();
            }
            if (i == 1) after = ws.allocations();
        }
        assertTrue(after > 0);
        assertEquals(after, ws.allocations(), "the workspace allocated after warm-up");
    }
}
