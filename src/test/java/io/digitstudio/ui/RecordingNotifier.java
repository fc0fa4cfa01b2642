package io.digitstudio.ui;

import io.digitstudio.ui.app.Notifier;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what the app told the user, for tests to read. */
public final class RecordingNotifier implements Notifier {
    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void info(String title, String text) {
        infos.add(title + ": " + text);
    }

    @Override
    public void error(String title, String text) {
        errors.add(title + ": " + text);
    }
}
