package io.digitstudio.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class Nd4jSetupTest {
    @TempDir
    Path dir;

    @Test
    void theNativeLibrariesComeFromTheFolderTheBuildFilledBesideTheJar() throws IOException {
        Path jar = Files.createFile(dir.resolve("digitstudio.jar"));
        assertEquals(dir.resolve("home/.cache/digitstudio/javacpp"), Nd4jSetup.nativeCache(null, jar, null, dir.resolve("home").toString()));
        assertEquals(Path.of("/x/digitstudio/javacpp"), Nd4jSetup.nativeCache(null, jar, "/x", "/home/u"));
        Files.createDirectory(dir.resolve("native"));
        assertEquals(dir.resolve("native"), Nd4jSetup.nativeCache(null, jar, "/x", "/home/u"));
        assertEquals(Path.of("/set/by/launcher"), Nd4jSetup.nativeCache("/set/by/launcher", jar, "/x", "/home/u"), "the launcher's setting wins");
        assertEquals(Path.of("/home/u/.cache/digitstudio/javacpp"), Nd4jSetup.nativeCache(null, null, null, "/home/u"));
    }

    @Test
    void theBlasKernelsAreNamedAsTheEnvironmentChoosesThem() {
        assertEquals("forced by OPENBLAS_CORETYPE=Haswell", Nd4jSetup.blasKernels("Haswell"));
        assertEquals("OpenBLAS's own choice for this CPU (OPENBLAS_CORETYPE not set)", Nd4jSetup.blasKernels(null));
        assertEquals("OpenBLAS's own choice for this CPU (OPENBLAS_CORETYPE not set)", Nd4jSetup.blasKernels(" "));
    }
}
