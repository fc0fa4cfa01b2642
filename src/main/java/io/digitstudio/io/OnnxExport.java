package io.digitstudio.io;

import com.google.protobuf.ByteString;
import io.digitstudio.io.onnx.OnnxProto.AttributeProto;
import io.digitstudio.io.onnx.OnnxProto.GraphProto;
import io.digitstudio.io.onnx.OnnxProto.ModelProto;
import io.digitstudio.io.onnx.OnnxProto.NodeProto;
import io.digitstudio.io.onnx.OnnxProto.OperatorSetIdProto;
import io.digitstudio.io.onnx.OnnxProto.StringStringEntryProto;
import io.digitstudio.io.onnx.OnnxProto.TensorProto;
import io.digitstudio.io.onnx.OnnxProto.TensorShapeProto;
import io.digitstudio.io.onnx.OnnxProto.TypeProto;
import io.digitstudio.io.onnx.OnnxProto.ValueInfoProto;
import io.digitstudio.nn.BatchNormalization;
import io.digitstudio.nn.Host;
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
import io.digitstudio.nn.Parameter;
import io.digitstudio.nn.Persistent;
import io.digitstudio.nn.Summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link Network} as an ONNX model (opset 13) that onnxruntime, Netron and other ONNX tools read: one input named
 * {@code input} of shape (N, C, H, W) with a dynamic batch N (an MLP on flat 784-value examples takes (N, 1, 28, 28)
 * and flattens it, so every MNIST model has the same input), one output {@code logits} of shape (N, classes), and
 * the network in inference form: batch normalization with its running averages, dropout as the identity, leaky ReLU with its slope, max pooling
 * with Chainer's {@code cover_all} as {@code ceil_mode}, average pooling counting the padding as Chainer does.
 * Weights are initializers named by their Chainer paths ({@code conv1/W}, {@code fc3/b}); the spec, the input shape
 * and what is known about the model go into the model's metadata ({@code class_names} as a JSON list).
 */
public final class OnnxExport {
    /** The operator set the graphs use: every operator here has had its present form since 13. */
    public static final int OPSET = 13;
    /** IR version 7 is the one opset 13 came with; every runtime that runs opset 13 reads it. */
    static final long IR_VERSION = 7;
    public static final String INPUT = "input";
    public static final String OUTPUT = "logits";
    /** Metadata keys. */
    public static final String META_SPEC = "digitstudio.spec";
    public static final String META_INPUT_SHAPE = "digitstudio.input_shape";
    public static final String META_CLASS_NAMES = "class_names";
    public static final String META_DATASET = "dataset";
    public static final String META_TEST_ACCURACY = "test_accuracy";

    private OnnxExport() {
    }

    /** Writes the model atomically (an existing file is replaced only by a complete new one). */
    public static void save(Path path, Network model, ModelInfo info) throws IOException {
        byte[] bytes = toModel(model, info).toByteArray();
        AtomicFiles.write(path, out -> out.write(bytes));
    }

    /** The ONNX model of a network: graph, weights and metadata. */
    public static ModelProto toModel(Network model, ModelInfo info) {
        Builder b = new Builder(model);
        GraphProto graph = b.build();
        ModelProto.Builder m = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("DigitStudio")
                .setProducerVersion(BuildInfo.version())
                .setDomain("io.digitstudio")
                .setModelVersion(1)
                .setDocString("DigitStudio " + model.description() + " (" + model.spec().text() + "): input (N, "
                        + dims(b.inputDims) + ") scaled 0..1, output logits (N, " + model.classes() + "); softmax gives the probabilities")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put(META_SPEC, model.spec().text());
        meta.put(META_INPUT_SHAPE, Json.write(toList(model.inputShape())));
        if (info.classNames() != null) meta.put(META_CLASS_NAMES, Json.write(info.classNames()));
        if (info.dataset() != null) meta.put(META_DATASET, info.dataset());
        if (info.testAccuracy() != null) meta.put(META_TEST_ACCURACY, Double.toString(info.testAccuracy()));
        meta.forEach((k, v) -> m.addMetadataProps(StringStringEntryProto.newBuilder().setKey(k).setValue(v)));
        return m.build();
    }

    private static List<Object> toList(int[] a) {
        List<Object> l = new ArrayList<>();
        for (int v : a) l.add(v);
        return l;
    }

    private static String dims(int[] d) {
        StringBuilder sb = new StringBuilder();
        for (int v : d) sb.append(sb.length() == 0 ? "" : ", ").append(v);
        return sb.toString();
    }

    /** The shape an example is fed in: images as they are, flat examples of a square size as one-channel squares. */
    static int[] onnxInputShape(int[] shape) {
        if (shape.length == 1) {
            int side = (int) Math.round(Math.sqrt(shape[0]));
            if (side * side == shape[0] && side > 1) return new int[]{1, side, side};
        }
        return shape.clone();
    }

    /** Walks the spec's layers with the network's own names and shapes, one or two nodes per layer. */
    private static final class Builder {
        private final Network model;
        private final Map<String, Parameter> params;
        private final Map<String, Persistent> persistents;
        private final GraphProto.Builder g = GraphProto.newBuilder();
        private final int[] inputDims;
        private String current = INPUT;
        private int rank;

        Builder(Network model) {
            this.model = model;
            this.params = model.namedParams();
            this.persistents = model.namedPersistents();
            this.inputDims = onnxInputShape(model.inputShape());
            this.rank = inputDims.length + 1;
        }

        GraphProto build() {
            g.setName("digitstudio");
            g.addInput(value(INPUT, inputDims));
            if (inputDims.length != model.inputShape().length) flatten("flatten_input");
            List<LayerSpec> layers = model.spec().layers();
            List<Summary.Row> rows = model.summary().rows(); // rows.get(0) is the input; then one row per layer
            for (int i = 0; i < layers.size(); i++) {
                LayerSpec l = layers.get(i);
                Summary.Row row = rows.get(i + 1);
                String name = row.name().isEmpty() ? row.type() + "_" + (i + 1) : row.name();
                boolean last = i == layers.size() - 1;
                if (l instanceof ConvLayer c) {
                    node("Conv", name, List.of(current, weight(name + "/W"), weight(name + "/b")), last,
                            ints("kernel_shape", c.ksize(), c.ksize()), ints("strides", c.stride(), c.stride()),
                            ints("pads", c.pad(), c.pad(), c.pad(), c.pad()));
                } else if (l instanceof LinearLayer) {
                    if (rank > 2) flatten(name + "_flatten");
                    node("Gemm", name, List.of(current, weight(name + "/W"), weight(name + "/b")), last, integer("transB", 1));
                } else if (l instanceof ActivationLayer a) {
                    String op = switch (a.name()) {
                        case "relu" -> "Relu";
                        case "sigmoid" -> "Sigmoid";
                        case "tanh" -> "Tanh";
                        default -> throw new IllegalStateException("no ONNX operator for " + a.name());
                    };
                    node(op, name, List.of(current), last);
                } else if (l instanceof PoolLayer p) {
                    if (p.max()) {
                        // Chainer's cover_all: the last window may hang over the edge, as ceil_mode's does
                        node("MaxPool", name, List.of(current), last, ints("kernel_shape", p.ksize(), p.ksize()),
                                ints("strides", p.stride(), p.stride()), ints("pads", p.pad(), p.pad(), p.pad(), p.pad()), integer("ceil_mode", 1));
                    } else {
                        // Chainer divides every window's sum by k·k, padding included
                        node("AveragePool", name, List.of(current), last, ints("kernel_shape", p.ksize(), p.ksize()),
                                ints("strides", p.stride(), p.stride()), ints("pads", p.pad(), p.pad(), p.pad(), p.pad()), integer("count_include_pad", 1));
                    }
                } else if (l instanceof BatchNormLayer) {
                    node("BatchNormalization", name, List.of(current, weight(name + "/gamma"), weight(name + "/beta"),
                            persistent(name + "/avg_mean"), persistent(name + "/avg_var")), last, real("epsilon", (float) BatchNormalization.EPS));
                } else if (l instanceof DropoutLayer d) {
                    // kept (with its ratio) so that reading the file back gives the same spec; without training_mode it
                    // is the identity
                    String ratio = name + "/ratio";
                    g.addInitializer(TensorProto.newBuilder().setName(ratio).setDataType(TensorProto.DataType.FLOAT_VALUE)
                            .addFloatData((float) d.ratio()));
                    node("Dropout", name, List.of(current, ratio), last);
                } else if (l instanceof LeakyReluLayer lr) {
                    node("LeakyRelu", name, List.of(current), last, real("alpha", (float) lr.slope()));
                } else if (l instanceof FlattenLayer) {
                    flatten(name);
                } else {
                    throw new IllegalArgumentException("layer " + (i + 1) + " \"" + l.text() + "\" has no ONNX form in this version");
                }
                rank = row.outputShape().length + 1;
            }
            g.addOutput(value(OUTPUT, new int[]{model.classes()}));
            return g.build();
        }

        private void flatten(String name) {
            node("Flatten", name, List.of(current), false, integer("axis", 1));
            rank = 2;
        }

        private void node(String op, String name, List<String> inputs, boolean last, AttributeProto... attributes) {
            String out = last ? OUTPUT : name + ":" + op;
            NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name + ":" + op).addAllInput(inputs).addOutput(out);
            for (AttributeProto a : attributes) n.addAttribute(a);
            g.addNode(n);
            current = out;
        }

        private String weight(String key) {
            Parameter p = params.get(key);
            if (p == null) throw new IllegalStateException("the network has no parameter " + key);
            if (!p.isInitialized()) throw new IllegalStateException(key + " is not initialised; nothing to export");
            g.addInitializer(tensor(key, Host.toArray(p.data()), p.shape()));
            return key;
        }

        private String persistent(String key) {
            Persistent p = persistents.get(key);
            if (p == null) throw new IllegalStateException("the network has no persistent value " + key);
            g.addInitializer(tensor(key, p.values(), new long[]{p.values().length}));
            return key;
        }

        private static ValueInfoProto value(String name, int[] dims) {
            TensorShapeProto.Builder shape = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("N"));
            for (int d : dims) shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
            return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                    TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(shape))).build();
        }
    }

    /** A float32 tensor with its values as little-endian raw data (what PyTorch writes too). */
    static TensorProto tensor(String name, float[] values, long[] shape) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.FLOAT_VALUE)
                .setRawData(ByteString.copyFrom(FloatBytes.littleEndian(values)));
        for (long d : shape) t.addDims(d);
        return t.build();
    }

    private static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) a.addInts(v);
        return a.build();
    }

    private static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    private static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value).build();
    }
}
