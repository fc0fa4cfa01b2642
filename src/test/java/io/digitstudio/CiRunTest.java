package io.digitstudio;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What .ci/run's Maven writes into a CI log, which is no terminal. Maven's console library as Debian ships it
 * (libjansi-java 2.4.0, without the native part that asks) takes every stream for a terminal, so the Maven of a bare
 * Debian machine writes colour resets, ESC[0m, on stdout and stderr whatever it builds, and a log shows "[0m[0m".
 * The environment .ci/run exports for Maven must keep them out.
 */
class CiRunTest {
    @Test
    void mavenInCiRunsEnvironmentWritesNoEscapeCodesIntoTheLog() throws Exception {
        String exports = Files.readAllLines(Path.of(".ci/run")).stream().filter(l -> l.startsWith("export MAVEN_OPTS="))
                .collect(Collectors.joining("\n"));
        // the version alone: Maven starts and ends as for a build, without building
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", exports + "\nexec mvn -B -v").redirectErrorStream(true);
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertFalse(out.contains("\u001b"), out.replace("\u001b", "ESC"));
        assertTrue(out.contains("Apache Maven"), out);
    }
}
