package io.digitstudio;

import io.digitstudio.cli.Cli;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped jar has two faces only: no arguments open the window, anything else is the command line. */
class MainTest {
    @Test
    void onlyNoArgumentsOpenTheWindow() {
        assertTrue(Main.opensWindow(new String[0]));
        for (String hidden : new String[]{"--screenshot", "--gui-bench", "--memory-story"}) {
            assertFalse(Main.opensWindow(new String[]{hidden, "x"}), hidden + " is not a mode of the shipped app");
        }
    }

    @Test
    void formerHiddenModesAreUnknownOptionsOfTheCommandLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), "--screenshot", "shot.png");
        assertEquals(Cli.EXIT_BAD_INPUT, code);
        assertTrue(err.toString().startsWith("digitstudio: error: unknown option") && err.toString().contains("'--screenshot'"), err.toString());
    }

    @Test
    void theBenchHasNoLibnd4jConvolutionMode() {
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), "bench", "--conv");
        assertEquals(Cli.EXIT_BAD_INPUT, code, "the convolution benchmark is test code (ConvBench)");
    }

    @Test
    void noGtkNamesThePackageToInstallAndOtherFailuresNothingMore() {
        // JavaFX's own words when libgtk-3 is missing (seen on a bare Debian with GTK 2 only)
        assertTrue(Main.gtkHint("Unable to load glass GTK library.").contains("libgtk-3-0"));
        assertEquals("", Main.gtkHint("Unable to open DISPLAY"));
        assertEquals("", Main.gtkHint(null));
    }
}
