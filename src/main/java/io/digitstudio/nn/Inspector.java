package io.digitstudio.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Looks inside a network for one example: every step's activations, and the saliency of the input (the gradient of a
 * class's score, the logit before the softmax, with respect to each input value), as Simonyan et al. define it. Both
 * run in test mode (dropout off, batch normalisation's running statistics) on a network nobody is training; the
 * saliency's backward pass leaves the parameters' gradients cleared.
 */
public final class Inspector {
    private Inspector() {
    }

    /** Each thread's own buffers, reused from one look to the next (the Draw view looks at every stroke). */
    private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);

    /** One step's output for one example: its name ("conv1 · relu · maxpool"), shape without the batch axis, and values. */
    public record Activation(String name, int[] shape, float[] values) {
        /** Whether the values are feature maps (channels, height, width) rather than a vector of units. */
        public boolean maps() {
            return shape.length == 3;
        }

        /** Whether the step applies a ReLU ("l1 · relu", "conv1 · relu · max_pooling_2d"): its values are never negative. */
        public boolean relu() {
            return java.util.Arrays.asList(name.split(" · ")).contains("relu");
        }
    }

    /** The activations of every step for one example (its values in the network's input shape). */
    public static List<Activation> activations(Network net, float[] input) {
        return activations(net, input, 1);
    }

    /**
     * The activations of every step for a batch of {@code n} examples ({@code input} holds them one after the other);
     * each step's values hold the n examples' outputs one after the other, its shape is one example's.
     */
    public static List<Activation> activations(Network net, float[] input, int n) {
        List<Activation> out = new ArrayList<>();
        try (Workspace.Scope s = WORKSPACE.get().enter(); Graph.Mode nb = Graph.noBackprop(); Graph.Mode test = Config.testMode()) {
            net.forward(Variable.of(input, net.batchShape(n)), (i, name, v) -> out.add(new Activation(name, withoutBatch(v.shape()), Host.toArray(v.data()))));
        }
        return out;
    }

    private static int[] withoutBatch(long[] shape) {
        int[] s = new int[shape.length - 1];
        for (int i = 1; i < shape.length; i++) s[i - 1] = (int) shape[i];
        return s;
    }

    /** The gradient of class {@code cls}'s score (logit) with respect to each input value. */
    public static float[] saliency(Network net, float[] input, int cls) {
        if (cls < 0 || cls >= net.classes()) throw new IllegalArgumentException("class " + cls + " of " + net.classes());
        net.cleargrads();
        try (Workspace.Scope s = WORKSPACE.get().enter(); Graph.Mode test = Config.testMode()) {
            INDArray x = Workspace.alloc(net.batchShape(1));
            Host.write(Arrays.copyOf(input, (int) x.length()), x);
            Variable in = new Variable(x, true, "x");
            Variable y = net.forward(in);
            float[] g = new float[net.classes()];
            g[cls] = 1;
            INDArray gy = Workspace.alloc(y.shape());
            Host.write(g, gy);
            y.setGrad(gy);
            y.backward();
            return in.grad() == null ? new float[input.length] : Host.toArray(in.grad());
        } finally {
            net.cleargrads();
        }
    }

    /** The scores (logits) for one example, as the saliency differentiates them. */
    public static float[] scores(Network net, float[] input) {
        try (Workspace.Scope s = WORKSPACE.get().enter(); Graph.Mode nb = Graph.noBackprop(); Graph.Mode test = Config.testMode()) {
            return Host.toArray(net.forward(Variable.of(input, net.batchShape(1))).data());
        }
    }

    /**
     * The first layer's weights as one tile per unit or filter: a Linear layer's row reshaped to the input's image
     * (28×28 for MNIST), a convolution's filter per input channel. Null when the first layer has no weights to show.
     */
    public static Tiles firstLayer(Network net) {
        for (java.util.Map.Entry<String, Link> e : net.children().entrySet()) {
            Link l = e.getValue();
            String name = e.getKey();
            if (l instanceof BatchNormalization) continue;
            if (l instanceof Convolution2D c) {
                float[] w = Host.toArray(c.W().data());
                long[] s = c.W().shape(); // (out, in, k, k)
                return new Tiles(name, (int) s[0], (int) s[1], (int) s[2], (int) s[3], w);
            }
            if (l instanceof Linear lin) {
                float[] w = Host.toArray(lin.W().data());
                long[] s = lin.W().shape(); // (out, in)
                int[] in = net.inputShape();
                int side = (int) Math.round(Math.sqrt(s[1]));
                if (in.length == 1 && side * side == s[1]) in = new int[]{1, side, side}; // flat MNIST: 784 is a 28x28 image
                int h = in.length == 3 ? in[1] : in.length == 2 ? in[0] : 1;
                int wd = in.length == 3 ? in[2] : in.length == 2 ? in[1] : in[0];
                int c = in.length == 3 ? in[0] : 1;
                if ((long) c * h * wd != s[1]) return new Tiles(name, (int) s[0], 1, 1, (int) s[1], w);
                return new Tiles(name, (int) s[0], c, h, wd, w);
            }
            return null;
        }
        return null;
    }

    /** {@code count} tiles of {@code channels} × {@code height} × {@code width} weights, row-major, as the layer holds them. */
    public record Tiles(String layer, int count, int channels, int height, int width, float[] values) {
        /** The weights of tile {@code t}, channel {@code c}, at (y, x). */
        public float at(int t, int c, int y, int x) {
            return values[((t * channels + c) * height + y) * width + x];
        }

        /** The Euclidean norm of tile {@code t}'s weights (all channels). */
        public double norm(int t) {
            int n = channels * height * width;
            double s = 0;
            for (int i = t * n; i < (t + 1) * n; i++) s += (double) values[i] * values[i];
            return Math.sqrt(s);
        }

        /** The largest absolute weight, the colour scale's end (so 0 is the middle colour). */
        public float maxAbs() {
            float m = 0;
            for (float v : values) m = Math.max(m, Math.abs(v));
            return m;
        }
    }
}
