package io.digitstudio.read;

import io.digitstudio.data.DataException;
import io.digitstudio.data.GreyImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the digits in an {@link InkMap}: connected strokes (8-neighbourhood), grouped into lines by their vertical
 * overlap; within a line, pieces that share most of their columns are one digit (a broken stroke, the bar of a 5);
 * small pieces right beside a digit join it; dots and specks much smaller than the line's digits are ignored; a piece
 * far wider than the line's digits is cut where its column profile has a plausible gap (digits that touch). The result
 * is ordered top line first, left to right.
 */
public final class DigitSegmenter {
    /** Pieces smaller than this share of the largest are dust, whatever their place. */
    static final double DUST = 0.004;
    /** A group lower than this share of its line's tallest, and small, is a dot or a speck. */
    static final double SPECK_HEIGHT = 0.4;

    private DigitSegmenter() {
    }

    /** Every digit, in reading order. */
    public static List<DigitBox> digits(InkMap map) {
        return segment(map).digits();
    }

    /** The picture read as one digit: all the ink but dust, dots and specks, cropped to its box. */
    public static GreyImage single(InkMap map) {
        return segment(map).whole();
    }

    /** The strokes found and grouped once, to be read as digits, as one digit, or both. */
    public static Segments segment(InkMap map) {
        Labels labels = Labels.of(map);
        return new Segments(map, labels, lines(labels));
    }

    /** One picture's digits, found once: each on its own ({@link #digits}) or all of them as one ({@link #whole}). */
    public static final class Segments {
        private final InkMap map;
        private final Labels labels;
        private final List<List<Group>> lines;

        private Segments(InkMap map, Labels labels, List<List<Group>> lines) {
            this.map = map;
            this.labels = labels;
            this.lines = lines;
        }

        /** Every digit, in reading order. Refuses a picture without any. */
        public List<DigitBox> digits() {
            List<DigitBox> out = new ArrayList<>();
            for (int li = 0; li < lines.size(); li++) {
                for (Group g : cutLine(lines.get(li), labels)) out.add(box(map, labels, g, li));
            }
            if (out.isEmpty()) throw new DataException(InkFinder.BLANK);
            return out;
        }

        /** How many digits the picture holds (without cutting them out). */
        public int count() {
            int n = 0;
            for (List<Group> line : lines) n += cutLine(line, labels).size();
            return n;
        }

        /**
         * Every line with the places where it may be cut: between its blocks, and through the blocks that may hold
         * touching digits along the thinnest paths, along paths that follow a bending gap ({@link #gapPaths}) and
         * straight across. A reader chooses among the cuts by reading the pieces.
         */
        public List<Line> candidates() {
            List<Line> out = new ArrayList<>();
            for (int li = 0; li < lines.size(); li++) out.add(new Line(map, labels, lines.get(li), li));
            if (out.isEmpty()) throw new DataException(InkFinder.BLANK);
            return out;
        }

        /** All the ink but dust, dots and specks, as one digit cropped to its box. */
        public GreyImage whole() {
            Group all = null;
            for (List<Group> line : lines) {
                for (Group g : line) {
                    if (all == null) all = g.copy();
                    else all.absorb(g);
                }
            }
            if (all == null) throw new DataException(InkFinder.BLANK);
            return crop(map, labels, all);
        }
    }

    /**
     * One line of digits and the boundaries a digit may start or end at, left to right: the first is the line's start,
     * the last its end; between them, the start of each block after the first and the candidate cuts inside blocks.
     */
    public static final class Line {
        /** Blocks that stand further apart than this share of the line's height are never one digit. */
        static final double JOIN_GAP = 0.08;
        /**
         * Blocks parted by a band of background at least this share of the line's stroke wide are never one digit: a
         * digit's own pieces (a stroke broken across, a bar lifted off) leave at most a crack between them, while digits
         * written close together keep a clear gap, often slanted as the writing leans, whose columns a leaning digit's
         * foot or flag may overlap (so the column gap alone lets a leaning 5 and 7 be read as one digit).
         */
        static final double CLEAR_GAP = 0.5;
        /** ... and at least this many working pixels wide. */
        static final double CLEAR_GAP_MIN = 2;
        /** The slants a clear band between two blocks may take, in columns per row. */
        static final double[] BAND_SLANTS = {-0.5, -0.4, -0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3, 0.4, 0.5};

        private final InkMap map;
        private final Labels labels;
        private final List<Group> blocks;
        private final List<Boundary> bounds = new ArrayList<>();
        private final int index;
        private final int height;
        private final double stroke;

        /** A boundary: the start of block {@code block} (cut null; block == blocks.size() is the line's end) or a cut inside it. */
        private record Boundary(int block, Cut cut, double cost, int crossings) {
            Boundary(int block, Cut cut, double cost) {
                this(block, cut, cost, 0);
            }
        }

        Line(InkMap map, Labels labels, List<Group> blocks, int index) {
            this.map = map;
            this.labels = labels;
            this.blocks = blocks;
            this.index = index;
            int h = 0;
            for (Group g : blocks) h = Math.max(h, g.height());
            this.height = h;
            this.stroke = strokeOf(blocks, labels);
            double typical = typicalWidth(blocks, height);
            for (int k = 0; k < blocks.size(); k++) {
                bounds.add(new Boundary(k, null, 0));
                Group g = blocks.get(k);
                if (g.width() < MIN_SPLIT_WIDTH * height || strokeAcross(g, stroke)) continue;
                List<Boundary> inside = new ArrayList<>();
                // the straight cuts where the block's width says digits meet, then the thinnest paths elsewhere
                List<Group> parts = cut(g, labels, typical);
                for (int i = 1; i < parts.size(); i++) inside.add(new Boundary(k, parts.get(i).left, inkOn(g, labels, parts.get(i).left), DigitSegmenter.crossings(g, labels, parts.get(i).left)));
                List<Cut> cuts = new ArrayList<>();
                List<double[]> costs = candidateCuts(g, labels, height, stroke, cuts);
                for (int i = 0; i < cuts.size(); i++) {
                    boolean apart = true;
                    for (Boundary b : inside) if (Math.abs(b.cut().meanX() - cuts.get(i).meanX()) < 0.02 * height) apart = false;
                    if (apart) inside.add(new Boundary(k, cuts.get(i), costs.get(i)[0], DigitSegmenter.crossings(g, labels, cuts.get(i))));
                }
                // paths along the valley of fainter ink where two strokes run merged side by side
                List<Cut> valleys = new ArrayList<>();
                List<double[]> valleyCosts = g.width() >= VALLEY_WIDTH * typical ? valleyPaths(g, labels, map, height, stroke, valleys) : List.of();
                for (int i = 0; i < valleys.size(); i++) {
                    // a path through two strokes' cores is a thinnest path, offered above; a valley path follows one seam
                    boolean apart = coreCrossings(g, labels, map, valleys.get(i)) <= 1;
                    for (Boundary b : inside) if (sameParts(g, labels, b.cut(), valleys.get(i), stroke)) apart = false;
                    if (apart) inside.add(new Boundary(k, valleys.get(i), valleyCosts.get(i)[0], 1));
                }
                // where thick strokes of two digits merge no path avoids ink: straight cuts all across, the reading decides
                for (Cut c : straightCuts(g, labels, height, CUT_EVERY)) {
                    boolean apart = true;
                    for (Boundary b : inside) if (Math.abs(b.cut().meanX() - c.meanX()) < 0.02 * height || sameParts(g, labels, b.cut(), c, stroke)) apart = false;
                    if (apart) inside.add(new Boundary(k, c, inkOn(g, labels, c), DigitSegmenter.crossings(g, labels, c)));
                }
                // and paths that bend as far as the gap between two digits does, parting only the ink where they meet
                List<Cut> gaps = new ArrayList<>();
                List<double[]> gapCosts = gapPaths(g, labels, height, stroke, gaps);
                for (int i = 0; i < gaps.size(); i++) {
                    // two digits that touch meet in one place; a path parting more is a cut through a digit, offered above
                    boolean apart = gapCosts.get(i)[1] <= 1;
                    for (Boundary b : inside) if (sameParts(g, labels, b.cut(), gaps.get(i), stroke)) apart = false;
                    if (apart) inside.add(new Boundary(k, gaps.get(i), gapCosts.get(i)[0], (int) gapCosts.get(i)[1]));
                }
                inside.sort(Comparator.comparingDouble(b -> b.cut().meanX()));
                bounds.addAll(inside);
            }
            bounds.add(new Boundary(blocks.size(), null, 0));
        }

        /** The typical width of the line's strokes, in working pixels. */
        public double stroke() {
            return stroke;
        }

        /** How many boundaries there are (at least two: the line's start and end). */
        public int boundaries() {
            return bounds.size();
        }

        /** The line's height: its tallest block's. */
        public int height() {
            return height;
        }

        /** Ink pixels that the cut at boundary {@code b} crosses (0 between blocks). */
        public double cost(int b) {
            return bounds.get(b).cost();
        }

        /** How many separate strokes the cut at boundary {@code b} passes through (0 between blocks). */
        public int crossings(int b) {
            return bounds.get(b).crossings();
        }

        /** About where boundary {@code b} lies: the column a cut passes on average, or where a block starts or the line ends. */
        public double position(int b) {
            Boundary bd = bounds.get(b);
            if (bd.cut() != null) return bd.cut().meanX();
            return bd.block() < blocks.size() ? blocks.get(bd.block()).x0 : blocks.get(blocks.size() - 1).x1;
        }

        /** The cut at boundary {@code b}, null between blocks. */
        Cut cutAt(int b) {
            return bounds.get(b).cut();
        }

        /** Whether boundary {@code b} is a cut through ink rather than a gap between blocks. */
        public boolean isCut(int b) {
            return bounds.get(b).cut() != null;
        }

        /**
         * Whether one digit may lie between boundaries {@code a < b}: the blocks it spans stand close together, and no
         * clear band of background ({@link #CLEAR_GAP}) parts them.
         */
        public boolean mayJoin(int a, int b) {
            int right = Integer.MIN_VALUE;
            for (int k = a + 1; k < b; k++) {
                Boundary bd = bounds.get(k);
                if (bd.cut() != null) continue;
                for (int j = bounds.get(a).block(); j < bd.block(); j++) right = Math.max(right, blocks.get(j).x1);
                if (blocks.get(bd.block()).x0 - right > JOIN_GAP * height) return false;
                if (band(bounds.get(a).block(), bd.block()) >= Math.max(CLEAR_GAP_MIN, CLEAR_GAP * stroke)) return false;
            }
            return true;
        }

        /**
         * The widest band of background, straight or slanted as handwriting leans ({@link #BAND_SLANTS}), with all the
         * ink of blocks {@code from} to {@code k - 1} on its left and all of block {@code k}'s on its right: its width
         * along a row, in working pixels (negative when no band parts them).
         */
        double band(int from, int k) {
            int[][][] left = new int[k - from][][];
            int[][] right = edges(blocks.get(k));
            for (int j = from; j < k; j++) left[j - from] = edges(blocks.get(j));
            Group r = blocks.get(k);
            double yc = (r.y0 + r.y1) / 2.0, best = Double.NEGATIVE_INFINITY;
            for (double slant : BAND_SLANTS) {
                double end = Double.NEGATIVE_INFINITY, start = Double.POSITIVE_INFINITY;
                for (int j = from; j < k; j++) {
                    Group g = blocks.get(j);
                    for (int y = g.y0; y < g.y1; y++) {
                        int x = left[j - from][1][y - g.y0];
                        if (x >= 0) end = Math.max(end, x + 1 - slant * (y - yc));
                    }
                }
                for (int y = r.y0; y < r.y1; y++) {
                    int x = right[0][y - r.y0];
                    if (x >= 0) start = Math.min(start, x - slant * (y - yc));
                }
                best = Math.max(best, start - end);
            }
            return best;
        }

        /** Each row's leftmost and rightmost ink column of the block's pieces ({first[], last[]}; -1 for a row without). */
        private int[][] edges(Group g) {
            int[] first = new int[g.height()], last = new int[g.height()];
            java.util.Arrays.fill(first, -1);
            java.util.Arrays.fill(last, -1);
            int w = labels.width();
            for (int y = g.y0; y < g.y1; y++) {
                for (int x = g.x0; x < g.x1; x++) {
                    int l = labels.label()[y * w + x];
                    if (l < 0 || !g.ids.get(l)) continue;
                    if (first[y - g.y0] < 0) first[y - g.y0] = x;
                    last[y - g.y0] = x;
                }
            }
            return new int[][]{first, last};
        }

        /** The ink between boundaries {@code a < b} as one digit; null when the cuts leave no ink between them. */
        public DigitBox span(int a, int b) {
            Boundary from = bounds.get(a), to = bounds.get(b);
            int first = from.block(), last = to.cut() != null ? to.block() : to.block() - 1;
            Group g = blocks.get(first).copy();
            for (int k = first + 1; k <= last; k++) g.absorb(blocks.get(k));
            g.left = from.cut();
            g.right = to.cut();
            if (g.left != null || g.right != null) {
                int w = labels.width();
                int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
                for (int y = g.y0; y < g.y1; y++) {
                    for (int x = g.x0; x < g.x1; x++) {
                        int l = labels.label()[y * w + x];
                        if (l < 0 || !g.ids.get(l) || !g.owns(x, y)) continue;
                        x0 = Math.min(x0, x);
                        y0 = Math.min(y0, y);
                        x1 = Math.max(x1, x + 1);
                        y1 = Math.max(y1, y + 1);
                    }
                }
                if (x1 < 0) return null;
                g.x0 = x0;
                g.y0 = y0;
                g.x1 = x1;
                g.y1 = y1;
            }
            return box(map, labels, g, index);
        }
    }

    /**
     * How many separate runs of the group's ink the cut passes through, top to bottom: where two digits touch, one; a
     * cut through one digit's loop or through two of its strokes, more.
     */
    private static int crossings(Group g, Labels labels, Cut cut) {
        return runsAlong(g, labels, null, cut);
    }

    /** The separate runs of the group's ink along the cut, top to bottom: any ink, or with a map, its cores only. */
    private static int runsAlong(Group g, Labels labels, InkMap cores, Cut cut) {
        int runs = 0, w = labels.width();
        boolean in = false;
        for (int y = g.y0; y < g.y1; y++) {
            int x = (int) Math.floor(cut.at(y));
            boolean ink = false;
            if (x >= g.x0 && x < g.x1) {
                int l = labels.label()[y * w + x];
                ink = l >= 0 && g.ids.get(l) && (cores == null || cores.ink()[y * w + x] >= CORE);
            }
            if (ink && !in) runs++;
            in = ink;
        }
        return runs;
    }

    /** Ink at least this strong is a stroke's core, not its soft edge nor the seam where two strokes meet. */
    static final double CORE = 0.9;

    /**
     * How many strokes a valley path ({@link #valleyPaths}) cuts through at their core ({@link #CORE}), at least one: a
     * path along the seam of two merged strokes runs in and out of their soft edges all the way, and those runs are
     * one meeting of two digits, not many strokes.
     */
    private static int coreCrossings(Group g, Labels labels, InkMap map, Cut cut) {
        return Math.max(1, runsAlong(g, labels, map, cut));
    }

    /**
     * Straight cuts every {@code every} of the line's height across the block, each at the slant that crosses the least
     * ink there: where thick strokes of two digits merge, no path avoids ink, and the reading decides.
     */
    private static List<Cut> straightCuts(Group g, Labels labels, int lineHeight, double every) {
        List<Cut> out = new ArrayList<>();
        double step = Math.max(2, every * lineHeight), margin = Math.max(2, 0.12 * lineHeight);
        double yc = (g.y0 + g.y1) / 2.0;
        for (double x = g.x0 + margin; x <= g.x1 - margin; x += step) {
            Cut best = null;
            double bestInk = Double.MAX_VALUE;
            for (double slant : SLANTS) {
                Cut c = Cut.line(x, slant, yc, g.y0, g.y1);
                double ink = inkOn(g, labels, c) + (slant == 0 ? 0 : 0.5);
                if (ink < bestInk) {
                    bestInk = ink;
                    best = c;
                }
            }
            out.add(best);
        }
        return out;
    }

    /** How many of the group's pixels the cut passes through. */
    private static double inkOn(Group g, Labels labels, Cut cut) {
        int ink = 0, w = labels.width();
        for (int y = g.y0; y < g.y1; y++) {
            int x = (int) Math.floor(cut.at(y));
            if (x < g.x0 || x >= g.x1) continue;
            int l = labels.label()[y * w + x];
            if (l >= 0 && g.ids.get(l)) ink++;
        }
        return ink;
    }

    /** Straight candidate cuts through a wide block stand this share of the line's height apart. */
    static final double CUT_EVERY = 0.1;

    /**
     * A block whose ink, laid out as one stroke of the line's width, is shorter than this many times the block's width is
     * one stroke across (a bar, a dash, an underline) and is read whole. Digits side by side hold several times their
     * width in strokes (a digit's strokes run about its height two or three times, and it is about half as wide as tall).
     */
    static final double ACROSS = 1.25;

    /** Whether {@code g} is one stroke that runs across rather than digits that touch: see {@link #ACROSS}. */
    static boolean strokeAcross(Group g, double stroke) {
        return g.area / Math.max(1, stroke) < ACROSS * g.width();
    }

    /** Blocks narrower than this share of the line's height are read whole. */
    static final double MIN_SPLIT_WIDTH = 0.45;

    /**
     * The typical stroke width of a line's blocks: the median, over their pixels, of the shorter of the horizontal and
     * the vertical run through the pixel. A vertical run alone measures the length of an upright stroke, not its width.
     */
    private static double strokeOf(List<Group> blocks, Labels labels) {
        List<Integer> widths = new ArrayList<>();
        int w = labels.width();
        for (Group g : blocks) {
            int gw = g.width(), gh = g.height();
            int[] vrun = new int[gw * gh];
            for (int x = 0; x < gw; x++) {
                int start = 0;
                for (int y = 0; y <= gh; y++) {
                    boolean own = y < gh && g.ids.get(Math.max(0, labels.label()[(g.y0 + y) * w + g.x0 + x])) && labels.label()[(g.y0 + y) * w + g.x0 + x] >= 0;
                    if (own) continue;
                    for (int k = start; k < y; k++) vrun[k * gw + x] = y - start;
                    start = y + 1;
                }
            }
            for (int y = 0; y < gh; y++) {
                int start = 0;
                for (int x = 0; x <= gw; x++) {
                    int l = x < gw ? labels.label()[(g.y0 + y) * w + g.x0 + x] : -1;
                    if (l >= 0 && g.ids.get(l)) continue;
                    for (int k = start; k < x; k++) widths.add(Math.min(x - start, vrun[y * gw + k]));
                    start = x + 1;
                }
            }
        }
        if (widths.isEmpty()) return 1;
        widths.sort(null);
        return widths.get(widths.size() / 2);
    }

    /**
     * Where a block may be cut: the paths from its top to its bottom (one column sideways per row at most) that cross
     * the least ink, each leaving a digit's worth of ink on both sides, at most a few per digit the block's width
     * holds, apart from each other. Touching digits meet by a few pixels, so the path between them crosses about one
     * stroke; a path through one digit crosses more. Returns {ink crossed} per cut, left to right; the cuts go to
     * {@code cuts} in the same order.
     */
    static List<double[]> candidateCuts(Group g, Labels labels, int lineHeight, double stroke, List<Cut> cuts) {
        int gw = g.width(), gh = g.height(), w = labels.width();
        double[] cost = new double[gw * gh];
        int[] prefix = new int[gh * (gw + 1)];
        int total = 0;
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                int l = labels.label()[(g.y0 + y) * w + g.x0 + x];
                boolean own = l >= 0 && g.ids.get(l);
                cost[y * gw + x] = own ? 1 : 0;
                prefix[y * (gw + 1) + x + 1] = prefix[y * (gw + 1) + x] + (own ? 1 : 0);
            }
            total += prefix[y * (gw + 1) + gw];
        }
        // a path pays for each pixel of ink it crosses, and those pixels are neither side's
        return cheapestPaths(g, cost, prefix, total, 0.1, Math.max(3, 4 * stroke), true, lineHeight, stroke,
                2 + 3 * (int) Math.round((double) gw / (0.5 * lineHeight)), cuts);
    }

    /**
     * The cheapest paths from the block's top row to its bottom row through {@code cost} (per pixel of the block), one
     * column sideways per row at most for {@code sideways} more (so straight paths win ties), that cost at most {@code
     * maxCost} and leave a digit's worth of ink on both sides ({@code prefix}: ink left of each column, row by row;
     * {@code crossedIsInk}: the pixels the path crosses count on neither side), apart from each other: the {@code most}
     * cheapest. Returns {cost} per path, left to right; the paths go to {@code cuts} in the same order.
     */
    private static List<double[]> cheapestPaths(Group g, double[] cost, int[] prefix, int total, double sideways, double maxCost,
                                                boolean crossedIsInk, int lineHeight, double stroke, int most, List<Cut> cuts) {
        int gw = g.width(), gh = g.height();
        double[] d = new double[gw * gh];
        byte[] from = new byte[gw * gh];
        for (int x = 0; x < gw; x++) d[x] = cost[x];
        for (int y = 1; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                double best = d[(y - 1) * gw + x];
                byte step = 0;
                if (x > 0 && d[(y - 1) * gw + x - 1] + sideways < best) {
                    best = d[(y - 1) * gw + x - 1] + sideways;
                    step = -1;
                }
                if (x < gw - 1 && d[(y - 1) * gw + x + 1] + sideways < best) {
                    best = d[(y - 1) * gw + x + 1] + sideways;
                    step = 1;
                }
                d[y * gw + x] = best + cost[y * gw + x];
                from[y * gw + x] = step;
            }
        }
        double minArea = Math.max(4, 0.15 * stroke * lineHeight);
        double minApart = Math.max(2, 0.06 * lineHeight);
        List<double[]> found = new ArrayList<>(); // {cost, path index, mean x}
        List<double[]> paths = new ArrayList<>();
        for (int x = 1; x < gw - 1; x++) {
            double c = d[(gh - 1) * gw + x];
            if (c > maxCost) continue;
            double[] xs = new double[gh];
            int cx = x, left = 0;
            for (int y = gh - 1; y >= 0; y--) {
                xs[y] = g.x0 + cx;
                left += prefix[y * (gw + 1) + cx];
                cx += from[y * gw + cx];
            }
            int crossed = crossedIsInk ? (int) Math.round(Math.floor(c)) : 0;
            if (left < minArea || total - left - crossed < minArea) continue;
            double mean = 0;
            for (double v : xs) mean += v;
            found.add(new double[]{c, paths.size(), mean / gh});
            paths.add(xs);
        }
        List<double[]> kept = cheapestApart(found, most, (k, f) -> Math.abs(k[2] - f[2]) < minApart);
        List<double[]> out = new ArrayList<>();
        for (double[] k : kept) {
            cuts.add(new Cut(g.y0, paths.get((int) k[1])));
            out.add(new double[]{k[0]});
        }
        return out;
    }

    /**
     * Blocks narrower than this many times the line's typical digit get no valley paths: a single digit's strokes
     * have soft edges too, and a path along them only adds readings; two merged digits are wider than one.
     */
    static final double VALLEY_WIDTH = 0;

    /** Ink at or below this strength costs a valley path nothing: a stroke's soft edge, or the seam between two. */
    static final double VALLEY_FLOOR = 0.5;

    /**
     * Where a block may be cut along the seam of two strokes that run merged side by side (a 1 leaning on a 7's stem,
     * a 4's arm against a 7's bar): no path avoids their ink, but the seam is fainter than either stroke's core, where
     * the soft edges of two strokes overlap. Paths from the block's top to its bottom, one column sideways per row at
     * most, each pixel costing the square of its ink's strength above {@link #VALLEY_FLOOR} (a core pixel 1, the seam's
     * a fifth or less), so a path runs the length of a seam for less than it pays to cross two strokes. The cheapest,
     * apart from each other and leaving a digit's worth of ink on both sides, at most one per half a line's height of
     * the block's width. Returns {cost} per cut, left to right; the cuts go to {@code cuts} in the same order.
     */
    static List<double[]> valleyPaths(Group g, Labels labels, InkMap map, int lineHeight, double stroke, List<Cut> cuts) {
        int gw = g.width(), gh = g.height(), w = labels.width();
        double[] cost = new double[gw * gh];
        int[] prefix = new int[gh * (gw + 1)];
        int total = 0;
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                int p = (g.y0 + y) * w + g.x0 + x, l = labels.label()[p];
                boolean own = l >= 0 && g.ids.get(l);
                double v = own ? Math.max(0, map.ink()[p] - VALLEY_FLOOR) / (1 - VALLEY_FLOOR) : 0;
                cost[y * gw + x] = v * v;
                prefix[y * (gw + 1) + x + 1] = prefix[y * (gw + 1) + x] + (own ? 1 : 0);
            }
            total += prefix[y * (gw + 1) + gw];
        }
        return cheapestPaths(g, cost, prefix, total, 0.01, Math.max(2, 1.5 * stroke), false, lineHeight, stroke,
                Math.max(1, (int) Math.round((double) gw / (0.5 * lineHeight))), cuts);
    }

    /** What a gap path pays per column it moves sideways between rows: it bends only where the gap does. */
    static final double GAP_SIDEWAYS = 0.05;
    /**
     * How far a gap path may stray from its straight line, as a share of the line's height: as far as the gap between
     * two digits bends, not so far that it goes round a whole digit (which parts nothing and leaves no digit).
     */
    static final double GAP_BAND = 0.25;
    /** Gap paths start from straight lines this share of the line's height apart, each at {@link #GAP_SLANTS}. */
    static final double GAP_EVERY = 0.1;
    /** The slants of the straight lines gap paths stray from, in columns per row. */
    static final double[] GAP_SLANTS = {-0.25, 0, 0.25};

    /**
     * Where a block may be cut along the gap between two digits that meet: paths from its top to its bottom that may
     * move any number of columns from one row to the next, within {@link #GAP_BAND} of a straight line, paying for
     * each pair of neighbouring ink pixels they part, across a row or between rows. Two digits that meet by a few
     * pixels anywhere along their height are parted by such a path for the price of the pixels where they meet,
     * however the gap between them bends (a 2's foot under the next digit, a 3 against a 9's loop), where {@link
     * #candidateCuts}' paths, one column sideways per row at most, cross strokes. Returns {ink parted, separate places
     * it is parted} per cut, left to right; the cuts go to {@code cuts} in the same order.
     */
    static List<double[]> gapPaths(Group g, Labels labels, int lineHeight, double stroke, List<Cut> cuts) {
        int gw = g.width(), gh = g.height(), w = labels.width(), np = gw + 1;
        boolean[] own = new boolean[gw * gh];
        int total = 0;
        for (int y = 0; y < gh; y++) {
            for (int x = 0; x < gw; x++) {
                int l = labels.label()[(g.y0 + y) * w + g.x0 + x];
                own[y * gw + x] = l >= 0 && g.ids.get(l);
                if (own[y * gw + x]) total++;
            }
        }
        // vertical[y][c + 1] - vertical[y][c]: 1 when column c's pixels in rows y - 1 and y are both ink
        int[] vertical = new int[gh * np];
        for (int y = 1; y < gh; y++) {
            for (int c = 0; c < gw; c++) vertical[y * np + c + 1] = vertical[y * np + c] + (own[(y - 1) * gw + c] && own[y * gw + c] ? 1 : 0);
        }
        double minArea = Math.max(4, 0.15 * stroke * lineHeight);
        double maxCost = Math.max(3, 4 * stroke);
        double band = Math.max(2, GAP_BAND * lineHeight), step = Math.max(2, GAP_EVERY * lineHeight);
        // a path at position p of a row leaves columns below p on the left; it parts the row's pixels p - 1 and p, and
        // moving from p to q between rows parts the pixels above and below in the columns between
        double[] d = new double[gh * np];
        int[] from = new int[gh * np];
        int[] lo = new int[gh], hi = new int[gh];
        List<double[]> found = new ArrayList<>(); // {cost, path index, mean x, places parted}
        List<double[]> paths = new ArrayList<>();
        for (double centre = step / 2; centre < gw; centre += step) {
            for (double slant : GAP_SLANTS) {
                for (int y = 0; y < gh; y++) {
                    double x = centre + slant * (y - gh / 2.0);
                    lo[y] = (int) Math.max(0, Math.ceil(x - band));
                    hi[y] = (int) Math.min(gw, Math.floor(x + band));
                }
                boolean open = true;
                for (int y = 0; y < gh && open; y++) open = lo[y] <= hi[y];
                if (!open) continue;
                for (int p = lo[0]; p <= hi[0]; p++) d[p] = across(own, gw, 0, p);
                for (int y = 1; y < gh; y++) {
                    for (int q = lo[y]; q <= hi[y]; q++) {
                        double best = Double.MAX_VALUE;
                        int via = lo[y - 1];
                        for (int p = lo[y - 1]; p <= hi[y - 1]; p++) {
                            double v = d[(y - 1) * np + p] + Math.abs(vertical[y * np + q] - vertical[y * np + p]) + GAP_SIDEWAYS * Math.abs(q - p);
                            if (v < best) {
                                best = v;
                                via = p;
                            }
                        }
                        d[y * np + q] = best + across(own, gw, y, q);
                        from[y * np + q] = via;
                    }
                }
                int end = lo[gh - 1];
                for (int p = lo[gh - 1]; p <= hi[gh - 1]; p++) if (d[(gh - 1) * np + p] < d[(gh - 1) * np + end]) end = p;
                double cost = d[(gh - 1) * np + end];
                if (cost > maxCost) continue;
                int[] ps = new int[gh];
                ps[gh - 1] = end;
                for (int y = gh - 1; y > 0; y--) ps[y - 1] = from[y * np + ps[y]];
                int left = 0, places = 0;
                boolean parting = false;
                double[] xs = new double[gh];
                double mean = 0;
                for (int y = 0; y < gh; y++) {
                    for (int x = 0; x < ps[y]; x++) if (own[y * gw + x]) left++;
                    boolean parts = across(own, gw, y, ps[y]) > 0;
                    if (y > 0) parts |= vertical[y * np + ps[y]] != vertical[y * np + ps[y - 1]];
                    if (parts && !parting) places++;
                    parting = parts;
                    xs[y] = g.x0 + ps[y];
                    mean += xs[y];
                }
                if (left < minArea || total - left < minArea) continue;
                found.add(new double[]{cost, paths.size(), mean / gh, places});
                paths.add(xs);
            }
        }
        List<double[]> kept = cheapestApart(found, 1 + (int) Math.round((double) gw / (0.5 * lineHeight)),
                (k, f) -> sameParts(g, labels, new Cut(g.y0, paths.get((int) k[1])), new Cut(g.y0, paths.get((int) f[1])), stroke));
        List<double[]> out = new ArrayList<>();
        for (double[] k : kept) {
            cuts.add(new Cut(g.y0, paths.get((int) k[1])));
            out.add(new double[]{k[0], k[3]});
        }
        return out;
    }

    /** 1 when a path at position {@code p} of row {@code y} parts two ink pixels of the row, else 0. */
    private static int across(boolean[] own, int gw, int y, int p) {
        return p > 0 && p < gw && own[y * gw + p - 1] && own[y * gw + p] ? 1 : 0;
    }

    /**
     * Whether cuts {@code a} and {@code b} part the group's ink nearly alike: fewer of its pixels than a stroke's
     * width squared lie on different sides of them. A gap path that only repeats a cut already found adds work, not
     * a reading.
     */
    static boolean sameParts(Group g, Labels labels, Cut a, Cut b, double stroke) {
        int differ = 0, w = labels.width();
        for (int y = g.y0; y < g.y1; y++) {
            double lo = Math.min(a.at(y), b.at(y)), hi = Math.max(a.at(y), b.at(y));
            for (int x = Math.max(g.x0, (int) Math.ceil(lo)); x < Math.min(g.x1, hi); x++) {
                int l = labels.label()[y * w + x];
                if (l >= 0 && g.ids.get(l)) differ++;
            }
        }
        return differ < Math.max(4, stroke * stroke / 2);
    }

    /** Connected pieces of the mask. */
    record Labels(int[] label, List<Group> pieces, int width, int height) {
        static Labels of(InkMap map) {
            int w = map.width(), h = map.height();
            int[] label = new int[map.mask().length];
            int count = Filters.components(map.mask(), w, h, label);
            List<Group> pieces = new ArrayList<>();
            for (int id = 0; id < count; id++) pieces.add(new Group(id));
            for (int p = 0; p < label.length; p++) if (label[p] >= 0) pieces.get(label[p]).add(p % w, p / w, map.ink()[p]);
            return new Labels(label, pieces, w, h);
        }
    }

    /** Pieces that make one digit (or, before grouping, one piece); boxes with exclusive ends. */
    static final class Group {
        final java.util.BitSet ids = new java.util.BitSet();
        int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1, area;
        double mass;
        /** When a wider piece was cut: the cut lines on its left and right ({@link Cut}), null for none. */
        Cut left, right;

        Group(int id) {
            ids.set(id);
        }

        private Group() {
        }

        void add(int x, int y, float ink) {
            x0 = Math.min(x0, x);
            y0 = Math.min(y0, y);
            x1 = Math.max(x1, x + 1);
            y1 = Math.max(y1, y + 1);
            area++;
            mass += ink;
        }

        void absorb(Group o) {
            ids.or(o.ids);
            x0 = Math.min(x0, o.x0);
            y0 = Math.min(y0, o.y0);
            x1 = Math.max(x1, o.x1);
            y1 = Math.max(y1, o.y1);
            area += o.area;
            mass += o.mass;
        }

        Group copy() {
            Group g = new Group();
            g.absorb(this);
            g.x0 = x0;
            g.y0 = y0;
            g.x1 = x1;
            g.y1 = y1;
            return g;
        }

        int width() {
            return x1 - x0;
        }

        int height() {
            return y1 - y0;
        }

        int overlapX(Group o) {
            return Math.min(x1, o.x1) - Math.max(x0, o.x0);
        }

        /** Whether pixel (x, y) of one of this group's pieces lies between its cuts. */
        boolean owns(int x, int y) {
            return (left == null || x >= left.at(y)) && (right == null || x < right.at(y));
        }
    }

    /**
     * A cut through a piece from its top row {@code y0} down: at row {@code y} it passes column {@code xs[y - y0]} (rows
     * above and below take the nearest end). Pixels at or right of the cut lie on its right.
     */
    record Cut(int y0, double[] xs) {
        double at(int y) {
            return xs[Math.max(0, Math.min(xs.length - 1, y - y0))];
        }

        /** A straight cut: column {@code x + slant * (y - yc)} for rows {@code y0} to {@code y1} (exclusive). */
        static Cut line(double x, double slant, double yc, int y0, int y1) {
            double[] xs = new double[Math.max(1, y1 - y0)];
            for (int y = y0; y < y0 + xs.length; y++) xs[y - y0] = x + slant * (y - yc);
            return new Cut(y0, xs);
        }

        /** The mean column the cut passes. */
        double meanX() {
            double s = 0;
            for (double x : xs) s += x;
            return s / xs.length;
        }
    }

    /** Lines of blocks (one digit, or several that touch), top to bottom, each left to right. */
    static List<List<Group>> lines(Labels labels) {
        List<Group> pieces = new ArrayList<>();
        int largest = 0;
        for (Group p : labels.pieces()) largest = Math.max(largest, p.area);
        for (Group p : labels.pieces()) if (p.area >= Math.max(2, DUST * largest)) pieces.add(p);
        pieces.sort(Comparator.comparingInt(Group::height).reversed());
        List<Group> bands = new ArrayList<>();
        List<List<Group>> members = new ArrayList<>();
        for (Group p : pieces) {
            int best = -1;
            double bestShare = 0;
            for (int i = 0; i < bands.size(); i++) {
                Group b = bands.get(i);
                int overlap = Math.min(p.y1, b.y1) - Math.max(p.y0, b.y0);
                double share = (double) overlap / Math.min(p.height(), b.height());
                if (share > bestShare) {
                    bestShare = share;
                    best = i;
                }
            }
            if (best >= 0 && bestShare >= 0.5) {
                bands.get(best).absorb(p);
                members.get(best).add(p);
            } else {
                bands.add(p.copy());
                members.add(new ArrayList<>(List.of(p)));
            }
        }
        List<List<Group>> lines = new ArrayList<>();
        int tallest = 0;
        for (List<Group> m : members) for (Group g : m) tallest = Math.max(tallest, g.height());
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < bands.size(); i++) order.add(i);
        order.sort(Comparator.comparingInt(i -> bands.get(i).y0));
        for (int i : order) {
            List<Group> line = blocksOfLine(members.get(i));
            int lineTallest = 0;
            for (Group g : line) lineTallest = Math.max(lineTallest, g.height());
            if (!line.isEmpty() && lineTallest >= 0.35 * tallest) lines.add(line);
        }
        return lines;
    }

    private static List<Group> blocksOfLine(List<Group> pieces) {
        List<Group> groups = new ArrayList<>();
        for (Group p : pieces) groups.add(p.copy());
        groups.sort(Comparator.comparingInt(g -> g.x0));
        int tallest = 0;
        for (Group p : pieces) tallest = Math.max(tallest, p.height());
        boolean merged = true;
        while (merged) {
            merged = false;
            outer:
            for (int i = 0; i < groups.size(); i++) {
                for (int j = i + 1; j < groups.size(); j++) {
                    Group a = groups.get(i), b = groups.get(j);
                    // two tall pieces are two digits unless one stands almost wholly above the other's columns
                    boolean bothTall = Math.min(a.height(), b.height()) >= 0.6 * tallest;
                    double needed = bothTall ? 0.8 : 0.5;
                    if (a.overlapX(b) >= needed * Math.min(a.width(), b.width())) {
                        a.absorb(b);
                        groups.remove(j);
                        merged = true;
                        break outer;
                    }
                }
            }
        }
        int lineHeight = 0;
        double lineArea = 0;
        for (Group g : groups) {
            lineHeight = Math.max(lineHeight, g.height());
            lineArea = Math.max(lineArea, g.area);
        }
        // small pieces right beside a digit (a stroke broken across) join it; far ones are dots or specks
        List<Group> kept = new ArrayList<>();
        for (Group g : groups) {
            if (g.height() >= SPECK_HEIGHT * lineHeight || g.area >= 0.2 * lineArea) kept.add(g);
        }
        for (Group g : groups) {
            if (kept.contains(g)) continue;
            Group near = null;
            int gap = Integer.MAX_VALUE;
            for (Group k : kept) {
                int d = Math.max(k.x0 - g.x1, g.x0 - k.x1);
                if (d < gap) {
                    gap = d;
                    near = k;
                }
            }
            boolean besideTop = near != null && g.y1 <= near.y0 + 0.75 * near.height();
            if (near != null && gap <= 0.08 * lineHeight && besideTop) near.absorb(g);
        }
        kept.sort(Comparator.comparingInt(g -> g.x0));
        return kept;
    }

    /** A line's blocks with the wider ones cut where their column profile has a plausible gap. */
    private static List<Group> cutLine(List<Group> blocks, Labels labels) {
        int lineHeight = 0;
        for (Group g : blocks) lineHeight = Math.max(lineHeight, g.height());
        List<Group> out = new ArrayList<>();
        double typical = typicalWidth(blocks, lineHeight);
        for (Group g : blocks) out.addAll(cut(g, labels, typical));
        return out;
    }

    /**
     * The width of one digit in this line: the (lower) median of the groups no wider than tall, kept between 0.45 and
     * 0.8 of the line's height; 0.6 of the height when no group qualifies.
     */
    private static double typicalWidth(List<Group> groups, int lineHeight) {
        List<Integer> widths = new ArrayList<>();
        for (Group g : groups) if (g.width() <= g.height() && g.width() >= 0.3 * g.height()) widths.add(g.width());
        if (widths.isEmpty()) return 0.6 * lineHeight;
        widths.sort(null);
        // the lower median: with two groups, one may be two digits touching
        return Math.max(0.45 * lineHeight, Math.min(0.8 * lineHeight, widths.get((widths.size() - 1) / 2)));
    }

    /** Slants tried for a cut (columns per row): handwriting leans, and so does the gap between two of its digits. */
    private static final double[] SLANTS = {-0.35, -0.2, -0.1, 0, 0.1, 0.2, 0.35};

    /**
     * A group much wider than one digit is cut into as many digits as its width holds, each cut along the straight
     * line, near-vertical, that crosses the least ink within a third of a digit of where it would fall. A cut through
     * about one stroke (where two digits touch) is plausible; one through much ink is not, and the group stays whole.
     */
    private static List<Group> cut(Group g, Labels labels, double typical) {
        int n = (int) Math.round(g.width() / typical);
        if (g.width() < 1.4 * typical || n < 2 || g.width() < 0.9 * g.height()) return List.of(g);
        int w = labels.width();
        boolean[] own = new boolean[g.width() * g.height()];
        double[] column = new double[g.width()];
        for (int y = g.y0; y < g.y1; y++) {
            for (int x = g.x0; x < g.x1; x++) {
                int l = labels.label()[y * w + x];
                if (l >= 0 && g.ids.get(l)) {
                    own[(y - g.y0) * g.width() + (x - g.x0)] = true;
                    column[x - g.x0]++;
                }
            }
        }
        double[] sorted = column.clone();
        java.util.Arrays.sort(sorted);
        double typicalColumn = Math.max(1, sorted[sorted.length / 2]);
        // crossing one stroke where two digits touch is plausible; the stroke's thickness is its typical vertical run
        List<Integer> runs = new ArrayList<>();
        for (int x = 0; x < g.width(); x++) {
            int run = 0;
            for (int y = 0; y <= g.height(); y++) {
                if (y < g.height() && own[y * g.width() + x]) run++;
                else if (run > 0) {
                    runs.add(run);
                    run = 0;
                }
            }
        }
        runs.sort(null);
        double stroke = runs.isEmpty() ? 0 : runs.get(runs.size() / 2);
        double plausible = Math.max(0.6 * typicalColumn, 1.5 * stroke);
        double yc = (g.y0 + g.y1) / 2.0;
        List<Cut> cuts = new ArrayList<>();
        double step = (double) g.width() / n;
        for (int k = 1; k < n; k++) {
            int a = (int) Math.round((k - 0.35) * step), b = (int) Math.round((k + 0.35) * step);
            Cut best = null;
            int bestInk = Integer.MAX_VALUE;
            for (int x = Math.max(1, a); x < Math.min(g.width() - 1, b); x++) {
                for (double slant : SLANTS) {
                    int ink = 0;
                    for (int y = g.y0; y < g.y1; y++) {
                        int cx = (int) Math.floor(g.x0 + x + slant * (y - yc)) - g.x0;
                        if (cx >= 0 && cx < g.width() && own[(y - g.y0) * g.width() + cx]) ink++;
                    }
                    // a slanted cut must beat a straight one clearly; ties go to the straight cut
                    if (ink < bestInk || (ink == bestInk && slant == 0)) {
                        bestInk = ink;
                        best = Cut.line(g.x0 + x, slant, yc, g.y0, g.y1);
                    }
                }
            }
            if (best == null || bestInk > plausible) return List.of(g);
            cuts.add(best);
        }
        List<Group> parts = new ArrayList<>();
        for (int k = 0; k <= cuts.size(); k++) {
            Group part = g.copy();
            part.left = k == 0 ? null : cuts.get(k - 1);
            part.right = k == cuts.size() ? null : cuts.get(k);
            // the part's box: the pixels of the piece between its cuts
            int x0 = Integer.MAX_VALUE, y0 = Integer.MAX_VALUE, x1 = -1, y1 = -1;
            for (int y = g.y0; y < g.y1; y++) {
                for (int x = g.x0; x < g.x1; x++) {
                    if (!own[(y - g.y0) * g.width() + (x - g.x0)] || !part.owns(x, y)) continue;
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
            if (x1 < 0) return List.of(g);
            part.x0 = x0;
            part.y0 = y0;
            part.x1 = x1;
            part.y1 = y1;
            parts.add(part);
        }
        return parts;
    }

    private static DigitBox box(InkMap map, Labels labels, Group g, int line) {
        GreyImage ink = crop(map, labels, g);
        double s = map.scale();
        return new DigitBox((int) Math.floor(g.x0 * s), (int) Math.floor(g.y0 * s), (int) Math.ceil(g.x1 * s), (int) Math.ceil(g.y1 * s), line, ink);
    }

    /**
     * The group's ink in its box, one pixel of margin: its own pieces, and the faint edge pixels next to them that the
     * mask left out (anti-aliasing), but not the ink of other digits.
     */
    static GreyImage crop(InkMap map, Labels labels, Group g) {
        int w = map.width(), h = map.height();
        int x0 = Math.max(0, g.x0 - 1), x1 = Math.min(w, g.x1 + 1);
        int y0 = Math.max(0, g.y0 - 1), y1 = Math.min(h, g.y1 + 1);
        int cw = x1 - x0, ch = y1 - y0;
        float[] out = new float[cw * ch];
        int[] label = labels.label();
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int p = y * w + x;
                if (!g.owns(x, y)) continue;
                boolean own = label[p] >= 0 && g.ids.get(label[p]);
                if (!own && label[p] < 0) {
                    for (int dy = -1; dy <= 1 && !own; dy++) {
                        for (int dx = -1; dx <= 1 && !own; dx++) {
                            int xx = x + dx, yy = y + dy;
                            if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
                            int l = label[yy * w + xx];
                            own = l >= 0 && g.ids.get(l);
                        }
                    }
                }
                if (own) out[(y - y0) * cw + (x - x0)] = map.ink()[p];
            }
        }
        return new GreyImage(cw, ch, out);
    }

    /**
     * The cheapest candidates ({cost, path, mean x, …}), at most {@code most}, each unlike those kept before it by
     * {@code same}, from left to right: two cuts that part the ink alike would only offer the search one cutting twice.
     */
    private static List<double[]> cheapestApart(List<double[]> found, int most, java.util.function.BiPredicate<double[], double[]> same) {
        found.sort(java.util.Comparator.comparingDouble(f -> f[0]));
        List<double[]> kept = new ArrayList<>();
        for (double[] f : found) {
            boolean apart = true;
            for (double[] k : kept) if (same.test(k, f)) apart = false;
            if (apart) kept.add(f);
            if (kept.size() >= most) break;
        }
        kept.sort(java.util.Comparator.comparingDouble(f -> f[2]));
        return kept;
    }
}
