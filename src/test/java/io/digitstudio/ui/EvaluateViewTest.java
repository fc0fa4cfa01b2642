package io.digitstudio.ui;

import io.digitstudio.train.ConfusionMatrix;
import io.digitstudio.ui.evaluate.EvaluateView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

@ExtendWith(ApplicationExtension.class)
class EvaluateViewTest {
    private final UiFixture app = new UiFixture();

    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        app.close();
    }

    @Test
    void aUserEvaluatesTheActiveModelAndReadsItsConfusionsAndPerClassFigures(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn((Node) robot.lookup(".tab-label").match(LabeledMatchers.hasText("Evaluate")).query());
        robot.clickOn("#evaluateButton");
        EvaluateView view = app.main.evaluate();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().evaluationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ConfusionMatrix m = view.viewModel().evaluationProperty().get().matrix();
        assertEquals(10_000, m.total());
        GridPane grid = robot.lookup("#confusionGrid").queryAs(GridPane.class);
        assertEquals(10 * 10 + 2 * 10, grid.getChildren().size(), "a cell for each pair and a header for each class on both sides");
        // the cells show the matrix: rows are true labels, columns predictions
        assertEquals(String.valueOf(m.count(4, 4)), robot.lookup("#cell-4-4").queryAs(Label.class).getText());
        ConfusionMatrix.Pair worst = m.mostConfused(1).get(0);
        assertEquals(String.valueOf(worst.count()), robot.lookup("#cell-" + worst.truth() + "-" + worst.predicted()).queryAs(Label.class).getText());
        TableView<?> table = robot.lookup("#perClassTable").queryAs(TableView.class);
        assertEquals(12, table.getItems().size(), "ten classes, macro and weighted averages");
        String status = robot.lookup("#evaluateStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith(String.format(java.util.Locale.ROOT, "Accuracy %.2f%% on 10,000 images", 100 * m.accuracy())), status);
        assertTrue(status.contains("most confused:  " + worst.truth() + " → " + worst.predicted() + ": " + worst.count()), status);
        // the matrix agrees with the built-in model's recorded test accuracy
        assertEquals(app.models().activeProperty().get().testAccuracy(), m.accuracy(), 1e-4);

        // the matrix and the table export as CSV, the matrix as PNG
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("evaluate");
        java.nio.file.Path csv = dir.resolve("confusion.csv");
        app.dialogs.willChoose(csv);
        robot.clickOn("#exportConfusionButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(csv));
        assertEquals(m.csv(view.viewModel().evaluationProperty().get().classNames()), java.nio.file.Files.readString(csv));
        java.nio.file.Path png = dir.resolve("confusion.png");
        app.dialogs.willChoose(png);
        robot.clickOn("#exportConfusionPngButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> java.nio.file.Files.exists(png));
        assertTrue(javax.imageio.ImageIO.read(png.toFile()).getWidth() > 300);

        // a click on the worst cell opens exactly those images in the gallery, most confident first
        robot.clickOn("#cell-" + worst.truth() + "-" + worst.predicted());
        var samples = app.main.samples().viewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> samples.predictionsProperty().get() != null && samples.visible().size() == worst.count());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.main.tabs().getSelectionModel().getSelectedItem().getId().equals("samplesTab"));
        var set = samples.imagesProperty().get();
        float last = Float.MAX_VALUE;
        for (int i : samples.visible()) {
            assertEquals(worst.truth(), set.label(i));
            assertEquals(worst.predicted(), samples.predictedLabel(i));
            assertTrue(samples.confidence(i) <= last, "most confident first");
            last = samples.confidence(i);
        }
        assertEquals(worst.truth(), robot.lookup("#trueClassBox").queryAs(javafx.scene.control.ComboBox.class).getValue());
        assertEquals(worst.predicted(), robot.lookup("#predictedClassBox").queryAs(javafx.scene.control.ComboBox.class).getValue());
    }
}
