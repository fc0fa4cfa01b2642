package io.digitstudio;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The layering rule: only io.digitstudio.ui may use JavaFX or ControlsFX, so the engine and the CLI run headless.
 * Reads the sources, so it also catches fully-qualified uses, not only imports.
 */
class ArchitectureTest {
    private static final Pattern UI_TOOLKIT = Pattern.compile("\\b(javafx|org\\.controlsfx)\\.");

    @Test
    void nothingOutsideUiUsesJavaFx() throws IOException {
        Path root = Path.of("src/main/java/io/digitstudio");
        assertTrue(Files.isDirectory(root), "run from the project folder");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).toString().startsWith("ui"))
                    .filter(p -> {
                        try {
                            return Files.readAllLines(p).stream()
                                    .filter(l -> !l.strip().startsWith("*") && !l.strip().startsWith("//"))
                                    .anyMatch(l -> UI_TOOLKIT.matcher(l).find());
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders, "JavaFX/ControlsFX used outside io.digitstudio.ui");
    }

    @Test
    void theRuleWouldCatchAnImport() {
        assertTrue(UI_TOOLKIT.matcher("import javafx.scene.Node;").find());
        assertTrue(UI_TOOLKIT.matcher("import org.controlsfx.control.StatusBar;").find());
        assertFalse(UI_TOOLKIT.matcher("import io.digitstudio.nn.F;").find());
    }
}
