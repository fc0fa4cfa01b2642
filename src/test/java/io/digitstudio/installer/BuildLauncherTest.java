package io.digitstudio.installer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * target/digitstudio, the build's start script that the README's commands use: the installed launcher's environment
 * defaults (installer/digitstudio, whose own test is {@link LauncherScriptTest}) and JVM options
 * (installer/jvm-options), so a build starts as the installed app does. The build writes it before the tests run; the
 * jar and the class-data archive it starts come later in the build, and {@code .ci/run} starts them through it.
 */
class BuildLauncherTest {
    private static final Path SCRIPT = Path.of("target/digitstudio");

    @TempDir
    Path dir;

    /**
     * Runs a copy of the script beside a jar of its own (the tests run before the build makes the real one, and the
     * java launcher opens the jar it is given before it reads {@code -version}).
     */
    private String run(String javaOptions) throws Exception {
        Path script = Files.copy(SCRIPT, dir.resolve("digitstudio"), StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.digitstudio.Main");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(dir.resolve("digitstudio.jar")), manifest)) {
            jar.flush();
        }
        ProcessBuilder pb = new ProcessBuilder(script.toString()).redirectErrorStream(true);
        pb.environment().put("DIGITSTUDIO_JAVA_OPTIONS", javaOptions);
        return LauncherScriptTest.output(pb);
    }

    @Test
    void itStartsTheJvmWithTheInstalledLaunchersOptionsAndTheUsersAfterThem() throws Exception {
        assertTrue(Files.isExecutable(SCRIPT), "the build writes an executable target/digitstudio");
        assertFalse(Files.exists(dir.resolve("digitstudio.jsa")), "no archive beside the copy: the script runs without one");
        // -version ends the JVM before it runs the jar: the options alone, as the app's JVM gets them
        String flags = run("-XX:+PrintFlagsFinal -version");
        assertTrue(flags.matches("(?s).*\\bMaxHeapSize\\s+= 536870912\\b.*"), "the README's 512 MB heap");
        for (String option : launcherOptions()) {
            String[] kv = option.replaceFirst("^-XX:", "").split("=", 2);
            assertTrue(flags.matches("(?s).*\\b" + kv[0] + "\\s+= " + kv[1] + "\\b.*"), option + " as installer/jvm-options gives it");
        }
        assertTrue(run("-Xmx1g -XX:+PrintFlagsFinal -version").matches("(?s).*\\bMaxHeapSize\\s+= 1073741824\\b.*"),
                "a user's larger heap wins over the default");
    }

    /**
     * The JVM the script starts says nothing on standard output before the app does: what a command prints there is
     * read by scripts ({@code digitstudio runs | awk …}). A launcher with a compiler directives file printed
     * "1 compiler directives added" there at every start (decision 0008).
     */
    @Test
    void theJvmItStartsSaysNothingOnStandardOutput() throws Exception {
        run("-version"); // the script and its jar in place
        ProcessBuilder pb = new ProcessBuilder(dir.resolve("digitstudio").toString());
        pb.environment().put("DIGITSTUDIO_JAVA_OPTIONS", "-version"); // the JVM starts, says its version on stderr, and ends
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        assertEquals("", out, "standard output of a JVM started by target/digitstudio");
    }

    @Test
    void itSetsTheEnvironmentAsTheInstalledAppsScriptDoes() throws Exception {
        List<String> installed = Files.readAllLines(Path.of("installer/digitstudio"));
        List<String> build = Files.readAllLines(SCRIPT);
        List<String> environment = installed.subList(0, installed.size() - 1);
        assertTrue(installed.get(installed.size() - 1).startsWith("exec \"$here/DigitStudio\""), "the installed script ends by starting its launcher");
        assertEquals(environment, build.subList(0, environment.size()), "the build's script begins as the installed one");
    }

    /** installer/jvm-options' options: one a line, comments and blank lines aside. */
    private static List<String> launcherOptions() throws Exception {
        return Files.readAllLines(Path.of("installer/jvm-options")).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
