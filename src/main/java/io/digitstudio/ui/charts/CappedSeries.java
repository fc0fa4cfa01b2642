package io.digitstudio.ui.charts;

import javafx.collections.ObservableList;
import javafx.scene.chart.XYChart;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart series that never grows past a cap: when full, every other point is dropped (the first and the newest are
 * kept), so a long run keeps its whole shape at half the resolution instead of growing without bound.
 */
public final class CappedSeries {
    private final XYChart.Series<Number, Number> series;
    private final int cap;

    public CappedSeries(String name, int cap) {
        if (cap < 4) throw new IllegalArgumentException("cap must be at least 4");
        this.series = new XYChart.Series<>();
        this.series.setName(name);
        this.cap = cap;
    }

    public XYChart.Series<Number, Number> series() {
        return series;
    }

    public int size() {
        return series.getData().size();
    }

    public int cap() {
        return cap;
    }

    public void add(double x, double y) {
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        if (data.size() >= cap) {
            List<XYChart.Data<Number, Number>> kept = new ArrayList<>(cap / 2 + 1);
            for (int i = 0; i < data.size(); i += 2) kept.add(data.get(i));
            data.setAll(kept);
        }
        data.add(new XYChart.Data<>(x, y));
    }

    /** Adds points (x, y pairs) in one change to the chart, halving the resolution as often as the cap needs. */
    public void addAll(List<double[]> points) {
        if (points.isEmpty()) return;
        ObservableList<XYChart.Data<Number, Number>> data = series.getData();
        List<XYChart.Data<Number, Number>> all = new ArrayList<>(data);
        for (double[] p : points) {
            if (all.size() >= cap) {
                List<XYChart.Data<Number, Number>> kept = new ArrayList<>(cap / 2 + 1);
                for (int i = 0; i < all.size(); i += 2) kept.add(all.get(i));
                all = kept;
            }
            all.add(new XYChart.Data<>(p[0], p[1]));
        }
        if (all.size() == data.size() + points.size()) {
            data.addAll(all.subList(data.size(), all.size()));
        } else {
            data.setAll(all);
        }
    }

    public void clear() {
        series.getData().clear();
    }
}
