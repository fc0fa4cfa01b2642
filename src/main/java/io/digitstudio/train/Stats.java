package io.digitstudio.train;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The medians the benchmarks report. */
public final class Stats {
    private Stats() {
    }

    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** Median over the epochs after the first, which pays for JIT warm-up (over the one epoch if there is only one). */
    public static double warmMedian(List<EpochReport> epochs, ToDoubleFunction<EpochReport> value) {
        List<EpochReport> warm = epochs.size() > 1 ? epochs.subList(1, epochs.size()) : epochs;
        return median(warm.stream().mapToDouble(value).toArray());
    }
}
