package io.digitstudio.ui;

import io.digitstudio.ui.app.FileDialogs;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** A file picker that hands back the paths a test queued, as if the user had chosen them. */
public final class TestDialogs implements FileDialogs {
    private final Deque<Path> answers = new ArrayDeque<>();

    public void willChoose(Path p) {
        answers.add(p);
    }

    private Optional<Path> next() {
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> openModel(Window owner) {
        return next();
    }

    @Override
    public Optional<Path> saveModel(Window owner, String suggestedName) {
        return next();
    }

    @Override
    public Optional<Path> openImage(Window owner) {
        return next();
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title) {
        return next();
    }

    @Override
    public Optional<Path> saveFile(Window owner, String title, String suggestedName, String description, String extension) {
        return next();
    }
}
