package io.digitstudio.ui.app;

import javafx.application.Application;

/** Starts the desktop app; called by {@code io.digitstudio.Main} (which must not name JavaFX classes). */
public final class DesktopLauncher {
    /** Held so the settings stick (java.util.logging keeps loggers weakly). */
    private static final java.util.List<java.util.logging.Logger> QUIETED = new java.util.ArrayList<>();

    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        // From a plain jar JavaFX warns that it was loaded from the class path (it works the same), and java.util.prefs
        // announces its folder on first use: neither is news to a user.
        quiet("com.sun.javafx.application.PlatformImpl");
        quiet("java.util.prefs");
        quiet("javafx");
        UiCompilation.apply(); // before the toolkit's code runs hot: its compiles then stay off the training cores
        Application.launch(DigitStudioApp.class, args);
    }

    private static void quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        QUIETED.add(logger);
    }
}
