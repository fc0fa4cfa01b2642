package io.digitstudio.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.digitstudio.data.Dataset;
import io.digitstudio.data.GreyImage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How MNIST's training digits measure, as percentiles: the stroke width as the preparation judges it, how far the
 * centre of mass sits from the field's centre, the slant, and the share of ink on the picture's
 * edge. The bundled figures ({@value #RESOURCE}) are measured from the bundled training set by {@link #measure}
 * ({@code MnistNormsWriter} in the tests writes them, {@code MnistNormsTest} measures again and compares), so the
 * "MNIST-likeness" line judges a drawing against MNIST itself, not against guesses.
 */
public record MnistNorms(String source, int count, Map<String, Norm> measures) {
    public static final String RESOURCE = "mnist-norms.json";
    /** {@link DigitPreprocessor#canonStrokeWidth}: pixels, with the digit's longer side at 80. */
    public static final String STROKE = "stroke_width";
    /** Distance of the 28x28 input's centre of mass from the field's centre, in pixels. */
    public static final String MASS = "mass_offset";
    /** Horizontal shift per pixel down of the ink (second moments: mu11 / mu02); negative leans right. */
    public static final String SLANT = "slant";
    /** Share of the ink in the picture's outer ring, one twenty-eighth of its shorter side wide. */
    public static final String EDGE = "edge_ink";

    /** Percentiles of one measure, and its mean. */
    public record Norm(double p1, double p5, double p50, double p95, double p99, double mean) {
        static Norm of(double[] values) {
            double[] v = values.clone();
            Arrays.sort(v);
            double sum = 0;
            for (double x : v) sum += x;
            return new Norm(at(v, 0.01), at(v, 0.05), at(v, 0.5), at(v, 0.95), at(v, 0.99), sum / v.length);
        }

        private static double at(double[] sorted, double q) {
            return sorted[(int) Math.round(q * (sorted.length - 1))];
        }
    }

    public MnistNorms {
        measures = Map.copyOf(measures);
    }

    public Norm norm(String measure) {
        Norm n = measures.get(measure);
        if (n == null) throw new IllegalArgumentException("no MNIST norm named " + measure);
        return n;
    }

    private static volatile MnistNorms bundled;

    /** The figures shipped with the app, read once. */
    public static MnistNorms bundled() {
        MnistNorms n = bundled;
        if (n == null) {
            try (InputStream in = MnistNorms.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new IllegalStateException("the MNIST norms " + RESOURCE + " are missing (a broken build?)");
                n = mapper().readValue(in, MnistNorms.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the MNIST norms " + RESOURCE + ": " + e.getMessage(), e);
            }
            bundled = n;
        }
        return n;
    }

    /** The figures as JSON, for the resource. */
    public String toJson() {
        try {
            return mapper().writeValueAsString(this) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    /** Measures every image of {@code images} (28x28 grey, bright ink on black, as MNIST stores them). */
    public static MnistNorms measure(Dataset images, String source) {
        int n = images.size();
        double[] stroke = new double[n], mass = new double[n], slant = new double[n], edge = new double[n];
        int side = images.exampleShape()[images.exampleShape().length - 1];
        float[] x = new float[images.featureSize()];
        for (int i = 0; i < n; i++) {
            images.copyFeatures(i, x, 0);
            GreyImage img = new GreyImage(side, images.featureSize() / side, x);
            stroke[i] = DigitPreprocessor.canonStrokeWidth(img);
            mass[i] = massOffset(img);
            slant[i] = slant(img);
            edge[i] = edgeInk(img);
        }
        Map<String, Norm> m = new LinkedHashMap<>();
        m.put(STROKE, Norm.of(stroke));
        m.put(MASS, Norm.of(mass));
        m.put(SLANT, Norm.of(slant));
        m.put(EDGE, Norm.of(edge));
        return new MnistNorms(source, n, m);
    }

    /** {@link #MASS} of a 28x28 input (0 for an empty one). */
    public static double massOffset(GreyImage img) {
        double[] c = centreOfMass(img);
        return Math.hypot(c[0] - img.width() / 2.0, c[1] - img.height() / 2.0);
    }

    /** {@link #SLANT}: how far the ink moves sideways per pixel down (negative: its top leans right). */
    public static double slant(GreyImage img) {
        double[] c = centreOfMass(img);
        double mu11 = 0, mu02 = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                float v = img.get(x, y);
                double dy = y + 0.5 - c[1];
                mu11 += v * (x + 0.5 - c[0]) * dy;
                mu02 += v * dy * dy;
            }
        }
        return mu02 == 0 ? 0 : mu11 / mu02;
    }

    /** {@link #EDGE} of any picture of ink (bright on dark). */
    public static double edgeInk(GreyImage img) {
        int ring = Math.max(1, (int) Math.round(Math.min(img.width(), img.height()) / 28.0));
        double all = 0, edge = 0;
        for (int y = 0; y < img.height(); y++) {
            boolean rowEdge = y < ring || y >= img.height() - ring;
            for (int x = 0; x < img.width(); x++) {
                float v = img.get(x, y);
                all += v;
                if (rowEdge || x < ring || x >= img.width() - ring) edge += v;
            }
        }
        return all == 0 ? 0 : edge / all;
    }

    private static double[] centreOfMass(GreyImage img) {
        double mass = 0, mx = 0, my = 0;
        for (int y = 0; y < img.height(); y++) {
            for (int x = 0; x < img.width(); x++) {
                float v = img.get(x, y);
                mass += v;
                mx += v * (x + 0.5);
                my += v * (y + 0.5);
            }
        }
        return mass == 0 ? new double[]{img.width() / 2.0, img.height() / 2.0} : new double[]{mx / mass, my / mass};
    }
}
