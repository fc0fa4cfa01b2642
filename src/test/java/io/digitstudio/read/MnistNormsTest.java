package io.digitstudio.read;

import io.digitstudio.data.GreyImage;
import io.digitstudio.data.Mnist;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The shipped norms are what the bundled training set measures: measured again here, image by image, and compared
 * (regenerate with {@link MnistNormsWriter} when a measure changes).
 */
class MnistNormsTest {
    @Test
    void theShippedNormsAreWhatTheTrainingSetMeasures() {
        MnistNorms shipped = MnistNorms.bundled();
        MnistNorms measured = MnistNorms.measure(Mnist.bundled().train(), shipped.source());
        assertEquals(60_000, shipped.count());
        assertEquals(measured.count(), shipped.count());
        assertEquals(measured.measures().keySet(), shipped.measures().keySet());
        for (String m : measured.measures().keySet()) {
            assertEquals(measured.norm(m), shipped.norm(m), m + " in " + MnistNorms.RESOURCE + " is stale: run MnistNormsWriter");
        }
        // and they say what anyone who has looked at MNIST knows
        assertEquals(10.5, shipped.norm(MnistNorms.STROKE).p50(), 0.5, "the stroke the preparation aims at");
        assertTrue(shipped.norm(MnistNorms.MASS).p99() < 1.5, "digits are centred by mass");
        assertTrue(shipped.norm(MnistNorms.SLANT).p50() < 0, "most lean right");
        assertEquals(0, shipped.norm(MnistNorms.EDGE).p95(), "a 4-pixel margin keeps the edge clear");
    }

    @Test
    void theMeasuresReadASimplePictureRight() {
        GreyImage img = new GreyImage(28, 28, new float[784]);
        // a bar leaning right: one pixel left per row down
        for (int y = 4; y < 24; y++) for (int x = 0; x < 3; x++) img.pixels()[y * 28 + 24 - y + x] = 1;
        assertEquals(-1, MnistNorms.slant(img), 1e-9);
        assertEquals(0, MnistNorms.edgeInk(img), 1e-9);
        img.pixels()[0] = 1;
        assertTrue(MnistNorms.edgeInk(img) > 0);
        GreyImage dot = new GreyImage(28, 28, new float[784]);
        dot.pixels()[13 * 28 + 16] = 1; // pixels 13 and 14 of column 16: centre (16.5, 14), the field's (14, 14)
        dot.pixels()[14 * 28 + 16] = 1;
        assertEquals(2.5, MnistNorms.massOffset(dot), 1e-9);
    }
}
