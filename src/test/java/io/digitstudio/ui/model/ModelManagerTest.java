package io.digitstudio.ui.model;

import io.digitstudio.data.Rng;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.*;

/** The owner of the active model under plain JUnit: open, save, recent files and the built-in models, with every failure told. */
class ModelManagerTest {
    @TempDir
    Path dir;
    private final TestDialogs dialogs = new TestDialogs();
    private final ModelManager models = new ModelManager(new SameThreadTasks(), dialogs, RecentModels.inMemory());

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    private Path saved(String name, Network net) throws Exception {
        Path f = dir.resolve(name);
        ModelFiles.saveNpz(f, net, new ModelInfo(0.5, "MNIST", io.digitstudio.data.ClassNames.numbers(10)));
        return f;
    }

    @Test
    void theBuiltInModelBecomesActiveAndSaysItWasTrainedOnMnist() {
        ActiveModel m = models.loadBuiltIn().join();
        assertSame(m, models.activeProperty().get());
        assertSame(m, models.builtInProperty().get());
        assertEquals("built-in MLP", m.name());
        assertEquals("MNIST", m.info().dataset());
        assertNull(models.lastErrorProperty().get());
    }

    @Test
    void aChosenModelStaysActiveWhenTheBuiltInOneArrivesLater() throws Exception {
        Path f = saved("mine.npz", Network.mlp(new Rng(1), 784, 20, 10));
        ActiveModel mine = models.open(f).join();
        models.loadBuiltIn().join();
        assertSame(mine, models.activeProperty().get(), "the user's choice is kept");
        models.useBuiltIn();
        assertEquals("built-in MLP", models.activeProperty().get().name());
    }

    /** Runs → Open in Draw: its message's Undo brings back the model in use before, but never takes back a later choice. */
    @Test
    void aModelOpenedUndoablyIsTakenBackByTheMessagesUndo() throws Exception {
        ActiveModel builtIn = models.loadBuiltIn().join();
        Path f = saved("run.npz", Network.mlp(new Rng(1), 784, 20, 10));
        ActiveModel run = models.openUndoably(f).join();
        assertSame(run, models.activeProperty().get());
        assertEquals("Model opened: " + run.describe() + "; Undo brings back built-in MLP [Undo]", dialogs.infos.get(dialogs.infos.size() - 1));
        dialogs.lastAction.run();
        assertSame(builtIn, models.activeProperty().get());

        models.openUndoably(f).join();
        Runnable undo = dialogs.lastAction;
        ActiveModel cnn = models.useBuiltInCnn().join();
        undo.run(); // a message still showing after another model was chosen
        assertSame(cnn, models.activeProperty().get(), "the later choice stays");
    }

    /** A model kept in the folder of a run named {@code run}, as a run's model is. */
    private Path runModel(String run, int seed) throws Exception {
        Files.createDirectories(dir.resolve(run));
        return saved(run + "/model.npz", Network.mlp(new Rng(seed), 784, 20, 10));
    }

    /**
     * A trial deleted the run whose model was in use, put to use over the built-in CNN: the built-in MLP took its
     * place. The model in use before it comes back, or the one before that when it is gone too.
     */
    @Test
    void theModelInUseGoneWithItsRunGivesWayToTheOneInUseBeforeIt() throws Exception {
        ActiveModel builtIn = models.loadBuiltIn().join();
        ActiveModel cnn = models.useBuiltInCnn().join();
        ActiveModel a = models.open(runModel("a", 1)).join();
        Path gone = runModel("gone", 2);
        models.open(gone).join();
        models.useBuiltIn();
        models.open(gone).join(); // the same file again: one model to go back to, in use last before b
        models.adopt(a);
        models.open(runModel("b", 3)).join();
        Files.delete(gone); // gone since, though not with a run of the app's

        assertEquals(a.name() + " (" + a.architecture() + ")", models.fallback(dir.resolve("b")), "what the question says");
        assertTrue(models.letGo(dir.resolve("b")));
        assertSame(a, models.activeProperty().get());
        assertEquals(a.name() + " (" + a.architecture() + ")", models.named(models.activeProperty().get()), "what the status says");
        // a's run goes too: the file gone since is passed over, and the built-in model in use before it comes back
        assertEquals(ModelManager.BUILT_IN + " (" + builtIn.architecture() + ")", models.fallback(dir.resolve("a")));
        assertTrue(models.letGo(dir.resolve("a")));
        assertSame(builtIn, models.activeProperty().get());
        // the CNN, in use before that, once a run's model put to use over the built-in model goes
        models.useBuiltInCnn().join();
        models.open(runModel("c", 4)).join();
        assertEquals("the built-in CNN (" + cnn.architecture() + ")", models.fallback(dir.resolve("c")));
        assertTrue(models.letGo(dir.resolve("c")));
        assertSame(cnn, models.activeProperty().get());
    }

    /**
     * Runs → Open in Draw's message offers Undo; a trial deleted the run and the message stayed, its Undo doing nothing.
     * It is taken back once its Undo could do nothing, or only bring back a model whose run is gone.
     */
    @Test
    void theOpenedMessageIsTakenBackOnceItsUndoNoLongerHolds() throws Exception {
        ActiveModel builtIn = models.loadBuiltIn().join();
        models.openUndoably(runModel("a", 1)).join();
        assertTrue(dialogs.infos.get(dialogs.infos.size() - 1).endsWith("; Undo brings back built-in MLP [Undo]"), dialogs.infos.toString());
        assertEquals(List.of(), dialogs.withdrawn, "opening says it, and takes back nothing of its own");
        // the opened model's run is deleted: the built-in MLP is back, and nothing is left to undo
        models.letGo(dir.resolve("a"));
        assertSame(builtIn, models.activeProperty().get());
        assertEquals(List.of("Model opened"), dialogs.withdrawn);

        // the model in use before goes with its run: Undo would bring back a model whose files are gone
        models.open(runModel("b", 2)).join();
        ActiveModel c = models.openUndoably(runModel("c", 3)).join();
        Runnable undo = dialogs.lastAction;
        dialogs.withdrawn.clear();
        assertFalse(models.letGo(dir.resolve("b")));
        assertEquals(List.of("Model opened"), dialogs.withdrawn);
        undo.run();
        assertSame(c, models.activeProperty().get(), "Undo, had it been clicked meanwhile, brings back nothing gone");

        // another model chosen: the message's Undo would do nothing
        models.openUndoably(runModel("d", 4)).join();
        dialogs.withdrawn.clear();
        models.useBuiltIn();
        assertEquals(List.of("Model opened"), dialogs.withdrawn);
    }

    @Test
    void openingAModelMakesItActiveRemembersItAndSaysSo() throws Exception {
        Path f = saved("mine.npz", Network.mlp(new Rng(1), 784, 20, 10));
        ActiveModel m = models.open(f).join();
        assertSame(m, models.activeProperty().get());
        assertEquals("mine.npz", m.name());
        assertEquals(f, m.file());
        assertEquals(List.of(f), models.recent());
        assertEquals(1, dialogs.infos.size(), dialogs.infos.toString());
        assertTrue(dialogs.infos.get(0).startsWith("Model opened: "), dialogs.infos.toString());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aBadFileIsRefusedWithItsReasonAndTheActiveModelStays() throws Exception {
        ActiveModel before = models.loadBuiltIn().join();
        Path junk = Files.writeString(dir.resolve("junk.npz"), "not a zip");
        CompletableFuture<ActiveModel> f = models.open(junk);
        assertTrue(f.isCompletedExceptionally());
        assertSame(before, models.activeProperty().get(), "the old model stays");
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Could not open model: junk.npz"), dialogs.errors.toString());
        assertEquals(models.lastErrorProperty().get(), dialogs.errors.get(0).substring("Could not open model: ".length()));
        assertTrue(models.recent().isEmpty(), "a file that did not open is not remembered");

        Path small = saved("small.npz", Network.mlp(new Rng(2), 64, 10, 10));
        assertTrue(models.open(small).isCompletedExceptionally());
        assertTrue(dialogs.errors.get(1).contains("the model takes 64 inputs; DigitStudio's images are 28x28 = 784 pixels"), dialogs.errors.toString());
        assertSame(before, models.activeProperty().get());
    }

    @Test
    void aRecentFileThatIsGoneIsDroppedFromTheListWithAMessage() throws Exception {
        Path f = saved("mine.npz", Network.mlp(new Rng(1), 784, 20, 10));
        models.open(f).join();
        Files.delete(f);
        assertTrue(models.openRecent(f).isCompletedExceptionally());
        assertTrue(models.recent().isEmpty());
        assertEquals("Model missing: " + f + " no longer exists; removed from the recent list", dialogs.errors.get(0));
    }

    @Test
    void savingWritesTheActiveModelInChainersLayoutAndRemembersIt() throws Exception {
        models.loadBuiltIn().join();
        Path out = dir.resolve("copy.npz");
        assertEquals(out, models.save(out).join());
        assertEquals("Model saved: " + out, dialogs.infos.get(dialogs.infos.size() - 1));
        assertEquals(List.of(out), models.recent());
        ModelFiles.LoadedModel back = ModelFiles.loadNpz(out);
        assertEquals(models.activeProperty().get().architecture(), back.model().architecture());
        assertEquals("MNIST", back.info().dataset());
        // a save that cannot happen says why and leaves nothing remembered
        Path nowhere = dir.resolve("missing/folder/m.npz");
        assertTrue(models.save(nowhere).isCompletedExceptionally());
        assertTrue(dialogs.errors.get(0).startsWith("Save failed: could not save m.npz"), dialogs.errors.toString());
        assertEquals(List.of(out), models.recent());
        assertTrue(new ModelManager(new SameThreadTasks(), dialogs, RecentModels.inMemory()).save(out).isCompletedExceptionally(), "no model yet");
    }

    @Test
    void theBuiltInCnnIsLoadedOnceAndMadeActive() {
        ActiveModel cnn = models.useBuiltInCnn().join();
        assertEquals("built-in CNN", cnn.name());
        assertSame(cnn, models.activeProperty().get());
        models.adopt(models.loadBuiltIn().join());
        assertSame(cnn, models.useBuiltInCnn().join(), "the second time it is the same model, not read again");
    }

    @Test
    void aSnapshotOpensAsTheModelItHoldsAndSaysItIsOne() throws Exception {
        Network net = Network.mlp(new Rng(3), 784, 20, 10);
        java.util.Map<String, io.digitstudio.io.NpyArray> arrays = new java.util.LinkedHashMap<>();
        ModelFiles.toArrays(net, ModelInfo.NONE).forEach((k, v) -> arrays.put(ModelFiles.SNAPSHOT_MODEL_PREFIX + k, v));
        arrays.put("updater/iteration", io.digitstudio.io.NpyArray.scalar(10L));
        Path snap = dir.resolve("snapshot_epoch_0001.npz");
        io.digitstudio.io.Npz.write(snap, arrays, true);
        ActiveModel m = models.open(snap).join();
        assertEquals("784-20-10", m.architecture());
        assertTrue(dialogs.infos.get(0).contains("snapshot_epoch_0001.npz is a training snapshot"), dialogs.infos.toString());
    }

    @Test
    void theActiveModelIsExportedAsOnnxAndSafetensorsAndAFileIsReplacedOnlyWhenTheUserSaysSo() throws Exception {
        ActiveModel m = models.loadBuiltIn().join();
        float[] image = new float[784];
        for (int i = 200; i < 600; i += 3) image[i] = 1f;
        for (ModelManager.ExportFormat f : ModelManager.ExportFormat.values()) {
            Path out = dir.resolve("exported." + f.extension);
            dialogs.willChoose(out);
            assertEquals(out, models.export(f).join());
            assertTrue(dialogs.asked.contains("save: Export as " + f.title), dialogs.asked.toString());
            assertTrue(dialogs.infos.stream().anyMatch(t -> t.contains(out.toString())), dialogs.infos.toString());
            // read back by the app's own reader, it is the same network
            Network back = ModelFiles.load(out).model();
            assertArrayEquals(m.predictor().predict(image).probabilities(), new io.digitstudio.nn.Predictor(back).predict(image).probabilities(), 1e-5f, f.title);

            // the file exists now: a second export asks, and a "no" leaves it as it was
            byte[] before = Files.readAllBytes(out);
            Files.write(out, new byte[]{1, 2, 3});
            dialogs.confirms = false;
            dialogs.willChoose(out);
            assertNull(models.export(f).join());
            assertArrayEquals(new byte[]{1, 2, 3}, Files.readAllBytes(out), "not replaced without the user's yes");
            dialogs.confirms = true;
            dialogs.willChoose(out);
            assertEquals(out, models.export(f).join());
            assertArrayEquals(before, Files.readAllBytes(out));
        }
        // cancelling the chooser writes nothing
        assertNull(models.export(ModelManager.ExportFormat.ONNX).join());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
