package io.digitstudio.read;

import io.digitstudio.data.DataException;
import io.digitstudio.data.RgbImage;
import java.util.Arrays;

/**
 * Separates ink from paper in a picture that a camera or scanner made, not only in clean drawings:
 * <ol>
 *   <li>works at most {@value #WORK_SIDE} pixels on the longer side (a digit needs far fewer; noise averages out);</li>
 *   <li>measures along the colour direction in which strokes differ most from their surroundings (the principal
 *       component of the high-passed colours), so blue ink on red paper is as clear as black on white;</li>
 *   <li>chooses the polarity from the picture: ink is the side with the longer tail of local differences (strokes
 *       are a minority of pixels), whatever the border or the overall brightness;</li>
 *   <li>estimates the paper as a smooth surface (a robust quadratic fit to a low percentile of 8x8 blocks, ink-filled
 *       blocks voted out) and divides it out, so a gradient of light or a vignette is not taken for ink;</li>
 *   <li>finds strokes with a hysteresis threshold set from the ink's own strength and the measured noise;</li>
 *   <li>keeps the grey levels of the ink near the strokes (anti-aliased edges, as MNIST has) and nothing else.</li>
 * </ol>
 */
public final class InkFinder {
    public static final int WORK_SIDE = 640;
    /** Weakest ink (as a share of the paper's brightness, or of the full range) that still counts as a digit. */
    static final float MIN_CONTRAST = 0.08f;
    static final String BLANK = "no digit found: the image has no ink (it is blank)";

    private InkFinder() {
    }

    public static InkMap find(RgbImage picture) {
        double scale = Math.max(1.0, (double) Math.max(picture.width(), picture.height()) / WORK_SIDE);
        RgbImage img = scale > 1 ? shrink(picture, scale) : picture;
        int w = img.width();
        int h = img.height();
        int radius = Math.max(2, Math.max(w, h) / 6);
        float[] s = project(img, radius);
        float noise = noise(s, w, h);
        if (noise > 0.01f && Math.max(w, h) >= 60) s = Filters.boxBlur(s, w, h, 1);
        boolean darkInk = darkInk(s, w, h, radius);
        float[] v = s.clone();
        if (darkInk) for (int i = 0; i < v.length; i++) v[i] = -v[i];
        float[] paper = withSteps(v, paperSurface(v, w, h), w, h);
        float[] k = new float[v.length];
        float minPaper = Float.MAX_VALUE;
        for (float p : paper) minPaper = Math.min(minPaper, -p);
        // light falls on paper and ink alike: dividing by the paper's brightness removes it (dark ink on light paper)
        boolean ratio = darkInk && minPaper > 0.1f;
        for (int i = 0; i < k.length; i++) k[i] = ratio ? (v[i] - paper[i]) / -paper[i] : v[i] - paper[i];
        float sigma = Math.max(0.003f, mad(k));
        float peak = peak(k, sigma);
        if (Float.isNaN(peak) || peak < MIN_CONTRAST || peak < 10 * sigma) throw new DataException(BLANK);
        boolean[] mask = hysteresis(k, w, h, Math.max(5 * sigma, 0.5f * peak), Math.max(3 * sigma, 0.25f * peak));
        boolean[] near = Filters.dilate(mask, w, h, 1);
        float[] ink = new float[k.length];
        for (int i = 0; i < ink.length; i++) ink[i] = near[i] ? Math.max(0f, Math.min(1f, k[i] / peak)) : 0f;
        return new InkMap(w, h, ink, mask, scale);
    }

    /** Area-averaged reduction by {@code scale} (> 1) per colour plane. */
    static RgbImage shrink(RgbImage img, double scale) {
        int nw = Math.max(1, (int) Math.round(img.width() / scale));
        int nh = Math.max(1, (int) Math.round(img.height() / scale));
        if (img.r() == img.g() && img.g() == img.b()) {
            float[] p = Filters.areaAverage(img.r(), img.width(), img.height(), nw, nh);
            return new RgbImage(nw, nh, p, p, p);
        }
        return new RgbImage(nw, nh, Filters.areaAverage(img.r(), img.width(), img.height(), nw, nh),
                Filters.areaAverage(img.g(), img.width(), img.height(), nw, nh), Filters.areaAverage(img.b(), img.width(), img.height(), nw, nh));
    }

    /**
     * One plane: the colours projected on the direction in which they vary most around their neighbourhood (strokes'
     * edges dominate that variation; slow changes of light do not, the neighbourhood mean takes them out). The sign is
     * chosen so that white is bright, like luma.
     */
    static float[] project(RgbImage img, int radius) {
        if (img.r() == img.g() && img.g() == img.b()) return img.r().clone();
        int w = img.width();
        int h = img.height();
        float[][] c = {img.r(), img.g(), img.b()};
        float[][] hp = new float[3][];
        for (int ch = 0; ch < 3; ch++) {
            float[] blur = Filters.boxBlur(c[ch], w, h, radius);
            hp[ch] = new float[blur.length];
            for (int i = 0; i < blur.length; i++) hp[ch][i] = c[ch][i] - blur[i];
        }
        double[][] cov = new double[3][3];
        for (int i = 0; i < hp[0].length; i++) {
            for (int a = 0; a < 3; a++) for (int b = a; b < 3; b++) cov[a][b] += (double) hp[a][i] * hp[b][i];
        }
        for (int a = 0; a < 3; a++) for (int b = 0; b < a; b++) cov[a][b] = cov[b][a];
        double[] u = {1, 1, 1};
        for (int it = 0; it < 50; it++) {
            double[] n = new double[3];
            for (int a = 0; a < 3; a++) for (int b = 0; b < 3; b++) n[a] += cov[a][b] * u[b];
            double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
            if (len < 1e-12) {
                u = new double[]{0.299, 0.587, 0.114};
                break;
            }
            for (int a = 0; a < 3; a++) u[a] = n[a] / len;
        }
        double sum = u[0] + u[1] + u[2];
        if (sum < 0) for (int a = 0; a < 3; a++) u[a] = -u[a];
        double norm = Math.abs(u[0]) + Math.abs(u[1]) + Math.abs(u[2]);
        float[] s = new float[hp[0].length];
        for (int i = 0; i < s.length; i++) s[i] = (float) ((u[0] * c[0][i] + u[1] * c[1][i] + u[2] * c[2][i]) / norm);
        return s;
    }

    /** Pixel noise: the spread of each pixel around its 3x3 neighbourhood, robustly (strokes are a minority). */
    static float noise(float[] s, int w, int h) {
        float[] blur = Filters.boxBlur(s, w, h, 1);
        float[] d = new float[s.length];
        for (int i = 0; i < s.length; i++) d[i] = s[i] - blur[i];
        return mad(d) * 1.5f;
    }

    /**
     * Whether the ink is darker than the paper. Strokes are a minority of pixels, so the ink is on the side of the
     * longer tail: first of the high-passed picture (immune to gradients of light) when its tails clearly differ,
     * else of the picture itself, measured from its median (the paper's level).
     */
    static boolean darkInk(float[] s, int w, int h, int radius) {
        float[] blur = Filters.boxBlur(s, w, h, radius);
        float[] hp = new float[s.length];
        for (int i = 0; i < s.length; i++) hp[i] = s[i] - blur[i];
        float[] t = tails(hp);
        if (t[0] > 1.5f * t[1]) return true;
        if (t[1] > 1.5f * t[0]) return false;
        double[] vr = valleysAndRidges(s, w, h);
        if (vr[0] > 1.2 * vr[1]) return true;
        if (vr[1] > 1.2 * vr[0]) return false;
        float[] raw = tails(s);
        return raw[0] > raw[1];
    }

    /**
     * {dark valleys, bright ridges}: how much of the picture is clearly darker than the picture on both sides of it
     * (along a row, a column or a diagonal, at a few distances up to a quarter of the shorter side), and how much is
     * clearly brighter. A stroke is a valley or a ridge; the edge of a shadow is a step, darker on one side only, and is
     * neither. Each is the sum of the strength above half the stronger one's top (its 99.8th percentile).
     */
    static double[] valleysAndRidges(float[] s, int w, int h) {
        float[] valley = new float[s.length], ridge = new float[s.length];
        int longest = Math.max(1, Math.min(w, h) / 4);
        int[][] dirs = {{1, 0}, {0, 1}, {1, 1}, {1, -1}};
        for (int d = 1; d <= longest; d *= 2) {
            for (int[] u : dirs) {
                int dx = u[0] * d, dy = u[1] * d;
                for (int y = Math.abs(dy); y < h - Math.abs(dy); y++) {
                    for (int x = dx; x < w - dx; x++) {
                        int p = y * w + x;
                        float a = s[p - dy * w - dx], b = s[p + dy * w + dx], c = s[p];
                        valley[p] = Math.max(valley[p], Math.min(a, b) - c);
                        ridge[p] = Math.max(ridge[p], c - Math.max(a, b));
                    }
                }
            }
        }
        int top = (int) (0.998 * (s.length - 1));
        float t = 0.5f * Math.max(Filters.select(valley.clone(), top), Filters.select(ridge.clone(), top));
        double v = 0, r = 0;
        for (int i = 0; i < s.length; i++) {
            if (valley[i] > t) v += valley[i] - t;
            if (ridge[i] > t) r += ridge[i] - t;
        }
        return new double[]{v, r};
    }

    /** {below, above}: how far the extremes (ignoring the outermost 0.02%) lie from the median. */
    private static float[] tails(float[] v) {
        float[] work = v.clone();
        float med = Filters.select(work, work.length / 2);
        int tail = (int) (work.length * 0.0002);
        return new float[]{med - Filters.select(work, tail), Filters.select(work, work.length - 1 - tail) - med};
    }

    /**
     * The paper under the ink ({@code v} has ink high): the 30th percentile of each block of a grid (8 blocks along the
     * longer side, at least 4 along the shorter, at least 8 pixels each), fitted with a quadratic surface by least squares, first to the lower half of the blocks, then to
     * every block that lies near the fit (blocks well above it are filled with ink). Light changes slowly across a page; a quadratic follows gradients and vignettes.
     */
    static float[] paperSurface(float[] v, int w, int h) {
        int blocks = 8;
        // about 8 blocks along the longer side, at least 4 along the shorter one (a line of digits is a wide picture)
        int bs = Math.max(8, (int) Math.ceil(Math.min((double) Math.max(w, h) / blocks, Math.min(w, h) / 4.0)));
        int nx = (w + bs - 1) / bs;
        int ny = (h + bs - 1) / bs;
        int n = nx * ny;
        double[] bx = new double[n], by = new double[n], val = new double[n];
        int idx = 0;
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                int x0 = i * bs, y0 = j * bs, x1 = Math.min(w, x0 + bs), y1 = Math.min(h, y0 + bs);
                float[] px = new float[(x1 - x0) * (y1 - y0)];
                int m = 0;
                for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) px[m++] = v[y * w + x];
                val[idx] = Filters.select(px, (int) (0.3 * (px.length - 1)));
                bx[idx] = 2.0 * ((x0 + x1) / 2.0) / w - 1;
                by[idx] = 2.0 * ((y0 + y1) / 2.0) / h - 1;
                idx++;
            }
        }
        // start from the lower half of the blocks (paper, surely), then let the fit decide which others are paper too
        double[] ranked = val.clone();
        Arrays.sort(ranked);
        boolean[] use = new boolean[n];
        for (int b = 0; b < n; b++) use[b] = val[b] <= ranked[(n - 1) / 2];
        double[] coef = null;
        for (int round = 0; round < 5; round++) {
            double[] fit = n >= 12 ? fitQuadratic(bx, by, val, use) : null;
            coef = fit != null ? fit : new double[]{median(val, use), 0, 0, 0, 0, 0};
            double[] res = new double[n];
            int m = 0;
            for (int b = 0; b < n; b++) {
                res[b] = val[b] - eval(coef, bx[b], by[b]);
                if (use[b]) m++;
            }
            double[] absRes = new double[m];
            int q = 0;
            for (int b = 0; b < n; b++) if (use[b]) absRes[q++] = Math.abs(res[b]);
            Arrays.sort(absRes);
            double spread = 1.4826 * absRes[absRes.length / 2] + 0.01;
            boolean changed = false;
            for (int b = 0; b < n; b++) {
                boolean keep = res[b] < 2.5 * spread;
                if (keep != use[b]) changed = true;
                use[b] = keep;
            }
            int kept = 0;
            for (boolean u : use) if (u) kept++;
            if (kept < Math.max(3, n / 3)) {
                // most blocks look inky: the paper is what the lowest third of the blocks show
                double[] sorted = val.clone();
                Arrays.sort(sorted);
                Arrays.fill(use, false);
                double cut = sorted[Math.max(0, n / 3 - 1)];
                for (int b = 0; b < n; b++) use[b] = val[b] <= cut;
            }
            if (!changed) break;
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double yy = 2.0 * (y + 0.5) / h - 1;
            for (int x = 0; x < w; x++) out[y * w + x] = (float) eval(coef, 2.0 * (x + 0.5) / w - 1, yy);
        }
        return out;
    }

    /**
     * The paper with the light's steps put back: a smooth surface cannot follow the shadow of an arm or a phone across
     * the page (a band with soft or hard edges), and its edge would be taken for ink. What the surface leaves, taken as
     * medians of small blocks and opened (grey erosion then dilation over a disk about a fifth of the picture's shorter
     * side), keeps everything wider than that disk (the shadow, its edges as steps or ramps) and drops strokes, which
     * are far thinner. Light is never taken for ink this way, and ink under a shadow keeps its contrast.
     */
    static float[] withSteps(float[] v, float[] surface, int w, int h) {
        int shorter = Math.min(w, h);
        if (shorter < 24) return surface;
        int bs = Math.max(2, shorter / 40);
        int gw = (w + bs - 1) / bs, gh = (h + bs - 1) / bs;
        float[] grid = new float[gw * gh];
        float[] px = new float[bs * bs];
        for (int j = 0; j < gh; j++) {
            for (int i = 0; i < gw; i++) {
                int m = 0;
                for (int y = j * bs; y < Math.min(h, (j + 1) * bs); y++) {
                    for (int x = i * bs; x < Math.min(w, (i + 1) * bs); x++) px[m++] = v[y * w + x] - surface[y * w + x];
                }
                grid[j * gw + i] = Filters.select(java.util.Arrays.copyOf(px, m), m / 2);
            }
        }
        int r = Math.max(1, (int) Math.round(0.1 * shorter / bs));
        float[] opened = minMaxDisk(minMaxDisk(grid, gw, gh, r, false), gw, gh, r, true);
        float[] out = surface.clone();
        for (int y = 0; y < h; y++) {
            double gy = Math.max(0, Math.min(gh - 1, (y + 0.5) / bs - 0.5));
            int y0 = (int) gy, y1 = Math.min(gh - 1, y0 + 1);
            double fy = gy - y0;
            for (int x = 0; x < w; x++) {
                double gx = Math.max(0, Math.min(gw - 1, (x + 0.5) / bs - 0.5));
                int x0 = (int) gx, x1 = Math.min(gw - 1, x0 + 1);
                double fx = gx - x0;
                double o = (1 - fy) * ((1 - fx) * opened[y0 * gw + x0] + fx * opened[y0 * gw + x1])
                        + fy * ((1 - fx) * opened[y1 * gw + x0] + fx * opened[y1 * gw + x1]);
                // a shadow darkens paper by half at most; anything deeper is the core of a stroke too thick to open
                float limit = 0.6f * Math.abs(surface[y * w + x]);
                out[y * w + x] += (float) Math.max(-limit, Math.min(limit, o));
            }
        }
        return out;
    }

    /** Grey dilation (max) or erosion (min) over a disk of radius {@code r}, the disk cut at the picture's edges. */
    private static float[] minMaxDisk(float[] p, int w, int h, int r, boolean max) {
        float[] out = new float[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float best = max ? -Float.MAX_VALUE : Float.MAX_VALUE;
                for (int dy = Math.max(-r, -y); dy <= Math.min(r, h - 1 - y); dy++) {
                    int span = (int) Math.floor(Math.sqrt((double) r * r - dy * dy));
                    int row = (y + dy) * w;
                    for (int xx = Math.max(0, x - span); xx <= Math.min(w - 1, x + span); xx++) {
                        float q = p[row + xx];
                        best = max ? Math.max(best, q) : Math.min(best, q);
                    }
                }
                out[y * w + x] = best;
            }
        }
        return out;
    }

    private static double eval(double[] c, double x, double y) {
        return c[0] + c[1] * x + c[2] * y + c[3] * x * x + c[4] * x * y + c[5] * y * y;
    }

    /** Least squares for 1, x, y, x², xy, y² over the blocks in use; null when they do not determine it. */
    private static double[] fitQuadratic(double[] x, double[] y, double[] v, boolean[] use) {
        double[][] a = new double[6][7];
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            if (!use[i]) continue;
            m++;
            double[] f = {1, x[i], y[i], x[i] * x[i], x[i] * y[i], y[i] * y[i]};
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < 6; c++) a[r][c] += f[r] * f[c];
                a[r][6] += f[r] * v[i];
            }
        }
        if (m < 10) return null;
        for (int r = 0; r < 6; r++) a[r][r] += 1e-6;
        for (int col = 0; col < 6; col++) {
            int piv = col;
            for (int r = col + 1; r < 6; r++) if (Math.abs(a[r][col]) > Math.abs(a[piv][col])) piv = r;
            double[] t = a[col];
            a[col] = a[piv];
            a[piv] = t;
            if (Math.abs(a[col][col]) < 1e-9) return null;
            for (int r = 0; r < 6; r++) {
                if (r == col) continue;
                double f = a[r][col] / a[col][col];
                for (int c = col; c < 7; c++) a[r][c] -= f * a[col][c];
            }
        }
        double[] out = new double[6];
        for (int r = 0; r < 6; r++) out[r] = a[r][6] / a[r][r];
        return out;
    }

    private static double median(double[] v, boolean[] use) {
        double[] u = new double[v.length];
        int m = 0;
        for (int i = 0; i < v.length; i++) if (use[i]) u[m++] = v[i];
        if (m == 0) return 0;
        u = Arrays.copyOf(u, m);
        Arrays.sort(u);
        return u[m / 2];
    }

    /** Robust spread: 1.4826 × the median absolute deviation from the median. */
    static float mad(float[] v) {
        float[] s = v.clone();
        float med = Filters.select(s, s.length / 2);
        for (int i = 0; i < s.length; i++) s[i] = Math.abs(v[i] - med);
        return 1.4826f * Filters.select(s, s.length / 2);
    }

    /** The ink's full strength: the 90th percentile of the pixels clearly above the noise; NaN when there are none. */
    static float peak(float[] k, float sigma) {
        float floor = Math.max(6 * sigma, 0.02f);
        int n = 0;
        for (float x : k) if (x > floor) n++;
        if (n < 3) return Float.NaN;
        float[] c = new float[n];
        int m = 0;
        for (float x : k) if (x > floor) c[m++] = x;
        return Filters.select(c, (int) (0.9 * (n - 1)));
    }

    /** Pixels at or above {@code low} that connect (8-neighbourhood) to a pixel at or above {@code high}. */
    static boolean[] hysteresis(float[] k, int w, int h, float high, float low) {
        boolean[] weak = new boolean[k.length];
        for (int i = 0; i < k.length; i++) weak[i] = k[i] >= low;
        int[] label = new int[k.length];
        boolean[] strong = new boolean[Filters.components(weak, w, h, label)];
        for (int i = 0; i < k.length; i++) if (k[i] >= high) strong[label[i]] = true;
        boolean[] out = new boolean[k.length];
        for (int i = 0; i < k.length; i++) out[i] = label[i] >= 0 && strong[label[i]];
        return out;
    }
}
