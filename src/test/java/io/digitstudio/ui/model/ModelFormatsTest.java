package io.digitstudio.ui.model;

import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.OnnxExport;
import io.digitstudio.io.Safetensors;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The app's Open model takes ONNX and safetensors files as it takes NPZ, and a damaged one gets a message. */
class ModelFormatsTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    @Test
    void openModelReadsOnnxAndSafetensors() throws Exception {
        ModelFiles.LoadedModel lenet = ModelFiles.loadBuiltInCnn();
        Path onnx = dir.resolve("lenet.onnx");
        Path st = dir.resolve("lenet.safetensors");
        OnnxExport.save(onnx, lenet.model(), lenet.info());
        Safetensors.save(st, lenet.model(), lenet.info());
        TestDialogs dialogs = new TestDialogs();
        ModelManager models = new ModelManager(new SameThreadTasks(), dialogs, RecentModels.inMemory());
        for (Path p : new Path[]{onnx, st}) {
            ActiveModel m = models.open(p).get();
            assertEquals(lenet.model().spec(), m.model().spec(), p.toString());
            assertSame(m, models.activeProperty().get());
        }
        Path broken = Files.write(dir.resolve("broken.onnx"), new byte[]{1, 2, 3, 4, 5});
        assertThrows(Exception.class, () -> models.open(broken).get());
        assertTrue(dialogs.errors.get(dialogs.errors.size() - 1).startsWith("Could not open model: broken.onnx: not an ONNX model"), dialogs.errors.toString());
    }

    /** Draw → Model → Open model… on a zip that is not a model (an export of My digits): said in the user's words. */
    @Test
    void openModelOnAZipThatIsNoModelSaysSo() throws Exception {
        Path md = dir.resolve("md.zip");
        try (java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(Files.newOutputStream(md))) {
            z.putNextEntry(new java.util.zip.ZipEntry("mydigits/collection.json"));
            z.write("{\"format\": 1, \"digits\": []}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        TestDialogs dialogs = new TestDialogs();
        ModelManager models = new ModelManager(new SameThreadTasks(), dialogs, RecentModels.inMemory());
        ActiveModel before = models.activeProperty().get();
        assertThrows(Exception.class, () -> models.open(md).get());
        assertEquals("Could not open model: md.zip is not a model file (.npz, .onnx or .safetensors): it is a zip of other files, without NumPy arrays",
                dialogs.errors.get(dialogs.errors.size() - 1));
        assertSame(before, models.activeProperty().get(), "the model in use stays");
    }
}
