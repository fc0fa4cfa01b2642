package io.digitstudio.ui.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.layout.Region;
import javafx.stage.Stage;

import java.io.InputStream;
import java.util.List;

/**
 * The desktop app: one window, titled DigitStudio, with the Train, Samples, Evaluate, Draw, My digits, Inside and Runs
 * views. The window is shown first; the engine and the built-in model come up behind it (the views say "starting…" for
 * that moment). Not final: the test code's scripted window (screenshots, GUI benchmarks) is this app plus a script.
 */
public class DigitStudioApp extends Application {
    public static final String THEME = "/io/digitstudio/ui/theme.css";
    /** The smallest window everything fits in. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 700;
    /** The size a first window opens at, on a screen that has room for it. */
    public static final double WIDTH = 1240;
    public static final double HEIGHT = 800;

    private AppServices services;

    @Override
    public void start(Stage stage) {
        ToastLayer toasts = new ToastLayer();
        // one settings file for the session and the recent models, so neither's save drops the other's values
        io.digitstudio.io.SettingsFile settings = LastSession.userSettings();
        services = new AppServices(new FxDialogService(stage, toasts), io.digitstudio.ui.model.RecentModels.of(settings),
                new io.digitstudio.runs.RunStore(io.digitstudio.runs.RunStore.defaultRoot()),
                new io.digitstudio.mydigits.MyDigits(io.digitstudio.mydigits.MyDigits.defaultFolder()), LastSession.of(settings),
                io.digitstudio.ui.pins.Pins.defaultFile());
        stage.setTitle("DigitStudio");
        stage.setScene(createScene(services.main(), toasts));
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        services.placeWindow(stage);
        services.closeOnRequest(stage, Platform::exit);
        stage.show();
        services.windowShown(stage);
        iconsAfterFirstFrame(stage);
        io.digitstudio.ui.widgets.AfterFirstFrame.after(stage.getScene().getRoot(), DesktopLauncher::afterFirstFrame);
    }

    /**
     * The window's icons, once its first frame is drawn: decoding six PNGs is not worth delaying it for (a task queued
     * with {@code runLater} from {@code start} runs before the first pulse).
     */
    static void iconsAfterFirstFrame(Stage stage) {
        io.digitstudio.ui.widgets.AfterFirstFrame.after(stage.getScene().getRoot(), () -> {
            for (int size : new int[]{16, 32, 48, 64, 128, 256}) {
                try (InputStream in = DigitStudioApp.class.getResourceAsStream("/io/digitstudio/assets/icons/digitstudio-" + size + ".png")) {
                    if (in != null) stage.getIcons().add(new Image(in));
                } catch (java.io.IOException ignored) {
                    // an icon is decoration: the window works without it
                }
            }
        });
    }

    /** The services of the running window (null before {@link #start}). */
    protected final AppServices services() {
        return services;
    }

    /**
     * The window's scene: the views, and over them the toasts (ToastLayer), at the bottom right above the open view's
     * status line, and the
     * engine's start over the views' bottom left corner while no toast is there to say something else. Neither takes
     * room from the views: a toast coming or going moves nothing under it.
     */
    public static Scene createScene(Parent main, ToastLayer toasts) {
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(main);
        if (main instanceof MainView m) {
            javafx.scene.layout.StackPane engine = new javafx.scene.layout.StackPane(m.engineLine());
            engine.getStyleClass().add("engine-status-holder");
            engine.setMouseTransparent(true);
            engine.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            javafx.scene.layout.StackPane.setAlignment(engine, javafx.geometry.Pos.BOTTOM_LEFT);
            // only over a view's bottom line (its status line): a view with none (Draw) has its content at its bottom
            // edge ("Nearest examples | How the answer moves"), which the line would cover; Draw's model line says its
            // model is loading meanwhile
            javafx.beans.binding.BooleanBinding overALine = javafx.beans.binding.Bindings.createBooleanBinding(() -> {
                javafx.scene.control.Tab tab = m.tabs().getSelectionModel().getSelectedItem();
                return tab != null && tab.getContent() != null && bottomLine(tab.getContent()) != null;
            }, m.tabs().getSelectionModel().selectedItemProperty());
            engine.visibleProperty().bind(m.engineLine().visibleProperty().and(overALine)
                    .and(javafx.beans.binding.Bindings.isEmpty(toasts.getChildrenUnmodifiable())));
            root.getChildren().add(engine);
            // the open view's status message makes way for the engine's line while it shows: under it, a message longer
            // than the line's showed its end past it ("…ll 2 runs finished" beside "Starting the engine…"); a view whose
            // bottom line is a plain text (Runs' "4 runs in …/runs") keeps its place but shows nothing meanwhile
            Runnable makeWay = () -> {
                for (javafx.scene.control.Tab tab : m.tabs().getTabs()) {
                    javafx.scene.Node line = tab.getContent() == null ? null : bottomLine(tab.getContent());
                    boolean covered = engine.isVisible() && m.tabs().getSelectionModel().getSelectedItem() == tab;
                    if (line instanceof io.digitstudio.ui.widgets.StatusLine status) status.makeWay(covered);
                    else if (line != null) line.setOpacity(covered ? 0 : 1);
                }
            };
            engine.visibleProperty().addListener((o, a, b) -> makeWay.run());
            m.tabs().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> makeWay.run());
            for (javafx.scene.control.Tab tab : m.tabs().getTabs()) tab.contentProperty().addListener((o, a, b) -> makeWay.run());
            makeWay.run();
            // the toasts lie above the open view's status line, whose message and figures stay in sight
            toasts.keepClear(() -> {
                javafx.scene.control.Tab tab = m.tabs().getSelectionModel().getSelectedItem();
                return tab == null || tab.getContent() == null ? null : bottomLine(tab.getContent());
            });
            // nor over an error the open view shows
            toasts.keepClearOfErrors(() -> {
                javafx.scene.control.Tab tab = m.tabs().getSelectionModel().getSelectedItem();
                return tab == null || tab.getContent() == null ? List.of() : errors(tab.getContent());
            });
            m.tabs().getSelectionModel().selectedItemProperty().addListener((o, a, b) -> toasts.requestLayout());
            // in the middle of the window, over the views it keeps from input while the app waits to quit
            m.quittingNotice().setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            root.getChildren().add(m.quittingNotice());
        }
        // last, so that a toast lies over everything; the layer fills the window and lets clicks beside its toasts through
        root.getChildren().add(toasts);
        // as large as a first window opens on the main screen (placeWindow places and sizes the stage to match)
        WindowFit.Rect size = WindowFit.first(AppServices.rect(javafx.stage.Screen.getPrimary().getVisualBounds()), WIDTH, HEIGHT, MIN_WIDTH, MIN_HEIGHT);
        Scene scene = new Scene(root, size.width(), size.height());
        scene.getStylesheets().setAll(DigitStudioApp.class.getResource(THEME).toExternalForm(),
                DigitStudioApp.class.getResource(io.digitstudio.ui.widgets.Theme.active().colours()).toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (services != null) services.close();
        // Workers are daemons and were told to stop; make sure no native thread keeps the JVM alive after the window closes.
        System.exit(0);
    }

    /**
     * The style classes of what says an error in a view: a wrong field's message, the Train form's problem and its
     * network's, the Sweeps form's message.
     */
    static final List<String> ERROR_CLASSES = List.of("field-error", "validation", "error-text");

    /** The nodes of {@code view} that say an error (shown or not), in the order they lie in it. */
    static List<javafx.scene.Node> errors(javafx.scene.Node view) {
        List<javafx.scene.Node> out = new java.util.ArrayList<>();
        java.util.ArrayDeque<javafx.scene.Node> open = new java.util.ArrayDeque<>(List.of(view));
        while (!open.isEmpty()) {
            javafx.scene.Node n = open.pop();
            // a hidden branch holds no error in sight
            if (!n.isVisible()) continue;
            for (String c : n.getStyleClass()) {
                if (ERROR_CLASSES.contains(c)) {
                    out.add(n);
                    break;
                }
            }
            if (n instanceof Parent p) {
                var children = p.getChildrenUnmodifiable();
                for (int i = children.size() - 1; i >= 0; i--) open.push(children.get(i));
            }
        }
        return out;
    }

    /**
     * The line at a view's bottom that toasts lie above: its status line, else what the view holds at its bottom (a
     * status label whose message grows under a toast as it gets longer, a hint); null when it has none.
     */
    static javafx.scene.Node bottomLine(javafx.scene.Node view) {
        javafx.scene.Node status = view.lookup(".status-bar");
        if (status != null) return status;
        return view instanceof javafx.scene.layout.BorderPane b && b.getBottom() != null && b.getBottom().isVisible() ? b.getBottom() : null;
    }
}
