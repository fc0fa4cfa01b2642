package io.digitstudio.ui.app;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The window's six icons are decoded once its first frame is drawn, not before it. */
@ExtendWith(ApplicationExtension.class)
class WindowIconsTest {
    private Stage stage;
    private volatile Integer iconsAtFirstFrame;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.getIcons().clear();
        stage.setScene(new Scene(new StackPane(), 200, 100));
        Scene scene = stage.getScene();
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            iconsAtFirstFrame = stage.getIcons().size();
        };
        scene.addPostLayoutPulseListener(once[0]);
        DigitStudioApp.iconsAfterFirstFrame(stage);
        stage.show();
    }

    @Test
    void theIconsComeAfterTheFirstFrame() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> iconsAtFirstFrame != null);
        assertEquals(0, iconsAtFirstFrame, "icons decoded before the first frame");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> stage.getIcons().size() == 6);
    }
}
