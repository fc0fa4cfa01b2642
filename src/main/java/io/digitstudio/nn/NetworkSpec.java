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
 * classes. {@link #text()} gives the canonical form, which {@link #parse} reads back to an equal spec.
 */
public record NetworkSpec(List<LayerSpec> layers) {
    public static final int MAX_WIDTH = 10_000;
    public static final int MAX_KSIZE = 64;
    private static final String KNOWN = "conv, linear, relu, sigmoid, tanh, maxpool, avgpool, batchnorm, dropout, flatten";
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
            l.add(new LayerSpec.Linear(h));
            l.add(new LayerSpec.Activation("relu"));
        }
        l.add(new LayerSpec.Linear(LayerSpec.Linear.CLASSES));
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
        int classes = last instanceof LayerSpec.Linear lin ? lin.out() : LayerSpec.Linear.CLASSES;
        for (String name : PRESET_NAMES) {
            NetworkSpec preset = parse(PRESETS.get(name));
            if (preset.equals(this) || classes != LayerSpec.Linear.CLASSES && preset.resolve(classes).equals(this)) return name;
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
        return layers.stream().anyMatch(l -> l instanceof LayerSpec.Conv);
    }

    /** The same spec with the last linear layer's size given (when it was left to the number of classes). */
    public NetworkSpec resolve(int classes) {
        List<LayerSpec> l = new ArrayList<>(layers);
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) instanceof LayerSpec.Linear lin && lin.out() == LayerSpec.Linear.CLASSES) l.set(i, new LayerSpec.Linear(classes));
        }
        return new NetworkSpec(l);
    }

    public static NetworkSpec parse(String text) {
        if (text == null || text.isBlank()) throw new SpecException("the network spec is empty; e.g. \"" + PRESETS.get("lenet") + "\"");
        List<LayerSpec> layers = new ArrayList<>();
        Matcher items = ITEM.matcher(text);
        int index = 0;
        int lastLinear = -1;
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
            Item it = new Item(index, item.trim(), tokens, spans, items.start() + item.indexOf(item.trim()));
            LayerSpec layer = it.read();
            if (layer instanceof LayerSpec.Linear lin && lin.out() == LayerSpec.Linear.CLASSES) lastLinear = layers.size();
            layers.add(layer);
        }
        if (layers.isEmpty()) throw new SpecException("the network spec is empty");
        if (lastLinear >= 0 && lastLinear != layers.size() - 1) {
            throw new SpecException("only the last layer may be \"linear\" without a size (it then has one output per class)");
        }
        if (!(layers.get(layers.size() - 1) instanceof LayerSpec.Linear)) {
            throw new SpecException("the last layer must be \"linear\" (it gives one score per class), not \"" + layers.get(layers.size() - 1).text() + "\"",
                    text.stripTrailing().lastIndexOf(',') + 1, text.stripTrailing().length());
        }
        return new NetworkSpec(layers);
    }

    /** One comma-separated item, read with errors that quote it and point at its bad token. */
    private record Item(int index, String text, List<String> tokens, List<int[]> spans, int start) {
        SpecException error(String what, int token) {
            int[] span = token < spans.size() ? spans.get(token) : new int[]{start, start + text.length()};
            return new SpecException("layer " + index + " \"" + text + "\": " + what, span[0], span[1]);
        }

        LayerSpec read() {
            String word = tokens.get(0);
            return switch (word) {
                case "conv", "convolution", "convolution2d" -> {
                    int out = number(1, "output channels", "conv 20 5", 1, MAX_WIDTH);
                    int k = number(2, "kernel size", "conv 20 5", 1, MAX_KSIZE);
                    int[] sp = options(3, "conv", 1, 0);
                    yield new LayerSpec.Conv(out, k, sp[0], sp[1]);
                }
                case "linear", "fc", "dense" -> {
                    if (tokens.size() == 1) yield new LayerSpec.Linear(LayerSpec.Linear.CLASSES);
                    int out = number(1, "size", "linear 500", 1, MAX_WIDTH);
                    if (tokens.size() > 2) throw error("unexpected \"" + tokens.get(2) + "\" (linear takes one size)", 2);
                    yield new LayerSpec.Linear(out);
                }
                case "relu", "sigmoid", "tanh" -> {
                    if (tokens.size() > 1) throw error(word + " takes no arguments", 1);
                    yield new LayerSpec.Activation(word);
                }
                case "maxpool", "avgpool", "max_pooling_2d", "average_pooling_2d" -> {
                    boolean max = word.startsWith("max");
                    String name = max ? "maxpool" : "avgpool";
                    int k = number(1, "window size", name + " 2", 1, MAX_KSIZE);
                    int[] sp = options(2, name, k, 0);
                    yield new LayerSpec.Pool(max, k, sp[0], sp[1]);
                }
                case "dropout" -> {
                    if (tokens.size() < 2) throw error("dropout needs a ratio, e.g. \"dropout 0.5\"", 0);
                    double r;
                    try {
                        r = Double.parseDouble(tokens.get(1));
                    } catch (NumberFormatException e) {
                        throw error("\"" + tokens.get(1) + "\" is not a ratio (a number from 0 up to, not including, 1)", 1);
                    }
                    if (!(r >= 0 && r < 1)) throw error("the dropout ratio must be from 0 up to (not including) 1, got " + tokens.get(1), 1);
                    if (tokens.size() > 2) throw error("unexpected \"" + tokens.get(2) + "\" (dropout takes one ratio)", 2);
                    yield new LayerSpec.Dropout(r);
                }
                case "batchnorm", "bn", "batchnormalization" -> {
                    if (tokens.size() > 1) throw error("batchnorm takes no arguments (its size is its input's channels)", 1);
                    yield new LayerSpec.BatchNorm();
                }
                case "flatten" -> {
                    if (tokens.size() > 1) throw error("flatten takes no arguments", 1);
                    yield new LayerSpec.Flatten();
                }
                default -> throw error("unknown layer \"" + word + "\" (known: " + KNOWN + ")", 0);
            };
        }

        private int number(int token, String what, String example, int min, int max) {
            if (token >= tokens.size()) throw error(tokens.get(0) + " needs its " + what + ", e.g. \"" + example + "\"", token);
            String s = tokens.get(token);
            int v;
            try {
                v = Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw error("\"" + s + "\" is not a whole number (the " + what + ")", token);
            }
            if (v < min || v > max) throw error("the " + what + " must be between " + min + " and " + max + ", got " + v, token);
            return v;
        }

        /** {@code stride S} and {@code pad P} in any order after the required numbers. */
        private int[] options(int from, String name, int stride, int pad) {
            int[] sp = {stride, pad};
            boolean[] seen = new boolean[2];
            for (int i = from; i < tokens.size(); i += 2) {
                String key = tokens.get(i);
                int which = switch (key) {
                    case "stride" -> 0;
                    case "pad" -> 1;
                    default -> throw error("unexpected \"" + key + "\" (after the sizes " + name + " takes \"stride S\" and \"pad P\")", i);
                };
                if (seen[which]) throw error(key + " is given twice", i);
                seen[which] = true;
                sp[which] = number(i + 1, key, name + " ... " + key + " 1", which == 0 ? 1 : 0, MAX_KSIZE);
            }
            return sp;
        }
    }
}
