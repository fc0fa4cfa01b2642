package io.digitstudio.train;

import io.digitstudio.data.Dataset;
import io.digitstudio.io.TextFormats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a model's predictions fall against the true labels: {@code count(t, p)} examples of true class t predicted as p
 * (rows true, columns predicted), with per-class precision, recall, F1 and support (Weka's "Detailed Accuracy By
 * Class"), their macro and weighted averages, and the most-confused pairs.
 */
public final class ConfusionMatrix {
    private final int k;
    private final long[][] counts;
    private final long total;
    /** Each example's true and predicted class, in the set's order, when the matrix was counted from them (else null). */
    private final int[] truth;
    private final int[] predicted;

    public ConfusionMatrix(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) throw new IllegalArgumentException(truth.length + " labels for " + predicted.length + " predictions");
        this.k = classes;
        this.counts = new long[classes][classes];
        for (int i = 0; i < truth.length; i++) counts[truth[i]][predicted[i]]++;
        this.total = truth.length;
        this.truth = truth.clone();
        this.predicted = predicted.clone();
    }

    private ConfusionMatrix(long[][] counts) {
        this.truth = null;
        this.predicted = null;
        this.k = counts.length;
        this.counts = new long[k][];
        long n = 0;
        for (int t = 0; t < k; t++) {
            this.counts[t] = counts[t].clone();
            for (long c : counts[t]) n += c;
        }
        this.total = n;
    }

    /** A matrix from counts already tallied ({@code counts[t][p]}), copied. */
    public static ConfusionMatrix ofCounts(long[][] counts) {
        for (long[] row : counts) {
            if (row.length != counts.length) throw new IllegalArgumentException("a confusion matrix is square: a row of " + row.length + " in " + counts.length);
        }
        return new ConfusionMatrix(counts);
    }

    /** The matrix for a dataset and the predictions an {@link Evaluator} collected for it. */
    public static ConfusionMatrix of(Dataset set, int[] predicted, int classes) {
        int[] truth = new int[set.size()];
        for (int i = 0; i < truth.length; i++) truth[i] = set.label(i);
        return new ConfusionMatrix(truth, predicted, classes);
    }

    public int classes() {
        return k;
    }

    /** Whether the matrix knows which examples each cell counts ({@link #examples}), not only how many. */
    public boolean hasExamples() {
        return predicted != null;
    }

    /**
     * The indices (in the evaluated set's order) of exactly the examples that cell (truth, predicted) counts, so a view
     * can show the very images a cell's number stands for; null when the matrix holds only counts.
     */
    public int[] examples(int truth, int predicted) {
        if (this.predicted == null) return null;
        int[] out = new int[(int) counts[truth][predicted]];
        int n = 0;
        for (int i = 0; i < this.predicted.length; i++) if (this.truth[i] == truth && this.predicted[i] == predicted) out[n++] = i;
        return out;
    }

    public long count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    public long total() {
        return total;
    }

    /** Examples of class c (the row's sum). */
    public long support(int c) {
        long s = 0;
        for (int p = 0; p < k; p++) s += counts[c][p];
        return s;
    }

    private long predictedAs(int c) {
        long s = 0;
        for (int t = 0; t < k; t++) s += counts[t][c];
        return s;
    }

    /** The trace over the total. */
    public double accuracy() {
        long right = 0;
        for (int c = 0; c < k; c++) right += counts[c][c];
        return total == 0 ? 0 : (double) right / total;
    }

    /** Of those predicted c, the fraction that are c (0 when none were predicted c, as scikit-learn and Weka report). */
    public double precision(int c) {
        long p = predictedAs(c);
        return p == 0 ? 0 : (double) counts[c][c] / p;
    }

    /** Of those that are c, the fraction predicted c. */
    public double recall(int c) {
        long s = support(c);
        return s == 0 ? 0 : (double) counts[c][c] / s;
    }

    public double f1(int c) {
        double p = precision(c), r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** The unweighted mean of a per-class measure over the classes that have examples. */
    public double macro(java.util.function.IntToDoubleFunction measure) {
        double s = 0;
        int n = 0;
        for (int c = 0; c < k; c++) {
            if (support(c) == 0) continue;
            s += measure.applyAsDouble(c);
            n++;
        }
        return n == 0 ? 0 : s / n;
    }

    /** The support-weighted mean of a per-class measure. */
    public double weighted(java.util.function.IntToDoubleFunction measure) {
        double s = 0;
        for (int c = 0; c < k; c++) s += measure.applyAsDouble(c) * support(c);
        return total == 0 ? 0 : s / total;
    }

    /** A confusion: {@code count} examples of {@code truth} predicted as {@code predicted}. */
    public record Pair(int truth, int predicted, long count) {
    }

    /** The off-diagonal cells with the most examples, most first (ties by class order). */
    public List<Pair> mostConfused(int n) {
        List<Pair> all = new ArrayList<>();
        for (int t = 0; t < k; t++) for (int p = 0; p < k; p++) if (t != p && counts[t][p] > 0) all.add(new Pair(t, p, counts[t][p]));
        all.sort(Comparator.comparingLong(Pair::count).reversed().thenComparingInt(Pair::truth).thenComparingInt(Pair::predicted));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** The matrix and the per-class table as aligned text, with the class names as labels. */
    public String table(List<String> names) {
        int w = 5;
        for (int c = 0; c < k; c++) w = Math.max(w, Math.max(name(names, c).length(), Long.toString(support(c)).length()) + 1);
        StringBuilder sb = new StringBuilder();
        sb.append("confusion matrix (rows: true label, columns: prediction)\n");
        sb.append(pad("", w));
        for (int p = 0; p < k; p++) sb.append(pad(name(names, p), w));
        sb.append('\n');
        for (int t = 0; t < k; t++) {
            sb.append(pad(name(names, t), w));
            for (int p = 0; p < k; p++) sb.append(pad(Long.toString(counts[t][p]), w));
            sb.append('\n');
        }
        int cw = Math.max(w, 8);
        sb.append('\n').append(String.format(Locale.ROOT, "%-" + cw + "s %9s %9s %9s %9s%n", "class", "precision", "recall", "f1", "support"));
        for (int c = 0; c < k; c++) {
            sb.append(String.format(Locale.ROOT, "%-" + cw + "s %9.4f %9.4f %9.4f %9d%n", name(names, c), precision(c), recall(c), f1(c), support(c)));
        }
        sb.append(String.format(Locale.ROOT, "%-" + cw + "s %9.4f %9.4f %9.4f %9d%n", "macro", macro(this::precision), macro(this::recall), macro(this::f1), total));
        sb.append(String.format(Locale.ROOT, "%-" + cw + "s %9.4f %9.4f %9.4f %9d%n", "weighted", weighted(this::precision), weighted(this::recall), weighted(this::f1), total));
        sb.append(String.format(Locale.ROOT, "accuracy %.4f of %d%n", accuracy(), total));
        List<Pair> worst = mostConfused(3);
        if (!worst.isEmpty()) {
            sb.append("most confused:");
            for (Pair p : worst) sb.append(String.format(Locale.ROOT, "  %s → %s: %d", name(names, p.truth()), name(names, p.predicted()), p.count()));
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The same numbers as JSON: {@code classes}, {@code confusion} (a list of rows), {@code per_class}, averages,
     * accuracy, loss and count; figures to six decimals.
     */
    public String json(List<String> names, double loss) {
        Map<String, Object> o = new java.util.LinkedHashMap<>();
        List<String> classes = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) classes.add(name(names, c));
        o.put("classes", classes);
        List<List<Long>> rows = new java.util.ArrayList<>();
        for (int t = 0; t < k; t++) {
            List<Long> row = new java.util.ArrayList<>();
            for (int p = 0; p < k; p++) row.add(counts[t][p]);
            rows.add(row);
        }
        o.put("confusion", rows);
        List<Map<String, Object>> perClass = new java.util.ArrayList<>();
        for (int c = 0; c < k; c++) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("class", name(names, c));
            m.put("precision", num(precision(c)));
            m.put("recall", num(recall(c)));
            m.put("f1", num(f1(c)));
            m.put("support", support(c));
            perClass.add(m);
        }
        o.put("per_class", perClass);
        o.put("macro", averages(this::macro));
        o.put("weighted", averages(this::weighted));
        o.put("accuracy", num(accuracy()));
        o.put("loss", num(loss));
        o.put("count", total);
        return io.digitstudio.io.Json.write(o);
    }

    private Map<String, Object> averages(java.util.function.Function<java.util.function.IntToDoubleFunction, Double> how) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("precision", num(how.apply(this::precision)));
        m.put("recall", num(how.apply(this::recall)));
        m.put("f1", num(how.apply(this::f1)));
        return m;
    }

    /** The matrix as CSV (a header of predicted classes, one row per true class) and then the per-class table. */
    public String csv(List<String> names) {
        StringBuilder sb = new StringBuilder("true\\predicted");
        for (int p = 0; p < k; p++) sb.append(',').append(TextFormats.csvField(name(names, p)));
        sb.append('\n');
        for (int t = 0; t < k; t++) {
            sb.append(TextFormats.csvField(name(names, t)));
            for (int p = 0; p < k; p++) sb.append(',').append(counts[t][p]);
            sb.append('\n');
        }
        sb.append('\n').append("class,precision,recall,f1,support\n");
        for (int c = 0; c < k; c++) {
            sb.append(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%d%n", TextFormats.csvField(name(names, c)), precision(c), recall(c), f1(c), support(c)));
        }
        return sb.toString();
    }

    private static String name(List<String> names, int c) {
        return names != null && c < names.size() ? names.get(c) : String.valueOf(c);
    }

    private static String pad(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }

    /** A figure to six decimals (NaN stays NaN, which the JSON writer makes null). */
    private static Double num(double v) {
        return Double.isFinite(v) ? Math.round(v * 1e6) / 1e6 : Double.NaN;
    }

    /** Per-class numbers by name, for views. */
    public Map<String, double[]> perClass(List<String> names) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) m.put(name(names, c), new double[]{precision(c), recall(c), f1(c), support(c)});
        return m;
    }
}
