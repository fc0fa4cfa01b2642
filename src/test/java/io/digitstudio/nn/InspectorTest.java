package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class InspectorTest {
    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    /** Central differences of the class's score, in double from float evaluations (so h is not too small). */
    private static void assertSaliencyMatchesFiniteDifferences(Network net, float[] x, int cls) {
        float[] s = Inspector.saliency(net, x, cls);
        assertEquals(x.length, s.length);
        double h = 1e-2;
        int checked = 0;
        for (int i = 0; i < x.length; i += Math.max(1, x.length / 12)) {
            float[] up = x.clone();
            float[] down = x.clone();
            up[i] += (float) h;
            down[i] -= (float) h;
            double fd = (Inspector.scores(net, up)[cls] - Inspector.scores(net, down)[cls]) / (2 * h);
            assertEquals(fd, s[i], 2e-3 + 2e-2 * Math.abs(fd), "pixel " + i);
            checked++;
        }
        assertTrue(checked >= 10);
        // the backward pass left the model as it was: no gradients behind
        for (Parameter p : net.params()) assertNull(p.grad());
    }

    @Test
    void aPixelsSaliencyIsTheFiniteDifferenceOfTheScoreOnAnMlpAndACnn() {
        Rng rng = new Rng(3);
        Network mlp = new Network(NetworkSpec.parse("linear 12, tanh, linear 8, tanh, linear"), new int[]{1, 6, 6}, 4, rng);
        float[] x = new float[36];
        Rng data = new Rng(7);
        for (int i = 0; i < x.length; i++) x[i] = (float) data.nextDouble();
        assertSaliencyMatchesFiniteDifferences(mlp, x, 2);
        // a convolution, average pooling and a smooth activation, so that finite differences are exact enough
        Network cnn = new Network(NetworkSpec.parse("conv 3 3, tanh, avgpool 2, linear 6, tanh, linear"), new int[]{1, 8, 8}, 3, rng);
        float[] img = new float[64];
        for (int i = 0; i < img.length; i++) img[i] = (float) data.nextDouble();
        assertSaliencyMatchesFiniteDifferences(cnn, img, 1);
    }

    @Test
    void activationsAreEachStepsOutputAndEndInTheScores() {
        Network lenetLike = new Network(NetworkSpec.parse("conv 4 3, relu, maxpool 2, linear 10, relu, linear"), new int[]{1, 8, 8}, 3, new Rng(1));
        float[] x = new float[64];
        for (int i = 0; i < x.length; i++) x[i] = (i % 7) / 7f;
        List<Inspector.Activation> a = Inspector.activations(lenetLike, x);
        assertEquals(List.of("conv1 · relu · max_pooling_2d", "fc2", "fc2 · relu", "fc3"), a.stream().map(Inspector.Activation::name).toList());
        assertArrayEquals(new int[]{4, 3, 3}, a.get(0).shape());
        assertTrue(a.get(0).maps());
        assertArrayEquals(new int[]{10}, a.get(1).shape());
        for (float v : a.get(2).values()) assertTrue(v >= 0);
        assertArrayEquals(Inspector.scores(lenetLike, x), a.get(3).values(), 0f);
    }

    @Test
    void firstLayerTilesAreTheWeightsInTheInputsShape() {
        Network net = new Network(NetworkSpec.parse("linear 3, relu, linear"), new int[]{1, 4, 5}, 2, new Rng(0));
        Linear l1 = (Linear) net.children().get("l1");
        float[] w = new float[3 * 20];
        for (int u = 0; u < 3; u++) for (int i = 0; i < 20; i++) w[u * 20 + i] = u * 100 + i;
        l1.W().copyFrom(w);
        Inspector.Tiles t = Inspector.firstLayer(net);
        assertEquals("l1", t.layer());
        assertEquals(3, t.count());
        assertEquals(4, t.height());
        assertEquals(5, t.width());
        assertEquals(2 * 100 + 3 * 5 + 4, t.at(2, 0, 3, 4), 0f, "unit 2, row 3, column 4");
        double norm = 0;
        for (int i = 0; i < 20; i++) norm += (100.0 + i) * (100.0 + i);
        assertEquals(Math.sqrt(norm), t.norm(1), 1e-6);
        Network cnn = new Network(NetworkSpec.parse("conv 6 5, relu, linear"), new int[]{1, 12, 12}, 2, new Rng(0));
        Inspector.Tiles f = Inspector.firstLayer(cnn);
        assertEquals(6, f.count());
        assertEquals(5, f.height());
        float[] W = Host.toArray(((Convolution2D) cnn.children().get("conv1")).W().data());
        assertEquals(W[4 * 25 + 2 * 5 + 1], f.at(4, 0, 2, 1), 0f);
    }
}
