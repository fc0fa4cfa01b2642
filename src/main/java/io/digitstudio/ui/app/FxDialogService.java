package io.digitstudio.ui.app;

import io.digitstudio.ui.core.DialogService;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The real dialogs: JavaFX's native file and folder choosers (remembering the last folder) and toasts over the views,
 * just above the open view's status line, for as long as {@link ToastLayer#millisFor} says.
 */
public final class FxDialogService implements DialogService {
    private final Window owner;
    private final ToastLayer toasts;
    private File lastFolder;

    public FxDialogService(Window owner, ToastLayer toasts) {
        this.owner = owner;
        this.toasts = toasts;
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
        // Chainer's extensions.snapshot() names its files snapshot_iter_N, with no extension
        FileChooser c = chooser("Open model", "Models and trainer snapshots (*.npz, *.onnx, *.safetensors, snapshot_*)",
                "*.npz", "*.onnx", "*.safetensors", "snapshot_*");
        c.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return remember(c.showOpenDialog(owner));
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

    @Override
    public Optional<Path> openFile(String title, String description, String extension) {
        return remember(chooser(title, description, "*." + extension).showOpenDialog(owner));
    }

    /** How wide a question's text is, in em: 364 px at 100 %, about what JavaFX gives it. */
    static final double CONFIRM_EM = 28;

    @Override
    public boolean confirm(String title, String text, String action) {
        javafx.scene.control.ButtonType yes = new javafx.scene.control.ButtonType(action, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        // a long path (a run's folder) breaks between its folders, never inside a name
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION, io.digitstudio.ui.widgets.PathBreaks.at(text), yes,
                javafx.scene.control.ButtonType.CANCEL);
        a.initOwner(owner);
        // the window's theme and scale: its sheets and its root's font size
        if (owner.getScene() != null) {
            a.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
            if (owner.getScene().getRoot() != null) a.getDialogPane().setStyle(owner.getScene().getRoot().getStyle());
        }
        // the text's width grows with the UI scale (JavaFX gives it 360 px at any): at 150 % a run's folder fits a line
        // as it does at 100 %
        a.getDialogPane().applyCss();
        if (a.getDialogPane().lookup(".content") instanceof javafx.scene.control.Label words) {
            words.setPrefWidth(Math.max(words.getPrefWidth(), CONFIRM_EM * words.getFont().getSize()));
        }
        a.setTitle(title);
        a.setHeaderText(title);
        // the question-mark picture says nothing the title does not, and a screen reader would read it as an unnamed image
        a.setGraphic(null);
        describeButtons(a.getDialogPane(), action + ": go ahead", "Change nothing and close this question");
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public void info(String title, String text) {
        toasts.show(title, text, false, ToastLayer.millisFor(title, text, false, false));
    }

    @Override
    public void info(String title, String text, String action, Runnable onAction) {
        toasts.show(title, text, false, ToastLayer.millisFor(title, text, false, true), action, onAction);
    }

    @Override
    public void withdraw(String title) {
        toasts.withdraw(title);
    }

    @Override
    public void error(String title, String text) {
        toasts.show(title, text, true, ToastLayer.millisFor(title, text, true, false));
    }

    @Override
    public void error(String title, String text, String action, Runnable onAction) {
        toasts.show(title, text, true, ToastLayer.millisFor(title, text, true, true), action, onAction);
    }

    /** Gives a dialog's OK-like and Cancel buttons a description for a screen reader (their text is their name). */
    static void describeButtons(javafx.scene.control.DialogPane pane, String ok, String cancel) {
        for (javafx.scene.control.ButtonType t : pane.getButtonTypes()) {
            javafx.scene.Node b = pane.lookupButton(t);
            if (b == null) continue;
            b.setAccessibleHelp(t.getButtonData().isCancelButton() ? cancel : ok);
        }
    }
}
