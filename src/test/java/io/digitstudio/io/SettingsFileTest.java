package io.digitstudio.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** The app's settings file: JSON in the XDG config folder, written whole and atomically, read tolerantly. */
class SettingsFileTest {
    @TempDir
    Path dir;

    private final List<String> said = new ArrayList<>();

    @Test
    void theFileIsInTheXdgConfigFolder() {
        assertEquals(Path.of("/x/config/digitstudio/settings.json"), SettingsFile.defaultFile(Map.of("XDG_CONFIG_HOME", "/x/config")));
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals(home.resolve(".config/digitstudio/settings.json"), SettingsFile.defaultFile(Map.of()));
        assertEquals(home.resolve(".config/digitstudio/settings.json"), SettingsFile.defaultFile(Map.of("XDG_CONFIG_HOME", "relative")),
                "the specification takes only an absolute path");
    }

    @Test
    void aMissingFileIsDefaultsAndAChangeIsSavedAsJson() throws Exception {
        Path file = dir.resolve("config/digitstudio/settings.json");
        SettingsFile s = SettingsFile.open(file, said::add);
        assertFalse(s.existed());
        assertNull(s.get("tab"));
        s.put("tab", "drawTab");
        s.put("window", "10,20,1100,760,false");
        assertEquals(Map.of("tab", "drawTab", "window", "10,20,1100,760,false"), Json.parseObject(Files.readString(file)));
        SettingsFile again = SettingsFile.open(file, said::add);
        assertTrue(again.existed());
        assertEquals("drawTab", again.get("tab"));
        again.put("tab", null);
        assertEquals(Map.of("window", "10,20,1100,760,false"), Json.parseObject(Files.readString(file)));
        try (var files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left beside it");
        }
        assertEquals(List.of(), said);
    }

    @Test
    void aDamagedFileGivesDefaultsSaysSoOnceAndIsKeptAside() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"tab\": \"drawTab\", \"window\": ");
        SettingsFile s = SettingsFile.open(file, said::add);
        assertTrue(s.existed(), "a damaged file is not taken for a first launch");
        assertNull(s.get("tab"));
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).startsWith(file + " cannot be read") && said.get(0).contains("default settings"), said.get(0));
        s.put("tab", "runsTab");
        s.put("theme", "dark");
        assertEquals(1, said.size(), "said once: " + said);
        assertEquals(Map.of("tab", "runsTab", "theme", "dark"), Json.parseObject(Files.readString(file)));
        assertEquals("{\"tab\": \"drawTab\", \"window\": ", Files.readString(dir.resolve("settings.json.damaged")), "the damaged file is not lost");

        Files.writeString(file, "[1, 2]");
        SettingsFile notAnObject = SettingsFile.open(file, said::add);
        assertNull(notAnObject.get("tab"));
        assertEquals(2, said.size());
    }

    @Test
    void aFileThatCannotBeWrittenIsSaidOnceAndTheValuesStay() throws Exception {
        Path blocked = Files.writeString(dir.resolve("blocked"), "a file where the folder should be");
        SettingsFile s = SettingsFile.open(blocked.resolve("settings.json"), said::add);
        s.put("tab", "drawTab");
        s.put("theme", "dark");
        assertEquals("drawTab", s.get("tab"));
        assertEquals(1, said.size(), said.toString());
        assertTrue(said.get(0).contains("cannot be written"), said.get(0));
    }
}
