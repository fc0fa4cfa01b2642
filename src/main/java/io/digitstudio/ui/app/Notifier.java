package io.digitstudio.ui.app;

/** Tells the user something without interrupting them (a toast); tests record what was said. */
public interface Notifier {
    void info(String title, String text);

    void error(String title, String text);
}
