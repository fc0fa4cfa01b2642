package io.digitstudio.nn;

import java.util.List;
import java.util.function.Function;

/**
 * How a network spec writes one kind of layer, declared by the layer's own class (its {@code TYPE}) and listed in
 * {@link LayerTypes}: the words that name it ({@code relu}, {@code sigmoid} and {@code tanh} for the activations),
 * other spellings it also reads ({@code fc}, {@code dense}), its usage for help texts, and how it reads an item.
 */
public record LayerType(List<String> words, List<String> aliases, String usage, Function<SpecItem, LayerSpec> reader) {
    public LayerType {
        words = List.copyOf(words);
        aliases = List.copyOf(aliases);
    }

    /** A layer named by one word and no other spelling. */
    public LayerType(String word, String usage, Function<SpecItem, LayerSpec> reader) {
        this(List.of(word), List.of(), usage, reader);
    }

    boolean reads(String word) {
        return words.contains(word) || aliases.contains(word);
    }
}
