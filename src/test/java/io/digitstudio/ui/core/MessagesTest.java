package io.digitstudio.ui.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void aSentenceBeginsWithACapital() {
        assertEquals("The model on the test set", Messages.capitalize("the model on the test set"));
        assertEquals("Learning rate wants a number", Messages.capitalize("learning rate wants a number"));
        assertEquals("E.g. this", Messages.capitalize("e.g. this"));
    }

    @Test
    void aFileNameFirstKeepsItsCase() {
        assertEquals("fine-tuned-20261206-225705.npz on the test set, 10,000 images",
                Messages.capitalize("fine-tuned-20261206-225705.npz on the test set, 10,000 images"));
        assertEquals("notanimage.png: not an image", Messages.capitalize("notanimage.png: not an image"));
        assertEquals("model.onnx", Messages.capitalize("model.onnx"));
        assertEquals("/tmp/runs/x: not a folder", Messages.capitalize("/tmp/runs/x: not a folder"));
        assertEquals("runs/abc: gone", Messages.capitalize("runs/abc: gone"));
    }
}
