package io.digitstudio.ui;

import io.digitstudio.data.PenStroke;
import io.digitstudio.ui.widgets.Contrast;
import io.digitstudio.ui.widgets.Theme;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Draw canvas follows the theme: the theme's text colour on its background (Primer's, and high contrast's white on
 * black). MNIST's white on black is an option whatever the theme, ticked from the keyboard and remembered after a
 * relaunch. Whatever the canvas looks like, the same stroke gives the network the same input, bit for bit, and the same
 * answer; the preview of that input stays white on black.
 */
class CanvasColoursStoryTest extends AppStory {
    /** A 7 across the middle of the canvas, drawn the same way each time. */
    private static final double[][] SEVEN = {{110, 70}, {220, 70}, {170, 170}, {140, 260}};
    /** Where the paper shows (no ink near) and where the 7's stroke is thickest. */
    private static final int[] PAPER_AT = {20, 300};
    private static final int[] INK_AT = {165, 70};

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        // the settings file the app keeps its choices in, which a relaunch reads again
        app.configFolder = dir.resolve("config");
        app.show(stage);
    }

    /** The paper and ink each theme's canvas is drawn in: Primer Light's and Primer Dark's text on their background. */
    private static final Map<Theme, Color[]> THEMES = new LinkedHashMap<>();

    static {
        THEMES.put(Theme.LIGHT, new Color[]{Color.web("#ffffff"), Color.web("#24292f")});
        THEMES.put(Theme.DARK, new Color[]{Color.web("#0d1117"), Color.web("#c9d1d9")});
        THEMES.put(Theme.HIGH_CONTRAST, new Color[]{Color.BLACK, Color.WHITE});
    }

    private void openDraw(FxRobot robot) throws Exception {
        app.awaitReady();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("drawTab", app.main.tabs().getSelectionModel().getSelectedItem().getId());
    }

    private void theme(FxRobot robot, Theme t) throws Exception {
        robot.interact(() -> app.services.appearance().themeProperty().set(t));
        Pulses.settle();
    }

    /** Alt+W: the option, from the keyboard. */
    private void altW(FxRobot robot) throws Exception {
        robot.press(KeyCode.ALT).type(KeyCode.W).release(KeyCode.ALT);
        Pulses.settle();
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }

    /** The canvas as shown: {paper, ink} at the places where each shows. */
    private String[] shown() throws Exception {
        Image shot = WaitForAsyncUtils.asyncFx(() -> app.draw().canvas().snapshot(null, null)).get();
        return new String[]{web(shot.getPixelReader().getColor(PAPER_AT[0], PAPER_AT[1])), web(shot.getPixelReader().getColor(INK_AT[0], INK_AT[1]))};
    }

    private static String[] expected(Color paper, Color ink) {
        return new String[]{web(paper), web(ink)};
    }

    /** The preview of the network's input: black in its corner, white at its brightest. */
    private static void previewIsWhiteOnBlack(FxRobot robot, String where) {
        Image input = robot.lookup("#networkInput").queryAs(ImageView.class).getImage();
        assertNotNull(input, where + ": the preview shows the input");
        double brightest = 0;
        for (int y = 0; y < input.getHeight(); y++) {
            for (int x = 0; x < input.getWidth(); x++) brightest = Math.max(brightest, input.getPixelReader().getColor(x, y).getBrightness());
        }
        assertEquals("#000000", web(input.getPixelReader().getColor(0, 0)), where + ": the preview's background, MNIST's black");
        assertTrue(brightest > 0.9, where + ": the preview's digit, MNIST's white (" + brightest + ")");
    }

    private CheckBox option(FxRobot robot) {
        return robot.lookup("#mnistCanvasCheck").queryAs(CheckBox.class);
    }

    @Test
    void theCanvasTakesThePaperAndInkOfEachTheme(FxRobot robot) throws Exception {
        openDraw(robot);
        try {
            for (var e : THEMES.entrySet()) {
                theme(robot, e.getKey());
                // an empty canvas: its hint reads on the paper
                robot.interact(() -> app.draw().viewModel().clear());
                Pulses.settle();
                Label hint = robot.lookup("#canvasHint").queryAs(Label.class);
                assertTrue(hint.isVisible());
                double ratio = Contrast.ratio((Color) hint.getTextFill(), e.getValue()[0]);
                assertTrue(ratio >= 4.5, e.getKey().id() + ": the hint on the paper reads at " + ratio + ":1");

                app.stroke(robot, SEVEN);
                app.awaitDrawAnswer();
                assertArrayEquals(expected(e.getValue()[0], e.getValue()[1]), shown(), e.getKey().id() + ": the canvas's paper and ink");
                previewIsWhiteOnBlack(robot, e.getKey().id());
                // switching the theme repaints what is drawn, with nothing drawn again
                Theme next = e.getKey() == Theme.LIGHT ? Theme.DARK : Theme.LIGHT;
                theme(robot, next);
                assertArrayEquals(expected(THEMES.get(next)[0], THEMES.get(next)[1]), shown(), e.getKey().id() + " then " + next.id() + ": the drawing in the new theme");
                theme(robot, e.getKey());
            }
            assertFalse(option(robot).isSelected(), "a first launch follows the theme: the option is off");
        } finally {
            theme(robot, Theme.LIGHT); // the next stories start in the light theme
        }
    }

    @Test
    void mnistWhiteOnBlackIsAnOptionFromTheKeyboardRememberedAfterARelaunch(FxRobot robot) throws Exception {
        openDraw(robot);
        app.stroke(robot, SEVEN);
        app.awaitDrawAnswer();
        assertArrayEquals(expected(Color.WHITE, Color.web("#24292f")), shown(), "the light theme's canvas");
        CheckBox option = option(robot);
        assertEquals("MNIST _white on black", option.getText());
        assertFalse(option.getAccessibleHelp() == null || option.getAccessibleHelp().isBlank(), "a screen reader says what the option does");
        altW(robot);
        assertTrue(option.isSelected(), "Alt+W ticks the option");
        String[] mnist = expected(Color.BLACK, Color.WHITE);
        assertArrayEquals(mnist, shown(), "MNIST's white on black in the light theme");
        try {
            theme(robot, Theme.DARK);
            assertArrayEquals(mnist, shown(), "and in the dark theme");
            // with the option on, the hint reads on the black paper
            robot.interact(() -> app.draw().viewModel().clear());
            Pulses.settle();
            double ratio = Contrast.ratio((Color) robot.lookup("#canvasHint").queryAs(Label.class).getTextFill(), Color.BLACK);
            assertTrue(ratio >= 4.5, "the hint on MNIST's black reads at " + ratio + ":1");
        } finally {
            theme(robot, Theme.LIGHT);
        }
        Path settings = app.configFolder.resolve("digitstudio/settings.json");
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> Files.readString(settings).contains("\"mnist\""));

        // the next launch opens with MNIST's white on black
        UiFixture again = relaunch(robot);
        try {
            assertTrue(option(robot).isSelected(), "the option comes back");
            again.stroke(robot, SEVEN);
            again.awaitDrawAnswer();
            Image shot = WaitForAsyncUtils.asyncFx(() -> again.draw().canvas().snapshot(null, null)).get();
            assertArrayEquals(mnist, new String[]{web(shot.getPixelReader().getColor(PAPER_AT[0], PAPER_AT[1])),
                    web(shot.getPixelReader().getColor(INK_AT[0], INK_AT[1]))}, "white on black after the relaunch");
            // cleared again, the canvas follows the theme, and that is remembered too
            altW(robot);
            assertFalse(option(robot).isSelected());
            WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> Files.readString(settings).contains("\"theme\""));
            shot = WaitForAsyncUtils.asyncFx(() -> again.draw().canvas().snapshot(null, null)).get();
            assertEquals("#ffffff", web(shot.getPixelReader().getColor(PAPER_AT[0], PAPER_AT[1])), "the light theme's paper again");
        } finally {
            again.close();
        }
    }

    /** Closes the window and opens the app again in a new one, on the same settings file. */
    private UiFixture relaunch(FxRobot robot) throws Exception {
        UiFixture again = app.relaunch(robot);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        return again;
    }

    @Test
    void theSameStrokeGivesTheNetworkTheSameInputWhateverTheCanvasLooksLike(FxRobot robot) throws Exception {
        openDraw(robot);
        List<String> looks = new ArrayList<>();
        List<float[]> inputs = new ArrayList<>();
        List<Integer> answers = new ArrayList<>();
        List<List<PenStroke>> strokes = new ArrayList<>();
        var vm = app.draw().viewModel();
        try {
            for (Theme t : Theme.values()) {
                for (boolean mnist : new boolean[]{false, true}) {
                    theme(robot, t);
                    if (option(robot).isSelected() != mnist) altW(robot);
                    assertEquals(mnist, option(robot).isSelected());
                    robot.type(KeyCode.ESCAPE); // clears the canvas
                    WaitForAsyncUtils.waitForFxEvents();
                    assertTrue(vm.strokes().isEmpty(), "cleared");
                    app.stroke(robot, SEVEN);
                    app.awaitDrawAnswer();
                    looks.add(t.id() + (mnist ? " with MNIST's white on black" : ""));
                    inputs.add(WaitForAsyncUtils.asyncFx(() -> vm.inputProperty().get().clone()).get());
                    answers.add(WaitForAsyncUtils.asyncFx(() -> vm.predictionProperty().get().label()).get());
                    strokes.add(WaitForAsyncUtils.asyncFx(() -> List.copyOf(vm.strokes())).get());
                    if (mnist) assertArrayEquals(expected(Color.BLACK, Color.WHITE), shown(), looks.get(looks.size() - 1));
                    else assertArrayEquals(expected(THEMES.get(t)[0], THEMES.get(t)[1]), shown(), looks.get(looks.size() - 1));
                }
            }
        } finally {
            theme(robot, Theme.LIGHT);
        }
        assertEquals(6, inputs.size());
        assertEquals(7, answers.get(0), "the stroke reads as a 7");
        for (int i = 1; i < inputs.size(); i++) {
            // the same pen path each time (else the story, not the app, would differ)
            assertEquals(points(strokes.get(0)), points(strokes.get(i)), looks.get(i) + ": the same stroke");
            assertTrue(Arrays.equals(inputs.get(0), inputs.get(i)), looks.get(i) + ": the same 28x28 input, bit for bit, as " + looks.get(0));
            assertEquals(answers.get(0), answers.get(i), looks.get(i) + ": the same answer");
        }
    }

    /**
     * A photo of "17" (black on white paper) opened in each theme and with MNIST's white on black: the picture is shown
     * as it is, and the box around the selected digit is drawn in the theme's box colour, edged in the paper's colour,
     * so that it reads at 3:1 or more both on the paper and over the photo's white (the dark theme's orange alone is
     * 1.9:1 on white).
     */
    @Test
    void theBoxesOfANumberReadOnAnOpenedPictureInEveryLook(FxRobot robot) throws Exception {
        openDraw(robot);
        Path png = dir.resolve("seventeen.png");
        List<PenStroke> seventeen = List.of(new PenStroke(List.of(new double[]{200, 70}, new double[]{200, 160}, new double[]{200, 250}), 22),
                new PenStroke(List.of(new double[]{380, 80}, new double[]{520, 80}, new double[]{470, 165}, new double[]{430, 250}), 22));
        io.digitstudio.data.GreyImage grey = io.digitstudio.data.StrokeRasterizer.render(seventeen, 640, 320, false);
        java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(640, 320, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 320; y++) {
            for (int x = 0; x < 640; x++) {
                int v = Math.round(grey.get(x, y) * 255);
                photo.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        javax.imageio.ImageIO.write(photo, "png", png.toFile());
        Map<String, Color[]> looks = new LinkedHashMap<>(); // paper, box
        looks.put("light", new Color[]{Color.WHITE, Color.web("#bc4c00")});
        looks.put("dark", new Color[]{Color.web("#0d1117"), Color.web("#ffb020")});
        looks.put("high-contrast", new Color[]{Color.BLACK, Color.web("#ffd700")});
        looks.put("light with MNIST's white on black", new Color[]{Color.BLACK, Color.web("#ffb020")});
        var vm = app.draw().viewModel();
        try {
            for (var look : looks.entrySet()) {
                boolean mnist = look.getKey().contains("MNIST");
                theme(robot, Theme.byId(look.getKey().split(" ")[0]).orElseThrow());
                if (option(robot).isSelected() != mnist) altW(robot);
                robot.interact(vm::clear);
                app.dialogs.willChoose(png);
                robot.press(KeyCode.ALT).type(KeyCode.I).release(KeyCode.ALT); // Open image…
                WaitForAsyncUtils.waitFor(60, java.util.concurrent.TimeUnit.SECONDS, () -> "17".equals(WaitForAsyncUtils.asyncFx(vm::number).get()));
                app.awaitDrawAnswer();
                Pulses.settle();
                Image shot = WaitForAsyncUtils.asyncFx(() -> app.draw().canvas().snapshot(null, null)).get();
                var r = WaitForAsyncUtils.asyncFx(() -> vm.readingProperty().get()).get();
                var box = r.digits().get(WaitForAsyncUtils.asyncFx(() -> vm.selectedDigitProperty().get()).get()).box();
                // the 640x320 photo shown 320x160 from y 80; the box's left edge 2 px out from the digit, 3 px wide,
                // edged 2 px more each side in the paper's colour
                double edge = box.x0() * 0.5 - 2;
                int y = (int) Math.round(80 + (box.y0() + box.y1()) / 2.0 * 0.5);
                String where = look.getKey() + ", the box at x " + edge;
                Color boxShown = shot.getPixelReader().getColor((int) Math.floor(edge - 0.5), y);
                Color edging = shot.getPixelReader().getColor((int) Math.floor(edge - 2.5), y);
                assertEquals(web(look.getValue()[1]), web(boxShown), where + ": the theme's box colour");
                assertEquals(web(look.getValue()[0]), web(edging), where + ": edged in the paper's colour, over the photo's white");
                double ratio = Contrast.ratio(boxShown, edging);
                assertTrue(ratio >= 3, where + ": the box on its edging reads at " + ratio + ":1");
                assertEquals("#ffffff", web(shot.getPixelReader().getColor(300, 100)), look.getKey() + ": the photo's paper, shown as it is");
                assertEquals(web(look.getValue()[0]), web(shot.getPixelReader().getColor(300, 40)), look.getKey() + ": the canvas's paper above the photo");
            }
        } finally {
            theme(robot, Theme.LIGHT);
        }
    }

    private static List<String> points(List<PenStroke> strokes) {
        List<String> out = new ArrayList<>();
        for (PenStroke s : strokes) {
            StringBuilder b = new StringBuilder().append(s.width()).append(':');
            for (double[] p : s.points()) b.append(p[0]).append(',').append(p[1]).append(' ');
            out.add(b.toString());
        }
        return out;
    }
}
