package io.digitstudio.cli;

import io.digitstudio.io.Npz;
import io.digitstudio.io.NpyArray;
import io.digitstudio.runs.RunSettings;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.RunSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code train --settings FILE}, the run launcher: a settings file in, a run folder of the history out. A run started
 * from another run's {@code run.json} trains bit for bit as that run did from its flags.
 */
class RunLauncherCliTest {
    @TempDir
    Path dir;

    private static String runId(CliTest.Run r) {
        String id = r.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        assertEquals(8, id.length(), r.err());
        return id;
    }

    @Test
    void aRunFromItsSettingsFileIsBitIdenticalToTheRunFromFlags() throws Exception {
        Path runs = dir.resolve("runs");
        CliTest.Run flags = CliTest.run("train", "--units", "30", "--lr", "0.05", "--momentum", "0.8", "--batch-size", "64", "--epochs", "2",
                "--seed", "7", "--train-size", "600", "--test-size", "200", "--threads", "1", "--runs-dir", runs.toString(),
                "--out", dir.resolve("flags.npz").toString());
        assertEquals(0, flags.code(), flags.err());
        Path first = runs.resolve(runId(flags));

        CliTest.Run fromFile = CliTest.run("train", "--settings", first.resolve("run.json").toString(), "--threads", "1", "--runs-dir", runs.toString());
        assertEquals(0, fromFile.code(), fromFile.err());
        Path second = runs.resolve(runId(fromFile));
        assertNotEquals(first, second, "a new run of its own");
        assertTrue(fromFile.out().contains("the run's model is in its folder"), fromFile.out());

        Map<String, NpyArray> a = Npz.read(first.resolve("model.npz"));
        Map<String, NpyArray> b = Npz.read(second.resolve("model.npz"));
        assertEquals(a.keySet(), b.keySet());
        for (String k : a.keySet()) assertArrayEquals(a.get(k).toDoubles(), b.get(k).toDoubles(), 0.0, k);
        assertEquals(CliTest.epochLines(flags.out().replaceAll("time:[0-9.]+s", "time:Xs")), CliTest.epochLines(fromFile.out().replaceAll("time:[0-9.]+s", "time:Xs")),
                "the same epoch lines");

        RunSettings s1 = RunSettings.read(first.resolve("run.json"));
        RunSettings s2 = RunSettings.read(second.resolve("run.json"));
        assertEquals(s1.config(), s2.config());
        assertEquals(s1.dataChecksum(), s2.dataChecksum());
        RunStore store = new RunStore(runs);
        RunSummary r1 = store.find(first.getFileName().toString());
        RunSummary r2 = store.find(second.getFileName().toString());
        assertEquals(r1.finalAccuracy(), r2.finalAccuracy(), 0.0);
        assertEquals(r1.finalLoss(), r2.finalLoss(), 0.0);
    }

    @Test
    void settingsThatContradictOrDataThatDiffersAreRefusedInOneLine() throws Exception {
        Path runs = dir.resolve("runs");
        CliTest.Run flags = CliTest.run("train", "--units", "10", "--epochs", "1", "--train-size", "200", "--test-size", "100", "--threads", "1",
                "--runs-dir", runs.toString(), "--out", dir.resolve("m.npz").toString());
        assertEquals(0, flags.code(), flags.err());
        Path json = runs.resolve(runId(flags)).resolve("run.json");
        int before = new RunStore(runs).list().size();

        CliTest.Run lr = CliTest.run("train", "--settings", json.toString(), "--lr", "0.5", "--runs-dir", runs.toString());
        assertEquals(2, lr.code());
        assertEquals("digitstudio train: error: --lr cannot be given with --settings: the settings file sets it (see 'digitstudio train --help')", lr.err().strip());

        Path other = dir.resolve("other.json");
        Files.writeString(other, Files.readString(json).replaceAll("\"sha256\"\\s*:\\s*\"[0-9a-f]+\"", "\"sha256\" : \"0123456789abcdef\""));
        CliTest.Run wrongData = CliTest.run("train", "--settings", other.toString(), "--runs-dir", runs.toString());
        assertEquals(2, wrongData.code());
        assertTrue(wrongData.err().strip().startsWith("digitstudio train: error: the data (MNIST (bundled)) is not what the settings were made with"), wrongData.err());
        assertEquals(1, wrongData.err().strip().lines().count(), wrongData.err());

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": 1}");
        CliTest.Run bad = CliTest.run("train", "--settings", broken.toString(), "--runs-dir", runs.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().strip().startsWith("digitstudio train: error: " + broken + " is not a run's settings file"), bad.err());
        assertEquals(before, new RunStore(runs).list().size(), "refused runs are not recorded");
    }

    /**
     * A settings file that is not JSON, or not text at all, or a folder, ended with Jackson's sentence ("Unrecognized
     * token 'hello': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')"), the
     * decoder's ("Input length = 1") or the system's ("Is a directory"). Each is one line in the project's words: the
     * file, where in it, what was expected there.
     */
    @Test
    void aSettingsFileThatIsNotJsonIsSaidInOneLineWithWhereAndWhat() throws Exception {
        Path runs = dir.resolve("runs");
        Path words = Files.writeString(dir.resolve("words.json"), "hello\n");
        Path comma = Files.writeString(dir.resolve("comma.json"), "{\n  \"format\": 1,\n}\n");
        Path binary = Files.write(dir.resolve("binary.json"), new byte[]{(byte) 0xff, (byte) 0xfe, 0, 1});
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        // valid JSON, but a key of run.json left out: the file given is named, not "run.json"
        Path noConfig = Files.writeString(dir.resolve("no-config.json"), "{\"format\": 1}");
        Path folder = Files.createDirectories(dir.resolve("folder.json"));
        String value = "expected a value (an object {...}, an array [...], a text in double quotes, a number, true, false or null)";
        String[][] cases = {
                {words.toString(), words + " is not a run's settings file: not valid JSON at line 1, column 1: " + value + ", found 'hello'"},
                {comma.toString(), comma + " is not a run's settings file: not valid JSON at line 3, column 1: expected a name in double quotes, found '}'"},
                {binary.toString(), binary + " is not a run's settings file: not text in UTF-8"},
                {noConfig.toString(), noConfig + " is not a run's settings file: it has no hyperparams"},
                {empty.toString(), empty + " is not a run's settings file: not valid JSON: the text is empty"},
                {folder.toString(), folder + " is a folder, not a settings file"},
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run("train", "--settings", c[0], "--runs-dir", runs.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals("digitstudio train: error: " + c[1], r.err().strip());
            assertEquals("", r.out());
        }
        assertFalse(Files.exists(runs) && new RunStore(runs).list().size() > 0, "refused runs are not recorded");
    }
}
