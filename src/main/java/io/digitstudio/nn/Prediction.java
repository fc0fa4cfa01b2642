package io.digitstudio.nn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** A model's answer for one input: the most likely label, its probability, and all class probabilities. */
public record Prediction(int label, float confidence, float[] probabilities) {
    /** The {@code k} most likely labels, most likely first. */
    public int[] top(int k) {
        return IntStream.range(0, probabilities.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> probabilities[i]).reversed())
                .limit(k).mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String toString() {
        return "Prediction(" + label + ", " + confidence + ", " + Arrays.toString(probabilities) + ")";
    }
}
