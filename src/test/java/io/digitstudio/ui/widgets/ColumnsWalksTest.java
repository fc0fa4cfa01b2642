package io.digitstudio.ui.widgets;

import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Columns} walks a table's styled nodes (every header and cell) for their paddings only when the styles may have
 * changed, not at each of the layout passes a run's table goes through: a row each epoch, a selection, a resize.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnsWalksTest {
    private final String userAgent = Application.getUserAgentStylesheet();
    private final Theme theme = Theme.active();
    private final AtomicInteger layouts = new AtomicInteger();
    private Scene scene;
    private TableView<String[]> table;
    private final ObservableList<String[]> rows = FXCollections.observableArrayList();

    @Start
    void start(Stage stage) {
        table = new TableView<>(rows);
        String[] titles = {"epoch", "loss", "accuracy", "validation loss", "validation accuracy"};
        for (int i = 0; i < titles.length; i++) {
            int k = i;
            TableColumn<String[], String> c = new TableColumn<>(titles[i]);
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()[k]));
            table.getColumns().add(c);
        }
        Columns.keepWhole(table);
        table.needsLayoutProperty().addListener((o, a, needs) -> {
            if (!needs) layouts.incrementAndGet();
        });
        scene = new Scene(new StackPane(table), 900, 400);
        styled(Theme.LIGHT, 100);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void restore(FxRobot robot) {
        robot.interact(() -> {
            Application.setUserAgentStylesheet(userAgent);
            Theme.activeProperty().set(theme);
        });
    }

    /** The scene styled as the app styles its window (Appearance): the theme's sheets and the scale's root font size. */
    private void styled(Theme t, int scale) {
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
        Theme.activeProperty().set(t);
        scene.getStylesheets().setAll(url(Theme.SHEET), url(t.colours()));
        scene.getRoot().setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", 13 * scale / 100.0));
    }

    private static String url(String resource) {
        return Objects.requireNonNull(Theme.class.getResource(resource), resource).toExternalForm();
    }

    private static String[] epoch(int e) {
        return new String[]{String.valueOf(e), String.format("%.4f", 1.0 / e), "0.9" + e, String.format("%.4f", 1.1 / e), "0.8" + e};
    }

    /** Does {@code change} on the JavaFX thread and waits until the table has been laid out after it. */
    private void laidOutAfter(FxRobot robot, Runnable change) throws Exception {
        int before = layouts.get();
        robot.interact(change);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> layouts.get() > before);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int walks(FxRobot robot) {
        int[] n = new int[1];
        robot.interact(() -> n[0] = Columns.walks(table, 0));
        return n[0];
    }

    private double leastWidth(FxRobot robot, int column) {
        double[] w = new double[1];
        robot.interact(() -> w[0] = table.getColumns().get(column).getMinWidth());
        return w[0];
    }

    @Test
    void aRunsLayoutsWalkTheCellsOnlyWhenTheScaleChanges(FxRobot robot) throws Exception {
        laidOutAfter(robot, () -> rows.add(epoch(1)));
        laidOutAfter(robot, table::requestLayout);
        int settled = walks(robot);
        assertTrue(settled >= 1, "the first rows are measured in their styles");
        // a run: a row each epoch, the window resized, the table laid out again; the styles stay as they are
        for (int e = 2; e <= 12; e++) {
            int k = e;
            laidOutAfter(robot, () -> rows.add(epoch(k)));
            laidOutAfter(robot, () -> scene.getWindow().setWidth(900 + 10 * k));
            laidOutAfter(robot, table::requestLayout);
        }
        assertTrue(layouts.get() > 30, "laid out " + layouts.get() + " times");
        assertEquals(settled, walks(robot), "walks over " + layouts.get() + " layout passes in the same styles");
        // a larger scale: the fonts change, and the columns are measured again in them
        double narrow = leastWidth(robot, 4);
        laidOutAfter(robot, () -> styled(Theme.LIGHT, 150));
        laidOutAfter(robot, table::requestLayout);
        assertTrue(walks(robot) > settled, "measured again at 150 %");
        assertTrue(leastWidth(robot, 4) > narrow, "wider at 150 %: " + leastWidth(robot, 4) + " against " + narrow);
        int scaled = walks(robot);
        for (int i = 0; i < 5; i++) laidOutAfter(robot, table::requestLayout);
        assertEquals(scaled, walks(robot), "no walk once measured at 150 %");
        // another theme: measured again
        laidOutAfter(robot, () -> styled(Theme.DARK, 150));
        laidOutAfter(robot, table::requestLayout);
        assertTrue(walks(robot) > scaled, "measured again in the dark theme");
    }
}
