package io.digitstudio.ui;

import io.digitstudio.nn.Inspector;
import io.digitstudio.ui.inside.InsideViewModel;
import io.digitstudio.ui.train.RunState;
import io.digitstudio.ui.widgets.LiveChart;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Looking inside the network as a user does: the weights, a drawn digit's activations and saliency, a run's health. */
class InsideViewTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    @Test
    void aUserSeesTheWeightsPointsAtAUnitDrawsADigitAndWatchesARunsHealth(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Inside");
        InsideViewModel vm = app.main.inside().viewModel();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.weightsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Inspector.Tiles tiles = vm.weightsProperty().get().tiles();
        int hidden = app.models().activeProperty().get().model().summary().rows().get(1).outputShape()[0];
        assertEquals(hidden, tiles.count(), "one tile per first-layer unit");
        assertEquals(28, tiles.height());
        String source = robot.lookup("#weightsSource").queryAs(Label.class).getText().replace('\u00a0', ' ');
        assertTrue(source.startsWith("active model: built-in MLP") && source.contains("l1: " + hidden + " units of 28×28"), source);
        // all the tiles fit the pane, without scroll bars, and the health pane waits for a run in one line
        robot.interact(() -> {
            robot.window(0).setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            robot.window(0).setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) robot.lookup("#weightsImage").query().getParent().getParent().getParent();
        javafx.geometry.Bounds shown = robot.lookup("#weightsImage").query().getBoundsInParent();
        assertTrue(shown.getWidth() <= pane.getViewportBounds().getWidth() + 1 && shown.getHeight() <= pane.getViewportBounds().getHeight() + 1,
                "the tiles " + shown + " fit the pane " + pane.getViewportBounds());
        for (Node bar : pane.lookupAll(".scroll-bar")) assertFalse(bar.isVisible(), "no scroll bar");
        assertTrue(shown.getWidth() / 20 >= 14, "tiles of " + shown.getWidth() / 20 + " px");
        assertTrue(robot.lookup("#healthBox").tryQuery().isEmpty() || robot.lookup("#healthBox").query().getScene() == null, "no health pane before a run");
        assertTrue(robot.lookup("#noHealth").query().isVisible());
        assertTrue(robot.lookup("#noHealth").query().getBoundsInLocal().getHeight() < 50);
        // pointing at the first tile names its unit and norm
        ImageView w = robot.lookup("#weightsImage").queryAs(ImageView.class);
        robot.moveTo(w.localToScreen(6, 6));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(String.format(Locale.ROOT, "l1 unit 0 · norm %.3f", tiles.norm(0)), robot.lookup("#weightsHover").queryAs(Label.class).getText());

        // draw a 1 on the canvas; the Inside view shows what the network made of it
        app.openTab(robot, "Draw");
        robot.moveTo(app.onCanvas(140, 50));
        robot.press(MouseButton.PRIMARY);
        for (int y = 60; y <= 230; y += 10) robot.moveTo(app.onCanvas(140, y));
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.draw().viewModel().predictionProperty().get() != null);
        app.awaitDrawAnswer();
        app.openTab(robot, "Inside");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.lookProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        InsideViewModel.Look look = vm.lookProperty().get();
        assertEquals(app.draw().viewModel().predictionProperty().get().label(), look.prediction().label(), "the same answer as the Draw view");
        assertArrayEquals(app.draw().viewModel().inputProperty().get(), look.input(), 0f);
        assertEquals(app.models().activeProperty().get().model().stepNames().size(), look.activations().size());
        assertNotNull(robot.lookup("#saliencyImage").queryAs(ImageView.class).getImage());
        assertTrue(robot.lookup("#saliencyCaption").queryAs(Label.class).getText().startsWith("strokes behind "));
        DrawViewTest.assertWhole(robot.lookup("#saliencyCaption").queryAs(Label.class));
        DrawViewTest.assertWhole(robot.lookup("#secondCaption").queryAs(Label.class));
        assertNotNull(robot.lookup("#activation-0").queryAs(ImageView.class).getImage());
        assertTrue(robot.lookup("#insideStatus").queryAs(Label.class).getText().startsWith("the drawn digit: "), robot.lookup("#insideStatus").queryAs(Label.class).getText());

        // a short run with the view open: its weights and its health arrive while it trains (and its model is put to
        // use at the end: a short run never beats the built-in model's 99 %)
        app.useModelOfUnknownAccuracy();
        app.openTab(robot, "Train");
        Forms.type(robot, "#trainLimitField", "20000");
        Forms.type(robot, "#testLimitField", "300");
        Forms.type(robot, "#epochsField", "2");
        // started from the Inside tab with Ctrl+Enter, so it watches the whole run
        app.openTab(robot, "Inside");
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        var run = app.main.train().run();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.health().isEmpty(), "health samples while the view was open");
        assertNotNull(robot.lookup("#healthBox").query().getScene(), "the health pane once there is health to show");
        var first = vm.health().get(0);
        assertEquals(java.util.List.of("l1/W", "l1/b", "l2/W", "l2/b", "l3/W", "l3/b"), first.params().stream().map(p -> p.name()).toList());
        assertEquals(java.util.Set.of("l1 · relu", "l2 · relu"), first.dead().keySet());
        LiveChart chart = robot.lookup("#healthChart").queryAs(LiveChart.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.series().size() == 3
                && chart.series().get(0).size() == vm.health().size()); // drawn every few seconds
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, chart.series().size(), "a line per weight matrix");
        assertEquals(java.util.List.of("l1/W", "l2/W", "l3/W"), chart.series().stream().map(s -> s.name()).toList());
        var table = robot.lookup("#healthTable").queryAs(javafx.scene.control.TableView.class);
        assertEquals(6, table.getItems().size(), "the latest figures of each parameter: mean and deviation of values, gradients, updates");
        assertTrue(chart.isVisible());
        for (var p : vm.health().get(vm.health().size() - 1).params()) {
            assertTrue(p.log10Ratio() > -6 && p.log10Ratio() < 0, p.name() + " " + p.log10Ratio());
        }
        // the run became the active model: its weights are shown
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.weightsProperty().get().source().startsWith("active model: run " + app.main.train().run().recordedRunProperty().get()));
        assertEquals(100, vm.weightsProperty().get().tiles().count());
    }

    /** Opens Inside and waits until it shows {@code input}: it names Draw's digit {@code digit} of 107 and looks at its very input. */
    private void assertInsideShows(FxRobot robot, InsideViewModel inside, float[] input, int digit, String size) throws Exception {
        app.openTab(robot, "Inside");
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> inside.lookProperty().get() != null && inside.lookProperty().get().input() == input);
        } catch (java.util.concurrent.TimeoutException e) {
            InsideViewModel.Look look = inside.lookProperty().get();
            fail(size + ": Inside shows " + (look == null ? "nothing" : look.caption()) + ", not digit " + (digit + 1) + " of 107 as Draw does");
        }
        WaitForAsyncUtils.waitForFxEvents();
        InsideViewModel.Look look = inside.lookProperty().get();
        assertArrayEquals(input, look.input(), 0f, "the same 28×28 input as Draw's digit " + (digit + 1));
        assertEquals(app.draw().viewModel().readingProperty().get().digits().get(digit).prediction().label(), look.prediction().label());
        String status = robot.lookup("#insideStatus").queryAs(Label.class).getText();
        assertTrue(status.startsWith("digit " + (digit + 1) + " of the number 107 drawn: "), size + ": " + status);
    }

    /**
     * A new user draws the number 107, picks an image in Samples, comes back to Draw and looks Inside: Inside shows the
     * digit selected in Draw, the very 28×28 input Draw shows, and says which digit of the number it is; so it does
     * for each digit picked, at the window's first size and the smallest. Cleared, the canvas leaves Inside nothing of it.
     */
    @Test
    void insideShowsTheDigitOfTheNumberSelectedInDraw(FxRobot robot) throws Exception {
        app.awaitReady();
        app.openTab(robot, "Inside");
        InsideViewModel inside = app.main.inside().viewModel();
        var draw = app.draw().viewModel();
        app.openTab(robot, "Draw");
        app.stroke(robot, new double[]{50, 90}, new double[]{50, 160}, new double[]{50, 230});
        double[][] loop = new double[41][];
        for (int i = 0; i <= 40; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / 40;
            loop[i] = new double[]{135 + 38 * Math.cos(a), 160 + 72 * Math.sin(a)};
        }
        app.stroke(robot, loop);
        app.stroke(robot, new double[]{205, 90}, new double[]{285, 90}, new double[]{250, 160}, new double[]{228, 232});
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "107".equals(draw.number()));
        app.awaitDrawAnswer();
        for (boolean small : new boolean[]{false, true}) {
            String size = small ? "1024×700" : "1240×800";
            if (small) {
                robot.interact(() -> {
                    robot.window(0).setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
                    robot.window(0).setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
                });
                WaitForAsyncUtils.waitForFxEvents();
            }
            // an image picked in Samples is what Inside shows, until Draw is looked at again
            app.openTab(robot, "Samples");
            var samples = app.main.samples().viewModel();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> samples.imagesProperty().get() != null);
            robot.interact(() -> samples.selectedProperty().set(small ? 7 : 3));
            app.openTab(robot, "Inside");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> inside.lookProperty().get() != null && inside.lookProperty().get().caption().contains("image " + (small ? 7 : 3)));
            app.openTab(robot, "Draw");
            assertInsideShows(robot, inside, draw.inputProperty().get(), draw.selectedDigitProperty().get(), size);
            for (int digit : new int[]{0, 2, 1}) {
                app.openTab(robot, "Draw");
                robot.clickOn("#numberDigit-" + digit);
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals(digit, draw.selectedDigitProperty().get());
                assertInsideShows(robot, inside, draw.inputProperty().get(), digit, size);
            }
        }
        app.openTab(robot, "Draw");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> draw.inputProperty().get() == null);
        app.openTab(robot, "Inside");
        assertNull(inside.lookProperty().get(), "a cleared canvas: Inside shows none of the drawing");
        assertNull(robot.lookup("#inputImage").queryAs(ImageView.class).getImage());
    }

    @Test
    void warningsNameALayerThatBarelyLearnsOrWhoseUnitsDie() {
        var stats = new io.digitstudio.train.LayerStats.ParamStats("l2/W", 0, 0.1, 0, 0, 0, 0, 1e-6);
        var healthy = new io.digitstudio.train.LayerStats.ParamStats("l1/W", 0, 0.1, 0, 0, 0, 0, 1e-3);
        java.util.List<io.digitstudio.train.LayerStats.Sample> h = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            h.add(new io.digitstudio.train.LayerStats.Sample(10L * i, i / 10.0, java.util.List.of(healthy, stats), java.util.Map.of("l1 · relu", 0.7)));
        }
        InsideViewModel vm = new InsideViewModel(new SameThreadTasks(), new io.digitstudio.ui.model.ModelManager(new SameThreadTasks(), new TestDialogs(),
                io.digitstudio.ui.model.RecentModels.inMemory()));
        vm.addHealth(h);
        String w = vm.warningProperty().get();
        assertTrue(w.contains("l2/W barely changes (update:parameter 10^-6.0"), w);
        assertFalse(w.contains("l1/W"), w);
        assertTrue(w.contains("l1 · relu: 70% of its units never fire (dead ReLUs)"), w);
        // a new run's first sample starts a new chart
        vm.addHealth(java.util.List.of(new io.digitstudio.train.LayerStats.Sample(10, 0.1, java.util.List.of(healthy), java.util.Map.of())));
        assertEquals(1, vm.health().size());
        assertEquals("", vm.warningProperty().get());
    }
}
