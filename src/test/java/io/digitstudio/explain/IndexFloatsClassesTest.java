package io.digitstudio.explain;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Rng;
import io.digitstudio.io.FloatViewClasses;
import io.digitstudio.nn.Network;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A neighbour index's key, save and load turn floats into bytes and back without a FloatBuffer view: the window can
 * do that while a run trains, and a second FloatBuffer class would throw away the training code's compiled copies
 * (decision 0008).
 */
class IndexFloatsClassesTest {
    /** Keys a model, saves an index and loads it back; run in the child JVM. */
    public static void main(String[] args) throws Exception {
        LabeledImages train = new LabeledImages("t", new byte[2 * 28 * 28], new byte[]{3, 4}, 2, 28, 28);
        if (IndexCache.key(Network.mlp(new Rng(3), 784, 10), train).length() != 32) throw new AssertionError("key");
        Path file = Files.createTempFile("index", IndexCache.SUFFIX);
        try {
            NeighbourIndex.of(new float[][]{{1.5f, -2f}, {0.25f, 3f}}, new int[]{3, 4}).save(file);
            NeighbourIndex back = NeighbourIndex.load(file);
            assertArrayEquals(new float[]{0.25f, 3f}, back.vector(1));
        } finally {
            Files.delete(file);
        }
        System.out.println("done");
    }

    @Test
    void keySaveAndLoadLoadNoFloatBufferView() throws Exception {
        assertEquals(List.of(), FloatViewClasses.others(FloatViewClasses.loadedBy(IndexFloatsClassesTest.class)));
    }
}
