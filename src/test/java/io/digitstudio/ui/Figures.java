package io.digitstudio.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The figures a check measured (contrast ratios, colour distances), printed and kept in {@code target/figures/NAME.txt}
 * so that they can be quoted after a run: surefire's reports keep a test's output only when it fails.
 */
public final class Figures {
    private Figures() {
    }

    /** Prints {@code text} and writes it to target/figures/{@code name}.txt, replacing what an earlier run wrote. */
    public static void write(String name, CharSequence text) {
        System.out.print(text);
        try {
            Path dir = Path.of("target", "figures");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
