package io.digitstudio.ui;

import io.digitstudio.ui.app.FxDialogService;
import io.digitstudio.ui.widgets.Theme;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A question's default button (Delete, Quit) is filled with the theme's accent, as the window's accent buttons are
 * (Start): a trial saw the Delete question's button blue in high contrast, where every other such button is yellow.
 * As the dialog opens the button has the keyboard, and is a shade of the accent (Primer darkens it; high contrast's
 * was Primer Dark's blue); with the keyboard moved to Cancel it is the accent itself.
 */
class DialogAccentStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    @Test
    void aQuestionsDefaultButtonIsTheThemesAccentInEveryTheme(FxRobot robot) throws Exception {
        app.awaitReady();
        List<String> failures = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> app.services.appearance().themeProperty().set(theme));
                app.openTab(robot, "Train");
                WaitForAsyncUtils.waitForFxEvents();
                Button start = robot.lookup("#startButton").queryAs(Button.class);
                robot.interact(() -> robot.lookup("#epochsField").query().requestFocus());
                Pulses.settle(1);
                assertFalse(start.isFocused());
                Color accent = fill(start);
                Platform.runLater(() -> new FxDialogService(stage, app.toasts).confirm("Delete run “my first run”?",
                        "Its folder (settings, log, models) is removed from disk: /tmp/runs/6124d321", "Delete"));
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
                Pulses.settle(2);
                DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
                Button delete = (Button) pane.lookupButton(pane.getButtonTypes().stream().filter(t -> t.getButtonData().isDefaultButton()).findFirst().orElseThrow());
                Button cancel = (Button) pane.lookupButton(javafx.scene.control.ButtonType.CANCEL);
                robot.interact(() -> {
                    Color opened = fill(delete);
                    // the keyboard's button a shade of the accent, as Primer darkens it: the same hue
                    seen.add(String.format(java.util.Locale.ROOT, "%s: Start %s (hue %.0f), Delete as the dialog opens %s (hue %.0f)%s", theme.id(),
                            Looks.web(accent), accent.getHue(), Looks.web(opened), opened.getHue(), delete.isFocused() ? ", with the keyboard" : ""));
                    if (hues(opened, accent) > 15 || opened.getSaturation() < 0.5) failures.add(seen.get(seen.size() - 1));
                });
                robot.interact(cancel::requestFocus);
                assertFalse(delete.isFocused());
                Pulses.settle(2);
                robot.interact(() -> {
                    Color rest = fill(delete);
                    seen.add(theme.id() + ": Start " + Looks.web(accent) + ", Delete with the keyboard on Cancel " + Looks.web(rest));
                    if (!rest.equals(accent)) failures.add(seen.get(seen.size() - 1));
                });
                robot.type(KeyCode.ESCAPE);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(Theme.LIGHT));
        }
        assertEquals(List.of(), failures, String.join("\n", seen));
    }

    /** How far apart two colours' hues are, in degrees round the colour wheel. */
    private static double hues(Color a, Color b) {
        double d = Math.abs(a.getHue() - b.getHue()) % 360;
        return Math.min(d, 360 - d);
    }

    /** A button's topmost opaque fill: what its text sits on. */
    private static Color fill(Region r) {
        var fills = r.getBackground().getFills();
        for (int i = fills.size() - 1; i >= 0; i--) {
            if (fills.get(i).getFill() instanceof Color c && c.getOpacity() > 0) return c;
        }
        throw new AssertionError(Looks.name(r) + " has no fill");
    }
}
