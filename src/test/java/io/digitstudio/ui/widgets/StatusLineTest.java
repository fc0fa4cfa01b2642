package io.digitstudio.ui.widgets;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Where a status line puts a message too long to end before its figures: the words that fit before them stay on the
 * last line, beside them, and the others go to the line above. A trial at 150 % in 1024×700 saw the finished run's
 * message broken after "accuracy", its longer end laid beside the figures and drawn over "Epoch 1/1".
 */
@ExtendWith(ApplicationExtension.class)
class StatusLineTest {
    private final StringProperty status = new SimpleStringProperty("");
    private Label message;
    private HBox figures;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        message = new Label();
        // as wide as a run's figures at 150 %: the epoch, the iteration, the time and a progress bar of 160 px
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(1);
        bar.setPrefWidth(160);
        figures = new HBox(8, new Label("Epoch 1/1"), new Label("Iteration 24/24"), new Label("Took 0:03"), bar);
        figures.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        BorderPane root = new BorderPane();
        root.setBottom(StatusLine.bar("statusBar", status, message, figures));
        stage.setScene(new Scene(root, 1024, 300));
        // the window as wide as the scene, whatever size a story before this one left it at
        stage.setWidth(1024);
        stage.setHeight(300);
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    @Test
    void theMessagesLastLineEndsBeforeTheFiguresAtEveryScale() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String text : new String[]{"Finished: 95.60% validation accuracy; Draw and Samples use it.", "Finished at 74.50%; kept the model in use (99.03%).",
                "Stopped at epoch 5.63: validation accuracy 72.50%. The active model (built-in) is unchanged.",
                "Training mlp 784-100-100-10 on 60,000 examples of MNIST (bundled)"}) {
            for (String size : new String[]{"13.00px", "19.50px", "26.00px"}) {
                String seen = fx(() -> {
                    status.set(text);
                    stage.getScene().getRoot().setStyle("-fx-font-size: " + size + ";");
                    stage.getScene().getRoot().applyCss();
                    stage.getScene().getRoot().layout();
                    String[] lines = message.getText().split("\n");
                    Text probe = new Text(lines[lines.length - 1]);
                    probe.setFont(message.getFont());
                    Bounds m = message.localToScene(message.getLayoutBounds());
                    double end = m.getMinX() + message.snappedLeftInset() + probe.getLayoutBounds().getWidth();
                    double figuresStart = figures.localToScene(figures.getLayoutBounds()).getMinX();
                    return end <= figuresStart ? null : size + " \"" + message.getText().replace("\n", " / ") + "\": last line ends at "
                            + Math.round(end) + " px, the figures start at " + Math.round(figuresStart) + " px";
                });
                if (seen != null) wrong.add(seen);
                assertEquals(text, fx(message::getText).replace('\n', ' '), size + ": the message whole");
            }
        }
        assertEquals(List.of(), wrong);
    }
}
