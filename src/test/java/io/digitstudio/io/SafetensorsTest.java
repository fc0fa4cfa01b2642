package io.digitstudio.io;

import io.digitstudio.data.Rng;
import io.digitstudio.nn.Network;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.digitstudio.io.OnnxRuntimeTest.images;
import static io.digitstudio.io.OnnxRuntimeTest.logits;
import static io.digitstudio.io.OnnxRuntimeTest.network;
import static org.junit.jupiter.api.Assertions.*;

/** Safetensors out and in: PyTorch's names and layouts, the spec in the metadata, and hostile headers refused. */
class SafetensorsTest {
    @BeforeAll
    static void init() {
        OnnxRuntimeTest.init();
    }

    @Test
    void aNetworkGoesOutWithPyTorchsNamesAndComesBackTheSame() {
        Network net = network("conv 8 3 pad 1, batchnorm, relu, maxpool 2, dropout 0.25, linear 32, relu, linear", new int[]{1, 28, 28}, 9);
        byte[] bytes = Safetensors.toBytes(net, new ModelInfo(0.9, "MNIST", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));
        Safetensors.Parsed p = Safetensors.parse(bytes, "m.safetensors");
        assertEquals(List.of("conv1.weight", "conv1.bias", "bn1.weight", "bn1.bias", "fc2.weight", "fc2.bias", "fc3.weight", "fc3.bias",
                "bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked"), List.copyOf(p.tensors().keySet()));
        assertArrayEquals(new long[]{8, 1, 3, 3}, p.tensors().get("conv1.weight").shape());
        assertArrayEquals(new long[]{32, 8 * 14 * 14}, p.tensors().get("fc2.weight").shape(), "(out, in) as torch.nn.Linear");
        assertEquals("I64", p.tensors().get("bn1.num_batches_tracked").dtype());
        assertArrayEquals(new long[0], p.tensors().get("bn1.num_batches_tracked").shape());
        assertEquals(net.spec().text(), p.metadata().get("digitstudio.spec"));
        assertEquals("2.0E-5", p.metadata().get("digitstudio.batchnorm_eps"));
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "the data starts 8-aligned");

        ModelFiles.LoadedModel back = Safetensors.read(bytes, "m.safetensors");
        assertEquals(net.spec(), back.model().spec());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), back.info().classNames());
        float[] x = images(10);
        assertArrayEquals(logits(net, x, 10), logits(back.model(), x, 10));
    }

    @Test
    void aPyTorchStateDictWithoutEpsilonUsesPyTorchsAndAnMlpNeedsNoSpec() {
        Network net = network("linear 16, batchnorm, relu, linear", new int[]{784}, 4);
        Map<String, NpyArray> sd = new LinkedHashMap<>();
        ModelFiles.toArrays(net, ModelInfo.NONE).forEach((k, v) -> {
            if (!k.startsWith(ModelFiles.META_PREFIX)) sd.put(Safetensors.torchName(k), v);
        });
        // PyTorch's module normalises with 1e-5: the same outputs need running_var + 1e-5 - 2e-5 here
        byte[] bytes = Safetensors.write(sd, Map.of("digitstudio.spec", net.spec().text(), "digitstudio.input_shape", "[784]"));
        ModelFiles.LoadedModel m = Safetensors.read(bytes, "torch.safetensors");
        float[] var = net.namedPersistents().get("bn1/avg_var").values();
        float[] read = m.model().namedPersistents().get("bn1/avg_var").values();
        assertEquals(var[0] + 1e-5f - 2e-5f, read[0], 1e-7);

        Network mlp = network("tutorial", new int[]{784}, 4);
        Map<String, NpyArray> plain = new LinkedHashMap<>();
        ModelFiles.toArrays(mlp, ModelInfo.NONE).forEach((k, v) -> {
            if (!k.startsWith(ModelFiles.META_PREFIX)) plain.put(Safetensors.torchName(k), v);
        });
        assertEquals("MLP 784-100-100-10", Safetensors.read(Safetensors.write(plain, Map.of()), "mlp.safetensors").model().description());
    }

    static byte[] file(String header, int dataBytes) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).array();
    }

    @Test
    void hostileHeadersGetOneLine() {
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("truncated", new byte[]{1, 2, 3});
        cases.put("header longer than the file", ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());
        cases.put("negative header length", ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-8).array());
        cases.put("huge header length", ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
        cases.put("not JSON", file("{\"a\": ", 0));
        cases.put("not an object", file("[1, 2]", 0));
        cases.put("offsets past the end", file("{\"l1.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}", 8));
        cases.put("size and shape disagree", file("{\"l1.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,16]}}", 16));
        cases.put("overflowing shape", file("{\"l1.weight\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,0]}}", 0));
        cases.put("negative offset", file("{\"l1.weight\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[-4,0]}}", 0));
        cases.put("overlapping", file("{\"a.weight\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},\"a.bias\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]}}", 8));
        cases.put("gap", file("{\"a.weight\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}", 8));
        cases.put("unknown dtype", file("{\"a.weight\":{\"dtype\":\"Q4\",\"shape\":[1],\"data_offsets\":[0,1]}}", 1));
        cases.put("deep nesting", file("{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", 0));
        cases.put("metadata not text", file("{\"__metadata__\":{\"a\":1}}", 0));
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            FormatException e = assertThrows(FormatException.class, () -> Safetensors.read(c.getValue(), "bad.safetensors"), c.getKey());
            assertTrue(e.getMessage().startsWith("bad.safetensors: "), c.getKey() + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), c.getKey() + ": " + e.getMessage());
        }
    }

    @Test
    void damagedSafetensorsFilesLoadCorrectlyOrSayWhatIsWrong() {
        byte[] good = Safetensors.toBytes(network("conv 4 3, batchnorm, relu, maxpool 2, linear", new int[]{1, 28, 28}, 1), ModelInfo.NONE);
        Rng rng = new Rng(350);
        int refused = 0;
        for (int i = 0; i < 400; i++) {
            try {
                Safetensors.read(FuzzTest.mutate(good, rng), "fuzz.safetensors");
            } catch (FormatException e) {
                assertFalse(e.getMessage().contains("\n"), e.getMessage());
                assertTrue(e.getMessage().startsWith("fuzz.safetensors: "), e.getMessage());
                refused++;
            }
        }
        assertTrue(refused > 100, "most damage is caught: " + refused);
    }
}
