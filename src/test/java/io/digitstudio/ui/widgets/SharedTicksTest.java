package io.digitstudio.ui.widgets;

import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Charts about the same epochs, laid out as the Train view lays them (the loss chart over the learning-rate chart,
 * the accuracy chart beside them), each with a run's values: the rate's labels ("0.0125") are wider than the loss's
 * ("2.5"), so the rate's plot is narrower, and on its own it may need a coarser epoch step than the loss chart above it.
 */
@ExtendWith(ApplicationExtension.class)
class SharedTicksTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new HBox(), 600, 500));
        stage.show();
    }

    /** The three charts of a run of {@code epochs} epochs in a window {@code width} wide, at {@code percent} of the font. */
    private List<LiveChart> charts(boolean shared) {
        LiveChart loss = new LiveChart("Loss", "epoch", "loss"), lr = new LiveChart("Learning rate", "epoch", "lr"),
                accuracy = new LiveChart("Accuracy", "epoch", "accuracy");
        DecimatedSeries l = new DecimatedSeries("loss", 400, false), r = new DecimatedSeries("lr", 400, false),
                a = new DecimatedSeries("accuracy", 400, true);
        List<double[]> lp = new ArrayList<>(), rp = new ArrayList<>(), ap = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            lp.add(new double[]{i / 10.0, 2.3 / (1 + i)});
            rp.add(new double[]{i / 10.0, 0.01});
        }
        ap.add(new double[]{1, 0.9});
        ap.add(new double[]{2, 0.95});
        l.addAll(lp);
        r.addAll(rp);
        a.addAll(ap);
        loss.addSeries(l);
        loss.forceZeroInRangeProperty().set(true);
        lr.addSeries(r);
        lr.forceZeroInRangeProperty().set(true);
        lr.yUpperBoundProperty().set(0.0125);
        accuracy.addSeries(a);
        accuracy.yUpperBoundProperty().set(1);
        accuracy.yLowerBoundProperty().set(0.8);
        if (shared) LiveChart.shareXTicks(loss, lr, accuracy);
        return List.of(loss, lr, accuracy);
    }

    private static List<String> xTicks(LiveChart c) {
        return c.tickLabels().stream().filter(LiveChart.TickLabel::onX).map(LiveChart.TickLabel::text).toList();
    }

    /**
     * For windows 400 to 800 px wide (every 40 px) and runs of 1 to 60 epochs: where the three charts tick their epochs unlike. Each
     * size is laid out and drawn at once, three times over, as the redraws a shared unit's change asks of the others.
     */
    private List<String> unlike(FxRobot robot, boolean shared, int percent) {
        List<String> out = new ArrayList<>();
        robot.interact(() -> {
            List<LiveChart> c = charts(shared);
            VBox column = new VBox(4, c.get(0), c.get(1));
            VBox.setVgrow(c.get(0), Priority.ALWAYS);
            c.get(1).setPrefHeight(130);
            HBox box = new HBox(8, column, c.get(2));
            HBox.setHgrow(column, Priority.ALWAYS);
            HBox.setHgrow(c.get(2), Priority.ALWAYS);
            box.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", 13 * percent / 100.0));
            stage.getScene().setRoot(box);
            for (int width = 400; width <= 800; width += 40) {
                box.resize(width, 500);
                box.applyCss();
                box.layout();
                for (int epochs = 1; epochs <= 60; epochs++) {
                    for (LiveChart chart : c) {
                        chart.xUpperBoundProperty().set(epochs);
                        chart.xTickUnitProperty().set(Math.max(1, Math.ceil(epochs / 10.0)));
                    }
                    for (int i = 0; i < 3; i++) for (LiveChart chart : c) chart.redrawNow();
                    List<String> loss = xTicks(c.get(0)), lr = xTicks(c.get(1)), accuracy = xTicks(c.get(2));
                    if (!loss.equals(lr) || !loss.equals(accuracy)) out.add(width + " px, " + epochs + " epochs: " + loss + " / " + lr + " / " + accuracy);
                }
            }
        });
        return out;
    }

    @Test
    void chartsThatShareTheirEpochTicksTickAlikeWhereAloneTheyWouldNot(FxRobot robot) {
        for (int percent : new int[]{100, 150}) {
            List<String> alone = unlike(robot, false, percent);
            System.out.println(percent + " %, alone: " + alone.size() + " unlike, e.g. " + alone);
            assertFalse(alone.isEmpty(), percent + " %: on their own, some charts tick unlike (else this test shows nothing)");
            assertEquals(List.of(), unlike(robot, true, percent), percent + " %: shared");
        }
    }
}
