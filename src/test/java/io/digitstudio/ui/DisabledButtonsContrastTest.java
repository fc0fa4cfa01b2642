package io.digitstudio.ui;

import io.digitstudio.ui.widgets.Contrast;
import io.digitstudio.ui.widgets.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A disabled button still reads: its text against its own fill, both as drawn (faded by the button's opacity over what
 * is behind it), at 3:1 at least in every theme, and in high contrast, a theme for those who need more, at AA's 4.5:1 (a trial found Train's Pause and Stop, and Runs' Resume, dark grey on
 * black in high contrast). The Train view before a run (Pause, Stop off) and the Runs view with a finished run chosen
 * (Resume off).
 */
class DisabledButtonsContrastTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.show(stage);
    }

    @Test
    void aDisabledButtonsTextReadsAtThreeToOneInEveryTheme(FxRobot robot) throws Exception {
        app.awaitReady();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.digitstudio.cli.Cli.run(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(err), "sweep",
                "--model", "linear 16, relu, linear", "--lr", "0.1", "--batch", "50", "--epochs", "1", "--train-size", "300",
                "--test-size", "100", "--runs-dir", app.history.root().toString());
        assertEquals(0, code, err.toString());
        List<String> failures = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try {
            for (Theme theme : List.of(Theme.LIGHT, Theme.DARK, Theme.HIGH_CONTRAST)) {
                robot.interact(() -> app.services.appearance().themeProperty().set(theme));
                app.openTab(robot, "Train");
                WaitForAsyncUtils.waitForFxEvents();
                measure(theme, "Train", failures, seen);
                app.openTab(robot, "Runs");
                WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.main.runs().table().getItems().isEmpty());
                robot.interact(() -> app.main.runs().table().getSelectionModel().select(0));
                Pulses.settle();
                WaitForAsyncUtils.waitForFxEvents();
                measure(theme, "Runs", failures, seen);
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(Theme.LIGHT));
        }
        for (String id : List.of("#pauseButton", "#stopButton", "Resume", "#exportButton")) {
            assertTrue(seen.stream().anyMatch(s -> s.contains(id)), id + " measured disabled: " + seen);
        }
        assertEquals(List.of(), failures, "measured: " + String.join("\n", seen));
    }

    private void measure(Theme theme, String view, List<String> failures, List<String> seen) {
        Scene scene = stage.getScene();
        Looks.shown(scene.getRoot(), n -> {
            boolean button = n instanceof javafx.scene.control.Button || n instanceof javafx.scene.control.MenuButton
                    || n instanceof javafx.scene.control.ToggleButton && !(n instanceof javafx.scene.control.RadioButton);
            if (!button || !(n instanceof ButtonBase b) || !b.isDisabled() || !Looks.onScreen(b) || Looks.meant(b).isBlank()) return;
            if (!(b.lookup(".text") instanceof Text t) || !(t.getFill() instanceof Color fg)) return;
            double o = 1;
            for (Node p = t; p != null; p = p.getParent()) o *= p.getOpacity();
            Color under = Looks.behind(b, scene);
            Color fill = under;
            if (b.getBackground() != null) {
                for (BackgroundFill f : b.getBackground().getFills()) {
                    if (f.getInsets().getTop() * 2 >= b.getHeight() || f.getInsets().getLeft() * 2 >= b.getWidth()) continue;
                    if (f.getFill() instanceof Color fc && fc.getOpacity() > 0) fill = Contrast.over(fc, fill);
                }
            }
            // the button drawn, then laid at its opacity over what is behind it
            Color text = Contrast.over(Color.color(Contrast.over(fg, fill).getRed(), Contrast.over(fg, fill).getGreen(), Contrast.over(fg, fill).getBlue(), o), under);
            Color ground = Contrast.over(Color.color(fill.getRed(), fill.getGreen(), fill.getBlue(), o), under);
            double ratio = Contrast.ratio(text, ground);
            String line = String.format(Locale.ROOT, "%s %s %s '%s' %s on %s (opacity %.2f): %.2f:1", theme.id(), view, Looks.name(b), Looks.meant(b),
                    Looks.web(text), Looks.web(ground), o, ratio);
            seen.add(line);
            if (ratio < (theme == Theme.HIGH_CONTRAST ? 4.5 : 3)) failures.add(line);
        });
    }
}
