package io.digitstudio.ui;

import io.digitstudio.runs.RunStatus;
import io.digitstudio.ui.train.RunState;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static javafx.scene.input.KeyCode.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Each view's main job with the keyboard alone: Tab, arrows, Enter, Space, Esc, Ctrl+1…7 and Alt mnemonics. The
 * window swallows and records every pointer event, so a step that only a mouse could do fails the story.
 */
class KeyboardOnlyStoriesTest extends AppStory {
    private Keyboard keys;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    @BeforeEach
    void keyboardOnly(FxRobot robot) throws Exception {
        app.awaitReady();
        keys = new Keyboard(robot, stage.getScene());
    }

    @AfterEach
    void noPointerWasUsed() {
        keys.assertNoPointer();
    }

    @Test
    void trainTheShortRunAndStopIt() throws Exception {
        var run = app.main.train().run();
        keys.chord(CONTROL, DIGIT1);
        assertEquals("trainTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
        keys.tabTo("trainLimitField").replaceText("1000");
        keys.tabTo("testLimitField").replaceText("200");
        keys.tabTo("epochsField").replaceText("40");
        keys.chord(CONTROL, ENTER);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.currentLoop() != null && run.currentLoop().iteration() > 3);
        keys.chord(CONTROL, PERIOD);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED);
        WaitForAsyncUtils.waitForFxEvents();
        var recorded = app.history.find(run.recordedRunProperty().get());
        assertEquals(RunStatus.STOPPED, recorded.status());
        assertEquals(1000, recorded.settings().config().trainLimit());
    }

    @Test
    void openAMisclassifiedSampleWithArrowsAndEnter() throws Exception {
        keys.chord(CONTROL, DIGIT2);
        var vm = app.main.samples().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.predictionsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        keys.mnemonic(M);
        assertTrue(vm.onlyMisclassifiedProperty().get(), "Alt+M ticks Only misclassified");
        keys.tabTo("samplesGrid");
        keys.type(RIGHT, RIGHT, DOWN, LEFT, ENTER);
        int columns = app.main.samples().itemsPerRow();
        int expected = vm.visible().get(columns + 1);
        assertEquals(expected, vm.selectedProperty().get(), "Enter opens the image the arrows went to");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.selectedPredictionProperty().get() != null);
        var images = vm.imagesProperty().get();
        assertNotEquals(images.label(expected), vm.selectedPredictionProperty().get().label(), "a misclassified one");
    }

    /** Alt+F opens the learning-rate finder in the charts' place; Esc or Done closes it, cancels its search and returns to Find. */
    @Test
    void escClosesTheLearningRateFinder() throws Exception {
        keys.chord(CONTROL, DIGIT1);
        keys.tabTo("trainLimitField").replaceText("1000");
        keys.tabTo("testLimitField").replaceText("200");
        var finder = app.main.train().lrFind();
        keys.mnemonic(F);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> finder.shownProperty().get());
        keys.chord(ESCAPE);
        assertFalse(finder.shownProperty().get(), "Esc closes the finder");
        // and its search stops at its next iteration
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !finder.runningProperty().get());
        assertEquals("findLrButton", keys.focusedId(), "the keyboard is back on the button that opened it");
        // its own buttons answer Alt too: Done is Alt+N (Alt+D is the form's Defaults)
        keys.mnemonic(F);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> finder.shownProperty().get());
        keys.mnemonic(N);
        assertFalse(finder.shownProperty().get(), "Alt+N (Done) closes the finder");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !finder.runningProperty().get());
        assertEquals("findLrButton", keys.focusedId(), "after Done too, the keyboard is back on the button that opened it");
    }

    /**
     * The Train form's way back to its defaults reads as what it does, "Defaults", and answers Alt+D.
     */
    @Test
    void altDPutsTheTrainFormBackToItsDefaults() throws Exception {
        keys.chord(CONTROL, DIGIT1);
        keys.tabTo("epochsField").replaceText("40");
        keys.tabTo("testLimitField").replaceText("200");
        assertNotEquals(io.digitstudio.ui.train.TrainSettings.defaults(), app.main.train().settings().values());
        keys.mnemonic(D);
        assertEquals(io.digitstudio.ui.train.TrainSettings.defaults(), app.main.train().settings().values(), "Alt+D puts the form back to its defaults");
        var reset = (javafx.scene.control.Button) stage.getScene().lookup("#resetFormButton");
        assertEquals("Defaults", WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.text.Text) reset.lookup(".text")).getText()).get(), "the button's words as shown");
    }

    @Test
    void openAConfusionMatrixCellAndEscGoesBack() throws Exception {
        keys.chord(CONTROL, DIGIT3);
        var vm = app.main.evaluate().viewModel();
        keys.mnemonic(E);
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> vm.evaluationProperty().get() != null && vm.cellsOpen());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no evaluation after Alt+E; focus on " + keys.focusedId() + ", status: " + vm.statusProperty().get()
                    + ", errors: " + app.dialogs.errors, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        // the cell of the commonest mistake
        var m = vm.evaluationProperty().get().matrix();
        int truth = 0, predicted = 1;
        for (int t = 0; t < 10; t++) for (int p = 0; p < 10; p++) if (t != p && m.count(t, p) > m.count(truth, predicted)) {
            truth = t;
            predicted = p;
        }
        keys.tabTo("cell-0-0");
        keys.repeat(DOWN, truth).repeat(RIGHT, predicted);
        assertEquals("cell-" + truth + "-" + predicted, keys.focusedId());
        keys.chord(ENTER);
        var samples = app.main.samples().viewModel();
        assertEquals("samplesTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
        assertEquals(truth, samples.trueClassProperty().get());
        assertEquals(predicted, samples.predictedClassProperty().get());
        keys.chord(ESCAPE);
        assertEquals("evaluateTab", app.main.tabs().getSelectionModel().getSelectedItem().getId(), "Esc closes the cell's images");
        assertEquals("cell-" + truth + "-" + predicted, keys.focusedId(), "and the keyboard is back on the cell");
    }

    /**
     * In every view Tab goes through all of it and back to the tab strip (nothing traps the keyboard), in reading order:
     * a step never goes up unless it goes to a column to the right (toolbar left to right, then each pane top to
     * bottom, the panes left to right).
     */
    @Test
    void tabGoesThroughEachViewInReadingOrderAndOut() throws Exception {
        for (KeyCode digit : new KeyCode[]{DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5, DIGIT6, DIGIT7, DIGIT8}) {
            keys.chord(CONTROL, digit);
            javafx.scene.Node strip = keys.focused();
            assertSame(app.main.tabs(), strip, "Ctrl+N puts the focus on the tab strip");
            WaitForAsyncUtils.waitForFxEvents();
            java.util.List<String> stops = new java.util.ArrayList<>();
            javafx.geometry.Bounds last = null;
            String lastName = null;
            for (int i = 0; ; i++) {
                assertTrue(i < 80, "Tab never leaves view " + digit + ": " + stops);
                keys.chord(TAB);
                javafx.scene.Node n = keys.focused();
                if (n == strip) break;
                String name = n.getClass().getSimpleName() + "#" + keys.focusedId();
                stops.add(name);
                javafx.geometry.Bounds b = unscrolled(n);
                if (last != null && b.getMinY() < last.getMinY() - 2 && b.getMinX() < last.getMaxX() - 2) {
                    fail("in view " + digit + " Tab goes up and back from " + lastName + " " + last + " to " + name + " " + b + "; order " + stops);
                }
                last = b;
                lastName = name;
            }
            assertFalse(stops.isEmpty(), "view " + digit + " has controls to Tab to");
        }
    }

    /** Where a control is in the window's layout, as if every pane it is in were scrolled to its top left. */
    private static javafx.geometry.Bounds unscrolled(javafx.scene.Node n) {
        javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
        for (javafx.scene.Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
                javafx.geometry.Bounds in = sp.getContent().sceneToLocal(b);
                // the scroll pane itself may be in one that scrolls (a tab's examples in the Draw view's column)
                javafx.geometry.Bounds at = unscrolled(sp);
                return new javafx.geometry.BoundingBox(at.getMinX() + in.getMinX(), at.getMinY() + in.getMinY(), in.getWidth(), in.getHeight());
            }
        }
        return b;
    }

    /**
     * In each theme the control Tab lands on looks different from how it looked a key press before: the ring (or the
     * theme's own focus border) is drawn, compared pixel by pixel around the control in the window's image.
     */
    @Test
    void theFocusedControlShowsARingInEveryTheme(FxRobot robot) throws Exception {
        try {
            for (io.digitstudio.ui.widgets.Theme theme : io.digitstudio.ui.widgets.Theme.values()) {
                robot.interact(() -> app.services.appearance().themeProperty().set(theme));
                keys.chord(CONTROL, DIGIT1);
                javafx.scene.image.Image before = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
                for (int i = 0; i < 12; i++) {
                    keys.chord(TAB);
                    javafx.scene.Node n = keys.focused();
                    javafx.geometry.Bounds b = n.localToScene(n.getBoundsInLocal());
                    javafx.scene.image.Image after = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get();
                    int changed = 0;
                    int x0 = (int) Math.max(0, b.getMinX() - 4), y0 = (int) Math.max(0, b.getMinY() - 4);
                    int x1 = (int) Math.min(after.getWidth(), b.getMaxX() + 4), y1 = (int) Math.min(after.getHeight(), b.getMaxY() + 4);
                    for (int y = y0; y < y1; y++) {
                        for (int x = x0; x < x1; x++) {
                            javafx.scene.paint.Color c0 = before.getPixelReader().getColor(x, y), c1 = after.getPixelReader().getColor(x, y);
                            if (Math.abs(c0.getRed() - c1.getRed()) + Math.abs(c0.getGreen() - c1.getGreen()) + Math.abs(c0.getBlue() - c1.getBlue()) > 0.15) changed++;
                        }
                    }
                    // at least one side's length and one end's in changed pixels: a ring round the control shows more
                    assertTrue(changed >= b.getWidth() + b.getHeight(), theme + ": the focus on " + n.getClass().getSimpleName() + "#"
                            + keys.focusedId() + " changes only " + changed + " pixels");
                    before = after;
                }
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(io.digitstudio.ui.widgets.Theme.LIGHT));
        }
    }

    /**
     * JavaFX looks a mnemonic up by its letter whatever the case, but keeps "_e" and "_E" apart and acts only on the
     * first it finds: two labels that differ only in case leave one of them dead. Every view is built here first.
     */
    @Test
    void noTwoMnemonicsOfTheWindowDifferOnlyInCase() throws Exception {
        for (KeyCode digit : new KeyCode[]{DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5, DIGIT6, DIGIT7, DIGIT8}) keys.chord(CONTROL, digit);
        keys.chord(CONTROL, DIGIT1);
        var letters = WaitForAsyncUtils.asyncFx(() -> stage.getScene().getMnemonics().keySet().stream().map(Object::toString).toList()).get();
        var byLetter = letters.stream().collect(java.util.stream.Collectors.groupingBy(s -> s.toLowerCase(java.util.Locale.ROOT)));
        assertTrue(letters.size() > 15, "the views' mnemonics are registered: " + letters);
        byLetter.forEach((l, same) -> assertEquals(1, same.size(), "mnemonics differing only in case: " + same));
    }

    /**
     * Every button, toggle, check box and menu button with a word on it, in every view, has an Alt mnemonic, and no two in
     * one view share a letter (whatever the case): the view's controls are walked whether they show now or not (a
     * button shown only while paused, the Runs view's buttons before a run is chosen), and the learning-rate finder is
     * opened to walk it too: it shows beside the form and under the toolbar, so its buttons share the view's letters.
     * The items of a menu each have their own letter within the menu, a recent model's too (a model is opened first, so
     * that the Model menu lists one). A check box's mnemonic must tick it, which only MnemonicCheckBox does. A letter has one
     * case in the whole window (see {@link #noTwoMnemonicsOfTheWindowDifferOnlyInCase}).
     */
    @Test
    void everyButtonAndCheckBoxOfEachViewHasItsOwnMnemonic(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("my_model.npz");
        io.digitstudio.io.ModelFiles.saveNpz(model, new io.digitstudio.nn.Network(io.digitstudio.nn.NetworkSpec.of("linear 10"), new int[]{784}, 10,
                new io.digitstudio.data.Rng(0)), new io.digitstudio.io.ModelInfo(null, "MNIST", java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));
        WaitForAsyncUtils.asyncFx(() -> app.models().open(model)).get();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.models().recent().stream().anyMatch(p -> p.endsWith("my_model.npz")));
        java.util.List<String> failures = new java.util.ArrayList<>();
        java.util.Map<String, java.util.Set<String>> cases = new java.util.TreeMap<>();
        StringBuilder figures = new StringBuilder();
        String[] views = ThemesAndScalesTest.TABS;
        for (int v = 0; v < views.length; v++) {
            keys.chord(CONTROL, KeyCode.valueOf("DIGIT" + (v + 1)));
            WaitForAsyncUtils.waitForFxEvents();
            if (v == 0) {
                notices(dir);
                // the finder is built when first opened; it opens in the Train view beside the form
                WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#findLrButton")).fire()).get();
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> stage.getScene().lookup("#lrFindPane") != null);
                WaitForAsyncUtils.asyncFx(() -> app.main.train().lrFind().close()).get();
            }
            int tab = v;
            java.util.List<String> found = WaitForAsyncUtils.asyncFx(() -> mnemonics(app.main.tabs().getTabs().get(tab).getContent(), failures, views[tab])).get();
            figures.append(views[v]).append(": ").append(found.size()).append(" mnemonics ").append(found).append('\n');
            for (String f : found) cases.computeIfAbsent(f.substring(0, 1).toLowerCase(java.util.Locale.ROOT), k -> new java.util.TreeSet<>()).add(f.substring(0, 1));
            var byLetter = found.stream().collect(java.util.stream.Collectors.groupingBy(s -> s.substring(0, 1).toLowerCase(java.util.Locale.ROOT)));
            byLetter.forEach((l, same) -> {
                if (same.size() > 1) failures.add(views[tab] + ": Alt+" + l.toUpperCase(java.util.Locale.ROOT) + " is taken " + same.size() + " times: " + same);
            });
        }
        // the app's menu at the tab strip's end, over every view: each item its own letter, within the menu
        java.util.List<String> menuItems = WaitForAsyncUtils.asyncFx(() -> app.main.menu().getItems().stream()
                .filter(i -> !(i instanceof javafx.scene.control.SeparatorMenuItem)).map(i -> String.valueOf(letter(i.getText(), i.isMnemonicParsing()))).toList()).get();
        figures.append("Menu: ").append(menuItems).append('\n');
        if (menuItems.contains("null") || menuItems.size() != new java.util.HashSet<>(menuItems).size() || menuItems.isEmpty()) {
            failures.add("the app's menu: each item its own letter, none without: " + menuItems);
        }
        cases.forEach((l, both) -> {
            if (both.size() > 1) failures.add("Alt+" + l.toUpperCase(java.util.Locale.ROOT) + " is underlined in two cases, which leaves one dead: " + both);
        });
        System.out.print(figures);
        assertTrue(failures.isEmpty(), failures.size() + " mnemonics missing or shared:\n" + String.join("\n", failures));
        var recent = WaitForAsyncUtils.asyncFx(() -> ((javafx.scene.control.MenuButton) app.main.tabs().getTabs().get(3).getContent().lookup("#modelMenu"))
                .getItems().stream().map(KeyboardOnlyStoriesTest::shown).toList()).get();
        assertTrue(recent.stream().anyMatch(t -> t != null && t.startsWith("_1  my__model.npz")), "the opened model was walked among the recent ones, its own '_' kept: " + recent);
    }

    /**
     * Brings about what the Train view makes only when it first shows, so that its buttons are walked too: a paused
     * run's "Branch from here…", then the branch's "New run instead", and data of another kind's "Choose…".
     */
    private void notices(Path dir) throws Exception {
        var train = app.main.train();
        var run = train.run();
        WaitForAsyncUtils.asyncFx(() -> {
            train.settings().trainLimitProperty().set("1000");
            train.settings().testLimitProperty().set("200");
            train.settings().epochsProperty().set("40");
            run.start();
        }).get();
        awaitRun(120, () -> run.currentLoop() != null && run.currentLoop().iteration() > 3);
        WaitForAsyncUtils.asyncFx(run::togglePause).get();
        awaitRun(60, () -> run.stateProperty().get() == RunState.PAUSED && run.canBranchProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(stage.getScene().lookup("#branchHereButton"), "a paused run offers to branch");
        WaitForAsyncUtils.asyncFx(run::branchFromHere).get();
        awaitRun(60, () -> train.settings().branchProperty().get() != null && run.stateProperty().get().canStart());
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(stage.getScene().lookup("#leaveBranchButton"), "a branch offers a new run instead");
        app.dialogs.willChoose(java.nio.file.Files.createDirectories(dir.resolve("pictures")));
        WaitForAsyncUtils.asyncFx(() -> train.dataPicker().choose(io.digitstudio.data.DataSummary.Kind.IMAGES)).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(stage.getScene().lookup("#dataChooseButton"), "data of another kind can be chosen again");
    }

    /** Waits for the Train view's run to come to {@code condition}; a timeout says where the run was. */
    private void awaitRun(int seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            String status = WaitForAsyncUtils.asyncFx(() -> stage.getScene().lookup("#statusText").getAccessibleText()).get();
            throw new AssertionError("the run is " + app.main.train().run().stateProperty().get() + ", the status line says: " + status, e);
        }
    }

    /** The mnemonics of {@code root}'s buttons and check boxes as "letter: text"; those without one, or menus' items that share one, in {@code failures}. */
    private static java.util.List<String> mnemonics(javafx.scene.Node root, java.util.List<String> failures, String view) {
        java.util.List<String> found = new java.util.ArrayList<>();
        java.util.ArrayDeque<javafx.scene.Node> todo = new java.util.ArrayDeque<>(java.util.List.of(root));
        while (!todo.isEmpty()) {
            javafx.scene.Node n = todo.pop();
            if (n instanceof javafx.scene.Parent p) todo.addAll(p.getChildrenUnmodifiable());
            if (!(n instanceof javafx.scene.control.ButtonBase b) || !worded(b.getText())) continue;
            String letter = letter(b.getText(), b.isMnemonicParsing());
            if (letter == null) {
                failures.add(view + ": " + Readable.describe(b) + " \"" + b.getText() + "\" has no mnemonic");
                continue;
            }
            if (b instanceof javafx.scene.control.CheckBox && !(b instanceof io.digitstudio.ui.widgets.MnemonicCheckBox)) {
                failures.add(view + ": " + Readable.describe(b) + " \"" + b.getText() + "\": its Alt+" + letter + " would not tick it (not a MnemonicCheckBox)");
            }
            found.add(letter + ": " + b.getText().replace("_", ""));
            if (b instanceof javafx.scene.control.MenuButton m) {
                java.util.Map<String, String> items = new java.util.HashMap<>();
                for (javafx.scene.control.MenuItem item : m.getItems()) {
                    String text = shown(item);
                    boolean parsed = item instanceof javafx.scene.control.CustomMenuItem c && c.getContent() instanceof javafx.scene.control.Labeled l
                            ? l.isMnemonicParsing() : item.isMnemonicParsing();
                    if (item instanceof javafx.scene.control.SeparatorMenuItem || !worded(text)) continue;
                    String l = letter(text, parsed);
                    if (l == null) failures.add(view + ": menu item \"" + text + "\" of " + m.getText() + " has no mnemonic");
                    else if (items.put(l.toLowerCase(java.util.Locale.ROOT), item.getText()) != null) {
                        failures.add(view + ": menu " + m.getText() + " has two items on " + l + ": " + items.get(l.toLowerCase(java.util.Locale.ROOT)) + ", " + item.getText());
                    }
                }
            }
        }
        return found;
    }

    /** A menu item's text as its row shows it: a custom item's is its label's. */
    private static String shown(javafx.scene.control.MenuItem item) {
        return item instanceof javafx.scene.control.CustomMenuItem c && c.getContent() instanceof javafx.scene.control.Labeled l ? l.getText() : item.getText();
    }

    /** Whether a control's text has a word in it (not a digit, a "✕", an empty thumbnail's label). */
    private static boolean worded(String text) {
        return text != null && text.codePoints().filter(Character::isLetter).count() >= 2;
    }

    /** The letter after the first "_" (not "__"), or null. */
    private static String letter(String text, boolean parsed) {
        if (!parsed) return null;
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) != '_') continue;
            if (text.charAt(i + 1) == '_') {
                i++;
                continue;
            }
            return text.substring(i + 1, i + 2);
        }
        return null;
    }

    @Test
    void compareTwoRunsSelectedWithTheKeyboard() throws Exception {
        for (String lr : new String[]{"0.1", "0.05"}) {
            StringWriter err = new StringWriter();
            int code = io.digitstudio.cli.Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "train", "--epochs", "1", "--lr", lr,
                    "--train-size", "1000", "--test-size", "200", "--runs-dir", app.history.root().toString(),
                    "--out", app.history.root().resolveSibling("cli-" + lr + "-" + app.history.root().getFileName() + ".npz").toString());
            assertEquals(0, code, err.toString());
        }
        keys.chord(CONTROL, DIGIT7);
        var vm = app.main.runs().viewModel();
        var table = app.main.runs().table();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        keys.tabTo("runsTable");
        keys.type(HOME).chord(SHIFT, DOWN);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.comparison().stream().anyMatch(r -> r.differs()));
        assertEquals(2, table.getSelectionModel().getSelectedItems().size());
    }

    @Test
    void relabelADigitFromTheKeyboard() throws Exception {
        for (int i = 0; i < 2; i++) {
            float[] x = new float[784];
            x[300 + i] = 1; // two different pictures: the same one twice is kept once
            app.myDigits.add(x, 4, java.util.List.of(), "test");
        }
        keys.chord(CONTROL, DIGIT5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main.myDigits().viewModel().digits().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        String second = app.main.myDigits().viewModel().digits().get(1).id();
        keys.tabUntil(id -> id.startsWith("digit-"), "a digit");
        keys.type(RIGHT);
        assertEquals("digit-" + second, keys.focused().getId(), "arrows go from digit to digit");
        keys.type(DIGIT9);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.myDigits.list().stream().anyMatch(d -> d.id().equals(second) && d.label() == 9));
        assertEquals(1, app.myDigits.list().stream().filter(d -> d.label() == 4).count(), "the other digit keeps its label");
    }

    @Test
    void openAModelThroughTheFilePicker(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wide.npz");
        io.digitstudio.io.ModelFiles.saveNpz(file, new io.digitstudio.nn.Network(io.digitstudio.nn.NetworkSpec.of("linear 400, relu, linear 400, relu, linear"),
                new int[]{784}, 10, new io.digitstudio.data.Rng(0)), new io.digitstudio.io.ModelInfo(null, "MNIST", java.util.List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")));
        keys.chord(CONTROL, DIGIT4);
        app.dialogs.willChoose(file);
        keys.mnemonic(L).chord(ALT, O);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> file.equals(app.models().activeProperty().get().file()));
        assertEquals("open model", app.dialogs.asked.get(app.dialogs.asked.size() - 1));
        // the Model menu (Alt+L) lists it first among those opened before: in the open list Alt+C takes the built-in
        // CNN, and Alt+1 the file again
        keys.mnemonic(L).chord(ALT, C);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.models().activeProperty().get().model().spec().convolutional());
        keys.mnemonic(L).chord(ALT, DIGIT1);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> file.equals(app.models().activeProperty().get().file()));
    }

    @Test
    void drawOpensAnImageKeepsAndClearsFromKeys(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("seven.png");
        javax.imageio.ImageIO.write(new io.digitstudio.data.DrawnDigitsAccess(3).draw(7, 200), "png", png.toFile());
        var draw = app.draw().viewModel();
        keys.chord(CONTROL, DIGIT4);
        app.dialogs.willChoose(png);
        keys.mnemonic(I);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> draw.predictionProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(7, draw.predictionProperty().get().label());
        keys.mnemonic(K);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.myDigits.list().size() == 1);
        assertEquals(7, app.myDigits.list().get(0).label());
        keys.mnemonic(C);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> draw.predictionProperty().get() == null);
        // and Esc clears too
        app.dialogs.willChoose(png);
        keys.mnemonic(I);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> draw.predictionProperty().get() != null);
        keys.chord(ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> draw.predictionProperty().get() == null);
    }

    /** Inside: an image opened from Draw shows its activations; Tab reaches the first layer's units, arrows step through them. */
    @Test
    void insideShowsAnOpenedImageAndStepsThroughTheUnits(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("seven.png");
        javax.imageio.ImageIO.write(new io.digitstudio.data.DrawnDigitsAccess(3).draw(7, 200), "png", png.toFile());
        keys.chord(CONTROL, DIGIT4);
        app.dialogs.willChoose(png);
        keys.mnemonic(I);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.draw().viewModel().predictionProperty().get() != null);
        keys.chord(CONTROL, DIGIT6);
        var inside = app.main.inside();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> inside.viewModel().lookProperty().get() != null && inside.viewModel().weightsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        var activations = (javafx.scene.layout.Pane) stage.getScene().lookup("#activationsBox");
        assertFalse(activations.getChildren().isEmpty(), "the opened image's activations, layer by layer");
        keys.tabTo("weightsPane");
        assertEquals(0, inside.currentUnit(), "the first unit, once the keyboard is on the tiles");
        var tiles = inside.viewModel().weightsProperty().get().tiles();
        int columns = io.digitstudio.inspect.Pictures.columns(tiles.count());
        keys.type(RIGHT, RIGHT, DOWN);
        assertEquals(2 + columns, inside.currentUnit());
        var line = (javafx.scene.control.Label) stage.getScene().lookup("#weightsHover");
        assertTrue(line.getText().startsWith(tiles.layer() + " unit " + (2 + columns) + " of " + tiles.count()), line.getText());
        keys.type(END);
        assertEquals(tiles.count() - 1, inside.currentUnit());
        keys.type(RIGHT);
        assertEquals(tiles.count() - 1, inside.currentUnit(), "the last unit stays the last");
    }

    /** Sweeps: a small sweep typed in, started, stopped after its first run, and its table read, all from the keyboard. */
    @Test
    void setUpASmallSweepStartItStopItAndReadItsTable() throws Exception {
        keys.chord(CONTROL, DIGIT8);
        assertEquals("sweepsTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
        var vm = app.main.sweeps().viewModel();
        keys.tabTo("sweepNetworkField").replaceText("linear 32, relu, linear");
        keys.tabTo("sweepLrField").replaceText("0.1,0.08,0.05,0.03,0.02,0.01");
        keys.tabTo("sweepBatchField").replaceText("50");
        keys.tabTo("sweepEpochsField").replaceText("3");
        keys.tabTo("sweepTrainSizeField").replaceText("3000");
        keys.tabTo("sweepTestSizeField").replaceText("200");
        keys.tabTo("sweepStartButton").type(SPACE);
        @SuppressWarnings("unchecked")
        var table = (javafx.scene.control.TableView<io.digitstudio.runs.sweep.SweepResult.Row>) stage.getScene().lookup("#sweepTable");
        // the table's rows change on the FX thread while the sweep runs, so they are read there
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> table.getItems().stream()
                .anyMatch(io.digitstudio.runs.sweep.SweepResult.Row::finished)).get());
        assertTrue(vm.runningProperty().get(), "the sweep goes on after its first run");
        keys.tabTo("sweepStopButton").type(SPACE);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(table.getItems().stream().allMatch(io.digitstudio.runs.sweep.SweepResult.Row::finished) && table.getItems().size() == 6,
                "Stop ends the sweep before all six runs: " + table.getItems());
        keys.tabTo("sweepTable").type(HOME);
        assertEquals(0, table.getSelectionModel().getSelectedIndex(), "arrows and Home move in the table");
        assertTrue(table.getItems().get(0).finished(), "best first: a finished run");
        keys.type(DOWN);
        assertEquals(Math.min(1, table.getItems().size() - 1), table.getSelectionModel().getSelectedIndex());
    }
}
