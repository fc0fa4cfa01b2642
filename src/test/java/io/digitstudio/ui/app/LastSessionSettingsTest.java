package io.digitstudio.ui.app;

import io.digitstudio.io.Json;
import io.digitstudio.io.SettingsFile;
import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.*;

/** The session and the recent models share the settings file; what java.util.prefs held before is taken over once. */
class LastSessionSettingsTest {
    @TempDir
    Path dir;

    private final List<String> said = new ArrayList<>();

    /** java.util.prefs in memory, so the test never touches the user's ~/.java. */
    static final class MemoryPrefs extends AbstractPreferences {
        private final Map<String, String> values = new HashMap<>();
        private final Map<String, MemoryPrefs> children = new HashMap<>();

        private final MemoryPrefs parent;

        MemoryPrefs(MemoryPrefs parent, String name) {
            super(parent, name);
            this.parent = parent;
        }

        @Override
        protected void putSpi(String key, String value) {
            values.put(key, value);
        }

        @Override
        protected String getSpi(String key) {
            return values.get(key);
        }

        @Override
        protected void removeSpi(String key) {
            values.remove(key);
        }

        @Override
        protected void removeNodeSpi() {
            if (parent != null) parent.children.remove(name());
        }

        @Override
        protected String[] keysSpi() {
            return values.keySet().toArray(String[]::new);
        }

        @Override
        protected String[] childrenNamesSpi() {
            return children.keySet().toArray(String[]::new);
        }

        @Override
        protected AbstractPreferences childSpi(String name) {
            return children.computeIfAbsent(name, n -> new MemoryPrefs(this, n));
        }

        @Override
        protected void syncSpi() {
        }

        @Override
        protected void flushSpi() {
        }
    }

    @Test
    void theSessionAndTheRecentModelsLiveInOneFileAndNeitherDropsTheOther() throws Exception {
        Path file = dir.resolve("digitstudio/settings.json");
        Path model = Files.writeString(dir.resolve("fine-tuned.npz"), "a model");
        SettingsFile settings = LastSession.userSettings(file, () -> new MemoryPrefs(null, ""), said::add);
        LastSession last = LastSession.of(settings);
        RecentModels recent = RecentModels.of(settings);
        last.activeModel(model);
        recent.add(model);
        last.window(new LastSession.Window(10, 20, 1100, 760, false));
        last.tab("runsTab");
        last.theme(io.digitstudio.ui.widgets.Theme.DARK);
        last.uiScale(150);

        SettingsFile reopened = SettingsFile.open(file, said::add);
        LastSession next = LastSession.of(reopened);
        assertEquals(model.toAbsolutePath().normalize(), next.activeModel().orElseThrow());
        assertEquals(new LastSession.Window(10, 20, 1100, 760, false), next.window().orElseThrow());
        assertEquals("runsTab", next.tab().orElseThrow());
        assertEquals(io.digitstudio.ui.widgets.Theme.DARK, next.theme().orElseThrow());
        assertEquals(150, next.uiScale().orElseThrow());
        assertEquals(List.of(model.toAbsolutePath().normalize()), RecentModels.of(reopened).list());
        assertEquals(java.util.Set.of("activeModel", "window", "tab", "theme", "uiScale", "recentModels"), Json.parseObject(Files.readString(file)).keySet());
        assertEquals(List.of(), said);
    }

    @Test
    void aScaleWrittenByHandAsANumberIsTheScaleAndAFractionIsNot() throws Exception {
        Path file = dir.resolve("digitstudio/settings.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"uiScale\": 150}");
        assertEquals(150, LastSession.of(SettingsFile.open(file, said::add)).uiScale().orElseThrow());
        Files.writeString(file, "{\"uiScale\": 150.5}");
        assertEquals(java.util.Optional.empty(), LastSession.of(SettingsFile.open(file, said::add)).uiScale());
        assertEquals(List.of(), said);
    }

    @Test
    void valuesKeptWithJavaUtilPrefsAreTakenOverOnceWhenThereIsNoFile() throws Exception {
        Path model = Files.writeString(dir.resolve("kept.npz"), "a model");
        MemoryPrefs root = new MemoryPrefs(null, "");
        Preferences session = root.node(LastSession.OLD_SESSION_NODE);
        session.put("activeModel", model.toString());
        session.put("window", "5,6,1200,800,true");
        session.put("tab", "drawTab");
        session.put("uiScale", "125");
        root.node(LastSession.OLD_RECENT_NODE).put("recentModels", model + "\n");

        Path file = dir.resolve("digitstudio/settings.json");
        LastSession last = LastSession.of(LastSession.userSettings(file, () -> root, said::add));
        assertEquals(model, last.activeModel().orElseThrow());
        assertEquals(new LastSession.Window(5, 6, 1200, 800, true), last.window().orElseThrow());
        assertEquals("drawTab", last.tab().orElseThrow());
        assertEquals(125, last.uiScale().orElseThrow());
        assertTrue(Files.isRegularFile(file), "taken over into the file at once");
        assertEquals(model + "\n", Json.parseObject(Files.readString(file)).get("recentModels"));

        assertFalse(root.nodeExists(LastSession.OLD_SESSION_NODE), "moved: the old node is gone");
        // once the file exists, it is what counts: an old node written again later is not taken over
        last.tab("runsTab");
        root.node(LastSession.OLD_SESSION_NODE).put("tab", "samplesTab");
        assertEquals("runsTab", LastSession.of(LastSession.userSettings(file, () -> root, said::add)).tab().orElseThrow());
        assertEquals(List.of(), said);
    }

    @Test
    void noOldNodeIsCreatedAndNoFileWrittenWhenThereIsNothingToTakeOver() {
        MemoryPrefs root = new MemoryPrefs(null, "");
        Path file = dir.resolve("digitstudio/settings.json");
        SettingsFile settings = LastSession.userSettings(file, () -> root, said::add);
        assertFalse(Files.exists(file));
        assertEquals(0, root.children.size(), "the old nodes are only looked at");
        assertTrue(LastSession.of(settings).tab().isEmpty());
    }

    @Test
    void aDamagedFileIsNotMistakenForAFirstLaunch() throws Exception {
        MemoryPrefs root = new MemoryPrefs(null, "");
        root.node(LastSession.OLD_SESSION_NODE).put("tab", "drawTab");
        Path file = Files.createDirectories(dir.resolve("digitstudio")).resolve("settings.json");
        Files.writeString(file, "not json");
        LastSession last = LastSession.of(LastSession.userSettings(file, () -> root, said::add));
        assertTrue(last.tab().isEmpty(), "defaults, not the old node's values over a file the user had");
        assertEquals(1, said.size(), said.toString());
    }

    /** The old node holding the tab an earlier session of this machine ended on (what the trial found in ~/.java). */
    private static MemoryPrefs oldNodeOnEvaluate() {
        MemoryPrefs root = new MemoryPrefs(null, "");
        root.node(LastSession.OLD_SESSION_NODE).put("tab", "evaluateTab");
        return root;
    }

    @Test
    void aConfigFolderOfItsOwnStartsWithTheDefaultsNotWithTheHomesOldTab() throws Exception {
        MemoryPrefs root = oldNodeOnEvaluate();
        Path config = dir.resolve("fresh-config");
        SettingsFile settings = LastSession.userSettings(Map.of("XDG_CONFIG_HOME", config.toString()), dir.resolve("home").toString(),
                () -> root, said::add);
        assertEquals(config.resolve("digitstudio/settings.json"), settings.file());
        assertTrue(LastSession.of(settings).tab().isEmpty(), "a first launch opens on Train, whatever ~/.java holds");
        assertFalse(Files.exists(settings.file()), "nothing is written before the user changes something");
        assertEquals("evaluateTab", root.node(LastSession.OLD_SESSION_NODE).get("tab", null), "the home's values are not touched");
    }

    @Test
    void theHomesOwnSettingsFileTakesTheOldValuesOverAndTheyAreGoneFromTheOldNode() throws Exception {
        MemoryPrefs root = oldNodeOnEvaluate();
        root.node(LastSession.OLD_RECENT_NODE).put("recentModels", "/a.npz\n");
        Path home = dir.resolve("home");
        Map<String, String> env = Map.of(); // no XDG_CONFIG_HOME: ~/.config
        SettingsFile settings = LastSession.userSettings(env, home.toString(), () -> root, said::add);
        assertEquals(home.resolve(".config/digitstudio/settings.json"), settings.file());
        assertEquals("evaluateTab", LastSession.of(settings).tab().orElseThrow(), "the user's own choice, from before the file");

        // moved, not copied: a settings file deleted later does not bring the old tab back
        assertFalse(root.nodeExists(LastSession.OLD_SESSION_NODE));
        assertNull(root.node(LastSession.OLD_RECENT_NODE).get("recentModels", null));
        Files.delete(settings.file());
        assertTrue(LastSession.of(LastSession.userSettings(env, home.toString(), () -> root, said::add)).tab().isEmpty());
        assertEquals(List.of(), said);
    }

    @Test
    void theOldValuesStayWhereTheyAreWhenTheFileCannotBeWritten() throws Exception {
        MemoryPrefs root = oldNodeOnEvaluate();
        Files.writeString(dir.resolve("blocked"), "a file where the config folder should be");
        LastSession.userSettings(dir.resolve("blocked/settings.json"), () -> root, said::add);
        assertEquals("evaluateTab", root.node(LastSession.OLD_SESSION_NODE).get("tab", null), "nothing is lost");
    }
}
