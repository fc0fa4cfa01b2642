package io.digitstudio.ui;

import io.digitstudio.ui.widgets.Theme;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.control.TextField;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * In the high-contrast theme an empty field's prompt ("exponential:0.5", "off (e.g. 3)") is readable on the field
 * (WCAG 4.5:1) and yet does not look like a typed value: its colour stands apart from the typed text's.
 */
class HighContrastPromptsStoryTest extends AppStory {
    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    @Test
    void promptsAreReadableAndUnlikeTypedValues(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.interact(() -> app.services.appearance().themeProperty().set(Theme.HIGH_CONTRAST));
        app.openTab(robot, "Train");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> failures = new ArrayList<>();
        int seen = 0;
        for (TextField f : robot.lookup(".text-field").queryAllAs(TextField.class)) {
            if (f.getScene() == null || f.getPromptText() == null || f.getPromptText().isEmpty()) continue;
            Color prompt = (Color) fill(f, "-fx-prompt-text-fill");
            Color typed = (Color) fill(f, "-fx-text-fill");
            List<BackgroundFill> fills = f.getBackground().getFills();
            Color field = (Color) fills.get(fills.size() - 1).getFill();
            seen++;
            String name = "\"" + f.getPromptText() + "\" (" + prompt + " on " + field + ", typed " + typed + ")";
            if (contrast(prompt, field) < 4.5) failures.add(name + ": " + String.format("%.2f", contrast(prompt, field)) + ":1");
            // a prompt that typed text's colour all but matches reads as a value
            if (contrast(prompt, typed) < 1.5) failures.add(name + " looks typed: " + String.format("%.2f", contrast(prompt, typed)) + ":1");
        }
        assertTrue(seen >= 3, "the Train form's fields with prompts: " + seen);
        assertEquals(List.of(), failures);
    }

    @SuppressWarnings("unchecked")
    private static Paint fill(TextField f, String property) {
        for (CssMetaData<? extends Styleable, ?> m : f.getCssMetaData()) {
            if (m.getProperty().equals(property)) return ((CssMetaData<TextField, Paint>) m).getStyleableProperty(f).getValue();
        }
        throw new AssertionError(property + " is not a property of " + f);
    }

    /** WCAG 2's contrast ratio. */
    static double contrast(Color a, Color b) {
        double la = luminance(a), lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
}
