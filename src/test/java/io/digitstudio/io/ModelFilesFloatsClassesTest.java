package io.digitstudio.io;

import io.digitstudio.data.Rng;
import io.digitstudio.nn.Network;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exporting and importing a model as ONNX and safetensors loads no FloatBuffer class besides the direct one
 * NativeFloats uses: the window can export while a run trains, and a second FloatBuffer class would throw away the
 * training code's compiled copies (decision 0008).
 */
class ModelFilesFloatsClassesTest {
    /** Writes a small network both ways and reads it back; run in the child JVM. */
    public static void main(String[] args) {
        Network net = Network.mlp(new Rng(3), 784, 10);
        float[] w = io.digitstudio.nn.Host.toArray(net.namedParams().get("l1/W").data());
        ModelInfo info = new ModelInfo(0.5, "MNIST", List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        Network onnx = OnnxImport.read(OnnxExport.toModel(net, info).toByteArray(), "m.onnx").model();
        Network safetensors = Safetensors.read(Safetensors.toBytes(net, info), "m.safetensors").model();
        assertArrayEquals(w, io.digitstudio.nn.Host.toArray(onnx.namedParams().get("l1/W").data()));
        assertArrayEquals(w, io.digitstudio.nn.Host.toArray(safetensors.namedParams().get("l1/W").data()));
        Safetensors.Parsed p = Safetensors.parse(Safetensors.write(Map.of("x", NpyArray.ofFloats(new float[]{1.5f, -2f}, 2)), Map.of()), "x");
        assertArrayEquals(new float[]{1.5f, -2f}, p.tensors().get("x").array().toFloats());
        System.out.println("done");
    }

    @Test
    void onnxAndSafetensorsLoadNoFloatBufferView() throws Exception {
        assertEquals(List.of(), FloatViewClasses.others(FloatViewClasses.loadedBy(ModelFilesFloatsClassesTest.class)));
    }
}
