package io.digitstudio.ui.app;

import io.digitstudio.ui.widgets.Theme;
import javafx.application.Application;

/** Starts the desktop app; called by {@code io.digitstudio.Main} (which must not name JavaFX classes). */
public final class DesktopLauncher {
    /** Held so the settings stick (java.util.logging keeps loggers weakly). */
    private static final java.util.List<java.util.logging.Logger> QUIETED = new java.util.ArrayList<>();

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        launch(DigitStudioApp.class, args);
    }

    /** Launches {@code app} (the app, or a test's scripted subclass of it) with the same quiet logging. */
    static void launch(Class<? extends Application> app, String[] args) {
        // From a plain jar JavaFX warns that it was loaded from the class path (it works the same), and java.util.prefs
        // announces its folder on first use: neither is news to a user.
        quiet("com.sun.javafx.application.PlatformImpl");
        quiet("java.util.prefs");
        quiet("javafx");
        headlessAwt();
        // the desktop's light or dark, on a thread of its own while the toolkit starts (unless a theme was chosen), and
        // AtlantaFX's sheet for the theme the window opens in, on another
        java.util.concurrent.CompletableFuture<java.util.Optional<Boolean>> dark =
                DesktopTheme.askEarly(() -> LastSession.themeChosen() ? null : DesktopTheme.ofThisDesktop().prefersDark());
        EarlySheet.load(() -> firstTheme(LastSession.chosenTheme(), dark));
        Application.launch(app, args);
    }

    /** The theme the window opens in, as {@link Appearance#firstTheme} decides it, from the early answer. */
    static Theme firstTheme(java.util.Optional<Theme> chosen, java.util.concurrent.CompletableFuture<java.util.Optional<Boolean>> dark) {
        return chosen.orElseGet(() -> {
            java.util.Optional<Boolean> answer = dark.join();
            return answer != null && answer.orElse(false) ? Theme.DARK : Theme.LIGHT;
        });
    }

    /**
     * AWT is used only for images (BufferedImage, ImageIO), never for a window: headless, it does not open its own X11
     * connection next to GTK's, whose error handler it then replaced inside a GDK error trap ("Gdk-WARNING **:
     * XSetErrorHandler() called with a GDK error trap pushed" at every launch). A value the user set is kept.
     */
    static void headlessAwt() {
        System.setProperty("java.awt.headless", headless(System.getProperty("java.awt.headless")));
    }

    /** The value java.awt.headless gets when it was {@code set} (null: not set). */
    static String headless(String set) {
        return set == null ? "true" : set;
    }

    private static void quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        QUIETED.add(logger);
    }
}
