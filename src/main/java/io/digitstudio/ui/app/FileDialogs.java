package io.digitstudio.ui.app;

import javafx.stage.Window;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The file and folder pickers, behind an interface so that tests can hand the app a path instead of driving a native
 * dialog.
 */
public interface FileDialogs {
    Optional<Path> openModel(Window owner);

    Optional<Path> saveModel(Window owner, String suggestedName);

    Optional<Path> openImage(Window owner);

    Optional<Path> chooseFolder(Window owner, String title);

    Optional<Path> saveFile(Window owner, String title, String suggestedName, String description, String extension);
}
