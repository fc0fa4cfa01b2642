package io.digitstudio.nn;

import java.util.List;
import java.util.stream.Collectors;

/** Every kind of layer a network spec can hold, one line each, in the order help texts list them. */
public final class LayerTypes {
    public static final List<LayerType> TYPES = List.of(
            ConvLayer.TYPE,
            LinearLayer.TYPE,
            ActivationLayer.TYPE,
            PoolLayer.TYPE,
            BatchNormLayer.TYPE,
            DropoutLayer.TYPE,
            FlattenLayer.TYPE,
            LeakyReluLayer.TYPE);

    private LayerTypes() {
    }

    /** The type that reads this word, or null. */
    static LayerType reading(String word) {
        for (LayerType t : TYPES) if (t.reads(word)) return t;
        return null;
    }

    /** The words of every layer, as {@link #words()} lists them. */
    static java.util.List<String> wordList() {
        return TYPES.stream().flatMap(t -> t.words().stream()).toList();
    }

    /** The words of every layer: "conv, linear, relu, sigmoid, ...". */
    public static String words() {
        return TYPES.stream().flatMap(t -> t.words().stream()).collect(Collectors.joining(", "));
    }

    /** How each layer is written: "conv OUT K [stride S] [pad P], linear [N], relu, ...". */
    public static String usage() {
        return TYPES.stream().map(LayerType::usage).collect(Collectors.joining(", "));
    }
}
