package io.digitstudio.train;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.UnusualDigits;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FineTuneTest {
    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    static LabeledImages asDataset(List<UnusualDigits.Drawing> drawings) {
        byte[] px = new byte[drawings.size() * 784];
        byte[] lb = new byte[drawings.size()];
        for (int i = 0; i < drawings.size(); i++) {
            float[] x = drawings.get(i).input();
            for (int j = 0; j < 784; j++) px[i * 784 + j] = (byte) Math.round(x[j] * 255);
            lb[i] = (byte) drawings.get(i).label();
        }
        return new LabeledImages("mine", px, lb, drawings.size(), 28, 28).withClasses(10);
    }

    @Test
    void theSplitKeepsAsideAShareOfEachLabel() {
        LabeledImages mine = asDataset(UnusualDigits.make(20, 3));
        FineTune.Split s = FineTune.split(mine, 0.3, 0);
        assertEquals(42, s.learn().size());
        assertEquals(18, s.heldOut().size());
        int[] held = new int[10];
        for (int i = 0; i < s.heldOut().size(); i++) held[s.heldOut().label(i)]++;
        assertEquals(6, held[7]);
        assertEquals(6, held[1]);
        assertEquals(6, held[4]);
        assertTrue(s.measurable());
        // a handful: nothing measurable, and no label loses all its digits
        FineTune.Split few = FineTune.split(asDataset(UnusualDigits.make(2, 3)), 0.3, 0);
        assertEquals(3, few.heldOut().size());
        assertEquals(3, few.learn().size());
        assertFalse(few.measurable());
    }

    @Test
    void sixtyDigitsInAnUnusualHandAreLearntWithoutLosingMnist() {
        // 60 drawings in one unusual hand: 7s with a serif and a bar, 1s with a flag and a base, open 4s
        LabeledImages mine = asDataset(UnusualDigits.make(20, 11));
        Network builtIn = ModelFiles.loadDefault().model();
        Mnist.TrainTest mnist = Mnist.bundled();
        float[] before = firstWeights(builtIn);
        FineTune.Result r = FineTune.run(builtIn, mnist.train(), mnist.test(), mine, FineTune.Settings.defaults(), null, null);
        System.out.println("fine-tune: " + r.summary());
        assertEquals(18, r.heldOut());
        assertTrue(r.mineBefore() <= 0.85, "the built-in model is weak on this hand: " + r.mineBefore());
        assertTrue(r.mineAfter() > r.mineBefore() + 0.1, "better at this hand: " + r.summary());
        assertTrue(r.mnistAfter() >= r.mnistBefore() - 0.005, "MNIST within half a point: " + r.summary());
        assertArrayEquals(before, firstWeights(builtIn), "the model itself is left as it was");
        assertNotSame(builtIn, r.tuned());
    }

    private static float[] firstWeights(Network n) {
        return io.digitstudio.nn.Host.toArray(n.params().get(0).data());
    }
}
