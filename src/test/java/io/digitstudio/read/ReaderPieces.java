package io.digitstudio.read;

import io.digitstudio.data.DataException;
import io.digitstudio.data.GreyImage;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.RgbImage;
import io.digitstudio.data.Rng;

import java.util.ArrayList;
import java.util.List;

/**
 * The pieces {@link NumberReader} reads, labelled one digit or two: numbers of MNIST digits with one touching pair,
 * drawn on paper, found and cut by the reader's own ink finder and segmenter, and every run of pieces its search reads
 * ({@link NumberReader#spans}) prepared as it prepares them. A piece's label comes from the digits its ink belongs to,
 * known from the drawing: two (or more) digits with most of their ink in it make "two"; one digit, or part of one, with
 * at most a scrap of a neighbour's stroke at the cut edge makes "one"; a piece between (half a neighbour) is left out,
 * since neither answer is right for it. Synthetic pairs alone never show the detector a digit with a neighbour's scrap,
 * a digit cut off short, or a pair cut apart where the segmenter cuts.
 */
final class ReaderPieces {
    /** A digit with at least this share of its ink in a piece counts as in it. */
    static final double IN = 0.5;
    /** A neighbour with at most this share of its ink in a piece is a scrap at its edge. */
    static final double SCRAP = 0.25;

    /** One labelled piece: its prepared input and whether it holds two digits. */
    record Piece(float[] x, boolean two) {
    }

    private final LabeledImages mnist;
    private final int from, to;
    private final Rng rng;

    /** Pieces of numbers made from MNIST images {@code from} to {@code to} - 1 of {@code mnist}, drawn with {@code seed}. */
    ReaderPieces(LabeledImages mnist, int from, int to, long seed) {
        this.mnist = mnist;
        this.from = from;
        this.to = to;
        this.rng = new Rng(seed);
    }

    /** The labelled pieces of one more number of 2-4 digits, two of which touch. */
    List<Piece> next() {
        int n = 2 + rng.nextInt(3);
        double scale = 2.5 + 2 * rng.nextDouble();
        List<Glyph> glyphs = new ArrayList<>();
        int tallest = 0;
        for (int i = 0; i < n; i++) {
            Glyph g = Glyph.of(mnist, from + rng.nextInt(to - from), scale, true);
            glyphs.add(g);
            tallest = Math.max(tallest, g.h());
        }
        int touching = rng.nextInt(n - 1);
        int[] xs = new int[n], ys = new int[n];
        int right = 0;
        for (int i = 0; i < n; i++) {
            Glyph g = glyphs.get(i);
            ys[i] = (int) Math.round((tallest - g.h()) / 2.0 + (rng.nextDouble() - 0.5) * 0.12 * tallest);
            if (i == 0) xs[i] = 0;
            else if (i - 1 == touching) xs[i] = Glyph.touchingAt(glyphs.get(i - 1), xs[i - 1], ys[i - 1], g, ys[i], rng.nextInt(5));
            else xs[i] = right + (int) Math.round((0.12 + 0.28 * rng.nextDouble()) * tallest);
            right = Math.max(right, xs[i] + g.w());
        }
        return pieces(glyphs, xs, ys);
    }

    private List<Piece> pieces(List<Glyph> glyphs, int[] xs, int[] ys) {
        int left = 0, top = Integer.MAX_VALUE, right = 0, bottom = Integer.MIN_VALUE;
        for (int i = 0; i < glyphs.size(); i++) {
            top = Math.min(top, ys[i]);
            right = Math.max(right, xs[i] + glyphs.get(i).w());
            bottom = Math.max(bottom, ys[i] + glyphs.get(i).h());
        }
        int margin = (bottom - top) / 2;
        int w = right - left + 2 * margin, h = bottom - top + 2 * margin;
        float[] cover = new float[w * h];
        int[] owner = new int[w * h];
        java.util.Arrays.fill(owner, -1);
        for (int i = 0; i < glyphs.size(); i++) {
            Glyph g = glyphs.get(i);
            for (int y = 0; y < g.h(); y++) {
                for (int x = 0; x < g.w(); x++) {
                    int p = (ys[i] - top + margin + y) * w + xs[i] - left + margin + x;
                    float c = g.c()[y * g.w() + x];
                    if (c > cover[p]) {
                        cover[p] = c;
                        owner[p] = i;
                    }
                }
            }
        }
        float paper = (float) (0.75 + 0.25 * rng.nextDouble()), dark = (float) (0.05 + 0.3 * rng.nextDouble());
        float[] grey = new float[w * h];
        for (int p = 0; p < grey.length; p++) {
            double v = (1 - cover[p]) * paper + cover[p] * dark + 0.01 * rng.nextGaussian();
            grey[p] = Math.round(255 * Math.max(0, Math.min(1, v))) / 255f;
        }
        List<Piece> out = new ArrayList<>();
        InkMap map = InkFinder.find(RgbImage.of(new GreyImage(w, h, grey)));
        List<DigitSegmenter.Line> lines;
        try {
            lines = DigitSegmenter.segment(map).candidates();
        } catch (DataException e) {
            return out;
        }
        for (DigitSegmenter.Line line : lines) {
            DigitBox all = line.span(0, line.boundaries() - 1);
            if (all == null) continue;
            int[] total = owned(all, map.scale(), owner, w, h, glyphs.size());
            List<int[]> spans = new ArrayList<>();
            List<DigitBox> boxes = new ArrayList<>();
            NumberReader.spans(line, spans, boxes);
            for (DigitBox box : boxes) {
                int[] mine = owned(box, map.scale(), owner, w, h, glyphs.size());
                int in = 0;
                boolean between = false;
                for (int i = 0; i < mine.length; i++) {
                    if (total[i] == 0) continue;
                    double share = (double) mine[i] / total[i];
                    if (share >= IN) in++;
                    else if (share > SCRAP) between = true;
                }
                if (in >= 2) out.add(new Piece(DigitPreprocessor.fromInk(box.ink()), true));
                else if (!between) out.add(new Piece(DigitPreprocessor.fromInk(box.ink()), false));
            }
        }
        return out;
    }

    /**
     * How many of the box's ink pixels each digit owns: each pixel of its cropped ink (one pixel of margin round the
     * box, at the ink map's working resolution) placed back on the drawing.
     */
    private static int[] owned(DigitBox box, double scale, int[] owner, int w, int h, int digits) {
        int[] out = new int[digits];
        GreyImage ink = box.ink();
        int gx = (int) Math.ceil(box.x0() / scale - 1e-9) - 1, gy = (int) Math.ceil(box.y0() / scale - 1e-9) - 1;
        for (int y = 0; y < ink.height(); y++) {
            for (int x = 0; x < ink.width(); x++) {
                if (ink.get(x, y) < 0.5f) continue;
                int px = (int) ((gx + x + 0.5) * scale), py = (int) ((gy + y + 0.5) * scale);
                if (px < 0 || py < 0 || px >= w || py >= h) continue;
                int o = nearestOwner(owner, w, h, px, py);
                if (o >= 0) out[o]++;
            }
        }
        return out;
    }

    /** The digit whose ink covers the pixel most, or the nearest one's within two pixels (the ink finder's edges). */
    private static int nearestOwner(int[] owner, int w, int h, int px, int py) {
        if (owner[py * w + px] >= 0) return owner[py * w + px];
        for (int r = 1; r <= 2; r++) {
            for (int dy = -r; dy <= r; dy++) {
                for (int dx = -r; dx <= r; dx++) {
                    int x = px + dx, y = py + dy;
                    if (x >= 0 && y >= 0 && x < w && y < h && owner[y * w + x] >= 0) return owner[y * w + x];
                }
            }
        }
        return -1;
    }
}
