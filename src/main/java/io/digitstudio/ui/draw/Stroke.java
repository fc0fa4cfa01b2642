package io.digitstudio.ui.draw;

import java.util.List;

/** One pen stroke: its points on the canvas (x, y pairs) and its width, frozen once the pen lifts. */
public record Stroke(List<double[]> points, double width) {
    public Stroke {
        points = List.copyOf(points);
    }
}
