package io.digitstudio.runs.sweep;

import io.digitstudio.runs.RunsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * One swept setting and its values: a list ({@code 0.1,0.03,0.01}) that a grid takes in turn and a random sweep picks
 * from, or a range that a random sweep samples: {@code log:1e-4:1e-1} evenly in the logarithm, {@code 32:256}
 * evenly (whole numbers for whole-numbered settings such as the batch size).
 *
 * @param name    the setting as {@code run.json} names it: {@code batch_size}, or a hyper-parameter ({@code lr}, {@code momentum})
 * @param option  how the user gave it ({@code --lr}), for messages
 * @param values  the listed values, or empty for a range
 * @param low     a range's low end
 * @param high    a range's high end
 * @param log     whether the range is sampled (and charted) on a log scale
 * @param integer whether the setting takes whole numbers
 */
public record Axis(String name, String option, List<Double> values, double low, double high, boolean log, boolean integer) {
    public Axis {
        values = List.copyOf(values);
    }

    /** Parses {@code text} for the setting {@code name}; a mistake is one {@link RunsException} naming {@code option}. */
    public static Axis parse(String name, String option, String text, boolean integer) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) throw new RunsException(option + " needs values, e.g. " + option + " " + (integer ? "64,128" : "0.1,0.01"));
        boolean log = t.startsWith("log:");
        if (log || t.contains(":")) {
            String[] parts = (log ? t.substring(4) : t).split(":", -1);
            if (parts.length != 2) throw new RunsException(option + " " + text + ": a range is LOW:HIGH or log:LOW:HIGH");
            double lo = number(parts[0], option, integer);
            double hi = number(parts[1], option, integer);
            if (!(lo < hi)) throw new RunsException(option + " " + text + ": the low end must be below the high end");
            if (log && lo <= 0) throw new RunsException(option + " " + text + ": a log range needs a low end above 0");
            return new Axis(name, option, List.of(), lo, hi, log, integer);
        }
        List<Double> vs = new ArrayList<>();
        for (String p : t.split(",")) {
            double v = number(p, option, integer);
            if (vs.contains(v)) throw new RunsException(option + " " + text + ": " + p.strip() + " is given twice");
            vs.add(v);
        }
        return new Axis(name, option, vs, vs.stream().mapToDouble(d -> d).min().orElse(0), vs.stream().mapToDouble(d -> d).max().orElse(0),
                false, integer);
    }

    private static double number(String s, String option, boolean integer) {
        double v;
        try {
            // read as the Train form and train's options read a number (NumberText): 1e999 is no value a setting holds
            v = new java.math.BigDecimal(s.strip()).doubleValue();
        } catch (NumberFormatException e) {
            throw new RunsException(option + ": '" + s.strip() + "' is not a number");
        }
        if (Double.isInfinite(v)) throw new RunsException(option + ": " + s.strip() + " is too large a number");
        if (v <= 0) throw new RunsException(option + ": values must be above 0, got " + s.strip());
        if (integer && v != Math.rint(v)) throw new RunsException(option + ": values must be whole numbers, got " + s.strip());
        return v;
    }

    /** Whether the values are a range to sample (a grid needs lists). */
    public boolean isRange() {
        return values.isEmpty();
    }

    /** One value at random: a listed one, or from the range. */
    double sample(SplittableRandom rng) {
        if (!isRange()) return values.get(rng.nextInt(values.size()));
        double u = rng.nextDouble();
        double v = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
        if (integer) return Math.min(high, Math.max(low, Math.rint(v)));
        // three significant digits: a value a user can type back in
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    /** Whether a chart of this setting uses a log axis: a log range, or a learning rate. */
    public boolean logScale() {
        return log || name.equals("lr") || name.equals("alpha") || name.equals("eta");
    }

    /** The range as typed: {@code log:0.0001:0.1}, {@code 0.1,0.03}. */
    public String text() {
        if (!isRange()) return String.join(",", values.stream().map(Axis::shown).toList());
        return (log ? "log:" : "") + shown(low) + ":" + shown(high);
    }

    /** A value as short as it reads (64, 0.03, 0.0001). */
    public static String shown(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }
}
