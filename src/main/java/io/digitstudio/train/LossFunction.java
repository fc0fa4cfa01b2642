package io.digitstudio.train;

import io.digitstudio.nn.F;
import io.digitstudio.nn.Variable;

/**
 * Chainer's {@code lossfun}: the loss of a batch's outputs {@code y} against its labels {@code t}, a scalar to call
 * {@code backward()} on. The updaters train with it and the evaluator reports it; the tutorial's is softmax cross
 * entropy.
 */
@FunctionalInterface
public interface LossFunction {
    Variable apply(Variable y, int[] t);

    /** {@code F.softmax_cross_entropy}: the mean over the examples with a label (label -1 is ignored). */
    LossFunction SOFTMAX_CROSS_ENTROPY = F::softmaxCrossEntropy;
}
