package io.digitstudio.ui.widgets;

import java.util.Arrays;

/**
 * The pixels of a chart's plot, drawn here in plain Java: grid lines, anti-aliased polylines and markers into one ARGB
 * buffer that the chart shows as an image. A JavaFX canvas has the renderer rasterize every line with Marlin, which on a
 * two-core machine with the software pipeline takes a core from the training run (decision record 0004). Here a
 * redraw is a few small loops.
 */
final class PlotRaster {
    private int width;
    private int height;
    private int[] argb = new int[0];
    /** A polyline's coverage per pixel, so that its segments' overlaps at the joints are not blended twice. */
    private float[] coverage = new float[0];
    private int minX, minY, maxX, maxY;
    /** Where polylines and markers may draw (inclusive). */
    private int clipX0, clipY0, clipX1 = -1, clipY1 = -1;
    /** Whether every colour since the last fill, the fill's too, was opaque: then so is every pixel. */
    private boolean opaque = true;

    /** Sizes the buffer (content undefined until {@link #fill}). */
    void resize(int w, int h) {
        width = Math.max(0, w);
        height = Math.max(0, h);
        int n = width * height;
        if (argb.length < n) {
            argb = new int[n];
            coverage = new float[n];
        }
        clip(0, 0, width - 1, height - 1);
    }

    /** Limits polylines and markers to the rectangle (inclusive pixel bounds; within the buffer). */
    void clip(int x0, int y0, int x1, int y1) {
        clipX0 = Math.max(0, x0);
        clipY0 = Math.max(0, y0);
        clipX1 = Math.min(width - 1, x1);
        clipY1 = Math.min(height - 1, y1);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** The pixels, row after row ({@code width} a row), as non-premultiplied ARGB. */
    int[] pixels() {
        return argb;
    }

    void fill(int color) {
        Arrays.fill(argb, 0, width * height, color);
        opaque = color >>> 24 == 0xff;
    }

    /**
     * Whether every pixel is opaque: drawn since the last {@link #fill} in opaque colours only, over an opaque fill
     * (the premultiplied pixels are then these).
     */
    boolean opaque() {
        return opaque;
    }

    private void uses(int color) {
        if (color >>> 24 != 0xff) opaque = false;
    }

    /** A one-pixel horizontal line on row {@code y} from {@code x0} to {@code x1} (inclusive), opaque. */
    void hLine(int y, int x0, int x1, int color) {
        uses(color);
        if (y < 0 || y >= height) return;
        for (int x = Math.max(0, x0); x <= Math.min(width - 1, x1); x++) argb[y * width + x] = color;
    }

    /** A one-pixel vertical line on column {@code x} from {@code y0} to {@code y1} (inclusive), opaque. */
    void vLine(int x, int y0, int y1, int color) {
        uses(color);
        if (x < 0 || x >= width) return;
        for (int y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) argb[y * width + x] = color;
    }

    /**
     * An anti-aliased polyline through the points, {@code lineWidth} pixels wide, in {@code color}; a non-finite
     * coordinate breaks the line. Each pixel takes the largest coverage any segment gives it, then is blended once.
     */
    void polyline(double[] xs, double[] ys, int n, double lineWidth, int color) {
        uses(color);
        minX = width;
        minY = height;
        maxX = -1;
        maxY = -1;
        double half = lineWidth / 2;
        boolean open = false;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                open = false;
                continue;
            }
            if (open) segment(xs[i - 1], ys[i - 1], xs[i], ys[i], half);
            else segment(xs[i], ys[i], xs[i], ys[i], half); // a lone point is a dot
            open = true;
        }
        compositeCoverage(color);
    }

    /** A marker: a disc of radius {@code r} in {@code color} around a white one of radius {@code inner}, anti-aliased. */
    void marker(double cx, double cy, double r, double inner, int color) {
        uses(color);
        int x0 = (int) Math.floor(cx - r - 1), x1 = (int) Math.ceil(cx + r + 1);
        int y0 = (int) Math.floor(cy - r - 1), y1 = (int) Math.ceil(cy + r + 1);
        for (int y = Math.max(clipY0, y0); y <= Math.min(clipY1, y1); y++) {
            for (int x = Math.max(clipX0, x0); x <= Math.min(clipX1, x1); x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                float outer = clamp(r + 0.5 - d);
                if (outer <= 0) continue;
                int i = y * width + x;
                argb[i] = blend(argb[i], color, outer);
                float in = clamp(inner + 0.5 - d);
                if (in > 0) argb[i] = blend(argb[i], 0xffffffff, in);
            }
        }
    }

    private void segment(double ax, double ay, double bx, double by, double half) {
        int x0 = (int) Math.floor(Math.min(ax, bx) - half - 1), x1 = (int) Math.ceil(Math.max(ax, bx) + half + 1);
        int y0 = (int) Math.floor(Math.min(ay, by) - half - 1), y1 = (int) Math.ceil(Math.max(ay, by) + half + 1);
        x0 = Math.max(clipX0, x0);
        y0 = Math.max(clipY0, y0);
        x1 = Math.min(clipX1, x1);
        y1 = Math.min(clipY1, y1);
        double dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                double px = x + 0.5 - ax, py = y + 0.5 - ay;
                double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
                double ex = px - t * dx, ey = py - t * dy;
                float c = clamp(half + 0.5 - Math.sqrt(ex * ex + ey * ey));
                if (c <= 0) continue;
                int i = y * width + x;
                if (c > coverage[i]) coverage[i] = c;
                if (x < minX) minX = x;
                if (x > maxX) maxX = x;
                if (y < minY) minY = y;
                if (y > maxY) maxY = y;
            }
        }
    }

    private void compositeCoverage(int color) {
        for (int y = minY; y <= maxY; y++) {
            for (int x = minX; x <= maxX; x++) {
                int i = y * width + x;
                float c = coverage[i];
                if (c <= 0) continue;
                argb[i] = blend(argb[i], color, c);
                coverage[i] = 0;
            }
        }
    }

    private static float clamp(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }

    /** {@code over} (opaque colour) over {@code under} with coverage {@code a}. */
    static int blend(int under, int over, float a) {
        if (a >= 1) return over;
        int ua = under >>> 24;
        int r = mix((under >> 16) & 0xff, (over >> 16) & 0xff, a);
        int g = mix((under >> 8) & 0xff, (over >> 8) & 0xff, a);
        int b = mix(under & 0xff, over & 0xff, a);
        int alpha = Math.round(ua + (255 - ua) * a);
        return alpha << 24 | r << 16 | g << 8 | b;
    }

    private static int mix(int u, int o, float a) {
        return Math.round(u + (o - u) * a);
    }
}
