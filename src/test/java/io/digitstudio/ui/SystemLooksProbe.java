package io.digitstudio.ui;

import io.digitstudio.ui.app.DigitStudioApp;
import io.digitstudio.ui.core.FxTicker;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shipped window, started as a user starts it on a real display (GTK under Xvfb, not Monocle), for
 * {@link SystemLooksTest}. Once the built-in model is active it prints what the window shows, one {@code key=value} a
 * line: the theme it opened in, the screen's output scale and the window's render scale (the desktop's scale, which
 * JavaFX applies), the window's size and the labels' font size in the scene's own pixels, and for each view the
 * labels shown and those cut to "…" in the smallest window; then it quits. A main class, not an Application, so that
 * JavaFX starts from the class path.
 */
public final class SystemLooksProbe {
    /** How long the engine and the built-in model may take to come up on a loaded machine, in 100 ms ticks. */
    static final int READY_TICKS = 2400;
    /** How long a view may take to lay out its text whole (as ThemesAndScalesTest waits), in 100 ms ticks. */
    static final int LAYOUT_TICKS = 50;

    private SystemLooksProbe() {
    }

    public static void main(String[] args) {
        // AWT only for images, never a window (as the app's own launcher sets it)
        System.setProperty("java.awt.headless", "true");
        Application.launch(App.class, args);
    }

    /** The app, and the probe run in it once its window shows. */
    public static final class App extends DigitStudioApp {
        private final List<String> lines = new ArrayList<>();
        private int ticks;
        private int tab = -1;
        private int tabTicks;

        @Override
        public void start(Stage stage) {
            super.start(stage);
            stage.setMaximized(false);
            stage.setWidth(MIN_WIDTH);
            stage.setHeight(MIN_HEIGHT);
            FxTicker[] ticker = new FxTicker[1];
            ticker[0] = new FxTicker(100, () -> {
                if (step(stage)) {
                    ticker[0].stop();
                    lines.forEach(System.out::println);
                    System.out.println("end");
                    System.out.flush();
                    Platform.exit();
                    System.exit(0);
                }
            });
            ticker[0].start();
        }

        /** One tick of the probe; true when it is done. */
        private boolean step(Stage stage) {
            var app = services();
            if (tab < 0) {
                if (app.models().activeProperty().get() == null && ++ticks < READY_TICKS) return false;
                Screen screen = Screen.getScreensForRectangle(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()).stream()
                        .findFirst().orElse(Screen.getPrimary());
                lines.add("model=" + (app.models().activeProperty().get() == null ? "none" : "active"));
                lines.add("theme=" + app.appearance().themeProperty().get().id());
                lines.add(String.format(Locale.ROOT, "screen-output-scale=%.2fx%.2f", screen.getOutputScaleX(), screen.getOutputScaleY()));
                lines.add(String.format(Locale.ROOT, "window-render-scale=%.2fx%.2f", stage.getRenderScaleX(), stage.getRenderScaleY()));
                lines.add(String.format(Locale.ROOT, "window=%.0fx%.0f", stage.getScene().getWidth(), stage.getScene().getHeight()));
                lines.add(String.format(Locale.ROOT, "ui-scale=%d", app.appearance().scaleProperty().get()));
                tab = 0;
                tabTicks = 0;
                app.main().tabs().getSelectionModel().select(0);
                return false;
            }
            var tabs = app.main().tabs().getTabs();
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            List<String> cut = Looks.cut(stage.getScene());
            if (!cut.isEmpty() && ++tabTicks < LAYOUT_TICKS) return false;
            String view = tabs.get(tab).getText().replace(" ⚠", "");
            if (tab == 0) {
                Labeled any = (Labeled) stage.getScene().getRoot().lookup(".label");
                lines.add(String.format(Locale.ROOT, "label-font=%.2f", any.getFont().getSize()));
            }
            lines.add(String.format(Locale.ROOT, "view=%s labels=%d cut=%d", view, Looks.labels(stage.getScene()), cut.size()));
            for (String c : cut) lines.add("cut=" + view + ": " + c);
            if (++tab >= tabs.size()) return true;
            tabTicks = 0;
            app.main().tabs().getSelectionModel().select(tab);
            return false;
        }
    }
}
