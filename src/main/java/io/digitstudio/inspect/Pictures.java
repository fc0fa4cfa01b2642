package io.digitstudio.inspect;

import io.digitstudio.nn.Inspector;

import java.util.List;

/**
 * Draws the inspector's numbers: weight tiles in a diverging colour map (blue below 0, white at 0, red above; scaled by
 * the layer's largest absolute weight, so tiles compare), activations in grey (black 0, white the step's largest), and
 * saliency as a red overlay on the grey input (stronger where the class's score depends more on the pixel).
 */
public final class Pictures {
    private Pictures() {
    }

    static final int BACKGROUND = 0xFF9CA3AF;

    /**
     * A diverging map's colours (ARGB): the gaps between tiles, zero, and the two ends, and how far towards its end a
     * value's colour goes: |v| raised to {@code curve}. The light one is ColorBrewer's RdBu ends over white, straight; a
     * dark theme's has zero near its own background, lighter ends and the square root: most weights of a trained layer
     * are a tenth or so of its largest, and a tenth of the way from black is black to the eye (the high-contrast tiles
     * were dark squares), where a tenth of the way from white still shows its tint. So a weight a quarter of the largest
     * stands out from zero by 3:1 (WCAG's contrast for graphics) on the dark themes.
     */
    public record Palette(int background, int zero, int negative, int positive, double curve) {
        public static final Palette LIGHT = new Palette(BACKGROUND, 0xFFFFFFFF, 0xFF2166AC, 0xFFB2182B, 1);
        public static final Palette DARK = new Palette(0xFF30363D, 0xFF0D1117, 0xFF8EC3F0, 0xFFF4A582, 0.5);
        public static final Palette HIGH_CONTRAST = new Palette(0xFF808080, 0xFF000000, 0xFFBFE6FF, 0xFFFFD0A8, 0.5);

        /** The colour of {@code v} in [-1, 1]. */
        public int at(double v) {
            double t = Math.max(-1, Math.min(1, Double.isNaN(v) ? 0 : v));
            int end = t < 0 ? negative : positive;
            double a = Math.pow(Math.abs(t), curve);
            int r = mix(zero >> 16 & 0xFF, end >> 16 & 0xFF, a);
            int g = mix(zero >> 8 & 0xFF, end >> 8 & 0xFF, a);
            int b = mix(zero & 0xFF, end & 0xFF, a);
            return 0xFF000000 | r << 16 | g << 8 | b;
        }

        private static int mix(int from, int to, double a) {
            return (int) Math.round(from + (to - from) * a);
        }
    }

    /** The colour of {@code v} in [-1, 1] on the light diverging map. */
    public static int diverging(double v) {
        return Palette.LIGHT.at(v);
    }

    /** Grey level for v in [0, 1]. */
    public static int grey(double v) {
        int g = (int) Math.round(255 * Math.max(0, Math.min(1, Double.isNaN(v) ? 0 : v)));
        return 0xFF000000 | g << 16 | g << 8 | g;
    }

    /** Columns of a near-square grid for {@code n} tiles: 10 for 100, 20 for 400, 5 for 20. */
    public static int columns(int n) {
        return (int) Math.ceil(Math.sqrt(n));
    }

    /**
     * The tiles in a grid, {@code scale} pixels per weight and a {@code gap} between tiles, channel 0 of each (MNIST has
     * one). Tile t sits at column t % columns, row t / columns.
     */
    public static Picture tiles(Inspector.Tiles t, int scale, int gap) {
        return tiles(t, scale, gap, Palette.LIGHT);
    }

    /** As {@link #tiles(Inspector.Tiles, int, int)}, in {@code palette}'s colours. */
    public static Picture tiles(Inspector.Tiles t, int scale, int gap, Palette palette) {
        int cols = columns(t.count());
        int rows = (t.count() + cols - 1) / cols;
        int tw = t.width() * scale;
        int th = t.height() * scale;
        int w = cols * tw + (cols + 1) * gap;
        int h = rows * th + (rows + 1) * gap;
        Picture p = Picture.blank(w, h, palette.background());
        float max = t.maxAbs();
        for (int k = 0; k < t.count(); k++) {
            int x0 = gap + (k % cols) * (tw + gap);
            int y0 = gap + (k / cols) * (th + gap);
            for (int y = 0; y < t.height(); y++) {
                for (int x = 0; x < t.width(); x++) {
                    int c = palette.at(max == 0 ? 0 : t.at(k, 0, y, x) / max);
                    fill(p, x0 + x * scale, y0 + y * scale, scale, c);
                }
            }
        }
        return p;
    }

    /** Which tile a pixel of {@link #tiles} shows, or -1 for the gaps. */
    public static int tileAt(Inspector.Tiles t, int scale, int gap, int px, int py) {
        int cols = columns(t.count());
        int tw = t.width() * scale + gap;
        int th = t.height() * scale + gap;
        int cx = (px - gap) / tw;
        int cy = (py - gap) / th;
        if (px < gap || py < gap || (px - gap) % tw >= t.width() * scale || (py - gap) % th >= t.height() * scale || cx >= cols) return -1;
        int k = cy * cols + cx;
        return k < t.count() ? k : -1;
    }

    /**
     * One step's activations for one example: feature maps side by side in a grid (each map {@code scale} pixels per
     * value), or a vector's units as squares in a near-square grid; grey from 0 to the step's largest value.
     */
    public static Picture activation(Inspector.Activation a, int scale, int gap) {
        float max = 0;
        for (float v : a.values()) max = Math.max(max, Math.abs(v));
        int maps = a.maps() ? a.shape()[0] : 1;
        int mh = a.maps() ? a.shape()[1] : 0;
        int mw = a.maps() ? a.shape()[2] : 0;
        if (!a.maps()) { // units as a square grid of cells
            int n = a.values().length;
            mw = columns(n);
            mh = (n + mw - 1) / mw;
        }
        int cols = columns(maps);
        int rows = (maps + cols - 1) / cols;
        int w = cols * mw * scale + (cols + 1) * gap;
        int h = rows * mh * scale + (rows + 1) * gap;
        Picture p = Picture.blank(w, h, BACKGROUND);
        for (int m = 0; m < maps; m++) {
            int x0 = gap + (m % cols) * (mw * scale + gap);
            int y0 = gap + (m / cols) * (mh * scale + gap);
            for (int y = 0; y < mh; y++) {
                for (int x = 0; x < mw; x++) {
                    int i = m * mh * mw + y * mw + x;
                    if (i >= a.values().length || (!a.maps() && y * mw + x >= a.values().length)) continue;
                    double v = a.values()[a.maps() ? i : y * mw + x];
                    fill(p, x0 + x * scale, y0 + y * scale, scale, a.relu() || v >= 0 ? grey(max == 0 ? 0 : v / max) : diverging(v / max));
                }
            }
        }
        return p;
    }

    /**
     * The input in grey with the saliency laid over it in red: each pixel's opacity is its |gradient| over the largest
     * (so the strokes that drove the score glow). {@code input} and {@code saliency} are height × width.
     */
    public static Picture saliency(float[] input, float[] saliency, int height, int width, int scale) {
        float max = 0;
        for (float v : saliency) max = Math.max(max, Math.abs(v));
        Picture p = Picture.blank(width * scale, height * scale, 0xFF000000);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double g = input[y * width + x] * 0.6; // the digit dimmed, so the red reads
                double s = max == 0 ? 0 : Math.abs(saliency[y * width + x]) / max;
                int r = (int) Math.round(255 * (g * (1 - s) + s));
                int gb = (int) Math.round(255 * g * (1 - s));
                fill(p, x * scale, y * scale, scale, 0xFF000000 | r << 16 | gb << 8 | gb);
            }
        }
        return p;
    }

    /** Gradient × input: how much each pixel's ink added to the score (the strokes that drove the answer). */
    public static float[] timesInput(float[] saliency, float[] input) {
        float[] out = new float[saliency.length];
        for (int i = 0; i < out.length; i++) out[i] = saliency[i] * input[i];
        return out;
    }

    /** All steps' activations stacked, one below the other (for a report). */
    public static Picture stack(List<Picture> parts, int gap) {
        int w = parts.stream().mapToInt(Picture::width).max().orElse(1);
        int h = parts.stream().mapToInt(Picture::height).sum() + gap * Math.max(0, parts.size() - 1);
        Picture out = Picture.blank(w, Math.max(1, h), 0xFFFFFFFF);
        int y0 = 0;
        for (Picture p : parts) {
            for (int y = 0; y < p.height(); y++) System.arraycopy(p.argb(), y * p.width(), out.argb(), (y0 + y) * w, p.width());
            y0 += p.height() + gap;
        }
        return out;
    }

    /** Height in pixels of a caption strip. */
    static final int CAPTION_HEIGHT = 20;

    /**
     * Each part under its caption (a layer's name and shape, say), stacked one below the other: the report names what
     * each block of pixels is.
     */
    public static Picture stackCaptioned(List<Picture> parts, List<String> captions, int gap) {
        if (parts.size() != captions.size()) throw new IllegalArgumentException(parts.size() + " parts but " + captions.size() + " captions");
        int w = Math.max(parts.stream().mapToInt(Picture::width).max().orElse(1), captions.stream().mapToInt(Pictures::captionWidth).max().orElse(1));
        List<Picture> out = new java.util.ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(caption(captions.get(i), w));
            out.add(parts.get(i));
        }
        // the caption sits right on its part; the gap separates one captioned part from the next
        int h = out.stream().mapToInt(Picture::height).sum() + gap * Math.max(0, parts.size() - 1);
        Picture all = Picture.blank(w, Math.max(1, h), 0xFFFFFFFF);
        int y0 = 0;
        for (int i = 0; i < out.size(); i++) {
            Picture p = out.get(i);
            for (int y = 0; y < p.height(); y++) System.arraycopy(p.argb(), y * p.width(), all.argb(), (y0 + y) * w, p.width());
            y0 += p.height() + (i % 2 == 1 ? gap : 0);
        }
        return all;
    }

    private static java.awt.Font captionFont() {
        return new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13);
    }

    private static int captionWidth(String text) {
        java.awt.image.BufferedImage probe = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = probe.createGraphics();
        try {
            return g.getFontMetrics(captionFont()).stringWidth(text) + 8;
        } finally {
            g.dispose();
        }
    }

    /** {@code text} in dark grey on white, in a strip {@code width} wide. */
    static Picture caption(String text, int width) {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width, CAPTION_HEIGHT, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, CAPTION_HEIGHT);
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(captionFont());
            g.setColor(new java.awt.Color(0x1F, 0x29, 0x37));
            g.drawString(text, 4, CAPTION_HEIGHT - 5);
        } finally {
            g.dispose();
        }
        int[] argb = img.getRGB(0, 0, width, CAPTION_HEIGHT, null, 0, width);
        return new Picture(width, CAPTION_HEIGHT, argb);
    }

    private static void fill(Picture p, int x0, int y0, int scale, int c) {
        for (int dy = 0; dy < scale; dy++) {
            int row = (y0 + dy) * p.width();
            for (int dx = 0; dx < scale; dx++) p.argb()[row + x0 + dx] = c;
        }
    }
}
