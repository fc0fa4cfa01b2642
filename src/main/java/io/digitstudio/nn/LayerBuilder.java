package io.digitstudio.nn;

import io.digitstudio.data.Rng;

import java.util.function.BiFunction;

/**
 * What a layer gets while a {@link Network} is built: its plan (name, input shape), the random stream its initial
 * weights come from (drawn layer by layer, in order), dropout's stream, and a way to add its link to the network under
 * its name.
 */
public final class LayerBuilder {
    private final PlannedLayer planned;
    private final Rng rng;
    private final Rng dropoutRng;
    private final BiFunction<String, Link, Link> add;

    LayerBuilder(PlannedLayer planned, Rng rng, Rng dropoutRng, BiFunction<String, Link, Link> add) {
        this.planned = planned;
        this.rng = rng;
        this.dropoutRng = dropoutRng;
        this.add = add;
    }

    public PlannedLayer planned() {
        return planned;
    }

    /** The shape of one example entering the layer. */
    public int[] input() {
        return planned.inputShape();
    }

    /** The stream the network's initial weights are drawn from. */
    public Rng rng() {
        return rng;
    }

    /** The stream dropout draws from (the network's own, saved in snapshots). */
    public Rng dropoutRng() {
        return dropoutRng;
    }

    /** Adds the layer's link to the network under the layer's planned name. */
    public <L extends Link> L addLink(L link) {
        add.apply(planned.name(), link);
        return link;
    }
}
