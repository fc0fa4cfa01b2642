package io.digitstudio.ui;

import io.digitstudio.train.ConfusionMatrix;
import io.digitstudio.ui.evaluate.EvaluateView;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class EvaluateViewTest extends AppStory {
    private static final java.util.List<String> DIGITS = java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    /** Opens Evaluate, clicks Evaluate and waits for the active model's matrix. */
    private EvaluateView evaluateTheActiveModel(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn((Node) robot.lookup(".tab-label").match(LabeledMatchers.hasText("Evaluate")).query());
        robot.clickOn("#evaluateButton");
        EvaluateView view = app.main.evaluate();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().evaluationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return view;
    }

    @Test
    void aUserEvaluatesTheActiveModelAndReadsItsConfusionsAndPerClassFigures(FxRobot robot) throws Exception {
        EvaluateView view = evaluateTheActiveModel(robot);
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
        // the support of the ones (1,135 in MNIST's test set) written as every other count in the app
        java.util.List<String> texts = robot.lookup("#perClassTable .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
                .map(javafx.scene.control.Labeled::getText).toList();
        assertTrue(texts.contains("1,135") && !texts.contains("1135"), texts.toString());
        String status = robot.lookup("#evaluateStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith(String.format(java.util.Locale.ROOT, "Accuracy %.2f%% on 10,000 images", 100 * m.accuracy())), status);
        assertTrue(status.contains("most confused:  " + (worst.truth() + " → " + worst.predicted() + ": " + worst.count()).replace(' ', '\u00a0')), status);
        // the matrix agrees with the built-in model's recorded test accuracy
        assertEquals(app.models().activeProperty().get().testAccuracy(), m.accuracy(), 1e-4);

        // the matrix and the table export as CSV, the matrix as PNG
        java.nio.file.Path dir = java.nio.file.Files.createDirectory(app.scratch.resolve("exports")); // deleted with the story
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
        // the gallery, made by this first click, names the set as Evaluate's set box does, not by its raw id
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> box = robot.lookup("#splitBox").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("Test set", box.getConverter().toString(box.getValue()));
        assertTrue(samples.summaryProperty().get().contains(" of the test set that the matrix counts as "), samples.summaryProperty().get());
    }

    /**
     * Right and wrong differ by more than hue (issue 37): in every theme each cell of the diagonal is framed, at least
     * a line of it at 3:1 against the cell's own colour, the darkest and the palest alike, and no cell off the diagonal is.
     */
    @Test
    void theRightAnswersAreFramedInEveryThemeNotOnlyColoured(FxRobot robot) throws Exception {
        EvaluateView view = evaluateTheActiveModel(robot);
        java.util.List<String> failures = new java.util.ArrayList<>();
        try {
            for (io.digitstudio.ui.widgets.Theme theme : io.digitstudio.ui.widgets.Theme.values()) {
                robot.interact(() -> {
                    app.services.appearance().themeProperty().set(theme);
                    view.getScene().getRoot().applyCss();
                });
                robot.interact(() -> {
                    for (int t = 0; t < 10; t++) {
                        for (int p = 0; p < 10; p++) {
                            Label cell = (Label) view.lookup("#cell-" + t + "-" + p);
                            javafx.scene.paint.Color fill = Looks.behind(cell, view.getScene());
                            if (cell.getBackground() != null) {
                                for (var f : cell.getBackground().getFills()) {
                                    if (f.getFill() instanceof javafx.scene.paint.Color c) fill = io.digitstudio.ui.widgets.Contrast.over(c, fill);
                                }
                            }
                            double best = 0;
                            if (cell.getBorder() != null) {
                                for (var stroke : cell.getBorder().getStrokes()) {
                                    if (stroke.getWidths().getTop() >= 1 && stroke.getTopStroke() instanceof javafx.scene.paint.Color c && c.getOpacity() == 1) {
                                        best = Math.max(best, io.digitstudio.ui.widgets.Contrast.ratio(c, fill));
                                    }
                                }
                            }
                            if (t == p && best < 3) failures.add(theme + ": cell " + t + "-" + p + " framed at " + best + ":1 on " + Looks.web(fill));
                            if (t != p && best > 0) failures.add(theme + ": cell " + t + "-" + p + " off the diagonal is framed");
                        }
                    }
                });
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(io.digitstudio.ui.widgets.Theme.LIGHT));
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void aFollowedRunsEpochReachesAHiddenMatrixWhenItsTabIsOpenedAgain(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn((Node) robot.lookup(".tab-label").match(LabeledMatchers.hasText("Evaluate")).query());
        EvaluateView view = app.main.evaluate();
        long[][] first = new long[10][10];
        for (int c = 0; c < 10; c++) first[c][c] = 7;
        robot.interact(() -> view.viewModel().showValidation(1, ConfusionMatrix.ofCounts(first), 0.5, null, DIGITS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("7", robot.lookup("#cell-3-3").queryAs(Label.class).getText());

        // the user goes back to training; the run's next epoch arrives while the matrix cannot be seen
        robot.clickOn((Node) robot.lookup(".tab-label").match(LabeledMatchers.hasText("Train")).query());
        long[][] second = new long[10][10];
        for (int c = 0; c < 10; c++) second[c][c] = 9;
        second[3][5] = 2;
        robot.interact(() -> view.viewModel().showValidation(2, ConfusionMatrix.ofCounts(second), 0.4, null, DIGITS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("7", robot.lookup("#cell-3-3").queryAs(Label.class).getText(), "nothing is redrawn while hidden");

        robot.clickOn((Node) robot.lookup(".tab-label").match(LabeledMatchers.hasText("Evaluate")).query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("9", robot.lookup("#cell-3-3").queryAs(Label.class).getText(), "the newest epoch once it is seen");
        assertEquals("2", robot.lookup("#cell-3-5").queryAs(Label.class).getText());
    }

    @Test
    void fortySevenClassesStillFitReadablyWithEveryNameWhole(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.clickOn((Node) robot.lookup(".tab-label").match(LabeledMatchers.hasText("Evaluate")).query());
        // EMNIST Balanced's 47 classes: digits, capitals and the lower-case letters that differ from them
        String lower = "abdefghnqrt";
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 47; i++) names.add(i < 10 ? String.valueOf(i) : i < 36 ? String.valueOf((char) ('A' + i - 10)) : String.valueOf(lower.charAt(i - 36)));
        int n = 47 * 30;
        int[] truth = new int[n];
        int[] predicted = new int[n];
        java.util.Random rnd = new java.util.Random(1);
        for (int i = 0; i < n; i++) {
            truth[i] = i % 47;
            predicted[i] = rnd.nextDouble() < 0.8 ? truth[i] : rnd.nextInt(47);
        }
        ConfusionMatrix m = new ConfusionMatrix(truth, predicted, 47);
        EvaluateView view = app.main.evaluate();
        robot.interact(() -> view.viewModel().showValidation(4, m, 0.9, null, names));
        WaitForAsyncUtils.waitForFxEvents();
        GridPane grid = robot.lookup("#confusionGrid").queryAs(GridPane.class);
        assertEquals(47 * 47 + 2 * 47, grid.getChildren().size());
        Label cell = robot.lookup("#cell-46-46").queryAs(Label.class);
        assertEquals(String.valueOf(m.count(46, 46)), cell.getText());
        assertTrue(cell.getWidth() >= 22 && cell.getWidth() < 30, "small cells: " + cell.getWidth());
        assertTrue(cell.getTooltip().getText().startsWith("t → t: "), cell.getTooltip().getText());
        // every header and count is shown whole (no "…"), so the matrix is readable at 47 classes
        for (Node c : grid.getChildren()) {
            Label l = (Label) c;
            javafx.scene.text.Text shown = (javafx.scene.text.Text) l.lookup(".text");
            if (l.getText() != null && !l.getText().isEmpty()) assertEquals(l.getText(), shown.getText(), "clipped: " + l.getId());
        }
        TableView<?> table = robot.lookup("#perClassTable").queryAs(TableView.class);
        assertEquals(49, table.getItems().size(), "47 classes, macro and weighted averages");
        // and a 10-class evaluation afterwards goes back to roomy cells
        robot.clickOn("#evaluateButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().evaluationProperty().get() != null
                && view.viewModel().evaluationProperty().get().matrix().classes() == 10);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(10 * 10 + 2 * 10, grid.getChildren().size());
        assertTrue(robot.lookup("#cell-0-0").queryAs(Label.class).getWidth() >= 46, "roomy cells again");
    }

    @Test
    void aFolderOfIdxFilesIsEvaluatedAndItsCellsOpenItsImages(FxRobot robot, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        app.awaitReady();
        // a folder with MNIST's first 500 test images as its test set (and 1000 training images)
        var mnist = io.digitstudio.data.Mnist.bundled();
        for (var part : java.util.List.of(java.util.Map.entry("t10k", mnist.test().head(500)), java.util.Map.entry("train", mnist.train().head(1000)))) {
            var set = part.getValue();
            byte[] px = new byte[set.size() * 784];
            byte[] lb = new byte[set.size()];
            for (int i = 0; i < set.size(); i++) {
                for (int r = 0; r < 28; r++) for (int c = 0; c < 28; c++) px[i * 784 + r * 28 + c] = (byte) set.pixel(i, r, c);
                lb[i] = (byte) set.label(i);
            }
            io.digitstudio.io.IdxWriter.images(dir.resolve(part.getKey() + "-images-idx3-ubyte"), px, set.size(), 28, 28);
            io.digitstudio.io.IdxWriter.labels(dir.resolve(part.getKey() + "-labels-idx1-ubyte"), lb);
        }
        robot.clickOn((Node) robot.lookup(".tab-label").match(LabeledMatchers.hasText("Evaluate")).query());
        app.dialogs.willChoose(dir);
        robot.clickOn("#evaluateSetBox");
        robot.clickOn("Test set of a folder…");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#evaluateButton");
        EvaluateView view = app.main.evaluate();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> view.viewModel().evaluationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        ConfusionMatrix m = view.viewModel().evaluationProperty().get().matrix();
        assertEquals(500, m.total());
        // a diagonal cell opens the folder's images in the gallery
        robot.clickOn("#cell-2-2");
        var samples = app.main.samples().viewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> samples.predictionsProperty().get() != null && samples.visible().size() == m.count(2, 2));
        assertEquals(500, samples.imagesProperty().get().size());
        assertEquals(io.digitstudio.ui.samples.SamplesViewModel.Split.FOLDER, samples.splitProperty().get());
        for (int i : samples.visible()) assertEquals(2, samples.imagesProperty().get().label(i));
    }

    @Test
    void aCellOfARunsValidationOpensExactlyTheImagesItCountsFromThatValidation(FxRobot robot) throws Exception {
        app.useModelOfUnknownAccuracy(); // the run's model is put to use
        // a short run that validates on the first 200 test images; the Evaluate view follows it
        Forms.type(robot, "#trainLimitField", "3000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "2");
        robot.clickOn("#startButton");
        var run = app.main.train().run();
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> run.stateProperty().get() == io.digitstudio.ui.train.RunState.FINISHED);
        app.openTab(robot, "Evaluate");
        var evaluation = app.main.evaluate().viewModel();
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(evaluation.evaluationProperty().get(), evaluation.statusProperty().get());
        assertNotNull(evaluation.evaluationProperty().get().model(), "the run's network is the active model: " + app.main.train().presenter().statusProperty().get());
        ConfusionMatrix m = evaluation.evaluationProperty().get().matrix();
        assertEquals(200, m.total());
        // the cell with the most images off the diagonal (or the diagonal's first, for a run that made no mistake)
        ConfusionMatrix.Pair cell = m.mostConfused(1).isEmpty() ? new ConfusionMatrix.Pair(0, 0, m.count(0, 0)) : m.mostConfused(1).get(0);
        // the run's "Training finished" toast may still show, and a long one reaches over the matrix's last rows: the
        // user closes it first
        while (!robot.lookup("#toastCloseButton").queryAll().isEmpty()) robot.clickOn("#toastCloseButton");
        // the matrix scrolls when the window is small for it (a larger UI scale left by an earlier story): the user
        // scrolls the cell into view first
        Node target = robot.lookup("#cell-" + cell.truth() + "-" + cell.predicted()).query();
        Forms.reveal(robot, target);
        robot.clickOn(target);
        var samples = app.main.samples().viewModel();
        try {
            // the gallery may hold the test set's answers already: wait for the cell's own images, shown and classified
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "samplesTab".equals(app.main.tabs().getSelectionModel().getSelectedItem().getId())
                    && samples.imagesProperty().get() != null && samples.imagesProperty().get().size() == 200
                    && samples.predictionsProperty().get() != null && samples.visible().size() == cell.count());
        } catch (java.util.concurrent.TimeoutException e) {
            fail("the cell did not open its images in the gallery: tab " + app.main.tabs().getSelectionModel().getSelectedItem().getId() + " · " + samples.summaryProperty().get() + " · " + evaluation.statusProperty().get());
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("samplesTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
        var set = samples.imagesProperty().get();
        assertEquals(200, set.size(), "the images of the run's validation, not the whole test set");
        assertEquals(cell.count(), samples.visible().size(), "as many images as the cell counts");
        for (int i : samples.visible()) assertEquals(cell.truth(), set.label(i));
        // the gallery says which set the images are of, in its set box and over the images
        String summary = samples.summaryProperty().get(); // the label's text (in the toolbar's overflow when narrow)
        assertTrue(summary.contains("of the run's validation (200 test images of MNIST (bundled))"), summary);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<Object> box = robot.lookup("#splitBox").queryAs(javafx.scene.control.ComboBox.class);
        assertEquals("Run's validation (200)", box.getConverter().toString(box.getValue()));
    }
}
