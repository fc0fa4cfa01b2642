package io.digitstudio.ui.samples;

import io.digitstudio.nn.Prediction;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

/** The ten class probabilities as bars, the predicted one highlighted. Shared by the gallery and the canvas. */
public final class ProbabilityBars extends BarChart<String, Number> {
    private final XYChart.Series<String, Number> series = new XYChart.Series<>();

    public ProbabilityBars() {
        super(digits(), new NumberAxis(0, 1, 0.25));
        setAnimated(false);
        setLegendVisible(false);
        setCategoryGap(4);
        setBarGap(0);
        getXAxis().setLabel("digit");
        getYAxis().setLabel("probability");
        getStyleClass().add("probability-bars");
        for (int d = 0; d < 10; d++) series.getData().add(new XYChart.Data<>(String.valueOf(d), 0));
        getData().add(series);
    }

    private static CategoryAxis digits() {
        CategoryAxis axis = new CategoryAxis(javafx.collections.FXCollections.observableArrayList("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        axis.setAutoRanging(false);
        return axis;
    }

    public void show(Prediction p) {
        for (int d = 0; d < 10; d++) {
            XYChart.Data<String, Number> bar = series.getData().get(d);
            bar.setYValue(p == null || d >= p.probabilities().length ? 0 : p.probabilities()[d]);
            if (bar.getNode() != null) {
                bar.getNode().getStyleClass().remove("predicted-bar");
                if (p != null && d == p.label()) bar.getNode().getStyleClass().add("predicted-bar");
            }
        }
    }

    /** The bar heights shown, for tests. */
    public double[] values() {
        double[] v = new double[10];
        for (int d = 0; d < 10; d++) v[d] = series.getData().get(d).getYValue().doubleValue();
        return v;
    }
}
