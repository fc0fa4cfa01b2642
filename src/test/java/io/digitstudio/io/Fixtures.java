package io.digitstudio.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a NumPy-written fixture (src/test/resources/fixtures, made by make_fixtures.py) or a Chainer-written one to a real file. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path copy(String name, Path dir) throws IOException {
        return copyResource("/fixtures/", name, dir);
    }

    /**
     * Copies a file that real Chainer 7.8.1 wrote (src/test/resources/chainer, made by
     * src/test/scripts/chainer_trainer_snapshot.py): {@code snapshot_iter_7}, a trainer snapshot, and {@code next_step.npz}.
     */
    public static Path chainer(String name, Path dir) throws IOException {
        return copyResource("/chainer/", name, dir);
    }

    private static Path copyResource(String folder, String name, Path dir) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream(folder + name)) {
            if (in == null) throw new IOException("missing fixture " + name);
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }
}
