package io.digitstudio.io;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
        System.out.println("round trip done");
    }

    @Test
    void floatsRoundTripLoadsNoHeapFloatBufferView() throws Exception {
        String classes = Path.of(NpyArray.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String tests = Path.of(NpyFloatsClassesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xshare:off", "-Xlog:class+load=info", "-cp", classes + File.pathSeparator + tests,
                NpyFloatsClassesTest.class.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("round trip done"), out);
        assertTrue(out.contains("io.digitstudio.io.NpyArray "), "the log lists the classes loaded");
        assertFalse(out.contains("java.nio.ByteBufferAsFloatBuffer"), "a heap FloatBuffer view was loaded");
    }
}
