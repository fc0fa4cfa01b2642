package io.digitstudio.cli;

import io.digitstudio.data.KaggleCsvTest;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Kaggle's Digit Recognizer end to end on CSVs made from MNIST: eval on train.csv's held-out rows, a submission for test.csv. */
class KaggleCliTest {
    @TempDir
    Path dir;

    @Test
    void aFileThatIsNoCsvIsAnsweredWithTheFormsDataTakesAsAFolderIs() throws Exception {
        Path png = Files.writeString(dir.resolve("text.png"), "not a picture of digits");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliTest.Run file = CliTest.run("train", "--data", png.toString(), "--epochs", "1", "--no-record", "--out", dir.resolve("m.npz").toString());
        CliTest.Run folder = CliTest.run("train", "--data", empty.toString(), "--epochs", "1", "--no-record", "--out", dir.resolve("m.npz").toString());
        assertEquals(2, file.code(), file.err());
        assertEquals(2, folder.code(), folder.err());
        assertEquals(1, file.err().strip().lines().count(), file.err());
        String accepted = "; a data folder holds MNIST's IDX files";
        assertTrue(file.err().startsWith("digitstudio train: error: " + png + ": not a data folder"), file.err());
        assertTrue(file.err().contains(accepted) && folder.err().contains(accepted), file.err() + folder.err());
        String forms = folder.err().substring(folder.err().indexOf(accepted)).strip();
        assertTrue(forms.endsWith("or give a Kaggle CSV file"), forms);
        assertEquals(forms, file.err().substring(file.err().indexOf(accepted)).strip(), "a file and a folder are told the same accepted forms");
    }

    @Test
    void aSubmissionHasOneLabelPerRowAndItsAccuracyIsEvals() throws Exception {
        LabeledImages test = Mnist.bundled().test();
        Path csv = KaggleCsvTest.csv(dir.resolve("test.csv"), test, 500, false);
        Path sub = dir.resolve("submission.csv");
        CliTest.Run r = CliTest.run("predict", "--kaggle", csv.toString(), "--out", sub.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(sub);
        assertEquals("ImageId,Label", lines.get(0));
        assertEquals(501, lines.size());
        int right = 0;
        for (int i = 1; i <= 500; i++) {
            String[] cells = lines.get(i).split(",");
            assertEquals(String.valueOf(i), cells[0]);
            if (Integer.parseInt(cells[1]) == test.label(i - 1)) right++;
        }
        CliTest.Run eval = CliTest.run("eval", "--model", "assets/models/default.npz", "--test-size", "500");
        double acc = Double.parseDouble(eval.out().replaceAll("(?s).*test_accuracy:([0-9.]+).*", "$1"));
        assertEquals(acc, right / 500.0, 1e-9, "the same model on the same images");

        CliTest.Run again = CliTest.run("predict", "--kaggle", csv.toString(), "--out", sub.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("submission.csv exists; add --force to replace it"), again.err());
        CliTest.Run noOut = CliTest.run("predict", "--kaggle", csv.toString());
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--kaggle needs --out FILE.csv"), noOut.err());
    }

    @Test
    void evalReadsATrainCsvsHeldOutRows() throws Exception {
        // train reads --data through the same Mnist.load once its command leaves the folder check to it
        Path csv = KaggleCsvTest.csv(dir.resolve("train.csv"), Mnist.bundled().test(), 2100, true);
        Path model = Path.of("assets/models/default.npz");
        CliTest.Run e = CliTest.run("eval", "--data", csv.toString(), "--model", model.toString());
        assertEquals(0, e.code(), e.err());
        double acc = Double.parseDouble(e.out().replaceAll("(?s).*test_accuracy:([0-9.]+).*", "$1"));
        assertTrue(acc > 0.9, "the built-in model on 300 held-out MNIST test rows: " + acc);

        Path bad = Files.writeString(dir.resolve("bad.csv"), "label,pixel0,pixel1,pixel2,pixel3\n1,0,0,0,0\n3,0,0\n");
        CliTest.Run b = CliTest.run("eval", "--data", bad.toString(), "--model", model.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().contains("digitstudio eval: error: bad.csv: line 3: 3 values, expected 5"), b.err());
    }
}
