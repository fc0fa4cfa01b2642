package io.digitstudio.io;

import java.util.List;

/**
 * What a model file says about the model beyond its weights: its accuracy on the test set when saved, the dataset it
 * was trained on and what its outputs mean. Any of them may be unknown (null): Chainer's and NumPy's files carry none.
 */
public record ModelInfo(Double testAccuracy, String dataset, List<String> classNames) {
    public static final ModelInfo NONE = new ModelInfo(null, null, null);

    /**
     * How the dataset of a model fine-tuned on the user's digits ends ("MNIST + my digits"): trained on both, it is
     * measured on the first one's test set alone (the user's digits have none).
     */
    public static final String WITH_MY_DIGITS = " + my digits";

    public ModelInfo {
        classNames = classNames == null ? null : List.copyOf(classNames);
    }

    /** A model fine-tuned on {@code base} and the user's digits, whose {@code testAccuracy} is on {@code base}'s test set. */
    public static ModelInfo fineTuned(Double testAccuracy, String base, List<String> classNames) {
        return new ModelInfo(testAccuracy, base + WITH_MY_DIGITS, classNames);
    }

    /**
     * The dataset whose test set {@link #testAccuracy()} was measured on: the dataset itself, or for a fine-tuning on
     * the user's digits the dataset it started from (files saved before this method existed say it the same way);
     * null when the dataset is unknown. Two accuracies compare only when measured on the same test set.
     */
    public String testSet() {
        if (dataset == null) return null;
        return dataset.endsWith(WITH_MY_DIGITS) && dataset.length() > WITH_MY_DIGITS.length()
                ? dataset.substring(0, dataset.length() - WITH_MY_DIGITS.length()) : dataset;
    }
}
