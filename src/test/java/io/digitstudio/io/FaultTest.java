package io.digitstudio.io;

import io.digitstudio.data.Rng;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Nd4jSetup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Saves are all-or-nothing: a failing disk or a killed process leaves the old file as it was. */
class FaultTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    @Test
    void aFullDiskMidwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path target = dir.resolve("model.npz");
        Files.writeString(target, "old content");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("old content", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "the temporary file is removed");
        }
    }

    @Test
    void killingTheProcessDuringSavesLeavesALoadableModel() throws Exception {
        Path target = dir.resolve("model.npz");
        ModelFiles.saveNpz(target, Network.mlp(new Rng(0), 784, 300, 300, 10));
        long firstSize = Files.size(target);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int round = 0; round < 3; round++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SaveForever.class.getName(), target.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            // let it save a few times, then kill it without warning at some point of a save
            Path log = dir.resolve("child.log");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (Files.readAllLines(log).stream().noneMatch(l -> l.equals("saving 1"))) {
                assertTrue(p.isAlive() && System.nanoTime() < deadline, "the child never began a second save: " + Files.readString(log));
                Thread.sleep(5);
            }
            // kill it while it is saving again: it starts the next save at once, and a save takes milliseconds
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            assertTrue(Files.readAllLines(log).stream().filter(l -> l.startsWith("saving")).count() >= 2, "killed after a second save had begun");
            ModelFiles.LoadedModel m = ModelFiles.loadNpz(target);
            assertEquals("784-300-300-10", m.model().architecture(), "round " + round);
            assertEquals(firstSize, Files.size(target));
        }
        try (var files = Files.list(dir)) {
            List<String> names = new ArrayList<>(files.map(f -> f.getFileName().toString()).toList());
            names.removeIf(n -> n.equals("model.npz") || n.equals("child.log") || n.matches("\\.model\\.npz\\..*\\.tmp"));
            assertEquals(List.of(), names);
        }
    }

    /** Run in a child process: saves the same model over and over until killed. */
    public static final class SaveForever {
        public static void main(String[] args) throws Exception {
            Nd4jSetup.init();
            Network m = Network.mlp(new Rng(0), 784, 300, 300, 10);
            Path target = Path.of(args[0]);
            for (int i = 0; ; i++) {
                System.out.println("saving " + i);
                System.out.flush();
                ModelFiles.saveNpz(target, m);
                System.out.println("saved " + i);
                System.out.flush();
            }
        }
    }
}
