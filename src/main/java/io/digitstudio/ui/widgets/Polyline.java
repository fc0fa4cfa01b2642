package io.digitstudio.ui.widgets;

import java.util.List;

/**
 * A chart's curve as the line drawn through its points: the height it has at any x. A branch's curve starts from its
 * parent's at the point it branched, which mostly lies between two of the parent's points (its epochs).
 */
public final class Polyline {
    private Polyline() {
    }

    /**
     * The height of the line through {@code points} (x rising) at {@code x}: on the segment between the points around it;
     * past the last point, that point's height (a curve that stops there goes on level); NaN before the first point or
     * when there is none.
     */
    public static double valueAt(List<double[]> points, double x) {
        if (points == null || points.isEmpty() || !(x >= points.get(0)[0])) return Double.NaN;
        for (int i = 0; i < points.size(); i++) {
            double[] p = points.get(i);
            if (p[0] == x) return p[1];
            if (p[0] > x) {
                double[] q = points.get(i - 1);
                return q[1] + (p[1] - q[1]) * (x - q[0]) / (p[0] - q[0]);
            }
        }
        return points.get(points.size() - 1)[1];
    }
}
