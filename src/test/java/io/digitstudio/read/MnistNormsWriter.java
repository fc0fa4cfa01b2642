package io.digitstudio.read;

import io.digitstudio.data.Mnist;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bundled MNIST norms from the bundled training set:
 * {@code java -cp target/classes:target/test-classes:DEPS io.digitstudio.read.MnistNormsWriter [FILE]} (default: the
 * resource under src/main/resources). {@code MnistNormsTest} checks that the file says what the data says.
 */
public final class MnistNormsWriter {
    static final Path RESOURCE = Path.of("src/main/resources/io/digitstudio/read", MnistNorms.RESOURCE);

    private MnistNormsWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path out = args.length > 0 ? Path.of(args[0]) : RESOURCE;
        MnistNorms norms = MnistNorms.measure(Mnist.bundled().train(), "MNIST training set (bundled), all images");
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        Files.writeString(tmp, norms.toJson());
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.printf(java.util.Locale.ROOT, "wrote %s (%d images)%n", out, norms.count());
    }
}
