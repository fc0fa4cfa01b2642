package io.digitstudio.nn;

import io.digitstudio.data.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A classifier Chain built from a {@link NetworkSpec} for inputs of a given shape ((1, 28, 28) for MNIST images, or
 * (784) for a flat vector): its forward code applies the layers in order, so it is as define-by-run as a hand-written
 * Chain. Parameterised layers are its children, named as Chainer code names them: an MLP's linear layers {@code l1,
 * l2, ...} (the tutorial's {@code MyNetwork}), and in a network with convolutions {@code conv1, conv2, fc3, fc4},
 * numbered in order over all parameterised layers (Chainer's LeNet example); a batch normalization is named after
 * the layer before it ({@code conv1, bn1}). Shapes are checked when it is built, so
 * a spec that does not fit the data is refused before any training.
 */
public final class Network extends Chain {
    private final NetworkSpec spec;
    private final int[] inputShape;
    private final int classes;
    private final List<UnaryOperator<Variable>> steps = new ArrayList<>();
    /** What each step computes, for views that look inside: "conv1 · relu · max_pooling_2d", "fc3", "relu". */
    private final List<String> stepNames = new ArrayList<>();
    private final List<Summary.Row> rows = new ArrayList<>();
    private final Rng dropoutRng;

    /**
     * Builds the network; {@code rng} draws the initial weights, layer by layer (so the tutorial MLP draws exactly what
     * Chainer's three Linear links draw, in order).
     */
    public Network(NetworkSpec spec, int[] inputShape, int classes, Rng rng) {
        List<Planned> plan = plan(spec, inputShape, classes);
        this.spec = spec.resolve(classes);
        this.inputShape = inputShape.clone();
        this.classes = classes;
        this.dropoutRng = new Rng(rng.state() ^ 0x9E3779B97F4A7C15L);
        rows.add(new Summary.Row("input", "", inputShape.clone(), 0));
        int[] shape = inputShape;
        String lastNamed = ""; // steps without parameters are named after the layer they follow: "l1 · relu"
        for (int i = 0; i < plan.size(); i++) {
            Planned p = plan.get(i);
            LayerSpec l = p.layer();
            rows.add(new Summary.Row(p.name(), p.type(), p.outputShape(), p.params()));
            if (l instanceof LayerSpec.Conv c) {
                Convolution2D link = addLink(p.name(), new Convolution2D(shape[0], c.out(), c.ksize(), c.stride(), c.pad(), rng));
                // conv, relu, maxpool run as one fused function (same values and gradients, one pass over memory)
                boolean relu = i + 1 < plan.size() && plan.get(i + 1).layer() instanceof LayerSpec.Activation a && a.name().equals("relu");
                int at = relu ? i + 2 : i + 1;
                LayerSpec.Pool pool = at < plan.size() && plan.get(at).layer() instanceof LayerSpec.Pool q && q.max() ? q : null;
                if (relu || pool != null) {
                    for (int j = i + 1; j <= (pool != null ? at : i + 1); j++) {
                        Planned f = plan.get(j);
                        rows.add(new Summary.Row(f.name(), f.type(), f.outputShape(), f.params()));
                    }
                    StringBuilder label = new StringBuilder(p.name());
                    for (int j = i + 1; j <= (pool != null ? at : i + 1); j++) label.append(" · ").append(plan.get(j).type());
                    stepNames.add(label.toString());
                    lastNamed = p.name();
                    i = pool != null ? at : i + 1;
                    int k = pool == null ? 0 : pool.ksize(), s = pool == null ? 0 : pool.stride(), pp = pool == null ? 0 : pool.pad();
                    steps.add(x -> F.convolution2dBlock(x, link.W(), link.b(), c.stride(), c.pad(), relu, k, s, pp));
                } else {
                    steps.add(link::forward);
                    stepNames.add(p.name());
                    lastNamed = p.name();
                }
            } else if (l instanceof LayerSpec.Linear lin) {
                Linear link = addLink(p.name(), new Linear(Arrays.stream(shape).reduce(1, Math::multiplyExact), lin.out(), rng));
                steps.add(link::forward);
                stepNames.add(p.name());
                lastNamed = p.name();
            } else if (l instanceof LayerSpec.Activation a) {
                stepNames.add(after(lastNamed, p.type()));
                steps.add(switch (a.name()) {
                    case "relu" -> F::relu;
                    case "sigmoid" -> F::sigmoid;
                    default -> F::tanh;
                });
            } else if (l instanceof LayerSpec.Pool pool) {
                stepNames.add(after(lastNamed, p.type()));
                steps.add(pool.max() ? x -> F.maxPooling2d(x, pool.ksize(), pool.stride(), pool.pad())
                        : x -> F.averagePooling2d(x, pool.ksize(), pool.stride(), pool.pad()));
            } else if (l instanceof LayerSpec.BatchNorm) {
                BatchNormalization link = addLink(p.name(), new BatchNormalization(shape[0]));
                steps.add(link::forward);
                stepNames.add(p.name());
                lastNamed = p.name();
            } else if (l instanceof LayerSpec.Dropout d) {
                steps.add(x -> F.dropout(x, d.ratio(), dropoutRng));
                stepNames.add(after(lastNamed, p.type()));
            } else {
                steps.add(F::flatten);
                stepNames.add(after(lastNamed, p.type()));
            }
            shape = plan.get(i).outputShape();
        }
    }

    private static String after(String layer, String type) {
        return layer.isEmpty() ? type : layer + " · " + type;
    }

    /** One layer as planned: its name (parameterised layers only), type, output shape and parameter count. */
    private record Planned(LayerSpec layer, String name, String type, int[] outputShape, long params) {
    }

    /** Most weights one network may have (400 MB of float32): a typo such as "linear 100000" is refused, not allocated. */
    public static final long MAX_PARAMS = 100_000_000L;

    /**
     * Walks the spec over the input shape without allocating anything: names, output shapes and parameter counts, or
     * a {@link SpecException} saying which layer does not fit.
     */
    private static List<Planned> plan(NetworkSpec spec, int[] inputShape, int classes) {
        if (classes < 2) throw new SpecException("a classifier needs at least 2 classes, the data has " + classes);
        if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
            throw new SpecException("bad input shape " + Arrays.toString(inputShape));
        }
        List<Planned> out = new ArrayList<>();
        boolean conv = spec.convolutional();
        int[] shape = inputShape.clone();
        int numbered = 0;
        long total = 0;
        List<LayerSpec> layers = spec.resolve(classes).layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            String where = "layer " + (i + 1) + " \"" + l.text() + "\"";
            String name = "";
            String type;
            long params = 0;
            if (l instanceof LayerSpec.Conv c) {
                if (shape.length != 3) {
                    throw new SpecException(where + ": a convolution needs images (channels, height, width), but its input is " + Summary.shape(shape));
                }
                int oh = ConvGeometry.outSize(shape[1], c.ksize(), c.stride(), c.pad(), false);
                int ow = ConvGeometry.outSize(shape[2], c.ksize(), c.stride(), c.pad(), false);
                if (oh < 1 || ow < 1) throw new SpecException(where + ": a " + c.ksize() + "x" + c.ksize() + " kernel does not fit its " + Summary.shape(shape) + " input");
                name = "conv" + (++numbered);
                type = "Convolution2D";
                params = (long) c.out() * shape[0] * c.ksize() * c.ksize() + c.out();
                shape = new int[]{c.out(), oh, ow};
            } else if (l instanceof LayerSpec.Linear lin) {
                long in = 1;
                for (int d : shape) in *= d;
                name = (conv ? "fc" : "l") + (++numbered);
                type = "Linear";
                params = in * lin.out() + lin.out();
                shape = new int[]{lin.out()};
            } else if (l instanceof LayerSpec.Activation a) {
                type = a.name();
            } else if (l instanceof LayerSpec.Pool p) {
                if (shape.length != 3) throw new SpecException(where + ": pooling needs images (channels, height, width), but its input is " + Summary.shape(shape));
                int oh = ConvGeometry.outSize(shape[1], p.ksize(), p.stride(), p.pad(), p.max());
                int ow = ConvGeometry.outSize(shape[2], p.ksize(), p.stride(), p.pad(), p.max());
                if (oh < 1 || ow < 1) throw new SpecException(where + ": a " + p.ksize() + "x" + p.ksize() + " window does not fit its " + Summary.shape(shape) + " input");
                type = p.max() ? "max_pooling_2d" : "average_pooling_2d";
                shape = new int[]{shape[0], oh, ow};
            } else if (l instanceof LayerSpec.BatchNorm) {
                // named after the layer it normalises, as Chainer's examples do: conv1, bn1, conv2, bn2
                String bn = "bn" + numbered;
                name = bn;
                if (out.stream().anyMatch(q -> q.name().equals(bn))) {
                    throw new SpecException(where + ": a second batchnorm after the same layer");
                }
                type = "BatchNormalization";
                params = 2L * shape[0];
            } else if (l instanceof LayerSpec.Dropout) {
                type = "dropout";
            } else {
                type = "flatten";
                long n = 1;
                for (int d : shape) n *= d;
                shape = new int[]{(int) Math.min(n, Integer.MAX_VALUE)};
            }
            total += params;
            if (total > MAX_PARAMS) {
                throw new SpecException(where + ": the network would have more than " + String.format(java.util.Locale.ROOT, "%,d", MAX_PARAMS) + " weights");
            }
            out.add(new Planned(l, name, type, shape.clone(), params));
        }
        if (shape.length != 1 || shape[0] != classes) {
            throw new SpecException("the last layer gives " + Summary.shape(shape) + " outputs but the data has " + classes
                    + " classes; end with \"linear\" (sized to the classes) or \"linear " + classes + "\"");
        }
        return out;
    }

    /** The layer table the spec gives for this input shape and number of classes, without building the network. */
    public static Summary summarize(NetworkSpec spec, int[] inputShape, int classes) {
        List<Summary.Row> rows = new ArrayList<>();
        rows.add(new Summary.Row("input", "", inputShape.clone(), 0));
        long total = 0;
        for (Planned p : plan(spec, inputShape, classes)) {
            rows.add(new Summary.Row(p.name(), p.type(), p.outputShape(), p.params()));
            total += p.params();
        }
        return new Summary(List.copyOf(rows), total);
    }

    /** An MLP for flat inputs, e.g. {@code mlp(rng, 784, 100, 100, 10)}: the tutorial's network. */
    public static Network mlp(Rng rng, int... sizes) {
        if (sizes.length < 2) throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        return new Network(NetworkSpec.mlp(Arrays.copyOfRange(sizes, 1, sizes.length - 1)), new int[]{sizes[0]}, sizes[sizes.length - 1], rng);
    }

    public Variable forward(Variable x) {
        Variable h = x;
        for (UnaryOperator<Variable> step : steps) h = step.apply(h);
        return h;
    }

    /** Watches a forward pass step by step. */
    @FunctionalInterface
    public interface StepWatcher {
        void step(int index, String name, Variable output);
    }

    /** The forward pass, handing each step's output to {@code watcher} (a fused conv block is one step). */
    public Variable forward(Variable x, StepWatcher watcher) {
        Variable h = x;
        for (int i = 0; i < steps.size(); i++) {
            h = steps.get(i).apply(h);
            watcher.step(i, stepNames.get(i), h);
        }
        return h;
    }

    /** The steps' names, in order (as {@link #forward(Variable, StepWatcher)} reports them). */
    public List<String> stepNames() {
        return java.util.Collections.unmodifiableList(stepNames);
    }

    /** The spec with every size given (the last linear layer's resolved to the classes). */
    public NetworkSpec spec() {
        return spec;
    }

    /** The shape of one example, e.g. (1, 28, 28). */
    public int[] inputShape() {
        return inputShape.clone();
    }

    /** Values per example (the product of the input shape). */
    public int inputSize() {
        return Arrays.stream(inputShape).reduce(1, Math::multiplyExact);
    }

    /** The batch shape for {@code n} examples: (n, inputShape...). */
    public long[] batchShape(int n) {
        long[] s = new long[inputShape.length + 1];
        s[0] = n;
        for (int i = 0; i < inputShape.length; i++) s[i + 1] = inputShape[i];
        return s;
    }

    public int classes() {
        return classes;
    }

    /**
     * Whether copies of this network can each train on part of a batch at once: every layer computes each example on
     * its own. Batch normalization (statistics over the whole batch, running averages it updates) and dropout (a random
     * stream drawn in example order) do not, so such networks train on one thread.
     */
    public boolean dataParallel() {
        for (LayerSpec l : spec.layers()) if (l instanceof LayerSpec.BatchNorm || l instanceof LayerSpec.Dropout) return false;
        return true;
    }

    /**
     * A copy of this network that shares its weights (the same arrays: an update through one is seen by both) and has
     * gradients of its own: one per worker thread of a data-parallel training step.
     */
    public Network replica() {
        if (!dataParallel()) throw new IllegalStateException("a network with batch normalization or dropout has no replicas");
        Network copy = new Network(spec, inputShape, classes, new Rng(0));
        Map<String, Parameter> mine = namedParams();
        for (Map.Entry<String, Parameter> e : copy.namedParams().entrySet()) e.getValue().shareValuesOf(mine.get(e.getKey()));
        return copy;
    }

    /** The random state dropout draws from (saved in snapshots so a resumed run drops the same units). */
    public Rng dropoutRng() {
        return dropoutRng;
    }

    /** A layer table: name, type, output shape and parameters, with the total. */
    public Summary summary() {
        return new Summary(Collections.unmodifiableList(rows), countParams());
    }

    /** "784-100-100-10" for an MLP of ReLU and Linear layers (the sizes), otherwise the preset's name or the spec. */
    public String architecture() {
        String d = description();
        return d.startsWith("MLP ") ? d.substring(4) : d;
    }

    /** A short description: "MLP 784-100-100-10" for an MLP, otherwise the spec. */
    public String description() {
        if (spec.convolutional() || spec.layers().stream().anyMatch(l -> !(l instanceof LayerSpec.Linear || l instanceof LayerSpec.Activation a && a.name().equals("relu")))) {
            String preset = spec.presetName();
            return preset != null ? preset : spec.text();
        }
        StringBuilder sb = new StringBuilder("MLP ").append(inputSize());
        for (LayerSpec l : spec.layers()) if (l instanceof LayerSpec.Linear lin) sb.append('-').append(lin.out());
        return sb.toString();
    }
}
