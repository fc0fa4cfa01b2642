package io.digitstudio.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installed launcher's JVM options (installer/jvm-options, decision 0008): what they do to a two-core JVM, and that
 * the benchmark suite's race starts our side with them, as the installed app starts.
 */
class LauncherOptionsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    /** The value of a JVM flag as a JVM started with these options and 2 processors has it. */
    private static int flag(String name, List<String> options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:ActiveProcessorCount=2"));
        cmd.addAll(options);
        cmd.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Matcher m = Pattern.compile("(?m)^\\s*\\w+\\s+" + name + "\\s+= (\\d+)").matcher(out);
        assertTrue(m.find(), out);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void onTwoCoresTheLauncherGivesTheJitTwoC2Threads() throws Exception {
        List<String> options = LauncherOptions.read(ROOT);
        assertEquals(2, flag("CICompilerCount", List.of()), "a two-core JVM's own choice: one C1 and one C2 thread");
        assertEquals(3, flag("CICompilerCount", options), "the launcher's: a window's first run compiles the toolkit and the training step at once");
    }

    @Test
    void theRaceStartsOurSideWithTheLaunchersOptions() {
        List<String> options = LauncherOptions.read(ROOT);
        List<String> cmd = new Race(new BenchSuite(ROOT, false, null, false, options), 1, null, 0).ours("train");
        assertEquals(options, cmd.subList(1, 1 + options.size()), cmd.toString());
        assertEquals(List.of("-jar", "target/digitstudio.jar", "train"), cmd.subList(cmd.size() - 3, cmd.size()));
        List<String> plain = new Race(new BenchSuite(ROOT, false, null, false, List.of()), 1, null, 0).ours("train");
        assertEquals(cmd.size() - options.size(), plain.size(), "--no-launcher-options: the JVM's defaults");
    }

    @Test
    void commentsAndBlankLinesAreNotOptions() {
        assertEquals(List.of("-XX:A=1", "-Xb"), LauncherOptions.parse("# why\n\n  -XX:A=1  \n   # more\n-Xb\n"));
    }
}
