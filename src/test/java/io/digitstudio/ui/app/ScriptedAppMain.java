package io.digitstudio.ui.app;

/** Starts {@link ScriptedApp}: a main class that is not an Application, so JavaFX starts from the class path. */
public final class ScriptedAppMain {
    private ScriptedAppMain() {
    }

    public static void main(String[] args) {
        DesktopLauncher.launch(ScriptedApp.class, args);
    }
}
