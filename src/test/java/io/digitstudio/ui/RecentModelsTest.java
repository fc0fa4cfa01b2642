package io.digitstudio.ui;

import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RecentModelsTest {
    @Test
    void newestFirstWithoutDuplicatesAndAtMostEight() {
        String[] stored = {""};
        RecentModels r = new RecentModels(() -> stored[0], v -> stored[0] = v);
        for (int i = 0; i < 10; i++) r.add(Path.of("/m/" + i + ".npz"));
        r.add(Path.of("/m/5.npz"));
        List<Path> l = r.list();
        assertEquals(8, l.size());
        assertEquals(Path.of("/m/5.npz"), l.get(0));
        assertEquals(Path.of("/m/9.npz"), l.get(1));
        assertEquals(1, l.stream().filter(p -> p.equals(Path.of("/m/5.npz"))).count());
        // what is stored is what a new instance reads back (as between two runs of the app)
        assertEquals(l, new RecentModels(() -> stored[0], v -> stored[0] = v).list());
        r.remove(Path.of("/m/9.npz"));
        assertFalse(r.list().contains(Path.of("/m/9.npz")));
    }
}
