package io.digitstudio.ui.draw;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** What of a model's text the line above the answer shows when the whole does not fit its room. */
class ModelTextTest {
    /** A run's model as the window names it: its run's name has " · " of its own. */
    static final String NAME = "run b28a0b4d · 2026-12-05 12:58";
    static final String TEXT = "Model: " + NAME + " · 784-100-100-10 · MNIST · test accuracy 82.33%";

    @Test
    void aTextThatFitsIsShownWhole() {
        assertEquals(TEXT, ModelText.fit(TEXT, NAME, s -> true));
    }

    /**
     * Issue 37: the line dropped " · test accuracy …" with nothing to say so, and took the date in a run's name for one
     * of the model's parts. The name is shortened in its middle first; parts left out are marked with "…".
     */
    @Test
    void theNameIsShortenedFirstAndPartsLeftOutAreMarked() {
        int room = TEXT.length() - 8;
        String s = ModelText.fit(TEXT, NAME, t -> t.length() <= room);
        assertTrue(s.endsWith(" · 784-100-100-10 · MNIST · test accuracy 82.33%"), s);
        assertTrue(s.startsWith("Model: run b28a") && s.contains("…"), s);
        String shorter = ModelText.fit(TEXT, NAME, t -> t.length() <= 60);
        assertTrue(shorter.length() <= 60, shorter);
        assertTrue(shorter.endsWith(" · …"), "what is left out is marked: " + shorter);
        assertTrue(shorter.contains("784-100-100-10"), shorter);
        assertTrue(shorter.contains(" · MNIST · …"), "the name's date is shortened with it before the model's parts go: " + shorter);
    }

    /** Without its name, the text's first part is taken for it, as before. */
    @Test
    void withoutItsNameTheFirstPartIsTheName() {
        String text = "Model: built-in · 784-400-400-10 · MNIST · test accuracy 99.03%";
        assertEquals("Model: built-in · 784-400-400-10 · MNIST · …", ModelText.fit(text, null, t -> t.length() <= 45));
    }
}
