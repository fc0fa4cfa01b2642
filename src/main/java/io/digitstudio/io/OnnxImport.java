package io.digitstudio.io;

import com.google.protobuf.InvalidProtocolBufferException;
import io.digitstudio.io.onnx.OnnxProto.AttributeProto;
import io.digitstudio.io.onnx.OnnxProto.GraphProto;
import io.digitstudio.io.onnx.OnnxProto.ModelProto;
import io.digitstudio.io.onnx.OnnxProto.NodeProto;
import io.digitstudio.io.onnx.OnnxProto.OperatorSetIdProto;
import io.digitstudio.io.onnx.OnnxProto.StringStringEntryProto;
import io.digitstudio.io.onnx.OnnxProto.TensorProto;
import io.digitstudio.io.onnx.OnnxProto.TensorShapeProto;
import io.digitstudio.io.onnx.OnnxProto.ValueInfoProto;
import io.digitstudio.nn.BatchNormalization;
import io.digitstudio.nn.ConvGeometry;
import io.digitstudio.nn.LayerSpec;
import io.digitstudio.nn.ConvLayer;
import io.digitstudio.nn.LinearLayer;
import io.digitstudio.nn.ActivationLayer;
import io.digitstudio.nn.PoolLayer;
import io.digitstudio.nn.BatchNormLayer;
import io.digitstudio.nn.DropoutLayer;
import io.digitstudio.nn.FlattenLayer;
import io.digitstudio.nn.LeakyReluLayer;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.NetworkSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ONNX model whose graph is a chain of the operators a {@link NetworkSpec} can describe and turns it into the
 * same {@link Network}: DigitStudio's own exports and what PyTorch's {@code torch.onnx.export} writes for such models
 * (Gemm with {@code transB}, or MatMul then Add; Flatten, or Reshape to (N, -1) with a Constant or initializer shape;
 * Identity; a final LogSoftmax, which leaves the class probabilities as they are). Batch normalization with another
 * epsilon than Chainer's is folded into the running variance, so the outputs are the same. Anything else is refused
 * with one line that names the first unsupported operator and its node.
 */
public final class OnnxImport {
    /** Larger files are refused before they are read: four times the largest network's weights. */
    static final long MAX_BYTES = Network.MAX_PARAMS * 4 + (64L << 20);

    private OnnxImport() {
    }

    public static ModelFiles.LoadedModel load(Path path) {
        String name = String.valueOf(path.getFileName());
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) throw new FormatException(name + ": " + size + " bytes is larger than any model DigitStudio can hold");
            return read(Files.readAllBytes(path), name);
        } catch (IOException e) {
            if (e instanceof java.nio.file.NoSuchFileException) throw new FormatException(name + ": file not found");
            throw new FormatException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static ModelFiles.LoadedModel read(InputStream in, String name) throws IOException {
        return read(in.readNBytes((int) Math.min(MAX_BYTES, Integer.MAX_VALUE - 8)), name);
    }

    public static ModelFiles.LoadedModel read(byte[] bytes, String name) {
        ModelProto model;
        try {
            model = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new FormatException(name + ": not an ONNX model or a damaged one (" + firstLine(e.getMessage()) + ")");
        }
        if (!model.hasGraph()) throw new FormatException(name + ": not an ONNX model or a damaged one (it has no graph)");
        return new Reader(model, name).read();
    }

    private static String firstLine(String s) {
        if (s == null) return "unreadable protobuf";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    /** One pass over the graph's nodes, in their (topological) order, following the one value that flows through. */
    private static final class Reader {
        private final ModelProto model;
        private final String name;
        private final GraphProto g;
        private final Map<String, TensorProto> constants = new HashMap<>();
        private final List<LayerSpec> layers = new ArrayList<>();
        /** Per parameterised layer (index into layers): its arrays by Chainer's short key (W, b, gamma, ...). */
        private final Map<Integer, Map<String, NpyArray>> weights = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private String current;
        /** The shape of one example of the current value (no batch axis). */
        private int[] shape;
        private Pending pending;

        Reader(ModelProto model, String name) {
            this.model = model;
            this.name = name;
            this.g = model.getGraph();
        }

        /** A MatMul's weight, waiting for the Add that may bring its bias. */
        private record Pending(String output, int layer, int out) {
        }

        ModelFiles.LoadedModel read() {
            for (OperatorSetIdProto o : model.getOpsetImportList()) {
                if ((o.getDomain().isEmpty() || o.getDomain().equals("ai.onnx")) && o.getVersion() < 7) {
                    throw new FormatException(name + ": uses ONNX opset " + o.getVersion() + "; DigitStudio reads opset 7 and newer");
                }
            }
            for (TensorProto t : g.getInitializerList()) constants.put(t.getName(), t);
            List<ValueInfoProto> inputs = new ArrayList<>();
            for (ValueInfoProto v : g.getInputList()) if (!constants.containsKey(v.getName())) inputs.add(v);
            if (inputs.size() != 1) {
                throw new FormatException(name + ": the graph has " + inputs.size() + " inputs; DigitStudio reads models with one input (the images)");
            }
            if (g.getOutputCount() != 1) {
                throw new FormatException(name + ": the graph has " + g.getOutputCount() + " outputs; DigitStudio reads models with one output (the class scores)");
            }
            ValueInfoProto input = inputs.get(0);
            shape = exampleShape(input);
            int[] inputShape = shape.clone();
            current = input.getName();
            for (NodeProto n : g.getNodeList()) node(n);
            if (pending != null) finishPending();
            if (!current.equals(g.getOutput(0).getName())) {
                throw new FormatException(name + ": the graph's output '" + g.getOutput(0).getName() + "' is not the end of its chain of layers");
            }
            // Linear flattens its input itself: a flatten right before it is the same network without it
            List<LayerSpec> kept = new ArrayList<>();
            Map<Integer, Map<String, NpyArray>> keptWeights = new LinkedHashMap<>();
            for (int i = 0; i < layers.size(); i++) {
                if (layers.get(i) instanceof FlattenLayer && i + 1 < layers.size() && layers.get(i + 1) instanceof LinearLayer) continue;
                if (weights.containsKey(i)) keptWeights.put(kept.size(), weights.get(i));
                kept.add(layers.get(i));
            }
            if (kept.isEmpty() || !(kept.get(kept.size() - 1) instanceof LinearLayer last)) {
                throw new FormatException(name + ": the model does not end with a fully-connected layer (Gemm or MatMul) giving the class scores");
            }
            // a network of fully-connected layers only reads flat examples, as DigitStudio's MLPs do
            boolean spatial = kept.stream().anyMatch(l -> l instanceof ConvLayer || l instanceof PoolLayer);
            if (!spatial && inputShape.length > 1) inputShape = new int[]{java.util.Arrays.stream(inputShape).reduce(1, Math::multiplyExact)};
            NetworkSpec spec;
            try {
                spec = new NetworkSpec(kept);
            } catch (RuntimeException e) {
                throw new FormatException(name + ": " + e.getMessage());
            }
            Map<String, NpyArray> arrays = new LinkedHashMap<>();
            int numbered = 0;
            for (int i = 0; i < kept.size(); i++) {
                LayerSpec l = kept.get(i);
                String key;
                if (l instanceof ConvLayer) key = "conv" + (++numbered);
                else if (l instanceof LinearLayer) key = (spec.convolutional() ? "fc" : "l") + (++numbered);
                else if (l instanceof BatchNormLayer) key = "bn" + numbered;
                else continue;
                for (Map.Entry<String, NpyArray> e : keptWeights.get(i).entrySet()) arrays.put(key + "/" + e.getKey(), e.getValue());
            }
            arrays.put(ModelFiles.META_PREFIX + ModelFiles.SPEC, NpyArray.ofText(spec.text()));
            long[] dims = java.util.Arrays.stream(inputShape).asLongStream().toArray();
            arrays.put(ModelFiles.META_PREFIX + ModelFiles.INPUT_SHAPE, NpyArray.ofLongs(dims, dims.length));
            Map<String, String> meta = new HashMap<>();
            for (StringStringEntryProto e : model.getMetadataPropsList()) meta.put(e.getKey(), e.getValue());
            List<String> classNames = classNames(meta.get(OnnxExport.META_CLASS_NAMES), last.out());
            if (classNames != null) arrays.put(ModelFiles.META_PREFIX + ModelFiles.CLASS_NAMES, NpyArray.ofText(String.join("\n", classNames)));
            if (meta.containsKey(OnnxExport.META_DATASET)) arrays.put(ModelFiles.META_PREFIX + ModelFiles.DATASET, NpyArray.ofText(meta.get(OnnxExport.META_DATASET)));
            String acc = meta.get(OnnxExport.META_TEST_ACCURACY);
            if (acc != null) {
                try {
                    double a = Double.parseDouble(acc);
                    if (a >= 0 && a <= 1) arrays.put(ModelFiles.META_PREFIX + ModelFiles.TEST_ACCURACY, NpyArray.scalar(a));
                } catch (NumberFormatException ignored) {
                    notes.add("its test_accuracy metadata '" + acc + "' is not a number; ignored");
                }
            }
            ModelFiles.LoadedModel m = ModelFiles.fromArrays(arrays, name);
            List<String> all = new ArrayList<>(m.notes());
            all.addAll(notes);
            return new ModelFiles.LoadedModel(m.model(), m.meta(), m.text(), all, name);
        }

        private List<String> classNames(String json, int classes) {
            if (json == null) return null;
            try {
                Object v = Json.parse(json);
                if (v instanceof List<?> l && l.size() == classes && l.stream().allMatch(o -> o instanceof String s && !s.contains("\n"))) {
                    return l.stream().map(String.class::cast).toList();
                }
            } catch (FormatException ignored) {
                // reported below like any other unusable list
            }
            notes.add("its class_names metadata is not a list of " + classes + " names; the classes are numbered");
            return null;
        }

        private int[] exampleShape(ValueInfoProto input) {
            String what = name + ": input '" + input.getName() + "'";
            if (!input.hasType() || !input.getType().hasTensorType()) throw new FormatException(what + " is not a tensor");
            var t = input.getType().getTensorType();
            if (t.getElemType() != TensorProto.DataType.FLOAT_VALUE) {
                throw new FormatException(what + " is of type " + typeName(t.getElemType()) + "; DigitStudio feeds float32 images");
            }
            if (!t.hasShape()) throw new FormatException(what + " has no shape; expected (N, C, H, W) or (N, features)");
            List<TensorShapeProto.Dimension> d = t.getShape().getDimList();
            if (d.size() != 2 && d.size() != 4) {
                throw new FormatException(what + " has " + d.size() + " axes; expected (N, C, H, W) or (N, features)");
            }
            int[] s = new int[d.size() - 1];
            for (int i = 1; i < d.size(); i++) {
                if (!d.get(i).hasDimValue() || d.get(i).getDimValue() < 1 || d.get(i).getDimValue() > 100_000) {
                    throw new FormatException(what + " has no fixed size on axis " + i + " (" + d.get(i).getDimParam() + "); only the batch may vary");
                }
                s[i - 1] = (int) d.get(i).getDimValue();
            }
            return s;
        }

        private FormatException unsupported(NodeProto n, String why) {
            return new FormatException(name + ": node '" + nodeName(n) + "' (" + op(n) + ") " + why);
        }

        private static String nodeName(NodeProto n) {
            return n.getName().isEmpty() ? (n.getOutputCount() > 0 ? n.getOutput(0) : "?") : n.getName();
        }

        private static String op(NodeProto n) {
            return n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx") ? n.getOpType() : n.getDomain() + "." + n.getOpType();
        }

        private void node(NodeProto n) {
            if (!(n.getDomain().isEmpty() || n.getDomain().equals("ai.onnx"))) {
                throw unsupported(n, "is not supported: DigitStudio reads standard ONNX operators only");
            }
            String op = n.getOpType();
            if (op.equals("Constant")) {
                constant(n);
                return;
            }
            if (n.getInputCount() == 0 || !n.getInput(0).equals(current)) {
                if (pending != null && op.equals("Add") && n.getInputCount() == 2 && n.getInput(1).equals(pending.output())) {
                    // Add(bias, MatMul(...)) is as good as Add(MatMul(...), bias)
                    bias(n, n.getInput(0));
                    return;
                }
                throw unsupported(n, "does not continue the chain of layers from '" + current + "' (DigitStudio reads networks that are one chain of layers)");
            }
            if (pending != null) {
                if (op.equals("Add") && n.getInputCount() == 2) {
                    bias(n, n.getInput(1));
                    return;
                }
                finishPending();
            }
            if (n.getOutputCount() < 1) throw unsupported(n, "has no output");
            switch (op) {
                case "Conv" -> conv(n);
                case "Gemm" -> gemm(n);
                case "MatMul" -> matMul(n);
                case "Relu", "Sigmoid", "Tanh" -> {
                    layers.add(new ActivationLayer(op.toLowerCase(Locale.ROOT)));
                }
                case "LeakyRelu" -> {
                    requireAttrs(n, "alpha");
                    double slope = Math.round(floatAttr(n, "alpha", 0.01f) * 1e6) / 1e6; // float32 0.2 is 0.2000000029...
                    if (!(slope >= 0 && slope < 1)) throw unsupported(n, "has a slope of " + slope + "; DigitStudio's leaky_relu takes 0 up to 1");
                    layers.add(new LeakyReluLayer(slope));
                }
                case "MaxPool", "AveragePool" -> pool(n, op.equals("MaxPool"));
                case "BatchNormalization" -> batchNorm(n);
                case "Dropout" -> dropout(n);
                case "Flatten" -> {
                    long axis = intAttr(n, "axis", 1);
                    if (axis != 1) throw unsupported(n, "with axis " + axis + " is not supported (only axis 1, which keeps the batch)");
                    flatten();
                }
                case "Reshape" -> reshape(n);
                case "Identity" -> {
                }
                case "LogSoftmax", "Softmax" -> {
                    boolean log = op.equals("LogSoftmax");
                    if (!log || !n.getOutput(0).equals(g.getOutput(0).getName())) {
                        throw unsupported(n, log ? "is only supported as the last operator" : "is not supported: the model must output logits (or log-probabilities)");
                    }
                    notes.add("its final LogSoftmax is left out: the class probabilities are the same");
                }
                default -> throw unsupported(n, "is not supported (DigitStudio reads Conv, Gemm, MatMul+Add, Relu, LeakyRelu, Sigmoid, Tanh, MaxPool, "
                        + "AveragePool, BatchNormalization, Dropout, Flatten, Reshape, Identity)");
            }
            if (pending == null) current = n.getOutput(0);
        }

        private void constant(NodeProto n) {
            for (AttributeProto a : n.getAttributeList()) {
                if (a.getName().equals("value") && a.hasT() && n.getOutputCount() == 1) {
                    constants.put(n.getOutput(0), a.getT());
                    return;
                }
            }
            throw unsupported(n, "is not supported in this form (only a tensor 'value')");
        }

        private void conv(NodeProto n) {
            if (shape.length != 3) throw unsupported(n, "gets an input of shape " + shapeText(shape) + ", not (C, H, W)");
            requireAttrs(n, "kernel_shape", "strides", "pads", "dilations", "group", "auto_pad");
            float[] w = floats(n, 1);
            long[] ws = dims(n, 1);
            if (ws.length != 4 || ws[1] != shape[0] || ws[2] != ws[3]) {
                throw unsupported(n, "has weights of shape " + dimsText(ws) + "; expected (out, " + shape[0] + ", k, k)");
            }
            int k = (int) ws[2];
            long[] ks = intsAttr(n, "kernel_shape", new long[]{k, k});
            if (ks.length != 2 || ks[0] != k || ks[1] != k) throw unsupported(n, "has a kernel_shape that does not match its weights");
            int stride = square(n, "strides", intsAttr(n, "strides", new long[]{1, 1}));
            int pad = symmetricPads(n);
            long[] dil = intsAttr(n, "dilations", new long[]{1, 1});
            for (long d : dil) if (d != 1) throw unsupported(n, "with dilation " + d + " is not supported");
            if (intAttr(n, "group", 1) != 1) throw unsupported(n, "with groups is not supported");
            autoPad(n);
            int out = (int) ws[0];
            float[] b = n.getInputCount() > 2 && !n.getInput(2).isEmpty() ? floats(n, 2) : new float[out];
            if (b.length != out) throw unsupported(n, "has " + b.length + " biases for " + out + " output channels");
            int oh = ConvGeometry.outSize(shape[1], k, stride, pad, false), ow = ConvGeometry.outSize(shape[2], k, stride, pad, false);
            if (oh < 1 || ow < 1) throw unsupported(n, "has a " + k + "x" + k + " kernel that does not fit its input " + shapeText(shape));
            layers.add(new ConvLayer(out, k, stride, pad));
            weights.put(layers.size() - 1, params("W", NpyArray.ofFloats(w, ws), "b", NpyArray.ofFloats(b, out)));
            shape = new int[]{out, oh, ow};
        }

        private void gemm(NodeProto n) {
            requireAttrs(n, "alpha", "beta", "transA", "transB");
            if (shape.length != 1) throw unsupported(n, "gets an input of shape " + shapeText(shape) + " that was not flattened");
            if (intAttr(n, "transA", 0) != 0) throw unsupported(n, "with transA is not supported");
            if (floatAttr(n, "alpha", 1f) != 1f) throw unsupported(n, "with alpha other than 1 is not supported");
            float beta = floatAttr(n, "beta", 1f);
            boolean transB = intAttr(n, "transB", 0) != 0;
            float[] w = floats(n, 1);
            long[] ws = dims(n, 1);
            if (ws.length != 2) throw unsupported(n, "has weights of shape " + dimsText(ws) + ", not a matrix");
            int in = (int) (transB ? ws[1] : ws[0]), out = (int) (transB ? ws[0] : ws[1]);
            if (in != shape[0]) throw unsupported(n, "has weights of shape " + dimsText(ws) + " for " + shape[0] + " inputs");
            if (!transB) w = transpose(w, in, out);
            float[] b = new float[out];
            if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
                float[] c = floats(n, 2);
                long[] cs = dims(n, 2);
                if (c.length != out || cs.length > 2 || cs.length == 2 && cs[1] != out) {
                    throw unsupported(n, "has a bias of shape " + dimsText(cs) + " for " + out + " outputs");
                }
                for (int i = 0; i < out; i++) b[i] = beta * c[i];
            }
            linear(w, b, out);
        }

        private void matMul(NodeProto n) {
            if (shape.length != 1) throw unsupported(n, "gets an input of shape " + shapeText(shape) + " that was not flattened");
            float[] w = floats(n, 1);
            long[] ws = dims(n, 1);
            if (ws.length != 2 || ws[0] != shape[0]) throw unsupported(n, "has weights of shape " + dimsText(ws) + " for " + shape[0] + " inputs");
            int out = (int) ws[1];
            linear(transpose(w, (int) ws[0], out), new float[out], out);
            pending = new Pending(n.getOutput(0), layers.size() - 1, out);
            current = n.getOutput(0);
        }

        private void bias(NodeProto add, String biasName) {
            float[] b = floatsOf(add, biasName);
            if (b.length != pending.out()) throw unsupported(add, "adds " + b.length + " values to " + pending.out() + " outputs");
            weights.get(pending.layer()).put("b", NpyArray.ofFloats(b, b.length));
            pending = null;
            current = add.getOutput(0);
        }

        private void finishPending() {
            pending = null;
        }

        private void linear(float[] w, float[] b, int out) {
            layers.add(new LinearLayer(out));
            weights.put(layers.size() - 1, params("W", NpyArray.ofFloats(w, out, shape[0]), "b", NpyArray.ofFloats(b, out)));
            shape = new int[]{out};
        }

        private void pool(NodeProto n, boolean max) {
            if (shape.length != 3) throw unsupported(n, "gets an input of shape " + shapeText(shape) + ", not (C, H, W)");
            requireAttrs(n, "kernel_shape", "strides", "pads", "ceil_mode", "count_include_pad", "auto_pad", "dilations", "storage_order");
            int k = square(n, "kernel_shape", intsAttr(n, "kernel_shape", new long[0]));
            int stride = square(n, "strides", intsAttr(n, "strides", new long[]{1, 1}));
            int pad = symmetricPads(n);
            autoPad(n);
            for (long d : intsAttr(n, "dilations", new long[]{1, 1})) if (d != 1) throw unsupported(n, "with dilation " + d + " is not supported");
            boolean ceil = intAttr(n, "ceil_mode", 0) != 0;
            // DigitStudio's max pooling covers the whole input (ceil), its average pooling takes whole windows (floor):
            // the other rounding is the same network whenever both give the same size
            int floorH = ConvGeometry.outSize(shape[1], k, stride, pad, false), floorW = ConvGeometry.outSize(shape[2], k, stride, pad, false);
            int ceilH = ConvGeometry.outSize(shape[1], k, stride, pad, true), ceilW = ConvGeometry.outSize(shape[2], k, stride, pad, true);
            if (max && !ceil && (floorH != ceilH || floorW != ceilW)) {
                throw unsupported(n, "rounds its output size down (ceil_mode 0) where DigitStudio's max pooling covers the whole input (" + shapeText(shape) + ")");
            }
            if (!max && ceil && (floorH != ceilH || floorW != ceilW)) {
                throw unsupported(n, "with ceil_mode 1 is not supported for average pooling");
            }
            if (!max && pad > 0 && intAttr(n, "count_include_pad", 0) == 0) {
                throw unsupported(n, "leaves the padding out of its averages (count_include_pad 0); DigitStudio divides by the whole window");
            }
            if (max && n.getOutputCount() > 1 && !n.getOutput(1).isEmpty()) throw unsupported(n, "with an indices output is not supported");
            int oh = max ? ceilH : floorH, ow = max ? ceilW : floorW;
            if (oh < 1 || ow < 1) throw unsupported(n, "has a window that does not fit its input " + shapeText(shape));
            layers.add(new PoolLayer(max, k, stride, pad));
            shape = new int[]{shape[0], oh, ow};
        }

        private void batchNorm(NodeProto n) {
            requireAttrs(n, "epsilon", "momentum", "training_mode", "spatial");
            if (n.getOutputCount() > 1 && n.getOutputList().stream().skip(1).anyMatch(s -> !s.isEmpty()) || intAttr(n, "training_mode", 0) != 0) {
                throw unsupported(n, "is in training form; export the model in inference (eval) mode");
            }
            if (n.getInputCount() != 5) throw unsupported(n, "has " + n.getInputCount() + " inputs, not 5");
            int c = shape[0];
            float[][] v = new float[4][];
            for (int i = 0; i < 4; i++) {
                v[i] = floats(n, i + 1);
                if (v[i].length != c) throw unsupported(n, "has " + v[i].length + " values in its input '" + n.getInput(i + 1) + "' for " + c + " channels");
            }
            float eps = floatAttr(n, "epsilon", 1e-5f);
            float diff = (float) (eps - BatchNormalization.EPS);
            if (Math.abs(diff) > 1e-12) {
                // var + eps = (var + eps - EPS) + EPS: the same normalisation with Chainer's epsilon
                for (int i = 0; i < c; i++) v[3][i] += diff;
                notes.add(nodeName(n) + ": epsilon " + eps + " folded into its running variance (DigitStudio's is " + BatchNormalization.EPS + ")");
            }
            layers.add(new BatchNormLayer());
            Map<String, NpyArray> p = params("gamma", NpyArray.ofFloats(v[0], c), "beta", NpyArray.ofFloats(v[1], c));
            p.put("avg_mean", NpyArray.ofFloats(v[2], c));
            p.put("avg_var", NpyArray.ofFloats(v[3], c));
            p.put("N", NpyArray.scalar(0L));
            weights.put(layers.size() - 1, p);
        }

        private void dropout(NodeProto n) {
            if (n.getInputCount() > 2 && !n.getInput(2).isEmpty()) {
                float[] mode = floatsOrBool(n, 2);
                if (mode.length != 1 || mode[0] != 0) throw unsupported(n, "is in training mode; export the model in inference (eval) mode");
            }
            double ratio = floatAttr(n, "ratio", 0.5f);
            if (n.getInputCount() > 1 && !n.getInput(1).isEmpty()) {
                float[] r = floats(n, 1);
                if (r.length != 1) throw unsupported(n, "has a ratio that is not one number");
                ratio = r[0];
            }
            ratio = Math.round(ratio * 1e6) / 1e6; // float32 0.3 is 0.30000001192...
            if (!(ratio >= 0 && ratio < 1)) throw unsupported(n, "has a ratio of " + ratio + "; expected 0 up to 1");
            layers.add(new DropoutLayer(ratio));
        }

        private void flatten() {
            layers.add(new FlattenLayer());
            shape = new int[]{java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact)};
        }

        private void reshape(NodeProto n) {
            if (n.getInputCount() < 2) throw unsupported(n, "has no shape input");
            long[] target = longsOf(n, n.getInput(1));
            int total = java.util.Arrays.stream(shape).reduce(1, Math::multiplyExact);
            boolean flat = target.length == 2 && (target[0] == -1 || target[0] == 0) && (target[1] == -1 || target[1] == total)
                    && !(target[0] == -1 && target[1] == -1);
            if (target.length == 2 && target[0] == -1 && target[1] == total) flat = true;
            if (!flat) throw unsupported(n, "to " + dimsText(target) + " is not supported (only a flatten to (N, " + total + "))");
            flatten();
        }

        // --- attributes and constants ---

        private void requireAttrs(NodeProto n, String... known) {
            Set<String> k = new HashSet<>(List.of(known));
            for (AttributeProto a : n.getAttributeList()) {
                if (!k.contains(a.getName())) throw unsupported(n, "has the attribute '" + a.getName() + "', which DigitStudio does not support");
            }
        }

        private AttributeProto attr(NodeProto n, String key) {
            for (AttributeProto a : n.getAttributeList()) if (a.getName().equals(key)) return a;
            return null;
        }

        private long intAttr(NodeProto n, String key, long def) {
            AttributeProto a = attr(n, key);
            return a == null ? def : a.getI();
        }

        private float floatAttr(NodeProto n, String key, float def) {
            AttributeProto a = attr(n, key);
            return a == null ? def : a.getF();
        }

        private long[] intsAttr(NodeProto n, String key, long[] def) {
            AttributeProto a = attr(n, key);
            return a == null ? def : a.getIntsList().stream().mapToLong(Long::longValue).toArray();
        }

        private int square(NodeProto n, String key, long[] v) {
            if (v.length != 2 || v[0] != v[1] || v[0] < 1 || v[0] > NetworkSpec.MAX_KSIZE) {
                throw unsupported(n, "has " + key + " " + dimsText(v) + "; DigitStudio supports the same size on both axes, 1 to " + NetworkSpec.MAX_KSIZE);
            }
            return (int) v[0];
        }

        private int symmetricPads(NodeProto n) {
            long[] p = intsAttr(n, "pads", new long[]{0, 0, 0, 0});
            if (p.length != 4 || p[0] != p[1] || p[0] != p[2] || p[0] != p[3] || p[0] < 0 || p[0] > NetworkSpec.MAX_KSIZE) {
                throw unsupported(n, "has pads " + dimsText(p) + "; DigitStudio supports the same padding on every side");
            }
            return (int) p[0];
        }

        private void autoPad(NodeProto n) {
            AttributeProto a = attr(n, "auto_pad");
            if (a != null && !a.getS().toStringUtf8().equals("NOTSET") && !a.getS().toStringUtf8().equals("VALID")) {
                throw unsupported(n, "with auto_pad " + a.getS().toStringUtf8() + " is not supported");
            }
        }

        private Map<String, NpyArray> params(String k1, NpyArray a1, String k2, NpyArray a2) {
            Map<String, NpyArray> m = new LinkedHashMap<>();
            m.put(k1, a1);
            m.put(k2, a2);
            return m;
        }

        private TensorProto tensor(NodeProto n, String value) {
            TensorProto t = constants.get(value);
            if (t == null) throw unsupported(n, "takes '" + value + "', which is not an initializer or a constant (DigitStudio reads fixed weights)");
            if (t.hasDataLocation() && t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
                throw unsupported(n, "keeps '" + value + "' in an external data file, which DigitStudio does not read");
            }
            return t;
        }

        private long[] dims(NodeProto n, int input) {
            return tensor(n, n.getInput(input)).getDimsList().stream().mapToLong(Long::longValue).toArray();
        }

        private float[] floats(NodeProto n, int input) {
            return floatsOf(n, n.getInput(input));
        }

        private float[] floatsOrBool(NodeProto n, int input) {
            TensorProto t = tensor(n, n.getInput(input));
            if (t.getDataType() == TensorProto.DataType.BOOL_VALUE) {
                long count = count(n, t);
                byte[] raw = t.getRawData().toByteArray();
                float[] out = new float[(int) count];
                for (int i = 0; i < count; i++) out[i] = raw.length > 0 ? (i < raw.length ? raw[i] : 0) : t.getInt32Data(i);
                return out;
            }
            return floatsOf(n, n.getInput(input));
        }

        private long count(NodeProto n, TensorProto t) {
            long c = 1;
            for (long d : t.getDimsList()) {
                if (d < 0 || d > Network.MAX_PARAMS) throw unsupported(n, "has a tensor '" + t.getName() + "' with a bad dimension " + d);
                c *= d;
                if (c > Network.MAX_PARAMS) throw unsupported(n, "has a tensor '" + t.getName() + "' larger than any network DigitStudio can hold");
            }
            return c;
        }

        private float[] floatsOf(NodeProto n, String value) {
            TensorProto t = tensor(n, value);
            int count = (int) count(n, t);
            float[] out = new float[count];
            boolean raw = t.hasRawData();
            switch (t.getDataType()) {
                case TensorProto.DataType.FLOAT_VALUE -> {
                    if (raw) {
                        checkRaw(n, t, count, 4);
                        FloatBytes.read(t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN), out, 0, count);
                    } else {
                        if (t.getFloatDataCount() != count) throw badCount(n, t, t.getFloatDataCount(), count);
                        for (int i = 0; i < count; i++) out[i] = t.getFloatData(i);
                    }
                }
                case TensorProto.DataType.DOUBLE_VALUE -> {
                    if (raw) {
                        checkRaw(n, t, count, 8);
                        var b = t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
                        for (int i = 0; i < count; i++) out[i] = (float) b.get(i);
                    } else {
                        if (t.getDoubleDataCount() != count) throw badCount(n, t, t.getDoubleDataCount(), count);
                        for (int i = 0; i < count; i++) out[i] = (float) t.getDoubleData(i);
                    }
                    notes.add(t.getName() + " was float64, converted to float32");
                }
                default -> throw unsupported(n, "has '" + t.getName() + "' of type " + typeName(t.getDataType()) + "; expected float32 weights");
            }
            return out;
        }

        private long[] longsOf(NodeProto n, String value) {
            TensorProto t = tensor(n, value);
            int count = (int) count(n, t);
            if (count > 8) throw unsupported(n, "has a shape of " + count + " values");
            long[] out = new long[count];
            if (t.getDataType() != TensorProto.DataType.INT64_VALUE) throw unsupported(n, "has a shape of type " + typeName(t.getDataType()) + ", not int64");
            if (t.hasRawData()) {
                checkRaw(n, t, count, 8);
                t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
            } else {
                if (t.getInt64DataCount() != count) throw badCount(n, t, t.getInt64DataCount(), count);
                for (int i = 0; i < count; i++) out[i] = t.getInt64Data(i);
            }
            return out;
        }

        private void checkRaw(NodeProto n, TensorProto t, long count, int size) {
            if (t.getRawData().size() != count * size) {
                throw unsupported(n, "has '" + t.getName() + "' with " + t.getRawData().size() + " bytes of data for " + count + " values of " + size + " bytes");
            }
        }

        private FormatException badCount(NodeProto n, TensorProto t, int have, long want) {
            return unsupported(n, "has '" + t.getName() + "' with " + have + " values for its " + want + "-value shape");
        }
    }

    private static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[a.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c];
        return t;
    }

    static String typeName(int type) {
        TensorProto.DataType t = TensorProto.DataType.forNumber(type);
        return t == null ? "#" + type : t.name().toLowerCase(Locale.ROOT);
    }

    private static String shapeText(int[] s) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) sb.append(i == 0 ? "" : ", ").append(s[i]);
        return sb.append(s.length == 1 ? ",)" : ")").toString();
    }

    private static String dimsText(long[] s) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) sb.append(i == 0 ? "" : ", ").append(s[i]);
        return sb.append(s.length == 1 ? ",)" : ")").toString();
    }
}
