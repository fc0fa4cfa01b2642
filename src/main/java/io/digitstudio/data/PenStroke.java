package io.digitstudio.data;

import java.util.List;

/** One pen stroke: its points on the canvas (x, y pairs) and its width, frozen once the pen lifts. */
public record PenStroke(List<double[]> points, double width) {
    public PenStroke {
        points = List.copyOf(points);
    }

    /** A seven drawn in one stroke on a 320x320 canvas: what warm-ups, benchmarks and screenshots draw. */
    public static List<PenStroke> sampleSeven() {
        return List.of(new PenStroke(List.of(new double[]{90, 80}, new double[]{230, 80}, new double[]{215, 110}, new double[]{170, 180},
                new double[]{140, 250}), 22));
    }
}
