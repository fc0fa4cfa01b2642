package io.digitstudio.data;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Digits as a camera or a scanner sees them, made in code (nothing downloaded): pen paths of {@link DrawnDigits}
 * rendered as ink coverage, then put on paper and photographed — coloured ink and paper, light falling off across
 * the page, paper texture and sensor noise, blur, JPEG compression, thin pens and fat markers, a slightly turned page
 * stored sideways with an EXIF orientation, ink on a transparent background. Seeded: the same seed makes the same
 * files. Used to measure how well pictures are read, not to tune the reading.
 */
public final class CameraDigits {
    /** What each kind of picture does to the digit (CAMERA: all of it, mildly). */
    public enum Kind { GRADIENT, COLOUR, NOISE, BLUR, JPEG, THIN, THICK, EXIF, TRANSPARENT, CAMERA }

    /** A picture file's bytes and its extension, and the digits it shows, left to right. */
    public record Shot(String digits, byte[] bytes, String extension) {
    }

    private final Rng rng;
    private final DrawnDigits pens;

    public CameraDigits(long seed) {
        this.rng = new Rng(seed);
        this.pens = new DrawnDigits(seed * 31 + 7);
    }

    /** One digit, distorted the way {@code kind} says. */
    public Shot single(Kind kind, int digit) throws IOException {
        return shot(kind, new int[][]{{digit}});
    }

    /**
     * A number, unevenly spaced (about one gap in six so narrow that the digits touch), photographed with mild
     * distortions of every kind.
     */
    public Shot number(int[] digits) throws IOException {
        return shot(Kind.CAMERA, new int[][]{digits});
    }

    /** White ink on a fully transparent background, as a drawing app exports it (PNG). */
    public Shot whiteOnTransparent(int digit) throws IOException {
        whiteInkOnly = true;
        try {
            return shot(Kind.TRANSPARENT, new int[][]{{digit}});
        } finally {
            whiteInkOnly = false;
        }
    }

    private boolean whiteInkOnly;

    /** On grey paper with light falling off from left to right (to 30-50%), like the photographed 3 of issue 15. */
    public Shot leftToRightLit(int digit) throws IOException {
        lightFromLeft = true;
        try {
            return shot(Kind.GRADIENT, new int[][]{{digit}});
        } finally {
            lightFromLeft = false;
        }
    }

    private boolean lightFromLeft;

    /**
     * One digit photographed as {@link Kind#CAMERA} does, with a soft shadow band across the page (an arm or a phone
     * held over the paper): 25-60 % of the picture wide, 30-50 % darker, its edges soft, at any angle, lying across the
     * digit, with an edge through it, or beside it.
     */
    public Shot shadowBand(int digit) throws IOException {
        band = true;
        try {
            return shot(Kind.CAMERA, new int[][]{{digit}});
        } finally {
            band = false;
        }
    }

    private boolean band;

    /**
     * A number photographed as {@link #number} does, but with its digits apart except digits {@code pair} and
     * {@code pair + 1}, whose ink meets by 1-3 pixels somewhere along their height.
     */
    public Shot touchingPair(int[] digits, int pair) throws IOException {
        touching = pair;
        try {
            return shot(Kind.CAMERA, new int[][]{digits});
        } finally {
            touching = -1;
        }
    }

    private int touching = -1;

    /** Lines of digits on one page, top to bottom; the digits read line after line. */
    public Shot page(int[]... lines) throws IOException {
        return shot(Kind.CAMERA, lines);
    }

    private Shot shot(Kind kind, int[][] lines) throws IOException {
        double h = u(90, 150);
        double pen = switch (kind) {
            case THIN -> u(0.02, 0.035);
            case THICK -> u(0.19, 0.25);
            case CAMERA -> u(0.05, 0.16);
            default -> u(0.07, 0.14);
        };
        double marginX = u(0.3, 0.9) * h, marginY = u(0.35, 0.9) * h;
        double lineStep = h * u(1.5, 1.9);
        // lay the digits out: widths vary, gaps vary (some touch), each line starts a little differently
        java.util.List<double[]> placed = new java.util.ArrayList<>(); // {digit, x, y, w, h}
        double widest = 0;
        for (int li = 0; li < lines.length; li++) {
            double x = u(0, 0.3) * h;
            for (int i = 0; i < lines[li].length; i++) {
                int d = lines[li][i];
                double dh = h * u(0.9, 1.1);
                double dw = dh * (d == 1 ? u(0.2, 0.45) : u(0.55, 0.75));
                if (i > 0 && touching >= 0) x += h * u(0.12, 0.55); // apart; the touching pair is moved together once drawn
                else if (i > 0) x += rng.nextDouble() < 1 / 6.0 ? h * u(-0.04, 0.0) : h * u(0.12, 0.55);
                placed.add(new double[]{d, x, li * lineStep + u(-0.06, 0.06) * h, dw, dh});
                x += dw;
            }
            widest = Math.max(widest, x);
        }
        int width = (int) Math.round(widest + 2 * marginX);
        int height = (int) Math.round((lines.length - 1) * lineStep + h * 1.2 + 2 * marginY);
        BufferedImage cover = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = cover.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        double turn = kind == Kind.EXIF || kind == Kind.CAMERA ? u(-6, 6) * (lines[0].length > 4 ? 0.5 : 1) : 0;
        g.rotate(Math.toRadians(turn), width / 2.0, height / 2.0);
        float[][] layers = touching >= 0 ? new float[placed.size()][] : null;
        for (int i = 0; i < placed.size(); i++) {
            double[] p = placed.get(i);
            AffineTransform t = new AffineTransform();
            t.translate(marginX + p[1] + p[3] / 2, marginY + 0.1 * h + p[2] + p[4] / 2);
            t.shear(u(-0.2, 0.1), 0);
            t.rotate(Math.toRadians(u(-5, 5)));
            t.scale(p[3], p[4]);
            t.translate(-0.5, -0.5);
            if (layers == null) {
                pens.drawStrokes(g, (int) p[0], t, (float) (p[4] * pen));
                continue;
            }
            // each digit on a layer of its own, so that the pair can be moved until their ink meets
            BufferedImage layer = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
            Graphics2D lg = layer.createGraphics();
            lg.setRenderingHints(g.getRenderingHints());
            lg.setColor(Color.WHITE);
            lg.setTransform(g.getTransform());
            pens.drawStrokes(lg, (int) p[0], t, (float) (p[4] * pen));
            lg.dispose();
            layers[i] = new float[width * height];
            for (int y = 0; y < height; y++) for (int xx = 0; xx < width; xx++) layers[i][y * width + xx] = layer.getRaster().getSample(xx, y, 0) / 255f;
        }
        g.dispose();
        StringBuilder truth = new StringBuilder();
        for (int[] line : lines) for (int d : line) truth.append(d);
        float[] c = new float[width * height];
        if (layers == null) {
            for (int y = 0; y < height; y++) for (int xx = 0; xx < width; xx++) c[y * width + xx] = cover.getRaster().getSample(xx, y, 0) / 255f;
        } else {
            // the digits after the pair move left until the pair's ink overlaps by 1-3 pixels in its closest row
            int shift = closestGap(layers[touching], layers[touching + 1], width, height) + 1 + (int) (rng.nextDouble() * 3);
            for (int i = 0; i < layers.length; i++) {
                int s = i > touching ? shift : 0;
                for (int y = 0; y < height; y++) {
                    for (int xx = 0; xx < width; xx++) {
                        int from = xx + s;
                        if (from < width) c[y * width + xx] = Math.max(c[y * width + xx], layers[i][y * width + from]);
                    }
                }
            }
        }

        if (kind == Kind.TRANSPARENT) return new Shot(truth.toString(), transparent(c, width, height), "png");

        float[][] paper = {{1, 1, 1}}, ink = {{0.05f, 0.05f, 0.08f}};
        float[] p = paper[0], k = ink[0];
        switch (kind) {
            case GRADIENT -> {
                float grey = (float) u(0.55, 0.85);
                p = new float[]{grey, grey, grey};
                k = new float[]{0.12f, 0.12f, 0.12f};
            }
            case COLOUR, CAMERA -> {
                p = colour(0.55, 1.0, kind == Kind.CAMERA ? 0.15 : 0.5);
                do {
                    k = colour(0.05, 0.6, 0.9);
                } while (distance(p, k) < 0.45);
            }
            default -> {
            }
        }
        float[][] rgb = new float[3][width * height];
        for (int i = 0; i < c.length; i++) for (int ch = 0; ch < 3; ch++) rgb[ch][i] = (1 - c[i]) * p[ch] + c[i] * k[ch];
        if (kind == Kind.GRADIENT || kind == Kind.CAMERA) light(rgb, width, height, kind == Kind.GRADIENT ? u(0.3, 0.5) : u(0.55, 0.8));
        if (band) shadowBand(rgb, c, width, height);
        if (kind == Kind.NOISE || kind == Kind.CAMERA) texture(rgb, width, height, kind == Kind.NOISE ? 0.05 : 0.025);
        if (kind == Kind.BLUR || kind == Kind.CAMERA) blur(rgb, width, height, kind == Kind.BLUR ? (int) Math.round(u(2, 4)) : 1);
        if (kind == Kind.NOISE || kind == Kind.CAMERA) noise(rgb, kind == Kind.NOISE ? u(0.04, 0.08) : u(0.01, 0.03));
        BufferedImage photo = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < c.length; i++) {
            int r = byteOf(rgb[0][i]), gg = byteOf(rgb[1][i]), b = byteOf(rgb[2][i]);
            photo.setRGB(i % width, i / width, (r << 16) | (gg << 8) | b);
        }
        return switch (kind) {
            case JPEG -> new Shot(truth.toString(), jpeg(photo, (float) u(0.25, 0.5), 1), "jpg");
            case CAMERA -> new Shot(truth.toString(), jpeg(photo, (float) u(0.6, 0.85), 1), "jpg");
            case EXIF -> {
                int[] orientations = {3, 6, 8};
                int o = orientations[(int) (rng.nextDouble() * 3)];
                yield new Shot(truth.toString(), jpeg(stored(photo, o), 0.9f, o), "jpg");
            }
            default -> new Shot(truth.toString(), png(photo), "png");
        };
    }

    /** The fewest paper pixels between {@code left}'s ink and {@code right}'s in any row both have ink in (ink: coverage above a half). */
    private static int closestGap(float[] left, float[] right, int w, int h) {
        int best = Integer.MAX_VALUE;
        for (int y = 0; y < h; y++) {
            int l = -1, r = -1;
            for (int x = 0; x < w; x++) if (left[y * w + x] > 0.5f) l = x;
            for (int x = w - 1; x >= 0; x--) if (right[y * w + x] > 0.5f) r = x;
            if (l >= 0 && r >= 0) best = Math.min(best, r - l - 1);
        }
        if (best == Integer.MAX_VALUE) throw new IllegalStateException("the pair shares no row");
        return best;
    }

    /** Ink colour with alpha = coverage on a fully transparent background (the alpha draws the digit). */
    private byte[] transparent(float[] c, int width, int height) throws IOException {
        float[][] inks = {{1, 1, 1}, {0, 0, 0}, colour(0.2, 0.9, 0.9)};
        float[] k = inks[(int) (rng.nextDouble() * 3)];
        if (whiteInkOnly) k = inks[0];
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int i = 0; i < c.length; i++) {
            int a = byteOf(c[i]);
            img.setRGB(i % width, i / width, (a << 24) | (byteOf(k[0]) << 16) | (byteOf(k[1]) << 8) | byteOf(k[2]));
        }
        return png(img);
    }

    /** A colour with brightness in [lo, hi] and saturation up to {@code sat}. */
    private float[] colour(double lo, double hi, double sat) {
        float hue = (float) rng.nextDouble();
        float s = (float) u(0, sat);
        float v = (float) u(lo, hi);
        int rgb = Color.HSBtoRGB(hue, s, v);
        return new float[]{((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f};
    }

    private static double distance(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < 3; i++) d += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(d);
    }

    /** Light that falls off across the page in a random direction, from 1 down to {@code low}. */
    private void light(float[][] rgb, int w, int h, double low) {
        double a = rng.nextDouble() * 2 * Math.PI;
        if (lightFromLeft) a = 0;
        double dx = Math.cos(a), dy = Math.sin(a);
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
        for (int[] corner : new int[][]{{0, 0}, {w, 0}, {0, h}, {w, h}}) {
            double t = corner[0] * dx + corner[1] * dy;
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        for (int i = 0; i < rgb[0].length; i++) {
            double t = ((i % w) * dx + (i / w) * dy - min) / (max - min);
            float f = (float) (1 - (1 - low) * t);
            for (float[] ch : rgb) ch[i] *= f;
        }
    }

    /**
     * A soft shadow band: a stripe at a random angle, {@code 0.25-0.6} of the picture wide across its direction,
     * {@code 0.3-0.5} darker, with edges that fade over 3-15 % of the picture; its middle lies on the ink's centre
     * (across the digit), one edge on it (the edge through the digit), or beyond the ink (beside it).
     */
    private void shadowBand(float[][] rgb, float[] cover, int w, int h) {
        double a = rng.nextDouble() * Math.PI;
        double dx = Math.cos(a), dy = Math.sin(a);
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, inkT = 0, mass = 0, inkMin = Double.MAX_VALUE, inkMax = -Double.MAX_VALUE;
        for (int[] corner : new int[][]{{0, 0}, {w, 0}, {0, h}, {w, h}}) {
            double t = corner[0] * dx + corner[1] * dy;
            min = Math.min(min, t);
            max = Math.max(max, t);
        }
        for (int i = 0; i < cover.length; i++) {
            if (cover[i] <= 0.5f) continue;
            double t = (i % w) * dx + (i / w) * dy;
            inkT += t;
            mass++;
            inkMin = Math.min(inkMin, t);
            inkMax = Math.max(inkMax, t);
        }
        double extent = max - min, width = u(0.25, 0.6) * extent, soft = u(0.03, 0.15) * extent, dark = u(0.3, 0.5);
        double centre = mass == 0 ? (min + max) / 2 : inkT / mass;
        double from = switch ((int) (rng.nextDouble() * 3)) {
            case 0 -> centre - width / 2; // across the digit
            case 1 -> centre - (rng.nextDouble() < 0.5 ? 0 : width); // an edge through it
            default -> rng.nextDouble() < 0.5 ? inkMax + soft : inkMin - soft - width; // beside it
        };
        for (int i = 0; i < rgb[0].length; i++) {
            double t = (i % w) * dx + (i / w) * dy;
            double inside = Math.min(t - from, from + width - t) / soft; // > 0 inside the band, 1 and more fully dark
            double f = inside <= -0.5 ? 0 : inside >= 0.5 ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * (inside + 0.5));
            float k = (float) (1 - dark * f);
            for (float[] ch : rgb) ch[i] *= k;
        }
    }

    /** Paper texture: a few soft waves of brightness. */
    private void texture(float[][] rgb, int w, int h, double amount) {
        double[][] waves = new double[4][];
        for (int i = 0; i < waves.length; i++) waves[i] = new double[]{u(0.02, 0.15), u(0.02, 0.15), u(0, 6.3)};
        for (int i = 0; i < rgb[0].length; i++) {
            double t = 0;
            for (double[] wv : waves) t += Math.sin((i % w) * wv[0] + (i / w) * wv[1] + wv[2]);
            float f = (float) (1 + amount * t / 2);
            for (float[] ch : rgb) ch[i] *= f;
        }
    }

    private void noise(float[][] rgb, double sigma) {
        java.util.Random gauss = new java.util.Random((long) (rng.nextDouble() * Long.MAX_VALUE));
        for (float[] ch : rgb) for (int i = 0; i < ch.length; i++) ch[i] += (float) (sigma * gauss.nextGaussian());
    }

    /** Out of focus: a box blur of radius r applied three times (close to a Gaussian). */
    private static void blur(float[][] rgb, int w, int h, int r) {
        for (int ch = 0; ch < 3; ch++) for (int pass = 0; pass < 3; pass++) rgb[ch] = io.digitstudio.read.Filters.boxBlur(rgb[ch], w, h, r);
    }

    /** The pixels as a phone stores them when it sets EXIF orientation {@code o} (3: turned 180°, 6: 90° ccw, 8: 90° cw). */
    static BufferedImage stored(BufferedImage upright, int o) {
        int w = upright.getWidth(), h = upright.getHeight();
        boolean swap = o != 3;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = upright.getRGB(x, y);
                // orientation 6 means "turn 90° clockwise to view": the stored picture is the upright one turned counter-clockwise
                switch (o) {
                    case 3 -> out.setRGB(w - 1 - x, h - 1 - y, v);
                    case 6 -> out.setRGB(y, w - 1 - x, v);
                    default -> out.setRGB(h - 1 - y, x, v);
                }
            }
        }
        return out;
    }

    private static byte[] png(BufferedImage img) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** JPEG at {@code quality}; with an EXIF APP1 segment carrying {@code orientation} when it is not 1. */
    static byte[] jpeg(BufferedImage img, float quality, int orientation) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(buf)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
        byte[] j = buf.toByteArray();
        if (orientation == 1) return j;
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        byte[] id = {'E', 'x', 'i', 'f', 0, 0};
        int len = 2 + id.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(j, 0, 2);
        out.write(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) (len >> 8), (byte) len});
        out.write(id);
        out.write(tiff);
        out.write(j, 2, j.length - 2);
        return out.toByteArray();
    }

    private static int byteOf(float v) {
        return Math.max(0, Math.min(255, Math.round(v * 255)));
    }

    private double u(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
