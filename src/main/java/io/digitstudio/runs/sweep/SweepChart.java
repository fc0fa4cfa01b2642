package io.digitstudio.runs.sweep;

import io.digitstudio.io.AtomicFiles;

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
 * A sweep's runs as scatter plots, one panel per swept setting: best validation accuracy (y) against the setting's value
 * (x; a log axis for learning rates and log ranges). The best run is drawn larger. Drawn with Java2D so that the
 * command line writes it without JavaFX; the app shows the same picture.
 */
public final class SweepChart {
    static final int PANEL_WIDTH = 420;
    static final int PANEL_HEIGHT = 300;
    private static final Color INK = new Color(0x1F2937);
    private static final Color GRID = new Color(0xE5E7EB);
    private static final Color POINT = new Color(0x2563EB);
    private static final Color BEST = new Color(0xDC2626);

    private SweepChart() {
    }

    /** The chart, one panel of {@code panelWidth} x {@code panelHeight} per swept setting, side by side. */
    public static BufferedImage render(SweepResult result, int panelWidth, int panelHeight) {
        List<Axis> axes = result.sweep().axes();
        BufferedImage img = new BufferedImage(panelWidth * Math.max(1, axes.size()), panelHeight, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int k = 0; k < axes.size(); k++) panel(g, result, axes.get(k), k * panelWidth, panelWidth, panelHeight);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Writes the chart as a PNG, atomically. */
    public static void writePng(SweepResult result, Path file) throws IOException {
        BufferedImage img = render(result, PANEL_WIDTH, PANEL_HEIGHT);
        AtomicFiles.write(file, out -> {
            if (!javax.imageio.ImageIO.write(img, "png", out)) throw new IOException("no PNG writer");
        });
    }

    private static void panel(Graphics2D g, SweepResult result, Axis axis, int x0, int w, int h) {
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int left = x0 + 56, right = x0 + w - 16, top = 28, bottom = h - 42;
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
        double pad = Math.max(0.005, (yhi - ylo) * 0.1);
        ylo = Math.max(0, ylo - pad);
        yhi = Math.min(1, yhi + pad);
        if (yhi <= ylo) yhi = ylo + 0.01;

        g.setColor(INK);
        String title = "best validation accuracy vs " + axis.name() + (log ? " (log scale)" : "");
        g.drawString(title, x0 + (w - fm.stringWidth(title)) / 2, 18);
        // y grid and labels
        for (int t = 0; t <= 4; t++) {
            double y = ylo + (yhi - ylo) * t / 4;
            int py = yPix(y, ylo, yhi, top, bottom);
            g.setColor(GRID);
            g.drawLine(left, py, right, py);
            g.setColor(INK);
            String s = String.format(java.util.Locale.ROOT, "%.3f", y);
            g.drawString(s, left - 6 - fm.stringWidth(s), py + fm.getAscent() / 2 - 1);
        }
        // x ticks: the swept values themselves for a list, else evenly (decades for a log range)
        List<Double> ticks = new ArrayList<>();
        if (!axis.isRange() && axis.values().size() <= 8) ticks.addAll(axis.values());
        else if (log) {
            for (double d = Math.pow(10, Math.ceil(Math.log10(xlo))); d <= xhi * 1.0000001; d *= 10) ticks.add(d);
            if (ticks.size() < 2) ticks = List.of(xlo, xhi);
        } else for (int t = 0; t <= 4; t++) ticks.add(xlo + (xhi - xlo) * t / 4);
        int lastRight = Integer.MIN_VALUE;
        for (double t : ticks.stream().sorted().toList()) {
            int px = xPix(t, xlo, xhi, log, left, right);
            g.setColor(GRID);
            g.drawLine(px, top, px, bottom);
            g.setColor(INK);
            String s = Axis.shown(axis.integer() ? Math.rint(t) : Double.parseDouble(String.format(java.util.Locale.ROOT, "%.3g", t)));
            int sx = px - fm.stringWidth(s) / 2;
            if (sx > lastRight + 4) {
                g.drawString(s, sx, bottom + fm.getAscent() + 4);
                lastRight = sx + fm.stringWidth(s);
            }
        }
        g.setColor(INK);
        g.drawRect(left, top, right - left, bottom - top);
        String xl = axis.name();
        g.drawString(xl, left + (right - left - fm.stringWidth(xl)) / 2, h - 8);
        g.setStroke(new BasicStroke(1.5f));
        for (double[] p : pts) {
            int px = xPix(p[0], xlo, xhi, log, left, right);
            int py = yPix(p[1], ylo, yhi, top, bottom);
            boolean isBest = p[1] == best;
            int r = isBest ? 6 : 4;
            g.setColor(isBest ? BEST : POINT);
            g.fillOval(px - r, py - r, 2 * r, 2 * r);
        }
    }

    private static int xPix(double v, double lo, double hi, boolean log, int left, int right) {
        double f = log ? (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (v - lo) / (hi - lo);
        int margin = 10;
        return (int) Math.round(left + margin + f * (right - left - 2 * margin));
    }

    private static int yPix(double v, double lo, double hi, int top, int bottom) {
        return (int) Math.round(bottom - (v - lo) / (hi - lo) * (bottom - top));
    }
}
