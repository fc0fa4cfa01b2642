package io.digitstudio.runs.sweep;

import io.digitstudio.io.AtomicFiles;
import io.digitstudio.io.NiceTicks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's runs as scatter plots, one panel per swept setting: best validation accuracy (y, in percent) against the
 * setting's value (x; a log axis for learning rates and log ranges). The best run is drawn larger. Drawn with Java2D so
 * that the command line writes it without JavaFX; the app shows the same picture.
 */
public final class SweepChart {
    static final int PANEL_WIDTH = 420;
    static final int PANEL_HEIGHT = 300;
    /** The type size the margins, points and lines are laid out for; a larger one scales them all. */
    static final float BASE_FONT_SIZE = 12f;

    /**
     * The chart's colours (opaque RGB) and its type size in the picture's pixels: the command line's PNG is {@link #PRINT},
     * the app passes its theme's colours and its UI scale's type, so the chart reads as the window around it does.
     */
    public record Look(int background, int text, int grid, int point, int best, float fontSize) {
        /** Dark text on white, blue points and the best in red, at 12 px. */
        public static final Look PRINT = new Look(0xFFFFFF, 0x1F2937, 0xE5E7EB, 0x2563EB, 0xDC2626, BASE_FONT_SIZE);

        public Look {
            if (!(fontSize > 0)) throw new IllegalArgumentException("font size " + fontSize);
        }
    }

    private SweepChart() {
    }

    /**
     * The chart, one panel of {@code panelWidth} x {@code panelHeight} per setting the sweep varies (one with several
     * values), side by side, as printed. A setting of one value has no panel: its axis would be a made-up range around
     * that value. A sweep that varies nothing (one run) is one panel saying so.
     */
    public static BufferedImage render(SweepResult result, int panelWidth, int panelHeight) {
        return render(result, panelWidth, panelHeight, Look.PRINT);
    }

    /** The chart in {@code look}'s colours and type: margins, points and lines grow with the type. */
    public static BufferedImage render(SweepResult result, int panelWidth, int panelHeight, Look look) {
        List<Axis> axes = result.sweep().varied();
        BufferedImage img = new BufferedImage(panelWidth * Math.max(1, axes.size()), panelHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(look.background()));
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int k = 0; k < axes.size(); k++) panel(g, result, axes.get(k), k * panelWidth, panelWidth, panelHeight, look);
            if (axes.isEmpty()) nothingVaried(g, panelWidth, panelHeight, look);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** What a sweep that varies no setting shows: there is nothing to plot accuracy against. */
    static final String NOTHING_VARIED = "One value of each setting: nothing to compare";

    private static void nothingVaried(Graphics2D g, int w, int h, Look look) {
        g.setColor(new Color(look.text()));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12).deriveFont(look.fontSize()));
        FontMetrics fm = g.getFontMetrics();
        int room = w - px(8, look.fontSize() / BASE_FONT_SIZE);
        if (fm.stringWidth(NOTHING_VARIED) > room) g.setFont(g.getFont().deriveFont(Math.max(1f, g.getFont().getSize2D() * room / fm.stringWidth(NOTHING_VARIED))));
        fm = g.getFontMetrics();
        g.drawString(NOTHING_VARIED, (w - fm.stringWidth(NOTHING_VARIED)) / 2, (h + fm.getAscent()) / 2);
    }

    /** Writes the chart as a PNG, atomically. */
    public static void writePng(SweepResult result, Path file) throws IOException {
        BufferedImage img = render(result, PANEL_WIDTH, PANEL_HEIGHT);
        AtomicFiles.write(file, out -> {
            if (!javax.imageio.ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
        });
    }

    private static void panel(Graphics2D g, SweepResult result, Axis axis, int x0, int w, int h, Look look) {
        Color ink = new Color(look.text()), grid = new Color(look.grid()), point = new Color(look.point()), bestColour = new Color(look.best());
        double k = look.fontSize() / BASE_FONT_SIZE;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12).deriveFont(look.fontSize()));
        // each panel's frame and grid in the same thin pen: the pen the points are drawn with below stays on the
        // graphics, and the next panel's frame was drawn with it, thicker than the first's
        g.setStroke(new BasicStroke(1f));
        FontMetrics fm = g.getFontMetrics();
        int left = x0 + px(56, k), right = x0 + w - px(16, k), top = px(28, k), bottom = h - px(42, k);
        boolean log = axis.logScale();
        List<double[]> pts = new ArrayList<>();
        double best = Double.NEGATIVE_INFINITY;
        for (SweepResult.Row r : result.rows()) {
            double acc = r.bestAccuracy();
            Double v = r.values().get(axis.name());
            if (v == null || Double.isNaN(acc)) continue;
            pts.add(new double[]{v, acc});
            best = Math.max(best, acc);
        }
        double xlo = axis.low(), xhi = axis.high();
        if (xlo == xhi) {
            xlo = log ? xlo / 2 : xlo - 1;
            xhi = log ? xhi * 2 : xhi + 1;
        }
        double ylo = 1, yhi = 0;
        for (double[] p : pts) {
            ylo = Math.min(ylo, p[1]);
            yhi = Math.max(yhi, p[1]);
        }
        if (pts.isEmpty()) {
            ylo = 0;
            yhi = 1;
        }
        double[] yTicks = yTicks(ylo, yhi, (int) Math.max(2, Math.min(8, (bottom - top) / (50 * k))));
        ylo = yTicks[0];
        yhi = yTicks[yTicks.length - 1];
        double[] xTicks = xTicks(axis, xlo, xhi, (int) Math.max(2, Math.min(8, (right - left) / (70 * k))));
        xlo = xTicks[0];
        xhi = xTicks[xTicks.length - 1];

        g.setColor(ink);
        // the title whole within its panel: shorter where the panel is narrow for the type (two panels at a large UI
        // scale), and in a smaller type only if even that does not fit
        String name = result.sweep().label(axis.name());
        String title = "best validation accuracy vs " + name + (log ? " (log scale)" : "");
        int room = w - px(8, k);
        if (fm.stringWidth(title) > room) title = "accuracy vs " + name + (log ? " (log)" : "");
        Font normal = g.getFont();
        if (fm.stringWidth(title) > room) g.setFont(normal.deriveFont(Math.max(1f, normal.getSize2D() * room / fm.stringWidth(title))));
        g.drawString(title, x0 + (w - g.getFontMetrics().stringWidth(title)) / 2, px(18, k));
        g.setFont(normal);
        // y grid and labels
        List<String> yLabels = yLabels(yTicks);
        for (int i = 0; i < yTicks.length; i++) {
            double y = yTicks[i];
            int py = yPix(y, ylo, yhi, top, bottom);
            g.setColor(grid);
            g.drawLine(left, py, right, py);
            g.setColor(ink);
            String s = yLabels.get(i);
            g.drawString(s, left - px(6, k) - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
        }
        int lastRight = Integer.MIN_VALUE;
        for (double t : xTicks) {
            int px = xPix(t, xlo, xhi, log, left, right, k);
            g.setColor(grid);
            g.drawLine(px, top, px, bottom);
            g.setColor(ink);
            String s = Axis.shown(axis.integer() ? Math.rint(t) : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", t)));
            int sx = px - fm.stringWidth(s) / 2;
            if (sx > lastRight + px(4, k)) {
                g.drawString(s, sx, bottom + fm.getAscent() + px(4, k));
                lastRight = sx + fm.stringWidth(s);
            }
        }
        g.setColor(ink);
        g.drawRect(left, top, right - left, bottom - top);
        // the axis named as the sweep's table names its column too; the column's short name alone where the panel is narrow
        String xl = result.sweep().axisTitle(axis.name());
        if (fm.stringWidth(xl) > w - px(8, k)) xl = result.sweep().column(axis.name());
        g.drawString(xl, left + (right - left - fm.stringWidth(xl)) / 2, h - px(8, k));
        g.setStroke(new BasicStroke((float) (1.5 * k)));
        for (double[] p : pts) {
            int px = xPix(p[0], xlo, xhi, log, left, right, k);
            int py = yPix(p[1], ylo, yhi, top, bottom);
            boolean isBest = p[1] == best;
            int r = px(isBest ? 6 : 4, k);
            g.setColor(isBest ? bestColour : point);
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
        }
    }

    /**
     * The accuracy axis's ticks for best accuracies from {@code lo} to {@code hi}, about {@code ticks} of them: a little
     * room around the points, within 0 and 1, and steps of 1, 2 or 5 times a power of ten, as the app's other charts
     * step ({@link NiceTicks}). The first and the last are the axis's ends.
     */
    static double[] yTicks(double lo, double hi, int ticks) {
        double pad = Math.max(0.005, (hi - lo) * 0.1);
        lo = Math.max(0, lo - pad);
        hi = Math.min(1, hi + pad);
        if (hi <= lo) hi = lo + 0.01;
        return NiceTicks.ticks(NiceTicks.fit(lo, hi, Double.NaN, Double.NaN, Double.NaN, ticks));
    }

    /**
     * The accuracy axis's labels for its ticks (fractions) as percentages, as the app writes accuracies (97.31%), with
     * as many decimals as the step between them needs: 97%, 97.5%.
     */
    static List<String> yLabels(double[] ticks) {
        int decimals = NiceTicks.decimals(100 * (ticks.length > 1 ? ticks[1] - ticks[0] : 1));
        List<String> out = new ArrayList<>();
        for (double t : ticks) out.add(String.format(java.util.Locale.ROOT, "%." + decimals + "f%%", 100 * t));
        return out;
    }

    /**
     * The swept setting's ticks for values from {@code lo} to {@code hi}, about {@code ticks} of them, evenly apart as
     * the axis is drawn: on a log axis whole powers of ten (every one, or every second or fifth where there are many),
     * else 1, 2 or 5 times a power of ten, whole for a whole-number setting. The first and the last are the axis's ends,
     * rounded out to a tick; the points lie between them.
     */
    static double[] xTicks(Axis axis, double lo, double hi, int ticks) {
        if (axis.logScale()) {
            double elo = Math.log10(lo), ehi = Math.log10(hi);
            double unit = Math.max(1, Math.ceil(NiceTicks.niceUnit(ehi - elo, ticks)));
            double[] exponents = NiceTicks.ticks(NiceTicks.fit(elo, ehi, Double.NaN, Double.NaN, unit, ticks));
            double[] t = new double[exponents.length];
            for (int i = 0; i < t.length; i++) t[i] = Math.pow(10, Math.rint(exponents[i]));
            return t;
        }
        double unit = NiceTicks.niceUnit(hi - lo, ticks);
        if (axis.integer()) unit = Math.max(1, unit);
        return NiceTicks.ticks(NiceTicks.fit(lo, hi, Double.NaN, Double.NaN, unit, ticks));
    }

    /** {@code size} pixels of the 12 px layout, scaled by {@code k}. */
    private static int px(int size, double k) {
        return (int) Math.round(size * k);
    }

    private static int xPix(double v, double lo, double hi, boolean log, int left, int right, double k) {
        double f = log ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
        int margin = px(10, k);
        return (int) Math.round(left + margin + f * (right - left - 2 * margin));
    }

    private static int yPix(double v, double lo, double hi, int top, int bottom) {
        return (int) Math.round(bottom - (v - lo) / (hi - lo) * (bottom - top));
    }
}
