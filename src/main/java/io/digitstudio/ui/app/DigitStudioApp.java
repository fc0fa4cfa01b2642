package io.digitstudio.ui.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;

/** The desktop app: one window, titled DigitStudio, with the Train, Samples and Draw views. */
public final class DigitStudioApp extends Application {
    public static final String THEME = "/io/digitstudio/ui/theme.css";

    private AppContext context;

    @Override
    public void start(Stage stage) {
        context = new AppContext(new FxFileDialogs(), new FxNotifier(stage), io.digitstudio.ui.model.RecentModels.forUser());
        MainView main = new MainView(context);
        Scene scene = createScene(main);
        stage.setTitle("DigitStudio");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
            try (InputStream in = DigitStudioApp.class.getResourceAsStream("/io/digitstudio/assets/icons/digitstudio-" + size + ".png")) {
                if (in != null) stage.getIcons().add(new Image(in));
            } catch (java.io.IOException ignored) {
                // an icon is decoration: the window opens without it
            }
        }
        stage.setOnCloseRequest(e -> shutdown(main));
        stage.show();
        ScreenshotMode.maybeStart(getParameters().getRaw(), stage, main);
    }

    public static Scene createScene(MainView main) {
        Scene scene = new Scene(main, 1240, 800);
        scene.getStylesheets().add(DigitStudioApp.class.getResource(THEME).toExternalForm());
        return scene;
    }

    private void shutdown(MainView main) {
        main.train().viewModel().stop();
        context.close();
        Platform.exit();
    }

    @Override
    public void stop() {
        if (context != null) context.close();
        // Workers are daemons and were told to stop; make sure no native thread keeps the JVM alive after the window closes.
        System.exit(0);
    }
}
