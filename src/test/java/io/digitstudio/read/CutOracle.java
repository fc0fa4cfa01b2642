package io.digitstudio.read;

import io.digitstudio.data.DataException;
import io.digitstudio.data.Rng;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Diagnostics for issue 33's touching pairs: how far the segmenter's candidate cuts lie from the true parting of the
 * pair ({@link PaperPhotos.Photo#owner}), and how the pair's two true pieces read. For each of {@link ReadingRates}'
 * touching numbers (same pictures, same seeds) it prints the ink of the pair's piece given to the wrong digit by the
 * best candidate cut, by the true cut drawn one column per row, the ink runs and parted places along that cut, and the
 * network's and the pair detector's readings of the true pieces. Run: {@code CutOracle SEED N}.
 */
final class CutOracle {
    private CutOracle() {
    }

    /** One picture's line: the true cut through the touching pair and what it says about the candidates. */
    static String report(PaperPhotos.Photo photo, int pair, Predictor predictor) {
        InkMap map;
        try {
            map = InkFinder.find(photo.image());
        } catch (DataException e) {
            return "no ink";
        }
        DigitSegmenter.Labels labels = DigitSegmenter.Labels.of(map);
        int w = map.width(), h = map.height(), pw = photo.image().width(), ph = photo.image().height();
        int[] own = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int px = Math.min(pw - 1, (int) Math.floor((x + 0.5) * map.scale())), py = Math.min(ph - 1, (int) Math.floor((y + 0.5) * map.scale()));
                own[y * w + x] = photo.owner()[py * pw + px];
            }
        }
        // the piece holding ink of both digits of the pair
        int piece = -1, most = 0;
        for (int id = 0; id < labels.pieces().size(); id++) {
            int a = 0, b = 0;
            DigitSegmenter.Group g = labels.pieces().get(id);
            for (int y = g.y0; y < g.y1; y++) {
                for (int x = g.x0; x < g.x1; x++) {
                    if (labels.label()[y * w + x] != id) continue;
                    if (own[y * w + x] == pair) a++;
                    if (own[y * w + x] == pair + 1) b++;
                }
            }
            if (Math.min(a, b) > most) {
                most = Math.min(a, b);
                piece = id;
            }
        }
        if (piece < 0) return "the pair does not touch in the mask";
        DigitSegmenter.Group g = labels.pieces().get(piece);
        double[] xs = new double[g.height()];
        double last = (g.x0 + g.x1) / 2.0;
        for (int y = g.y0; y < g.y1; y++) {
            int maxA = -1, minB = Integer.MAX_VALUE;
            for (int x = g.x0; x < g.x1; x++) {
                if (labels.label()[y * w + x] != piece) continue;
                if (own[y * w + x] == pair) maxA = x;
                if (own[y * w + x] == pair + 1 && minB == Integer.MAX_VALUE) minB = x;
            }
            double x;
            if (maxA >= 0 && minB < Integer.MAX_VALUE) x = Math.floor((maxA + 1 + minB) / 2.0);
            else if (maxA >= 0) x = maxA + 1;
            else if (minB < Integer.MAX_VALUE) x = minB;
            else x = last;
            xs[y - g.y0] = x;
            last = x;
        }
        DigitSegmenter.Cut truth = new DigitSegmenter.Cut(g.y0, xs);
        int oracleWrong = wrong(g, labels, own, piece, pair, truth);
        int runs = 0;
        boolean in = false;
        for (int y = g.y0; y < g.y1; y++) {
            int x = (int) Math.floor(truth.at(y));
            boolean ink = x >= g.x0 && x < g.x1 && labels.label()[y * w + x] == piece;
            if (ink && !in) runs++;
            in = ink;
        }
        // the true cut as a gap path: neighbouring ink pairs it parts, places, and how far it strays from a straight line
        int parted = 0, places = 0, seamN = 0;
        double seamInk = 0;
        boolean parting = false;
        for (int y = g.y0; y < g.y1; y++) {
            int q = (int) truth.at(y);
            boolean parts = q > g.x0 && q < g.x1 && labels.label()[y * w + q - 1] == piece && labels.label()[y * w + q] == piece;
            int cost = parts ? 1 : 0;
            if (parts) {
                seamInk += Math.min(map.ink()[y * w + q - 1], map.ink()[y * w + q]);
                seamN++;
            }
            if (y > g.y0) {
                int p0 = (int) truth.at(y - 1);
                for (int c = Math.min(p0, q); c < Math.max(p0, q); c++) {
                    if (labels.label()[(y - 1) * w + c] == piece && labels.label()[y * w + c] == piece) cost++;
                }
            }
            parted += cost;
            if (cost > 0 && !parting) places++;
            parting = cost > 0;
        }
        double sy = 0, sx = 0, syy = 0, sxy = 0;
        int m = g.height();
        for (int y = 0; y < m; y++) {
            sy += y;
            sx += xs[y];
            syy += (double) y * y;
            sxy += y * xs[y];
        }
        double slope = (m * sxy - sy * sx) / Math.max(1e-9, m * syy - sy * sy), icpt = (sx - slope * sy) / m, stray = 0;
        for (int y = 0; y < m; y++) stray = Math.max(stray, Math.abs(xs[y] - (icpt + slope * y)));
        String gap = String.format(Locale.ROOT, "gap cost %d places %d stray %.2fH slope %.2f seam ink %.2f over %d; ", parted, places, stray / m, slope, seamInk / Math.max(1, seamN), seamN);
        // the candidates: every cut of the segmenter's lines inside this piece
        int bestWrong = Integer.MAX_VALUE;
        int bestCross = -1;
        double bestCost = -1;
        for (DigitSegmenter.Line line : DigitSegmenter.segment(map).candidates()) {
            for (int b = 0; b < line.boundaries(); b++) {
                DigitSegmenter.Cut c = line.cutAt(b);
                if (c == null || c.meanX() < g.x0 || c.meanX() >= g.x1) continue;
                int wr = wrong(g, labels, own, piece, pair, c);
                if (wr < bestWrong) {
                    bestWrong = wr;
                    bestCross = line.crossings(b);
                    bestCost = line.cost(b);
                }
            }
        }
        // the true pieces, read
        StringBuilder s = new StringBuilder(gap + String.format(Locale.ROOT, "piece %d px, stroke~%.1f; true cut: %d wrong, %d runs; best candidate: %s",
                g.area, Math.sqrt(g.area / (double) Math.max(1, g.height())), oracleWrong, runs,
                bestWrong == Integer.MAX_VALUE ? "none" : bestWrong + " wrong, " + bestCross + " crossings, cost " + String.format(Locale.ROOT, "%.1f", bestCost)));
        List<float[]> inputs = new ArrayList<>();
        for (int side = 0; side < 2; side++) {
            DigitSegmenter.Group part = g.copy();
            if (side == 0) part.right = truth;
            else part.left = truth;
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
            for (int y = g.y0; y < g.y1; y++) {
                for (int x = g.x0; x < g.x1; x++) {
                    if (labels.label()[y * w + x] != piece || !part.owns(x, y)) continue;
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
            if (x1 < 0) return s.append("; a true piece is empty").toString();
            part.x0 = x0;
            part.y0 = y0;
            part.x1 = x1;
            part.y1 = y1;
            inputs.add(DigitPreprocessor.fromInk(DigitSegmenter.crop(map, labels, part)));
        }
        float[][] in2 = inputs.toArray(new float[0][]);
        Prediction[] p = predictor.predict(in2);
        double[] two = PairDetector.bundled().two(in2);
        for (int k = 0; k < 2; k++) {
            s.append(String.format(Locale.ROOT, "; %c %d@%.2f two %.2f", photo.digits().charAt(pair + k), p[k].label(), p[k].confidence(), two[k]));
        }
        return s.toString();
    }

    /** Pixels of the piece that cut {@code c} gives to the other digit of the pair. */
    private static int wrong(DigitSegmenter.Group g, DigitSegmenter.Labels labels, int[] own, int piece, int pair, DigitSegmenter.Cut c) {
        int n = 0, w = labels.width();
        for (int y = g.y0; y < g.y1; y++) {
            for (int x = g.x0; x < g.x1; x++) {
                if (labels.label()[y * w + x] != piece) continue;
                boolean right = x >= c.at(y);
                if (own[y * w + x] == pair && right) n++;
                if (own[y * w + x] == pair + 1 && !right) n++;
            }
        }
        return n;
    }

    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        int n = Integer.parseInt(args[1]);
        Nd4jSetup.init();
        Predictor predictor = ReadingRates.builtIn();
        PaperPhotos photos = new PaperPhotos(seed, predictor);
        Rng rng = new Rng(seed * 7 + 1);
        NumberReader reader = new NumberReader(predictor);
        int near = 0, right = 0;
        for (int i = 0; i < n; i++) {
            int[] digits = new int[2 + i % 7];
            for (int j = 0; j < digits.length; j++) digits[j] = rng.nextInt(10);
            int pair = rng.nextInt(digits.length - 1);
            PaperPhotos.Photo p = photos.touching(digits, pair);
            String read;
            try {
                read = reader.number(p.image()).number(String::valueOf);
            } catch (DataException e) {
                read = "(" + e.getMessage() + ")";
            }
            String r = report(p, pair, predictor);
            java.util.regex.Matcher mm = java.util.regex.Pattern.compile("piece (\\d+) px.*best candidate: (\\d+) wrong").matcher(r);
            if (mm.find() && Integer.parseInt(mm.group(2)) <= 0.03 * Integer.parseInt(mm.group(1))) near++;
            if (read.equals(p.digits())) right++;
            System.out.printf(Locale.ROOT, "#%d %s->%s %s pair %d: %s%n", i, p.digits(), read, read.equals(p.digits()) ? "ok  " : "MISS", pair, r);
        }
        System.out.printf(Locale.ROOT, "read right %d of %d; a candidate within 3%% of the piece's ink of the true cut: %d%n", right, n, near);
    }
}
