package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/** eval --confusion and predict --format: the same numbers as eval, in text, JSON and CSV. */
class EvaluationCliTest {
    @TempDir
    Path dir;

    @Test
    void theMatrixRowsSumToTheSupportsAndItsTraceIsTheAccuracyEvalPrints() {
        String model = Path.of("assets/models/default.npz").toString();
        CliTest.Run plain = CliTest.run("eval", "--model", model, "--test-size", "2000");
        assertEquals(0, plain.code(), plain.err());
        double accuracy = Double.parseDouble(plain.out().replaceAll("(?s).*test_accuracy:([0-9.]+).*", "$1"));
        CliTest.Run text = CliTest.run("eval", "--model", model, "--test-size", "2000", "--confusion");
        assertEquals(0, text.code(), text.err());
        List<String> lines = text.out().lines().toList();
        int header = lines.indexOf("confusion matrix (rows: true label, columns: prediction)");
        long total = 0, trace = 0;
        List<Long> rowSums = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            String[] cells = lines.get(header + 2 + r).trim().split("\\s+");
            long sum = 0;
            for (int c = 1; c <= 10; c++) sum += Long.parseLong(cells[c]);
            rowSums.add(sum);
            total += sum;
            trace += Long.parseLong(cells[r + 1]);
        }
        assertEquals(2000, total);
        assertEquals(String.format(Locale.ROOT, "%.4f", accuracy), String.format(Locale.ROOT, "%.4f", (double) trace / total));
        int perClass = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("class ")) perClass = i;
        for (int c = 0; c < 10; c++) {
            String[] row = lines.get(perClass + 1 + c).trim().split("\\s+");
            assertEquals(String.valueOf(c), row[0]);
            assertEquals(rowSums.get(c), Long.parseLong(row[4]), "the support of " + c + " is its row's sum");
        }
        assertTrue(text.out().contains("most confused:"), text.out());

        CliTest.Run json = CliTest.run("eval", "--model", model, "--test-size", "2000", "--confusion", "--format", "json");
        assertEquals(0, json.code(), json.err());
        Map<String, Object> doc = io.digitstudio.io.Json.parseObject(json.out());
        assertEquals((double) trace / total, (Double) doc.get("accuracy"), 5e-7, json.out());
        assertEquals(10, ((List<?>) doc.get("confusion")).size());
        assertEquals(10, ((List<?>) doc.get("per_class")).size());
        assertTrue(doc.get("loss") instanceof Double, json.out());
        assertEquals((double) total, (Double) doc.get("count"));
        CliTest.Run csv = CliTest.run("eval", "--model", model, "--test-size", "2000", "--confusion", "--format", "csv");
        assertTrue(csv.out().startsWith("true\\predicted,0,1,2,3,4,5,6,7,8,9\n"), csv.out());
        CliTest.Run bad = CliTest.run("eval", "--model", model, "--format", "json");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--format json applies to --confusion"), bad.err());
    }

    @Test
    void evalAndPredictTakeTheModelOfAChainerTrainerSnapshot() throws Exception {
        Path snapshot = io.digitstudio.io.Fixtures.chainer("snapshot_iter_7", dir);
        CliTest.Run eval = CliTest.run("eval", "--model", snapshot.toString(), "--test-size", "500");
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.err().contains("note: snapshot_iter_7 is a training snapshot: using the model it holds (under updater/model:main/predictor/)"), eval.err());
        assertTrue(eval.out().matches("(?s).*test_accuracy:[0-9.]+.*"), eval.out());

        io.digitstudio.data.DrawnDigitsAccess drawings = new io.digitstudio.data.DrawnDigitsAccess(5);
        Path image = dir.resolve("d3.png");
        javax.imageio.ImageIO.write(drawings.draw(3, 200), "png", image.toFile());
        CliTest.Run predict = CliTest.run("predict", "--model", snapshot.toString(), "--format", "csv", image.toString());
        assertEquals(0, predict.code(), predict.err());
        assertEquals(2, predict.out().strip().lines().count(), predict.out());
    }

    @Test
    void predictWritesCsvAndJsonWithEveryProbability() throws Exception {
        io.digitstudio.data.DrawnDigitsAccess drawings = new io.digitstudio.data.DrawnDigitsAccess(5);
        for (int d : new int[]{3, 8}) javax.imageio.ImageIO.write(drawings.draw(d, 200), "png", dir.resolve("d" + d + ".png").toFile());
        CliTest.Run csv = CliTest.run("predict", "--format", "csv", dir.toString());
        assertEquals(0, csv.code(), csv.err());
        List<String> lines = csv.out().strip().lines().toList();
        assertEquals("path,label,confidence,p0,p1,p2,p3,p4,p5,p6,p7,p8,p9", lines.get(0));
        assertEquals(3, lines.size());
        String[] f = lines.get(1).split(",");
        assertEquals(13, f.length);
        double sum = 0;
        for (int i = 3; i < 13; i++) sum += Double.parseDouble(f[i]);
        assertEquals(1.0, sum, 1e-4);
        CliTest.Run json = CliTest.run("predict", "--format", "json", dir.toString());
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().strip().startsWith("[\n  {\"path\": ") && json.out().strip().endsWith("]}\n]".strip()), json.out());
        assertEquals(2, json.out().split("\"probabilities\": \\[").length - 1);
    }
}
