package io.digitstudio.ui;

import io.digitstudio.ui.app.Appearance;
import io.digitstudio.ui.app.LastSession;
import io.digitstudio.ui.widgets.Theme;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Ctrl+, opens the preferences; the theme and the UI scale chosen there show at once and come back next launch. */
class PreferencesTest extends AppStory {
    private final LastSession last = LastSession.inMemory();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.last = last;
        app.show(stage);
    }

    private Node dialog(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isPresent());
        Node d = robot.lookup("#preferencesDialog").query();
        // the keyboard starts on the theme
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> d.getScene().getFocusOwner() != null && "themeChoice".equals(d.getScene().getFocusOwner().getId()));
        return d;
    }

    private static void assertLooks(Stage stage, Theme theme, int percent) {
        var scene = stage.getScene();
        assertTrue(scene.getStylesheets().stream().anyMatch(s -> s.endsWith("theme-" + theme.id() + ".css")), scene.getStylesheets().toString());
        assertEquals(theme.userAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals(Appearance.BASE_FONT_SIZE * percent / 100, javafx.scene.text.Font.font(scene.getRoot().lookup(".tab-label") instanceof javafx.scene.control.Labeled l
                ? l.getFont().getSize() : 0).getSize(), 0.01, "the tabs' text at " + percent + " %");
    }

    /**
     * A window left alone does no work: the menu at the tab strip's end once asked for a layout on every pulse, which
     * took the UI thread's time from a run training beside it.
     */
    @Test
    void aWindowLeftAloneLaysNothingOut(FxRobot robot) throws Exception {
        app.awaitReady();
        for (int percent : new int[]{100, 125, 150, 175, 200}) {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, percent));
            Pulses.settle();
            int[] layouts = {0};
            javafx.beans.value.ChangeListener<Boolean> count = (o, was, is) -> {
                if (is) layouts[0]++;
            };
            robot.interact(() -> app.main.needsLayoutProperty().addListener(count));
            Pulses.settle(10);
            robot.interact(() -> app.main.needsLayoutProperty().removeListener(count));
            assertEquals(0, layouts[0], "layouts of the main view in 10 pulses of a window left alone at " + percent + " %");
        }
    }

    /**
     * The menu fills the tab strip's end from top to bottom, its three bars level with the tabs' words, at the first
     * frame and after each change of scale (the screenshots once showed it short, its bars at the strip's top edge).
     */
    @Test
    void theMenuIsAsTallAsTheTabStripWithItsBarsInTheMiddle(FxRobot robot) throws Exception {
        app.awaitReady();
        for (int percent : new int[]{100, 150, 200, 125}) {
            if (percent != 100) robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, percent));
            Pulses.settle();
            javafx.geometry.Bounds[] b = new javafx.geometry.Bounds[3];
            robot.interact(() -> {
                Node strip = stage.getScene().getRoot().lookup(".main-tabs > .tab-header-area");
                Node menu = stage.getScene().lookup("#mainMenuButton");
                Node bars = menu.lookup(".main-menu-icon");
                b[0] = strip.localToScene(strip.getLayoutBounds());
                b[1] = menu.localToScene(menu.getLayoutBounds());
                b[2] = bars.localToScene(bars.getLayoutBounds());
            });
            String at = " at " + percent + " %: strip " + b[0] + ", menu " + b[1] + ", bars " + b[2];
            assertEquals(b[0].getMinY(), b[1].getMinY(), 0.5, "the menu's top" + at);
            assertEquals(b[0].getHeight(), b[1].getHeight(), 0.5, "the menu's height" + at);
            assertEquals(b[0].getCenterY(), b[2].getCenterY(), 1, "the bars' middle" + at);
        }
    }

    @Test
    void aThemeAndScaleChosenFromTheKeyboardShowAtOnceAndComeBack(FxRobot robot) throws Exception {
        app.awaitReady();
        assertLooks(stage, Theme.LIGHT, 100); // this machine's desktop says light (or nothing)
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        dialog(robot);
        // the theme list has the focus: Down picks the next theme, which shows at once
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Theme.DARK, app.services.appearance().themeProperty().get());
        assertLooks(stage, Theme.DARK, 100);
        robot.type(KeyCode.TAB).type(KeyCode.DOWN).type(KeyCode.DOWN); // UI scale: 100 → 125 → 150 %
        WaitForAsyncUtils.waitForFxEvents();
        assertLooks(stage, Theme.DARK, 150);
        robot.type(KeyCode.ENTER); // OK
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        assertEquals(Optional.of(Theme.DARK), last.theme());
        assertEquals(Optional.of(150), last.uiScale());

        // Esc undoes what was tried meanwhile
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        dialog(robot);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertLooks(stage, Theme.HIGH_CONTRAST, 150);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        assertLooks(stage, Theme.DARK, 150);
        assertEquals(Optional.of(Theme.DARK), last.theme());

        // the next launch opens dark at 150 %
        app.close();
        robot.interact(() -> stage.hide());
        UiFixture again = new UiFixture();
        again.last = last;
        robot.interact(() -> {
            stage = new Stage();
            again.show(stage);
        });
        again.awaitReady();
        try {
            assertLooks(stage, Theme.DARK, 150);
        } finally {
            again.close();
            robot.interact(() -> again.services.appearance().themeProperty().set(Theme.LIGHT));
        }
    }

    /**
     * A user who knows no Ctrl+, finds Preferences (issue 32: it had no place on screen): the menu at the end of the
     * tab strip lists it with its shortcut; a click on it shows the dialog, and so does the keyboard (F10, Down, Enter).
     * At 150 % in the smallest window the tabs, the menu and the dialog show their words whole, and no tab lies under
     * the menu.
     */
    @Test
    void aUserClicksPreferencesInTheMenuAndTheDialogShows(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.interact(() -> {
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
            app.services.appearance().choose(Theme.LIGHT, 150);
        });
        try {
            Pulses.settle(5);
            java.util.List<String> failures = new java.util.ArrayList<>();
            robot.interact(() -> {
                failures.addAll(Looks.cut(stage.getScene()));
                Node menu = stage.getScene().lookup("#mainMenuButton");
                var m = menu.localToScene(menu.getLayoutBounds());
                for (Node tab : stage.getScene().getRoot().lookupAll(".tab-pane > .tab-header-area > .headers-region > .tab")) {
                    var t = tab.localToScene(tab.getLayoutBounds());
                    if (tab.isVisible() && t.getMaxX() > m.getMinX() + 0.5) failures.add("a tab under the menu: " + t + " / " + m);
                }
            });
            assertEquals(java.util.List.of(), failures, "the window at 150 %");

            robot.clickOn("#mainMenuButton");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesItem").tryQuery().isPresent());
            Pulses.settle();
            Node item = robot.lookup("#preferencesItem").query();
            robot.interact(() -> {
                failures.addAll(Looks.cut(item.getScene()));
                failures.addAll(Looks.clipped(item.getScene()));
            });
            assertEquals(java.util.List.of(), failures, "the menu at 150 %");
            String shortcut = robot.lookup("#preferencesItem .accelerator-text").queryAs(javafx.scene.control.Label.class).getText();
            assertEquals(io.digitstudio.ui.app.AppServices.PREFERENCES.getDisplayText(), shortcut, "the item shows its shortcut");
            robot.clickOn("#preferencesItem");
            Node d = dialog(robot);
            assertEquals(java.util.List.of(), cutInDialog(robot, d), "the dialog at 150 %");
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());

            // and from the keyboard: F10 opens the menu, Down goes to its first item, Enter chooses it
            robot.type(KeyCode.F10);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesItem").tryQuery().map(Node::isVisible).orElse(false));
            robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
            dialog(robot);
            robot.type(KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
    }

    /** OK's place on the screen, read on the FX thread. */
    private static javafx.geometry.Bounds okOnScreen(FxRobot robot, Node dialog) {
        javafx.geometry.Bounds[] b = new javafx.geometry.Bounds[1];
        robot.interact(() -> {
            Node ok = ((javafx.scene.control.DialogPane) dialog).lookupButton(javafx.scene.control.ButtonType.OK);
            b[0] = ok.localToScreen(ok.getLayoutBounds());
        });
        return b[0];
    }

    /** The dialog's own labels cut to "…" or at an edge, once its layout has settled. */
    private static java.util.List<String> cutInDialog(FxRobot robot, Node dialog) throws Exception {
        java.util.List<String> cut = new java.util.ArrayList<>();
        Pulses.settle();
        robot.interact(() -> {
            cut.addAll(Looks.cut(dialog.getScene()));
            cut.addAll(Looks.clipped(dialog.getScene()));
        });
        return cut;
    }

    /** The size of OK's text in the dialog now. */
    private static double okFont(FxRobot robot, Node dialog) {
        double[] font = new double[1];
        robot.interact(() -> font[0] = ((javafx.scene.control.Labeled) ((javafx.scene.control.DialogPane) dialog).lookupButton(javafx.scene.control.ButtonType.OK))
                .getFont().getSize());
        return font[0];
    }

    /**
     * A scale tried in Preferences shows in the dialog itself at once: a trial in the smallest window chose 100 % in the
     * dialog opened at 150 %, and the dialog stayed drawn at 150 %. The dialog is sized to its content anew, with its
     * bottom-right corner where it was, so that OK stays under the place it was seen and a click aimed there lands on
     * it; kept with OK, the scale is the one the dialog opens with next.
     */
    @Test
    void theDialogFollowsAScaleTriedAtOnceAndOkStaysUnderThePointer(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.interact(() -> {
            app.services.appearance().choose(Theme.LIGHT, 150);
            stage.setWidth(io.digitstudio.ui.app.DigitStudioApp.MIN_WIDTH);
            stage.setHeight(io.digitstudio.ui.app.DigitStudioApp.MIN_HEIGHT);
        });
        Pulses.settle();
        robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
        Node d = dialog(robot);
        try {
            Pulses.settle();
            assertEquals(Appearance.BASE_FONT_SIZE * 1.5, okFont(robot, d), 0.01, "the dialog opened at 150 %");
            robot.type(KeyCode.TAB).type(KeyCode.UP).type(KeyCode.UP); // UI scale: 150 → 125 → 100 %
            Pulses.settle();
            assertEquals(100, app.services.appearance().scaleProperty().get());
            assertLooks(stage, Theme.LIGHT, 100);
            assertEquals(Appearance.BASE_FONT_SIZE, okFont(robot, d), 0.01, "the dialog's text at the scale tried");
            assertEquals(java.util.List.of(), cutInDialog(robot, d), "the dialog with 100 % tried");
            double[] sizes = new double[2];
            robot.interact(() -> {
                sizes[0] = d.getScene().getWidth();
                sizes[1] = d.getScene().getRoot().prefWidth(-1);
            });
            assertTrue(sizes[0] <= sizes[1] + 1, "the dialog as wide as its content at 100 %, not at 150 %: " + sizes[0] + " px for " + sizes[1]);
            javafx.geometry.Bounds at100 = okOnScreen(robot, d);
            robot.type(KeyCode.DOWN).type(KeyCode.DOWN); // 150 % again
            Pulses.settle();
            assertEquals(Appearance.BASE_FONT_SIZE * 1.5, okFont(robot, d), 0.01, "the dialog's text at 150 % again");
            assertEquals(java.util.List.of(), cutInDialog(robot, d), "the dialog with 150 % tried again");
            javafx.geometry.Bounds at150 = okOnScreen(robot, d);
            assertTrue(at150.contains(at100.getCenterX(), at100.getCenterY()), "OK at 150 % " + at150 + " still under where it was at 100 % " + at100);
            robot.clickOn(new javafx.geometry.Point2D(at100.getCenterX(), at100.getCenterY()));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
            assertEquals(Optional.of(150), last.uiScale(), "the click landed on OK");
        } finally {
            if (robot.lookup("#preferencesDialog").tryQuery().isPresent()) {
                robot.type(KeyCode.ESCAPE);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
            }
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
    }

    /**
     * The buttons follow the settings: between the dialog's last line (its hint) and OK and Cancel lies no more than a
     * margin, at 100 % and at 150 % (the dialog was sized for a hint broken onto more lines than it shows, and an
     * empty band lay above the buttons).
     */
    @Test
    void theButtonsFollowTheSettingsWithNoEmptyBandAboveThem(FxRobot robot) throws Exception {
        app.awaitReady();
        try {
            for (int percent : new int[]{100, 150}) {
                robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, percent));
                Pulses.settle();
                robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
                Node d = dialog(robot);
                Pulses.settle();
                double[] gap = new double[2];
                String[] where = new String[1];
                robot.interact(() -> {
                    javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) d;
                    double last = Double.NEGATIVE_INFINITY;
                    for (Node n : ((javafx.scene.Parent) pane.getContent()).getChildrenUnmodifiable()) {
                        if (n.isVisible()) last = Math.max(last, n.localToScene(n.getLayoutBounds()).getMaxY());
                    }
                    Node bar = pane.lookup(".button-bar");
                    Node ok = pane.lookupButton(javafx.scene.control.ButtonType.OK);
                    var okBounds = ok.localToScene(ok.getLayoutBounds());
                    gap[0] = okBounds.getMinY() - last;
                    gap[1] = ((javafx.scene.control.Labeled) ok).getFont().getSize();
                    where[0] = "last setting ends at " + last + ", OK " + okBounds + ", bar " + bar.localToScene(bar.getLayoutBounds())
                            + ", dialog " + pane.getHeight() + " high";
                });
                assertTrue(gap[0] >= 0 && gap[0] <= 2 * gap[1], percent + " %: " + gap[0] + " px between the settings and OK, at most 2 em of "
                        + gap[1] + " px: " + where[0]);
                robot.type(KeyCode.ESCAPE);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
            }
        } finally {
            robot.interact(() -> app.services.appearance().choose(Theme.LIGHT, 100));
        }
    }

    @Test
    void aFirstLaunchFollowsTheDesktopUntilAThemeIsChosen(FxRobot robot) throws Exception {
        robot.interact(() -> {
            assertEquals(Theme.DARK, new Appearance(LastSession.inMemory(), () -> Optional.of(true)).themeProperty().get());
            assertEquals(Theme.LIGHT, new Appearance(LastSession.inMemory(), () -> Optional.of(false)).themeProperty().get());
            assertEquals(Theme.LIGHT, new Appearance(LastSession.inMemory(), Optional::empty).themeProperty().get());
            LastSession chose = LastSession.inMemory();
            chose.theme(Theme.HIGH_CONTRAST);
            assertEquals(Theme.HIGH_CONTRAST, new Appearance(chose, () -> Optional.of(false)).themeProperty().get(), "a choice outranks the desktop");
            // OK with only the scale changed picks no theme: the next launch follows the desktop, turned light since
            LastSession scaled = LastSession.inMemory();
            new Appearance(scaled, () -> Optional.of(true)).choose(Theme.DARK, 150);
            assertEquals(Optional.empty(), scaled.theme(), "the desktop's theme kept is not a choice");
            assertEquals(Optional.of(150), scaled.uiScale());
            assertEquals(Theme.LIGHT, new Appearance(scaled, () -> Optional.of(false)).themeProperty().get());
            // a theme other than the desktop's is one, and so is any choice after it
            Appearance picking = new Appearance(scaled, () -> Optional.of(false));
            picking.choose(Theme.DARK, 150);
            assertEquals(Optional.of(Theme.DARK), scaled.theme());
            picking.choose(Theme.LIGHT, 150);
            assertEquals(Optional.of(Theme.LIGHT), scaled.theme(), "back to the desktop's is a choice too, once one was made");
            new Appearance(LastSession.inMemory(), () -> Optional.of(false)); // the light theme again for the stories after this one
        });
    }

    /** The app's menu as the tab strip's header holds it: {top, height} of each, in the scene. */
    private static double[][] menuAndHeader(FxRobot robot) {
        Node menu = robot.lookup("#mainMenuButton").query();
        Node header = robot.lookup(".main-tabs > .tab-header-area").query();
        double[][] r = new double[2][];
        robot.interact(() -> {
            javafx.geometry.Bounds m = menu.localToScene(menu.getLayoutBounds()), h = header.localToScene(header.getLayoutBounds());
            r[0] = new double[]{m.getMinY(), m.getHeight()};
            r[1] = new double[]{h.getMinY(), h.getHeight()};
        });
        return r;
    }

    private static void assertMenuInTheStrip(FxRobot robot, String when) {
        double[][] r = menuAndHeader(robot);
        String where = when + ": the menu at y " + r[0][0] + ", " + r[0][1] + " high; the strip at y " + r[1][0] + ", " + r[1][1] + " high";
        assertEquals(r[1][0], r[0][0], 0.5, where);
        assertEquals(r[1][1], r[0][1], 0.5, where);
    }

    /**
     * The menu at the tab strip's end is as tall as the strip and level with it right after a scale is kept in
     * Preferences, as at a fresh start, both ways (it was placed for the strip's old height until a tab was switched).
     */
    @Test
    void theMenuFitsTheTabStripAtOnceAfterTheScaleChanges(FxRobot robot) throws Exception {
        app.awaitReady();
        Pulses.settle();
        assertMenuInTheStrip(robot, "at a fresh start at 100 %");
        try {
            // two steps down the scale's list to 150 %, two up back to 100 %, OK each time
            for (KeyCode step : new KeyCode[]{KeyCode.DOWN, KeyCode.UP}) {
                int before = app.services.appearance().scaleProperty().get();
                robot.press(KeyCode.CONTROL, KeyCode.COMMA).release(KeyCode.COMMA, KeyCode.CONTROL);
                dialog(robot);
                robot.type(KeyCode.TAB).type(step).type(step).type(KeyCode.ENTER);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#preferencesDialog").tryQuery().isEmpty());
                Pulses.settle();
                int after = step == KeyCode.DOWN ? 150 : 100;
                assertEquals(after, app.services.appearance().scaleProperty().get());
                assertMenuInTheStrip(robot, before + " % to " + after + " %");
            }
        } finally {
            robot.interact(() -> app.services.appearance().scaleProperty().set(100));
        }
    }
}
