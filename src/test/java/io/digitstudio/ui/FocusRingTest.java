package io.digitstudio.ui;

import io.digitstudio.ui.widgets.Contrast;
import io.digitstudio.ui.widgets.Theme;
import javafx.css.PseudoClass;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static javafx.scene.input.KeyCode.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * In every theme, Tab goes through every view (from the tab strip, through the view, back to the strip), and each place
 * the keyboard lands on shows a focus indicator that WCAG 2.2 asks for (2.4.7, 2.4.11, 2.4.13, 1.4.11): in the window's
 * image, the pixels along the control's outline (6 px outside it, 4 px inside) that change between focused and not focused by a
 * contrast of at least 3:1 — the ring's colour against the colour that is there without it, the colour next to the
 * control — add up to at least a 1.5 px thick line all round the part of the control in view (a 2 px ring gives 2). A
 * control the keyboard lands on outside the view fails too. In the matrix, the galleries and on the strip, the indicator is
 * the cell or the tab the keyboard is on; one arrow key moves it once in each, as a user does.
 */
class FocusRingTest extends AppStory {
    static final KeyCode[] VIEWS = {DIGIT1, DIGIT2, DIGIT3, DIGIT4, DIGIT5, DIGIT6, DIGIT7, DIGIT8};
    static final double MIN_CONTRAST = 3;
    static final double MIN_THICKNESS = 1.5;
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private Keyboard keys;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    /** Where the keyboard is, as drawn: the focused control, the gallery's current image, or the strip's open tab. */
    private record Seen(Node target, String name, Image image, Bounds at, Bounds inView) {
    }

    @Test
    void everyStopOfEveryViewShowsAClearRingInEveryTheme(FxRobot robot) throws Exception {
        app.awaitReady();
        keys = new Keyboard(robot, stage.getScene());
        withSomethingInEveryView();
        List<String> failures = new ArrayList<>();
        StringBuilder figures = new StringBuilder();
        try {
            for (Theme theme : Theme.values()) {
                robot.interact(() -> app.services.appearance().themeProperty().set(theme));
                WaitForAsyncUtils.waitForFxEvents();
                int stops = 0;
                double thinnest = Double.MAX_VALUE;
                String thinnestName = "";
                for (KeyCode view : VIEWS) {
                    keys.chord(CONTROL, view);
                    assertSame(app.main.tabs(), keys.focused(), "Ctrl+N puts the focus on the tab strip");
                    String where = theme.id() + " " + app.main.tabs().getSelectionModel().getSelectedItem().getText();
                    Seen before = look();
                    boolean arrowed = false;
                    for (int i = 0; ; i++) {
                        assertTrue(i < 80, "Tab never leaves " + where);
                        KeyCode next = TAB;
                        if (!arrowed && isCellStop(keys.focused())) {
                            next = RIGHT;
                            arrowed = true;
                        }
                        keys.chord(next);
                        Seen after = look();
                        if (after.target() == before.target() && next == TAB) break; // nothing in the view to Tab to
                        if (next == RIGHT && after.target() == before.target()) {
                            // the last cell: the arrow the other way
                            keys.chord(LEFT);
                            after = look();
                        }
                        // the last stop, without the focus now
                        Node last = before.target();
                        Bounds unfocused = WaitForAsyncUtils.asyncFx(() -> at(last)).get();
                        double thickness = thickness(before, after.image(), unfocused);
                        stops++;
                        if (thickness < MIN_THICKNESS) {
                            keep(where + " " + before.name(), before, after.image(), unfocused);
                            failures.add(String.format(Locale.ROOT, "%s: %s shows a %.2f px ring at %.0f:1 (wants %.1f px)", where, before.name(), thickness,
                                    MIN_CONTRAST, MIN_THICKNESS));
                        }
                        if (thickness < thinnest) {
                            thinnest = thickness;
                            thinnestName = where + " " + before.name();
                        }
                        if (keys.focused() == app.main.tabs()) break;
                        before = after;
                    }
                }
                figures.append(String.format(Locale.ROOT, "%s: %d focus stops, thinnest ring %.2f px (%s)%n", theme.id(), stops, thinnest, thinnestName));
            }
        } finally {
            robot.interact(() -> app.services.appearance().themeProperty().set(Theme.LIGHT));
        }
        System.out.print(figures);
        assertTrue(failures.isEmpty(), failures.size() + " focus stops without a clear ring:\n" + String.join("\n", failures));
    }

    /** A matrix to open, a gallery with images and two drawings in My digits. */
    private void withSomethingInEveryView() throws Exception {
        for (int i = 0; i < 2; i++) {
            float[] x = new float[784];
            x[300 + i] = 1;
            app.myDigits.add(x, 4, List.of(), "test");
        }
        keys.chord(CONTROL, DIGIT2);
        var samples = app.main.samples().viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> samples.predictionsProperty().get() != null);
        keys.chord(CONTROL, DIGIT3);
        var evaluation = app.main.evaluate().viewModel();
        keys.mnemonic(E);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> evaluation.evaluationProperty().get() != null && evaluation.cellsOpen());
        keys.chord(CONTROL, DIGIT5);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.main.myDigits().viewModel().digits().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The focused and the unfocused look of a stop that fails, side by side, in target/focus-rings, to see why. */
    private static void keep(String name, Seen focused, Image unfocusedImage, Bounds unfocusedAt) {
        try {
            Bounds b = focused.at();
            int w = (int) b.getWidth() + 24, h = (int) b.getHeight() + 24;
            var out = new java.awt.image.BufferedImage(2 * w + 8, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int fx = (int) b.getMinX() - 12 + x, fy = (int) b.getMinY() - 12 + y;
                    int ux = (int) unfocusedAt.getMinX() - 12 + x, uy = (int) unfocusedAt.getMinY() - 12 + y;
                    if (fx >= 0 && fy >= 0 && fx < focused.image().getWidth() && fy < focused.image().getHeight()) {
                        out.setRGB(x, y, focused.image().getPixelReader().getArgb(fx, fy));
                    }
                    if (ux >= 0 && uy >= 0 && ux < unfocusedImage.getWidth() && uy < unfocusedImage.getHeight()) {
                        out.setRGB(w + 8 + x, y, unfocusedImage.getPixelReader().getArgb(ux, uy));
                    }
                }
            }
            java.nio.file.Path dir = java.nio.file.Path.of("target", "focus-rings");
            java.nio.file.Files.createDirectories(dir);
            javax.imageio.ImageIO.write(out, "png", dir.resolve(name.replaceAll("[^A-Za-z0-9-]+", "_") + ".png").toFile());
        } catch (Exception e) {
            // only a picture to look at: the failure is reported either way
        }
    }

    private static boolean isCellStop(Node n) {
        return n != null && (n.getStyleClass().contains("confusion-cell") || n.getStyleClass().contains("digit-tile") || "samplesGrid".equals(n.getId()));
    }

    private Seen look() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Node focused = stage.getScene().getFocusOwner();
            Node target = indicatorOf(focused);
            Image image = stage.getScene().snapshot(null);
            return new Seen(target, Looks.name(focused) + (target != focused ? " (" + Looks.name(target) + ")" : ""), image, at(target), inView(target));
        }).get();
    }

    /** The node that shows where the keyboard is when {@code focused} has the focus. */
    private static Node indicatorOf(Node focused) {
        if (focused instanceof TabPane tabs) {
            // its own tabs, not those of a tab pane inside one of its views
            for (Node header : tabs.getChildrenUnmodifiable()) {
                if (!header.getStyleClass().contains("tab-header-area")) continue;
                for (Node t : header.lookupAll(".tab")) if (t.getPseudoClassStates().contains(SELECTED)) return t;
            }
        }
        if (focused instanceof Parent p) {
            for (Node c : p.lookupAll(".sample-cell")) if (c.getPseudoClassStates().contains(CURRENT) && c.isVisible()) return c;
        }
        return focused;
    }

    private static Bounds at(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    /** The part of the window where {@code n} can be drawn: the scene, cut by every clip around it (scroll panes, the strip). */
    private Bounds inView(Node n) {
        double x0 = 0, y0 = 0, x1 = stage.getScene().getWidth(), y1 = stage.getScene().getHeight();
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getClip() == null) continue;
            Bounds c = p.localToScene(p.getClip().getBoundsInLocal());
            x0 = Math.max(x0, c.getMinX());
            y0 = Math.max(y0, c.getMinY());
            x1 = Math.min(x1, c.getMaxX());
            y1 = Math.min(y1, c.getMaxY());
        }
        return new BoundingBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
    }

    /**
     * How thick a line all round the part of the control in view the pixels make that change, between focused and not,
     * by at least 3:1 (0 when nothing of it is in view).
     */
    static double thickness(Seen focused, Image unfocusedImage, Bounds unfocusedAt) {
        Bounds b = focused.at(), v = focused.inView();
        double vx0 = Math.max(b.getMinX(), v.getMinX()), vy0 = Math.max(b.getMinY(), v.getMinY());
        double vx1 = Math.min(b.getMaxX(), v.getMaxX()), vy1 = Math.min(b.getMaxY(), v.getMaxY());
        if (vx1 - vx0 < 1 || vy1 - vy0 < 1) return 0;
        double perimeter = 2 * ((vx1 - vx0) + (vy1 - vy0));
        int dx = (int) Math.round(unfocusedAt.getMinX() - b.getMinX()), dy = (int) Math.round(unfocusedAt.getMinY() - b.getMinY());
        Image f = focused.image();
        int x0 = (int) Math.max(0, Math.floor(Math.max(b.getMinX() - 6, v.getMinX())));
        int y0 = (int) Math.max(0, Math.floor(Math.max(b.getMinY() - 6, v.getMinY())));
        int x1 = (int) Math.min(f.getWidth(), Math.ceil(Math.min(b.getMaxX() + 6, v.getMaxX())));
        int y1 = (int) Math.min(f.getHeight(), Math.ceil(Math.min(b.getMaxY() + 6, v.getMaxY())));
        int changed = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                boolean inner = x >= b.getMinX() + 4 && x < b.getMaxX() - 4 && y >= b.getMinY() + 4 && y < b.getMaxY() - 4;
                int ux = x + dx, uy = y + dy;
                if (inner || ux < 0 || uy < 0 || ux >= unfocusedImage.getWidth() || uy >= unfocusedImage.getHeight()) continue;
                var cf = f.getPixelReader().getColor(x, y);
                var cu = unfocusedImage.getPixelReader().getColor(ux, uy);
                if (Contrast.ratio(cf, cu) >= MIN_CONTRAST) changed++;
            }
        }
        return changed / perimeter;
    }
}
