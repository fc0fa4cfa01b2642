package io.digitstudio.nn;

import io.digitstudio.data.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class NetworkSpecTest {
    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    @Test
    void textFormReadsBackToTheSameSpec() {
        String text = "conv 20 5, relu, maxpool 2, conv 50 5 stride 2 pad 1, relu, avgpool 3 stride 1, flatten, linear 500, tanh, dropout 0.5, sigmoid, linear 10";
        NetworkSpec s = NetworkSpec.parse(text);
        assertEquals(text, s.text());
        assertEquals(s, NetworkSpec.parse(s.text()));
        assertEquals(s, NetworkSpec.parse(" CONV 20 5 ,relu\n maxpool 2 stride 2, conv 50 5 pad 1 stride 2,relu,avgpool 3 stride 1,flatten,linear 500,tanh,dropout .5,sigmoid,linear 10"));
    }

    /** The window's branch and the command line's --branch ask one question: do two specs build the same network? */
    @Test
    void twoSpecsAreTheSameNetworkByWhatTheyBuildOnTheClasses() {
        NetworkSpec bare = NetworkSpec.of("linear 20, relu, linear");
        assertTrue(bare.sameNetwork(NetworkSpec.parse("linear 20,relu, linear 10"), 10));
        assertTrue(NetworkSpec.parse("linear 20, relu, linear 10").sameNetwork(bare, 10));
        assertFalse(bare.sameNetwork(NetworkSpec.parse("linear 20, relu, linear 10"), 47), "on 47 classes the bare linear has 47 outputs");
        assertFalse(bare.sameNetwork(NetworkSpec.parse("linear 21, relu, linear"), 10));
        assertTrue(NetworkSpec.of("tutorial").sameNetwork(NetworkSpec.mlp(100, 100), 10));
        // with the classes unknown, a last layer without a size is the same only as one without a size
        assertTrue(bare.sameNetwork(NetworkSpec.parse("LINEAR 20 , relu, linear"), LinearLayer.CLASSES));
        assertFalse(bare.sameNetwork(NetworkSpec.parse("linear 20, relu, linear 10"), LinearLayer.CLASSES));
    }

    @Test
    void presetsAreTheTutorialWideAndLeNet() {
        assertEquals("lenet", NetworkSpec.of("lenet").presetName());
        assertEquals("lenet", NetworkSpec.of("lenet").resolve(10).presetName());
        assertEquals("tutorial", NetworkSpec.mlp(100, 100).presetName());
        assertNull(NetworkSpec.mlp(32, 32).presetName());
        Network lenet = new Network(NetworkSpec.of("lenet"), new int[]{1, 28, 28}, 10, new Rng(0));
        assertEquals(List.of("conv1/W", "conv1/b", "conv2/W", "conv2/b", "fc3/W", "fc3/b", "fc4/W", "fc4/b"), List.copyOf(lenet.namedParams().keySet()));
        assertArrayEquals(new long[]{20, 1, 5, 5}, lenet.namedParams().get("conv1/W").shape());
        assertArrayEquals(new long[]{50, 20, 5, 5}, lenet.namedParams().get("conv2/W").shape());
        assertArrayEquals(new long[]{500, 800}, lenet.namedParams().get("fc3/W").shape());
        assertArrayEquals(new long[]{10, 500}, lenet.namedParams().get("fc4/W").shape());
        assertEquals(431_080, lenet.countParams());
        Summary s = lenet.summary();
        assertEquals(s.table(), Network.summarize(NetworkSpec.of("lenet"), new int[]{1, 28, 28}, 10).table());
        assertEquals("(50, 4, 4)", s.rows().get(6).shapeText());
        assertTrue(s.table().contains("total parameters: 431,080"), s.table());
        Network wide = new Network(NetworkSpec.of("wide"), new int[]{1, 28, 28}, 47, new Rng(0));
        assertEquals("784-400-400-47", wide.architecture());
    }

    @Test
    void theTutorialPresetDrawsTheSameWeightsAsBefore() {
        // the MLP built from the spec must consume the random stream exactly as three Linear links in a row
        Rng a = new Rng(0);
        Linear l1 = new Linear(784, 100, a);
        Linear l2 = new Linear(100, 100, a);
        Linear l3 = new Linear(100, 10, a);
        Network n = new Network(NetworkSpec.of("tutorial"), new int[]{1, 28, 28}, 10, new Rng(0));
        assertArrayEquals(Host.toArray(l1.W().data()), Host.toArray(n.namedParams().get("l1/W").data()));
        assertArrayEquals(Host.toArray(l3.W().data()), Host.toArray(n.namedParams().get("l3/W").data()));
    }

    @Test
    void layerTypesComeFromTheRegistryAndFusionIsAPassOverThePlan() {
        assertTrue(LayerTypes.words().startsWith("conv, linear, relu, sigmoid, tanh, maxpool, avgpool, batchnorm, dropout, flatten"), LayerTypes.words());
        for (LayerType t : LayerTypes.TYPES) {
            for (String w : t.words()) assertSame(t, LayerTypes.reading(w), w);
            for (String w : t.aliases()) assertSame(t, LayerTypes.reading(w), w);
            assertTrue(LayerTypes.usage().contains(t.usage()));
        }
        assertEquals(new ConvLayer(20, 5, 1, 0), NetworkSpec.parse("convolution2d 20 5, linear").layers().get(0));
        assertEquals(new LinearLayer(7), NetworkSpec.parse("dense 7, fc").layers().get(0));
        // a convolution followed by relu and/or max pooling is one step; the layer table still lists every layer
        Network lenet = new Network(NetworkSpec.of("lenet"), new int[]{1, 28, 28}, 10, new Rng(0));
        assertEquals(List.of("conv1 · relu · max_pooling_2d", "conv2 · relu · max_pooling_2d", "fc3", "fc3 · relu", "fc4"), lenet.stepNames());
        assertEquals(10, lenet.summary().rows().size());
        int[] img = {1, 12, 12};
        assertEquals(List.of("conv1 · max_pooling_2d", "fc2"), new Network(NetworkSpec.parse("conv 4 3, maxpool 2, linear"), img, 10, new Rng(0)).stepNames());
        assertEquals(List.of("conv1", "conv1 · tanh", "conv1 · average_pooling_2d", "fc2"),
                new Network(NetworkSpec.parse("conv 4 3, tanh, avgpool 2, linear"), img, 10, new Rng(0)).stepNames());
        assertEquals(List.of("conv1", "bn1", "bn1 · relu", "fc2"), new Network(NetworkSpec.parse("conv 4 3, batchnorm, relu, linear"), img, 10, new Rng(0)).stepNames());
        // whether a network splits across cores is each layer's to say
        assertTrue(lenet.dataParallel());
        assertFalse(new Network(NetworkSpec.parse("linear 8, dropout 0.5, linear"), new int[]{784}, 10, new Rng(0)).dataParallel());
        assertFalse(new Network(NetworkSpec.parse("linear 8, batchnorm, linear"), new int[]{784}, 10, new Rng(0)).dataParallel());
        assertTrue(new Network(NetworkSpec.parse("linear 8, sigmoid, flatten, linear"), new int[]{784}, 10, new Rng(0)).dataParallel());
    }

    @Test
    void aBadSpecSaysWhichLayerItIsAbout() {
        assertEquals(3, assertThrows(SpecException.class, () -> NetworkSpec.parse("conv 20 5, relu, maxpool x, linear")).layer());
        assertEquals(2, assertThrows(SpecException.class, () -> NetworkSpec.parse("linear 100, relu")).layer(), "the last layer, not linear");
        assertEquals(2, assertThrows(SpecException.class, () -> Network.summarize(NetworkSpec.parse("linear 10, conv 3 3, linear"), new int[]{1, 28, 28}, 10))
                .layer(), "a layer whose input does not suit it");
        assertEquals(1, assertThrows(SpecException.class, () -> Network.summarize(NetworkSpec.parse("linear 5"), new int[]{784}, 10)).layer(),
                "the last layer's outputs against the classes");
        assertEquals(0, assertThrows(SpecException.class, () -> NetworkSpec.parse("  ")).layer(), "the spec as a whole");
    }

    @Test
    void badSpecsPointAtTheBadToken() {
        String text = "conv 20 5, relu, maxpool x, linear";
        SpecException e = assertThrows(SpecException.class, () -> NetworkSpec.parse(text));
        assertEquals("layer 3 \"maxpool x\": \"x\" is not a whole number (the window size)", e.getMessage());
        assertEquals("x", text.substring(e.start(), e.end()));
        SpecException u = assertThrows(SpecException.class, () -> NetworkSpec.parse("linear 100, relux, linear"));
        assertEquals("relux", "linear 100, relux, linear".substring(u.start(), u.end()));
        assertTrue(u.getMessage().contains("unknown layer \"relux\""), u.getMessage());
        assertTrue(assertThrows(SpecException.class, () -> NetworkSpec.parse("linear 100, relu")).getMessage().contains("last layer must be \"linear\""));
        assertTrue(assertThrows(SpecException.class, () -> NetworkSpec.parse("linear, relu, linear 10")).getMessage().contains("only the last layer"));
        // a bare "linear" in the middle is refused also when the last one is bare too (it silently had one unit a class)
        SpecException middle = assertThrows(SpecException.class, () -> NetworkSpec.parse("linear 100, relu, linear, relu, linear"));
        assertTrue(middle.getMessage().startsWith("layer 3 \"linear\": only the last layer"), middle.getMessage());
        assertTrue(assertThrows(SpecException.class, () -> NetworkSpec.parse("dropout 1, linear")).getMessage().contains("dropout ratio"));
        assertTrue(assertThrows(SpecException.class, () -> NetworkSpec.parse("conv 20, linear")).getMessage().contains("kernel size"));
        assertTrue(assertThrows(SpecException.class, () -> NetworkSpec.parse("  ")).getMessage().contains("empty"));
        // shapes are checked against the data before anything is allocated
        assertTrue(assertThrows(SpecException.class, () -> Network.summarize(NetworkSpec.parse("linear 10, conv 3 3, linear"), new int[]{1, 28, 28}, 10))
                .getMessage().contains("needs images"));
        assertTrue(assertThrows(SpecException.class, () -> Network.summarize(NetworkSpec.parse("conv 3 30, linear"), new int[]{1, 28, 28}, 10))
                .getMessage().contains("does not fit"));
        assertTrue(assertThrows(SpecException.class, () -> Network.summarize(NetworkSpec.parse("linear 5"), new int[]{784}, 10))
                .getMessage().contains("10 classes"));
        assertTrue(assertThrows(SpecException.class, () -> Network.summarize(NetworkSpec.parse("linear 10000, linear 10000, linear"), new int[]{784}, 10))
                .getMessage().contains("weights"));
    }
}
