package io.digitstudio.ui.app;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** The real pickers: JavaFX's native file and folder choosers, remembering the last folder used. */
public final class FxFileDialogs implements FileDialogs {
    private File lastFolder;

    private FileChooser chooser(String title, String description, String... patterns) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, patterns));
        if (lastFolder != null && lastFolder.isDirectory()) c.setInitialDirectory(lastFolder);
        return c;
    }

    private Optional<Path> remember(File f) {
        if (f == null) return Optional.empty();
        lastFolder = f.getParentFile();
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> openModel(Window owner) {
        return remember(chooser("Open model", "Chainer NPZ models (*.npz)", "*.npz").showOpenDialog(owner));
    }

    @Override
    public Optional<Path> saveModel(Window owner, String suggestedName) {
        return saveFile(owner, "Save model", suggestedName, "Chainer NPZ models (*.npz)", "npz");
    }

    @Override
    public Optional<Path> openImage(Window owner) {
        return remember(chooser("Open image", "Images (*.png, *.jpg, *.bmp, *.gif)", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif")
                .showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseFolder(Window owner, String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) c.setInitialDirectory(lastFolder);
        File f = c.showDialog(owner);
        if (f == null) return Optional.empty();
        lastFolder = f;
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> saveFile(Window owner, String title, String suggestedName, String description, String extension) {
        FileChooser c = chooser(title, description, "*." + extension);
        c.setInitialFileName(suggestedName);
        File f = c.showSaveDialog(owner);
        if (f != null && !f.getName().contains(".")) f = new File(f.getParentFile(), f.getName() + "." + extension);
        return remember(f);
    }
}
