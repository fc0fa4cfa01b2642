package io.digitstudio.io;

import io.digitstudio.data.Rng;
import io.digitstudio.nn.Link;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.nn.SpecException;
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
 * shape (out, in), {@code conv1/W} of shape (out, in, kh, kw), {@code fc3/W} of shape (500, 800) reading (C, H, W)
 * flattened in C order as Chainer's Linear does). The network's spec and input shape, and what is known about the
 * model, live under {@code digitstudio/} as plain arrays (text as uint8), which {@code numpy.load(allow_pickle=False)}
 * reads and Chainer's {@code load_npz} ignores. Files without a spec (Chainer's or NumPy's MLPs) are read as the MLP
 * their {@code l1/W, l1/b, ...} keys describe. A trainer snapshot, Chainer's or DigitStudio's, gives the model it holds
 * (see {@link #snapshotModelPrefix}).
 */
public final class ModelFiles {
    public static final String META_PREFIX = "digitstudio/";
    private static final Pattern LAYER_KEY = Pattern.compile("l(\\d+)/(W|b)");

    private ModelFiles() {
    }

    /** A model read from a file, with its metadata (numbers and texts) and anything converted on the way in. */
    public record LoadedModel(Network model, Map<String, Double> meta, Map<String, String> text, List<String> notes, String source) {
        /** What the file says about the model. */
        public ModelInfo info() {
            String names = text.get(CLASS_NAMES);
            return new ModelInfo(meta.get(TEST_ACCURACY), text.get(DATASET), names == null ? null : List.of(names.split("\n", -1)));
        }
    }

    static final String TEST_ACCURACY = "test_accuracy";
    static final String DATASET = "dataset";
    static final String CLASS_NAMES = "class_names";
    /** The network's spec in its text form (every size given), e.g. "conv 20 5, relu, maxpool 2, ..., linear 10". */
    public static final String SPEC = "spec";
    /** The shape of one input example, e.g. [1, 28, 28], as int64. */
    public static final String INPUT_SHAPE = "input_shape";

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
        // parameters, then persistent values (batch normalization's avg_mean, avg_var, N) beside them, as in Chainer
        // a network adds its spec and example shape
        model.serialize(new NpzSerializer(arrays, ""));
        if (info.testAccuracy() != null) arrays.put(META_PREFIX + TEST_ACCURACY, NpyArray.scalar(info.testAccuracy()));
        if (info.dataset() != null) arrays.put(META_PREFIX + DATASET, NpyArray.ofText(info.dataset()));
        if (info.classNames() != null) arrays.put(META_PREFIX + CLASS_NAMES, NpyArray.ofText(String.join("\n", info.classNames())));
        return arrays;
    }

    /**
     * A model from any file DigitStudio reads: Chainer's NPZ, ONNX ({@code .onnx}) or safetensors
     * ({@code .safetensors}); a file with another extension is recognised by its first bytes.
     */
    public static LoadedModel load(Path path) {
        Format format = format(path);
        notAModel(path, format);
        return switch (format) {
            case ONNX -> OnnxImport.load(path);
            case SAFETENSORS -> Safetensors.load(path);
            default -> loadNpz(path);
        };
    }

    /** The model files DigitStudio reads, as an error names them. */
    public static final String KINDS = ".npz, .onnx or .safetensors";

    /** Whether a file begins as every ONNX model does: its first field, ir_version (field 1, a varint: byte 0x08). */
    private static boolean startsAsOnnx(Path path) {
        try (InputStream in = java.nio.file.Files.newInputStream(path)) {
            return in.read() == 0x08;
        } catch (IOException e) {
            return true; // the ONNX reader reports the file's problem
        }
    }

    private static boolean namedAsModel(Path path) {
        String lower = String.valueOf(path.getFileName()).toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".npz") || lower.endsWith(".onnx") || lower.endsWith(".safetensors");
    }

    /**
     * Refuses, in the user's words, a file that is plainly something else: a picture given where a model goes, or a
     * zip that holds no NumPy arrays (an export of My digits or of a run); read as a model, each failed in the
     * reader's own words ("not an ONNX model (Protocol message contained an invalid tag)", "entry
     * 'mydigits/collection.json': not a .npy array").
     */
    private static void notAModel(Path path, Format format) {
        String name = String.valueOf(path.getFileName());
        if (!java.nio.file.Files.isRegularFile(path)) return; // the reader says it is not found
        if (!namedAsModel(path) && io.digitstudio.data.ImageFiles.isImageName(path)) {
            throw new FormatException(name + " is not a model file (" + KINDS + "): it is a picture");
        }
        if (format == Format.ONNX && !namedAsModel(path) && !startsAsOnnx(path)) {
            // tried as ONNX only because it is nothing else: what the ONNX reader would say of it is no help
            throw new FormatException(name + " is not a model file (" + KINDS + ")");
        }
        if (format != Format.NPZ) return;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(path.toFile())) {
            if (zip.size() > 0 && zip.stream().noneMatch(e -> e.getName().endsWith(".npy"))) {
                throw new FormatException(name + " is not a model file (" + KINDS + "): it is a zip of other files, without NumPy arrays");
            }
        } catch (IOException e) {
            // not a readable zip: the NPZ reader says so in its own words
        }
    }

    /** The model file formats. */
    public enum Format { NPZ, ONNX, SAFETENSORS }

    /** The format of a model file, by its extension or else by its first bytes (a zip is NPZ). */
    public static Format format(Path path) {
        String lower = String.valueOf(path.getFileName()).toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".npz")) return Format.NPZ;
        if (lower.endsWith(".onnx")) return Format.ONNX;
        if (lower.endsWith(".safetensors")) return Format.SAFETENSORS;
        byte[] head = new byte[9];
        int n = 0;
        try (InputStream in = java.nio.file.Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return Format.NPZ; // the NPZ reader reports the file's problem in its own words
        }
        if (n >= 2 && head[0] == 'P' && head[1] == 'K') return Format.NPZ;
        if (n == 9 && head[8] == '{') return Format.SAFETENSORS;
        return n > 0 ? Format.ONNX : Format.NPZ;
    }

    public static LoadedModel loadNpz(Path path) {
        return fromArrays(Npz.read(path), String.valueOf(path.getFileName()));
    }

    /** Where the bundled default model lives inside the jar. */
    public static final String DEFAULT_MODEL_RESOURCE = "/io/digitstudio/assets/models/default.npz";

    /** Where the bundled convolutional model (LeNet) lives inside the jar. */
    public static final String CNN_MODEL_RESOURCE = "/io/digitstudio/assets/models/lenet.npz";

    /** The model that ships with DigitStudio (assets/models/default.npz, an MLP), so classifying works before any training. */
    public static LoadedModel loadDefault() {
        return loadBuiltIn(DEFAULT_MODEL_RESOURCE, "built-in MLP");
    }

    /** The convolutional model that ships beside it (assets/models/lenet.npz). */
    public static LoadedModel loadBuiltInCnn() {
        return loadBuiltIn(CNN_MODEL_RESOURCE, "built-in CNN");
    }

    private static LoadedModel loadBuiltIn(String resource, String name) {
        try (InputStream in = ModelFiles.class.getResourceAsStream(resource)) {
            if (in == null) throw new FormatException("the " + name + " model is missing from this build (assets/models" + resource.substring(resource.lastIndexOf('/')) + ")");
            LoadedModel m = loadNpz(in, name);
            return new LoadedModel(m.model(), m.meta(), m.text(), m.notes(), name);
        } catch (IOException e) {
            throw new FormatException("cannot read the " + name + " model: " + e.getMessage(), e);
        }
    }

    public static LoadedModel loadNpz(InputStream in, String name) {
        return fromArrays(Npz.read(in, name), name);
    }

    /**
     * Builds the model from Chainer-layout arrays: the network its spec entry describes, or, without one, the MLP
     * that {@code l1..lN} (W (out, in) and b (out,), each fed by the last) describe. Weights that do not fit are
     * refused with a message that names the key and both shapes.
     */
    public static LoadedModel fromArrays(Map<String, NpyArray> arrays, String name) {
        List<String> notes = new ArrayList<>();
        String within = snapshotModelPrefix(arrays, name);
        if (within != null) {
            Map<String, NpyArray> model = new LinkedHashMap<>();
            arrays.forEach((k, v) -> {
                if (k.startsWith(within)) model.put(k.substring(within.length()), v);
            });
            // only DigitStudio's own snapshots can be resumed with train --resume
            notes.add(name + " is a training snapshot: using the model it holds " + (arrays.containsKey(SNAPSHOT_VERSION)
                    ? "(resuming the snapshot continues its training)" : "(under " + within + ")"));
            LoadedModel m = fromModelArrays(model, name + " (" + within + ")", notes);
            return new LoadedModel(m.model(), m.meta(), m.text(), m.notes(), name);
        }
        return fromModelArrays(arrays, name, notes);
    }

    /** The entry that marks a snapshot as DigitStudio's. */
    private static final String SNAPSHOT_VERSION = META_PREFIX + "snapshot_version";

    /**
     * Where a trainer snapshot ({@code serializers.save_npz(file, trainer)}, as Chainer's {@code extensions.snapshot()}
     * and DigitStudio write it) keeps its model: under {@code updater/model:main/}, and, for a model wrapped in
     * Chainer's {@code L.Classifier} as the tutorial does, further under {@code predictor/}. Null for a model file.
     */
    public static String snapshotModelPrefix(Map<String, NpyArray> arrays, String name) {
        boolean snapshot = false;
        boolean classifier = true;
        for (String key : arrays.keySet()) {
            if (!key.startsWith(SNAPSHOT_MODEL_PREFIX)) continue;
            snapshot = true;
            classifier &= key.startsWith(SNAPSHOT_MODEL_PREFIX + CLASSIFIER_PREDICTOR);
        }
        if (!snapshot) {
            if (arrays.keySet().stream().anyMatch(k -> k.startsWith("updater/"))) {
                throw new FormatException(name + ": a trainer snapshot without a model under '" + SNAPSHOT_MODEL_PREFIX + "'");
            }
            return null;
        }
        return classifier ? SNAPSHOT_MODEL_PREFIX + CLASSIFIER_PREDICTOR : SNAPSHOT_MODEL_PREFIX;
    }

    /** Where a trainer's snapshot (Chainer's and ours) keeps the model's arrays: its main optimizer's target. */
    public static final String SNAPSHOT_MODEL_PREFIX = "updater/model:main/";
    /** Chainer's {@code L.Classifier} keeps the network it wraps as {@code predictor}. */
    public static final String CLASSIFIER_PREDICTOR = "predictor/";

    private static LoadedModel fromModelArrays(Map<String, NpyArray> arrays, String name, List<String> notes) {
        Map<String, Double> meta = new LinkedHashMap<>();
        Map<String, String> text = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(META_PREFIX)) continue;
            NpyArray a = e.getValue();
            String k = key.substring(META_PREFIX.length());
            if (a.shape().length == 1 && a.dtype() == DType.UINT8) {
                text.put(k, a.toText());
            } else if (a.count() == 1 && a.dtype() != DType.BOOL) {
                meta.put(k, a.toDoubles()[0]);
            }
        }
        Network model = text.containsKey(SPEC) ? fromSpec(arrays, text.get(SPEC), name, notes) : inferMlp(arrays, name, notes);
        return new LoadedModel(model, meta, text, notes, name);
    }

    /** The network a file's spec describes, filled with its weights; every key and shape must fit. */
    private static Network fromSpec(Map<String, NpyArray> arrays, String specText, String name, List<String> notes) {
        NpyArray shapeArray = arrays.get(META_PREFIX + INPUT_SHAPE);
        if (shapeArray == null) throw new FormatException(name + ": has a network spec but no " + META_PREFIX + INPUT_SHAPE);
        long[] dims = shapeArray.dtype().isFloat() ? null : shapeArray.toLongs();
        if (dims == null || dims.length < 1 || dims.length > 3 || java.util.Arrays.stream(dims).anyMatch(d -> d < 1 || d > 100_000)) {
            throw new FormatException(name + ": " + META_PREFIX + INPUT_SHAPE + " is not a shape (" + shapeArray.shapeString() + ")");
        }
        int[] inputShape = java.util.Arrays.stream(dims).mapToInt(d -> (int) d).toArray();
        Network model;
        try {
            NetworkSpec spec = NetworkSpec.parse(specText);
            io.digitstudio.nn.LayerSpec last = spec.layers().get(spec.layers().size() - 1);
            int classes = last instanceof io.digitstudio.nn.LinearLayer lin ? lin.out() : 0;
            if (classes < 2) throw new SpecException("its last layer does not say how many classes there are");
            model = new Network(spec, inputShape, classes, new Rng(0));
        } catch (SpecException e) {
            throw new FormatException(name + ": its network spec is not valid: " + e.getMessage());
        }
        java.util.Set<String> known = new java.util.HashSet<>(model.namedParams().keySet());
        known.addAll(model.namedPersistents().keySet());
        for (String key : arrays.keySet()) {
            if (!key.startsWith(META_PREFIX) && !known.contains(key)) {
                throw new FormatException(name + ": unexpected key '" + key + "' for its network (" + model.spec().text() + ")");
            }
        }
        fill(arrays, model, name, notes);
        return model;
    }

    /** Chainer's and NumPy's MLP files carry no spec: l1 .. lN with W (out, in) and b (out,), each fed by the last. */
    private static Network inferMlp(Map<String, NpyArray> arrays, String name, List<String> notes) {
        TreeSet<Integer> layers = new TreeSet<>();
        for (String key : arrays.keySet()) {
            if (key.startsWith(META_PREFIX)) continue;
            Matcher m = LAYER_KEY.matcher(key);
            if (!m.matches()) {
                throw new FormatException(name + ": unexpected key '" + key + "' (a file without a " + META_PREFIX + SPEC + " entry is read as an MLP: l1/W, l1/b, l2/W, ...)");
            }
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
        if (sizes[count] < 2) throw new FormatException(name + ": l" + count + "/W gives " + sizes[count] + " output; a classifier needs at least 2");
        Network model = Network.mlp(new Rng(0), sizes);
        fill(arrays, model, name, notes);
        return model;
    }

    private static void fill(Map<String, NpyArray> arrays, Link model, String name, List<String> notes) {
        for (Map.Entry<String, Parameter> e : model.namedParams().entrySet()) {
            NpyArray a = require(arrays, name, e.getKey());
            Parameter p = e.getValue();
            if (!java.util.Arrays.equals(a.shape(), p.shape())) {
                throw new FormatException(name + ": " + e.getKey() + " has shape " + a.shapeString() + " but its network needs " + Npy.shapeString(p.shape()));
            }
            checkFloat(name, e.getKey(), a, notes);
            p.copyFrom(a.toFloats());
        }
        for (Map.Entry<String, io.digitstudio.nn.Persistent> e : model.namedPersistents().entrySet()) {
            NpyArray a = require(arrays, name, e.getKey());
            io.digitstudio.nn.Persistent p = e.getValue();
            if (p.isScalar()) {
                if (a.count() != 1 || a.dtype() == DType.BOOL) throw new FormatException(name + ": " + e.getKey() + " should be one number, has shape " + a.shapeString());
                p.setScalar(a.dtype().isFloat() ? (long) a.toDoubles()[0] : a.toLongs()[0]);
            } else {
                if (a.shape().length != 1 || a.shape()[0] != p.values().length) {
                    throw new FormatException(name + ": " + e.getKey() + " has shape " + a.shapeString() + " but its network needs (" + p.values().length + ",)");
                }
                checkFloat(name, e.getKey(), a, notes);
                p.copyFrom(a.toFloats());
            }
        }
    }

    /**
     * Chainer's {@code load_npz(path, model)}: fills an existing model, which must have exactly these keys and shapes.
     */
    public static void loadInto(Map<String, NpyArray> arrays, Link model, String name) {
        fill(arrays, model, name, new ArrayList<>());
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
