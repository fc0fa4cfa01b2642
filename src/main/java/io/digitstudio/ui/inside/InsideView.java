package io.digitstudio.ui.inside;

import io.digitstudio.inspect.Pictures;
import io.digitstudio.nn.Inspector;
import io.digitstudio.train.LayerStats;
import io.digitstudio.ui.core.FxTicker;
import io.digitstudio.ui.widgets.LiveChart;
import io.digitstudio.ui.widgets.Pixels;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
    private final ScrollPane weightsScroll = new ScrollPane();
    /** The weights' column: its title, the tiles and the texts about them, scrolled as one page where they need. */
    private final ScrollPane weightsPage = new ScrollPane();
    /** The room around the weights' column. */
    private static final double WEIGHTS_PADDING = 6;
    private final Label weightsSource = new Label();
    private final Label hover = new Label(" ");
    private final ImageView input = new ImageView();
    private final ImageView saliency = new ImageView();
    private final ImageView second = new ImageView();
    private final Label saliencyCaption = new Label();
    private final Label secondCaption = new Label();
    private final FlowPane activations = new FlowPane(10, 8);
    private final io.digitstudio.ui.widgets.ProbabilityBars probabilities = new io.digitstudio.ui.widgets.ProbabilityBars();
    private final LiveChart healthChart;
    private final Label deadUnits = new Label();
    private final javafx.scene.control.TableView<LayerStats.ParamStats> healthTable = new javafx.scene.control.TableView<>();
    private int scale = 3;

    public InsideView(InsideViewModel vm) {
        this.vm = vm;
        getStyleClass().add("inside-view");
        weights.setId("weightsImage");
        io.digitstudio.ui.widgets.ScreenReader.describe(weights, "First layer's weights: one tile per unit",
                "Each tile is one unit's weights over the input image; the legend below gives the colours");
        weightsSource.setId("weightsSource");
        weightsSource.setWrapText(true);
        weightsSource.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hover.setId("weightsHover");
        weights.setOnMouseMoved(e -> showHover(e.getX(), e.getY()));
        probabilities.setId("insideProbabilities");
        // its height in em (theme.css), so that the axis's name stays whole at any UI scale
        probabilities.setMinWidth(260);
        weights.setOnMouseExited(e -> hover.setText(" "));
        // from the keyboard: Tab to the tiles, arrows step from unit to unit (Home, End: the first, the last), and the line
        // under them says which unit it is, as the pointer's hover does
        weightsScroll.setId("weightsPane");
        weightsScroll.setFocusTraversable(true);
        io.digitstudio.ui.widgets.ScreenReader.describe(weightsScroll, "First layer's units",
                "Arrow keys step from unit to unit; the line below names the unit and its weights' norm");
        weightsScroll.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            InsideViewModel.Weights w = vm.weightsProperty().get();
            if (w == null) return;
            int n = w.tiles().count(), cols = Pictures.columns(n);
            int k = currentUnit < 0 ? 0 : switch (e.getCode()) {
                case LEFT -> currentUnit - 1;
                case RIGHT -> currentUnit + 1;
                case UP -> currentUnit - cols;
                case DOWN -> currentUnit + cols;
                case HOME -> 0;
                case END -> n - 1;
                default -> Integer.MIN_VALUE;
            };
            if (k == Integer.MIN_VALUE) return;
            e.consume();
            showUnit(w, Math.max(0, Math.min(n - 1, k)));
        });
        weightsScroll.focusedProperty().addListener((o, a, f) -> {
            InsideViewModel.Weights w = vm.weightsProperty().get();
            if (f && w != null) showUnit(w, Math.max(0, Math.min(w.tiles().count() - 1, currentUnit)));
        });
        // the grid is drawn at whole pixels per weight and shown at the width there is, without smoothing
        weights.setPreserveRatio(true);
        weights.setSmooth(true);
        weightsScroll.setContent(weights);
        // the tiles fit the pane (no scroll bars): a new size of the pane draws them anew
        weightsScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        weightsScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        // as large as the tiles drawn: the room they are drawn for is the column's ({@link #showWeights})
        weightsScroll.setMinSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        weightsScroll.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
        // drawn anew when the room changes by more than a little, or no longer holds the tiles as drawn
        weightsPage.viewportBoundsProperty().addListener((o, a, b) -> {
            double[] r = tilesRoom();
            boolean grown = Math.abs(r[0] - drawnFor[0]) > 20 || Math.abs(r[1] - drawnFor[1]) > 20;
            boolean cut = weights.getImage() != null && (weights.getFitWidth() > r[0] + 0.5
                    || weights.getFitWidth() * weights.getImage().getHeight() / weights.getImage().getWidth() > r[1] + 0.5);
            if (grown || cut) showWeights(vm.weightsProperty().get());
        });
        Label key = hint(legend(io.digitstudio.ui.widgets.Theme.active()));
        key.setId("weightsLegend");
        key.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // whole in a low window: the tiles' scroll pane gives way
        io.digitstudio.ui.widgets.Theme.activeProperty().addListener(new javafx.beans.value.WeakChangeListener<>(legendFollows));
        legendKey = key;
        VBox weightsBox = new VBox(4, section("First layer's weights"), weightsSource, weightsScroll, hover, key);
        weightsBox.setPadding(new Insets(WEIGHTS_PADDING));
        // the column scrolls as one page where its texts and the tiles are together taller than the view: the tiles are
        // sized from the column's width and the view's height, not from what the texts leave (at 175 % in the
        // smallest window the texts take a third of the column, and the tiles would be drawn smaller than at 100 %)
        weightsPage.setContent(weightsBox);
        weightsPage.setId("weightsPage");
        weightsPage.setFitToWidth(true);
        weightsPage.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        weightsPage.getStyleClass().add("edge-to-edge");

        input.setId("inputImage");
        input.setAccessibleText("The input image, 28 by 28 pixels");
        saliency.setId("saliencyImage");
        saliency.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat("Saliency: ", saliencyCaption.textProperty()));
        second.accessibleTextProperty().bind(javafx.beans.binding.Bindings.concat("Saliency: ", secondCaption.textProperty()));
        saliencyCaption.setId("saliencyCaption");
        secondCaption.setId("secondCaption");
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

        healthChart = new LiveChart("", "epoch", "log10 update:parameter");
        healthChart.setId("healthChart");
        healthChart.xLowerBoundProperty().set(Double.NaN); // both axes fit the samples
        healthChart.xUpperBoundProperty().set(Double.NaN);
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
        healthTable.setId("healthTable");
        io.digitstudio.ui.widgets.ScreenReader.describe(healthTable, "Layer health", "Each parameter's mean, spread and gradient in the latest sample");
        // a fixed width: a constrained table in a box that sizes it from its own width can lay out forever
        healthTable.setPrefWidth(560);
        healthTable.setMinWidth(560);
        healthTable.setMaxWidth(560);
        healthTable.setPlaceholder(new Label(""));
        healthTable.getColumns().add(column("parameter", p -> p.name()));
        healthTable.getColumns().add(column("mean", p -> fmt(p.mean())));
        healthTable.getColumns().add(column("std", p -> fmt(p.std())));
        healthTable.getColumns().add(column("grad mean", p -> fmt(p.gradMean())));
        healthTable.getColumns().add(column("grad std", p -> fmt(p.gradStd())));
        healthTable.getColumns().add(column("update std", p -> fmt(p.updateStd())));
        healthTable.getColumns().add(column("log10 ratio", p -> String.format(Locale.ROOT, "%.2f", p.log10Ratio())));
        healthTable.getColumns().forEach(c -> c.setPrefWidth(78));
        healthTable.visibleProperty().bind(none.not());
        healthTable.managedProperty().bind(none.not());
        HBox chartAndTable = new HBox(8, healthChart, healthTable);
        HBox.setHgrow(healthChart, Priority.ALWAYS);
        VBox healthBox = new VBox(4, section("Training health per layer"), chartAndTable, deadUnits);
        healthBox.setId("healthBox");
        VBox.setVgrow(chartAndTable, Priority.ALWAYS);
        healthBox.setPadding(new Insets(6));

        SplitPane top = new SplitPane(weightsPage, lookBox);
        top.setDividerPositions(0.45);
        SplitPane all = new SplitPane(top);
        all.setOrientation(javafx.geometry.Orientation.VERTICAL);
        setCenter(all);
        // the health pane takes room only once there is health to show; until then one line says how to see it
        Runnable placeHealth = () -> {
            if (none.get()) {
                all.getItems().remove(healthBox);
            } else if (!all.getItems().contains(healthBox)) {
                all.getItems().add(healthBox);
                all.setDividerPositions(0.7);
            }
        };
        none.addListener((o, a, b) -> placeHealth.run());
        placeHealth.run();
        noHealth.setPadding(new Insets(2, 8, 0, 8));
        Label status = new Label();
        status.setId("insideStatus");
        status.textProperty().bind(javafx.beans.binding.Bindings.when(vm.warningProperty().isEmpty()).then(vm.statusProperty())
                .otherwise(javafx.beans.binding.Bindings.concat("⚠ ", vm.warningProperty())));
        status.setPadding(new Insets(4, 8, 4, 8));
        status.setWrapText(true);
        setBottom(new VBox(noHealth, status));

        vm.weightsProperty().addListener((o, a, w) -> showWeights(w));
        io.digitstudio.ui.widgets.Theme.activeProperty().addListener(new javafx.beans.WeakInvalidationListener(retint));
        vm.lookProperty().addListener((o, a, l) -> showLook(l));
        // health arrives about once a second while a run trains: drawn at most every three seconds (a new run at once),
        // so that looking costs the run little. Not with an animation timer: a running animation makes the scene
        // render every frame, which with a software renderer costs the training a tenth of its speed
        vm.health().addListener((ListChangeListener<LayerStats.Sample>) c -> {
            if (vm.health().size() < shownSamples || shownSamples == 0) {
                showHealth();
            } else if (!healthPending) {
                healthPending = true;
                long wait = Math.max(0, HEALTH_INTERVAL_MS - (System.currentTimeMillis() - lastHealthDraw));
                FxTicker.later(wait, () -> {
                    healthPending = false;
                    showHealth();
                });
            }
        });
        showWeights(vm.weightsProperty().get());
        showLook(vm.lookProperty().get());
    }

    /** The tiles anew in the theme's colours (held here: the theme's property holds it only weakly). */
    private final javafx.beans.InvalidationListener retint = o -> showWeights(viewModel().weightsProperty().get());

    private Label legendKey;
    /** The legend's words anew with the theme (held here: the theme's property holds it only weakly). */
    private final javafx.beans.value.ChangeListener<io.digitstudio.ui.widgets.Theme> legendFollows = (o, a, t) -> legendKey.setText(legend(t));

    /**
     * What the tiles' colours mean in a theme: zero is white on the light one, black on the others, where weak weights
     * are brightened (their palette's square root).
     */
    static String legend(io.digitstudio.ui.widgets.Theme theme) {
        boolean light = theme == io.digitstudio.ui.widgets.Theme.LIGHT;
        return "blue: negative, " + (light ? "white" : "black") + ": 0, red: positive (scaled by the layer's largest weight"
                + (palette(theme).curve() == 1 ? ")" : ", weak ones brightened)");
    }

    /** The weight tiles' colours in a theme. */
    static Pictures.Palette palette(io.digitstudio.ui.widgets.Theme theme) {
        return switch (theme) {
            case LIGHT -> Pictures.Palette.LIGHT;
            case DARK -> Pictures.Palette.DARK;
            case HIGH_CONTRAST -> Pictures.Palette.HIGH_CONTRAST;
        };
    }

    private void showWeights(InsideViewModel.Weights w) {
        if (w == null) return;
        Inspector.Tiles t = w.tiles();
        // drawn at whole pixels per weight (5x5 filters up to 12 px a weight), the fewest that are at least as many as
        // the room holds, and shown at the room's size: the picture is scaled down by less than a weight's pixel, and
        // fills the room (drawn at the nearest whole number and never shown larger, up to a third of it stays empty)
        int cols = Pictures.columns(t.count());
        int rows = (t.count() + cols - 1) / cols;
        // as large as the column's width and the page's height allow ({@link #tilesRoom}), so that all tiles show at once
        double[] r = tilesRoom();
        drawnFor = r;
        double room = r[0], tall = r[1];
        double fits = Math.min(room / (cols * (t.width() + 1.0)), tall / (rows * (t.height() + 1.0)));
        scale = Math.max(1, Math.min(12, (int) Math.ceil(fits)));
        gap = Math.max(1, Math.min(4, scale / 2 + 1));
        weights.setImage(Pixels.image(Pictures.tiles(t, scale, gap, palette(io.digitstudio.ui.widgets.Theme.active()))));
        double fit = Math.min(room / weights.getImage().getWidth(), tall / weights.getImage().getHeight());
        weights.setFitWidth(Math.floor(weights.getImage().getWidth() * fit));
        String layer = String.format(Locale.ROOT, "%s: %d %s of %d×%d", t.layer(), t.count(), t.height() > 1 && t.height() == t.width()
                && t.height() >= 10 ? "units" : "filters", t.height(), t.width());
        // the layer's phrase is one piece (no-break spaces), and the dot stays with the model's: a narrow column breaks
        // the line between the two, as a sentence, not inside "l1: 400 units of 28×28"
        weightsSource.setText(w.source() + "\u00a0· " + layer.replace(' ', '\u00a0'));
    }

    /** The room the tiles were last drawn for, width and height. */
    private double[] drawnFor = {0, 0};

    /**
     * The room for the tiles, width and height: the column's width, less its vertical scroll bar's room whether or not
     * it shows (the tiles keep their size when the texts under them bring the bar), and the page's height.
     */
    private double[] tilesRoom() {
        Insets frame = weightsScroll.getInsets();
        double bar = 0;
        // the page's own bar (its skin's child), not the tiles' pane's inside it, which never shows
        for (javafx.scene.Node n : weightsPage.getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && !b.isVisible()) {
                bar = b.prefWidth(-1);
            }
        }
        double room = Math.max(100, weightsPage.getViewportBounds().getWidth() - bar - 2 * WEIGHTS_PADDING - frame.getLeft() - frame.getRight());
        double tall = Math.max(100, weightsPage.getViewportBounds().getHeight() - 2 * WEIGHTS_PADDING - frame.getTop() - frame.getBottom());
        return new double[]{room, tall};
    }

    /** The unit the arrow keys are on (-1: none yet). */
    private int currentUnit = -1;

    private void showUnit(InsideViewModel.Weights w, int k) {
        currentUnit = k;
        String text = String.format(Locale.ROOT, "%s unit %d of %d · norm %.3f", w.tiles().layer(), k, w.tiles().count(), w.tiles().norm(k));
        hover.setText(text);
        weightsScroll.setAccessibleText(text);
    }

    /** The unit the arrow keys are on, -1 before they have been on one. */
    public int currentUnit() {
        return currentUnit;
    }

    private void showHover(double px, double py) {
        InsideViewModel.Weights w = vm.weightsProperty().get();
        if (w == null) return;
        double shown = weights.getBoundsInLocal().getWidth();
        double f = weights.getImage() == null || shown <= 0 ? 1 : weights.getImage().getWidth() / shown; // displayed -> image pixels
        int k = Pictures.tileAt(w.tiles(), scale, gap, (int) (px * f), (int) (py * f));
        hover.setText(k < 0 ? " " : String.format(Locale.ROOT, "%s unit %d · norm %.3f", w.tiles().layer(), k, w.tiles().norm(k)));
    }

    private void showLook(InsideViewModel.Look l) {
        activations.getChildren().clear();
        if (l == null) {
            input.setImage(null);
            saliency.setImage(null);
            second.setImage(null);
            saliencyCaption.setText("");
            secondCaption.setText("");
            probabilities.show(null);
            return;
        }
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
            v.setAccessibleText("Activations of " + a.name());
            Label name = new Label(a.name() + "  " + java.util.Arrays.toString(a.shape()));
            name.getStyleClass().add("hint");
            activations.getChildren().add(new VBox(2, name, v));
            v.setUserData(a.name());
        }
    }

    static final long HEALTH_INTERVAL_MS = 3000;
    private boolean healthPending;
    private long lastHealthDraw;
    private final Map<String, io.digitstudio.ui.widgets.DecimatedSeries> lines = new LinkedHashMap<>();
    private int shownSamples;

    /** Adds the samples not yet drawn to one thinned line per weight matrix (a new run starts the lines afresh). */
    private void showHealth() {
        lastHealthDraw = System.currentTimeMillis();
        List<LayerStats.Sample> h = vm.health();
        if (h.size() < shownSamples || h.isEmpty()) { // cleared: a new run
            lines.clear();
            healthChart.clearSeries();
            shownSamples = 0;
        }
        Map<String, List<double[]>> added = new LinkedHashMap<>();
        for (int i = shownSamples; i < h.size(); i++) {
            LayerStats.Sample s = h.get(i);
            for (LayerStats.ParamStats p : s.params()) {
                if (!p.name().endsWith("W") || !Double.isFinite(p.log10Ratio())) continue;
                added.computeIfAbsent(p.name(), n -> new java.util.ArrayList<>()).add(new double[]{s.epochDetail(), p.log10Ratio()});
            }
        }
        shownSamples = h.size();
        added.forEach((name, pts) -> lines.computeIfAbsent(name, n -> {
            io.digitstudio.ui.widgets.DecimatedSeries d = new io.digitstudio.ui.widgets.DecimatedSeries(n, 200, false);
            healthChart.addSeries(d);
            return d;
        }).addAll(pts));
        if (h.isEmpty()) {
            deadUnits.setText("");
            return;
        }
        // the latest sample's figures per parameter, as DL4J's model page lists them
        healthTable.getItems().setAll(h.get(h.size() - 1).params());
        StringBuilder sb = new StringBuilder("Units that never fire on 64 test images: ");
        h.get(h.size() - 1).dead().forEach((name, d) -> sb.append(String.format(Locale.ROOT, "%s %.0f%%   ", name, 100 * d)));
        deadUnits.setText(sb.toString().strip());
    }

    private static javafx.scene.control.TableColumn<LayerStats.ParamStats, String> column(String title,
                                                                                     java.util.function.Function<LayerStats.ParamStats, String> f) {
        javafx.scene.control.TableColumn<LayerStats.ParamStats, String> c = new javafx.scene.control.TableColumn<>(title);
        c.setCellValueFactory(d -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static VBox captioned(ImageView v, Label caption) {
        caption.getStyleClass().add("hint");
        // as wide as its picture, on two lines if need be ("strokes behind 9 (97.3%)"), never cut
        caption.setWrapText(true);
        caption.setMaxWidth(28 * 4);
        // never narrower than its longest word ("(28×28)" at 150 %): narrower, a wrap cuts the word rather than the line
        caption.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> longestWord(caption),
                caption.fontProperty(), caption.textProperty(), caption.paddingProperty()));
        caption.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        VBox b = new VBox(2, v, caption);
        b.setAlignment(Pos.TOP_CENTER);
        return b;
    }

    /** The width of a label's longest word in its font, with its padding (and a pixel for rounding). */
    private static double longestWord(Label l) {
        javafx.scene.text.Text t = new javafx.scene.text.Text();
        t.setFont(l.getFont());
        double widest = 0;
        for (String word : (l.getText() == null ? "" : l.getText()).split("\\s+")) {
            t.setText(word);
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest) + 1 + l.getPadding().getLeft() + l.getPadding().getRight();
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
