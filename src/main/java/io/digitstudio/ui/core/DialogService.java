package io.digitstudio.ui.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The file pickers and notifications (after JabRef's DialogService): view models ask for a path or tell the user
 * something through this, so tests can script the answers and read what was said. Titles say what a dialog is for.
 */
public interface DialogService {
    Optional<Path> openModel();

    Optional<Path> saveModel(String suggestedName);

    Optional<Path> openImage();

    /** Picks a snapshot file to continue a run from. */
    Optional<Path> openSnapshot();

    Optional<Path> chooseFolder(String title);

    Optional<Path> saveFile(String title, String suggestedName, String description, String extension);

    /** Picks an existing file of one kind (e.g. a zip to import). */
    Optional<Path> openFile(String title, String description, String extension);

    /** Asks the user to confirm something that cannot be undone; true when they do. */
    boolean confirm(String title, String text, String action);

    /** A passing message (a toast). */
    void info(String title, String text);

    /** A passing message with one action the user may take while it shows (e.g. "Undo"). */
    void info(String title, String text, String action, Runnable onAction);

    /**
     * Takes back the passing messages titled {@code title} that still show or wait to: what they say no longer holds
     * (a run's "Training finished" once the next run starts or another model is in use).
     */
    void withdraw(String title);

    /** Something went wrong; {@code text} is one line for the user. */
    void error(String title, String text);

    /** Something went wrong, with one action the user may take about it while it shows (e.g. "Use model"). */
    void error(String title, String text, String action, Runnable onAction);
}
