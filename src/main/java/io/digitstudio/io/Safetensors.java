package io.digitstudio.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.digitstudio.nn.Network;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models as safetensors files, the pickle-free format PyTorch users share weights in: an 8-byte little-endian header
 * length, a JSON header ({@code {"conv1.weight": {"dtype": "F32", "shape": [20, 1, 5, 5], "data_offsets": [0, 2000]},
 * ..., "__metadata__": {...}}}) and the tensors' bytes. Weights carry PyTorch's names ({@code conv1.weight} (out, in,
 * kh, kw), {@code fc3.weight} (out, in), {@code .bias}, batch normalization's {@code weight}, {@code bias},
 * {@code running_mean}, {@code running_var} and {@code num_batches_tracked}), so {@code load_state_dict} of a module
 * with the same attribute names takes them; the spec and what is known about the model go into
 * {@code __metadata__}. Reading checks every length and offset against the file before it trusts them.
 */
public final class Safetensors {
    /** A header larger than this is refused (the safetensors library's own limit is 100 MB). */
    static final long MAX_HEADER = 100L << 20;
    static final String META_SPEC = OnnxExport.META_SPEC;
    static final String META_INPUT_SHAPE = OnnxExport.META_INPUT_SHAPE;
    /** DigitStudio's batch normalization epsilon, for a PyTorch module that wants the same outputs. */
    static final String META_BN_EPS = "digitstudio.batchnorm_eps";
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build());
    }

    private Safetensors() {
    }

    /** One tensor as read: its dtype ("F32", "F64", "I64"), shape and values. */
    public record Tensor(String dtype, long[] shape, NpyArray array) {
    }

    // ----- writing -----

    /** Writes the model atomically, with PyTorch's names and the spec in the metadata. */
    public static void save(Path path, Network model, ModelInfo info) throws IOException {
        byte[] bytes = toBytes(model, info);
        AtomicFiles.write(path, out -> out.write(bytes));
    }

    public static byte[] toBytes(Network model, ModelInfo info) {
        Map<String, NpyArray> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, NpyArray> e : ModelFiles.toArrays(model, ModelInfo.NONE).entrySet()) {
            if (e.getKey().startsWith(ModelFiles.META_PREFIX)) continue;
            tensors.put(torchName(e.getKey()), e.getValue());
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "pt");
        meta.put(META_SPEC, model.spec().text());
        List<Object> shape = new ArrayList<>();
        for (int d : model.inputShape()) shape.add(d);
        meta.put(META_INPUT_SHAPE, Json.write(shape));
        meta.put(META_BN_EPS, Double.toString(io.digitstudio.nn.BatchNormalization.EPS));
        if (info.classNames() != null) meta.put(OnnxExport.META_CLASS_NAMES, Json.write(info.classNames()));
        if (info.dataset() != null) meta.put(OnnxExport.META_DATASET, info.dataset());
        if (info.testAccuracy() != null) meta.put(OnnxExport.META_TEST_ACCURACY, Double.toString(info.testAccuracy()));
        return write(tensors, meta);
    }

    /** A safetensors file of these arrays (float32 as F32, float64 as F64, int64 as I64; scalars of shape []). */
    public static byte[] write(Map<String, NpyArray> tensors, Map<String, String> metadata) {
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode m = header.putObject("__metadata__");
            metadata.forEach(m::put);
        }
        List<byte[]> data = new ArrayList<>();
        long offset = 0;
        for (Map.Entry<String, NpyArray> e : tensors.entrySet()) {
            NpyArray a = e.getValue();
            byte[] bytes = littleEndian(a);
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", switch (a.dtype()) {
                case FLOAT32 -> "F32";
                case FLOAT64 -> "F64";
                case INT64 -> "I64";
                default -> throw new IllegalArgumentException(e.getKey() + ": no safetensors dtype for " + a.dtype());
            });
            ArrayNode s = t.putArray("shape");
            for (long d : a.shape()) s.add(d);
            t.putArray("data_offsets").add(offset).add(offset + bytes.length);
            offset += bytes.length;
            data.add(bytes);
        }
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // the header is padded with spaces to 8 bytes, as the safetensors library writes it, so the data is aligned
        int padded = (json.length + 7) / 8 * 8;
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded).put(json);
        for (int i = json.length; i < padded; i++) out.put((byte) ' ');
        for (byte[] b : data) out.put(b);
        return out.array();
    }

    private static byte[] littleEndian(NpyArray a) {
        int n = Math.toIntExact(a.count());
        ByteBuffer b;
        switch (a.dtype()) {
            case FLOAT32 -> {
                return FloatBytes.littleEndian(a.toFloats());
            }
            case FLOAT64 -> {
                b = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
                b.asDoubleBuffer().put(a.toDoubles());
            }
            default -> {
                b = ByteBuffer.allocate(n * 8).order(ByteOrder.LITTLE_ENDIAN);
                b.asLongBuffer().put(a.toLongs());
            }
        }
        return b.array();
    }

    /** Chainer's key to PyTorch's: conv1/W to conv1.weight, bn1/avg_var to bn1.running_var, bn1/N to num_batches_tracked. */
    static String torchName(String chainerKey) {
        int slash = chainerKey.lastIndexOf('/');
        String layer = chainerKey.substring(0, slash), p = chainerKey.substring(slash + 1);
        return layer + "." + switch (p) {
            case "W", "gamma" -> "weight";
            case "b", "beta" -> "bias";
            case "avg_mean" -> "running_mean";
            case "avg_var" -> "running_var";
            case "N" -> "num_batches_tracked";
            default -> p;
        };
    }

    /** PyTorch's name to Chainer's key, given the layer's kind (a batchnorm's weight is gamma, a linear's W). */
    static String chainerKey(String torchName) {
        int dot = torchName.lastIndexOf('.');
        if (dot < 1) return null;
        String layer = torchName.substring(0, dot), p = torchName.substring(dot + 1);
        boolean bn = layer.matches("bn\\d+");
        String k = switch (p) {
            case "weight" -> bn ? "gamma" : "W";
            case "bias" -> bn ? "beta" : "b";
            case "running_mean" -> "avg_mean";
            case "running_var" -> "avg_var";
            case "num_batches_tracked" -> "N";
            default -> null;
        };
        return k == null ? null : layer + "/" + k;
    }

    // ----- reading -----

    public static ModelFiles.LoadedModel load(Path path) {
        String name = String.valueOf(path.getFileName());
        try {
            long size = Files.size(path);
            if (size > OnnxImport.MAX_BYTES) throw new FormatException(name + ": " + size + " bytes is larger than any model DigitStudio can hold");
            return read(Files.readAllBytes(path), name);
        } catch (IOException e) {
            if (e instanceof java.nio.file.NoSuchFileException) throw new FormatException(name + ": file not found");
            throw new FormatException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** The model a safetensors file holds: the network its spec describes, or the MLP its l1, l2, ... weights do. */
    public static ModelFiles.LoadedModel read(byte[] bytes, String name) {
        Parsed p = parse(bytes, name);
        Map<String, NpyArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : p.tensors().entrySet()) {
            String key = chainerKey(e.getKey());
            if (key == null) {
                throw new FormatException(name + ": unexpected tensor '" + e.getKey() + "' (DigitStudio reads PyTorch names such as conv1.weight, fc3.bias, bn1.running_mean)");
            }
            arrays.put(key, e.getValue().array());
        }
        Map<String, String> meta = p.metadata();
        String spec = meta.get(META_SPEC);
        if (spec != null) {
            arrays.put(ModelFiles.META_PREFIX + ModelFiles.SPEC, NpyArray.ofText(spec));
            String shape = meta.get(META_INPUT_SHAPE);
            if (shape == null) throw new FormatException(name + ": has a network spec but no " + META_INPUT_SHAPE + " in its metadata");
            arrays.put(ModelFiles.META_PREFIX + ModelFiles.INPUT_SHAPE, inputShape(shape, name));
            // the file says which epsilon its running variances go with; without a word they are PyTorch's (1e-5)
            foldEpsilon(arrays, meta.getOrDefault(META_BN_EPS, "1e-05"), name);
        }
        String names = meta.get(OnnxExport.META_CLASS_NAMES);
        if (names != null) {
            try {
                if (Json.parse(names) instanceof List<?> l && l.stream().allMatch(o -> o instanceof String s && !s.contains("\n"))) {
                    arrays.put(ModelFiles.META_PREFIX + ModelFiles.CLASS_NAMES, NpyArray.ofText(String.join("\n", l.stream().map(String.class::cast).toList())));
                }
            } catch (FormatException ignored) {
                // names that do not read are left out: the classes are then numbered
            }
        }
        if (meta.containsKey(OnnxExport.META_DATASET)) arrays.put(ModelFiles.META_PREFIX + ModelFiles.DATASET, NpyArray.ofText(meta.get(OnnxExport.META_DATASET)));
        String acc = meta.get(OnnxExport.META_TEST_ACCURACY);
        if (acc != null) {
            try {
                arrays.put(ModelFiles.META_PREFIX + ModelFiles.TEST_ACCURACY, NpyArray.scalar(Double.parseDouble(acc)));
            } catch (NumberFormatException ignored) {
                // not a number: unknown
            }
        }
        ModelFiles.LoadedModel m = ModelFiles.fromArrays(arrays, name);
        int classes = m.model().classes();
        List<String> cn = m.info().classNames();
        if (cn != null && cn.size() != classes) {
            Map<String, String> text = new LinkedHashMap<>(m.text());
            text.remove(ModelFiles.CLASS_NAMES);
            return new ModelFiles.LoadedModel(m.model(), m.meta(), text, m.notes(), name);
        }
        return m;
    }

    private static void foldEpsilon(Map<String, NpyArray> arrays, String epsText, String name) {
        double eps;
        try {
            eps = Double.parseDouble(epsText);
        } catch (NumberFormatException e) {
            throw new FormatException(name + ": its " + META_BN_EPS + " '" + epsText + "' is not a number");
        }
        if (!(eps > 0 && eps < 1)) throw new FormatException(name + ": its " + META_BN_EPS + " " + epsText + " is out of range");
        float diff = (float) (eps - io.digitstudio.nn.BatchNormalization.EPS);
        if (diff == 0) return;
        for (Map.Entry<String, NpyArray> e : arrays.entrySet()) {
            if (!e.getKey().endsWith("/avg_var")) continue;
            float[] v = e.getValue().toFloats();
            for (int i = 0; i < v.length; i++) v[i] += diff;
            e.setValue(NpyArray.ofFloats(v, v.length));
        }
    }

    private static NpyArray inputShape(String json, String name) {
        try {
            if (Json.parse(json) instanceof List<?> l && !l.isEmpty() && l.size() <= 3
                    && l.stream().allMatch(o -> o instanceof Double d && d >= 1 && d <= 100_000 && d == Math.floor(d))) {
                long[] dims = l.stream().mapToLong(o -> ((Double) o).longValue()).toArray();
                return NpyArray.ofLongs(dims, dims.length);
            }
        } catch (FormatException ignored) {
            // reported below
        }
        throw new FormatException(name + ": its " + META_INPUT_SHAPE + " '" + json + "' is not a shape such as [1, 28, 28]");
    }

    /** The header's tensors (in file order) and metadata. */
    public record Parsed(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /** Reads and checks a whole file: header length, JSON, every dtype, shape and offset, and that the data is all used. */
    public static Parsed parse(byte[] bytes, String name) {
        if (bytes.length < 8) throw new FormatException(name + ": not a safetensors file (" + bytes.length + " bytes, shorter than its header length)");
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 2 || n > MAX_HEADER) throw new FormatException(name + ": not a safetensors file (header length " + Long.toUnsignedString(n) + ")");
        if (n > bytes.length - 8) throw new FormatException(name + ": truncated (header of " + n + " bytes, file of " + bytes.length + ")");
        String text = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        JsonNode header;
        try {
            header = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new FormatException(name + ": its header is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (RuntimeException e) {
            throw new FormatException(name + ": its header is not valid JSON");
        }
        if (header == null || !header.isObject()) throw new FormatException(name + ": its header is not a JSON object");
        int dataStart = (int) (8 + n);
        long dataLength = bytes.length - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        List<long[]> spans = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String key = f.getKey();
            JsonNode v = f.getValue();
            if (key.equals("__metadata__")) {
                if (!v.isObject()) throw new FormatException(name + ": __metadata__ is not an object of texts");
                Iterator<Map.Entry<String, JsonNode>> m = v.fields();
                while (m.hasNext()) {
                    Map.Entry<String, JsonNode> e = m.next();
                    if (!e.getValue().isTextual()) throw new FormatException(name + ": __metadata__ '" + e.getKey() + "' is not a text");
                    metadata.put(e.getKey(), e.getValue().textValue());
                }
                continue;
            }
            String what = name + ": tensor '" + key + "'";
            if (!v.isObject()) throw new FormatException(what + " is not an object with dtype, shape and data_offsets");
            JsonNode dt = v.get("dtype"), sh = v.get("shape"), off = v.get("data_offsets");
            if (dt == null || !dt.isTextual() || sh == null || !sh.isArray() || off == null || !off.isArray() || off.size() != 2) {
                throw new FormatException(what + " needs dtype, shape and data_offsets [begin, end]");
            }
            String dtype = dt.textValue();
            int size = switch (dtype) {
                case "F32" -> 4;
                case "F64", "I64" -> 8;
                default -> throw new FormatException(what + " has dtype " + dtype + "; DigitStudio reads F32, F64 and I64");
            };
            if (sh.size() > 8) throw new FormatException(what + " has " + sh.size() + " axes");
            long[] shape = new long[sh.size()];
            long count = 1;
            for (int i = 0; i < shape.length; i++) {
                JsonNode d = sh.get(i);
                if (!d.canConvertToExactIntegral() || !d.canConvertToLong() || d.longValue() < 0 || d.longValue() > Network.MAX_PARAMS) {
                    throw new FormatException(what + " has a bad shape " + sh);
                }
                shape[i] = d.longValue();
                count *= shape[i];
                if (count > Network.MAX_PARAMS) throw new FormatException(what + " is larger than any network DigitStudio can hold " + sh);
            }
            JsonNode b0 = off.get(0), b1 = off.get(1);
            if (!b0.canConvertToExactIntegral() || !b1.canConvertToExactIntegral() || !b0.canConvertToLong() || !b1.canConvertToLong()) {
                throw new FormatException(what + " has bad data_offsets " + off);
            }
            long begin = b0.longValue(), end = b1.longValue();
            if (begin < 0 || end < begin || end > dataLength) {
                throw new FormatException(what + " has data_offsets " + off + " outside the file's " + dataLength + " bytes of data");
            }
            if (end - begin != count * size) {
                throw new FormatException(what + " has " + (end - begin) + " bytes for a shape " + sh + " of " + dtype + " (" + count * size + " bytes)");
            }
            spans.add(new long[]{begin, end});
            ByteBuffer buf = ByteBuffer.wrap(bytes, (int) (dataStart + begin), (int) (end - begin)).slice().order(ByteOrder.LITTLE_ENDIAN);
            NpyArray a;
            switch (dtype) {
                case "F32" -> {
                    float[] vals = new float[(int) count];
                    FloatBytes.read(buf, vals, 0, vals.length);
                    a = NpyArray.ofFloats(vals, shape);
                }
                case "F64" -> {
                    double[] vals = new double[(int) count];
                    buf.asDoubleBuffer().get(vals);
                    a = NpyArray.ofDoubles(vals, shape);
                }
                default -> {
                    long[] vals = new long[(int) count];
                    buf.asLongBuffer().get(vals);
                    a = NpyArray.ofLongs(vals, shape);
                }
            }
            tensors.put(key, new Tensor(dtype, shape, a));
        }
        // the tensors tile the data with no gaps or overlaps, as the format requires
        spans.sort((x, y) -> Long.compare(x[0], y[0]));
        long at = 0;
        for (long[] s : spans) {
            if (s[0] != at) throw new FormatException(name + ": its tensors' data " + (s[0] < at ? "overlaps" : "has a gap") + " at byte " + at);
            at = s[1];
        }
        if (at != dataLength) throw new FormatException(name + ": " + (dataLength - at) + " bytes after the last tensor's data");
        return new Parsed(tensors, metadata);
    }
}
