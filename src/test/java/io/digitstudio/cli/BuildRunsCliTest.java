package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The training runs a build makes on its own (mvn package's, which unpacks the natives and records the class-data
 * sharing archive; installer/build.sh's, which unpacks them into the app-image; installer/cds-archive.sh's, which
 * records the installed app's archive), run in-process with the arguments read from those files: each learns and
 * prints nothing on stderr. Someone building the app did not ask for these runs, and a warning about one reads as if
 * the build had gone wrong; build.sh shows that run's stderr, so a real error still reaches the terminal.
 */
class BuildRunsCliTest {
    @TempDir
    Path dir;

    /** The train command of pom.xml's startup-archive execution: its arguments from "train" on. */
    static List<String> mavenRun() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher execution = Pattern.compile("(?s)<id>startup-archive</id>(.*?)</execution>").matcher(pom);
        assertTrue(execution.find(), "pom.xml has no startup-archive execution");
        List<String> arguments = new ArrayList<>();
        Matcher argument = Pattern.compile("<argument>([^<]*)</argument>").matcher(execution.group(1));
        while (argument.find()) arguments.add(argument.group(1));
        int train = arguments.indexOf("train");
        assertTrue(train >= 0, "the startup-archive execution runs no train command: " + arguments);
        return arguments.subList(train, arguments.size());
    }

    /** The one train command a script runs ("… train ARG… >…"): its arguments from "train" on, unquoted. */
    static List<String> scriptRun(String script) throws IOException {
        List<String> runs = Files.readString(Path.of(script)).lines()
                .filter(l -> !l.strip().startsWith("#"))
                .map(l -> Pattern.compile("\" (train [^>]*)>").matcher(l))
                .filter(Matcher::find)
                .map(m -> m.group(1).replace("\"", "").strip())
                .toList();
        assertEquals(1, runs.size(), script + " runs one train command: " + runs);
        return Arrays.asList(runs.get(0).split("\\s+"));
    }

    /** The run's arguments with its model written here instead. */
    private List<String> here(List<String> run, String name) {
        List<String> arguments = new ArrayList<>(run);
        int out = arguments.indexOf("--out");
        assertTrue(out >= 0 && out + 1 < arguments.size(), "the run names its model file: " + run);
        arguments.set(out + 1, dir.resolve(name + ".npz").toString());
        return arguments;
    }

    private void learnsQuietly(List<String> run, String name) {
        CliTest.Run r = CliTest.run(here(run, name).toArray(String[]::new));
        assertEquals(0, r.code(), name + ": " + r.err());
        List<String> ours = r.err().lines().filter(l -> l.startsWith("digitstudio")).toList();
        assertEquals(List.of(), ours, name + " " + run + " printed on stderr");
        assertTrue(Files.exists(dir.resolve(name + ".npz")), name + ": " + r.out());
    }

    @Test
    void mavenPackagesRunLearnsQuietly() throws IOException {
        learnsQuietly(mavenRun(), "maven");
    }

    @Test
    void theAppImagesUnpackingRunLearnsQuietly() throws IOException {
        learnsQuietly(scriptRun("installer/build.sh"), "build");
    }

    @Test
    void theInstalledAppsArchiveRunLearnsQuietly() throws IOException {
        learnsQuietly(scriptRun("installer/cds-archive.sh"), "cds-archive");
    }
}
