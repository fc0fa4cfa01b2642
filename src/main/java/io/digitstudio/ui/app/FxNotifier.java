package io.digitstudio.ui.app;

import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Toasts in the window's corner (ControlsFX Notifications). */
public final class FxNotifier implements Notifier {
    private final Window owner;

    public FxNotifier(Window owner) {
        this.owner = owner;
    }

    private Notifications base(String title, String text) {
        return Notifications.create().owner(owner).title(title).text(text).position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(6));
    }

    @Override
    public void info(String title, String text) {
        base(title, text).showInformation();
    }

    @Override
    public void error(String title, String text) {
        base(title, text).hideAfter(Duration.seconds(10)).showError();
    }
}
