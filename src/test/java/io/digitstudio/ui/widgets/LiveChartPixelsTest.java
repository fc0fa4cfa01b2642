package io.digitstudio.ui.widgets;

import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chart's canvas shows, bit for bit, what it showed when its plot went to the screen through a {@link WritableImage}
 * filled with {@code setPixels} in the raster's own non-premultiplied format: the plot's pixels drawn over the canvas,
 * then the tick labels, for a fixed run's curves, after each of several updates.
 */
@ExtendWith(ApplicationExtension.class)
class LiveChartPixelsTest {
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 520, 320));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static int[] read(Canvas canvas) {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.TRANSPARENT);
        WritableImage shot = canvas.snapshot(p, null);
        int w = (int) shot.getWidth(), h = (int) shot.getHeight();
        int[] out = new int[w * h];
        shot.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), out, 0, w);
        return out;
    }

    /** The canvas as the chart drew it before: the plot's pixels copied into an image and drawn, then the labels. */
    private static int[] asBefore(LiveChart chart) {
        Canvas c = chart.canvas();
        int w = (int) Math.ceil(c.getWidth()), h = (int) Math.ceil(c.getHeight());
        WritableImage image = new WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), chart.plotPixels(), 0, w);
        Canvas old = new Canvas(c.getWidth(), c.getHeight());
        GraphicsContext g = old.getGraphicsContext2D();
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        g.drawImage(image, 0, 0, c.getWidth(), c.getHeight());
        g.setFont(chart.tickFont());
        g.setFill(chart.tickFill());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (LiveChart.TickLabel t : chart.tickLabels()) g.fillText(t.text(), t.bounds().getMinX(), t.bounds().getMinY());
        return read(old);
    }

    /** The Train view's loss chart for twelve epochs, with a run's two series (also ChartRedrawCpu's chart). */
    static LiveChart lossChart(DecimatedSeries train, DecimatedSeries val) {
        LiveChart c = new LiveChart("Loss", "epoch", "loss");
        c.xLowerBoundProperty().set(0);
        c.xUpperBoundProperty().set(12);
        c.xTickUnitProperty().set(1);
        c.forceZeroInRangeProperty().set(true);
        c.addSeries(train);
        c.addSeries(val);
        return c;
    }

    @Test
    void aRunsChartIsDrawnPixelForPixelAsBefore() throws Exception {
        DecimatedSeries train = new DecimatedSeries("train loss (smoothed)", 400, false);
        DecimatedSeries val = new DecimatedSeries("validation loss", 400, true);
        LiveChart chart = fx(() -> {
            LiveChart c = lossChart(train, val);
            root.getChildren().setAll(c);
            root.applyCss();
            root.layout();
            return c;
        });
        // a run's updates: fifty loss points an epoch, a validation point at each epoch's end
        for (int epoch = 1; epoch <= 4; epoch++) {
            int e = epoch;
            int[][] both = fx(() -> {
                for (int i = 0; i < 50; i++) {
                    double x = e - 1 + i / 50.0;
                    train.add(x, 0.1 + 2.2 * Math.exp(-3 * x) + 0.05 * Math.sin(i * 0.9));
                }
                val.add(e, 0.08 + 1.5 * Math.exp(-2.5 * e));
                chart.redrawNow();
                return new int[][]{read(chart.canvas()), asBefore(chart)};
            });
            assertTrue(both[0].length > 10_000, "a chart of some size");
            assertArrayEquals(both[1], both[0], "the chart after epoch " + e);
        }
    }
}
