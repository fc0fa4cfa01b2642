package io.digitstudio.io;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A snapshot's floats are written and read without a heap FloatBuffer view: that view is a FloatBuffer class of its
 * own, and loading it during a run throws away the training code's compiled copies of NativeFloats' copies (decision
 * 0008). Checked in a fresh JVM, whose class-loading log says which buffer classes the round trip loads.
 */
class NpyFloatsClassesTest {
    /** Writes and reads a float array the way a snapshot does; run in the child JVM. */
    public static void main(String[] args) {
        float[] back = NpyArray.ofFloats(new float[]{1.5f, -2f, 3.25f}, 3).toFloats();
        if (back.length != 3 || back[0] != 1.5f || back[1] != -2f || back[2] != 3.25f) throw new AssertionError("round trip");
        System.out.println("done");
    }

    @Test
    void floatsRoundTripLoadsNoHeapFloatBufferView() throws Exception {
        assertEquals(List.of(), FloatViewClasses.others(FloatViewClasses.loadedBy(NpyFloatsClassesTest.class)));
    }
}
