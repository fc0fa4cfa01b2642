package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** What a new user still tripped over on the command line, each as it was reported, run in-process. */
class CliFirstUseTest {
    @TempDir
    Path dir;

    private static void oneLine(CliTest.Run r) {
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void runsCompareWithOneIdSaysSoInOneLineNamingRunsCompare() {
        CliTest.Run r = CliTest.run("runs", "compare", "abc", "--runs-dir", dir.toString());
        assertEquals(2, r.code());
        oneLine(r);
        assertTrue(r.err().contains("runs compare needs two or more runs"), r.err());
        assertFalse(r.err().contains("digitstudio compare"), r.err());
    }

    @Test
    void parameterErrorsAreOneLineNamingTheWholeCommand() {
        CliTest.Run r = CliTest.run("runs", "show", "--runs-dir", dir.toString());
        assertEquals(2, r.code());
        oneLine(r);
        assertTrue(r.err().contains("see 'digitstudio runs show --help'"), r.err());
    }

    @Test
    void aMistypedCommandOrOptionGetsADidYouMean() {
        CliTest.Run top = CliTest.run("trian");
        assertEquals(2, top.code());
        oneLine(top);
        assertTrue(top.err().contains("unknown command 'trian'; did you mean train?"), top.err());
        CliTest.Run sub = CliTest.run("runs", "lst");
        assertTrue(sub.err().contains("did you mean list?"), sub.err());
        CliTest.Run option = CliTest.run("eval", "--model", "x.npz", "--test-szie", "5");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("did you mean --test-size?"), option.err());
    }
}
