package io.digitstudio.ui.inside;

import io.digitstudio.inspect.Pictures;
import io.digitstudio.nn.Inspector;
import io.digitstudio.train.LayerStats;
import io.digitstudio.ui.widgets.Pixels;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inside the network: the first layer's weights as tiles (hover one to see which unit it is and its norm), the input
 * with what drove the answer (saliency), each step's activations, and the run's health per layer: log10 of the
 * update:parameter ratio (DL4J's chart; about -3 is healthy) and the share of dead ReLU units, with warnings.
 */
public final class InsideView extends BorderPane {
    private int gap = 2;

    private final InsideViewModel vm;
    private final ImageView weights = new ImageView();
    private final Label weightsSource = new Label();
    private final Label hover = new Label(" ");
    private final ImageView input = new ImageView();
    private final ImageView saliency = new ImageView();
    private final ImageView second = new ImageView();
    private final Label saliencyCaption = new Label();
    private final Label secondCaption = new Label();
    private final FlowPane activations = new FlowPane(10, 8);
    private final io.digitstudio.ui.widgets.ProbabilityBars probabilities = new io.digitstudio.ui.widgets.ProbabilityBars();
    private final LineChart<Number, Number> healthChart;
    private final Label deadUnits = new Label();
    private int scale = 3;

    public InsideView(InsideViewModel vm) {
        this.vm = vm;
        getStyleClass().add("inside-view");
        weights.setId("weightsImage");
        weightsSource.setId("weightsSource");
        hover.setId("weightsHover");
        weights.setOnMouseMoved(e -> showHover(e.getX(), e.getY()));
        probabilities.setId("insideProbabilities");
        probabilities.setPrefHeight(150);
        probabilities.setMinWidth(260);
        weights.setOnMouseExited(e -> hover.setText(" "));
        // the grid is drawn at whole pixels per weight and shown at the width there is, without smoothing
        weights.setPreserveRatio(true);
        weights.setSmooth(false);
        ScrollPane weightsScroll = new ScrollPane(weights);
        weights.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.min(
                weights.getImage() == null ? Double.MAX_VALUE : weights.getImage().getWidth(), Math.max(100, weightsScroll.getViewportBounds().getWidth() - 4)),
                weightsScroll.viewportBoundsProperty(), weights.imageProperty()));
        VBox weightsBox = new VBox(4, section("First layer's weights"), weightsSource, weightsScroll, hover,
                hint("blue: negative, white: 0, red: positive (scaled by the layer's largest weight)"));
        weightsBox.setPadding(new Insets(6));
        VBox.setVgrow(weightsBox.getChildren().get(2), Priority.ALWAYS);

        input.setId("inputImage");
        saliency.setId("saliencyImage");
        second.setId("secondSaliencyImage");
        activations.setId("activationsBox");
        HBox pictures = new HBox(12, captioned(input, new Label("input (28×28)")), captioned(saliency, saliencyCaption), captioned(second, secondCaption), probabilities);
        HBox.setHgrow(probabilities, Priority.ALWAYS);
        second.getParent().visibleProperty().bind(second.imageProperty().isNotNull());
        second.getParent().managedProperty().bind(second.imageProperty().isNotNull());
        ScrollPane actScroll = new ScrollPane(activations);
        actScroll.setFitToWidth(true);
        VBox lookBox = new VBox(6, section("What it sees and what drove the answer"), pictures, section("Activations, step by step"), actScroll);
        lookBox.setPadding(new Insets(6));
        VBox.setVgrow(actScroll, Priority.ALWAYS);

        NumberAxis x = new NumberAxis();
        x.setLabel("epoch");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("log10 update:parameter");
        y.setForceZeroInRange(false);
        healthChart = new LineChart<>(x, y);
        healthChart.setId("healthChart");
        healthChart.setCreateSymbols(false);
        healthChart.setAnimated(false);
        healthChart.setMinHeight(160);
        deadUnits.setId("deadUnits");
        Label noHealth = hint("Train with this view open to see each layer's health: log10 of the update:parameter ratio (about -3 is healthy)"
                + " and the share of ReLU units that never fire.");
        noHealth.setId("noHealth");
        javafx.beans.binding.BooleanBinding none = javafx.beans.binding.Bindings.isEmpty(vm.health());
        noHealth.visibleProperty().bind(none);
        noHealth.managedProperty().bind(none);
        healthChart.visibleProperty().bind(none.not());
        healthChart.managedProperty().bind(none.not());
        VBox healthBox = new VBox(4, section("Training health per layer"), noHealth, healthChart, deadUnits);
        healthBox.setPadding(new Insets(6));
        VBox.setVgrow(healthChart, Priority.ALWAYS);

        SplitPane top = new SplitPane(weightsBox, lookBox);
        top.setDividerPositions(0.45);
        SplitPane all = new SplitPane(top, healthBox);
        all.setOrientation(javafx.geometry.Orientation.VERTICAL);
        all.setDividerPositions(0.66);
        setCenter(all);
        Label status = new Label();
        status.setId("insideStatus");
        status.textProperty().bind(javafx.beans.binding.Bindings.when(vm.warningProperty().isEmpty()).then(vm.statusProperty())
                .otherwise(javafx.beans.binding.Bindings.concat("⚠ ", vm.warningProperty())));
        status.setPadding(new Insets(4, 8, 4, 8));
        status.setWrapText(true);
        setBottom(status);

        vm.weightsProperty().addListener((o, a, w) -> showWeights(w));
        vm.lookProperty().addListener((o, a, l) -> showLook(l));
        vm.health().addListener((ListChangeListener<LayerStats.Sample>) c -> showHealth());
        showWeights(vm.weightsProperty().get());
        showLook(vm.lookProperty().get());
    }

    private void showWeights(InsideViewModel.Weights w) {
        if (w == null) return;
        Inspector.Tiles t = w.tiles();
        // 28x28 tiles at 3 px, 5x5 filters at 12 px: the grid stays about the same size
        scale = Math.max(1, Math.min(12, 84 / Math.max(t.height(), t.width())));
        gap = Math.max(2, scale / 2);
        weights.setImage(Pixels.image(Pictures.tiles(t, scale, gap)));
        weightsSource.setText(String.format(Locale.ROOT, "%s · %s: %d %s of %d×%d", w.source(), t.layer(), t.count(), t.height() > 1 && t.height() == t.width()
                && t.height() >= 10 ? "units" : "filters", t.height(), t.width()));
    }

    private void showHover(double px, double py) {
        InsideViewModel.Weights w = vm.weightsProperty().get();
        if (w == null) return;
        double shown = weights.getBoundsInLocal().getWidth();
        double f = weights.getImage() == null || shown <= 0 ? 1 : weights.getImage().getWidth() / shown; // displayed -> image pixels
        int k = Pictures.tileAt(w.tiles(), scale, gap, (int) (px * f), (int) (py * f));
        hover.setText(k < 0 ? " " : String.format(Locale.ROOT, "%s unit %d · norm %.3f", w.tiles().layer(), k, w.tiles().norm(k)));
    }

    /** The hover text for the tile under (x, y) of the weights picture (what a user sees when pointing there). */
    String hoverAt(double x, double y) {
        showHover(x, y);
        return hover.getText();
    }

    private void showLook(InsideViewModel.Look l) {
        activations.getChildren().clear();
        if (l == null) return;
        int[] s = l.inputShape();
        int h = s.length == 3 ? s[1] : 28;
        int w = s.length == 3 ? s[2] : l.input().length / 28;
        input.setImage(Pixels.image(Pictures.saliency(l.input(), new float[l.input().length], h, w, 4)));
        int[] top = l.prediction().top(2);
        // gradient × input: the strokes whose ink raised the class's score
        saliency.setImage(Pixels.image(Pictures.saliency(l.input(), Pictures.timesInput(l.saliency(), l.input()), h, w, 4)));
        saliencyCaption.setText("strokes behind " + l.classNames().get(top[0]) + String.format(Locale.ROOT, " (%.1f%%)", 100 * l.prediction().confidence()));
        second.setImage(l.second() == null ? null : Pixels.image(Pictures.saliency(l.input(), Pictures.timesInput(l.second(), l.input()), h, w, 4)));
        probabilities.setClasses(l.classNames());
        probabilities.show(l.prediction());
        secondCaption.setText(l.second() == null ? "" : "strokes behind " + l.classNames().get(top[1])
                + String.format(Locale.ROOT, " (%.1f%%)", 100 * l.prediction().probabilities()[top[1]]));
        for (Inspector.Activation a : l.activations()) {
            ImageView v = new ImageView(Pixels.image(Pictures.activation(a, a.maps() ? 3 : a.values().length <= 16 ? 12 : 7, 1)));
            v.setId("activation-" + activations.getChildren().size());
            Label name = new Label(a.name() + "  " + java.util.Arrays.toString(a.shape()));
            name.getStyleClass().add("hint");
            activations.getChildren().add(new VBox(2, name, v));
            v.setUserData(a.name());
        }
    }

    private void showHealth() {
        Map<String, XYChart.Series<Number, Number>> series = new LinkedHashMap<>();
        List<LayerStats.Sample> h = vm.health();
        // one line per weight matrix; at most 300 points each (the newest always among them)
        int step = Math.max(1, h.size() / 300);
        for (int i = 0; i < h.size(); i++) {
            if (i % step != 0 && i != h.size() - 1) continue;
            LayerStats.Sample s = h.get(i);
            for (LayerStats.ParamStats p : s.params()) {
                if (!p.name().endsWith("W") || !Double.isFinite(p.log10Ratio())) continue;
                series.computeIfAbsent(p.name(), n -> {
                    XYChart.Series<Number, Number> x = new XYChart.Series<>();
                    x.setName(n);
                    return x;
                }).getData().add(new XYChart.Data<>(s.epochDetail(), p.log10Ratio()));
            }
        }
        healthChart.getData().setAll(series.values());
        if (h.isEmpty()) {
            deadUnits.setText("");
            return;
        }
        StringBuilder sb = new StringBuilder("Units that never fire on 64 test images: ");
        h.get(h.size() - 1).dead().forEach((name, d) -> sb.append(String.format(Locale.ROOT, "%s %.0f%%   ", name, 100 * d)));
        deadUnits.setText(sb.toString().strip());
    }

    private static VBox captioned(ImageView v, Label caption) {
        caption.getStyleClass().add("hint");
        VBox b = new VBox(2, v, caption);
        b.setAlignment(Pos.TOP_CENTER);
        return b;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    public InsideViewModel viewModel() {
        return vm;
    }
}
