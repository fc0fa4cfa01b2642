package io.digitstudio.train;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The reporter names observations as Chainer's does: observer, then scope. */
class ReporterTest {
    @Test
    void observersAndScopesNameWhatIsReported() {
        Reporter r = new Reporter();
        Object model = new Object();
        r.addObserver("main", model);
        r.report(model, "loss", 0.5);
        r.report("lr", 0.01);
        try (Reporter.Scope s = r.scope("validation")) {
            r.report(model, "accuracy", 0.9);
            r.report("note", 1);
        }
        r.report(model, "accuracy", 0.8);
        assertEquals(List.of("main/loss", "lr", "validation/main/accuracy", "validation/note", "main/accuracy"), List.copyOf(r.observation().keySet()));
        assertEquals(0.9, r.get("validation/main/accuracy"));
        assertThrows(UnsupportedOperationException.class, () -> r.observation().put("x", 1.0), "extensions report, they do not write the map");
        assertThrows(IllegalArgumentException.class, () -> r.report(new Object(), "loss", 1));
        r.clear();
        assertTrue(r.observation().isEmpty());
    }
}
