package io.digitstudio.ui.widgets;

import io.digitstudio.io.NiceTicks;

import static io.digitstudio.io.NiceTicks.coarser;
import static io.digitstudio.io.NiceTicks.firstTick;
import static io.digitstudio.io.NiceTicks.fit;
import static io.digitstudio.io.NiceTicks.fitValues;
import static io.digitstudio.io.NiceTicks.tickCount;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.AccessibleAttribute;
import javafx.scene.AccessibleRole;
import javafx.scene.Group;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart for curves that grow while a model trains: the title, axis names and legend are labels styled by the
 * theme, the plot is one canvas redrawn when a series, an axis bound or the size changes. Not JavaFX's LineChart, which
 * lays out its axes, paths and a node per marker at every update, work that takes a core from training on a two-core
 * machine with the software renderer (decision record 0004); a redraw here is a few drawing commands over an image whose pixels {@link PlotRaster} draws, once for all the changes of an update.
 * Series colours come from the legend swatches' CSS ({@code .series-swatch.series0} …).
 */
public final class LiveChart extends Region {
    /** Used until the theme has styled the swatches. */
    private static final Color[] FALLBACK = {Color.web("#0072b2"), Color.web("#d55e00"), Color.web("#009e73"), Color.web("#000000"),
            Color.web("#56b4e9")};
    private static final Color GRID = Color.web("#e2e8f0");
    private static final Color AXIS = Color.web("#8c959f");
    /** Tick labels at this share of the axis names' size, which follows the UI scale. */
    private static final double TICK_FONT_SHARE = 0.9;

    private final Label title = new Label();
    private final Label xLabel = new Label();
    private final Label yLabel = new Label();
    private final Group yLabelHolder = new Group(yLabel);
    private final Canvas canvas = new Canvas();
    private final FlowPane legend = new FlowPane(12, 2);
    private final List<DecimatedSeries> series = new ArrayList<>();
    private final List<Region> swatches = new ArrayList<>();
    private final DoubleProperty xLowerBound = new SimpleDoubleProperty(0);
    private final DoubleProperty xUpperBound = new SimpleDoubleProperty(1);
    private final DoubleProperty xTickUnit = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty yLowerBound = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty yUpperBound = new SimpleDoubleProperty(Double.NaN);
    private final DoubleProperty yTickUnit = new SimpleDoubleProperty(Double.NaN);
    private final BooleanProperty forceZeroInRange = new SimpleBooleanProperty(false);
    private final javafx.beans.property.ObjectProperty<java.util.function.DoubleFunction<String>> xTickFormat = new javafx.beans.property.SimpleObjectProperty<>();
    /** Hidden regions whose background the theme sets: the grid's and the axes' colours. */
    private final Region gridSwatch = new Region();
    private final Region axisSwatch = new Region();
    private Font tickFont = Font.font(10);
    private double tickFontSize = 10;
    /** The plot rectangle inside the canvas, and the y range and tick unit of the latest drawing. */
    private double plotLeft, plotTop, plotWidth, plotHeight;
    private double yLo = 0, yHi = 1, yUnit = 0.2;
    private double xLo = 0, xHi = 1, xUnit = 0.2;
    /** The charts whose x axes tick as this one's does (itself among them), and the unit this one needs on its own. */
    private List<LiveChart> xPeers = List.of(this);
    private double ownXUnit = Double.NaN;

    public LiveChart(String titleText, String xName, String yName) {
        getStyleClass().add("live-chart");
        title.setText(titleText);
        title.getStyleClass().add("chart-title");
        title.setWrapText(true); // on two lines rather than cut when the chart is narrow for its font
        title.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        xLabel.setText(xName);
        xLabel.getStyleClass().add("axis-label");
        yLabel.setText(yName);
        yLabel.getStyleClass().add("axis-label");
        yLabel.setRotate(-90);
        legend.getStyleClass().add("chart-legend");
        legend.setAlignment(Pos.CENTER);
        yLabelHolder.setManaged(false);
        gridSwatch.getStyleClass().add("grid-swatch");
        axisSwatch.getStyleClass().add("axis-swatch");
        for (Region r : List.of(gridSwatch, axisSwatch)) {
            r.setManaged(false);
            r.setVisible(false);
            r.backgroundProperty().addListener(o -> invalidate());
        }
        getChildren().addAll(title, yLabelHolder, canvas, xLabel, legend, gridSwatch, axisSwatch);
        xLabel.fontProperty().addListener(o -> invalidate());
        setPadding(new Insets(4, 8, 4, 4));
        setPrefSize(320, 240);
        setMinSize(120, 100);
        xLabel.setAlignment(Pos.CENTER);
        for (DoubleProperty p : List.of(xLowerBound, xUpperBound, xTickUnit, yLowerBound, yUpperBound, yTickUnit)) p.addListener(o -> invalidate());
        forceZeroInRange.addListener(o -> invalidate());
        xTickFormat.addListener(o -> invalidate());
        xLabel.textFillProperty().addListener(o -> invalidate());
        // a picture to the platform's screen reader, named by what it shows now (see readout)
        setAccessibleRole(AccessibleRole.IMAGE_VIEW);
    }

    /**
     * What a screen reader says for the chart: its title and the newest value of each line, as "Loss chart: train loss
     * 0.12, validation loss 0.1 at epoch 3". Written when the reader asks rather than at every redraw, so it is always
     * the latest and costs nothing while nobody listens.
     */
    public String readout() {
        StringBuilder b = new StringBuilder(title.getText().isBlank() ? yLabel.getText() : title.getText()).append(" chart: ");
        String xName = xLabel.getText();
        double commonX = Double.NaN;
        boolean sameX = true;
        int shown = 0;
        for (DecimatedSeries s : series) {
            if (s.size() == 0) continue;
            double x = s.x(s.size() - 1);
            if (shown == 0) commonX = x;
            else if (x != commonX) sameX = false;
            shown++;
        }
        if (shown == 0) return b.append("no data yet").toString();
        int i = 0;
        for (DecimatedSeries s : series) {
            if (s.size() == 0) continue;
            if (i++ > 0) b.append(", ");
            b.append(s.name()).append(' ').append(ScreenReader.spoken(s.y(s.size() - 1)));
            if (!sameX) b.append(" at ").append(xName).append(' ').append(spokenX(s.x(s.size() - 1)));
        }
        if (sameX) b.append(" at ").append(xName).append(' ').append(spokenX(commonX));
        return b.toString();
    }

    /** How the chart is read: the lines it draws, against what. */
    private String readoutHelp() {
        StringBuilder b = new StringBuilder("A line chart of ");
        for (int i = 0; i < series.size(); i++) b.append(i == 0 ? "" : i == series.size() - 1 ? " and " : ", ").append(series.get(i).name());
        if (series.isEmpty()) b.append(yLabel.getText());
        return b.append(" by ").append(xLabel.getText()).append("; its text gives each line's newest value").toString();
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        if (attribute == AccessibleAttribute.TEXT) {
            String own = getAccessibleText();
            return own != null && !own.isEmpty() ? own : readout();
        }
        if (attribute == AccessibleAttribute.HELP) {
            String own = getAccessibleHelp();
            return own != null && !own.isEmpty() ? own : readoutHelp();
        }
        return super.queryAccessibleAttribute(attribute, parameters);
    }

    private String spokenX(double x) {
        java.util.function.DoubleFunction<String> f = readoutX.get();
        return f != null ? f.apply(x) : ScreenReader.spokenX(x);
    }

    private final javafx.beans.property.ObjectProperty<java.util.function.DoubleFunction<String>> readoutX = new javafx.beans.property.SimpleObjectProperty<>();

    /**
     * How the screen reader's text says an x value (null: the value itself); a chart that plots log10 of a value says
     * the value.
     */
    public javafx.beans.property.ObjectProperty<java.util.function.DoubleFunction<String>> readoutXProperty() { return readoutX; }

    /** Shows {@code s} as the next series (colour {@code series<index>} in the theme), redrawn whenever it changes. */
    public void addSeries(DecimatedSeries s) {
        int index = series.size();
        series.add(s);
        Region swatch = new Region();
        swatch.getStyleClass().addAll("series-swatch", "series" + index);
        swatch.backgroundProperty().addListener(o -> invalidate());
        swatches.add(swatch);
        place(index);
        s.addListener(this::invalidate);
        invalidate();
    }

    /**
     * Puts series {@code index}'s swatch where the theme styles it: in its legend entry, or without a legend a hidden
     * child of the chart, whose entry would be a hidden label for the first frame to style and lay out.
     */
    private void place(int index) {
        Region swatch = swatches.get(index);
        boolean shown = legend.isVisible();
        swatch.setVisible(shown);
        swatch.setManaged(shown);
        if (shown) {
            Label entry = new Label(series.get(index).name(), swatch);
            entry.getStyleClass().add("legend-entry");
            legend.getChildren().add(entry);
        } else {
            getChildren().add(swatch);
        }
    }

    /** Removes every series (and its legend entry). */
    public void clearSeries() {
        series.clear();
        unplace();
        swatches.clear();
        invalidate();
    }

    /** Takes the swatches out of the legend's entries and the chart. */
    private void unplace() {
        for (javafx.scene.Node n : legend.getChildren()) if (n instanceof Label l) l.setGraphic(null);
        legend.getChildren().clear();
        getChildren().removeAll(swatches);
    }

    public List<DecimatedSeries> series() {
        return List.copyOf(series);
    }

    public void setLegendVisible(boolean visible) {
        if (legend.isVisible() == visible) return;
        unplace();
        legend.setVisible(visible);
        legend.setManaged(visible);
        // a legend not shown is not among the chart's children: nothing of it to style
        if (visible) getChildren().add(getChildren().indexOf(xLabel) + 1, legend);
        else getChildren().remove(legend);
        for (int i = 0; i < swatches.size(); i++) place(i);
        requestLayout();
    }

    /**
     * How the x axis labels its ticks (null: the value itself); a chart that plots log10 of a value labels the ticks
     * with the value ({@code v -> "1e" + v}).
     */
    public javafx.beans.property.ObjectProperty<java.util.function.DoubleFunction<String>> xTickFormatProperty() { return xTickFormat; }

    /** The left end of the x axis; NaN: fitted to the data. */
    public DoubleProperty xLowerBoundProperty() { return xLowerBound; }
    /** The right end of the x axis; NaN: fitted to the data. */
    public DoubleProperty xUpperBoundProperty() { return xUpperBound; }
    /**
     * Makes these charts, drawn over the same x values (a run's epochs), tick their x axes alike: each takes the
     * coarsest unit any of them needs for its labels in its own width, so that charts side by side or one under the
     * other never step by 4 in one and by 5 in the next.
     */
    public static void shareXTicks(LiveChart... charts) {
        List<LiveChart> all = List.of(charts);
        for (LiveChart c : charts) c.xPeers = all;
        for (LiveChart c : charts) c.invalidate();
    }

    /** The distance between x ticks; NaN: chosen to give about five. */
    public DoubleProperty xTickUnitProperty() { return xTickUnit; }
    /** The bottom of the y axis; NaN: fitted to the data. */
    public DoubleProperty yLowerBoundProperty() { return yLowerBound; }
    /** The top of the y axis; NaN: fitted to the data. */
    public DoubleProperty yUpperBoundProperty() { return yUpperBound; }
    /** The distance between y ticks; NaN: chosen to give about five. */
    public DoubleProperty yTickUnitProperty() { return yTickUnit; }
    /** Whether a fitted y axis always includes 0. */
    public BooleanProperty forceZeroInRangeProperty() { return forceZeroInRange; }

    /** The bottom of the y axis as last drawn. */
    public double yLow() { return yLo; }
    /** The top of the y axis as last drawn. */
    public double yHigh() { return yHi; }
    /** The canvas the plot is drawn on. */
    public Canvas canvas() { return canvas; }

    /** Where {@code x} is drawn, in the canvas's coordinates. */
    public double displayX(double x) {
        return plotLeft + (xHi > xLo ? (x - xLo) / (xHi - xLo) : 0) * plotWidth;
    }

    /** Where {@code y} is drawn, in the canvas's coordinates (with the y range of the latest drawing). */
    public double displayY(double y) {
        return plotTop + plotHeight - (yHi > yLo ? (y - yLo) / (yHi - yLo) : 0) * plotHeight;
    }

    private static Color fill(Region r, Color fallback) {
        Background b = r.getBackground();
        if (b != null && !b.getFills().isEmpty() && b.getFills().get(0).getFill() instanceof Color c) return c;
        return fallback;
    }

    /** The colour series {@code index} is drawn in. */
    public Color color(int index) {
        Background b = swatches.get(index).getBackground();
        if (b != null && !b.getFills().isEmpty() && b.getFills().get(0).getFill() instanceof Color c) return c;
        return FALLBACK[index % FALLBACK.length];
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double left = in.getLeft(), top = in.getTop();
        double width = getWidth() - left - in.getRight(), height = getHeight() - top - in.getBottom();
        double th = title.prefHeight(width);
        title.resizeRelocate(left, top, width, th);
        double lh = legend.isManaged() ? legend.prefHeight(width) : 0;
        legend.resizeRelocate(left, top + height - lh, width, lh);
        double xh = xLabel.prefHeight(-1);
        double yw = yLabel.prefHeight(-1); // turned on its side: its height is the width it takes
        double plotBottom = top + height - lh - xh;
        xLabel.resizeRelocate(left + yw, plotBottom, width - yw, xh);
        double canvasHeight = Math.max(0, plotBottom - top - th - 2);
        double ylw = yLabel.prefWidth(-1);
        yLabel.resize(ylw, yw);
        // the label is turned about its centre: place the centre in the middle of the strip left of the canvas
        yLabel.relocate(left + yw / 2 - ylw / 2, top + th + canvasHeight / 2 - yw / 2);
        canvas.relocate(left + yw, top + th + 2);
        double cw = Math.max(0, width - yw);
        if (canvas.getWidth() != cw || canvas.getHeight() != canvasHeight) {
            canvas.setWidth(cw);
            canvas.setHeight(canvasHeight);
            redraw();
        }
    }

    private boolean redrawQueued;
    private int redraws;

    /** How many times the chart has drawn its plot so far (tests count them). */
    int redraws() {
        return redraws;
    }

    /**
     * Asks for one redraw once the changes at hand are made: a run's update adds to several series and moves the
     * accuracy axis's floor at once, and drawing after each change drew the same chart up to eight times. In a window
     * the chart draws in the next pulse, after its layout (inPulse), so the changes made with it (the status texts of
     * the same tick) show in the same frame: drawn from a later turn of the UI thread, it is often a frame of its own,
     * which the software pipeline renders and uploads whole.
     */
    private void invalidate() {
        if (redrawQueued) return;
        redrawQueued = true;
        if (pulsing != null) {
            Platform.requestNextPulse();
        } else {
            Platform.runLater(() -> {
                if (redrawQueued) redraw();
            });
        }
    }

    /** The scene whose pulses draw the chart (see invalidate), or null while it is in none. */
    private javafx.scene.Scene pulsing;
    private final Runnable inPulse = () -> {
        if (redrawQueued) redraw();
    };

    {
        sceneProperty().addListener((o, was, is) -> {
            if (was != null) was.removePostLayoutPulseListener(inPulse);
            pulsing = is;
            if (is != null) {
                is.addPostLayoutPulseListener(inPulse);
                if (redrawQueued) Platform.requestNextPulse();
            }
        });
    }

    /** A tick's label as drawn: its text, whether it is the x axis's, and its box in the canvas's coordinates. */
    public record TickLabel(String text, boolean onX, javafx.geometry.Bounds bounds) {
    }

    private final List<TickLabel> tickLabels = new ArrayList<>();

    /** The tick labels of the latest drawing, y axis's from the bottom up, then x axis's from the left. */
    public List<TickLabel> tickLabels() {
        return List.copyOf(tickLabels);
    }

    /** The plot's pixels as last drawn, before the tick labels, as non-premultiplied ARGB rows (tests compare them). */
    int[] plotPixels() {
        return java.util.Arrays.copyOf(raster.pixels(), raster.width() * raster.height());
    }

    /** The font and colour the tick labels are drawn in. */
    Font tickFont() {
        return tickFont;
    }

    Paint tickFill() {
        return xLabel.getTextFill();
    }

    /** Draws now what a queued redraw would draw on the next turn of the UI thread (for a window laid out by hand). */
    void redrawNow() {
        redraw();
    }

    /** Draws the plot anew: grid, ticks, then each series as a line (and markers), over the current bounds. */
    private void redraw() {
        redrawQueued = false;
        redraws++;
        double w = canvas.getWidth(), h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h); // the whole canvas: JavaFX drops the commands queued before it
        double wantedTickSize = Math.max(8, xLabel.getFont().getSize() * TICK_FONT_SHARE);
        if (wantedTickSize != tickFontSize) {
            tickFontSize = wantedTickSize;
            tickFont = Font.font(tickFontSize);
        }
        int grid = argb(fill(gridSwatch, GRID)), axis = argb(fill(axisSwatch, AXIS));
        // a label's line, and the gap kept between neighbouring labels: ticks are spaced for the labels in the font now
        // in force, so that at a larger UI scale an axis has fewer ticks rather than labels over each other
        double lineHeight = textBounds("0").getHeight();
        double gap = Math.max(3, tickFontSize * 0.5);
        plotTop = lineHeight / 2 + 2;
        // the x labels start below the bottom y label, which is centred on the plot's bottom edge
        double xLabelsTop = lineHeight / 2 + 2;
        plotHeight = Math.max(1, h - plotTop - xLabelsTop - lineHeight - 1);
        fitY(lineHeight + gap);
        int yFormat = decimals(yUnit);
        double labelWidth = 0;
        double firstY = firstTick(yLo, yUnit);
        int yTicks = tickCount(firstY, yHi, yUnit);
        for (int i = 0; i < yTicks; i++) labelWidth = Math.max(labelWidth, textWidth(label(firstY + i * yUnit, yFormat, yUnit)));
        plotLeft = labelWidth + 8;
        fitX(w, gap);
        double firstX = firstTick(xLo, xUnit);
        int xTicks = tickCount(firstX, xHi, xUnit);
        int xFormat = decimals(xUnit);
        if (w <= 0 || h <= 0) {
            tickLabels.clear();
            return;
        }
        // the plot's pixels at the screen's scale: grid, axes, lines and markers (see PlotRaster), then the tick labels
        double scale = renderScale();
        int pw = (int) Math.ceil(w * scale), ph = (int) Math.ceil(h * scale);
        raster.resize(pw, ph);
        raster.fill(argb(background()));
        int x0 = (int) Math.round(plotLeft * scale), x1 = (int) Math.round((plotLeft + plotWidth) * scale);
        int y0 = (int) Math.round(plotTop * scale), y1 = (int) Math.round((plotTop + plotHeight) * scale);
        for (int i = 0; i < yTicks; i++) raster.hLine((int) Math.round(displayY(firstY + i * yUnit) * scale), x0, x1, grid);
        for (int i = 0; i < xTicks; i++) raster.vLine((int) Math.round(displayX(firstX + i * xUnit) * scale), y0, y1, grid);
        raster.vLine(x0, y0, y1, axis);
        raster.hLine(y1, x0, x1, axis);
        // the series, kept within a marker's reach of the plot
        int reach = (int) Math.ceil(6 * scale);
        raster.clip(x0 - 1, y0 - reach, x1 + reach, y1 + 1);
        for (int i = 0; i < series.size(); i++) drawSeries(series.get(i), argb(color(i)), scale);
        g.drawImage(image.show(raster), 0, 0, w, h);

        // each label placed by its measured box, and drawn from that box's top left, so what tickLabels() reports is
        // where the text is; a label that would lie over one already placed (a plot too low for even two) is left out
        tickLabels.clear();
        for (int i = 0; i < yTicks; i++) {
            double v = firstY + i * yUnit;
            String s = label(v, yFormat, yUnit);
            javafx.geometry.Bounds b = textBounds(s);
            place(s, false, plotLeft - 4 - b.getWidth(), Math.round(displayY(v)) + 0.5 - b.getHeight() / 2, b);
        }
        double xTop = plotTop + plotHeight + xLabelsTop;
        for (int i = 0; i < xTicks; i++) {
            double v = firstX + i * xUnit;
            String s = xLabel(v, xFormat, xUnit);
            javafx.geometry.Bounds b = textBounds(s);
            place(s, true, Math.round(displayX(v)) + 0.5 - b.getWidth() / 2, xTop, b);
        }
        g.setFont(tickFont);
        g.setFill(xLabel.getTextFill());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (TickLabel t : tickLabels) g.fillText(t.text(), t.bounds().getMinX(), t.bounds().getMinY());
    }

    /** Adds a tick label at ({@code x}, {@code y}), its top left, unless it would overlap one already placed. */
    private void place(String text, boolean onX, double x, double y, javafx.geometry.Bounds size) {
        javafx.geometry.Bounds b = new javafx.geometry.BoundingBox(x, y, size.getWidth(), size.getHeight());
        for (TickLabel t : tickLabels) {
            javafx.geometry.Bounds o = t.bounds();
            if (Math.min(o.getMaxX(), b.getMaxX()) > Math.max(o.getMinX(), b.getMinX()) && Math.min(o.getMaxY(), b.getMaxY()) > Math.max(o.getMinY(), b.getMinY())) return;
        }
        tickLabels.add(new TickLabel(text, onX, b));
    }

    private final PlotRaster raster = new PlotRaster();
    private final PlotImage image = new PlotImage();
    private double[] px = new double[0];
    private double[] py = new double[0];

    private void drawSeries(DecimatedSeries s, int color, double scale) {
        int n = s.size();
        if (n == 0) return;
        if (px.length < n) {
            px = new double[n];
            py = new double[n];
        }
        for (int i = 0; i < n; i++) {
            px[i] = displayX(s.x(i)) * scale;
            py[i] = displayY(s.y(i)) * scale;
        }
        raster.polyline(px, py, n, 2 * scale, color);
        if (!s.markers()) return;
        for (int i = 0; i < n; i++) if (Double.isFinite(px[i]) && Double.isFinite(py[i])) raster.marker(px[i], py[i], 5 * scale, 2.5 * scale, color);
    }

    /** The window's pixels per unit (2 on a doubled screen), so the plot is drawn sharp. */
    private double renderScale() {
        return getScene() != null && getScene().getWindow() != null ? Math.max(1, getScene().getWindow().getRenderScaleX()) : 1;
    }

    /** The chart's own background (theme), under the plot. */
    private Color background() {
        Background b = getBackground();
        if (b != null && !b.getFills().isEmpty() && b.getFills().get(0).getFill() instanceof Color c && c.getOpacity() == 1) return c;
        return Color.WHITE;
    }

    private static int argb(Color c) {
        return (int) Math.round(c.getOpacity() * 255) << 24 | (int) Math.round(c.getRed() * 255) << 16
                | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /**
     * The x range: the set bounds, else fitted to the data at tick multiples (about a tick per 60 pixels), with a coarser
     * unit while neighbouring labels would come closer than {@code gap} (down to two ticks: a fitted range always has
     * them; the drawing leaves out a label that would still overlap); and the plot's width, which leaves room on the
     * right for half the last label (centred on the plot's right edge).
     */
    private void fitX(double w, double gap) {
        double[] data = dataRange(true);
        double setUnit = xTickUnit.get();
        int ticks = (int) Math.max(2, Math.min(10, (canvas.getWidth() - 50) / 60));
        for (int tries = 0; ; tries++) {
            double[] r = fit(data[0], data[1], xLowerBound.get(), xUpperBound.get(), setUnit, ticks);
            xLo = r[0];
            xHi = r[1];
            xUnit = r[2];
            double first = firstTick(xLo, xUnit);
            int n = tickCount(first, xHi, xUnit);
            int format = decimals(xUnit);
            double widest = 0, last = 0;
            for (int i = 0; i < n; i++) {
                last = textWidth(xLabel(first + i * xUnit, format, xUnit));
                widest = Math.max(widest, last);
            }
            plotWidth = Math.max(1, w - plotLeft - Math.max(8, last / 2 + 2));
            double step = xHi > xLo ? xUnit / (xHi - xLo) * plotWidth : plotWidth;
            if (n <= 2 || step >= widest + gap || tries >= 20) break;
            setUnit = coarser(xUnit);
        }
        shareXUnit(w, data);
    }

    /**
     * Takes the coarsest x unit among the charts that share their ticks ({@link #shareXTicks}); when the unit this
     * chart needs on its own changes, the others draw again to follow it.
     */
    private void shareXUnit(double w, double[] data) {
        if (xPeers.size() < 2) return;
        // a chart not laid out yet has no width to need a unit for
        double own = w > 0 && plotWidth > 1 ? xUnit : Double.NaN;
        if (Double.compare(ownXUnit, own) != 0) {
            ownXUnit = own;
            for (LiveChart p : xPeers) if (p != this) p.invalidate();
        }
        double shared = xUnit;
        for (LiveChart p : xPeers) if (p.ownXUnit > shared) shared = p.ownXUnit;
        if (shared == xUnit) return;
        double[] r = fit(data[0], data[1], xLowerBound.get(), xUpperBound.get(), shared, 2);
        xLo = r[0];
        xHi = r[1];
        xUnit = r[2];
        double first = firstTick(xLo, xUnit);
        double last = textWidth(xLabel(first + (tickCount(first, xHi, xUnit) - 1) * xUnit, decimals(xUnit), xUnit));
        plotWidth = Math.max(1, w - plotLeft - Math.max(8, last / 2 + 2));
    }

    /**
     * The y range: the set bounds, else fitted to the data at tick multiples (about a tick per 50 pixels), with a coarser
     * unit while neighbouring labels' centres would come closer than {@code step} pixels (down to two ticks, as
     * {@link #fitX}).
     */
    private void fitY(double step) {
        double[] data = dataRange(false);
        double lo = data[0], hi = data[1];
        if (forceZeroInRange.get()) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        double setUnit = yTickUnit.get();
        int ticks = (int) Math.max(2, Math.min(8, plotHeight / 50));
        for (int tries = 0; ; tries++) {
            double[] r = fitValues(lo, hi, yLowerBound.get(), yUpperBound.get(), setUnit, ticks);
            yLo = r[0];
            yHi = r[1];
            yUnit = r[2];
            int n = tickCount(firstTick(yLo, yUnit), yHi, yUnit);
            if (n <= 2 || tries >= 20 || (yHi > yLo ? yUnit / (yHi - yLo) * plotHeight : plotHeight) >= step) return;
            setUnit = coarser(yUnit);
        }
    }

    /** The labels of an axis {lo, hi, unit} as {@link NiceTicks#fit} gives it, from the bottom (left) up. */
    static List<String> tickLabels(double[] axis) {
        double first = firstTick(axis[0], axis[2]);
        int d = decimals(axis[2]);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < tickCount(first, axis[1], axis[2]); i++) labels.add(label(first + i * axis[2], d, axis[2]));
        return labels;
    }

    /** The smallest and largest finite x (or y) of the shown points; 0 and 1 without any. */
    private double[] dataRange(boolean x) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (DecimatedSeries s : series) {
            for (int i = 0; i < s.size(); i++) {
                double v = x ? s.x(i) : s.y(i);
                if (!Double.isFinite(v)) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new double[]{0, 1} : new double[]{lo, hi};
    }

    /**
     * As many decimals as the tick unit needs; -1: scientific, for very small units and for very large ones (a
     * diverging loss's axis would read 300000000000000).
     */
    static int decimals(double unit) {
        return unit < 1e-3 || unit >= Formats.SCIENTIFIC_FROM ? -1 : Math.max(0, (int) Math.ceil(-Math.log10(unit) - 1e-9));
    }

    private String xLabel(double v, int decimals, double unit) {
        java.util.function.DoubleFunction<String> f = xTickFormat.get();
        return f == null ? label(v, decimals, unit) : f.apply(v);
    }

    /** A tick's label; in scientific notation with as many digits as tell neighbouring ticks apart. */
    static String label(double v, int decimals, double unit) {
        if (Math.abs(v) < 1e-6 * unit) v = 0; // rounding next to zero: "0", not "-0.00" or "1e-28"
        if (decimals >= 0) return Formats.fixed(v, decimals);
        if (v == 0) return "0";
        // digits down to the unit's own: 1.2e-4 next to 1.25e-4 when the unit is 5e-6
        int digits = Math.max(1, (int) Math.floor(Math.log10(Math.abs(v))) - (int) Math.floor(Math.log10(unit) + 1e-9) + 1);
        return Formats.scientific(v, Math.min(digits, 8));
    }


    private final Text measure = new Text();

    private double textWidth(String s) {
        return textBounds(s).getWidth();
    }

    /**
     * The boxes of the tick labels measured in the tick font now in force: a run's updates redraw the charts with the
     * same labels (the epoch axis is fixed, the others move seldom), and each redraw asks for every label's box two or
     * three times, each a text layout on the UI thread.
     */
    private final java.util.Map<String, javafx.geometry.Bounds> boxes = new java.util.HashMap<>();
    private Font boxesFont;
    private int measured;

    /** How many tick labels the chart has measured so far (tests count them). */
    int measured() {
        return measured;
    }

    /** A tick label's box in the tick font, its top at 0 (the line's, as drawn with its baseline at the top). */
    private javafx.geometry.Bounds textBounds(String s) {
        // a long run whose axes keep moving would keep every label it ever showed
        if (tickFont != boxesFont || boxes.size() > 256) {
            boxes.clear();
            boxesFont = tickFont;
        }
        javafx.geometry.Bounds b = boxes.get(s);
        if (b != null) return b;
        measured++;
        measure.setFont(tickFont);
        measure.setTextOrigin(VPos.TOP);
        measure.setText(s);
        b = measure.getLayoutBounds();
        boxes.put(s, b);
        return b;
    }
}
