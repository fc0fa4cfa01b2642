package io.digitstudio.ui;

import io.digitstudio.runs.RunSummary;
import io.digitstudio.train.EpochReport;
import io.digitstudio.ui.runs.RunsViewModel;
import io.digitstudio.ui.train.RunState;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Branching as a user does it: a short run with snapshots, then in Runs "Branch from here…" at its first epoch with another rate. */
class BranchStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage); // nothing of this story's is cut there
    }

    /** This story's labels and buttons that show less than their text (JavaFX's "…"). */
    private List<String> cut(String... ids) {
        return Looks.cut(stage.getScene(), ids);
    }

    /** The Runs table's row showing the run {@code id}. */
    private static Node row(FxRobot robot, String id) {
        return robot.lookup("#runsTable .table-row-cell").match((javafx.scene.control.TableRow<RunSummary> r) -> !r.isEmpty() && r.getItem() != null
                && r.getItem().id().equals(id)).query();
    }

    /**
     * Scrolls the pane that holds {@code node} until the node is in view, as a user scrolls to a control below the fold
     * (the toast strip at the window's bottom leaves the views a little less height).
     */
    private static void scrollIntoView(Node node) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            Node n = node.getParent();
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
            if (!(n instanceof javafx.scene.control.ScrollPane pane)) return;
            Node content = pane.getContent();
            double extra = content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
            if (extra <= 0) return;
            javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
            double top = pane.getVvalue() / pane.getVmax() * extra;
            double viewport = pane.getViewportBounds().getHeight();
            if (b.getMinY() >= top && b.getMaxY() <= top + viewport) return;
            double wanted = Math.min(extra, Math.max(0, b.getMaxY() - viewport));
            pane.setVvalue(pane.getVmax() * wanted / extra);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void choosePoint(FxRobot robot, String label) throws Exception {
        scrollIntoView(robot.lookup("#branchPointBox").query());
        robot.clickOn("#branchPointBox");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup(".combo-box-popup .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(label)).query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The part of the scroll pane around {@code node} that shows, in the scene's coordinates. */
    private static javafx.geometry.Bounds viewport(Node node) {
        Node n = node.getParent();
        while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
        Node view = ((javafx.scene.control.ScrollPane) n).lookup(".viewport");
        return view.localToScene(view.getLayoutBounds());
    }

    /** Where {@code node} runs past the sides of the pane that shows it ("" if nowhere; the pane scrolls only up and down). */
    private static String pastTheSides(String name, Node node) {
        javafx.geometry.Bounds b = node.localToScene(node.getLayoutBounds());
        javafx.geometry.Bounds view = viewport(node);
        if (b.getMinX() < view.getMinX() - 0.5 || b.getMaxX() > view.getMaxX() + 0.5) {
            return name + " from x " + Math.round(b.getMinX()) + " to " + Math.round(b.getMaxX()) + " in a pane showing " + Math.round(view.getMinX()) + " to " + Math.round(view.getMaxX());
        }
        return "";
    }

    /**
     * A run with many points to branch from, the last where it stopped deep into a run of batches of one ("stop at epoch
     * 12.35 (iteration 12,345)"): whatever run was selected before, and at 100 % and 150 %, in the smallest window, the
     * point picker and "Branch from here…" stay within the pane beside the charts (it scrolls only up and down), whole,
     * and the button, scrolled to, is in view and branches. (The picker grew to its widest point's label and kept that
     * width: at 150 % it ran past the pane's edge and widened everything in it.)
     */
    @Test
    void theBranchButtonStaysInThePaneWhateverThePointsAndTheScale(FxRobot robot) throws Exception {
        app.awaitReady();
        io.digitstudio.train.TrainingConfig c = io.digitstudio.train.TrainingConfig.tutorial().withEpochs(13).withUnits(10)
                .withOptimizer("momentum-sgd", 0.01, null).withLimits(1000, 50).withBatchSize(1);
        var many = io.digitstudio.runs.TrainingSession.builder(app.history, "cli").config(c).snapshots(1, null, 13).build();
        many.loop().addExtension(new io.digitstudio.train.StopAt(12_345));
        many.run();
        var other = io.digitstudio.runs.TrainingSession.builder(app.history, "cli").config(c.withEpochs(1).withLimits(100, 50)).build();
        other.run();
        app.openTab(robot, "Runs");
        RunsViewModel runs = app.main.runs().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#runsTable").queryTableView().getItems().size() == 2);
        List<String> failures = new java.util.ArrayList<>();
        try {
            for (int scale : new int[]{100, 150}) {
                robot.interact(() -> app.services.appearance().scaleProperty().set(scale));
                // the run, another, both, then the run again
                robot.clickOn(row(robot, many.runId()));
                robot.clickOn(row(robot, other.runId()));
                robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn(row(robot, many.runId())).release(javafx.scene.input.KeyCode.CONTROL);
                robot.clickOn(row(robot, many.runId()));
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.branchChoices().size() == 13 && runs.branchChoiceProperty().get() != null);
                Pulses.settle(); // a layout pass after the points change
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals("stop at epoch 12.35 (iteration 12,345)", runs.branchChoices().get(12).label());
                assertEquals(runs.branchChoices().get(12), runs.branchChoiceProperty().get(), "the newest point is chosen");
                javafx.scene.control.ComboBox<?> picker = robot.lookup("#branchPointBox").queryComboBox();
                assertEquals("stop at epoch 12.35", picker.getButtonCell().getText(), "the chosen point, briefly");
                Node button = robot.lookup("#branchButton").query();
                robot.interact(() -> {
                    for (String c1 : cut("branchRow", "branchPointBox", "branchButton")) failures.add(scale + " %: " + c1);
                    for (String id : new String[]{"branchPointBox", "branchButton", "branchRow"}) {
                        String past = pastTheSides(id, robot.lookup("#" + id).query());
                        if (!past.isEmpty()) failures.add(scale + " %: " + past);
                    }
                });
                scrollIntoView(button);
                robot.interact(() -> {
                    javafx.geometry.Bounds b = button.localToScene(button.getLayoutBounds());
                    javafx.geometry.Bounds view = viewport(button);
                    if (!(b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5)) {
                        failures.add(scale + " %: the button, scrolled to, at y " + Math.round(b.getMinY()) + " to " + Math.round(b.getMaxY())
                                + " in a pane showing " + Math.round(view.getMinY()) + " to " + Math.round(view.getMaxY()));
                    }
                });
            }
            assertEquals(List.of(), failures);
            // reached, it branches from the stop
            robot.clickOn("#branchButton");
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("trainTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
            Label banner = robot.lookup("#branchBanner").queryAs(Label.class);
            assertTrue(banner.getText().startsWith("Branch of run " + many.runId() + " from the stop at epoch 12.35"), banner.getText());
        } finally {
            robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        }
    }

    /**
     * A run of {@code epochs} epochs recorded with a snapshot every epoch, of which it keeps the last two, selected in
     * Runs once its branch points are listed (one an epoch): the Runs view's model.
     */
    private RunsViewModel selectedRunKeepingTwoSnapshots(FxRobot robot, int epochs) throws Exception {
        app.awaitReady();
        io.digitstudio.train.TrainingConfig c = io.digitstudio.train.TrainingConfig.tutorial().withEpochs(epochs).withUnits(10)
                .withOptimizer("momentum-sgd", 0.1, null).withLimits(500, 100);
        var run = io.digitstudio.runs.TrainingSession.builder(app.history, "cli").config(c).snapshots(1, null, 2).build();
        run.run();
        app.openTab(robot, "Runs");
        RunsViewModel runs = app.main.runs().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#runsTable").queryTableView().getItems().size() == 1);
        robot.clickOn(row(robot, run.runId()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.branchChoices().size() == epochs && runs.branchChoiceProperty().get() != null);
        return runs;
    }

    /**
     * A run that kept the snapshots of its last two epochs only: in the Branch at list, in every theme, "end of epoch 1
     * (no snapshot)" is drawn greyed, its text fainter than the ends it can branch from yet still readable, and a click
     * on it picks nothing and leaves the list open. (The cell was disabled, but no rule of the theme draws a disabled
     * list cell: it read as every other end; and a click on it closed the list.)
     */
    @Test
    void theEndsWithoutASnapshotAreGreyedInTheBranchListInEveryTheme(FxRobot robot) throws Exception {
        RunsViewModel runs = selectedRunKeepingTwoSnapshots(robot, 3);
        RunsViewModel.BranchChoice chosen = runs.branchChoiceProperty().get();
        assertEquals("end of epoch 3", chosen.label());
        List<String> failures = new java.util.ArrayList<>();
        StringBuilder seen = new StringBuilder();
        try {
            for (io.digitstudio.ui.widgets.Theme theme : List.of(io.digitstudio.ui.widgets.Theme.LIGHT, io.digitstudio.ui.widgets.Theme.DARK,
                    io.digitstudio.ui.widgets.Theme.HIGH_CONTRAST)) {
                robot.interact(() -> app.services.appearance().themeProperty().set(theme));
                WaitForAsyncUtils.waitForFxEvents();
                scrollIntoView(robot.lookup("#branchPointBox").query());
                robot.clickOn("#branchPointBox");
                WaitForAsyncUtils.waitForFxEvents();
                robot.moveTo(stage.getX() + stage.getWidth() - 20, stage.getY() + stage.getHeight() / 2); // no item under the pointer
                Pulses.settle(2);
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> {
                    Node none = listCell(robot, "end of epoch 1 (no snapshot)");
                    Node some = listCell(robot, "end of epoch 2");
                    Color noneText = drawnText(none), someText = drawnText(some);
                    Color noneBg = behindText(none), someBg = behindText(some);
                    double noneRatio = io.digitstudio.ui.widgets.Contrast.ratio(noneText, noneBg);
                    double someRatio = io.digitstudio.ui.widgets.Contrast.ratio(someText, someBg);
                    double apart = io.digitstudio.ui.widgets.Contrast.ratio(noneText, someText);
                    String line = String.format(java.util.Locale.ROOT, "%s: no snapshot %s on %s %.2f:1, with one %s on %s %.2f:1, the texts %.2f:1 apart",
                            theme.id(), Looks.web(noneText), Looks.web(noneBg), noneRatio, Looks.web(someText), Looks.web(someBg), someRatio, apart);
                    seen.append(line).append('\n');
                    if (!none.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("disabled"))) failures.add(theme.id() + ": the cell is not :disabled");
                    if (apart < 1.5 || noneRatio >= someRatio) failures.add("not greyed: " + line);
                    if (noneRatio < (theme == io.digitstudio.ui.widgets.Theme.HIGH_CONTRAST ? 4.5 : 3)) failures.add("not readable: " + line);
                });
                robot.clickOn(listCell(robot, "end of epoch 1 (no snapshot)"));
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals(chosen, runs.branchChoiceProperty().get(), "a click on a greyed end picks nothing");
                // nor closes the list: the user goes on to an end that can be picked (a trial saw the list close)
                javafx.scene.control.ComboBox<?> picker = robot.lookup("#branchPointBox").queryComboBox();
                if (!picker.isShowing()) failures.add(theme.id() + ": a click on a greyed end closed the list");
                if (picker.isShowing()) robot.type(javafx.scene.input.KeyCode.ESCAPE);
                WaitForAsyncUtils.waitForFxEvents();
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(io.digitstudio.ui.widgets.Theme.LIGHT));
        }
        assertEquals(List.of(), failures, seen.toString());
    }

    /**
     * A run branched from its last epoch: the Train form greys what a branch keeps (the data, the network, the batch
     * size, the seed, shuffling and augmentation), says why above them, and leaves open what a branch may change; Start
     * is on. "New run instead" opens the whole form again. (A trial typed "…, linear 10" in the open Network field, the
     * parent's network written another way, and Start went off: "A branch keeps its parent's network".)
     */
    @Test
    void aBranchsFormGreysWhatTheBranchKeepsAndSaysWhy(FxRobot robot) throws Exception {
        RunsViewModel runs = selectedRunKeepingTwoSnapshots(robot, 2);
        Button branch = robot.lookup("#branchButton").queryButton();
        scrollIntoView(branch);
        robot.clickOn(branch);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("trainTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());

        List<String> kept = List.of("dataBox", "trainLimitField", "testLimitField", "networkPreset", "networkSpec", "batchSizeField", "seedField",
                "shuffleCheck", "augmentCheck");
        List<String> open = List.of("epochsField", "optimizerBox", "hp-lr", "lrShiftField", "warmupField", "earlyStopField", "keepBestCheck", "snapshotCheck");
        for (String id : kept) assertTrue(robot.lookup("#" + id).query().isDisabled(), id + " is greyed in a branch");
        for (String id : open) assertFalse(robot.lookup("#" + id).query().isDisabled(), id + " is open in a branch");
        // a click in the network's field puts no cursor there
        javafx.scene.control.TextInputControl spec = robot.lookup("#networkSpec").queryTextInputControl();
        String was = spec.getText();
        scrollIntoView(spec);
        robot.clickOn(spec);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(spec.isFocused(), "the cursor in a greyed field");
        assertEquals(was, spec.getText());
        Label banner = robot.lookup("#branchBanner").queryAs(Label.class);
        assertTrue(banner.getParent().isVisible(), "the banner shows");
        assertTrue(banner.getText().endsWith(" " + io.digitstudio.ui.train.TrainSettings.KEPT_BY_BRANCH_NOTE), "it says why those fields are greyed: "
                + banner.getText());
        assertFalse(robot.lookup("#startButton").queryButton().isDisabled(), "Start trains the branch");
        try {
            for (int scale : new int[]{100, 150}) {
                robot.interact(() -> app.services.appearance().scaleProperty().set(scale));
                Pulses.settle();
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals(List.of(), cut("branchBanner", "leaveBranchButton"), "at " + scale + " %");
            }
        } finally {
            robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        }

        robot.clickOn("#leaveBranchButton");
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : kept) assertFalse(robot.lookup("#" + id).query().isDisabled(), id + " is open again for a new run");
        assertFalse(banner.getParent().isVisible(), "no banner once the form is a new run");
    }

    /** The Branch at list's shown cell with this text. */
    private static Node listCell(FxRobot robot, String label) {
        return robot.lookup(".combo-box-popup .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(label)).query();
    }

    /** A cell's text as drawn: its fill at the opacity of the cell and what holds it, over what lies behind. */
    private static Color drawnText(Node cell) {
        Text t = (Text) cell.lookup(".text");
        double o = 1;
        for (Node p = t; p != null; p = p.getParent()) o *= p.getOpacity();
        Color fill = (Color) t.getFill();
        return io.digitstudio.ui.widgets.Contrast.over(Color.color(fill.getRed(), fill.getGreen(), fill.getBlue(), fill.getOpacity() * o), behindText(cell));
    }

    /** What lies behind a cell's text: the popup's and the cell's fills. */
    private static Color behindText(Node cell) {
        Node t = cell.lookup(".text");
        return Looks.behind(t, t.getScene());
    }

    @Test
    void aRunBranchedAtItsFirstEpochWithAnotherRateIsListedAsItsBranch(FxRobot robot) throws Exception {
        app.awaitReady();
        var run = app.main.train().run();
        app.trainShortRunWithSnapshots(robot, 2);
        String parent = app.history.list().get(0).id();
        List<Double> parentAccuracy = run.resultProperty().get().epochs().stream().map(EpochReport::valAccuracy).toList();

        app.openTab(robot, "Runs");
        RunsViewModel runs = app.main.runs().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#runsTable").queryTableView().getItems().size() == 1);
        robot.clickOn(row(robot, parent));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.branchChoices().size() == 2);
        choosePoint(robot, "end of epoch 1");
        assertEquals(List.of(), cut("branchRow", "branchPointBox", "branchButton", "branchReason"));
        Button branch = robot.lookup("#branchButton").queryButton();
        assertFalse(branch.isDisabled(), "the run kept a snapshot at the end of epoch 1");
        scrollIntoView(branch);
        robot.clickOn(branch);
        WaitForAsyncUtils.waitForFxEvents();

        // the Train view, on the parent's settings, says it is a branch; the user lowers the rate and starts
        assertTrue(app.main.tabs().getSelectionModel().getSelectedItem().getId().equals("trainTab"));
        Label banner = robot.lookup("#branchBanner").queryAs(Label.class);
        assertTrue(banner.isVisible());
        assertTrue(banner.getText().startsWith("Branch of run " + parent + " from the end of epoch 1"), banner.getText());
        // said once: the banner says what the form branches from, the status line only what to do next, and no toast
        // says either (the status line said the branch again)
        String status = robot.lookup("#statusText").queryAs(Label.class).getAccessibleText();
        assertEquals("Change the learning rate or other values, then Start.", status);
        assertTrue(app.dialogs.infos.stream().noneMatch(i -> i.contains(parent)), "no toast says it again: " + app.dialogs.infos);
        assertEquals("1000", robot.lookup("#trainLimitField").queryTextInputControl().getText());
        assertEquals(List.of(), cut("branchBanner", "leaveBranchButton"));
        // its charts show the parent up to the branch point, not the whole of the run shown last (the parent's 2 epochs)
        var presenter = app.main.train().presenter();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> presenter.valAccuracy().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(1), presenter.epochRows().stream().map(EpochReport::epoch).toList());
        assertEquals(parentAccuracy.get(0), presenter.valAccuracy().y(0), 1e-12);
        assertEquals("", robot.lookup("#epochLabel").queryAs(Label.class).getText(), "no progress of the last run");
        Forms.type(robot, "#hp-lr", "0.05");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED && app.history.list().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), app.dialogs.errors);
        // it trains from epoch 2 on: its first epoch is its parent's, as it was, and its second its own
        List<EpochReport> shown = app.main.train().presenter().epochRows();
        assertEquals(List.of(1, 2), shown.stream().map(EpochReport::epoch).toList());
        assertEquals(parentAccuracy.get(0), shown.get(0).valAccuracy(), 1e-12);
        assertNotEquals(parentAccuracy.get(1), shown.get(1).valAccuracy(), "epoch 2 trained at the other rate");

        // Runs lists it as a branch of the first run
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        RunSummary b = table.getItems().stream().filter(r -> !r.id().equals(parent)).findFirst().orElseThrow();
        assertEquals(parent, b.settings().branchedFrom().run());
        assertEquals(1, b.settings().branchedFrom().epoch(), "branched after epoch 1: its own epochs start at 2");
        assertEquals(2, b.epochsDone());
        assertEquals("0.05", String.valueOf(b.settings().config().hyperparams().get("lr")));
        assertEquals(List.of(), Looks.cut(stage.getScene()).stream().filter(c -> c.contains("'branch of'") || c.contains(", epoch 1'")).toList(),
                "the branch column's title and cells are whole");
        assertTrue(robot.lookup("#runsTable .table-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText(parent + ", epoch 1")).tryQuery().isPresent(),
                "the branch's row names its parent");
        // the branch's first epoch is its parent's: nothing to branch from there, and the button says why
        robot.clickOn(row(robot, b.id()));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.branchChoices().size() == 2 && runs.selectedIds().equals(List.of(b.id())));
        // the list says so beside the epoch, greyed: a click can't pick it; a click on the curve's point can
        scrollIntoView(robot.lookup("#branchPointBox").query());
        robot.clickOn("#branchPointBox");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".combo-box-popup .list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("end of epoch 1 (the parent run's)"))
                .query().isDisabled());
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
        robot.interact(() -> runs.chooseEpoch(1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#branchButton").queryButton().isDisabled());
        Label why = robot.lookup("#branchReason").queryAs(Label.class);
        assertTrue(why.isVisible());
        assertEquals("Epoch 1 is the parent run's (" + parent + "): branch from that run", why.getText());
        assertEquals(List.of(), cut("branchRow", "branchPointBox", "branchButton", "branchReason"));

        // back in Train: the branch has ended, so the banner is gone, the form is the user's own again (0.01, not the
        // branch's 0.05), and Start trains an ordinary new run of it
        app.openTab(robot, "Train");
        assertFalse(banner.getParent().isVisible(), "no banner once the branch has ended: " + banner.getText());
        assertEquals("0.01", robot.lookup("#hp-lr").queryTextInputControl().getText(), "the form has the user's values again");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED && app.history.list().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), app.dialogs.errors);
        RunSummary fresh = app.history.find(run.recordedRunProperty().get());
        assertNotEquals(b.id(), fresh.id());
        assertFalse(fresh.settings().isBranch(), "a new run, not the branch again: " + fresh.settings().branchedFrom());
        assertEquals(2, fresh.epochsDone());
        assertEquals(0.01, fresh.settings().config().hyperparams().get("lr"), "the user's rate, not the branch's");
    }

    /**
     * Runs' "Branch from here…" at epoch 1 of a finished run, then "New run instead": the run Start trains now shares
     * nothing with the parent, so the Train view shows none of its epochs (they stayed, charts and table, until Start).
     */
    @Test
    void aNewRunInsteadOfABranchShowsNothingOfTheParent(FxRobot robot) throws Exception {
        app.awaitReady();
        app.trainShortRunWithSnapshots(robot, 2);
        String parent = app.history.list().get(0).id();
        app.openTab(robot, "Runs");
        RunsViewModel runs = app.main.runs().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#runsTable").queryTableView().getItems().size() == 1);
        robot.clickOn(row(robot, parent));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> runs.branchChoices().size() == 2);
        choosePoint(robot, "end of epoch 1");
        Button branch = robot.lookup("#branchButton").queryButton();
        scrollIntoView(branch);
        robot.clickOn(branch);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("trainTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
        TableView<?> table = robot.lookup("#epochTable").queryTableView();
        var presenter = app.main.train().presenter();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> presenter.valAccuracy().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, table.getItems().size(), "the branch shows its parent's epoch 1");

        robot.clickOn("#leaveBranchButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(app.main.train().settings().branchProperty().get());
        assertEquals(List.of(), List.copyOf(table.getItems()), "no epoch of the parent in the table");
        Node placeholder = table.getPlaceholder();
        assertTrue(placeholder != null && placeholder.isVisible() && placeholder.getScene() != null, "the empty table says what comes there");
        for (String id : new String[]{"#lossChart", "#accuracyChart", "#lrChart"}) {
            io.digitstudio.ui.widgets.LiveChart chart = robot.lookup(id).queryAs(io.digitstudio.ui.widgets.LiveChart.class);
            assertTrue(chart.readout().endsWith("no data yet"), id + ": " + chart.readout());
        }
        assertEquals("", robot.lookup("#epochLabel").queryAs(Label.class).getText(), "no progress");
        assertTrue(Forms.status(robot).startsWith("A new run:"), Forms.status(robot));
    }

    @Test
    void aPausedRunBranchedWithAnotherRateIsDrawnFromItsParentsCurveAtThePause(FxRobot robot) throws Exception {
        app.awaitReady();
        var run = app.main.train().run();
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "40");
        robot.clickOn("#startButton");
        // after its second epoch, the user pauses it, and branches it there
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.currentLoop() != null && run.currentLoop().iterator().epoch() >= 2);
        robot.clickOn("#pauseButton");
        assertEquals(RunState.PAUSED, run.stateProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cut("branchHereButton", "pauseButton", "stopButton"));
        Button branchHere = robot.lookup("#branchHereButton").queryButton();
        assertFalse(branchHere.isDisabled(), "a paused run of the history can be branched");
        String parent = run.recordedRunProperty().get();
        robot.clickOn(branchHere);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED
                && app.main.train().settings().branchProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), app.dialogs.errors);
        var point = app.main.train().settings().branchProperty().get();
        long iteration = Long.parseLong(point.spec().substring(point.spec().indexOf('@') + 1));
        int done = point.epochsDone();
        assertTrue(done >= 2, "paused after epoch 2: " + point);
        // the parent is stopped there and kept; the form is a branch of it from the pause
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, app.history.find(parent).status());
        assertEquals(iteration, io.digitstudio.train.Snapshot.iterationOf(io.digitstudio.runs.TrainingSession.locate(app.history, parent).file()));
        // said once, in the Train view's status line, not again in a toast (the trial saw the notice line, a toast and
        // the status line say the branch at once)
        assertEquals("Run " + parent + " is stopped at iteration " + String.format(java.util.Locale.ROOT, "%,d", iteration)
                + " and kept (Runs resumes it); change the learning rate or other values, then Start.", robot.lookup("#statusText").queryAs(Label.class).getAccessibleText());
        assertTrue(app.dialogs.infos.stream().noneMatch(i -> i.contains(parent)), "no toast says it again: " + app.dialogs.infos);
        Label banner = robot.lookup("#branchBanner").queryAs(Label.class);
        assertTrue(banner.isVisible());
        // the exact point: how far into its epoch it paused (1,000 examples in batches of 128), not the epochs done
        long drawn = iteration * 128 - done * 1000L;
        double exact = drawn < 128 ? done : done + drawn / 1000.0;
        String at = io.digitstudio.runs.RunSettings.Branch.point(exact, iteration);
        assertTrue(at.matches("epoch \\d+(\\.\\d+)? \\(iteration [\\d,]+\\)"), at);
        assertTrue(banner.getText().startsWith("Branch of run " + parent + " from the pause at " + at + ": "), banner.getText());
        assertEquals(List.of(), cut("branchBanner", "leaveBranchButton"));

        // two more epochs at a higher rate
        Forms.type(robot, "#epochsField", String.valueOf(done + 2));
        Forms.type(robot, "#hp-lr", "0.05");
        robot.clickOn("#startButton");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED && app.history.list().stream()
                .anyMatch(r -> r.settings() != null && r.settings().isBranch() && r.status() == io.digitstudio.runs.RunStatus.FINISHED));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), app.dialogs.errors);
        RunSummary b = app.history.list().stream().filter(r -> !r.id().equals(parent)).findFirst().orElseThrow();
        assertEquals(new io.digitstudio.runs.RunSettings.Branch(parent, iteration, done, exact, b.settings().branchedFrom().parentSeconds()), b.settings().branchedFrom());
        assertEquals(done + 2, b.epochsDone());
        assertEquals(io.digitstudio.runs.RunStatus.STOPPED, app.history.find(parent).status(), "the parent stays as it was left");

        // Runs: both selected, both curves drawn, the branch's leaving the parent's where it paused
        app.openTab(robot, "Runs");
        TableView<RunSummary> table = robot.lookup("#runsTable").queryTableView();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        robot.clickOn(row(robot, parent));
        robot.press(javafx.scene.input.KeyCode.CONTROL).clickOn(row(robot, b.id())).release(javafx.scene.input.KeyCode.CONTROL);
        javafx.scene.chart.LineChart<?, ?> acc = robot.lookup("#runsAccuracyChart").queryAs(javafx.scene.chart.LineChart.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> acc.getData().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        var curves = app.main.runs().viewModel().curvesProperty().get();
        List<double[]> mine = curves.stream().filter(c -> c.run().id().equals(b.id())).findFirst().orElseThrow().accuracy();
        List<double[]> theirs = curves.stream().filter(c -> c.run().id().equals(parent)).findFirst().orElseThrow().accuracy();
        // paused inside an epoch, the parent's curve goes on, level, from its last epoch to the point the branch leaves it
        assertEquals(exact > done ? done + 1 : done, theirs.size(), "the parent's curve ends where it paused");
        assertEquals(exact, theirs.get(theirs.size() - 1)[0], 0.0, "the parent's curve reaches the point the branch leaves it");
        assertEquals(3, mine.size(), "the branch's curve: the branching point, then its own two epochs");
        assertEquals(exact, mine.get(0)[0], 0.0, "at the exact point it paused, not at the end of epoch " + done);
        assertEquals(theirs.get(done - 1)[1], mine.get(0)[1], 0.0, "from the parent's curve, level past its last epoch (it stopped there)");
        assertTrue(mine.get(1)[0] > exact);
        var branchOf = table.getColumns().stream().filter(c -> c.getText().equals("branch of")).findFirst().orElseThrow();
        RunSummary shownB = table.getItems().stream().filter(r -> r.id().equals(b.id())).findFirst().orElseThrow();
        assertEquals(parent + ", epoch " + io.digitstudio.runs.RunSettings.Branch.epochs(exact), branchOf.getCellData(shownB), "the table's \"branch of\" column");
        for (var s : acc.getData()) assertFalse(s.getData().isEmpty(), "each curve is drawn: " + s.getName());
    }
}
