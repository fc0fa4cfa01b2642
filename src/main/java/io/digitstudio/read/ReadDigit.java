package io.digitstudio.read;

import io.digitstudio.nn.Prediction;

/** One digit of a reading: where it is, the 28x28 input the network saw, and what the network said. */
public record ReadDigit(DigitBox box, float[] input, Prediction prediction) {
}
