package io.digitstudio.data;

import java.util.List;

/** One pen stroke: its points on the canvas (x, y pairs) and its width, frozen once the pen lifts. */
public record PenStroke(List<double[]> points, double width) {
    public PenStroke {
        points = List.copyOf(points);
    }
}
