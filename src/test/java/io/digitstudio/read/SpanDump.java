package io.digitstudio.read;

import io.digitstudio.data.CameraDigits;
import io.digitstudio.data.DataException;
import io.digitstudio.data.RgbImage;
import io.digitstudio.data.Rng;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Diagnostics for tuning the number search's prices offline: every candidate span of every line of {@link
 * ReadingRates}' numbers (the same pictures, same seeds), with the network's probabilities, the pair detector's verdict
 * and the span's shape, one JSON object per picture. Run: {@code SpanDump SEED N OUT}.
 */
final class SpanDump {
    private SpanDump() {
    }

    static void dump(PrintStream out, String kind, int i, String truth, RgbImage picture, Predictor predictor) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "{\"kind\":\"%s\",\"i\":%d,\"truth\":\"%s\",\"lines\":[", kind, i, truth));
        List<DigitSegmenter.Line> lines;
        try {
            lines = DigitSegmenter.segment(InkFinder.find(picture)).candidates();
        } catch (DataException e) {
            out.println(s.append("]}"));
            return;
        }
        for (int li = 0; li < lines.size(); li++) {
            DigitSegmenter.Line line = lines.get(li);
            List<int[]> spans = new ArrayList<>();
            List<DigitBox> boxes = new ArrayList<>();
            NumberReader.spans(line, spans, boxes);
            float[][] inputs = new float[boxes.size()][];
            for (int k = 0; k < inputs.length; k++) inputs[k] = DigitPreprocessor.fromInk(boxes.get(k).ink());
            Prediction[] p = inputs.length == 0 ? new Prediction[0] : predictor.predict(inputs);
            double[] two = PairDetector.bundled().two(inputs);
            if (li > 0) s.append(',');
            s.append(String.format(Locale.ROOT, "{\"H\":%d,\"stroke\":%.3f,\"n\":%d,\"cut\":[", line.height(), line.stroke(), line.boundaries()));
            for (int b = 0; b < line.boundaries(); b++) s.append(b > 0 ? "," : "").append(line.isCut(b) ? 1 : 0);
            s.append("],\"cross\":[");
            for (int b = 0; b < line.boundaries(); b++) s.append(b > 0 ? "," : "").append(line.crossings(b));
            s.append("],\"cost\":[");
            for (int b = 0; b < line.boundaries(); b++) s.append(b > 0 ? "," : "").append(String.format(Locale.ROOT, "%.2f", line.cost(b)));
            s.append("],\"pos\":[");
            for (int b = 0; b < line.boundaries(); b++) s.append(b > 0 ? "," : "").append(String.format(Locale.ROOT, "%.2f", line.position(b)));
            s.append("],\"spans\":[");
            for (int k = 0; k < spans.size(); k++) {
                if (k > 0) s.append(',');
                var ink = boxes.get(k).ink();
                double mass = 0;
                for (float v : ink.pixels()) mass += v;
                s.append(String.format(Locale.ROOT, "[%d,%d,%d,%d,%.1f,%.5f,[", spans.get(k)[0], spans.get(k)[1], ink.width() - 2, ink.height() - 2, mass, two[k]));
                float[] pr = p[k].probabilities();
                for (int c = 0; c < pr.length; c++) s.append(c > 0 ? "," : "").append(String.format(Locale.ROOT, "%.5g", pr[c]));
                s.append("]]");
            }
            s.append("]}");
        }
        out.println(s.append("]}"));
    }

    public static void main(String[] args) throws Exception {
        long seed = Long.parseLong(args[0]);
        int n = Integer.parseInt(args[1]);
        Nd4jSetup.init();
        Predictor predictor = ReadingRates.builtIn();
        try (PrintStream out = new PrintStream(args[2], "UTF-8")) {
            for (boolean touching : new boolean[]{true, false}) {
                PaperPhotos photos = new PaperPhotos(seed, predictor);
                Rng rng = new Rng(seed * 7 + 1);
                for (int i = 0; i < n; i++) {
                    int[] digits = new int[2 + i % 7];
                    for (int j = 0; j < digits.length; j++) digits[j] = rng.nextInt(10);
                    PaperPhotos.Photo ph = touching ? photos.touching(digits, rng.nextInt(digits.length - 1)) : photos.apart(digits);
                    dump(out, touching ? "touch" : "apart", i, ph.digits(), ph.image(), predictor);
                }
            }
            CameraDigits cam = new CameraDigits(seed);
            Rng rng = new Rng(seed * 7 + 3);
            for (int i = 0; i < n; i++) {
                int[] digits = new int[2 + i % 7];
                for (int j = 0; j < digits.length; j++) digits[j] = rng.nextInt(10);
                CameraDigits.Shot sh = cam.touchingPair(digits, rng.nextInt(digits.length - 1));
                dump(out, "camera", i, sh.digits(), ReadingRates.decode(sh), predictor);
            }
        }
    }
}
