package io.digitstudio.io;

import com.google.protobuf.ByteString;
import io.digitstudio.data.Rng;
import io.digitstudio.io.onnx.OnnxProto.AttributeProto;
import io.digitstudio.io.onnx.OnnxProto.GraphProto;
import io.digitstudio.io.onnx.OnnxProto.ModelProto;
import io.digitstudio.io.onnx.OnnxProto.NodeProto;
import io.digitstudio.io.onnx.OnnxProto.OperatorSetIdProto;
import io.digitstudio.io.onnx.OnnxProto.TensorProto;
import io.digitstudio.io.onnx.OnnxProto.TensorShapeProto;
import io.digitstudio.io.onnx.OnnxProto.TypeProto;
import io.digitstudio.io.onnx.OnnxProto.ValueInfoProto;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.NetworkSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.digitstudio.io.OnnxRuntimeTest.images;
import static io.digitstudio.io.OnnxRuntimeTest.logits;
import static io.digitstudio.io.OnnxRuntimeTest.maxDifference;
import static io.digitstudio.io.OnnxRuntimeTest.network;
import static io.digitstudio.io.OnnxRuntimeTest.runtimeLogits;
import static org.junit.jupiter.api.Assertions.*;

/**
 * ONNX in: DigitStudio's own exports come back as the same network, the graph PyTorch's {@code torch.onnx.export}
 * writes for a LeNet with batch normalization imports and predicts like onnxruntime running that graph, and anything
 * else is refused with one line naming the operator and its node.
 */
class OnnxImportTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void init() {
        OnnxRuntimeTest.init();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "tutorial",
            "lenet",
            "conv 8 3 pad 1, batchnorm, relu, maxpool 2, conv 16 3 stride 2 pad 1, batchnorm, tanh, avgpool 3 stride 2 pad 1, dropout 0.3, linear 32, sigmoid, linear",
            "linear 64, batchnorm, relu, dropout 0.5, linear 32, tanh, linear",
            "conv 6 3, leaky_relu, maxpool 2, linear 16, leaky_relu 0.1, linear"})
    void anExportReadsBackAsTheSameNetwork(String spec) throws Exception {
        boolean flat = !NetworkSpec.of(spec).convolutional();
        Network net = network(spec, flat ? new int[]{784} : new int[]{1, 28, 28}, 11);
        Path file = dir.resolve("m.onnx");
        OnnxExport.save(file, net, new ModelInfo(0.98, "MNIST", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")));
        ModelFiles.LoadedModel back = ModelFiles.load(file);
        assertEquals(net.spec(), back.model().spec());
        assertArrayEquals(net.inputShape(), back.model().inputShape());
        assertEquals(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), back.info().classNames());
        assertEquals(0.98, back.info().testAccuracy());
        assertEquals("MNIST", back.info().dataset());
        float[] x = images(20);
        assertArrayEquals(logits(net, x, 20), logits(back.model(), x, 20), "the same weights give the same logits");
        assertEquals(net.namedParams().keySet(), back.model().namedParams().keySet());
    }

    // ----- a graph shaped as torch.onnx.export writes it -----

    static ValueInfoProto value(String name, long... dims) {
        TensorShapeProto.Builder s = TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch_size"));
        for (long d : dims) s.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(d));
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE).setShape(s))).build();
    }

    static TensorProto floats(String name, java.util.Random r, double scale, long... dims) {
        int n = 1;
        for (long d : dims) n *= (int) d;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) (r.nextGaussian() * scale);
        return OnnxExport.tensor(name, v, dims);
    }

    static TensorProto positive(String name, java.util.Random r, long n) {
        float[] v = new float[(int) n];
        for (int i = 0; i < n; i++) v[i] = (float) (0.3 + r.nextDouble());
        return OnnxExport.tensor(name, v, new long[]{n});
    }

    static TensorProto longs(String name, long... v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) b.putLong(x);
        return TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64_VALUE).addDims(v.length)
                .setRawData(ByteString.copyFrom(b.array())).build();
    }

    static NodeProto node(String op, String name, List<String> in, String out, AttributeProto... attrs) {
        NodeProto.Builder n = NodeProto.newBuilder().setOpType(op).setName(name).addAllInput(in).addOutput(out);
        for (AttributeProto a : attrs) n.addAttribute(a);
        return n.build();
    }

    static AttributeProto ints(String name, long... v) {
        AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long x : v) a.addInts(x);
        return a.build();
    }

    static AttributeProto i(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    static AttributeProto f(String name, float v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(v).build();
    }

    /**
     * PyTorch 1.13's export of {@code conv1 -> bn1 (eps 1e-5) -> relu -> max_pool2d(2) -> conv2 -> relu ->
     * max_pool2d(2) -> x.view(-1, 800) -> fc1 -> relu -> dropout (gone in eval) -> fc2 -> log_softmax} in eval mode
     * at opset 13: numbered value names, initializers named by the state dict, Reshape with a Constant shape, Gemm with
     * transB, and a bias-free last layer as MatMul then Add (what PyTorch writes for a linear layer it cannot fuse).
     */
    static ModelProto torchStyleLeNet(long seed) {
        java.util.Random r = new java.util.Random(seed);
        GraphProto.Builder g = GraphProto.newBuilder().setName("torch_jit");
        g.addInput(value("input.1", 1, 28, 28));
        g.addInitializer(floats("conv1.weight", r, 0.3, 6, 1, 5, 5));
        g.addInitializer(floats("conv1.bias", r, 0.1, 6));
        g.addInitializer(positive("bn1.weight", r, 6));
        g.addInitializer(floats("bn1.bias", r, 0.1, 6));
        g.addInitializer(floats("bn1.running_mean", r, 0.2, 6));
        g.addInitializer(positive("bn1.running_var", r, 6));
        g.addInitializer(floats("conv2.weight", r, 0.1, 16, 6, 5, 5));
        g.addInitializer(floats("conv2.bias", r, 0.1, 16));
        g.addInitializer(floats("fc1.weight", r, 0.05, 120, 256));
        g.addInitializer(floats("fc1.bias", r, 0.1, 120));
        g.addInitializer(floats("onnx::MatMul_31", r, 0.1, 120, 10)); // (in, out): MatMul's layout, not Gemm's
        g.addInitializer(floats("fc2.bias", r, 0.1, 10));
        g.addNode(node("Conv", "/conv1/Conv", List.of("input.1", "conv1.weight", "conv1.bias"), "/conv1/Conv_output_0",
                ints("dilations", 1, 1), i("group", 1), ints("kernel_shape", 5, 5), ints("pads", 0, 0, 0, 0), ints("strides", 1, 1)));
        g.addNode(node("BatchNormalization", "/bn1/BatchNormalization",
                List.of("/conv1/Conv_output_0", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var"), "/bn1/BatchNormalization_output_0",
                f("epsilon", 1e-5f), f("momentum", 0.9f)));
        g.addNode(node("Relu", "/Relu", List.of("/bn1/BatchNormalization_output_0"), "/Relu_output_0"));
        g.addNode(node("MaxPool", "/MaxPool", List.of("/Relu_output_0"), "/MaxPool_output_0",
                i("ceil_mode", 0), ints("kernel_shape", 2, 2), ints("pads", 0, 0, 0, 0), ints("strides", 2, 2)));
        g.addNode(node("Conv", "/conv2/Conv", List.of("/MaxPool_output_0", "conv2.weight", "conv2.bias"), "/conv2/Conv_output_0",
                ints("dilations", 1, 1), i("group", 1), ints("kernel_shape", 5, 5), ints("pads", 0, 0, 0, 0), ints("strides", 1, 1)));
        g.addNode(node("Relu", "/Relu_1", List.of("/conv2/Conv_output_0"), "/Relu_1_output_0"));
        g.addNode(node("MaxPool", "/MaxPool_1", List.of("/Relu_1_output_0"), "/MaxPool_1_output_0",
                i("ceil_mode", 0), ints("kernel_shape", 2, 2), ints("pads", 0, 0, 0, 0), ints("strides", 2, 2)));
        g.addNode(NodeProto.newBuilder().setOpType("Constant").setName("/Constant").addOutput("/Constant_output_0")
                .addAttribute(AttributeProto.newBuilder().setName("value").setType(AttributeProto.AttributeType.TENSOR).setT(longs("", -1, 256))).build());
        g.addNode(node("Reshape", "/Reshape", List.of("/MaxPool_1_output_0", "/Constant_output_0"), "/Reshape_output_0"));
        g.addNode(node("Gemm", "/fc1/Gemm", List.of("/Reshape_output_0", "fc1.weight", "fc1.bias"), "/fc1/Gemm_output_0",
                f("alpha", 1f), f("beta", 1f), i("transB", 1)));
        g.addNode(node("Relu", "/Relu_2", List.of("/fc1/Gemm_output_0"), "/Relu_2_output_0"));
        g.addNode(node("MatMul", "/fc2/MatMul", List.of("/Relu_2_output_0", "onnx::MatMul_31"), "/fc2/MatMul_output_0"));
        g.addNode(node("Add", "/fc2/Add", List.of("fc2.bias", "/fc2/MatMul_output_0"), "/fc2/Add_output_0"));
        g.addNode(node("LogSoftmax", "/LogSoftmax", List.of("/fc2/Add_output_0"), "21", i("axis", 1)));
        g.addOutput(value("21", 10));
        return ModelProto.newBuilder().setIrVersion(8).setProducerName("pytorch").setProducerVersion("1.13.1")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13)).setGraph(g).build();
    }

    @Test
    void aTorchExportedLeNetPredictsAsOnnxruntimeRunsIt() throws Exception {
        ModelProto torch = torchStyleLeNet(5);
        ModelFiles.LoadedModel m = OnnxImport.read(torch.toByteArray(), "lenet_torch.onnx");
        assertEquals("conv 6 5, batchnorm, relu, maxpool 2, conv 16 5, relu, maxpool 2, linear 120, relu, linear 10", m.model().spec().text());
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("epsilon")), m.notes().toString());
        assertTrue(m.notes().stream().anyMatch(n -> n.contains("LogSoftmax")), m.notes().toString());
        int n = 100;
        float[] x = images(n);
        float[] ours = logits(m.model(), x, n);
        // onnxruntime gives log-probabilities: compare after removing each row's log-sum-exp from our logits
        byte[] bytes = torch.toBuilder().setGraph(torch.getGraph().toBuilder().clearInput().addInput(value("input", 1, 28, 28))
                .setNode(0, torch.getGraph().getNode(0).toBuilder().setInput(0, "input"))
                .clearOutput().addOutput(value("logits", 10))
                .setNode(torch.getGraph().getNodeCount() - 1, torch.getGraph().getNode(torch.getGraph().getNodeCount() - 1).toBuilder().setOutput(0, "logits"))).build().toByteArray();
        float[] theirs = runtimeLogits(bytes, x, n);
        float[] logProbs = new float[ours.length];
        for (int r = 0; r < n; r++) {
            double max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int c = 0; c < 10; c++) max = Math.max(max, ours[r * 10 + c]);
            for (int c = 0; c < 10; c++) sum += Math.exp(ours[r * 10 + c] - max);
            for (int c = 0; c < 10; c++) logProbs[r * 10 + c] = (float) (ours[r * 10 + c] - max - Math.log(sum));
        }
        float diff = maxDifference(logProbs, theirs);
        System.out.printf("PyTorch-shaped LeNet: max |log-probability difference| against onnxruntime %.3g%n", diff);
        assertTrue(diff < 1e-4, "difference " + diff);
    }

    @Test
    void anMlpExportedByTorchWithFlattenBecomesDigitStudiosMlp() {
        java.util.Random r = new java.util.Random(2);
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", 1, 28, 28));
        g.addInitializer(floats("l1.weight", r, 0.05, 100, 784)).addInitializer(floats("l1.bias", r, 0.1, 100));
        g.addInitializer(floats("l2.weight", r, 0.1, 10, 100)).addInitializer(floats("l2.bias", r, 0.1, 10));
        g.addNode(node("Flatten", "/Flatten", List.of("x"), "/Flatten_output_0", i("axis", 1)));
        g.addNode(node("Gemm", "/l1/Gemm", List.of("/Flatten_output_0", "l1.weight", "l1.bias"), "a", f("alpha", 1f), f("beta", 1f), i("transB", 1)));
        g.addNode(node("Relu", "/Relu", List.of("a"), "b"));
        g.addNode(node("Identity", "/Identity", List.of("b"), "c"));
        g.addNode(node("Gemm", "/l2/Gemm", List.of("c", "l2.weight", "l2.bias"), "y", f("alpha", 1f), f("beta", 1f), i("transB", 1)));
        g.addOutput(value("y", 10));
        ModelProto m = ModelProto.newBuilder().setIrVersion(7).addOpsetImport(OperatorSetIdProto.newBuilder().setVersion(13)).setGraph(g).build();
        Network net = OnnxImport.read(m.toByteArray(), "mlp.onnx").model();
        assertEquals("MLP 784-100-10", net.description());
        assertArrayEquals(new int[]{784}, net.inputShape());
    }

    private static ModelProto withNode(ModelProto m, int index, NodeProto n) {
        return m.toBuilder().setGraph(m.getGraph().toBuilder().setNode(index, n)).build();
    }

    @Test
    void anUnsupportedOperatorIsNamedWithItsNode() {
        ModelProto torch = torchStyleLeNet(1);
        ModelProto gelu = withNode(torch, 2, node("Gelu", "/act/Gelu", List.of("/bn1/BatchNormalization_output_0"), "/Relu_output_0"));
        FormatException e = assertThrows(FormatException.class, () -> OnnxImport.read(gelu.toByteArray(), "m.onnx"));
        assertTrue(e.getMessage().startsWith("m.onnx: node '/act/Gelu' (Gelu) is not supported"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));

        ModelProto dilated = withNode(torch, 0, torch.getGraph().getNode(0).toBuilder().setAttribute(0, ints("dilations", 2, 2)).build());
        e = assertThrows(FormatException.class, () -> OnnxImport.read(dilated.toByteArray(), "m.onnx"));
        assertEquals("m.onnx: node '/conv1/Conv' (Conv) with dilation 2 is not supported", e.getMessage());

        ModelProto custom = withNode(torch, 2, node("Relu", "/r", List.of("/bn1/BatchNormalization_output_0"), "/Relu_output_0").toBuilder().setDomain("com.microsoft").build());
        e = assertThrows(FormatException.class, () -> OnnxImport.read(custom.toByteArray(), "m.onnx"));
        assertTrue(e.getMessage().contains("node '/r' (com.microsoft.Relu)"), e.getMessage());

        // a max pooling that rounds down where DigitStudio's covers the whole input (27 -> 13 against 14)
        ModelProto odd = withNode(torch, 3, torch.getGraph().getNode(3).toBuilder().setAttribute(1, ints("kernel_shape", 3, 3)).build());
        e = assertThrows(FormatException.class, () -> OnnxImport.read(odd.toByteArray(), "m.onnx"));
        assertTrue(e.getMessage().contains("node '/MaxPool' (MaxPool) rounds its output size down"), e.getMessage());
    }

    @Test
    void notOnnxOrDamagedGetsOneLine() throws Exception {
        FormatException e = assertThrows(FormatException.class, () -> OnnxImport.read("hello, world".getBytes(), "x.onnx"));
        assertTrue(e.getMessage().startsWith("x.onnx: not an ONNX model or a damaged one"), e.getMessage());
        byte[] good = torchStyleLeNet(3).toByteArray();
        e = assertThrows(FormatException.class, () -> OnnxImport.read(java.util.Arrays.copyOf(good, good.length / 2), "x.onnx"));
        assertTrue(e.getMessage().startsWith("x.onnx: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        Path empty = Files.write(dir.resolve("empty.onnx"), new byte[0]);
        e = assertThrows(FormatException.class, () -> ModelFiles.load(empty));
        assertTrue(e.getMessage().startsWith("empty.onnx: "), e.getMessage());
    }

    @Test
    void aHugeDeclaredTensorIsRefusedBeforeAnyAllocation() {
        ModelProto torch = torchStyleLeNet(1);
        TensorProto huge = torch.getGraph().getInitializer(0).toBuilder().clearDims().addDims(1L << 40).addDims(1L << 40).build();
        ModelProto bad = torch.toBuilder().setGraph(torch.getGraph().toBuilder().setInitializer(0, huge)).build();
        FormatException e = assertThrows(FormatException.class, () -> OnnxImport.read(bad.toByteArray(), "m.onnx"));
        assertTrue(e.getMessage().contains("conv1.weight"), e.getMessage());
    }

    @Test
    void damagedOnnxFilesLoadCorrectlyOrSayWhatIsWrong() {
        byte[] good = OnnxExport.toModel(network("conv 4 3, batchnorm, relu, maxpool 2, dropout 0.2, linear", new int[]{1, 28, 28}, 1), ModelInfo.NONE).toByteArray();
        Rng rng = new Rng(35);
        int loaded = 0, refused = 0;
        for (int i = 0; i < 400; i++) {
            byte[] bad = FuzzTest.mutate(good, rng);
            try {
                OnnxImport.read(bad, "fuzz.onnx");
                loaded++;
            } catch (FormatException e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.getMessage().startsWith("fuzz.onnx: "), e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > 100, "most damage is caught: " + refused + " of 400");
        assertEquals(400, loaded + refused);
    }

    @Test
    void eachPyTorchShapeOfFlattenIsRead() {
        List<long[]> shapes = new ArrayList<>(List.of(new long[]{-1, 256}, new long[]{0, -1}, new long[]{0, 256}));
        for (long[] s : shapes) {
            ModelProto torch = torchStyleLeNet(1);
            NodeProto c = torch.getGraph().getNode(7);
            ModelProto m = withNode(torch, 7, c.toBuilder().setAttribute(0, c.getAttribute(0).toBuilder().setT(longs("", s))).build());
            assertEquals(10, OnnxImport.read(m.toByteArray(), "m.onnx").model().classes());
        }
        ModelProto torch = torchStyleLeNet(1);
        NodeProto c = torch.getGraph().getNode(7);
        ModelProto m = withNode(torch, 7, c.toBuilder().setAttribute(0, c.getAttribute(0).toBuilder().setT(longs("", -1, 16, 16))).build());
        FormatException e = assertThrows(FormatException.class, () -> OnnxImport.read(m.toByteArray(), "m.onnx"));
        assertTrue(e.getMessage().contains("node '/Reshape' (Reshape) to (-1, 16, 16) is not supported"), e.getMessage());
    }
}
