package io.digitstudio.ui.app;

import io.digitstudio.ui.core.DialogService;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real dialogs: JavaFX's native file and folder choosers (remembering the last folder) and ControlsFX toasts in
 * the window's corner, their text wrapped so that a long message stays inside the window.
 */
public final class FxDialogService implements DialogService {
    static final double TOAST_WIDTH = 340;
    private final Window owner;
    private File lastFolder;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

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
    public Optional<Path> openModel() {
        return remember(chooser("Open model", "Chainer NPZ models (*.npz)", "*.npz").showOpenDialog(owner));
    }

    @Override
    public Optional<Path> saveModel(String suggestedName) {
        return saveFile("Save model", suggestedName, "Chainer NPZ models (*.npz)", "npz");
    }

    @Override
    public Optional<Path> openImage() {
        return remember(chooser("Open image to classify", "Images (*.png, *.jpg, *.bmp, *.gif, *.tif, *.webp)", "*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif", "*.tif", "*.tiff", "*.webp")
                .showOpenDialog(owner));
    }

    @Override
    public Optional<Path> openSnapshot() {
        return remember(chooser("Open snapshot to resume training from", "DigitStudio snapshots (*.npz)", "*.npz").showOpenDialog(owner));
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (lastFolder != null && lastFolder.isDirectory()) c.setInitialDirectory(lastFolder);
        File f = c.showDialog(owner);
        if (f == null) return Optional.empty();
        lastFolder = f;
        return Optional.of(f.toPath());
    }

    @Override
    public Optional<Path> saveFile(String title, String suggestedName, String description, String extension) {
        FileChooser c = chooser(title, description, "*." + extension);
        c.setInitialFileName(suggestedName);
        File f = c.showSaveDialog(owner);
        if (f != null && !f.getName().contains(".")) f = new File(f.getParentFile(), f.getName() + "." + extension);
        return remember(f);
    }

    /** A toast whose text wraps at a fixed width, so that a long message does not stretch it past the window. */
    static Notifications toast(Window owner, String title, String text) {
        Label body = new Label(text);
        body.setWrapText(true);
        body.setMaxWidth(TOAST_WIDTH);
        body.setPrefWidth(TOAST_WIDTH);
        body.getStyleClass().add("toast-text");
        return Notifications.create().owner(owner).title(title).graphic(body).position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(6));
    }

    @Override
    public Optional<Path> openFile(String title, String description, String extension) {
        return remember(chooser(title, description, "*." + extension).showOpenDialog(owner));
    }

    @Override
    public boolean confirm(String title, String text, String action) {
        javafx.scene.control.ButtonType yes = new javafx.scene.control.ButtonType(action, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION, text, yes, javafx.scene.control.ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public void info(String title, String text) {
        toast(owner, title, text).show();
    }

    @Override
    public void error(String title, String text) {
        toast(owner, title, text).hideAfter(Duration.seconds(10)).show();
    }
}
