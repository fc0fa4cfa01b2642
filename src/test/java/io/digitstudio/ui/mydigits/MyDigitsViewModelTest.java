package io.digitstudio.ui.mydigits;

import io.digitstudio.data.DrawnDigitsAccess;
import io.digitstudio.data.Mnist;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.mydigits.MyDigit;
import io.digitstudio.mydigits.MyDigits;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.FineTune;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The My digits view's model under plain JUnit: keeping, relabelling, deleting with undo, import, export and fine-tuning. */
class MyDigitsViewModelTest {
    @TempDir
    Path dir;
    private final TestDialogs dialogs = new TestDialogs();
    private final ModelManager models = new ModelManager(new SameThreadTasks(), dialogs, RecentModels.inMemory());

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    private MyDigitsViewModel vm(String name) {
        return new MyDigitsViewModel(new SameThreadTasks(), dialogs, models, new MyDigits(dir.resolve(name)), null);
    }

    private static float[] testImage(int i) {
        float[] x = new float[784];
        Mnist.bundled().test().copyFeatures(i, x, 0);
        return x;
    }

    /** Keeps the first {@code n} test images with their labels, as the Draw view keeps drawings. */
    private static void keep(MyDigitsViewModel vm, int n) {
        for (int i = 0; i < n; i++) vm.add(testImage(i), Mnist.bundled().test().label(i), List.of(), "test image " + i, null);
    }

    @Test
    void keptDigitsAreListedRelabelledAndDeletedWithUndo() {
        MyDigitsViewModel vm = vm("mine");
        vm.refresh();
        assertTrue(vm.digits().isEmpty());
        keep(vm, 3);
        assertEquals(3, vm.digits().size());
        assertTrue(vm.statusProperty().get().startsWith("3 digits ("), vm.statusProperty().get());
        MyDigit first = vm.digits().get(0);
        vm.relabel(first, (first.label() + 1) % 10);
        assertEquals((first.label() + 1) % 10, vm.digits().get(0).label());
        assertEquals("Relabelled as " + (first.label() + 1) % 10 + " (Undo takes it back) · " + MyDigits.describe(vm.digits()), vm.statusProperty().get());
        vm.delete(List.of(vm.digits().get(1), vm.digits().get(2)));
        assertEquals(1, vm.digits().size());
        assertEquals("Deleted 2 digits (Undo takes it back) · " + MyDigits.describe(vm.digits()), vm.statusProperty().get());
        vm.undo();
        assertEquals(3, vm.digits().size());
        assertTrue(vm.statusProperty().get().startsWith("Brought back 2 digits"), vm.statusProperty().get());
        // what was kept is on disk: another view model of the same folder reads it
        MyDigitsViewModel again = vm("mine");
        again.refresh();
        assertEquals(vm.digits().stream().map(MyDigit::id).toList(), again.digits().stream().map(MyDigit::id).toList());
    }

    /** A mistyped key moves digits to another group, out of sight: Undo gives them back their labels, in one step. */
    @Test
    void undoGivesRelabelledDigitsBackTheirLabels() {
        MyDigitsViewModel vm = vm("mine");
        vm.refresh();
        keep(vm, 3);
        List<Integer> before = vm.digits().stream().map(MyDigit::label).toList();
        int wrong = (before.get(0) + 1) % 10;
        vm.relabel(List.of(vm.digits().get(0), vm.digits().get(1)), wrong);
        assertEquals(wrong, vm.digits().get(0).label());
        assertTrue(vm.canUndoProperty().get(), "a relabel can be taken back");
        List<String> moved = List.of(vm.digits().get(0).id(), vm.digits().get(1).id());
        vm.undo();
        assertEquals(before, vm.digits().stream().map(MyDigit::label).toList());
        assertEquals(moved, vm.undoneProperty().get(), "the view puts the selection and the keyboard back on them");
        assertFalse(vm.canUndoProperty().get(), "both digits came back in one step");
        assertTrue(vm.statusProperty().get().startsWith("Gave 2 digits back their labels"), vm.statusProperty().get());
        MyDigitsViewModel again = vm("mine");
        again.refresh();
        assertEquals(before, again.digits().stream().map(MyDigit::label).toList(), "on disk too");
    }

    @Test
    void undoIsOfferedOnlyWhileADeletionCanBeBroughtBack() {
        MyDigitsViewModel vm = vm("mine");
        vm.refresh();
        assertFalse(vm.canUndoProperty().get(), "an empty collection: nothing to undo");
        keep(vm, 2);
        assertFalse(vm.canUndoProperty().get(), "keeping is not undone by Undo");
        String first = vm.digits().get(0).id(), second = vm.digits().get(1).id();
        vm.delete(List.of(vm.digits().get(0)));
        vm.delete(List.of(vm.digits().get(0)));
        assertTrue(vm.digits().isEmpty());
        assertTrue(vm.canUndoProperty().get(), "the collection is empty, but its digits can come back");
        vm.undo();
        assertEquals(List.of(second), vm.undoneProperty().get(), "the digit deleted last comes back first");
        assertTrue(vm.canUndoProperty().get(), "one deletion still to bring back");
        vm.undo();
        assertEquals(List.of(first), vm.undoneProperty().get());
        assertFalse(vm.canUndoProperty().get());
        assertEquals(2, vm.digits().size());
    }

    @Test
    void importsAndExportsGoThroughTheDialogsAndSayWhatHappened() throws Exception {
        MyDigitsViewModel vm = vm("mine");
        vm.importFolder();
        assertEquals(List.of("folder: Import digits: images named 7.png, 7_a.png, … or in folders named 0-9"), dialogs.asked);
        assertTrue(dialogs.infos.isEmpty(), "cancelled: nothing imported, nothing said");
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        for (int d : new int[]{3, 5}) javax.imageio.ImageIO.write(new DrawnDigitsAccess(d).draw(d, 100), "png", pictures.resolve(d + ".png").toFile());
        javax.imageio.ImageIO.write(new DrawnDigitsAccess(8).draw(8, 100), "png", pictures.resolve("unlabelled.png").toFile());
        dialogs.willChoose(pictures);
        vm.importFolder();
        assertEquals("Imported: Added 2 digits from pictures; skipped 1:\nunlabelled.png: no label (name it 7.png or 7_x.png, or put it in a folder named 7)",
                dialogs.infos.get(0));
        assertEquals(List.of(3, 5), vm.digits().stream().map(MyDigit::label).toList());

        Path zip = dir.resolve("mine.zip");
        dialogs.willChoose(zip);
        vm.exportZip();
        assertEquals("Exported to " + zip, vm.statusProperty().get());
        MyDigitsViewModel other = vm("other");
        dialogs.willChoose(zip);
        other.importZip();
        assertEquals("Imported: Added 2 digits from mine.zip", dialogs.infos.get(1));
        assertEquals(2, other.digits().size());
        // the same zip again: nothing added, and why
        dialogs.willChoose(zip);
        other.importZip();
        assertEquals("Imported: Added 0 digits from mine.zip; 2 already in My digits", dialogs.infos.get(2));

        dialogs.willChoose(Files.writeString(dir.resolve("bad.zip"), "not a zip"));
        other.importZip();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Import failed: "), dialogs.errors.toString());
        assertEquals(2, other.digits().size(), "the collection is as it was");
    }

    @Test
    void aDamagedCollectionIsReportedAndLeftAsItWas() throws Exception {
        MyDigitsViewModel vm = vm("mine");
        Files.createDirectories(dir.resolve("mine"));
        Files.writeString(dir.resolve("mine/collection.json"), "{\"digits\": [");
        vm.refresh();
        assertTrue(vm.statusProperty().get().contains("collection.json is damaged"), vm.statusProperty().get());
        assertEquals("{\"digits\": [", Files.readString(dir.resolve("mine/collection.json")));
    }

    @Test
    void fineTuningProposesAModelThatIsKeptOnlyWhenAccepted() {
        MyDigitsViewModel vm = vm("mine");
        models.adopt(ActiveModel.of(ModelFiles.loadDefault().model(), "built-in", new ModelInfo(null, "MNIST", io.digitstudio.data.ClassNames.numbers(10)), null));
        keep(vm, 2);
        vm.fineTune();
        // the status says how many it takes, and how many there are
        assertEquals("Keep at least " + MyDigitsViewModel.FEWEST_TO_FINE_TUNE + " digits first; you have 2"
                + " (Draw: Enter keeps a drawing, a digit key corrects it)", vm.statusProperty().get());
        keep(vm, 12);
        vm.setSettings(new FineTune.Settings(1, 0.005, 5, 1000, 0.3, 0));
        vm.fineTune();
        assertFalse(vm.busyProperty().get());
        MyDigitsViewModel.Proposal p = vm.proposalProperty().get();
        assertNotNull(p, vm.statusProperty().get());
        assertEquals("built-in", models.activeProperty().get().name(), "nothing changes before the user accepts");
        // the figures are in the result's panel (p.result()): the status line says what to do, not them again
        assertEquals("Fine-tuning done: Accept to use the new model, or Discard it.", vm.statusProperty().get());
        assertFalse(vm.statusProperty().get().contains(p.result().summary()));
        vm.discard();
        assertNull(vm.proposalProperty().get());
        assertEquals("Discarded the fine-tuned model; built-in stays active", vm.statusProperty().get());

        vm.fineTune();
        dialogs.infos.clear();
        vm.accept();
        assertNull(vm.proposalProperty().get());
        // one action, one message where it happened: no "Model saved" and "Model opened" toasts besides the status
        assertEquals(List.of(), dialogs.infos);
        ActiveModel tuned = models.activeProperty().get();
        assertTrue(tuned.name().startsWith("fine-tuned-"), tuned.name());
        assertEquals(dir.resolve("models"), tuned.file().getParent(), "saved beside the collection's folder");
        assertTrue(Files.exists(tuned.file()));
        assertEquals(List.of(tuned.file()), models.recent());
        assertEquals("Fine-tuned model saved and in use (" + tuned.file() + ")", vm.statusProperty().get());
    }

    /** What the status says of the model in use, on Accept or Discard, goes once another model is in use. */
    @Test
    void whatAcceptAndDiscardSayOfTheModelInUseGoesWhenAnotherIsInUse() {
        MyDigitsViewModel vm = vm("mine");
        ActiveModel builtIn = ActiveModel.of(ModelFiles.loadDefault().model(), "built-in", new ModelInfo(null, "MNIST", io.digitstudio.data.ClassNames.numbers(10)), null);
        ActiveModel other = ActiveModel.of(builtIn.model(), "other", builtIn.info(), null);
        models.adopt(builtIn);
        keep(vm, 12);
        vm.setSettings(new FineTune.Settings(1, 0.005, 5, 1000, 0.3, 0));
        vm.fineTune();
        vm.discard();
        assertEquals("Discarded the fine-tuned model; built-in stays active", vm.statusProperty().get());
        models.adopt(other);
        assertEquals("Discarded the fine-tuned model", vm.statusProperty().get());
        vm.fineTune();
        vm.accept();
        ActiveModel tuned = models.activeProperty().get();
        assertEquals("Fine-tuned model saved and in use (" + tuned.file() + ")", vm.statusProperty().get());
        models.adopt(builtIn);
        assertEquals("Fine-tuned model saved (" + tuned.file() + ")", vm.statusProperty().get());
    }

    /**
     * With three digits, two of one label, none can be kept aside to test on and still leave something to learn from:
     * the model learns from all three, and the panel's row and line say so without contradicting its "–" figures. A
     * trial read "only 1 of your digits could be kept aside" beside "your digits kept aside –  –": one digit learnt from
     * by nobody and measured by nothing. With enough digits the panel names the ones kept aside.
     */
    @Test
    void withTooFewDigitsThePanelSaysWhatItMeasuredAndWhyYoursHaveNoFigures() {
        MyDigitsViewModel vm = vm("few");
        models.adopt(ActiveModel.of(ModelFiles.loadDefault().model(), "built-in", new ModelInfo(null, "MNIST", io.digitstudio.data.ClassNames.numbers(10)), null));
        // test images 0, 2 and 5: a 7 and two 1s
        for (int i : new int[]{0, 2, 5}) vm.add(testImage(i), Mnist.bundled().test().label(i), List.of(), "test image " + i, null);
        vm.setSettings(new FineTune.Settings(1, 0.005, 5, 1000, 0.3, 0));
        vm.fineTune();
        MyDigitsViewModel.Proposal p = vm.proposalProperty().get();
        assertNotNull(p, vm.statusProperty().get());
        assertEquals(0, p.result().heldOut(), "none kept aside: a single 1 kept aside is measured by nothing and learnt by nothing");
        assertTrue(Double.isNaN(p.result().mineBefore()) && Double.isNaN(p.result().mineAfter()));
        assertEquals("your digits", p.mineRow());
        assertEquals("Your 3 digits are too few to keep some aside for a test, so the model learnt from all of them and is"
                + " measured on the MNIST test set alone (–: not measured). Keep 34 or more, a few of each digit, to measure it"
                + " on your writing too.", p.note());
        assertEquals("Fine-tuning done: Accept to use the new model, or Discard it.", vm.statusProperty().get(), "the panel's line, not the status's");
    }

    /**
     * Runs lists what the history holds, and a fine-tuning is recorded there as it trains. One the user discards, or
     * leaves unanswered and fine-tunes again, is gone, its model with it: the history then lists no run for it, as
     * the guide says only an accepted fine-tuning is in the run history. A trial found a discarded one listed in Runs
     * as if kept.
     */
    @Test
    void aDiscardedFineTuningLeavesNoRunInTheHistoryAndAnAcceptedOneStays() {
        io.digitstudio.runs.RunStore history = new io.digitstudio.runs.RunStore(dir.resolve("runs"));
        MyDigitsViewModel vm = new MyDigitsViewModel(new SameThreadTasks(), dialogs, models, new MyDigits(dir.resolve("mine")), history);
        models.adopt(ActiveModel.of(ModelFiles.loadDefault().model(), "built-in", new ModelInfo(null, "MNIST", io.digitstudio.data.ClassNames.numbers(10)), null));
        keep(vm, 12);
        vm.setSettings(new FineTune.Settings(1, 0.005, 5, 1000, 0.3, 0));
        vm.fineTune();
        assertNotNull(vm.proposalProperty().get(), vm.statusProperty().get());
        assertEquals(1, history.list().size(), "recorded as it trains");
        vm.discard();
        assertEquals(List.of(), history.list().stream().map(r -> r.id() + " " + r.status().label()).toList(), "after Discard");

        vm.fineTune();
        vm.fineTune(); // again, the first left unanswered
        assertEquals(1, history.list().size(), "the fine-tuning that replaced an unanswered one");
        String kept = history.list().get(0).id();
        vm.accept();
        assertEquals(List.of(kept), history.list().stream().map(io.digitstudio.runs.RunSummary::id).toList(), "after Accept");
        assertEquals(io.digitstudio.runs.RunStatus.FINISHED, history.list().get(0).status());
    }

    /**
     * The trial quit with a fine-tuning waiting for Accept or Discard: on the next launch it was gone, and its run
     * stayed in Runs looking accepted. A fine-tuning left unanswered is offered again by the next launch's My digits,
     * with its figures, and Accept or Discard then does what it would have done; once answered it is not offered again.
     */
    @Test
    void aFineTuningLeftUnansweredIsOfferedAgainAtTheNextLaunch() {
        io.digitstudio.runs.RunStore history = new io.digitstudio.runs.RunStore(dir.resolve("runs"));
        models.adopt(ActiveModel.of(ModelFiles.loadDefault().model(), "built-in", new ModelInfo(null, "MNIST", io.digitstudio.data.ClassNames.numbers(10)), null));
        MyDigitsViewModel first = new MyDigitsViewModel(new SameThreadTasks(), dialogs, models, new MyDigits(dir.resolve("mine")), history);
        first.refresh();
        keep(first, 12);
        first.setSettings(new FineTune.Settings(1, 0.005, 5, 1000, 0.3, 0));
        first.fineTune();
        MyDigitsViewModel.Proposal left = first.proposalProperty().get();
        assertNotNull(left, first.statusProperty().get());

        // the app quits unanswered; the next launch
        MyDigitsViewModel next = new MyDigitsViewModel(new SameThreadTasks(), dialogs, models, new MyDigits(dir.resolve("mine")), history);
        next.refresh();
        MyDigitsViewModel.Proposal again = next.proposalProperty().get();
        assertNotNull(again, "offered again: " + next.statusProperty().get());
        assertEquals(MyDigitsViewModel.FINE_TUNED_BEFORE, next.statusProperty().get());
        assertEquals(left.runId(), again.runId());
        assertEquals(left.result().summary(), again.result().summary());
        assertEquals(left.note(), again.note());
        next.accept();
        ActiveModel tuned = models.activeProperty().get();
        assertTrue(tuned.name().startsWith("fine-tuned-"), tuned.name());
        assertEquals(left.result().mnistAfter(), new io.digitstudio.train.Evaluator(Mnist.bundled().test(), 256).evaluate(tuned.model()).accuracy(), 1e-9,
                "the very model fine-tuned");
        assertEquals(List.of(left.runId()), history.list().stream().map(io.digitstudio.runs.RunSummary::id).toList());

        MyDigitsViewModel after = new MyDigitsViewModel(new SameThreadTasks(), dialogs, models, new MyDigits(dir.resolve("mine")), history);
        after.refresh();
        assertNull(after.proposalProperty().get(), "answered: not offered again");

        // left unanswered again, then discarded at the next launch: its run goes, and it is not offered a third time
        after.fineTune();
        MyDigitsViewModel discarding = new MyDigitsViewModel(new SameThreadTasks(), dialogs, models, new MyDigits(dir.resolve("mine")), history);
        discarding.refresh();
        assertNotNull(discarding.proposalProperty().get());
        discarding.discard();
        assertEquals(List.of(left.runId()), history.list().stream().map(io.digitstudio.runs.RunSummary::id).toList(), "the discarded one's run is gone");
        MyDigitsViewModel last = new MyDigitsViewModel(new SameThreadTasks(), dialogs, models, new MyDigits(dir.resolve("mine")), history);
        last.refresh();
        assertNull(last.proposalProperty().get());
    }

    /**
     * A trial watched the fine-tuning's bar go 30 % → 3 % → 48 %: it was indeterminate while MNIST was read and the
     * model measured before training (a segment sweeping the track, a third of it at times), and the first epoch's
     * figures then stepped it back. Every value the bar is given while a fine-tuning runs, over two epochs and the
     * measurements before and after, is a share of the whole, and only goes forward.
     */
    @Test
    void theFineTuningsProgressOnlyGoesForward() {
        MyDigitsViewModel vm = vm("mine");
        models.adopt(ActiveModel.of(ModelFiles.loadDefault().model(), "built-in", new ModelInfo(null, "MNIST", io.digitstudio.data.ClassNames.numbers(10)), null));
        keep(vm, 12);
        vm.setSettings(new FineTune.Settings(2, 0.005, 5, 1000, 0.3, 0));
        List<Double> seen = new java.util.ArrayList<>();
        List<String> said = new java.util.ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> {
            if (vm.busyProperty().get()) seen.add(b.doubleValue());
        });
        vm.progressTextProperty().addListener((o, a, b) -> {
            if (vm.busyProperty().get()) said.add(b);
        });
        vm.fineTune();
        assertNotNull(vm.proposalProperty().get(), vm.statusProperty().get());
        assertTrue(seen.size() > 10, "published as it went: " + seen);
        for (int i = 0; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= 0 && seen.get(i) <= 1, "a share of the whole, never indeterminate: " + seen.get(i) + " in " + seen);
            if (i > 0) assertTrue(seen.get(i) >= seen.get(i - 1), "went back from " + seen.get(i - 1) + " to " + seen.get(i) + " in " + seen);
        }
        // the text beside the bar says the phase, the phases in their order, each with the whole's share
        List<String> phases = said.stream().map(t -> t.replaceAll(" · \\d+ %$", "")).distinct().toList();
        assertEquals(List.of("Preparing", "Measuring before", "Epoch 1 of 2", "Epoch 2 of 2", "Measuring after"), phases, said.toString());
        assertEquals("Measuring after · 100 %", said.get(said.size() - 1));
        assertEquals("", vm.progressTextProperty().get(), "nothing said once it is done");
    }

    /** Runs work at once, except a training, which waits until {@link #finish} (a fine-tuning under way). */
    private static final class HeldTraining implements io.digitstudio.ui.core.TaskExecutor {
        private final SameThreadTasks now = new SameThreadTasks();
        private Runnable held;

        @Override
        public <T> java.util.concurrent.CompletableFuture<T> compute(java.util.concurrent.Callable<T> work) {
            return now.compute(work);
        }

        @Override
        public <T> java.util.concurrent.CompletableFuture<T> train(java.util.concurrent.Callable<T> work) {
            java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
            held = () -> now.compute(work).whenComplete((v, err) -> {
                if (err != null) f.completeExceptionally(err);
                else f.complete(v);
            });
            return f;
        }

        @Override
        public void onUi(Runnable r) {
            r.run();
        }

        void finish() {
            Runnable r = held;
            held = null;
            r.run();
        }
    }

    /**
     * The trial relabelled a 0 as 9 while a fine-tuning ran, told "Relabelled as 9" and nothing of the fine-tuning
     * having learnt the old label. While one runs, relabelling, deleting and Undo are refused with a line saying why;
     * once it is done they work again.
     */
    @Test
    void whileAFineTuningRunsTheDigitsItLearnsFromStayAsTheyAre() {
        HeldTraining tasks = new HeldTraining();
        MyDigitsViewModel vm = new MyDigitsViewModel(tasks, dialogs, models, new MyDigits(dir.resolve("mine")), null);
        models.adopt(ActiveModel.of(ModelFiles.loadDefault().model(), "built-in", new ModelInfo(null, "MNIST", io.digitstudio.data.ClassNames.numbers(10)), null));
        keep(vm, 12);
        vm.delete(List.of(vm.digits().get(11)));
        vm.setSettings(new FineTune.Settings(1, 0.005, 5, 1000, 0.3, 0));
        vm.fineTune();
        assertTrue(vm.busyProperty().get());
        List<Integer> labels = vm.digits().stream().map(MyDigit::label).toList();
        MyDigit first = vm.digits().get(0);
        vm.relabel(first, (first.label() + 1) % 10);
        assertEquals(MyDigitsViewModel.WHILE_FINE_TUNING, vm.statusProperty().get());
        vm.delete(List.of(vm.digits().get(1)));
        assertEquals(MyDigitsViewModel.WHILE_FINE_TUNING, vm.statusProperty().get());
        vm.undo();
        assertEquals(MyDigitsViewModel.WHILE_FINE_TUNING, vm.statusProperty().get());
        assertEquals(11, vm.digits().size());
        assertEquals(labels, vm.digits().stream().map(MyDigit::label).toList());
        MyDigitsViewModel again = vm("mine");
        again.refresh();
        assertEquals(labels, again.digits().stream().map(MyDigit::label).toList(), "on disk too");

        tasks.finish();
        assertNotNull(vm.proposalProperty().get(), vm.statusProperty().get());
        vm.relabel(vm.digits().get(0), (first.label() + 1) % 10);
        assertEquals((first.label() + 1) % 10, vm.digits().get(0).label(), "once it is done");
    }

    /**
     * Stop (what Quit does while a fine-tuning runs) ends it as a run's Stop ends a run: its record in the history says
     * stopped, its result is neither offered now nor at the next launch, and the model in use stays.
     */
    @Test
    void aStoppedFineTuningIsRecordedAsStoppedAndNotOffered() {
        io.digitstudio.runs.RunStore history = new io.digitstudio.runs.RunStore(dir.resolve("runs"));
        HeldTraining tasks = new HeldTraining();
        MyDigitsViewModel vm = new MyDigitsViewModel(tasks, dialogs, models, new MyDigits(dir.resolve("mine")), history);
        models.adopt(ActiveModel.of(ModelFiles.loadDefault().model(), "built-in", new ModelInfo(null, "MNIST", io.digitstudio.data.ClassNames.numbers(10)), null));
        vm.refresh();
        keep(vm, 12);
        vm.setSettings(new FineTune.Settings(1, 0.005, 5, 1000, 0.3, 0));
        vm.fineTune();
        java.util.concurrent.CompletableFuture<Void> ended = vm.stop();
        assertFalse(ended.isDone(), "it ends once the fine-tuning has");
        tasks.finish();
        assertTrue(ended.isDone());
        assertFalse(vm.busyProperty().get());
        assertNull(vm.proposalProperty().get());
        assertEquals("Fine-tuning stopped before it was done; built-in stays in use", vm.statusProperty().get());
        assertEquals(List.of("stopped"), history.list().stream().map(r -> r.status().label()).toList());
        assertEquals("built-in", models.activeProperty().get().name());
        MyDigitsViewModel next = vm("mine");
        next.refresh();
        assertNull(next.proposalProperty().get(), "not offered at the next launch either");
        assertTrue(vm.stop().isDone(), "nothing to stop");
    }

    /** The trial's folder: four pictures left out, each for its own reason; the toast's text names every one, a line each. */
    @Test
    void aFolderImportListsEverySkippedFileWithItsReasonAsTheCommandLineDoes() throws Exception {
        MyDigitsViewModel vm = vm("mine");
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        javax.imageio.ImageIO.write(new DrawnDigitsAccess(3).draw(3, 100), "png", pictures.resolve("3.png").toFile());
        javax.imageio.ImageIO.write(new DrawnDigitsAccess(3).draw(3, 100), "png", pictures.resolve("385.png").toFile());
        javax.imageio.ImageIO.write(new DrawnDigitsAccess(8).draw(8, 100), "png", pictures.resolve("unlabelled.png").toFile());
        Files.writeString(pictures.resolve("4_broken.png"), "not a picture");
        io.digitstudio.data.CameraDigits.Shot number = new io.digitstudio.data.CameraDigits(32).number(new int[]{2, 0, 4, 8});
        Files.write(pictures.resolve("7_n." + number.extension()), number.bytes());
        Files.writeString(pictures.resolve("readme.txt"), "my digits");
        dialogs.willChoose(pictures);
        vm.importFolder();
        List<String> lines = dialogs.infos.get(0).lines().toList();
        assertTrue(lines.get(0).startsWith("Imported: Added 1 digit from pictures; skipped 4"), dialogs.infos.get(0));
        assertEquals(6, lines.size(), "one line per skipped file and per file passed over: " + dialogs.infos.get(0));
        assertTrue(lines.get(5).startsWith("passed over readme.txt"), lines.get(5));
        assertTrue(lines.get(1).startsWith("385.png: its name starts with the number 385"), lines.get(1));
        assertTrue(lines.get(2).startsWith("4_broken.png: "), lines.get(2));
        assertTrue(lines.get(3).startsWith("7_n." + number.extension() + ": it holds 4 digits, not one"), lines.get(3));
        assertTrue(lines.get(4).startsWith("unlabelled.png: no label"), lines.get(4));
        assertEquals(List.of(3), vm.digits().stream().map(MyDigit::label).toList(), "the picture of 2048 is not kept as a 7");
    }
}
