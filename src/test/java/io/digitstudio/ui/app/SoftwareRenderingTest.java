package io.digitstudio.ui.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.*;

/** The displays whose graphics fell back to software drawing start in software at once, for a week. */
class SoftwareRenderingTest {
    @TempDir
    Path dir;

    private SoftwareRendering on(String display, long day) {
        return new SoftwareRendering(dir.resolve("digitstudio").resolve(SoftwareRendering.FILE), display, day);
    }

    @Test
    void aDisplayThatFellBackStartsInSoftwareUntilAWeekHasPassed() throws Exception {
        Properties first = new Properties();
        assertFalse(on(":0", 100).chooseBefore(first), "a display not seen before tries the hardware pipeline");
        assertNull(first.getProperty("prism.order"));
        on(":0", 100).learn(false, false);
        for (long day : new long[]{100, 106}) {
            Properties p = new Properties();
            assertTrue(on(":0", day).chooseBefore(p), "day " + day);
            assertEquals("sw", p.getProperty("prism.order"));
        }
        Properties later = new Properties();
        assertFalse(on(":0", 107).chooseBefore(later), "a week later the hardware pipeline is tried again");
        assertFalse(on(":1", 101).chooseBefore(new Properties()), "another display is its own");
    }

    @Test
    void aDisplayDrawnInHardwareIsForgottenAndAChosenPipelineIsKept() throws Exception {
        on(":0", 100).learn(false, false);
        on(":1", 100).learn(false, false);
        on(":0", 108).learn(false, true);
        assertEquals(Map.of(":1", 100L), on(":0", 108).displays());
        Properties named = new Properties();
        named.setProperty("prism.order", "es2");
        assertFalse(on(":1", 101).chooseBefore(named));
        assertEquals("es2", named.getProperty("prism.order"), "the user's choice stays");
    }

    @Test
    void aLaunchThatAskedForSoftwareLearnsNothingAndADamagedFileIsReadAsFarAsItGoes() throws Exception {
        on(":0", 100).learn(false, false);
        on(":0", 103).learn(true, false);
        assertEquals(Map.of(":0", 100L), on(":0", 103).displays(), "the day it last fell back by itself stays");
        Path file = dir.resolve("digitstudio").resolve(SoftwareRendering.FILE);
        Files.writeString(file, "garbage\n:5\tnot a day\n:0\t100\n");
        assertEquals(Map.of(":0", 100L), on(":0", 101).displays());
    }

    @Test
    void noDisplayOrMonocleLeavesThePipelineToJavaFx() {
        assertNull(SoftwareRendering.ofThisSession(Map.of(), new Properties()));
        Properties monocle = new Properties();
        monocle.setProperty("glass.platform", "Monocle");
        assertNull(SoftwareRendering.ofThisSession(Map.of("DISPLAY", ":0"), monocle));
        assertNotNull(SoftwareRendering.ofThisSession(Map.of("DISPLAY", ":0", "XDG_CACHE_HOME", dir.toString()), new Properties()));
    }
}
