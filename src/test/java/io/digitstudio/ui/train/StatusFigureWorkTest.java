package io.digitstudio.ui.train;

import io.digitstudio.ui.widgets.Formats;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a status figure measures while a run trains: its text changes at each tick, but the widest form it keeps room
 * for ("Iteration 8,888/8,888") stays the same for the whole run, so it is laid out once, and the figure's width is
 * the one that form gives.
 */
@ExtendWith(ApplicationExtension.class)
class StatusFigureWorkTest {
    private final StringProperty text = new SimpleStringProperty("");
    private TrainView.Figure figure;
    private final HBox root = new HBox();

    @Start
    void start(Stage stage) {
        figure = new TrainView.Figure(text, "iterationLabel", null);
        root.getChildren().add(figure);
        stage.setScene(new Scene(root, 600, 100));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private double tick(String t) throws Exception {
        return fx(() -> {
            text.set(t);
            root.applyCss();
            root.layout();
            return figure.prefWidth(-1);
        });
    }

    private double textWidth(String s) throws Exception {
        return fx(() -> {
            Text probe = new Text(s);
            probe.setFont(figure.getFont());
            return probe.getLayoutBounds().getWidth();
        });
    }

    @Test
    void aRunsTicksLayOutEachNewTextOnceAndTheWidestFormOnce() throws Exception {
        double first = tick("Iteration 1/4,688");
        int before = fx(figure::measured);
        double width = first;
        for (int k = 2; k <= 41; k++) width = Math.max(width, tick("Iteration " + Formats.count(k * 113L) + "/4,688"));
        assertEquals(40, fx(figure::measured) - before, "texts laid out for 40 new texts: each once, its widest form never again");
        assertEquals(first, width, "the room of the count at its total from the first text on");
    }

    @Test
    void theFiguresWidthIsItsTextsWithTheWidestFormsRoom() throws Exception {
        String t = "Iteration 7/47";
        double width = tick(t);
        double own = fx(() -> {
            javafx.scene.control.Label plain = new javafx.scene.control.Label(t);
            plain.setFont(figure.getFont());
            root.getChildren().add(plain);
            root.applyCss();
            double w = plain.prefWidth(-1);
            root.getChildren().remove(plain);
            return w;
        });
        double widest = -1;
        String widestForm = null;
        for (char d = '0'; d <= '9'; d++) {
            String form = "Iteration " + d + d + "/" + d + d;
            double w = textWidth(form);
            if (w > widest) {
                widest = w;
                widestForm = form;
            }
        }
        assertEquals(own + Math.max(0, widest - textWidth(t)), width, 1e-9, "as wide as " + widestForm);
    }

    /** What the figure did with regular expressions at every tick: the total for the count, then the widest digit. */
    private static String byRegex(String s, char digit) {
        String fraction = Pattern.compile("(\\d[\\d,]*)/(\\d[\\d,]*)").matcher(s).replaceAll("$2/$2");
        return Pattern.compile("\\d").matcher(fraction).replaceAll(String.valueOf(digit));
    }

    @Test
    void theWidestFormIsWhatTheRegularExpressionsMade() {
        for (String s : List.of("Iteration 7/47", "Iteration 1,382/4,688", "Epoch 3/12", "Elapsed 0:03 · ETA 1:02:10", "1234 it/s",
                "paused", "", "7/", "/47", "a1,2/3b 4/5,6", ",5/6", "12,/3", "1/2/3", "Iteration 10/10", "x 99/100 y 3/4"))
            for (char d : new char[]{'0', '8'}) assertEquals(byRegex(s, d), TrainView.Figure.widestForm(s, d), s);
    }
}
