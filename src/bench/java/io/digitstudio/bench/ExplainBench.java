package io.digitstudio.bench;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.explain.AnswerProfile;
import io.digitstudio.explain.FeatureSpace;
import io.digitstudio.explain.NeighbourIndex;
import io.digitstudio.explain.PixelIndex;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Predictor;

import java.util.Arrays;
import java.util.Locale;

/**
 * Figures for issue 36's closing note: index build time and size, query time (search alone, and features plus search),
 * and the answer profile's time, for the built-in MLP and LeNet. Run by hand:
 * {@code java -cp target/classes:target/test-classes:DEPS io.digitstudio.bench.ExplainBench [mlp|lenet|pixels] [N]};
 * N examples are indexed (default all 60,000), and a smaller N's build time is scaled up to 60,000 and says so.
 */
public final class ExplainBench {
    public static void main(String[] args) {
        Nd4jSetup.init();
        String which = args.length > 0 ? args[0] : "mlp";
        LabeledImages all = Mnist.bundled().train();
        int n = args.length > 1 ? Integer.parseInt(args[1]) : all.size();
        LabeledImages train = n == all.size() ? all : all.head(n);
        LabeledImages test = Mnist.bundled().test().head(200);
        float[][] queries = new float[test.size()][784];
        for (int i = 0; i < test.size(); i++) test.copyFeatures(i, queries[i], 0);
        if (which.equals("pixels")) {
            long t0 = System.nanoTime();
            PixelIndex idx = PixelIndex.of(train);
            double build = ms(t0);
            double[] q = new double[queries.length];
            for (int r = 0; r < 2; r++) for (int i = 0; i < queries.length; i++) {
                long s = System.nanoTime();
                idx.nearest(queries[i], 8);
                q[i] = ms(s);
            }
            System.out.printf(Locale.ROOT, "pixels: n %d, build %.0f ms, %.1f MB, query median %.2f ms, p95 %.2f ms%n", n, build, idx.bytes() / 1e6, pct(q, 50), pct(q, 95));
            return;
        }
        Network net = which.equals("lenet") ? ModelFiles.loadBuiltInCnn().model() : ModelFiles.loadDefault().model();
        FeatureSpace space = FeatureSpace.of(net);
        long t0 = System.nanoTime();
        NeighbourIndex idx = NeighbourIndex.build(space, train, "bench", i -> { }, () -> false);
        double build = ms(t0);
        double[] search = new double[queries.length];
        double[] whole = new double[queries.length];
        for (int r = 0; r < 2; r++) { // the first round warms the JIT; the second is kept
            for (int i = 0; i < queries.length; i++) {
                long s = System.nanoTime();
                float[] f = space.features(queries[i]);
                long m = System.nanoTime();
                idx.nearest(f, 8);
                long e = System.nanoTime();
                search[i] = (e - m) / 1e6;
                whole[i] = (e - s) / 1e6;
            }
        }
        Predictor p = new Predictor(net);
        double[] prof = new double[50];
        for (int r = 0; r < 2; r++) for (int i = 0; i < prof.length; i++) {
            long s = System.nanoTime();
            AnswerProfile.of(p, queries[i], 28);
            prof[i] = ms(s);
        }
        System.out.printf(Locale.ROOT, "%s: %s; n %d, build %.1f s%s, index %.1f MB (%d x %d floats)%n", which, space.describe(), n, build / 1e3,
                n == all.size() ? "" : String.format(Locale.ROOT, " (%.0f s scaled to 60,000)", build / 1e3 * all.size() / n),
                idx.bytes() / 1e6 * (n == all.size() ? 1 : (double) all.size() / n), n, idx.dim());
        System.out.printf(Locale.ROOT, "%s: query search median %.2f ms, p95 %.2f ms; features + search median %.2f ms, p95 %.2f ms%n", which,
                pct(search, 50), pct(search, 95), pct(whole, 50), pct(whole, 95));
        System.out.printf(Locale.ROOT, "%s: profile (36 inputs, one batch) median %.2f ms, p95 %.2f ms%n", which, pct(prof, 50), pct(prof, 95));
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double pct(double[] v, int p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[Math.min(s.length - 1, (int) Math.ceil(p / 100.0 * s.length) - 1)];
    }
}
