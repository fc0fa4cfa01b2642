package io.digitstudio.read;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.RgbImage;
import io.digitstudio.data.Rng;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Photos of handwritten digits made independently of {@code CameraDigits}: MNIST's test digits (never trained on),
 * enlarged and put on paper of several colours, then lit the way a desk lamp and a hand over the page light them: a
 * soft shadow band 25-60 % of the picture wide, 30-50 % darker, at any angle, crossing the digit, with its edge through
 * the digit, or beside it; or a hard cast shadow. Numbers are laid out with their digits apart, or with one pair that
 * touches by 1-3 pixels somewhere along its height. Seeded: the same seed makes the same pictures.
 *
 * <p>Only digits that the built-in model reads right as MNIST stores them are drawn, so a miss is the reading's, not
 * the model's.
 */
final class PaperPhotos {
    /** Where a shadow falls. */
    enum Shadow { NONE, ACROSS, EDGE_THROUGH, BESIDE, CAST }

    /**
     * A picture and what it shows, with the conditions it was made under (for messages), and which digit's ink each
     * pixel holds most of ({@code owner}, index into {@code digits}; -1 for paper): the true parting of touching digits.
     */
    record Photo(String digits, RgbImage image, String conditions, int[] owner) {
    }

    private static List<int[]> eligible;
    private static LabeledImages test;

    private final Rng rng;

    PaperPhotos(long seed, Predictor predictor) {
        this.rng = new Rng(seed);
        load(predictor);
    }

    /** MNIST test digits by label whose 28x28 images the model reads right. */
    private static synchronized void load(Predictor predictor) {
        if (eligible != null) return;
        test = Mnist.bundled().test();
        float[][] xs = new float[test.size()][784];
        for (int i = 0; i < xs.length; i++) test.copyFeatures(i, xs[i], 0);
        Prediction[] p = predictor.predict(xs);
        List<List<Integer>> byLabel = new ArrayList<>();
        for (int d = 0; d < 10; d++) byLabel.add(new ArrayList<>());
        for (int i = 0; i < xs.length; i++) if (p[i].label() == test.label(i)) byLabel.get(test.label(i)).add(i);
        List<int[]> out = new ArrayList<>();
        for (List<Integer> l : byLabel) out.add(l.stream().mapToInt(Integer::intValue).toArray());
        eligible = out;
    }

    /** One digit under {@code shadow}. */
    Photo single(int digit, Shadow shadow) {
        return compose(new int[]{digit}, -1, shadow);
    }

    /** A number with its digits apart (no shadow, mild light). */
    Photo apart(int[] digits) {
        return compose(digits, -1, Shadow.NONE);
    }

    /** A number whose digits {@code touching} and {@code touching + 1} meet by 1-3 pixels; the others stand apart. */
    Photo touching(int[] digits, int touching) {
        return compose(digits, touching, Shadow.NONE);
    }

    private Glyph glyph(int digit, double scale) {
        int[] pool = eligible.get(digit);
        Glyph g = Glyph.of(test, pool[rng.nextInt(pool.length)], scale, false);
        float[] c = g.c();
        // sharpened like a pen's from the enlarged coverage as stored (the photographs were tuned on these values)
        for (int i = 0; i < c.length; i++) c[i] = (float) Math.max(0, Math.min(1, (c[i] - 0.25) / 0.5));
        return g;
    }

    private Photo compose(int[] digits, int touching, Shadow shadow) {
        double scale = u(3.0, 4.5);
        List<Glyph> glyphs = new ArrayList<>();
        int tallest = 0;
        for (int d : digits) {
            Glyph g = glyph(d, scale);
            glyphs.add(g);
            tallest = Math.max(tallest, g.h());
        }
        int[] xs = new int[digits.length], ys = new int[digits.length];
        int x = 0, right = 0;
        for (int i = 0; i < digits.length; i++) {
            Glyph g = glyphs.get(i);
            ys[i] = (int) Math.round((tallest - g.h()) / 2.0 + u(-0.06, 0.06) * tallest);
            if (i == 0) {
                xs[i] = 0;
            } else if (i - 1 == touching) {
                xs[i] = Glyph.touchingAt(glyphs.get(i - 1), xs[i - 1], ys[i - 1], g, ys[i], 1 + rng.nextInt(3));
            } else {
                xs[i] = right + (int) Math.round(u(0.12, 0.4) * tallest);
            }
            right = Math.max(right, xs[i] + g.w());
        }
        int top = 0, bottom = 0;
        for (int i = 0; i < digits.length; i++) {
            top = Math.min(top, ys[i]);
            bottom = Math.max(bottom, ys[i] + glyphs.get(i).h());
        }
        int mx = (int) Math.round(u(0.4, 1.0) * tallest), my = (int) Math.round(u(0.4, 0.9) * tallest);
        int w = right + 2 * mx, h = bottom - top + 2 * my;
        float[] cover = new float[w * h];
        int[] owner = new int[w * h];
        java.util.Arrays.fill(owner, -1);
        for (int i = 0; i < digits.length; i++) {
            Glyph g = glyphs.get(i);
            for (int y = 0; y < g.h(); y++) {
                for (int xx = 0; xx < g.w(); xx++) {
                    int p = (ys[i] - top + my + y) * w + xs[i] + mx + xx;
                    if (g.c()[y * g.w() + xx] > cover[p]) owner[p] = i;
                    cover[p] = Math.max(cover[p], g.c()[y * g.w() + xx]);
                }
            }
        }
        int paperKind = rng.nextInt(3);
        float[] paper = switch (paperKind) {
            case 0 -> grey(u(0.88, 1.0));
            case 1 -> grey(u(0.55, 0.85));
            default -> colour(0.6, 1.0, 0.45);
        };
        float[] ink;
        do {
            ink = colour(0.03, 0.35, 0.8);
        } while (distance(paper, ink) < 0.4);
        float[][] rgb = new float[3][w * h];
        for (int i = 0; i < cover.length; i++) for (int ch = 0; ch < 3; ch++) rgb[ch][i] = (1 - cover[i]) * paper[ch] + cover[i] * ink[ch];
        // a lamp: light falls off mildly across the page
        double la = u(0, 2 * Math.PI), low = u(0.75, 1.0);
        double cx = mx + right / 2.0, cy = my + (bottom - top) / 2.0;
        String lit = light(rgb, w, h, shadow, cx, cy, tallest, right);
        for (int i = 0; i < cover.length; i++) {
            double t = (((i % w) - w / 2.0) * Math.cos(la) + ((i / w) - h / 2.0) * Math.sin(la)) / Math.hypot(w, h) + 0.5;
            float f = (float) (1 - (1 - low) * t);
            for (float[] ch : rgb) ch[i] *= f;
        }
        double sigma = u(0.005, 0.02);
        for (float[] ch : rgb) for (int i = 0; i < ch.length; i++) ch[i] = Math.round(255 * clamp(ch[i] + sigma * rng.nextGaussian())) / 255f;
        StringBuilder truth = new StringBuilder();
        for (int d : digits) truth.append(d);
        String conditions = String.format(java.util.Locale.ROOT, "%s paper %s%s", truth, paperKind == 0 ? "white" : paperKind == 1 ? "grey" : "colour", lit);
        return new Photo(truth.toString(), new RgbImage(w, h, rgb[0], rgb[1], rgb[2]), conditions, owner);
    }

    /** The shadow of a hand or a phone: a band with soft edges (or a hard half-plane), multiplying paper and ink alike. */
    private String light(float[][] rgb, int w, int h, Shadow shadow, double cx, double cy, int digitH, int inkW) {
        if (shadow == Shadow.NONE) return "";
        double angle = u(0, Math.PI);
        double nx = Math.cos(angle), ny = Math.sin(angle);
        double extent = Math.abs(w * nx) + Math.abs(h * ny);
        double width = u(0.25, 0.6) * extent;
        double dark = u(0.3, 0.5);
        double soft = shadow == Shadow.CAST ? u(0.5, 2) : u(0.03, 0.3) * width;
        // half the ink's extent along the normal: how far from its centre the band must stay to miss it
        double inkHalf = (Math.abs(inkW * nx) + Math.abs(digitH * ny)) / 2;
        double side = rng.nextDouble() < 0.5 ? -1 : 1;
        double centre = switch (shadow) {
            case ACROSS -> u(-0.2, 0.2) * width;
            case EDGE_THROUGH -> side * (width / 2 + u(-0.3, 0.3) * inkHalf);
            case BESIDE -> side * (width / 2 + inkHalf + soft + u(0.05, 0.3) * digitH);
            case CAST -> side * (1e6 + u(-0.5, 0.5) * inkHalf);
            default -> throw new IllegalStateException();
        };
        double half = shadow == Shadow.CAST ? 1e6 : width / 2;
        for (int i = 0; i < rgb[0].length; i++) {
            double t = ((i % w) + 0.5 - cx) * nx + ((i / w) + 0.5 - cy) * ny - centre;
            double in = smooth((half - Math.abs(t)) / Math.max(0.5, soft));
            float f = (float) (1 - dark * in);
            for (float[] ch : rgb) ch[i] *= f;
        }
        return String.format(java.util.Locale.ROOT, ", %s shadow at %.0f° %.0f%% of %.0f px wide, %.0f%% darker, edge %.1f px",
                shadow.name().toLowerCase(java.util.Locale.ROOT), Math.toDegrees(angle), 100 * width / extent, extent, 100 * dark, soft);
    }

    /** 0 below -1, 1 above 1, a smooth step between. */
    private static double smooth(double s) {
        double t = Math.max(0, Math.min(1, (s + 1) / 2));
        return t * t * (3 - 2 * t);
    }

    private static float[] grey(double v) {
        return new float[]{(float) v, (float) v, (float) v};
    }

    private float[] colour(double lo, double hi, double sat) {
        int rgb = Color.HSBtoRGB((float) rng.nextDouble(), (float) u(0, sat), (float) u(lo, hi));
        return new float[]{((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f};
    }

    private static double distance(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < 3; i++) d += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(d);
    }

    private static float clamp(double v) {
        return (float) Math.max(0, Math.min(1, v));
    }

    private double u(double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
