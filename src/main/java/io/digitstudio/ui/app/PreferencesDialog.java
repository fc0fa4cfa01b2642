package io.digitstudio.ui.app;

import io.digitstudio.ui.widgets.Theme;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.List;

/**
 * Preferences (Ctrl+,): the theme and the UI scale. A choice shows at once, so it can be judged; OK keeps it, Cancel
 * or Esc goes back to what was there. A scale tried shows in the window behind and in the dialog itself, which is
 * sized to its content anew with its bottom-right corner kept, so that OK stays under the place it was seen.
 */
public final class PreferencesDialog extends Dialog<ButtonType> {
    static final List<Integer> SCALES = List.of(100, 125, 150, 175, 200);

    private final ComboBox<Theme> theme = new ComboBox<>();
    private final ComboBox<Integer> scale = new ComboBox<>();

    public PreferencesDialog(Window owner, Appearance appearance) {
        if (owner != null) initOwner(owner);
        setTitle("Preferences");
        setHeaderText(null);
        Theme wasTheme = appearance.themeProperty().get();
        int wasScale = appearance.scaleProperty().get();
        theme.setId("themeChoice");
        theme.getItems().setAll(Theme.values());
        theme.setValue(wasTheme);
        theme.setAccessibleText("Theme");
        theme.setAccessibleHelp("Primer Light, Primer Dark or High contrast; shown at once");
        scale.setId("scaleChoice");
        scale.getItems().setAll(SCALES);
        if (!SCALES.contains(wasScale)) scale.getItems().add(wasScale);
        scale.setValue(wasScale);
        scale.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer p) {
                return p == null ? "" : p + " %";
            }

            @Override
            public Integer fromString(String s) {
                return Integer.valueOf(s.replace("%", "").strip());
            }
        });
        scale.setAccessibleText("UI scale");
        scale.setAccessibleHelp("The size of text and controls, 100 to 200 percent");
        Label themeLabel = new Label("_Theme:");
        themeLabel.setMnemonicParsing(true);
        themeLabel.setLabelFor(theme);
        Label scaleLabel = new Label("UI _scale:");
        scaleLabel.setMnemonicParsing(true);
        scaleLabel.setLabelFor(scale);
        Label hint = new Label("The desktop's own scale (GDK_SCALE) comes on top of this.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        // no margin at its bottom: the button bar keeps its own above the buttons
        grid.setPadding(new Insets(12, 12, 0, 12));
        grid.addRow(0, themeLabel, theme);
        grid.addRow(1, scaleLabel, scale);
        grid.add(hint, 0, 2, 2, 1);
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        FxDialogService.describeButtons(getDialogPane(), "Keep the theme and scale chosen, also for the next launch",
                "Go back to the theme and scale from before");
        getDialogPane().setId("preferencesDialog");
        // the dialog follows a scale tried here as the window behind does: a trial chose 100 % in the dialog opened at
        // 150 % and judged a dialog still drawn at 150 %. It is sized anew from its bottom-right corner (refit below),
        // so OK, at the right of its bar, stays under the place the pointer found it
        appearance.style(getDialogPane().getScene());
        // shown at once, kept or undone when the dialog closes
        theme.valueProperty().addListener((o, a, t) -> {
            if (t != null) appearance.themeProperty().set(t);
        });
        scale.valueProperty().addListener((o, a, p) -> {
            if (p != null) appearance.scaleProperty().set(p);
        });
        // a theme tried here restyles the dialog too: should its controls need more room, the window grows to them
        // (never shrinks, so the buttons move only where they would otherwise fall off its edge)
        javafx.beans.value.ChangeListener<Object> refit = (o, a, b) -> growToContentAfterLayout(false);
        appearance.themeProperty().addListener(refit);
        // a scale tried: the dialog takes its content's size at that scale, smaller as well as larger
        javafx.beans.value.ChangeListener<Object> resize = (o, a, b) -> growToContentAfterLayout(true);
        appearance.scaleProperty().addListener(resize);
        setOnHidden(e -> {
            appearance.themeProperty().removeListener(refit);
            appearance.scaleProperty().removeListener(resize);
            appearance.forget(getDialogPane().getScene());
        });
        setResultConverter(b -> {
            if (b == ButtonType.OK) {
                appearance.choose(theme.getValue(), scale.getValue());
            } else {
                appearance.themeProperty().set(wasTheme);
                appearance.scaleProperty().set(wasScale);
            }
            return b;
        });
        // after the dialog has put the focus on its default button: the first choice is where the keyboard starts
        setOnShown(e -> javafx.application.Platform.runLater(theme::requestFocus));
    }

    /**
     * OK and Cancel as wide as the wider of them in the fonts now in force: the button bar measures them only when its
     * buttons change, and keeps the width it gave them, so at a larger scale "Cancel" was cut to "Can…".
     */
    private void measureButtonsAgain() {
        if (!(getDialogPane().lookup(".button-bar") instanceof javafx.scene.control.ButtonBar bar)) return;
        double widest = bar.getButtonMinWidth();
        for (javafx.scene.Node n : bar.getButtons()) {
            if (javafx.scene.control.ButtonBar.isButtonUniformSize(n) && n instanceof javafx.scene.layout.Region r) {
                r.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
                widest = Math.max(widest, r.prefWidth(-1));
            }
        }
        for (javafx.scene.Node n : bar.getButtons()) {
            if (javafx.scene.control.ButtonBar.isButtonUniformSize(n) && n instanceof javafx.scene.layout.Region r) r.setPrefWidth(widest);
        }
    }

    /**
     * Grows the window to its content, if that needs more room, once the next pulse has applied the new styles; with
     * {@code shrink} (a new scale) it also shrinks to it. The window's bottom-right corner stays where it is, and OK,
     * at the right of the bar along the bottom, with it.
     */
    private void growToContentAfterLayout(boolean shrink) {
        javafx.scene.Scene scene = getDialogPane().getScene();
        if (scene == null || !isShowing()) return;
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Window window = scene.getWindow();
            if (window == null || !isShowing()) return;
            measureButtonsAgain();
            javafx.scene.Parent root = scene.getRoot();
            double w = Math.max(root.prefWidth(-1), root.minWidth(-1));
            double h = Math.max(root.prefHeight(shrink ? w : Math.max(w, scene.getWidth())), root.minHeight(-1));
            double dw = w - scene.getWidth(), dh = h - scene.getHeight();
            if (dw > 0.5 || shrink && dw < -0.5) {
                window.setX(window.getX() - dw);
                window.setWidth(window.getWidth() + dw);
            }
            if (dh > 0.5 || shrink && dh < -0.5) {
                window.setY(window.getY() - dh);
                window.setHeight(window.getHeight() + dh);
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        javafx.application.Platform.requestNextPulse();
    }
}
