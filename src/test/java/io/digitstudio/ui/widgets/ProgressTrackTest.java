package io.digitstudio.ui.widgets;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A progress bar's empty track has an edge that stands out from what is behind the bar by at least 3:1 (WCAG 1.4.11,
 * non-text contrast) in every theme, on the window's background and on the subtler one of panes and strips: the colours
 * are the ones the theme's sheets give the track once applied, not copied from them.
 */
@ExtendWith(ApplicationExtension.class)
class ProgressTrackTest {
    static final double MIN_CONTRAST = 3;

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 100));
        stage.show();
    }

    /** What a theme draws: the track's outer ring and inner fill, and the background behind the bar. */
    record Track(Color edge, double edgeWidth, Color inside, Color behind) {
        double edgeContrast() {
            return Contrast.ratio(edge, behind);
        }
    }

    /** A bar a third done, in a pane of the given style class (none: the window's own background), styled as the app is. */
    static Track drawn(Theme theme, String paneClass) {
        String before = Application.getUserAgentStylesheet();
        try {
            Application.setUserAgentStylesheet(theme.userAgentStylesheet());
            ProgressBar bar = new ProgressBar(1 / 3.0);
            bar.setPrefWidth(200);
            VBox pane = new VBox(bar);
            if (paneClass != null) pane.getStyleClass().add(paneClass);
            StackPane root = new StackPane(pane);
            Scene scene = new Scene(root, 300, 100);
            scene.getStylesheets().setAll(url(Theme.SHEET), url(theme.colours()));
            root.applyCss();
            root.layout();
            Region track = (Region) bar.lookup(".track");
            assertNotNull(track, "the bar's track");
            List<BackgroundFill> fills = opaque(track.getBackground());
            assertFalse(fills.isEmpty(), theme + ": the track has a fill");
            Color behind = Color.WHITE;
            for (Region r : List.of(root, pane)) {
                for (BackgroundFill f : opaque(r.getBackground())) behind = Contrast.over((Color) f.getFill(), behind);
            }
            Color edge = Contrast.over((Color) fills.get(0).getFill(), behind);
            Color inside = edge;
            double edgeWidth = Double.POSITIVE_INFINITY;
            for (BackgroundFill f : fills.subList(1, fills.size())) {
                inside = Contrast.over((Color) f.getFill(), inside);
                edgeWidth = Math.min(edgeWidth, Math.min(Math.min(f.getInsets().getTop(), f.getInsets().getBottom()),
                        Math.min(f.getInsets().getLeft(), f.getInsets().getRight())) - fills.get(0).getInsets().getTop());
            }
            return new Track(edge, edgeWidth, inside, behind);
        } finally {
            Application.setUserAgentStylesheet(before);
        }
    }

    /** A region's colour fills that show (not see-through), bottom first. */
    private static List<BackgroundFill> opaque(Background b) {
        List<BackgroundFill> out = new ArrayList<>();
        if (b == null) return out;
        for (BackgroundFill f : b.getFills()) if (f.getFill() instanceof Color c && c.getOpacity() > 0) out.add(f);
        return out;
    }

    private static String url(String resource) {
        return Objects.requireNonNull(Theme.class.getResource(resource), resource).toExternalForm();
    }

    @Test
    void theEmptyTrackHasAnEdgeAtThreeToOneInEveryThemeOnEveryBackground(FxRobot robot) {
        StringBuilder figures = new StringBuilder();
        List<String> failures = new ArrayList<>();
        for (Theme t : Theme.values()) {
            for (String pane : new String[]{null, "detail-pane"}) {
                Track[] track = new Track[1];
                robot.interact(() -> track[0] = drawn(t, pane));
                Track k = track[0];
                String where = t.id() + (pane == null ? " on the window" : " on ." + pane);
                figures.append(String.format(Locale.ROOT, "%s: track edge %s on %s %.2f:1, %.0f px wide%n", where, web(k.edge()), web(k.behind()),
                        k.edgeContrast(), k.edgeWidth()));
                if (k.edgeContrast() < MIN_CONTRAST) failures.add(where + ": edge " + web(k.edge()) + " on " + web(k.behind()) + " is " + k.edgeContrast() + ":1");
                if (k.edgeWidth() < 1) failures.add(where + ": the edge is " + k.edgeWidth() + " px wide: the track's fill covers it");
            }
        }
        System.out.print(figures);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
