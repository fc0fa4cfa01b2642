package io.digitstudio.io;

import io.digitstudio.data.Rng;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Variable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ModelFilesTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    private static float[] forward(Network m, float[] x, int rows) {
        return Host.toArray(m.forward(Variable.of(x, rows, m.inputSize())).data());
    }

    @Test
    void savesChainerLayoutAndLoadsBackIdentically() throws IOException {
        Network m = Network.mlp(new Rng(5), 784, 16, 16, 10);
        Path p = dir.resolve("model.npz");
        ModelFiles.saveNpz(p, m, new ModelInfo(0.97, null, null));
        Map<String, NpyArray> arrays = Npz.read(p);
        assertEquals(List.of("l1/W", "l1/b", "l2/W", "l2/b", "l3/W", "l3/b", "digitstudio/spec", "digitstudio/input_shape", "digitstudio/test_accuracy"), List.copyOf(arrays.keySet()));
        assertArrayEquals(new long[]{16, 784}, arrays.get("l1/W").shape());
        assertEquals(DType.FLOAT32, arrays.get("l1/W").dtype());

        ModelFiles.LoadedModel loaded = ModelFiles.loadNpz(p);
        assertEquals("784-16-16-10", loaded.model().architecture());
        assertEquals(0.97, loaded.meta().get("test_accuracy"));
        float[] x = new float[3 * 784];
        Rng r = new Rng(1);
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble();
        assertArrayEquals(forward(m, x, 3), forward(loaded.model(), x, 3), 0f);
        // no temp files are left behind
        try (var files = Files.list(dir)) {
            assertEquals(List.of(p), files.toList());
        }
    }

    @Test
    void aLeNetFileHasChainersLayoutAndItsSpecAndLoadsBackIdentically() throws IOException {
        Network m = new Network(io.digitstudio.nn.NetworkSpec.of("lenet"), new int[]{1, 28, 28}, 10, new Rng(3));
        Path p = dir.resolve("lenet.npz");
        ModelFiles.saveNpz(p, m);
        Map<String, NpyArray> arrays = Npz.read(p);
        assertEquals(List.of("conv1/W", "conv1/b", "conv2/W", "conv2/b", "fc3/W", "fc3/b", "fc4/W", "fc4/b", "digitstudio/spec", "digitstudio/input_shape"),
                List.copyOf(arrays.keySet()));
        assertArrayEquals(new long[]{20, 1, 5, 5}, arrays.get("conv1/W").shape());
        assertArrayEquals(new long[]{500, 800}, arrays.get("fc3/W").shape());
        assertEquals("conv 20 5, relu, maxpool 2, conv 50 5, relu, maxpool 2, linear 500, relu, linear 10", arrays.get("digitstudio/spec").toText());
        assertArrayEquals(new long[]{1, 28, 28}, arrays.get("digitstudio/input_shape").toLongs());
        ModelFiles.LoadedModel loaded = ModelFiles.loadNpz(p);
        assertEquals("lenet", loaded.model().architecture());
        float[] x = new float[2 * 784];
        Rng r = new Rng(2);
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextDouble();
        float[] a = Host.toArray(m.forward(Variable.of(x, m.batchShape(2))).data());
        float[] b = Host.toArray(loaded.model().forward(Variable.of(x, loaded.model().batchShape(2))).data());
        assertArrayEquals(a, b, 0f);

        // weights that do not fit the spec are named with both shapes; a damaged spec says so
        Map<String, NpyArray> wrong = new LinkedHashMap<>(arrays);
        wrong.put("conv2/W", NpyArray.ofFloats(new float[50 * 20 * 9], 50, 20, 3, 3));
        assertEquals("lenet.npz: conv2/W has shape (50, 20, 3, 3) but its network needs (50, 20, 5, 5)",
                assertThrows(FormatException.class, () -> ModelFiles.fromArrays(wrong, "lenet.npz")).getMessage());
        Map<String, NpyArray> badSpec = new LinkedHashMap<>(arrays);
        badSpec.put("digitstudio/spec", NpyArray.ofText("conv 20 5, relu, maxpool 2, linaer 10"));
        assertTrue(assertThrows(FormatException.class, () -> ModelFiles.fromArrays(badSpec, "lenet.npz")).getMessage()
                .startsWith("lenet.npz: its network spec is not valid: layer 4 \"linaer 10\""));
        Map<String, NpyArray> extra = new LinkedHashMap<>(arrays);
        extra.put("fc5/W", NpyArray.ofFloats(new float[4], 2, 2));
        assertTrue(assertThrows(FormatException.class, () -> ModelFiles.fromArrays(extra, "lenet.npz")).getMessage().contains("unexpected key 'fc5/W'"));
    }

    @Test
    void loadsANumpyWrittenModelAndComputesWhatNumpyComputed() throws IOException {
        ModelFiles.LoadedModel loaded = ModelFiles.loadNpz(Fixtures.copy("mlp_numpy.npz", dir));
        assertEquals("4-5-3", loaded.model().architecture());
        Map<String, NpyArray> io = Npz.read(Fixtures.copy("mlp_numpy_io.npz", dir));
        float[] y = forward(loaded.model(), io.get("x").toFloats(), 2);
        assertArrayEquals(io.get("y").toFloats(), y, 1e-5f);

        ModelFiles.LoadedModel f64 = ModelFiles.loadNpz(Fixtures.copy("mlp_numpy_f64.npz", dir));
        assertTrue(f64.notes().get(0).contains("float64, converted to float32"));
        assertArrayEquals(io.get("y").toFloats(), forward(f64.model(), io.get("x").toFloats(), 2), 1e-5f);
    }

    @Test
    void readsTheModelOfAChainerTrainerSnapshot() throws IOException {
        // snapshot_iter_7: real Chainer 7.8.1's extensions.snapshot() of the tutorial's L.Classifier(MLP) at 784-16-16-10
        Path file = Fixtures.chainer("snapshot_iter_7", dir);
        ModelFiles.LoadedModel loaded = ModelFiles.loadNpz(file);
        assertEquals("784-16-16-10", loaded.model().architecture());
        assertEquals("snapshot_iter_7", loaded.source());
        assertEquals(List.of("snapshot_iter_7 is a training snapshot: using the model it holds (under updater/model:main/predictor/)"), loaded.notes());
        Map<String, NpyArray> a = Npz.read(file);
        for (String key : List.of("l1/W", "l1/b", "l2/W", "l2/b", "l3/W", "l3/b")) {
            assertArrayEquals(a.get("updater/model:main/predictor/" + key).toFloats(), Host.toArray(loaded.model().namedParams().get(key).data()), key);
        }
        // Chainer's outputs for the first five test images, in the snapshot's state
        Map<String, NpyArray> next = Npz.read(Fixtures.chainer("next_step.npz", dir));
        float[] x = new float[5 * 784];
        io.digitstudio.data.LabeledImages test = io.digitstudio.data.Mnist.bundled().test();
        for (int i = 0; i < 5; i++) test.copyFeatures(i, x, i * 784);
        assertArrayEquals(next.get("logits").toFloats(), forward(loaded.model(), x, 5), 1e-5f);
    }

    @Test
    void readsTheModelOfDigitStudiosOwnSnapshot() throws IOException {
        // DigitStudio's snapshots keep the model, with its spec, under the same key as Chainer's trainer, unwrapped
        Network m = new Network(io.digitstudio.nn.NetworkSpec.parse("conv 4 5, relu, maxpool 2, linear 10"), new int[]{1, 28, 28}, 10, new Rng(4));
        Map<String, NpyArray> snapshot = new LinkedHashMap<>();
        snapshot.put("digitstudio/snapshot_version", NpyArray.scalar(1L));
        ModelFiles.toArrays(m, ModelInfo.NONE).forEach((k, v) -> snapshot.put("updater/model:main/" + k, v));
        snapshot.put("updater/optimizer:main/conv1/W/v", NpyArray.ofFloats(new float[100], 4, 1, 5, 5));
        snapshot.put("updater/iteration", NpyArray.scalar(3L));
        snapshot.put("digitstudio/config/network", NpyArray.ofText("conv 4 5, relu, maxpool 2, linear 10"));
        ModelFiles.LoadedModel loaded = ModelFiles.fromArrays(snapshot, "snapshot_epoch_0001.npz");
        assertEquals(m.spec().text(), loaded.model().spec().text());
        float[] x = new float[784];
        for (int i = 0; i < x.length; i++) x[i] = (i % 29) / 29f;
        assertArrayEquals(Host.toArray(m.forward(Variable.of(x, 1, 1, 28, 28)).data()),
                Host.toArray(loaded.model().forward(Variable.of(x, 1, 1, 28, 28)).data()), 0f);

        // and a snapshot DigitStudio wrote before (src/test/resources/fixtures/snapshot-v1)
        try (java.io.InputStream in = ModelFilesTest.class.getResourceAsStream("/fixtures/snapshot-v1/snapshot_epoch_0001.npz")) {
            Map<String, NpyArray> v1 = Npz.read(in, "snapshot_epoch_0001.npz");
            ModelFiles.LoadedModel old = ModelFiles.fromArrays(v1, "snapshot_epoch_0001.npz");
            assertEquals("784-20-20-10", old.model().architecture());
            assertArrayEquals(v1.get("updater/model:main/l2/W").toFloats(), Host.toArray(old.model().namedParams().get("l2/W").data()));
        }

        Map<String, NpyArray> noModel = new LinkedHashMap<>();
        noModel.put("updater/iteration", NpyArray.scalar(3L));
        assertEquals("x.npz: a trainer snapshot without a model under 'updater/model:main/'", error(noModel).replace("m.npz", "x.npz"));
        Map<String, NpyArray> broken = new LinkedHashMap<>(snapshot);
        broken.remove("updater/model:main/conv1/b");
        assertEquals("s.npz (updater/model:main/): missing key 'conv1/b'",
                assertThrows(FormatException.class, () -> ModelFiles.fromArrays(broken, "s.npz")).getMessage());
    }

    private String error(Map<String, NpyArray> arrays) {
        return assertThrows(FormatException.class, () -> ModelFiles.fromArrays(arrays, "m.npz")).getMessage();
    }

    @Test
    void mismatchesNameTheKeyAndBothShapes() {
        Network m = Network.mlp(new Rng(0), 4, 3, 2);
        Map<String, NpyArray> good = ModelFiles.toArrays(m, ModelInfo.NONE);

        Map<String, NpyArray> missing = new LinkedHashMap<>(good);
        missing.remove("l2/b");
        assertEquals("m.npz: missing key 'l2/b'", error(missing));

        Map<String, NpyArray> extra = new LinkedHashMap<>(good);
        extra.put("optimizer/t", NpyArray.scalar(1L));
        assertTrue(error(extra).contains("unexpected key 'optimizer/t'"));

        Map<String, NpyArray> chain = new LinkedHashMap<>(good);
        chain.put("l2/W", NpyArray.ofFloats(new float[10], 2, 5));
        assertEquals("m.npz: l2/W has shape (2, 5) but its network needs (2, 3)", error(chain));
        // without its spec entry a file is read as the MLP its keys describe, as Chainer's and NumPy's files are
        chain.remove("digitstudio/spec");
        chain.remove("digitstudio/input_shape");
        assertEquals("m.npz: l2/W has shape (2, 5), expected (2, 3) to follow l1's 3 outputs", error(chain));

        Map<String, NpyArray> bias = new LinkedHashMap<>(good);
        bias.put("l1/b", NpyArray.ofFloats(new float[4], 4));
        assertEquals("m.npz: l1/b has shape (4,) but its network needs (3,)", error(bias));

        Map<String, NpyArray> ints = new LinkedHashMap<>(good);
        ints.put("l1/b", NpyArray.ofInts(new int[3], 3));
        assertTrue(error(ints).contains("l1/b has dtype <i4, expected float32"));

        assertTrue(error(Map.of()).contains("no model weights"));

        Network target = Network.mlp(new Rng(0), 4, 5, 2);
        String into = assertThrows(FormatException.class, () -> ModelFiles.loadInto(good, target, "m.npz")).getMessage();
        assertEquals("m.npz: l1/W has shape (3, 4) but its network needs (5, 4)", into);
    }
}
