package io.digitstudio.io;

import io.digitstudio.data.Rng;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Link;
import io.digitstudio.nn.Mlp;
import io.digitstudio.nn.Parameter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Models in Chainer's {@code save_npz} layout: one float32 entry per parameter, keyed by its path ({@code l1/W} of
 * shape (out, in), {@code l1/b} of shape (out,)). Optional metadata lives under {@code digitstudio/} as 0-d float64
 * arrays, which Chainer's {@code load_npz} ignores.
 */
public final class ModelFiles {
    public static final String META_PREFIX = "digitstudio/";
    private static final Pattern LAYER_KEY = Pattern.compile("l(\\d+)/(W|b)");

    private ModelFiles() {
    }

    /** A model read from a file, with its metadata (numbers and texts) and anything converted on the way in. */
    public record LoadedModel(Mlp model, Map<String, Double> meta, Map<String, String> text, List<String> notes, String source) {
        /** What the file says about the model. */
        public ModelInfo info() {
            String names = text.get(CLASS_NAMES);
            return new ModelInfo(meta.get(TEST_ACCURACY), text.get(DATASET), names == null ? null : List.of(names.split("\n", -1)));
        }
    }

    static final String TEST_ACCURACY = "test_accuracy";
    static final String DATASET = "dataset";
    static final String CLASS_NAMES = "class_names";

    /** Chainer's {@code serializers.save_npz(path, model)}, compressed like Chainer's default, written atomically. */
    public static void saveNpz(Path path, Link model) throws IOException {
        saveNpz(path, model, ModelInfo.NONE);
    }

    /**
     * Saves the model with what is known about it: {@code digitstudio/test_accuracy} (0-d float64),
     * {@code digitstudio/dataset} and {@code digitstudio/class_names} (UTF-8 text as uint8 arrays, names one per line),
     * all of which {@code numpy.load(allow_pickle=False)} reads and Chainer's {@code load_npz} ignores.
     */
    public static void saveNpz(Path path, Link model, ModelInfo info) throws IOException {
        Npz.write(path, toArrays(model, info), true);
    }

    /** The model's parameters by their Chainer paths, then what is known about it under {@code digitstudio/}. */
    public static Map<String, NpyArray> toArrays(Link model, ModelInfo info) {
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : model.namedParams().entrySet()) {
            Parameter p = e.getValue();
            if (!p.isInitialized()) throw new IllegalStateException(e.getKey() + " is not initialised; nothing to save");
            arrays.put(e.getKey(), NpyArray.ofFloats(Host.toArray(p.data()), p.shape()));
        }
        if (info.testAccuracy() != null) arrays.put(META_PREFIX + TEST_ACCURACY, NpyArray.scalar(info.testAccuracy()));
        if (info.dataset() != null) arrays.put(META_PREFIX + DATASET, NpyArray.ofText(info.dataset()));
        if (info.classNames() != null) arrays.put(META_PREFIX + CLASS_NAMES, NpyArray.ofText(String.join("\n", info.classNames())));
        return arrays;
    }

    public static LoadedModel loadNpz(Path path) {
        return fromArrays(Npz.read(path), String.valueOf(path.getFileName()));
    }

    /** Where the bundled default model lives inside the jar. */
    public static final String DEFAULT_MODEL_RESOURCE = "/io/digitstudio/assets/models/default.npz";

    /** The model that ships with DigitStudio (assets/models/default.npz), so classifying works before any training. */
    public static LoadedModel loadDefault() {
        try (InputStream in = ModelFiles.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) throw new FormatException("the built-in model is missing from this build (assets/models/default.npz)");
            LoadedModel m = loadNpz(in, "built-in");
            return new LoadedModel(m.model(), m.meta(), m.text(), m.notes(), "built-in");
        } catch (IOException e) {
            throw new FormatException("cannot read the built-in model: " + e.getMessage(), e);
        }
    }

    public static LoadedModel loadNpz(InputStream in, String name) {
        return fromArrays(Npz.read(in, name), name);
    }

    /**
     * Builds an MLP from Chainer-layout arrays, inferring the sizes from the shapes: {@code l1..lN} each with W
     * (out, in) and b (out,), each layer's input the previous one's output. Anything else is refused with a message
     * that names the key and the shapes.
     */
    public static LoadedModel fromArrays(Map<String, NpyArray> arrays, String name) {
        List<String> notes = new ArrayList<>();
        Map<String, Double> meta = new LinkedHashMap<>();
        Map<String, String> text = new LinkedHashMap<>();
        TreeSet<Integer> layers = new TreeSet<>();
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(META_PREFIX)) {
                NpyArray a = e.getValue();
                String k = key.substring(META_PREFIX.length());
                if (a.shape().length == 1 && a.dtype() == DType.UINT8) {
                    text.put(k, a.toText());
                } else if (a.count() == 1 && a.dtype() != DType.BOOL) {
                    meta.put(k, a.toDoubles()[0]);
                }
                continue;
            }
            Matcher m = LAYER_KEY.matcher(key);
            if (!m.matches()) throw new FormatException(name + ": unexpected key '" + key + "' (a model has l1/W, l1/b, l2/W, ...)");
            layers.add(Integer.parseInt(m.group(1)));
        }
        if (layers.isEmpty()) throw new FormatException(name + ": no model weights (expected keys l1/W, l1/b, ...)");
        int count = layers.last();
        int[] sizes = new int[count + 1];
        for (int i = 1; i <= count; i++) {
            NpyArray w = require(arrays, name, "l" + i + "/W");
            NpyArray b = require(arrays, name, "l" + i + "/b");
            checkFloat(name, "l" + i + "/W", w, notes);
            checkFloat(name, "l" + i + "/b", b, notes);
            if (w.shape().length != 2 || w.shape()[0] < 1 || w.shape()[1] < 1) {
                throw new FormatException(name + ": l" + i + "/W has shape " + w.shapeString() + ", expected (out, in)");
            }
            int out = (int) w.shape()[0];
            int in = (int) w.shape()[1];
            if (i == 1) {
                sizes[0] = in;
            } else if (in != sizes[i - 1]) {
                throw new FormatException(name + ": l" + i + "/W has shape " + w.shapeString() + ", expected (" + out + ", " + sizes[i - 1]
                        + ") to follow l" + (i - 1) + "'s " + sizes[i - 1] + " outputs");
            }
            if (b.shape().length != 1 || b.shape()[0] != out) {
                throw new FormatException(name + ": l" + i + "/b has shape " + b.shapeString() + ", expected (" + out + ",)");
            }
            sizes[i] = out;
        }
        Mlp model = new Mlp(new Rng(0), sizes);
        for (Map.Entry<String, Parameter> e : model.namedParams().entrySet()) {
            e.getValue().copyFrom(arrays.get(e.getKey()).toFloats());
        }
        return new LoadedModel(model, meta, text, notes, name);
    }

    /**
     * Chainer's {@code load_npz(path, model)}: fills an existing model, which must have exactly these keys and shapes.
     */
    public static void loadInto(Map<String, NpyArray> arrays, Link model, String name) {
        for (Map.Entry<String, Parameter> e : model.namedParams().entrySet()) {
            NpyArray a = require(arrays, name, e.getKey());
            Parameter p = e.getValue();
            if (!java.util.Arrays.equals(a.shape(), p.shape())) {
                throw new FormatException(name + ": " + e.getKey() + " has shape " + a.shapeString() + ", expected " + Npy.shapeString(p.shape()));
            }
            checkFloat(name, e.getKey(), a, new ArrayList<>());
            p.copyFrom(a.toFloats());
        }
    }

    private static NpyArray require(Map<String, NpyArray> arrays, String name, String key) {
        NpyArray a = arrays.get(key);
        if (a == null) throw new FormatException(name + ": missing key '" + key + "'");
        return a;
    }

    private static void checkFloat(String name, String key, NpyArray a, List<String> notes) {
        if (a.dtype() == DType.FLOAT64) {
            notes.add(key + " was float64, converted to float32");
        } else if (a.dtype() != DType.FLOAT32) {
            throw new FormatException(name + ": " + key + " has dtype " + a.dtype().descr() + ", expected float32 (<f4)");
        }
    }
}
