package io.digitstudio.ui.widgets;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What a status line measures while a run trains: its figures change their texts four times a second, and every change
 * lays the line out again; the message beside them stays the same, so its words need not be measured again each time.
 */
@ExtendWith(ApplicationExtension.class)
class StatusLineWorkTest {
    private static final String TRAINING = "Training mlp 784-100-100-10 on 60,000 examples of MNIST (bundled)";
    private final StringProperty status = new SimpleStringProperty(TRAINING);
    private Label message;
    /** As wide whatever it says, as a run's iteration count is in a font whose digits are all one width. */
    private Label iteration;
    /** As wide as its text, as a run's speed is. */
    private Label speed;
    private StatusLine line;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        message = new Label();
        iteration = new Label("Iteration 0/5,628");
        iteration.setMinWidth(160);
        iteration.setPrefWidth(160);
        speed = new Label("310 it/s");
        speed.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox figures = new HBox(8, new Label("Epoch 1/12"), iteration, speed);
        figures.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        line = StatusLine.bar("statusBar", status, message, figures);
        BorderPane root = new BorderPane();
        root.setBottom(line);
        stage.setScene(new Scene(root, 700, 300));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** The figures' text changed, and the window's CSS and layout passes run, as at a pulse. */
    private void tick(String figure) throws Exception {
        fx(() -> {
            iteration.setText(figure);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return null;
        });
    }

    @Test
    void figuresThatChangeTheirTextsMeasureNoWordsOfTheMessageAgain() throws Exception {
        tick("Iteration 1/5,628");
        int before = fx(line::measured);
        for (int i = 2; i <= 41; i++) tick("Iteration " + (i * 100) + "/5,628");
        assertEquals(0, fx(line::measured) - before, "texts measured for 40 changes of the figures");
        assertEquals(TRAINING, fx(message::getText).replace('\n', ' '));
    }

    /** Counts the times {@code node} asks to be laid out, that is, turns its needsLayout on. */
    private static int[] layoutsOf(javafx.scene.Parent node) throws Exception {
        int[] count = new int[1];
        fx(() -> {
            node.needsLayoutProperty().addListener((o, was, is) -> {
                if (is) count[0]++;
            });
            return null;
        });
        return count;
    }

    @Test
    void figuresThatKeepTheirSizeLayOutNothingAboveThem() throws Exception {
        tick("Iteration 1/5,628");
        int[] lineLayouts = layoutsOf(line), rootLayouts = layoutsOf(stage.getScene().getRoot());
        for (int i = 2; i <= 41; i++) tick("Iteration " + (i * 100) + "/5,628");
        assertEquals(0, lineLayouts[0], "the status line laid out for 40 changes of the figures");
        assertEquals(0, rootLayouts[0], "the window's root laid out for 40 changes of the figures");
        assertEquals("Iteration 4100/5,628", fx(() -> ((javafx.scene.text.Text) iteration.lookup(".text")).getText()));
    }

    @Test
    void aFigureThatGrowsLaysOutTheLineAndIsShownWhole() throws Exception {
        tick("Iteration 1/5,628");
        int[] lineLayouts = layoutsOf(line);
        double right = fx(() -> iteration.getParent().localToScene(iteration.getParent().getLayoutBounds()).getMaxX());
        fx(() -> {
            speed.setText("paused for a while, 310 it/s before");
            return null;
        });
        tick("Iteration 2/5,628");
        tick("Iteration 3/5,628"); // the next pulse
        assertTrue(lineLayouts[0] > 0, "the line laid out for the wider figures");
        assertEquals("paused for a while, 310 it/s before", fx(() -> ((javafx.scene.text.Text) speed.lookup(".text")).getText()));
        assertTrue(fx(() -> speed.getWidth() + 0.5 >= speed.prefWidth(-1)), "the wider figure has its width");
        assertEquals(right, fx(() -> iteration.getParent().localToScene(iteration.getParent().getLayoutBounds()).getMaxX()), 0.5,
                "the figures still end where they did");
        assertTrue(fx(() -> speed.localToScene(speed.getLayoutBounds()).getMaxX() <= right + 0.5), "the speed lies inside the figures' row");
    }

    /**
     * The first pulse after {@code change} (run on the UI thread): what {@code seen} reads at its end, once its CSS and
     * layout passes are done, before the scene is handed to the renderer.
     */
    private <T> T afterOnePulse(Runnable change, Callable<T> seen) throws Exception {
        java.util.concurrent.CompletableFuture<T> read = new java.util.concurrent.CompletableFuture<>();
        fx(() -> {
            javafx.scene.Scene scene = stage.getScene();
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                try {
                    read.complete(seen.call());
                } catch (Exception e) {
                    read.completeExceptionally(e);
                }
            };
            scene.addPostLayoutPulseListener(once[0]);
            change.run();
            javafx.application.Platform.requestNextPulse();
            return null;
        });
        return read.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * A figure that grows takes its room in the pulse that shows its new text: the software pipeline renders and
     * uploads the whole window for each pulse that changes a node, so a line laid out one pulse later is a frame of its
     * own, four times a run's figures grow a digit.
     */
    @Test
    void aFigureThatGrowsTakesItsRoomInThePulseThatShowsIt() throws Exception {
        afterOnePulse(() -> speed.setText("310 it/s"), () -> null);
        afterOnePulse(() -> { }, () -> null);
        double right = fx(() -> line.getWidth() - line.snappedRightInset());
        double[] laid = afterOnePulse(() -> speed.setText("1,310 it/s and more"), () -> {
            Region box = (Region) speed.getParent().getParent();
            return new double[]{box.getLayoutX() + box.getWidth(), box.getWidth(), speed.getParent().prefWidth(-1),
                    speed.localToScene(speed.getLayoutBounds()).getMaxX()};
        });
        assertEquals(laid[2], laid[1], 0.5, "the figures' place is as wide as they are, at the end of the pulse that made them wider");
        assertEquals(right, laid[0], 0.5, "the figures end at the line's end");
        assertTrue(laid[3] <= right + 0.5, "the wider figure lies inside the line: " + laid[3] + " > " + right);
    }

    @Test
    void aNewMessageOrANewWidthIsPlannedAnew() throws Exception {
        tick("Iteration 1/5,628");
        int before = fx(line::measured);
        fx(() -> {
            status.set("Epoch 3: validation accuracy 96.58%");
            return null;
        });
        tick("Iteration 2/5,628");
        assertTrue(fx(line::measured) > before, "the new message was measured");
        assertEquals("Epoch 3: validation accuracy 96.58%", fx(message::getText));
        int measured = fx(line::measured);
        fx(() -> {
            stage.setWidth(400);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> line.getWidth() < 500));
        tick("Iteration 3/5,628");
        assertTrue(fx(line::measured) > measured, "the narrower line was planned again");
    }

    /** At 150 % and 200 % the same message in a larger font is measured anew and shown whole, in the height it needs. */
    @Test
    void aLargerFontIsPlannedAnewAndTheMessageStaysWhole() throws Exception {
        String stopped = "Stopped at epoch 5.63: validation accuracy 72.50%. The active model (built-in) is unchanged.";
        fx(() -> {
            status.set(stopped);
            return null;
        });
        tick("Iteration 1/5,628");
        for (String size : new String[]{"19.50px", "26.00px", "13.00px"}) {
            int before = fx(line::measured);
            fx(() -> {
                stage.getScene().getRoot().setStyle("-fx-font-size: " + size + ";");
                return null;
            });
            tick("Iteration 2/5,628");
            tick("Iteration 3/5,628");
            assertTrue(fx(line::measured) > before, size + ": the message was measured in its new font");
            assertEquals(stopped, fx(message::getText).replace('\n', ' '), size);
            assertTrue(fx(() -> message.getHeight() + 0.5 >= message.prefHeight(message.getWidth())),
                    size + ": the message has the height it needs");
            javafx.scene.Node shown = fx(() -> message.lookup(".text"));
            assertEquals(stopped, fx(() -> ((javafx.scene.text.Text) shown).getText()).replace('\n', ' '), size + ": shown whole");
        }
    }
}
