package io.digitstudio.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies a NumPy-written fixture (src/test/resources/fixtures, made by make_fixtures.py) to a real file. */
public final class Fixtures {
    private Fixtures() {
    }

    public static Path copy(String name, Path dir) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) throw new IOException("missing fixture " + name);
            Path p = dir.resolve(name);
            Files.write(p, in.readAllBytes());
            return p;
        }
    }
}
