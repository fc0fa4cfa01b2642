package io.digitstudio.io;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.Rng;
import io.digitstudio.nn.Config;
import io.digitstudio.nn.Graph;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.nn.Parameter;
import io.digitstudio.nn.Persistent;
import io.digitstudio.nn.Variable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Exported models run in the real onnxruntime and give DigitStudio's own logits (within 1e-4) on 100 MNIST test
 * images, for every kind of layer a spec can hold: padding, stride, both poolings, batch normalization with
 * running averages that are not the defaults, dropout (the identity at inference) and every activation.
 */
class OnnxRuntimeTest {
    static final int N = 100;
    static LabeledImages test;
    static OrtEnvironment env;

    @TempDir
    Path dir;

    @BeforeAll
    static void init() {
        Nd4jSetup.init();
        test = Mnist.bundled().test();
        env = OrtEnvironment.getEnvironment();
    }

    /** A network of the spec with random weights and, for batch normalization, random running averages. */
    static Network network(String spec, int[] inputShape, long seed) {
        Rng rng = new Rng(seed);
        Network net = new Network(NetworkSpec.of(spec), inputShape, 10, rng);
        java.util.Random r = new java.util.Random(seed);
        for (Map.Entry<String, Parameter> e : net.namedParams().entrySet()) {
            if (e.getKey().contains("/gamma") || e.getKey().contains("/beta") || e.getKey().endsWith("/b")) {
                float[] v = new float[e.getValue().size()];
                for (int i = 0; i < v.length; i++) v[i] = (float) (e.getKey().contains("gamma") ? 0.5 + r.nextDouble() : r.nextGaussian() * 0.1);
                e.getValue().copyFrom(v);
            }
        }
        for (Map.Entry<String, Persistent> e : net.namedPersistents().entrySet()) {
            Persistent p = e.getValue();
            if (p.isScalar()) continue;
            float[] v = new float[p.values().length];
            for (int i = 0; i < v.length; i++) v[i] = (float) (e.getKey().endsWith("avg_var") ? 0.2 + r.nextDouble() : r.nextGaussian() * 0.3);
            p.copyFrom(v);
        }
        return net;
    }

    static float[] images(int n) {
        float[] x = new float[n * 784];
        for (int i = 0; i < n; i++) test.copyFeatures(i, x, i * 784);
        return x;
    }

    static float[] logits(Network net, float[] x, int n) {
        try (Graph.Mode g = Graph.noBackprop(); Graph.Mode t = Config.testMode()) {
            return Host.toArray(net.forward(Variable.of(x, net.batchShape(n))).data());
        }
    }

    /** The model's logits from onnxruntime for images fed as (n, 1, 28, 28). */
    static float[] runtimeLogits(byte[] model, float[] x, int n) throws Exception {
        try (OrtSession s = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(x), new long[]{n, 1, 28, 28});
             OrtSession.Result r = s.run(Map.of(OnnxExport.INPUT, in))) {
            float[][] out = (float[][]) r.get(OnnxExport.OUTPUT).orElseThrow().getValue();
            float[] flat = new float[n * out[0].length];
            for (int i = 0; i < n; i++) System.arraycopy(out[i], 0, flat, i * out[i].length, out[i].length);
            return flat;
        }
    }

    static float maxDifference(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        float max = 0;
        for (int i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i] - b[i]));
        return max;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "tutorial",
            "lenet",
            "conv 8 3 pad 1, batchnorm, relu, maxpool 2, conv 16 3 stride 2 pad 1, batchnorm, tanh, avgpool 3 stride 2 pad 1, dropout 0.3, linear 32, sigmoid, linear",
            "linear 64, batchnorm, relu, dropout 0.5, linear 32, tanh, linear",
            "conv 6 5 stride 2, relu, avgpool 2, flatten, linear 20, relu, linear",
            "conv 4 3, maxpool 3 stride 2 pad 1, conv 4 3 pad 2, maxpool 2, linear",
            "conv 6 3, leaky_relu, maxpool 2, linear 16, leaky_relu 0.1, linear"})
    void onnxruntimeGivesTheSameLogits(String spec) throws Exception {
        boolean flat = !NetworkSpec.of(spec).convolutional();
        Network net = network(spec, flat ? new int[]{784} : new int[]{1, 28, 28}, 7);
        byte[] model = OnnxExport.toModel(net, new ModelInfo(0.97, "MNIST", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"))).toByteArray();
        float[] x = images(N);
        float[] ours = logits(net, x, N);
        float[] theirs = runtimeLogits(model, x, N);
        float diff = maxDifference(ours, theirs);
        System.out.printf("ONNX %s: max |logit difference| %.3g over %d images, %d bytes%n", spec, diff, N, model.length);
        assertTrue(diff < 1e-4, "max logit difference " + diff);
    }

    @Test
    void theFileHasANamedDynamicInputLogitsAndTheClassNames() throws Exception {
        Network net = network("lenet", new int[]{1, 28, 28}, 3);
        Path file = dir.resolve("lenet.onnx");
        OnnxExport.save(file, net, new ModelInfo(0.99, "MNIST", List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")));
        try (OrtSession s = env.createSession(file.toString(), new OrtSession.SessionOptions())) {
            TensorInfo in = (TensorInfo) s.getInputInfo().get("input").getInfo();
            assertArrayEquals(new long[]{-1, 1, 28, 28}, in.getShape(), "batch dynamic, then (1, 28, 28)");
            NodeInfo out = s.getOutputInfo().get("logits");
            assertArrayEquals(new long[]{-1, 10}, ((TensorInfo) out.getInfo()).getShape());
            Map<String, String> meta = s.getMetadata().getCustomMetadata();
            assertEquals(List.of("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"), Json.parse(meta.get("class_names")));
            assertEquals(net.spec().text(), meta.get("digitstudio.spec"));
            assertEquals("DigitStudio", s.getMetadata().getProducerName());
        }
        var model = io.digitstudio.io.onnx.OnnxProto.ModelProto.parseFrom(Files.readAllBytes(file));
        assertEquals(OnnxExport.OPSET, model.getOpsetImport(0).getVersion());
    }

    @Test
    void aBatchOfOneAndABatchOfThreeRunOnTheSameFile() throws Exception {
        Network net = network("tutorial", new int[]{784}, 5);
        byte[] model = OnnxExport.toModel(net, ModelInfo.NONE).toByteArray();
        for (int n : new int[]{1, 3}) {
            float[] x = images(n);
            assertTrue(maxDifference(logits(net, x, n), runtimeLogits(model, x, n)) < 1e-4);
        }
    }
}
