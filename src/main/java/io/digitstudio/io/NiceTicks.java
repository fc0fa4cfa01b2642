package io.digitstudio.io;

/**
 * The ticks of a chart's value axis: 1, 2 or 5 times a power of ten, the axis's ends rounded out to a tick. The
 * app's live charts and the sweeps' chart (which the command line draws too) choose their ticks here, so every chart
 * of the app steps alike.
 */
public final class NiceTicks {
    private NiceTicks() {
    }

    /** 1, 2 or 5 times a power of ten, giving about {@code ticks} ticks over {@code range}. */
    public static double niceUnit(double range, int ticks) {
        if (!(range > 0) || !Double.isFinite(range)) return 1;
        double raw = range / ticks;
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double m = raw / p;
        return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
    }

    /** The next nice unit above {@code unit}: 1, 2, 5, 10 … times a power of ten (3 gives 5). */
    public static double coarser(double unit) {
        double p = Math.pow(10, Math.floor(Math.log10(unit) + 1e-9));
        double m = unit / p;
        return (m < 2 - 1e-9 ? 2 : m < 5 - 1e-9 ? 5 : 10) * p;
    }

    /**
     * An axis's {lo, hi, tick unit}: the set bound where there is one (not NaN), else the data's end rounded out to a
     * tick; the set unit, unless none or far too fine for the range, else a nice one for about {@code ticks} ticks.
     */
    public static double[] fit(double lo, double hi, double setLo, double setHi, double setUnit, int ticks) {
        if (!Double.isNaN(setLo)) lo = setLo;
        if (!Double.isNaN(setHi)) hi = setHi;
        double unit = Double.isNaN(setUnit) || setUnit <= 0 || (hi - lo) / setUnit > 100 ? niceUnit(hi - lo, ticks) : setUnit;
        if (Double.isNaN(setLo)) lo = Math.floor(lo / unit + 1e-9) * unit;
        if (Double.isNaN(setHi)) hi = Math.ceil(hi / unit - 1e-9) * unit;
        if (hi <= lo) hi = lo + unit;
        return new double[]{lo, hi, unit};
    }

    /**
     * As {@link #fit}, for data from {@code lo} to {@code hi}: a range that is one value give or take float rounding
     * (a steady rate stored as a float: 0.009999999776 next to 0.01; any change below a ten-thousandth of the value)
     * gets a tenth of the value as room on each side, so its ticks are a few readable steps rather than rounding noise.
     */
    public static double[] fitValues(double lo, double hi, double setLo, double setHi, double setUnit, int ticks) {
        double size = Math.max(Math.abs(lo), Math.abs(hi));
        if (hi - lo <= 1e-4 * size || hi - lo < Double.MIN_NORMAL) {
            double pad = size > 0 ? size * 0.1 : 1;
            lo -= pad;
            hi += pad;
        }
        return fit(lo, hi, setLo, setHi, setUnit, ticks);
    }

    /** The first multiple of {@code unit} at or above {@code lo}. */
    public static double firstTick(double lo, double unit) {
        return Math.ceil(lo / unit - 1e-9) * unit;
    }

    /** How many ticks {@code first}, {@code first + unit}, … fall at or below {@code hi}. */
    public static int tickCount(double first, double hi, double unit) {
        return (int) Math.floor((hi - first) / unit + 1e-6) + 1;
    }

    /** The ticks of an axis {lo, hi, unit} as {@link #fit} gives it, from the bottom (left) up. */
    public static double[] ticks(double[] axis) {
        double first = firstTick(axis[0], axis[2]);
        double[] t = new double[tickCount(first, axis[1], axis[2])];
        for (int i = 0; i < t.length; i++) t[i] = first + i * axis[2];
        return t;
    }

    /** As many decimals as a tick unit of fixed notation needs: 0.05 needs 2, 20 needs none. */
    public static int decimals(double unit) {
        return Math.max(0, (int) Math.ceil(-Math.log10(unit) - 1e-9));
    }
}
