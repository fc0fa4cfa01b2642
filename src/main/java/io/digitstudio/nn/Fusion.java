package io.digitstudio.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The pass over a plan that decides the network's steps: each planned layer is a step of its own, except that a
 * convolution followed by a ReLU, a max pooling, or both, runs as one fused function (the same values and gradients as
 * the functions in a row, in one pass over memory). Layers know nothing of it.
 */
final class Fusion {
    private Fusion() {
    }

    /** Planned layers the network computes as one step, and how that step is built (from the first layer's builder). */
    record Step(List<PlannedLayer> layers, Function<LayerBuilder, UnaryOperator<Variable>> build) {
        Step {
            layers = List.copyOf(layers);
        }

        /** "conv1 · relu · max_pooling_2d" for a fused step. */
        String label() {
            StringBuilder sb = new StringBuilder(layers.get(0).named() ? layers.get(0).name() : layers.get(0).type());
            for (int i = 1; i < layers.size(); i++) sb.append(" · ").append(layers.get(i).type());
            return sb.toString();
        }
    }

    static List<Step> steps(List<PlannedLayer> plan) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            PlannedLayer p = plan.get(i);
            if (p.layer() instanceof ConvLayer conv) {
                boolean relu = i + 1 < plan.size() && plan.get(i + 1).layer() instanceof ActivationLayer a && a.name().equals("relu");
                int at = relu ? i + 2 : i + 1;
                PoolLayer pool = at < plan.size() && plan.get(at).layer() instanceof PoolLayer q && q.max() ? q : null;
                if (relu || pool != null) {
                    int last = pool != null ? at : i + 1;
                    steps.add(new Step(plan.subList(i, last + 1), b -> convBlock(b, conv, relu, pool)));
                    i = last;
                    continue;
                }
            }
            steps.add(new Step(List.of(p), p.layer()::build));
        }
        return steps;
    }

    private static UnaryOperator<Variable> convBlock(LayerBuilder b, ConvLayer conv, boolean relu, PoolLayer pool) {
        Convolution2D link = b.addLink(conv.link(b.input()[0], b.rng()));
        int k = pool == null ? 0 : pool.ksize(), s = pool == null ? 0 : pool.stride(), pp = pool == null ? 0 : pool.pad();
        return x -> F.convolution2dBlock(x, link.W(), link.b(), conv.stride(), conv.pad(), relu, k, s, pp);
    }
}
