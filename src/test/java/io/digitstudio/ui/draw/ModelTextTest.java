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
     * Issue 37: the line dropped " · test accuracy …" with nothing to say so. Trial 40: it cut a run's date in its
     * middle ("2026-1…:57"). Parts are left out whole, the name's date first, then the model's layers and data, with no
     * "…" in the middle of the line (the whole text is the tooltip's); the run's id and the test accuracy stay.
     */
    @Test
    void partsAreLeftOutWholeWithoutAnEllipsis() {
        int room = TEXT.length() - 8;
        String s = ModelText.fit(TEXT, NAME, t -> t.length() <= room);
        assertEquals("Model: run b28a0b4d · 784-100-100-10 · MNIST · test accuracy 82.33%", s);
        assertEquals("Model: run b28a0b4d · MNIST · test accuracy 82.33%", ModelText.fit(TEXT, NAME, t -> t.length() <= 60));
        assertEquals("Model: run b28a0b4d · test accuracy 82.33%", ModelText.fit(TEXT, NAME, t -> t.length() <= 45));
    }

    /**
     * Trial 41: a model fine-tuned on the user's digits lost "MNIST + my digits" before its layers at 150 %. The data
     * set says more to a user than the layers (a fine-tune, or a model of the bundled digits): the layers go first.
     */
    @Test
    void theLayersGoBeforeTheDataSet() {
        String text = "Model: fine-tuned-20261207-050834.npz · 784-400-400-10 · MNIST + my digits · test accuracy 99.16%";
        assertEquals("Model: fine-tuned-20261207-050834.npz · MNIST + my digits · test accuracy 99.16%",
                ModelText.fit(text, "fine-tuned-20261207-050834.npz", t -> t.length() < text.length()));
    }

    /**
     * A named run's best epoch: its date goes first, then the layers, its epoch and the data set; its name, its id and
     * the test accuracy stay, whole, however little the room (the line then takes more lines).
     */
    @Test
    void aNamedRunsNameIdAndAccuracyStayWhole() {
        String name = "my first run · run 6124d321 · 2026-12-07 01:57 · best epoch 3";
        String text = "Model: " + name + " · 784-100-100-10 · MNIST · test accuracy 95.46%";
        assertEquals("Model: my first run · run 6124d321 · best epoch 3 · 784-100-100-10 · MNIST · test accuracy 95.46%",
                ModelText.fit(text, name, t -> t.length() < text.length()));
        assertEquals("Model: my first run · run 6124d321 · best epoch 3 · MNIST · test accuracy 95.46%",
                ModelText.fit(text, name, t -> t.length() <= 85));
        assertEquals("Model: my first run · run 6124d321 · MNIST · test accuracy 95.46%", ModelText.fit(text, name, t -> t.length() <= 70));
        assertEquals("Model: my first run · run 6124d321 · test accuracy 95.46%", ModelText.fit(text, name, t -> t.length() <= 50));
        assertEquals("Model: my first run · run 6124d321 · test accuracy 95.46%", ModelText.fit(text, name, t -> t.length() <= 20));
    }

    /** Without its name, the text's first part is taken for it. */
    @Test
    void withoutItsNameTheFirstPartIsTheName() {
        String text = "Model: built-in · 784-400-400-10 · MNIST · test accuracy 99.03%";
        assertEquals("Model: built-in · test accuracy 99.03%", ModelText.fit(text, null, t -> t.length() <= 45));
    }
}
