package io.digitstudio.nn;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** A model's answer for one input: the most likely label, its probability, and all class probabilities. */
public record Prediction(int label, float confidence, float[] probabilities) {
    /** The prediction from a network's scores (logits), through the softmax. */
    public static Prediction ofScores(float[] scores) {
        float[] p = scores.clone();
        Softmax.softmaxRow(p, 0, p.length);
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
        return new Prediction(best, p[best], p);
    }

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
