package io.digitstudio.ui.app;

import io.digitstudio.io.Json;
import io.digitstudio.io.SettingsFile;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.train.TrainSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Train form kept in the settings file as it changes, while the app runs: once the editing settles, in one whole
 * write beside what the file held, and nothing written after the app closes. The waits are handed out by the test.
 */
class FormKeeperTest {
    @TempDir
    Path dir;

    private final List<Runnable> waits = new ArrayList<>();

    /** What the file on disk says now, read as the next launch (or one after a kill) reads it. */
    private static Map<String, Object> onDisk(Path file) throws Exception {
        return Json.parseObject(Files.readString(file));
    }

    private FormKeeper keeper(LastSession last, TrainSettings form) {
        FormKeeper keeper = new FormKeeper(last, new SameThreadTasks(), (millis, task) -> {
            assertEquals(FormKeeper.SETTLE_MILLIS, millis);
            waits.add(task);
        }, () -> Map.of(LastSession.TRAIN_FORM, form.memory(form.values())));
        form.editsProperty().addListener((o, a, b) -> keeper.edited());
        return keeper;
    }

    @Test
    void anEditIsInTheFileOnceItSettlesWithoutTheAppClosing() throws Exception {
        Path file = dir.resolve("config/digitstudio/settings.json");
        LastSession last = LastSession.of(SettingsFile.open(file, m -> fail(m)));
        last.tab("runsTab"); // kept before: the form's save keeps it
        TrainSettings form = new TrainSettings();
        keeper(last, form);

        // "30" typed in Epochs: two changes, one save once the typing settles
        form.epochsProperty().set("3");
        form.epochsProperty().set("30");
        assertEquals(2, waits.size());
        assertFalse(onDisk(file).containsKey("train.epochs"), "not written while the typing goes on");
        waits.get(0).run(); // the first key's wait: another key came after it
        assertFalse(onDisk(file).containsKey("train.epochs"), "the first key's wait saves nothing");
        waits.get(1).run();
        Map<String, Object> now = onDisk(file);
        assertEquals("30", now.get("train.epochs"), "the settled value is in the file, the app still open");
        assertEquals("runsTab", now.get("tab"), "beside what the file held");
        try (var inFolder = Files.list(file.getParent())) {
            assertEquals(List.of(file), inFolder.toList(), "one whole file, no part of a write left beside it");
        }
    }

    @Test
    void nothingIsWrittenAfterTheAppCloses() throws Exception {
        Path file = dir.resolve("settings.json");
        LastSession last = LastSession.of(SettingsFile.open(file, m -> fail(m)));
        TrainSettings form = new TrainSettings();
        FormKeeper keeper = keeper(last, form);
        form.seedProperty().set("7");
        keeper.close(); // the window closes before the edit has settled: the close writes it
        assertEquals("7", onDisk(file).get("train.seed"));
        // another launch changes the file; this window's late wait and a late edit leave it as it is
        SettingsFile.open(file, m -> fail(m)).put("train.seed", "11");
        form.seedProperty().set("8");
        waits.forEach(Runnable::run);
        assertEquals("11", onDisk(file).get("train.seed"));
    }

    @Test
    void aFormAsItCameBackOrAsItWasSavedIsNotWrittenAgain() throws Exception {
        Path file = dir.resolve("settings.json");
        LastSession last = LastSession.of(SettingsFile.open(file, m -> fail(m)));
        TrainSettings form = new TrainSettings();
        FormKeeper keeper = keeper(last, form);
        keeper.save();
        assertFalse(Files.exists(file), "the form as it came back: nothing to write");
        form.batchSizeProperty().set("64");
        waits.forEach(Runnable::run);
        assertEquals("64", onDisk(file).get("train.batchSize"));
        Files.delete(file);
        form.batchSizeProperty().set("6");
        form.batchSizeProperty().set("64"); // typed over with the same value
        waits.forEach(Runnable::run);
        assertFalse(Files.exists(file), "what was saved last is not written again");
    }
}
