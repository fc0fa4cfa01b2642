package io.digitstudio.io;

import java.util.List;

/**
 * What a model file says about the model beyond its weights: its accuracy on the test set when saved, the dataset it
 * was trained on and what its outputs mean. Any of them may be unknown (null): Chainer's and NumPy's files carry none.
 */
public record ModelInfo(Double testAccuracy, String dataset, List<String> classNames) {
    public static final ModelInfo NONE = new ModelInfo(null, null, null);

    public ModelInfo {
        classNames = classNames == null ? null : List.copyOf(classNames);
    }
}
