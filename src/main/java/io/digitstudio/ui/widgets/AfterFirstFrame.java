package io.digitstudio.ui.widgets;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.skin.ComboBoxListViewSkin;

/**
 * Work a window's first frame does not wait for: done right after the pulse that draws a node's scene for the first
 * time, before the events of that moment (the user's first key or click is queued after it). Styling and laying out
 * what the first frame does not show takes the JavaFX thread's time before the window can appear (decision 0012).
 */
public final class AfterFirstFrame {
    private AfterFirstFrame() {
    }

    /** Runs {@code work} on the JavaFX thread right after the first pulse that lays out {@code node}'s scene. */
    public static void after(Node node, Runnable work) {
        if (node.getScene() != null) {
            afterPulse(node.getScene(), work);
            return;
        }
        node.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Scene> o, Scene a, Scene scene) {
                if (scene == null) return;
                node.sceneProperty().removeListener(this);
                afterPulse(scene, work);
            }
        });
    }

    private static void afterPulse(Scene scene, Runnable work) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(work);
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /**
     * A list whose popup's list view joins it after the first frame. A {@code ComboBox}'s skin keeps the list view of
     * its popup among its own children, hidden, from the moment it is made: the first frame styled and laid out its
     * two dozen nodes and measured its cells, for a popup nobody has opened. Taken out as the skin is made and put
     * back where it was right after the first frame, the list is as before from the second frame on; it takes the
     * room it has in the form, not its own measure, so nothing moves when the list view comes back.
     */
    public static void listAfter(ComboBox<?> box) {
        javafx.beans.value.ChangeListener<javafx.scene.control.Skin<?>> taken = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.control.Skin<?>> o, javafx.scene.control.Skin<?> a,
                                javafx.scene.control.Skin<?> skin) {
                box.skinProperty().removeListener(this);
                if (!(skin instanceof ComboBoxListViewSkin<?> s)) return;
                Node list = s.getPopupContent();
                int at = s.getChildren().indexOf(list);
                if (at < 0) return;
                s.getChildren().remove(at);
                after(box, () -> {
                    // unless the popup has been opened meanwhile (its list view is then in the popup) or the skin changed
                    if (box.getSkin() == s && list.getParent() == null) s.getChildren().add(Math.min(at, s.getChildren().size()), list);
                });
            }
        };
        if (box.getSkin() == null) box.skinProperty().addListener(taken);
    }
}
