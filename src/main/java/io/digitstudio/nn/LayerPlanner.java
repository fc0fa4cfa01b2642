package io.digitstudio.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Walks a spec over the input shape without allocating anything: each layer plans itself from what this planner tells
 * it (its input shape, the names taken so far) and says what it gives, or a {@link SpecException} that names it. The
 * planner then checks what no single layer can: the weights in all, and that the last layer gives one score per class.
 */
public final class LayerPlanner {
    /** Most weights one network may have (400 MB of float32): a typo such as "linear 100000" is refused, not allocated. */
    public static final long MAX_PARAMS = 100_000_000L;

    private final boolean convolutional;
    private final List<PlannedLayer> planned = new ArrayList<>();
    private int[] input;
    private String where;
    /** The layer being planned, counted from 1. */
    private int layer;
    private int numbered;

    private LayerPlanner(boolean convolutional) {
        this.convolutional = convolutional;
    }

    static List<PlannedLayer> plan(NetworkSpec spec, int[] inputShape, int classes) {
        if (classes < 2) throw new SpecException("a classifier needs at least 2 classes, the data has " + classes);
        if (inputShape.length == 0 || Arrays.stream(inputShape).anyMatch(d -> d < 1)) {
            throw new SpecException("bad input shape " + Arrays.toString(inputShape));
        }
        LayerPlanner p = new LayerPlanner(spec.convolutional());
        p.input = inputShape.clone();
        long total = 0;
        List<LayerSpec> layers = spec.resolve(classes).layers();
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec l = layers.get(i);
            p.where = "layer " + (i + 1) + " \"" + l.text() + "\"";
            p.layer = i + 1;
            PlannedLayer planned = l.plan(p);
            total += planned.params();
            if (total > MAX_PARAMS) throw p.error("the network would have more than " + String.format(Locale.ROOT, "%,d", MAX_PARAMS) + " weights");
            p.planned.add(planned);
            p.input = planned.outputShape();
        }
        if (p.input.length != 1 || p.input[0] != classes) {
            throw new SpecException("the last layer gives " + Summary.shape(p.input) + " outputs but the data has " + classes
                    + " classes; end with \"linear\" (sized to the classes) or \"linear " + classes + "\"", layers.size(), -1, -1);
        }
        return List.copyOf(p.planned);
    }

    /** The shape of one example entering the layer: (channels, height, width) for images, (n) for vectors. */
    public int[] input() {
        return input.clone();
    }

    /** The values per example entering the layer. */
    public long inputSize() {
        long n = 1;
        for (int d : input) n *= d;
        return n;
    }

    /** An error about the layer being planned, naming it. */
    public SpecException error(String what) {
        return new SpecException(where + ": " + what, layer, -1, -1);
    }

    /** Refuses an input that is not images, saying what {@code what} needs. */
    public void needImages(String what) {
        if (input.length != 3) throw error(what + " needs images (channels, height, width), but its input is " + Summary.shape(input));
    }

    /** Whether the network has a convolution: its linear layers are then named {@code fc3}, otherwise {@code l1}. */
    public boolean convolutional() {
        return convolutional;
    }

    /** The next name of a layer with parameters: they are numbered in order over all of them ({@code conv1, conv2, fc3}). */
    public String nextName(String prefix) {
        return prefix + (++numbered);
    }

    /** The number of the last layer named by {@link #nextName} (0 before the first). */
    public int numbered() {
        return numbered;
    }

    public boolean taken(String name) {
        return planned.stream().anyMatch(q -> q.name().equals(name));
    }

    /** A layer without parameters that gives {@code output}. */
    public PlannedLayer gives(LayerSpec layer, String type, int[] output) {
        return new PlannedLayer(layer, "", type, input, output, 0);
    }

    /** A layer with parameters, named, that gives {@code output}. */
    public PlannedLayer gives(LayerSpec layer, String name, String type, int[] output, long params) {
        return new PlannedLayer(layer, name, type, input, output, params);
    }
}
