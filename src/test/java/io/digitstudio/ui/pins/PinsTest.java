package io.digitstudio.ui.pins;

import io.digitstudio.ui.SameThreadTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The pinned digits: at most eight, each removable, and the same after the app starts again. */
class PinsTest {
    @TempDir
    Path dir;

    private static float[] digit(int seed) {
        float[] x = new float[784];
        for (int i = 0; i < x.length; i++) x[i] = ((i * 31 + seed * 17) % 97) / 96f;
        x[seed] = 0.123456789f; // a value JSON's decimals would round
        return x;
    }

    @Test
    void eightPinsAtMostAndTheNinthIsRefusedWithWhy() {
        Pins pins = Pins.inMemory();
        for (int i = 0; i < Pins.MAX; i++) assertTrue(pins.add(digit(i), "drawing " + i));
        assertEquals(8, pins.list().size());
        assertTrue(pins.full());
        assertTrue(pins.messageProperty().get().startsWith("Pinned drawing 7 (8 of 8)"), pins.messageProperty().get());
        assertFalse(pins.add(digit(8), "drawing 8"));
        assertEquals(8, pins.list().size(), "the ninth is not pinned");
        assertEquals("All 8 pins are taken: remove one in the Train view (✕ on a pin) to pin this drawing 8", pins.messageProperty().get());
        assertFalse(pins.add(null, "nothing"));
    }

    @Test
    void aPinCanBeRemovedAndTheSameDigitIsNotPinnedTwice() {
        Pins pins = Pins.inMemory();
        float[] seven = digit(1);
        assertTrue(pins.add(seven, "drawing"));
        assertTrue(pins.add(digit(2), "test image #2 (1)"));
        assertFalse(pins.add(seven.clone(), "drawing"));
        assertEquals("Already pinned: pin 1 of 2 is this drawing", pins.messageProperty().get());
        seven[0] = 5; // the pin keeps its own copy
        assertNotEquals(5f, pins.list().get(0).input()[0]);
        pins.remove(pins.list().get(0));
        assertEquals(List.of("test image #2 (1)"), pins.list().stream().map(Pins.Pin::caption).toList());
        assertEquals("Removed the pin of drawing (1 of 8 pinned)", pins.messageProperty().get());
        assertEquals(1, pins.inputs().size());
        assertSame(pins.list().get(0).input(), pins.inputs().get(0), "a run's results name the pin's own input");
        assertThrows(UnsupportedOperationException.class, () -> pins.list().clear(), "changed only through add and remove");
        pins.clear();
        assertTrue(pins.list().isEmpty());
    }

    @Test
    void pinsAreTheSameAfterTheAppStartsAgain() throws Exception {
        Path file = dir.resolve("data").resolve("pins.json");
        SameThreadTasks tasks = new SameThreadTasks();
        Pins first = Pins.in(file, tasks);
        assertTrue(first.list().isEmpty(), "no file: no pins");
        first.add(digit(1), "drawing");
        first.add(digit(2), "test image #4 (9)");
        first.add(digit(3), "image seven.png");
        first.remove(first.list().get(1));
        assertTrue(Files.exists(file));
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of("pins.json"), left.map(p -> p.getFileName().toString()).toList(), "written whole, no temporary file left");
        }

        Pins again = Pins.in(file, tasks);
        assertEquals(List.of("drawing", "image seven.png"), again.list().stream().map(Pins.Pin::caption).toList());
        assertArrayEquals(digit(1), again.list().get(0).input(), 0f, "to the bit");
        assertArrayEquals(digit(3), again.list().get(1).input(), 0f);
        assertEquals("", again.messageProperty().get());
    }

    @Test
    void aDamagedFileIsSetAsideAndSaid() throws Exception {
        Path file = dir.resolve("pins.json");
        Files.writeString(file, "{\"pins\": [{\"caption\": \"x\"");
        Pins pins = Pins.in(file, new SameThreadTasks());
        assertTrue(pins.list().isEmpty());
        assertTrue(pins.messageProperty().get().startsWith("The pinned digits' file was damaged ("), pins.messageProperty().get());
        assertEquals("{\"pins\": [{\"caption\": \"x\"", Files.readString(dir.resolve("pins.json.damaged")), "kept as it was");
        assertFalse(Files.exists(file));
    }

    @Test
    void pinsKeptInMemoryLeaveTheFileAsItWas() throws Exception {
        Path file = dir.resolve("pins.json");
        SameThreadTasks tasks = new SameThreadTasks();
        Pins pins = Pins.in(file, tasks);
        pins.add(digit(1), "drawing");
        String before = Files.readString(file);
        pins.keepInMemory();
        pins.add(digit(2), "test image #0 (7)");
        pins.remove(pins.list().get(0));
        assertEquals(before, Files.readString(file));
    }
}
