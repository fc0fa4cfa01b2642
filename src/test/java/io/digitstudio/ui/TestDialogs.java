package io.digitstudio.ui;

import io.digitstudio.ui.core.DialogService;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Scripted dialogs: a picker hands back the paths a test queued, as if the user had chosen them, and records what it
 * was asked for; notifications are kept for the test to read.
 */
public final class TestDialogs implements DialogService {
    private final Deque<Path> answers = new ArrayDeque<>();
    public final List<String> asked = new CopyOnWriteArrayList<>();
    public final List<String> infos = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();

    public void willChoose(Path p) {
        answers.add(p);
    }

    private Optional<Path> next(String what) {
        asked.add(what);
        return Optional.ofNullable(answers.poll());
    }

    @Override
    public Optional<Path> openModel() {
        return next("open model");
    }

    @Override
    public Optional<Path> saveModel(String suggestedName) {
        return next("save model");
    }

    @Override
    public Optional<Path> openImage() {
        return next("open image");
    }

    @Override
    public Optional<Path> openSnapshot() {
        return next("open snapshot");
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        return next("folder: " + title);
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, String description, String extension) {
        return next("save: " + title);
    }

    @Override
    public Optional<Path> openFile(String title, String description, String extension) {
        return next("open: " + title);
    }

    /** What the next confirmations answer (true: as if the user confirmed). */
    public volatile boolean confirms = true;

    /** The text of each confirmation asked, under its title, as the user reads it. */
    public final List<String> questions = new CopyOnWriteArrayList<>();

    @Override
    public boolean confirm(String title, String text, String action) {
        asked.add("confirm: " + title);
        questions.add(title + "\n" + text);
        return confirms;
    }

    @Override
    public void info(String title, String text) {
        infos.add(title + ": " + text);
    }

    /** The action offered with the latest message that had one (null: none), for tests to take it as a user would. */
    public volatile Runnable lastAction;

    @Override
    public void info(String title, String text, String action, Runnable onAction) {
        infos.add(title + ": " + text + " [" + action + "]");
        lastAction = onAction;
    }

    /** The titles of the messages taken back, in order. */
    public final List<String> withdrawn = new CopyOnWriteArrayList<>();

    @Override
    public void withdraw(String title) {
        withdrawn.add(title);
    }

    @Override
    public void error(String title, String text) {
        errors.add(title + ": " + text);
    }

    @Override
    public void error(String title, String text, String action, Runnable onAction) {
        errors.add(title + ": " + text + " [" + action + "]");
        lastAction = onAction;
    }
}
