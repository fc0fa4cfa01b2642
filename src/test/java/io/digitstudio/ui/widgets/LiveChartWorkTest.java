package io.digitstudio.ui.widgets;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a chart measures while a run trains: each update of its curve redraws it, with the same tick labels as before
 * (the epoch axis spans the run; the loss axis moves seldom), so the labels need not be measured again each time.
 */
@ExtendWith(ApplicationExtension.class)
class LiveChartWorkTest {
    private final StackPane root = new StackPane();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 500, 300));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** A chart over a run of 12 epochs, as the Train view sets its epoch axis, with a loss curve to its 10th point. */
    private LiveChart chart(DecimatedSeries loss) {
        LiveChart c = new LiveChart("Loss", "epoch", "loss");
        c.xLowerBoundProperty().set(0);
        c.xUpperBoundProperty().set(12);
        c.xTickUnitProperty().set(1);
        c.forceZeroInRangeProperty().set(true);
        c.addSeries(loss);
        for (int i = 0; i < 10; i++) loss.add(i / 10.0, 2.3 - i * 0.1);
        return c;
    }

    /** The chart in the window, styled, laid out and drawn. */
    private LiveChart shown(LiveChart c) {
        root.getChildren().setAll(c);
        root.applyCss();
        root.layout();
        c.redrawNow();
        return c;
    }

    @Test
    void updatesWithTheSameTickLabelsMeasureNoLabelAgain() throws Exception {
        DecimatedSeries loss = new DecimatedSeries("train loss", 400, false);
        LiveChart chart = fx(() -> shown(chart(loss)));
        int before = fx(chart::measured);
        for (int i = 10; i < 40; i++) {
            double x = i / 10.0, y = 1.3 - i * 0.02; // falling within the axis the first points gave
            fx(() -> {
                loss.add(x, y);
                chart.redrawNow();
                return null;
            });
        }
        assertEquals(0, fx(chart::measured) - before, "tick labels measured for 30 updates");

        // and they are where a chart drawn once with the same points puts them
        DecimatedSeries same = new DecimatedSeries("train loss", 400, false);
        LiveChart fresh = fx(() -> {
            LiveChart c = chart(same);
            for (int i = 10; i < 40; i++) same.add(i / 10.0, 1.3 - i * 0.02);
            return shown(c);
        });
        List<LiveChart.TickLabel> expected = fx(fresh::tickLabels);
        fx(() -> shown(chart));
        assertEquals(expected, fx(chart::tickLabels));
    }

    @Test
    void newTickLabelsAreMeasured() throws Exception {
        DecimatedSeries loss = new DecimatedSeries("train loss", 400, false);
        LiveChart chart = fx(() -> shown(chart(loss)));
        int before = fx(chart::measured);
        fx(() -> {
            loss.add(1.0, 40); // a diverging run: the loss axis reaches 40, with labels it had not drawn
            chart.redrawNow();
            return null;
        });
        assertTrue(fx(chart::measured) > before);
        assertTrue(fx(chart::tickLabels).stream().anyMatch(t -> t.text().equals("40")), fx(chart::tickLabels).toString());
    }

    /**
     * The Train view's pump adds a run's points and sets the status texts in one turn of the UI thread; the chart
     * draws them in the pulse that shows those texts, not in a frame of its own after it (each frame the software
     * pipeline renders and uploads whole, on the cores the run trains on). The change here comes as that pulse begins.
     */
    @Test
    void aChangeMadeAsAPulseBeginsIsDrawnInThatPulse() throws Exception {
        DecimatedSeries loss = new DecimatedSeries("train loss", 400, false);
        LiveChart chart = fx(() -> shown(chart(loss)));
        java.util.concurrent.CompletableFuture<int[]> seen = new java.util.concurrent.CompletableFuture<>();
        fx(() -> {
            Scene scene = chart.getScene();
            int before = chart.redraws();
            Runnable[] pre = new Runnable[1], post = new Runnable[1];
            pre[0] = () -> {
                scene.removePreLayoutPulseListener(pre[0]);
                loss.add(1.0, 1.25);
                loss.add(1.1, 1.2);
            };
            post[0] = () -> {
                scene.removePostLayoutPulseListener(post[0]);
                seen.complete(new int[]{before, chart.redraws()});
            };
            scene.addPreLayoutPulseListener(pre[0]);
            scene.addPostLayoutPulseListener(post[0]);
            javafx.application.Platform.requestNextPulse();
            return null;
        });
        int[] counts = seen.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(1, counts[1] - counts[0], "redraws in the pulse that began with two new points");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(counts[1], fx(chart::redraws), "and none after it");
    }
}
