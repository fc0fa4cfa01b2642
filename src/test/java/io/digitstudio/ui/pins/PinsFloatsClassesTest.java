package io.digitstudio.ui.pins;

import io.digitstudio.io.FloatViewClasses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins are written and read without a FloatBuffer view: a digit can be pinned while a run trains, and a second
 * FloatBuffer class would throw away the training code's compiled copies (decision 0008).
 */
class PinsFloatsClassesTest {
    /** Formats a pin and parses it back; run in the child JVM. */
    public static void main(String[] args) {
        List<Pins.Pin> back = Pins.parse(Pins.format(List.of(new Pins.Pin("a seven", new float[]{1.5f, -2f, 0.25f}))));
        if (back.size() != 1 || !java.util.Arrays.equals(back.get(0).input(), new float[]{1.5f, -2f, 0.25f})) throw new AssertionError("round trip");
        System.out.println("done");
    }

    @Test
    void formatAndParseLoadNoFloatBufferView() throws Exception {
        assertEquals(List.of(), FloatViewClasses.others(FloatViewClasses.loadedBy(PinsFloatsClassesTest.class)));
    }
}
