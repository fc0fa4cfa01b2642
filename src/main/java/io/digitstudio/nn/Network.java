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
        List<PlannedLayer> plan = LayerPlanner.plan(spec, inputShape, classes);
        this.spec = spec.resolve(classes);
        this.inputShape = inputShape.clone();
        this.classes = classes;
        this.dropoutRng = new Rng(rng.state() ^ 0x9E3779B97F4A7C15L);
        rows.add(new Summary.Row("input", "", inputShape.clone(), 0));
        for (PlannedLayer p : plan) rows.add(new Summary.Row(p.name(), p.type(), p.outputShape(), p.params()));
        String lastNamed = ""; // steps without parameters are named after the layer they follow: "l1 · relu"
        for (Fusion.Step step : Fusion.steps(plan)) {
            PlannedLayer first = step.layers().get(0);
            steps.add(step.build().apply(new LayerBuilder(first, rng, dropoutRng, this::addLink)));
            if (first.named()) {
                stepNames.add(step.label());
                lastNamed = first.name();
            } else {
                stepNames.add(after(lastNamed, step.label()));
            }
        }
    }

    private static String after(String layer, String type) {
        return layer.isEmpty() ? type : layer + " · " + type;
    }

    /** Most weights one network may have (400 MB of float32): a typo such as "linear 100000" is refused, not allocated. */
    public static final long MAX_PARAMS = LayerPlanner.MAX_PARAMS;

    /** The layer table the spec gives for this input shape and number of classes, without building the network. */
    public static Summary summarize(NetworkSpec spec, int[] inputShape, int classes) {
        List<Summary.Row> rows = new ArrayList<>();
        rows.add(new Summary.Row("input", "", inputShape.clone(), 0));
        long total = 0;
        for (PlannedLayer p : LayerPlanner.plan(spec, inputShape, classes)) {
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

    /** Where a saved network keeps its spec and its example shape, beside the weights. */
    public static final String SPEC_KEY = "digitstudio/spec";
    public static final String INPUT_SHAPE_KEY = "digitstudio/input_shape";

    /**
     * The weights and persistent values as {@link Link#serialize} has them, and, written, the spec and the example
     * shape, so that the file says which network it holds. Read back, those two are the network's own already.
     */
    @Override
    public void serialize(io.digitstudio.serial.Serializer s) {
        super.serialize(s);
        if (s.isReader()) return;
        s.text(SPEC_KEY, spec.text());
        s.longs(INPUT_SHAPE_KEY, Arrays.stream(inputShape).asLongStream().toArray());
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
     * its own ({@link LayerSpec#splitsAcrossCores()}). Batch normalization (statistics over the whole batch, running
     * averages it updates) and dropout (a random stream drawn in example order) do not, so such networks train on one
     * thread.
     */
    public boolean dataParallel() {
        return spec.layers().stream().allMatch(LayerSpec::splitsAcrossCores);
    }

    /**
     * A copy of this network that shares its weights (the same arrays: an update through one is seen by both) and has
     * gradients of its own: one per worker thread of a data-parallel training step.
     */
    public Network replica() {
        if (!dataParallel()) throw new IllegalStateException("a network with a layer that does not split across cores (batch normalization, dropout) has no replicas");
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
        if (spec.convolutional() || spec.layers().stream().anyMatch(l -> !(l instanceof LinearLayer || l instanceof ActivationLayer a && a.name().equals("relu")))) {
            String preset = spec.presetName();
            return preset != null ? preset : spec.text();
        }
        StringBuilder sb = new StringBuilder("MLP ").append(inputSize());
        for (LayerSpec l : spec.layers()) if (l instanceof LinearLayer lin) sb.append('-').append(lin.out());
        return sb.toString();
    }
}
