package io.digitstudio.read;

/** Small image filters on row-major float planes, shared by the ink finder, the segmenter and the stroke width. */
public final class Filters {
    private Filters() {
    }

    /** Mean over a (2r+1)² window, the window shrunk at the edges (no dark or light frame creeps in). */
    public static float[] boxBlur(float[] p, int w, int h, int r) {
        float[] tmp = new float[p.length];
        float[] out = new float[p.length];
        double[] line = new double[Math.max(w, h) + 1];
        for (int y = 0; y < h; y++) mean1d(p, tmp, y * w, 1, w, r, line);
        for (int x = 0; x < w; x++) mean1d(tmp, out, x, w, h, r, line);
        return out;
    }

    /** The running mean of {@code n} values {@code stride} apart from {@code start} (a row or a column), via prefix sums. */
    private static void mean1d(float[] src, float[] dst, int start, int stride, int n, int r, double[] line) {
        line[0] = 0;
        for (int i = 0; i < n; i++) line[i + 1] = line[i] + src[start + i * stride];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - r), b = Math.min(n, i + r + 1);
            dst[start + i * stride] = (float) ((line[b] - line[a]) / (b - a));
        }
    }

    /** Resize by area averaging (each target pixel the mean of the source area it covers); for shrinking. */
    static float[] areaAverage(float[] p, int w, int h, int nw, int nh) {
        double sx = (double) w / nw;
        double sy = (double) h / nh;
        float[] out = new float[nw * nh];
        for (int ty = 0; ty < nh; ty++) {
            double fy0 = ty * sy, fy1 = fy0 + sy;
            int ya = (int) fy0, yb = (int) Math.min(h, Math.ceil(fy1));
            for (int tx = 0; tx < nw; tx++) {
                double fx0 = tx * sx, fx1 = fx0 + sx;
                int xa = (int) fx0, xb = (int) Math.min(w, Math.ceil(fx1));
                double sum = 0, area = 0;
                for (int y = ya; y < yb; y++) {
                    double wy = Math.min(fy1, y + 1) - Math.max(fy0, y);
                    if (wy <= 0) continue;
                    for (int x = xa; x < xb; x++) {
                        double wx = Math.min(fx1, x + 1) - Math.max(fx0, x);
                        if (wx <= 0) continue;
                        sum += wx * wy * p[y * w + x];
                        area += wx * wy;
                    }
                }
                out[ty * nw + tx] = (float) (area > 0 ? sum / area : 0);
            }
        }
        return out;
    }

    /** A mask grown by {@code r} pixels in every direction (square window): rows first, then columns. */
    static boolean[] dilate(boolean[] m, int w, int h, int r) {
        boolean[] rows = new boolean[m.length];
        for (int y = 0; y < h; y++) grow1d(m, rows, y * w, 1, w, r);
        boolean[] out = new boolean[m.length];
        for (int x = 0; x < w; x++) grow1d(rows, out, x, w, h, r);
        return out;
    }

    /** Marks in {@code dst} every place within {@code r} of a set one among {@code n} values {@code stride} apart. */
    private static void grow1d(boolean[] src, boolean[] dst, int start, int stride, int n, int r) {
        // two passes: the nearest set place before and after within r
        int prev = Integer.MIN_VALUE / 2;
        for (int i = 0; i < n; i++) {
            if (src[start + i * stride]) prev = i;
            if (i - prev <= r) dst[start + i * stride] = true;
        }
        int next = Integer.MAX_VALUE / 2;
        for (int i = n - 1; i >= 0; i--) {
            if (src[start + i * stride]) next = i;
            if (next - i <= r) dst[start + i * stride] = true;
        }
    }

    /**
     * Grey dilation ({@code max}) or erosion (min) over a disk of radius {@code r}, outside the picture counting as 0.
     * The disk is taken row by row: each of its rows is a run of 2s+1 pixels, and a run's extreme for every pixel of a
     * row comes from van Herk and Gil-Werman's block prefixes and suffixes, so a pixel costs about 3r+2 steps instead of
     * the disk's area (the reader prepares hundreds of candidate digits for one number). Max and min are exact, so the
     * result is the direct scan's to the bit ({@link #diskFilterByScan}).
     */
    static float[] diskFilter(float[] p, int w, int h, int r, boolean max) {
        float[][] runs = new float[r + 1][];
        for (int dy = -r; dy <= r; dy++) {
            int s = span(r, dy);
            if (runs[s] == null) runs[s] = runExtremes(p, w, h, s, max);
        }
        float[] out = new float[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float best = max ? 0f : 1f;
                for (int dy = -r; dy <= r; dy++) {
                    int yy = y + dy;
                    float v = (yy < 0 || yy >= h) ? 0f : runs[span(r, dy)][yy * w + x];
                    best = max ? Math.max(best, v) : Math.min(best, v);
                }
                out[y * w + x] = best;
            }
        }
        return out;
    }

    private static int span(int r, int dy) {
        return (int) Math.floor(Math.sqrt((double) r * r - dy * dy));
    }

    /** For every pixel, the extreme of its row over [x - s, x + s], outside the picture counting as 0. */
    private static float[] runExtremes(float[] p, int w, int h, int s, boolean max) {
        int k = 2 * s + 1, n = w + 2 * s;
        float[] q = new float[n], prefix = new float[n], suffix = new float[n], out = new float[p.length];
        for (int y = 0; y < h; y++) {
            System.arraycopy(p, y * w, q, s, w);
            for (int i = 0; i < n; i++) {
                prefix[i] = i % k == 0 ? q[i] : (max ? Math.max(prefix[i - 1], q[i]) : Math.min(prefix[i - 1], q[i]));
            }
            for (int i = n - 1; i >= 0; i--) {
                suffix[i] = (i % k == k - 1 || i == n - 1) ? q[i] : (max ? Math.max(suffix[i + 1], q[i]) : Math.min(suffix[i + 1], q[i]));
            }
            for (int x = 0; x < w; x++) {
                out[y * w + x] = max ? Math.max(suffix[x], prefix[x + k - 1]) : Math.min(suffix[x], prefix[x + k - 1]);
            }
        }
        return out;
    }

    /**
     * The k-th smallest value (0-based), rearranging {@code a}: quickselect, linear on average, where a full sort of a
     * working picture's 400,000 values would cost milliseconds on every live prediction.
     */
    static float select(float[] a, int k) {
        int lo = 0, hi = a.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // median of three as the pivot keeps sorted and constant runs (a blank page) linear
            if (a[mid] < a[lo]) swap(a, mid, lo);
            if (a[hi] < a[lo]) swap(a, hi, lo);
            if (a[hi] < a[mid]) swap(a, hi, mid);
            float pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) swap(a, i++, j--);
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    /**
     * Labels the 8-connected regions of {@code mask}: {@code label} gets each pixel's region number (0, 1, … in the
     * order the regions' first pixels come row by row) or -1 outside the mask. Returns how many regions there are.
     */
    static int components(boolean[] mask, int w, int h, int[] label) {
        java.util.Arrays.fill(label, -1);
        int[] stack = new int[mask.length];
        int count = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] >= 0) continue;
            int id = count++;
            int top = 0;
            stack[top++] = start;
            label[start] = id;
            while (top > 0) {
                int p = stack[--top];
                int px = p % w, py = p / w;
                for (int dy = -1; dy <= 1; dy++) {
                    int y = py + dy;
                    if (y < 0 || y >= h) continue;
                    for (int dx = -1; dx <= 1; dx++) {
                        int x = px + dx;
                        if (x < 0 || x >= w) continue;
                        int q = y * w + x;
                        if (mask[q] && label[q] < 0) {
                            label[q] = id;
                            stack[top++] = q;
                        }
                    }
                }
            }
        }
        return count;
    }
}
