package io.digitstudio.ui.widgets;

import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The series colours of each theme (theme-&lt;name&gt;.css) stay apart with any colour vision: every pair differs by
 * more than ΔE 20 (CIE 1976 L*a*b*) as seen normally and after Machado, Oliveira and Fernandes' (2009) simulation of
 * protanopia and deuteranopia at full severity. The confusion matrix's scale grows steadily in lightness and its
 * numbers read at WCAG AA on every cell.
 */
class ThemeColoursTest {
    /** Machado et al. 2009, severity 1.0, on linear RGB. */
    static final double[][] PROTANOPIA = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}};
    static final double[][] DEUTERANOPIA = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}};
    static final double MIN_DELTA_E = 20;

    static List<Color> series(Theme t) throws IOException {
        String css;
        try (InputStream in = Theme.class.getResourceAsStream(t.colours())) {
            assertNotNull(in, t.colours());
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Color> out = new ArrayList<>();
        for (int i = 0; ; i++) {
            Matcher m = Pattern.compile("-ds-series" + i + ":\\s*(#[0-9a-fA-F]{6})").matcher(css);
            if (!m.find()) break;
            out.add(Color.web(m.group(1)));
        }
        return out;
    }

    static double[] linear(Color c) {
        return new double[]{Contrast.linear(c.getRed()), Contrast.linear(c.getGreen()), Contrast.linear(c.getBlue())};
    }

    static double[] simulate(double[][] m, double[] rgb) {
        double[] o = new double[3];
        for (int i = 0; i < 3; i++) o[i] = Math.max(0, Math.min(1, m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]));
        return o;
    }

    /** CIE L*a*b* (D65) of linear RGB. */
    static double[] lab(double[] rgb) {
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        double fx = f(x), fy = f(y), fz = f(z);
        return new double[]{116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    static double deltaE(double[] rgbA, double[] rgbB) {
        double[] a = lab(rgbA), b = lab(rgbB);
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    @Test
    void everyPairOfSeriesColoursDiffersWithAnyColourVision() throws IOException {
        StringBuilder report = new StringBuilder();
        for (Theme t : Theme.values()) {
            List<Color> s = series(t);
            assertEquals(5, s.size(), t + " has five series colours");
            double worst = Double.MAX_VALUE;
            String worstPair = "";
            // the smallest ΔE of any pair, as seen normally, with protanopia and with deuteranopia
            double[] lowest = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            for (int i = 0; i < s.size(); i++) {
                for (int j = i + 1; j < s.size(); j++) {
                    double[] a = linear(s.get(i)), b = linear(s.get(j));
                    double normal = deltaE(a, b), protan = deltaE(simulate(PROTANOPIA, a), simulate(PROTANOPIA, b)),
                            deutan = deltaE(simulate(DEUTERANOPIA, a), simulate(DEUTERANOPIA, b));
                    String pair = String.format(Locale.ROOT, "%s series%d/series%d: ΔE normal %.1f, protanopia %.1f, deuteranopia %.1f",
                            t.id(), i, j, normal, protan, deutan);
                    assertTrue(normal > MIN_DELTA_E && protan > MIN_DELTA_E && deutan > MIN_DELTA_E, pair);
                    lowest[0] = Math.min(lowest[0], normal);
                    lowest[1] = Math.min(lowest[1], protan);
                    lowest[2] = Math.min(lowest[2], deutan);
                    double min = Math.min(normal, Math.min(protan, deutan));
                    if (min < worst) {
                        worst = min;
                        worstPair = pair;
                    }
                }
            }
            report.append(String.format(Locale.ROOT, "%s: lowest ΔE of any series pair: normal %.1f, protanopia %.1f, deuteranopia %.1f; smallest pair %s%n",
                    t.id(), lowest[0], lowest[1], lowest[2], worstPair));
        }
        io.digitstudio.ui.Figures.write("series-colour-vision", report);
    }

    @Test
    void theSimulationMatchesMachadosFigures() {
        // pure red under protanopia keeps little light (Machado's first column), pure green under deuteranopia turns olive
        double[] red = simulate(PROTANOPIA, new double[]{1, 0, 0});
        assertArrayEquals(new double[]{0.152286, 0.114503, 0}, red, 1e-6);
        double[] green = simulate(DEUTERANOPIA, new double[]{0, 1, 0});
        assertArrayEquals(new double[]{0.860646, 0.672501, 0.042940}, green, 1e-6);
        // and the distance of black and white is L* 100
        assertEquals(100, deltaE(new double[]{0, 0, 0}, new double[]{1, 1, 1}), 0.01);
        // red and green, the classic confusion, collapse under deuteranopia
        double[] r = linear(Color.web("#d62728")), g = linear(Color.web("#2ca02c"));
        assertTrue(deltaE(simulate(DEUTERANOPIA, r), simulate(DEUTERANOPIA, g)) < MIN_DELTA_E, "the test can fail");
    }

    @Test
    void theHeatMapGrowsInLightnessAndItsNumbersRead() {
        StringBuilder report = new StringBuilder();
        for (Theme t : Theme.values()) {
            HeatScale h = HeatScale.of(t);
            double minContrast = Double.MAX_VALUE;
            for (boolean right : new boolean[]{true, false}) {
                double previous = Double.NaN;
                for (int i = 0; i <= 100; i++) {
                    double s = i / 100.0;
                    double l = lab(linear(h.fill(right, s)))[0];
                    if (!Double.isNaN(previous)) {
                        assertTrue(t.dark() ? l >= previous - 1e-9 : l <= previous + 1e-9, t + " lightness steady at " + s);
                    }
                    previous = l;
                    minContrast = Math.min(minContrast, Contrast.ratio(h.fill(right, s), h.text(right, s)));
                }
                double span = Math.abs(lab(linear(h.fill(right, 1)))[0] - lab(linear(h.fill(right, 0)))[0]);
                assertTrue(span > 50, t + (right ? " right" : " wrong") + " spans L* " + span);
            }
            assertTrue(minContrast >= 4.5, t + " cell text contrast " + minContrast);
            // right and wrong at full strength differ with any colour vision
            double[] r = linear(h.fill(true, 1)), w = linear(h.fill(false, 1));
            double dp = deltaE(simulate(PROTANOPIA, r), simulate(PROTANOPIA, w)), dd = deltaE(simulate(DEUTERANOPIA, r), simulate(DEUTERANOPIA, w));
            assertTrue(dp > MIN_DELTA_E && dd > MIN_DELTA_E, t + " right/wrong ΔE " + dp + ", " + dd);
            report.append(String.format(Locale.ROOT, "%s heat map: cell text ≥ %.2f:1, right/wrong ΔE protanopia %.1f, deuteranopia %.1f%n", t.id(),
                    minContrast, dp, dd));
        }
        io.digitstudio.ui.Figures.write("heat-map", report);
    }
}
