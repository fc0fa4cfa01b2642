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
    void killingTheProcessMidWriteLeavesTheOldModel() throws Exception {
        Path target = dir.resolve("model.npz");
        ModelFiles.saveNpz(target, Network.mlp(new Rng(0), 784, 300, 300, 10));
        byte[] before = Files.readAllBytes(target);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SaveHalfway.class.getName(), target.toString())
                .redirectError(dir.resolve("child.err").toFile()).start();
        try {
            // the child says when it is stopped inside a save, with how many of how many bytes reached the disk
            String line;
            try (java.io.BufferedReader out = p.inputReader()) {
                do {
                    line = out.readLine();
                    assertNotNull(line, "the child ended before it was mid-write: " + Files.readString(dir.resolve("child.err")));
                } while (!line.startsWith("mid-write "));
                String[] parts = line.split(" ");
                long written = Long.parseLong(parts[1]), total = Long.parseLong(parts[3]);
                assertTrue(written > 0 && written < total, line);
                // the proof that the kill lands inside a save: its temporary file is there, part-written, beside the old model
                List<Path> temporary;
                try (var files = Files.list(dir)) {
                    temporary = files.filter(f -> f.getFileName().toString().matches("\\.model\\.npz\\..*\\.tmp")).toList();
                }
                assertEquals(1, temporary.size(), "one save under way");
                assertEquals(written, Files.size(temporary.get(0)), "the save is part-written when it is killed");
                assertTrue(p.isAlive());
                p.destroyForcibly();
                assertTrue(p.waitFor(30, TimeUnit.SECONDS), "killed");
            }
        } finally {
            p.destroyForcibly();
        }
        assertArrayEquals(before, Files.readAllBytes(target), "the old model is as it was");
        assertEquals("784-300-300-10", ModelFiles.loadNpz(target).model().architecture());
        try (var files = Files.list(dir)) {
            List<String> names = new ArrayList<>(files.map(f -> f.getFileName().toString()).toList());
            names.removeIf(n -> n.equals("model.npz") || n.equals("child.err") || n.matches("\\.model\\.npz\\..*\\.tmp"));
            assertEquals(List.of(), names);
        }
    }

    /**
     * Run in a child process: saves another model over the target as ModelFiles.saveNpz does (its arrays through
     * Npz.write and AtomicFiles.write), and stops for good when half of its bytes have been written to the temporary
     * file, saying so on standard output.
     */
    public static final class SaveHalfway {
        public static void main(String[] args) throws Exception {
            Nd4jSetup.init();
            var arrays = ModelFiles.toArrays(Network.mlp(new Rng(1), 784, 300, 300, 10), ModelInfo.NONE);
            java.io.ByteArrayOutputStream whole = new java.io.ByteArrayOutputStream();
            Npz.write(whole, arrays, true);
            long total = whole.size();
            AtomicFiles.write(Path.of(args[0]), file -> Npz.write(new java.io.FilterOutputStream(file) {
                private long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[]{(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    file.write(b, off, len);
                    written += len;
                    if (written >= total / 2) {
                        file.flush(); // the bytes so far are in the temporary file
                        System.out.println("mid-write " + written + " of " + total);
                        System.out.flush();
                        try {
                            new java.util.concurrent.CountDownLatch(1).await(); // until killed
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                    }
                }
            }, arrays, true));
        }
    }
}
