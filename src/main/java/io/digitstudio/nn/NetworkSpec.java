package io.digitstudio.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network as a list of layers in a text form people write and read back (ConvNetJS's textarea is the model):
 * {@code conv 20 5, relu, maxpool 2, conv 50 5, relu, maxpool 2, linear 500, relu, dropout 0.5, linear 10}. Items are
 * separated by commas or new lines; the last {@code linear} may leave out its size, which is then the data's number of
 * classes. {@link #text()} gives the canonical form, which {@link #parse} reads back to an equal spec. Each item is read
 * by the layer type its first word names ({@link LayerTypes}).
 */
public record NetworkSpec(List<LayerSpec> layers) {
    public static final int MAX_WIDTH = 10_000;
    public static final int MAX_KSIZE = 64;
    private static final Pattern ITEM = Pattern.compile("[^,\\n]+");
    private static final Pattern TOKEN = Pattern.compile("\\S+");

    /** The presets by name: the tutorial's MLP, the wider MLP of the built-in model, and LeNet. */
    public static final Map<String, String> PRESETS = Map.of(
            "tutorial", "linear 100, relu, linear 100, relu, linear",
            "wide", "linear 400, relu, linear 400, relu, linear",
            "lenet", "conv 20 5, relu, maxpool 2, conv 50 5, relu, maxpool 2, linear 500, relu, linear");
    public static final List<String> PRESET_NAMES = List.of("tutorial", "wide", "lenet");

    public NetworkSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) throw new SpecException("the network has no layers; e.g. \"" + PRESETS.get("tutorial") + "\"");
    }

    /** The tutorial's MLP with {@code units} in each of its two hidden layers. */
    public static NetworkSpec mlp(int... hidden) {
        List<LayerSpec> l = new ArrayList<>();
        for (int h : hidden) {
            l.add(new LinearLayer(h));
            l.add(new ActivationLayer("relu"));
        }
        l.add(new LinearLayer(LinearLayer.CLASSES));
        return new NetworkSpec(l);
    }

    /** A preset's name ({@code tutorial}, {@code wide}, {@code lenet}) or a spec in text form. */
    public static NetworkSpec of(String presetOrSpec) {
        if (presetOrSpec == null) throw new SpecException("no network given");
        String preset = PRESETS.get(presetOrSpec.trim().toLowerCase(Locale.ROOT));
        return parse(preset != null ? preset : presetOrSpec);
    }

    /** The preset this spec is, or null. */
    public String presetName() {
        LayerSpec last = layers.get(layers.size() - 1);
        int classes = last instanceof LinearLayer lin ? lin.out() : LinearLayer.CLASSES;
        for (String name : PRESET_NAMES) {
            NetworkSpec preset = parse(PRESETS.get(name));
            if (preset.equals(this) || classes != LinearLayer.CLASSES && preset.resolve(classes).equals(this)) return name;
        }
        return null;
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (LayerSpec l : layers) sb.append(sb.length() == 0 ? "" : ", ").append(l.text());
        return sb.toString();
    }

    @Override
    public String toString() {
        return text();
    }

    /** True when the network has a convolution (so its parameters are named conv1, fc2, ...; an MLP's l1, l2, ...). */
    public boolean convolutional() {
        return layers.stream().anyMatch(LayerSpec::convolutional);
    }

    /** The same spec with the last linear layer's size given (when it was left to the number of classes). */
    public NetworkSpec resolve(int classes) {
        List<LayerSpec> l = new ArrayList<>(layers);
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) instanceof LinearLayer lin && lin.out() == LinearLayer.CLASSES) l.set(i, new LinearLayer(classes));
        }
        return new NetworkSpec(l);
    }

    /**
     * Whether this spec and {@code other} build the same network on data of {@code classes} classes: by what they
     * build, not by how they are written, so "…, linear" (whose last size is the data's classes) and "…, linear 10"
     * on ten classes are the same network. With {@code classes} unknown ({@link LinearLayer#CLASSES}), a last layer
     * without a size is the same only as one without a size.
     */
    public boolean sameNetwork(NetworkSpec other, int classes) {
        return resolve(classes).equals(other.resolve(classes));
    }

    public static NetworkSpec parse(String text) {
        if (text == null || text.isBlank()) throw new SpecException("the network spec is empty; e.g. \"" + PRESETS.get("lenet") + "\"");
        List<LayerSpec> layers = new ArrayList<>();
        Matcher items = ITEM.matcher(text);
        int index = 0;
        SpecItem bare = null; // the first "linear" without a size
        int bareAt = -1;
        while (items.find()) {
            String item = items.group();
            if (item.isBlank()) continue;
            index++;
            List<int[]> spans = new ArrayList<>();
            List<String> tokens = new ArrayList<>();
            Matcher t = TOKEN.matcher(item);
            while (t.find()) {
                tokens.add(t.group().toLowerCase(Locale.ROOT));
                spans.add(new int[]{items.start() + t.start(), items.start() + t.end()});
            }
            SpecItem it = new SpecItem(index, item.trim(), tokens, spans, items.start() + item.indexOf(item.trim()));
            LayerType type = LayerTypes.reading(it.word());
            if (type == null) {
                throw it.error("unknown layer \"" + it.word() + "\"" + NearWords.didYouMean(NearWords.nearest(it.word(), LayerTypes.wordList()))
                        + " (known: " + LayerTypes.words() + ")", 0);
            }
            LayerSpec layer = type.reader().apply(it);
            if (bare == null && layer instanceof LinearLayer lin && lin.out() == LinearLayer.CLASSES) {
                bare = it;
                bareAt = layers.size();
            }
            layers.add(layer);
        }
        if (layers.isEmpty()) throw new SpecException("the network spec is empty");
        if (bare != null && bareAt != layers.size() - 1) {
            throw bare.error("only the last layer may be \"linear\" without a size (it then has one output per class)", 0);
        }
        if (!(layers.get(layers.size() - 1) instanceof LinearLayer)) {
            throw new SpecException("the last layer must be \"linear\" (it gives one score per class), not \"" + layers.get(layers.size() - 1).text() + "\"",
                    layers.size(), text.stripTrailing().lastIndexOf(',') + 1, text.stripTrailing().length());
        }
        return new NetworkSpec(layers);
    }
}
