package io.digitstudio.ui.train;

import io.digitstudio.ui.core.HeldTasks;

import io.digitstudio.data.DataSummary;
import io.digitstudio.data.ImageFolderTest;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.io.IdxWriter;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.ui.SameThreadTasks;
import io.digitstudio.ui.TestDialogs;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.model.RecentModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Train form's data picker under plain JUnit: each kind of data chosen through scripted dialogs, read through the
 * task executor, and what was found (or why it cannot be used) as the form shows it.
 */
class DataPickerTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void engine() {
        Nd4jSetup.init();
    }

    private final SameThreadTasks tasks = new SameThreadTasks();
    private final TestDialogs dialogs = new TestDialogs();
    private final TrainSettings settings = new TrainSettings();

    private List<String> names(DataPicker p) {
        return p.classes().stream().map(DataPicker.ClassCount::name).toList();
    }

    private static int sum(List<DataPicker.ClassCount> rows, boolean train) {
        return rows.stream().mapToInt(c -> train ? c.train() : c.test()).sum();
    }

    /** The last layer's output shape in the form's network table. */
    private String outputShape() {
        var rows = settings.summaryProperty().get().rows();
        return rows.get(rows.size() - 1).shapeText();
    }

    @Test
    void theBundledMnistIsTheDefaultAndItsClassesAreCounted() {
        DataPicker p = new DataPicker(settings, tasks, dialogs);
        assertEquals(DataSummary.Kind.BUNDLED, p.kindProperty().get());
        assertNull(p.path());
        assertNull(p.problemProperty().get());
        assertFalse(p.readingProperty().get());
        assertEquals("MNIST (bundled): 10 classes, 60,000 training and 10,000 test images", p.descriptionProperty().get());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), names(p));
        // MNIST's published class sizes: 6,742 ones in the training set, 1,135 in the test set
        assertEquals(new DataPicker.ClassCount("1", 6742, 1135), p.classes().get(1));
        assertEquals(60000, sum(p.classes(), true));
        assertEquals(10000, sum(p.classes(), false));
        assertTrue(dialogs.asked.isEmpty(), "no chooser for the bundled data");
        assertNull(settings.validationProperty().get());
        assertEquals("(10,)", outputShape());
    }

    @Test
    void anIdxFolderShowsItsClassesAndCounts() throws IOException {
        Path idx = Files.createDirectories(dir.resolve("small-idx"));
        idx(idx, Mnist.bundled().train(), "train", 300);
        idx(idx, Mnist.bundled().test(), "t10k", 100);
        DataPicker p = new DataPicker(settings, tasks, dialogs);
        dialogs.willChoose(idx);
        assertTrue(p.choose(DataSummary.Kind.IDX));
        assertEquals(List.of("folder: Folder with MNIST-style IDX files"), dialogs.asked);
        assertEquals(idx, settings.dataFolderProperty().get(), "the run's settings take the folder");
        assertEquals(DataSummary.Kind.IDX, p.kindProperty().get());
        assertNull(p.problemProperty().get());
        assertEquals("IDX folder “small-idx”: 10 classes, 300 training and 100 test images", p.descriptionProperty().get());
        assertEquals(300, sum(p.classes(), true));
        assertEquals(100, sum(p.classes(), false));
        int ones = 0;
        for (int i = 0; i < 300; i++) if (Mnist.bundled().train().label(i) == 1) ones++;
        assertEquals(ones, p.classes().get(1).train());
        // the subset fields are checked against what the folder has
        settings.trainLimitProperty().set("400");
        assertEquals("The data has 300 training examples, 400 asked", settings.fieldErrorProperty("trainLimit").get());
        settings.trainLimitProperty().set("");
        assertNull(settings.validationProperty().get());

        // the same folder taken for a picture folder is named for what it is
        dialogs.willChoose(idx);
        assertTrue(p.choose(DataSummary.Kind.IMAGES));
        assertEquals(idx + ": holds IDX files, not class subfolders; choose it as an IDX folder", p.problemProperty().get());
    }

    private static void idx(Path folder, LabeledImages set, String prefix, int n) throws IOException {
        byte[] px = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) set.label(i);
            for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) px[i * 784 + r * 28 + c] = (byte) set.pixel(i, r, c);
        }
        IdxWriter.images(folder.resolve(prefix + "-images-idx3-ubyte"), px, n, 28, 28);
        IdxWriter.labels(folder.resolve(prefix + "-labels-idx1-ubyte"), labels);
    }

    /** Three classes of MNIST test digits as pictures, 14 of each, in folders named out of order. */
    private Path letters() throws IOException {
        Path root = dir.resolve("letters");
        ImageFolderTest.pictures(root, Mnist.bundled().test(), new int[]{0, 1, 7}, new String[]{"gamma", "alpha", "beta"}, 14);
        return root;
    }

    @Test
    void anImageFolderShowsItsFolderNamesAndTheNetworkHasOneOutputPerClass() throws IOException {
        Path root = letters();
        DataPicker p = new DataPicker(settings, tasks, dialogs);
        dialogs.willChoose(root);
        assertTrue(p.choose(DataSummary.Kind.IMAGES));
        assertEquals(List.of("folder: Folder of pictures, one subfolder per class"), dialogs.asked);
        assertNull(p.problemProperty().get());
        assertEquals(List.of("alpha", "beta", "gamma"), names(p), "the folder names, sorted");
        assertEquals("Image folder “letters”: 3 classes, 36 training and 6 test images", p.descriptionProperty().get());
        for (DataPicker.ClassCount c : p.classes()) assertEquals(14, c.train() + c.test(), c.name());
        assertEquals("(3,)", outputShape(), "the last layer has one output per class");
        // 36 training examples: a batch of 128 cannot be filled
        assertEquals("Batch size 128 is larger than the 36 training examples", settings.fieldErrorProperty("batchSize").get());
        settings.batchSizeProperty().set("8");
        assertNull(settings.validationProperty().get());

        // back to MNIST: ten outputs again, and nothing is asked
        assertTrue(p.choose(DataSummary.Kind.BUNDLED));
        assertNull(settings.dataFolderProperty().get());
        assertEquals("(10,)", outputShape());
        assertEquals(1, dialogs.asked.size());
    }

    @Test
    void aKaggleCsvIsSplitAndCounted() throws IOException {
        Path csv = dir.resolve("train.csv");
        LabeledImages t = Mnist.bundled().test();
        StringBuilder b = new StringBuilder("label");
        for (int j = 0; j < 784; j++) b.append(",pixel").append(j);
        b.append('\n');
        for (int i = 0; i < 70; i++) {
            b.append(t.label(i));
            for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) b.append(',').append(t.pixel(i, r, c));
            b.append('\n');
        }
        Files.writeString(csv, b);
        DataPicker p = new DataPicker(settings, tasks, dialogs);
        dialogs.willChoose(csv);
        assertTrue(p.choose(DataSummary.Kind.CSV));
        assertEquals(List.of("open: Kaggle Digit Recognizer CSV (label,pixel0,...)"), dialogs.asked);
        assertEquals(csv, settings.dataFolderProperty().get());
        assertNull(p.problemProperty().get());
        assertEquals("CSV file (Kaggle) “train.csv”: 10 classes, 60 training and 10 test images", p.descriptionProperty().get());
        assertEquals(70, sum(p.classes(), true) + sum(p.classes(), false));

        // a ragged row: one line naming the line, and Start stays off with it
        Files.writeString(csv, b + "3,0,0\n");
        p.reread();
        assertEquals("train.csv: line 72: 3 values, expected 785", p.problemProperty().get());
        assertEquals(p.problemProperty().get(), settings.fieldErrorProperty("data").get());
    }

    @Test
    void aBadFolderSaysWhyInOneLineAndKeepsStartOff() throws IOException {
        DataPicker p = new DataPicker(settings, tasks, dialogs);
        Path empty = Files.createDirectories(dir.resolve("empty"));
        dialogs.willChoose(empty);
        assertTrue(p.choose(DataSummary.Kind.IMAGES));
        String why = empty + ": no class subfolders; an image folder has one subfolder of pictures per class (or train/ and test/ with them)";
        assertEquals(why, p.problemProperty().get());
        assertNull(p.foundProperty().get());
        assertTrue(p.classes().isEmpty());
        assertEquals(why, settings.fieldErrorProperty("data").get(), "shown by the data field");
        assertEquals(why, settings.validationProperty().get(), "Start is off");
        assertEquals(why, settings.startBlocker());

        // train/ and test/ with other classes
        Path split = dir.resolve("split");
        ImageFolderTest.pictures(split.resolve("train"), Mnist.bundled().test(), new int[]{0, 1}, new String[]{"a", "b"}, 2);
        ImageFolderTest.pictures(split.resolve("test"), Mnist.bundled().test(), new int[]{0, 2}, new String[]{"a", "c"}, 2);
        dialogs.willChoose(split);
        assertTrue(p.choose(DataSummary.Kind.IMAGES));
        assertEquals(split.toAbsolutePath() + ": train/ has the classes [a, b] but test/ has [a, c]; they must be the same", p.problemProperty().get());

        // an IDX folder with a damaged file
        Path junk = Files.createDirectories(dir.resolve("junk"));
        Files.writeString(junk.resolve("train-images-idx3-ubyte"), "junk");
        dialogs.willChoose(junk);
        assertTrue(p.choose(DataSummary.Kind.IDX));
        assertTrue(p.problemProperty().get().contains("train-images-idx3-ubyte: not an IDX file"), p.problemProperty().get());

        // a file that is gone since it was chosen
        dialogs.willChoose(dir.resolve("gone.csv"));
        assertTrue(p.choose(DataSummary.Kind.CSV));
        assertEquals(dir.resolve("gone.csv") + ": not found", p.problemProperty().get());

        // a cancelled chooser leaves the choice as it was
        assertFalse(p.choose(DataSummary.Kind.IMAGES));
        assertEquals(DataSummary.Kind.CSV, p.kindProperty().get());
        assertEquals(dir.resolve("gone.csv"), settings.dataFolderProperty().get());

        // MNIST again: usable, and Start is on
        assertTrue(p.choose(DataSummary.Kind.BUNDLED));
        assertNull(p.problemProperty().get());
        assertNull(settings.fieldErrorProperty("data").get());
        assertNull(settings.validationProperty().get());
    }

    @Test
    void aRecordedRunsDataIsFoundAgainFromItsSource() {
        assertNull(DataPicker.pathOf(Mnist.BUNDLED_SOURCE));
        assertNull(DataPicker.pathOf(""));
        Path csv = dir.resolve("train.csv").toAbsolutePath();
        assertEquals(csv, DataPicker.pathOf(csv.toString()));
        Path folder = dir.resolve("letters (2)").toAbsolutePath();
        assertEquals(folder, DataPicker.pathOf(folder + " (2 blank pictures left out: a/1.png, b/2.png)"), "the note is not part of the path");
        assertEquals(folder, DataPicker.pathOf(folder + " (1 blank picture left out: a/1.png)"));
        assertEquals(folder, DataPicker.pathOf(folder + " (1 blank picture left out: a/1.png; 1 folder without pictures passed over: c/)"));
        assertEquals(folder, DataPicker.pathOf(folder + " (2 folders without pictures passed over: c/, d/)"));
        assertEquals(folder, DataPicker.pathOf(folder.toString()));

        // a run filled in again: the picker reads its data as whatever it is
        DataPicker p = new DataPicker(settings, tasks, dialogs);
        settings.dataFolderProperty().set(DataPicker.pathOf(dir.resolve("moved-away").toAbsolutePath().toString()));
        assertEquals(dir.resolve("moved-away").toAbsolutePath() + ": not found", p.problemProperty().get());
        assertTrue(dialogs.asked.isEmpty());
    }

    @Test
    void onlyTheNewestChoiceIsShownAndNothingIsReadOnTheCallersThread() throws IOException {
        Path root = letters();
        HeldTasks held = new HeldTasks();
        DataPicker p = new DataPicker(settings, held, dialogs);
        assertTrue(p.readingProperty().get(), "MNIST is read on a worker");
        assertEquals("Reading the bundled MNIST…", p.descriptionProperty().get());
        dialogs.willChoose(root);
        p.choose(DataSummary.Kind.IMAGES);
        assertEquals("Reading letters…", p.descriptionProperty().get());
        assertTrue(p.classes().isEmpty());
        held.held.pollLast().run(); // the folder's answer first
        held.held.pollFirst().run(); // then MNIST's, which is no longer wanted
        assertFalse(p.readingProperty().get());
        assertEquals(List.of("alpha", "beta", "gamma"), names(p));
        assertEquals(DataSummary.Kind.IMAGES, p.kindProperty().get());
    }

    @Test
    void aRunTrainsOnTheChosenFolderAndItsResumeKeepsThatData() throws IOException {
        Path root = letters();
        ModelManager models = new ModelManager(tasks, dialogs, RecentModels.inMemory());
        models.loadBuiltIn();
        io.digitstudio.runs.RunStore history = new io.digitstudio.runs.RunStore(dir.resolve("runs"));
        RunPresenter presenter = new RunPresenter();
        RunControl run = new RunControl(settings, presenter, tasks, dialogs, models, history);
        DataPicker p = new DataPicker(settings, tasks, dialogs);
        dialogs.willChoose(root);
        p.choose(DataSummary.Kind.IMAGES);
        settings.batchSizeProperty().set("6");
        settings.epochsProperty().set("1");
        settings.snapshotsProperty().set(true);
        run.start();
        assertEquals(RunState.FINISHED, run.stateProperty().get(), dialogs.errors.toString());
        assertEquals(List.of("alpha", "beta", "gamma"), run.trainedModelProperty().get().info().classNames());
        assertEquals(3, run.trainedNetwork().classes(), "one output per class");
        io.digitstudio.runs.RunSummary r = history.list().get(0);
        assertEquals("letters", r.settings().dataName());
        assertEquals(root.toAbsolutePath().toString(), r.settings().dataSource(), "run.json records the folder");
        assertEquals(36, r.settings().trainSize());

        // the form moves on to MNIST; the run resumed goes on with its own pictures, and the form shows them again
        p.choose(DataSummary.Kind.BUNDLED);
        settings.epochsProperty().set("2");
        run.resume(history.lastSnapshot(r).orElseThrow());
        assertEquals(RunState.FINISHED, run.stateProperty().get(), dialogs.errors.toString());
        assertEquals(2, run.resultProperty().get().last().epoch());
        assertEquals(List.of("alpha", "beta", "gamma"), run.trainedModelProperty().get().info().classNames());
        assertEquals(root.toAbsolutePath(), settings.dataFolderProperty().get());
        assertEquals(DataSummary.Kind.IMAGES, p.kindProperty().get());
        assertEquals(List.of("alpha", "beta", "gamma"), names(p));
        assertEquals(1, history.list().size(), "the same run, resumed in its own record");
    }
}
