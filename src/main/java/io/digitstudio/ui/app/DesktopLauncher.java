package io.digitstudio.ui.app;

import javafx.application.Application;

/** Starts the desktop app; called by {@code io.digitstudio.Main} (which must not name JavaFX classes). */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    public static void launch(String[] args) {
        Application.launch(DigitStudioApp.class, args);
    }
}
