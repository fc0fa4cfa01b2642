package io.digitstudio.ui.widgets;

import io.digitstudio.nn.Prediction;
import javafx.collections.FXCollections;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;

import java.util.List;

/**
 * The class probabilities as bars, the predicted one highlighted and labelled with the classes' names (digits for
 * MNIST, garments for Fashion-MNIST). Shared by the gallery and the canvas. With no prediction it shows no bars at all,
 * and the sentence of {@link #setPlaceholder} when one is given.
 */
public final class ProbabilityBars extends BarChart<String, Number> {
    private final CategoryAxis axis;
    private final XYChart.Series<String, Number> series = new XYChart.Series<>();
    private List<String> names = List.of();
    private boolean showing;
    /**
     * What the bars' heights are, said upright above the probability axis (the chart's title, theme.css sets it there):
     * turned along the axis beside its tick labels it ran into them at a large UI scale, and where the chart is partly
     * scrolled out of sight (Draw at 150 %) its visible end read as "ity".
     */
    private static final String AXIS_TITLE = "probability";
    /** What the plot says while it shows no prediction (none: an empty plot). */
    private final javafx.scene.control.Label placeholder = new javafx.scene.control.Label();

    public ProbabilityBars() {
        this(new CategoryAxis());
    }

    private ProbabilityBars(CategoryAxis axis) {
        super(axis, new NumberAxis(0, 1, 0.25));
        this.axis = axis;
        axis.setAutoRanging(false);
        setAnimated(false);
        setLegendVisible(false);
        setCategoryGap(4);
        setBarGap(0);
        setTitle(AXIS_TITLE);
        getStyleClass().add("probability-bars");
        setClasses(io.digitstudio.data.ClassNames.numbers(10));
        getData().add(series);
        placeholder.getStyleClass().addAll("hint", "probability-placeholder");
        placeholder.setWrapText(true);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        placeholder.setAlignment(javafx.geometry.Pos.CENTER);
        placeholder.setManaged(false);
        placeholder.setVisible(false);
        getPlotChildren().add(placeholder);
        // a picture to the screen reader, its text the most likely classes (see readout)
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        setAccessibleHelp("A bar chart of the network's probability for each class");
        setAccessibleText(readout(null, names));
    }

    /**
     * The screen reader's text: the three most likely classes with their probabilities ("Probabilities: 7 98.1%, 1
     * 1.2%, 9 0.4%"), or that there is no prediction yet.
     */
    static String readout(Prediction p, List<String> names) {
        if (p == null) return "Probabilities: no prediction";
        float[] pr = p.probabilities();
        StringBuilder b = new StringBuilder("Probabilities: ");
        boolean[] said = new boolean[pr.length];
        for (int k = 0; k < Math.min(3, pr.length); k++) {
            int best = -1;
            for (int d = 0; d < pr.length; d++) if (!said[d] && (best < 0 || pr[d] > pr[best])) best = d;
            said[best] = true;
            if (k > 0) b.append(", ");
            b.append(best < names.size() ? names.get(best) : String.valueOf(best)).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.1f%%", 100 * pr[best]));
        }
        return b.toString();
    }

    /**
     * Small bars for a strip of several (the Train view's pinned digits): no probability axis, no title, the class
     * names only; the figures are in the tooltip of whatever shows them.
     */
    public ProbabilityBars compact() {
        setTitle(null);
        getYAxis().setTickLabelsVisible(false);
        getYAxis().setTickMarkVisible(false);
        ((NumberAxis) getYAxis()).setMinorTickVisible(false);
        setVerticalGridLinesVisible(false);
        setHorizontalGridLinesVisible(false);
        setCategoryGap(2);
        getStyleClass().add("probability-bars-compact");
        return this;
    }

    /**
     * The sentence the empty plot shows while there is no prediction ("Draw a digit to see…"), so that an empty chart
     * says why it is empty; null or empty for none.
     */
    public void setPlaceholder(String text) {
        placeholder.setText(text == null ? "" : text);
        updatePlaceholder();
        requestChartLayout();
    }

    /** The empty plot's sentence ("" for none). */
    public String placeholder() {
        return placeholder.getText();
    }

    /** The names of the classes, in label order. */
    public void setClasses(List<String> classNames) {
        if (classNames.equals(names)) return;
        names = List.copyOf(classNames);
        series.getData().clear();
        axis.setCategories(FXCollections.observableArrayList(names));
        // many classes (EMNIST Balanced has 47) or long names: labels upright would overlap
        axis.setTickLabelRotation(names.size() > 20 ? -90 : names.stream().anyMatch(s -> s.length() > 2) ? -40 : 0);
        setCategoryGap(names.size() > 20 ? 1 : 4);
        for (String name : names) {
            XYChart.Data<String, Number> bar = new XYChart.Data<>(name, 0);
            bar.nodeProperty().addListener((o, a, node) -> {
                if (node != null) node.setVisible(showing);
            });
            series.getData().add(bar);
        }
    }

    public void show(Prediction p) {
        showing = p != null;
        updatePlaceholder();
        setAccessibleText(readout(p, names));
        for (int d = 0; d < names.size(); d++) {
            XYChart.Data<String, Number> bar = series.getData().get(d);
            bar.setYValue(p == null || d >= p.probabilities().length ? 0 : p.probabilities()[d]);
            if (bar.getNode() != null) {
                bar.getNode().getStyleClass().remove("predicted-bar");
                // a zero-height bar is still drawn as a sliver: hide the bars entirely until there is something to show
                bar.getNode().setVisible(p != null);
                if (p != null && d == p.label()) bar.getNode().getStyleClass().add("predicted-bar");
            }
        }
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        // a zero-height bar is still drawn as a sliver: no bars at all until there is a prediction to show
        for (XYChart.Data<String, Number> bar : series.getData()) if (bar.getNode() != null) bar.getNode().setVisible(showing);
        // the sentence in the middle of the plot (whose children are placed from the plot area's corner), wrapped to its
        // width; in a plot too small for it (a small window at a large scale) it is left out rather than cut to "…"
        double w = getXAxis().getWidth(), h = getYAxis().getHeight();
        double pw = Math.max(0, w - 16);
        double ph = pw <= 0 ? 0 : placeholder.prefHeight(pw);
        placeholderFits = pw > 0 && h > 0 && longestWord() <= pw && ph <= h;
        if (placeholderFits) placeholder.resizeRelocate(8, (h - ph) / 2, pw, ph);
        updatePlaceholder();
    }

    private boolean placeholderFits = true;

    private void updatePlaceholder() {
        placeholder.setVisible(!showing && !placeholder.getText().isEmpty() && placeholderFits);
    }

    /** The width of the sentence's longest word in its font: narrower than that, a wrapped label cuts the word. */
    private double longestWord() {
        double widest = 0;
        for (String word : placeholder.getText().split("\\s+")) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(word);
            t.setFont(placeholder.getFont());
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        return widest + placeholder.snappedLeftInset() + placeholder.snappedRightInset() + 2;
    }

    /** Whether the empty plot's sentence shows, for tests. */
    public boolean placeholderShowing() {
        return placeholder.isVisible();
    }

    /** The bar heights shown, for tests. */
    public double[] values() {
        double[] v = new double[names.size()];
        for (int d = 0; d < v.length; d++) v[d] = series.getData().get(d).getYValue().doubleValue();
        return v;
    }
}
