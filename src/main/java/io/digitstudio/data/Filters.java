package io.digitstudio.data;

/** Small image filters on row-major float planes, shared by the ink finder, the segmenter and the stroke width. */
final class Filters {
    private Filters() {
    }

    /** Mean over a (2r+1)² window, the window shrunk at the edges (no dark or light frame creeps in). */
    static float[] boxBlur(float[] p, int w, int h, int r) {
        float[] tmp = new float[p.length];
        float[] out = new float[p.length];
        double[] line = new double[Math.max(w, h) + 1];
        for (int y = 0; y < h; y++) {
            line[0] = 0;
            for (int x = 0; x < w; x++) line[x + 1] = line[x] + p[y * w + x];
            for (int x = 0; x < w; x++) {
                int a = Math.max(0, x - r), b = Math.min(w, x + r + 1);
                tmp[y * w + x] = (float) ((line[b] - line[a]) / (b - a));
            }
        }
        for (int x = 0; x < w; x++) {
            line[0] = 0;
            for (int y = 0; y < h; y++) line[y + 1] = line[y] + tmp[y * w + x];
            for (int y = 0; y < h; y++) {
                int a = Math.max(0, y - r), b = Math.min(h, y + r + 1);
                out[y * w + x] = (float) ((line[b] - line[a]) / (b - a));
            }
        }
        return out;
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

    /** A mask grown by {@code r} pixels in every direction (square window). */
    static boolean[] dilate(boolean[] m, int w, int h, int r) {
        boolean[] rows = new boolean[m.length];
        for (int y = 0; y < h; y++) {
            // two passes per row: nearest set pixel to the left and to the right within r
            int prev = Integer.MIN_VALUE / 2;
            for (int x = 0; x < w; x++) {
                if (m[y * w + x]) prev = x;
                if (x - prev <= r) rows[y * w + x] = true;
            }
            int next = Integer.MAX_VALUE / 2;
            for (int x = w - 1; x >= 0; x--) {
                if (m[y * w + x]) next = x;
                if (next - x <= r) rows[y * w + x] = true;
            }
        }
        boolean[] out = new boolean[m.length];
        for (int x = 0; x < w; x++) {
            int prev = Integer.MIN_VALUE / 2;
            for (int y = 0; y < h; y++) {
                if (rows[y * w + x]) prev = y;
                if (y - prev <= r) out[y * w + x] = true;
            }
            int next = Integer.MAX_VALUE / 2;
            for (int y = h - 1; y >= 0; y--) {
                if (rows[y * w + x]) next = y;
                if (next - y <= r) out[y * w + x] = true;
            }
        }
        return out;
    }

    /** Grey dilation ({@code max}) or erosion (min) over a disk of radius {@code r}. */
    static float[] diskFilter(float[] p, int w, int h, int r, boolean max) {
        float[] out = new float[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float best = max ? 0f : 1f;
                for (int dy = -r; dy <= r; dy++) {
                    int yy = y + dy;
                    int span = (int) Math.floor(Math.sqrt((double) r * r - dy * dy));
                    for (int dx = -span; dx <= span; dx++) {
                        int xx = x + dx;
                        float v = (yy < 0 || yy >= h || xx < 0 || xx >= w) ? 0f : p[yy * w + xx];
                        if (max) best = Math.max(best, v);
                        else best = Math.min(best, v);
                    }
                }
                out[y * w + x] = best;
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
