package io.digitstudio.nn;

import io.digitstudio.data.Rng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A multi-layer perceptron of Linear links {@code l1 .. lN} with ReLU between them. With two hidden layers it is the
 * tutorial's {@code MyNetwork(n_mid_units=100, n_out=10)}: {@code l3(relu(l2(relu(l1(x)))))}.
 */
public final class Mlp extends Chain {
    private final List<Linear> layers = new ArrayList<>();
    private final int[] sizes;

    /** {@code sizes} = input width, hidden widths..., output width (e.g. 784, 100, 100, 10). */
    public Mlp(Rng rng, int... sizes) {
        if (sizes.length < 2) throw new IllegalArgumentException("an MLP needs at least an input and an output size");
        for (int s : sizes) if (s <= 0) throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
        this.sizes = sizes.clone();
        for (int i = 1; i < sizes.length; i++) {
            layers.add(addLink("l" + i, new Linear(sizes[i - 1], sizes[i], rng)));
        }
    }

    /** The tutorial's network for 784-pixel inputs: two hidden layers of {@code nMidUnits}, {@code nOut} outputs. */
    public static Mlp tutorial(int nMidUnits, int nOut, Rng rng) {
        return new Mlp(rng, 784, nMidUnits, nMidUnits, nOut);
    }

    public Variable forward(Variable x) {
        Variable h = x;
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).forward(h);
            if (i < layers.size() - 1) h = F.relu(h);
        }
        return h;
    }

    /** Input width, hidden widths, output width. */
    public int[] sizes() {
        return sizes.clone();
    }

    public int inSize() {
        return sizes[0];
    }

    public int outSize() {
        return sizes[sizes.length - 1];
    }

    public List<Linear> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** E.g. "784-100-100-10". */
    public String architecture() {
        StringBuilder sb = new StringBuilder();
        for (int s : sizes) sb.append(sb.length() == 0 ? "" : "-").append(s);
        return sb.toString();
    }
}
