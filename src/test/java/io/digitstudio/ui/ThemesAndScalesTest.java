package io.digitstudio.ui;

import io.digitstudio.ui.app.DigitStudioApp;
import io.digitstudio.ui.train.RunState;
import io.digitstudio.ui.widgets.Theme;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Every view after a short run, in every theme and at every UI scale in the smallest window (1024x700): all text
 * reads at WCAG AA (4.5:1) against what is behind it, and no label, button, table header or cell is cut to "…" or at an edge. The views are opened with
 * Ctrl+1 … Ctrl+8, as from the keyboard.
 */
class ThemesAndScalesTest extends AppStory {
    static final String[] TABS = {"Train", "Samples", "Evaluate", "Draw", "My digits", "Inside", "Runs", "Sweeps"};
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
        stage.setWidth(DigitStudioApp.MIN_WIDTH);
        stage.setHeight(DigitStudioApp.MIN_HEIGHT);
    }

    /** A run of two short epochs, so the tables, charts and matrix have something to show; all eight pins taken. */
    private void shortRun(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.interact(() -> {
            var test = io.digitstudio.data.Mnist.bundled().test();
            for (int i = 0; i < io.digitstudio.ui.pins.Pins.MAX; i++) {
                float[] x = new float[test.featureSize()];
                test.copyFeatures(i, x, 0);
                app.services.pins().add(x, "test image #" + i + " (" + test.label(i) + ")");
            }
        });
        Forms.type(robot, "#trainLimitField", "1000");
        Forms.type(robot, "#testLimitField", "200");
        Forms.type(robot, "#epochsField", "2");
        robot.clickOn("#startButton");
        var run = app.main.train().run();
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> run.stateProperty().get() == RunState.FINISHED);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the run did not finish: " + run.stateProperty().get() + ", errors " + app.dialogs.errors, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Ctrl+N: the view's tab, and time for what it loads. */
    private void open(FxRobot robot, int tab) throws Exception {
        try {
            openTab(robot, tab);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(TABS[tab] + " did not show its content in time", e);
        }
    }

    private void openTab(FxRobot robot, int tab) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.valueOf("DIGIT" + (tab + 1))).release(KeyCode.valueOf("DIGIT" + (tab + 1)), KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(TABS[tab], app.main.tabs().getSelectionModel().getSelectedItem().getText().replace(" ⚠", ""));
        if (TABS[tab].equals("Samples")) {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.main.samples().viewModel().imagesProperty().get() != null);
        }
        if (TABS[tab].equals("Runs")) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.main.runs().table().getItems().isEmpty());
            robot.interact(() -> app.main.runs().table().getSelectionModel().select(0));
        }
        if (TABS[tab].equals("Sweeps") && sweepRecorded) {
            var sweeps = app.main.sweeps().viewModel();
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !sweeps.sweeps().isEmpty());
            // the sweep chosen in the list, as a user picks it: its table fills
            robot.interact(() -> {
                if (sweeps.chosenProperty().get() == null) sweeps.chosenProperty().set(sweeps.sweeps().get(0));
            });
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.main.sweeps().viewModel().rows().isEmpty());
            Pulses.settle();
            WaitForAsyncUtils.waitForFxEvents();
            // where the view scrolls as one page (the form above the sweep), scrolled down to the sweep, as a user does
            robot.interact(() -> {
                Node sweep = app.main.sweeps().lookup("#sweepTable").getParent();
                for (Node p = sweep.getParent(); p != null; p = p.getParent()) {
                    if (!(p instanceof javafx.scene.control.ScrollPane pane) || pane.getContent() == null) continue;
                    double top = pane.getContent().sceneToLocal(sweep.localToScene(sweep.getLayoutBounds())).getMinY();
                    double range = pane.getContent().getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
                    if (range > 0) pane.setVvalue(Math.max(0, Math.min(1, top / range)));
                    break;
                }
            });
        }
        Pulses.settle(); // a layout pass after loading
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether {@link #sweepOfTwoRuns} recorded a sweep, which {@link #open} then chooses in the Sweeps view. */
    private boolean sweepRecorded;

    /**
     * A sweep of two short runs (two learning rates at one batch size) in the window's run history, from the command
     * line, so that the Sweeps view's list and table, and the Runs view's table, hold what a user's sweep leaves.
     */
    private void sweepOfTwoRuns() {
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.digitstudio.cli.Cli.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "sweep",
                "--model", "linear 16, relu, linear", "--lr", "0.1,0.01", "--batch", "50", "--epochs", "1", "--train-size", "300",
                "--test-size", "100", "--runs-dir", app.history.root().toString());
        assertEquals(0, code, err.toString());
        sweepRecorded = true;
    }

    /**
     * Every text at AA in every theme: light as launched, then dark, high contrast and light again, each switched to
     * live, as from Preferences; light once more after the others, so that a switch that leaves a colour or a class of
     * another theme behind shows against what the launch showed.
     */
    @Test
    void everyTextReadsAtAaInEveryTheme(FxRobot robot) throws Exception {
        shortRun(robot);
        List<String> failures = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        try {
            int step = 0;
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST, Theme.LIGHT)) {
                String shown = theme.id() + (step++ == 0 ? " (at launch)" : " (switched live)");
                robot.interact(() -> app.services.appearance().themeProperty().set(theme));
                double worst = Double.MAX_VALUE;
                Looks.Reading worstReading = null;
                int texts = 0;
                // the lowest reading of each kind of text (label, table cell, selected row, axis, status…)
                Map<String, Looks.Reading> lowest = new TreeMap<>();
                Map<String, Integer> counts = new TreeMap<>();
                for (int tab = 0; tab < TABS.length; tab++) {
                    open(robot, tab);
                    for (Looks.Reading r : Looks.contrast(stage.getScene())) {
                        texts++;
                        if (r.ratio() < 4.5) failures.add(shown + " " + TABS[tab] + ": " + r);
                        if (r.ratio() < worst) {
                            worst = r.ratio();
                            worstReading = r;
                        }
                        counts.merge(r.kind(), 1, Integer::sum);
                        lowest.merge(r.kind(), r, (a, b) -> b.ratio() < a.ratio() ? b : a);
                    }
                }
                figures.append(String.format(Locale.ROOT, "%s: %d texts in " + TABS.length + " views, lowest contrast %.2f:1 (%s)%n", shown, texts, worst, worstReading));
                for (var e : lowest.entrySet()) {
                    figures.append(String.format(Locale.ROOT, "  %-13s %4d texts, lowest %5.2f:1 (%s)%n", e.getKey(), counts.get(e.getKey()),
                            e.getValue().ratio(), e.getValue()));
                }
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(Theme.LIGHT));
        }
        Figures.write("text-contrast", figures);
        assertTrue(failures.isEmpty(), failures.size() + " texts below 4.5:1:\n" + String.join("\n", failures));
    }

    /**
     * The Train view's charts before a run and the Train and Runs views' charts after one, in every theme at 150 % and in
     * high contrast at every scale, in the smallest window: no chart's tick labels overlap (the learning rate chart's y
     * labels lay over each other in high contrast at 150 %: its axis kept a tick per 50 pixels, whatever the font), and
     * each live chart's axes keep two labels at least.
     */
    @Test
    void noTickLabelsOverlapInAnyChartAtAnyScaleAndTheme(FxRobot robot) throws Exception {
        app.awaitReady();
        List<Look> looks = new ArrayList<>();
        for (Theme t : Theme.values()) looks.add(new Look(t, 150));
        for (int s : new int[]{100, 125, 175, 200}) looks.add(new Look(Theme.HIGH_CONTRAST, s));
        List<String> failures = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        try {
            for (boolean afterRun : new boolean[]{false, true}) {
                if (afterRun) shortRun(robot);
                for (Look look : looks) {
                    robot.interact(() -> {
                        app.services.appearance().themeProperty().set(look.theme());
                        app.services.appearance().scaleProperty().set(look.scale());
                    });
                    for (int tab : afterRun ? new int[]{0, 6} : new int[]{0}) {
                        open(robot, tab);
                        Pulses.settle(2); // the charts redraw after the layout pass that sized them
                        List<String> over = new ArrayList<>();
                        int[] labels = {0};
                        robot.interact(() -> {
                            over.addAll(Looks.overlappingTicks(stage.getScene()));
                            Looks.shown(stage.getScene().getRoot(), n -> {
                                if (!(n instanceof io.digitstudio.ui.widgets.LiveChart c) || !Looks.onScreen(c)) return;
                                labels[0] += c.tickLabels().size();
                                // spaced, not dropped: each axis keeps at least two labels to read it by
                                long onX = c.tickLabels().stream().filter(io.digitstudio.ui.widgets.LiveChart.TickLabel::onX).count();
                                long onY = c.tickLabels().size() - onX;
                                if (onX < 2 || onY < 2) over.add(Looks.name(c) + ": " + onY + " y and " + onX + " x tick labels shown: " + c.tickLabels());
                            });
                        });
                        String at = look.theme().id() + " " + look.scale() + " % " + TABS[tab] + (afterRun ? " after a run" : " before a run");
                        figures.append(String.format(Locale.ROOT, "%s: %d live chart tick labels, %d overlapping%n", at, labels[0], over.size()));
                        for (String o : over) failures.add(at + ": " + o);
                    }
                }
            }
        } finally {
            robot.interact(() -> {
                app.services.appearance().themeProperty().set(Theme.LIGHT);
                app.services.appearance().scaleProperty().set(100);
            });
        }
        System.out.print(figures);
        assertTrue(failures.isEmpty(), failures.size() + " overlapping tick labels:\n" + String.join("\n", failures));
    }

    /** A theme at a UI scale. */
    record Look(Theme theme, int scale) {
    }

    /**
     * The looks walked for cut labels: light at every scale the Preferences offer, then the other themes at 175 % and
     * 200 %, the two largest, where the least room is (a trial at 175 % found cuts that 150 % and 200 % did not show), each switched to in the open window as a user does (so that what sizes itself to a font sizes itself again).
     */
    static final List<Look> LOOKS = List.of(new Look(Theme.LIGHT, 100), new Look(Theme.LIGHT, 125), new Look(Theme.LIGHT, 150),
            new Look(Theme.LIGHT, 175), new Look(Theme.LIGHT, 200), new Look(Theme.DARK, 175), new Look(Theme.HIGH_CONTRAST, 175),
            new Look(Theme.DARK, 200), new Look(Theme.HIGH_CONTRAST, 200));

    /**
     * Every view after a run and a sweep, and the Preferences dialog, at every scale the Preferences offer in the
     * smallest window, in light, and in dark and high contrast at 175 % and 200 % ({@link #LOOKS}): no label,
     * button, table header or cell is cut to "…", none is cut at an edge (its box running past what its parents show, as
     * the neighbours' labels at the bottom of Draw and Samples were, or past the window's edge, as the Train view's
     * charts were at 200 %; a row half in view in a list or scroll pane scrolls, and is not cut), and every toolbar
     * control is in sight (no "»" overflow button, nothing past the window's edge). No table scrolls sideways or has
     * columns past its right edge (a trial at 150 % had to scroll the runs' best, final, time and status, the epochs'
     * lr and time, and the sweep's results into view), and no combo box shows its choice cut ("Validat…", a sweep's
     * name). (At 200 % the window is, in 100 % terms, 512x350: there toolbars wrap onto more rows, texts wrap, and
     * tables wrap their text columns.)
     */
    @Test
    void noLabelIsCutInAnyViewAtAnyScaleInTheSmallestWindow(FxRobot robot) throws Exception {
        shortRun(robot);
        sweepOfTwoRuns();
        // what the tables and pickers checks looked at, by view: rows in tables, and boxes with a text
        Map<String, Integer> rowsSeen = new TreeMap<>();
        Map<String, Integer> pickersSeen = new TreeMap<>();
        assertEquals(DigitStudioApp.MIN_WIDTH, stage.getScene().getWidth(), 1, "the smallest window's width");
        assertEquals(DigitStudioApp.MIN_HEIGHT, stage.getScene().getHeight(), 1, "the smallest window's height");
        List<String> failures = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        try {
            for (Look look : LOOKS) {
                Theme theme = look.theme();
                int scale = look.scale();
                robot.interact(() -> {
                    app.services.appearance().themeProperty().set(theme);
                    app.services.appearance().scaleProperty().set(scale);
                });
                String at = theme.id() + " " + scale + " % ";
                int labels = 0, tables = 0, pickers = 0;
                for (int tab = 0; tab < TABS.length; tab++) {
                    open(robot, tab);
                    labels += Looks.labels(stage.getScene());
                    for (String c : cutOnceLaidOut(robot, stage.getScene())) failures.add(at + TABS[tab] + ": " + c);
                    List<String> clipped = new ArrayList<>();
                    robot.interact(() -> clipped.addAll(Looks.clipped(stage.getScene())));
                    for (String c : clipped) failures.add(at + TABS[tab] + ": " + c);
                    List<String> hidden = new ArrayList<>();
                    robot.interact(() -> hidden.addAll(Looks.hiddenByBars(stage.getScene())));
                    for (String h : hidden) failures.add(at + TABS[tab] + ": " + h);
                    for (String w : onceLaidOut(robot, () -> Looks.sideways(stage.getScene()))) failures.add(at + TABS[tab] + ": " + w);
                    for (String p : onceLaidOut(robot, () -> Looks.cutPickers(stage.getScene()))) failures.add(at + TABS[tab] + ": " + p);
                    int[] seen = new int[3];
                    robot.interact(() -> {
                        int[] t = Looks.tablesWithRows(stage.getScene());
                        seen[0] = t[0];
                        seen[1] = t[1];
                        seen[2] = Looks.pickers(stage.getScene());
                    });
                    rowsSeen.merge(TABS[tab], seen[1], Math::min);
                    pickersSeen.merge(TABS[tab], seen[2], Math::min);
                    tables += seen[0];
                    pickers += seen[2];
                }
                // the Preferences dialog (Ctrl+,), at the scale it shows; Esc leaves the scale as it is
                robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
                WaitForAsyncUtils.waitForFxEvents();
                javafx.scene.Scene dialog = robot.lookup("#preferencesDialog").query().getScene();
                labels += Looks.labels(dialog);
                for (String c : cutOnceLaidOut(robot, dialog)) failures.add(at + "Preferences: " + c);
                robot.type(KeyCode.ESCAPE);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
                assertEquals(scale, app.services.appearance().scaleProperty().get());
                figures.append(String.format(Locale.ROOT, "%s %d %%: %d texts shown in " + TABS.length + " views and Preferences, %d tables with rows, %d pickers%n",
                        theme.id(), scale, labels, tables, pickers));
            }
        } finally {
            robot.interact(() -> {
                app.services.appearance().themeProperty().set(Theme.LIGHT);
                app.services.appearance().scaleProperty().set(100);
            });
        }
        System.out.print(figures);
        System.out.println("rows in tables (fewest at any look), by view: " + rowsSeen + "; pickers with a text: " + pickersSeen);
        // the tables the trial saw scroll held rows at every look, and the sweep picker its sweep: the checks measured them
        for (String view : List.of("Train", "Runs", "Sweeps")) assertTrue(rowsSeen.get(view) > 0, view + ": no table with rows was looked at");
        assertTrue(pickersSeen.get("Runs") >= 2 && pickersSeen.get("Sweeps") >= 1, "pickers looked at: " + pickersSeen);
        assertTrue(failures.isEmpty(), failures.size() + " labels cut:\n" + String.join("\n", failures));
    }

    /**
     * The cut texts of a scene once its layout has settled: tables size their columns after they are laid out in a new
     * font, so a cut that goes away within a few layout passes is not one; one that stays for 5 s is.
     */
    private static List<String> cutOnceLaidOut(FxRobot robot, javafx.scene.Scene scene) throws Exception {
        return onceLaidOut(robot, () -> Looks.cut(scene));
    }

    /** What a check finds once the layout has settled: nothing within 5 s, or what it still finds then. */
    private static List<String> onceLaidOut(FxRobot robot, java.util.function.Supplier<List<String>> check) throws Exception {
        List<List<String>> last = new ArrayList<>(List.of(List.of()));
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                robot.interact(() -> last.set(0, check.get()));
                return last.get(0).isEmpty();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            // still cut: reported by the caller
        }
        return last.get(0);
    }
}
