package io.digitstudio.bench;

import io.digitstudio.ui.app.DigitStudioApp;
import io.digitstudio.ui.app.ToastLayer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A benchmark, not a test: how often a window pulses in a second while a toast waits, against a quiet second (an
 * animation would pulse about 60 times more). It counts over wall-clock seconds, so it is a program run on a quiet
 * machine (it needs a display: {@code xvfb-run}); the toast's behaviour itself is {@code ToastLayerTest}'s, on a clock
 * moved by hand. Prints both counts; exits 1 when the toast adds 15 pulses a second or more.
 * <pre>xvfb-run -a java -cp "target/test-classes:target/classes:target/lib/*" io.digitstudio.bench.ToastPulses</pre>
 */
public final class ToastPulses {
    private static final AtomicInteger pulses = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        CountDownLatch up = new CountDownLatch(1);
        ToastLayer[] toasts = new ToastLayer[1];
        Platform.startup(() -> {
            toasts[0] = new ToastLayer();
            Scene scene = new Scene(new StackPane(new Button("Below"), toasts[0]), 800, 500);
            scene.getStylesheets().add(DigitStudioApp.class.getResource(DigitStudioApp.THEME).toExternalForm());
            scene.addPostLayoutPulseListener(pulses::incrementAndGet);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            up.countDown();
        });
        up.await(30, TimeUnit.SECONDS);
        settle();
        int quiet = pulsesInASecond();
        Platform.runLater(() -> toasts[0].show("Training finished", "validation accuracy 97.31%", false, 2500));
        settle();
        int waiting = pulsesInASecond();
        System.out.printf("pulses in a second: quiet %d, a toast waiting %d%n", quiet, waiting);
        Platform.exit();
        System.exit(waiting - quiet < 15 ? 0 : 1);
    }

    /** Waits until the FX thread has run what was queued before. */
    private static void settle() throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(done::countDown);
        done.await(30, TimeUnit.SECONDS);
    }

    private static int pulsesInASecond() throws InterruptedException {
        int before = pulses.get();
        Thread.sleep(1000);
        settle();
        return pulses.get() - before;
    }
}
