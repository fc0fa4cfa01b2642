package io.digitstudio.explain;

import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the answer moves: each class's probability along each {@link Transform} of the digit. All transforms' values
 * go through the predictor as one batch (4 × 9 = 36 inputs), the path a gallery of images takes.
 */
public record AnswerProfile(List<Curve> curves, Prediction original) {
    public AnswerProfile {
        curves = List.copyOf(curves);
    }

    /** One transform's nine values, the input each gives, and the prediction for each. */
    public record Curve(Transform transform, double[] values, float[][] inputs, Prediction[] predictions) {
        /** The probability of {@code cls} at step {@code i}. */
        public double probability(int i, int cls) {
            return predictions[i].probabilities()[cls];
        }

        /** The answer at step {@code i}. */
        public int label(int i) {
            return predictions[i].label();
        }

        /** The steps where the answer differs from the one at the middle (the digit untouched). */
        public int changes() {
            int mid = values.length / 2;
            int n = 0;
            for (Prediction p : predictions) if (p.label() != predictions[mid].label()) n++;
            return n;
        }
    }

    /** The profile of a {@code side} × {@code side} input. */
    public static AnswerProfile of(Predictor predictor, float[] input, int side) {
        if (input.length != side * side) throw new IllegalArgumentException("a " + side + "x" + side + " image has " + side * side + " values, got " + input.length);
        Transform[] all = Transform.values();
        int n = Transform.STEPS;
        float[][] batch = new float[all.length * n + 1][];
        for (int t = 0; t < all.length; t++) {
            for (int i = 0; i < n; i++) batch[t * n + i] = all[t].apply(input, side, all[t].value(i));
        }
        batch[all.length * n] = input;
        Prediction[] p = predictor.predict(batch);
        List<Curve> curves = new ArrayList<>();
        for (int t = 0; t < all.length; t++) {
            double[] values = new double[n];
            float[][] inputs = new float[n][];
            Prediction[] preds = new Prediction[n];
            for (int i = 0; i < n; i++) {
                values[i] = all[t].value(i);
                inputs[i] = batch[t * n + i];
                preds[i] = p[t * n + i];
            }
            curves.add(new Curve(all[t], values, inputs, preds));
        }
        return new AnswerProfile(curves, p[all.length * n]);
    }

    public Curve curve(Transform t) {
        for (Curve c : curves) if (c.transform() == t) return c;
        throw new IllegalArgumentException("no curve for " + t);
    }

    /** The curves as CSV: a header, then one row per transform and value with each class's probability. */
    public String csv(List<String> classNames) {
        StringBuilder sb = new StringBuilder("transform,value,answer");
        for (String c : classNames) sb.append(",p_").append(c.replace(',', ' '));
        sb.append('\n');
        for (Curve c : curves) {
            for (int i = 0; i < c.values().length; i++) {
                sb.append(c.transform().name().toLowerCase(Locale.ROOT)).append(',')
                        .append(plain(c.values()[i])).append(',')
                        .append(classNames.get(c.label(i)).replace(',', ' '));
                for (float v : c.predictions()[i].probabilities()) sb.append(String.format(Locale.ROOT, ",%.6f", v));
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** A value as plainly as it is: "-4", "0.775", "1". */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 1e4) / 1e4).stripTrailingZeros().toPlainString();
    }

    /** One line per transform: where the answer holds and where it changes. */
    public List<String> summary(List<String> classNames) {
        List<String> out = new ArrayList<>();
        for (Curve c : curves) {
            int mid = c.values().length / 2;
            int first = c.label(mid);
            StringBuilder sb = new StringBuilder(c.transform().title()).append(": ");
            if (c.changes() == 0) {
                sb.append("stays ").append(classNames.get(first)).append(" from ").append(c.transform().format(c.values()[0]))
                        .append(" to ").append(c.transform().format(c.values()[c.values().length - 1]));
            } else {
                List<String> flips = new ArrayList<>();
                for (int i = 0; i < c.values().length; i++) {
                    if (c.label(i) != first) flips.add(classNames.get(c.label(i)) + " at " + c.transform().format(c.values()[i]));
                }
                sb.append(classNames.get(first)).append(" becomes ").append(String.join(", ", flips));
            }
            out.add(sb.toString());
        }
        return out;
    }
}
