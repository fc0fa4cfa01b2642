package io.digitstudio.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Waits for the layout passes that follow a change, by counting them rather than by the clock: a table's rows, a
 * chart's series or a theme's styles are laid out on the pulses after the change, and what they make (a scroll bar, a
 * column's width) on the ones after those.
 */
final class Pulses {
    private Pulses() {
    }

    /** Waits until every showing window has been laid out {@code n} more times, then for the events those queued. */
    static void settle(int n) throws Exception {
        for (int i = 0; i < n; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                List<Scene> scenes = new ArrayList<>();
                for (Window w : Window.getWindows()) if (w.isShowing() && w.getScene() != null) scenes.add(w.getScene());
                if (scenes.isEmpty()) {
                    done.complete(null);
                    return;
                }
                int[] left = {scenes.size()};
                for (Scene s : scenes) {
                    Runnable[] once = new Runnable[1];
                    once[0] = () -> {
                        s.removePostLayoutPulseListener(once[0]);
                        if (--left[0] == 0) done.complete(null);
                    };
                    s.addPostLayoutPulseListener(once[0]);
                }
                Platform.requestNextPulse();
            });
            done.get(30, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Three layout passes: the change, what it brought, and what that brought in turn. */
    static void settle() throws Exception {
        settle(3);
    }
}
