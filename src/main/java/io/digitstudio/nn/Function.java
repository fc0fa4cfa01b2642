package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One step of a forward computation that knows its derivative (Chainer's {@code FunctionNode}, single output).
 * {@link #apply} computes the output and, when a gradient is wanted, records this function as its creator.
 */
public abstract class Function {
    Variable[] inputs;
    Variable output;
    int rank;

    /** Computes the output array from the input arrays. */
    protected abstract INDArray forward(INDArray[] xs);

    /**
     * Writes the gradient of each input into {@code gxs[i]} (overwriting it); {@code gxs[i]} is null where no gradient
     * is needed. {@code y} is the forward output and {@code gy} its gradient.
     */
    protected abstract void backward(INDArray[] xs, INDArray y, INDArray gy, INDArray[] gxs);

    public final Variable apply(Variable... in) {
        INDArray[] xs = new INDArray[in.length];
        boolean needsGraph = false;
        int maxRank = 0;
        for (int i = 0; i < in.length; i++) {
            xs[i] = in[i].data;
            if (in[i].requiresGrad) needsGraph = true;
            maxRank = Math.max(maxRank, in[i].rank());
        }
        Variable out = new Variable(forward(xs), needsGraph && Graph.backpropEnabled(), null);
        if (out.requiresGrad) {
            inputs = in;
            output = out;
            rank = maxRank + 1;
            out.creator = this;
        }
        return out;
    }

    /** Runs {@link #backward} and adds each input's gradient into it (or sets it, if it had none). */
    final void backpropagate() {
        INDArray gy = output.grad;
        if (gy == null) return;
        int n = inputs.length;
        INDArray[] xs = new INDArray[n];
        INDArray[] gxs = new INDArray[n];
        boolean[] accumulate = new boolean[n];
        for (int i = 0; i < n; i++) {
            Variable v = inputs[i];
            xs[i] = v.data;
            if (!v.requiresGrad) continue;
            boolean repeated = false;
            for (int j = 0; j < i; j++) repeated |= inputs[j] == v;
            if (v.grad == null && !repeated) {
                gxs[i] = v instanceof Parameter p ? p.gradTarget() : Workspace.alloc(v.data.shape());
            } else {
                gxs[i] = Workspace.alloc(v.data.shape());
                accumulate[i] = true;
            }
        }
        backward(xs, output.data, gy, gxs);
        for (int i = 0; i < n; i++) {
            if (gxs[i] == null) continue;
            Variable v = inputs[i];
            if (accumulate[i]) {
                Kernels.addInto(v.grad, gxs[i]);
            } else {
                v.grad = gxs[i];
            }
        }
    }
}
