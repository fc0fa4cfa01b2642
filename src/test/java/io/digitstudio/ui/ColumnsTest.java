package io.digitstudio.ui;

import io.digitstudio.ui.widgets.Columns;
import io.digitstudio.ui.widgets.Theme;
import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@link Columns} in the app's styles: a table's titles and values whole in the fonts they are drawn in, and again after
 * the theme or the UI scale changes under the table.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnsTest {
    private final String userAgent = Application.getUserAgentStylesheet();
    private final Theme theme = Theme.active();
    private Scene scene;
    private TableView<String[]> table;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        Theme.activeProperty().set(Theme.LIGHT);
        table = new TableView<>();
        for (int i = 0; i < 3; i++) {
            int k = i;
            TableColumn<String[], String> c = new TableColumn<>(i == 0 ? "setting" : "run " + i);
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()[k]));
            table.getColumns().add(c);
        }
        Columns.keepWhole(table);
        StackPane root = new StackPane(table);
        scene = new Scene(root, 900, 300);
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

    private static final List<String[]> ROWS = List.of(new String[]{"optimizer", "MomentumSGD(lr=0.01, momentum=0.9)", "Adam(alpha=0.001)"},
            new String[]{"network", "conv 20 5, relu, maxpool 2, linear 500, relu, linear", "784-100-100-10"});

    /**
     * Settings as the Runs view compares them: short words, one value long enough to wrap. A wrapping column is as wide
     * as its longest word at least (its values break between words only), so these fit 380 px.
     */
    private static final List<String[]> COMPARED = List.of(new String[]{"optimizer", "momentum-sgd", "adam"}, new String[]{"lr", "0.01", "0.001"},
            new String[]{"network", "conv 20 5, relu, maxpool 2, linear 500, relu, linear", "linear 100, relu, linear"});

    /** The texts cut to "…" once the table has been laid out in its styles, or after 5 s those still cut. */
    private List<String> cutOnceLaidOut(FxRobot robot) throws Exception {
        List<String> cut = new ArrayList<>();
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                cut.clear();
                robot.interact(() -> cut.addAll(Looks.cut(scene)));
                return cut.isEmpty();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            // still cut: the caller says what
        }
        return cut;
    }

    @Test
    void valuesInALargerFontThanTheTitlesAreWhole(FxRobot robot) throws Exception {
        // the cells in a font half as large again as the headers' (bold, 13 px): measured in the headers', they were cut
        robot.interact(() -> {
            for (TableColumn<String[], ?> c : table.getColumns()) {
                @SuppressWarnings("unchecked") TableColumn<String[], String> s = (TableColumn<String[], String>) c;
                s.setCellFactory(x -> new TableCell<>() {
                    {
                        setStyle("-fx-font-size: 1.5em;");
                    }

                    @Override
                    protected void updateItem(String v, boolean empty) {
                        super.updateItem(v, empty);
                        setText(empty ? null : v);
                    }
                });
            }
            table.setItems(FXCollections.observableArrayList(ROWS));
        });
        assertEquals(List.of(), cutOnceLaidOut(robot));
    }

    @Test
    void titlesAndValuesStayWholeWhenTheThemeAndTheScaleChange(FxRobot robot) throws Exception {
        robot.interact(() -> table.setItems(FXCollections.observableArrayList(ROWS)));
        assertEquals(List.of(), cutOnceLaidOut(robot), "light at 100 %");
        for (Theme t : new Theme[]{Theme.HIGH_CONTRAST, Theme.DARK, Theme.LIGHT}) {
            for (int scale : new int[]{150, 200, 100}) {
                robot.interact(() -> styled(t, scale));
                assertEquals(List.of(), cutOnceLaidOut(robot), t.id() + " at " + scale + " %");
                double[] least = new double[1];
                robot.interact(() -> least[0] = table.getColumns().get(1).getMinWidth());
                // the long network spec, measured in a font of this scale: about 40 characters of 0.5 em or more
                assertTrue(least[0] > 40 * 0.5 * 13 * scale / 100.0, t.id() + " at " + scale + " %: " + least[0] + " px");
            }
        }
    }

    @Test
    void columnsNarrowAgainWhenTheScaleGoesDown(FxRobot robot) throws Exception {
        robot.interact(() -> table.setItems(FXCollections.observableArrayList(ROWS)));
        assertEquals(List.of(), cutOnceLaidOut(robot), "light at 100 %");
        List<Double> fresh = widthsOnceSettled(robot);
        robot.interact(() -> styled(Theme.LIGHT, 150));
        assertEquals(List.of(), cutOnceLaidOut(robot), "light at 150 %");
        List<Double> larger = widthsOnceSettled(robot);
        assertTrue(larger.get(1) > fresh.get(1), "150 % wider than 100 %: " + larger + " vs " + fresh);
        // back at 100 %, the columns as a table shown at 100 % from the start has them: the 150 % widths kept made the
        // Train view's narrow layer table scroll sideways and hide its Params column
        robot.interact(() -> styled(Theme.LIGHT, 100));
        assertEquals(List.of(), cutOnceLaidOut(robot), "light back at 100 %");
        assertEquals(fresh, widthsOnceSettled(robot), "back at 100 %");
    }

    @Test
    void wrappingColumnsShareTheRoomWhenOneTitleNeedsMoreThanAnEqualShare(FxRobot robot) throws Exception {
        // Runs' compared settings: names beside the runs' values, each run a column titled by its id in bold; one title
        // wider than an equal share of the room took its width and the other run its equal share, one too many
        robot.interact(() -> {
            Columns.wrapsIfNarrow(table.getColumns().get(0));
            Columns.wraps(table.getColumns().get(1));
            Columns.wraps(table.getColumns().get(2));
            table.getColumns().get(2).setText("a longer run title");
            scene.getWindow().setWidth(380);
            table.setItems(FXCollections.observableArrayList(COMPARED));
        });
        List<Double> widths = widthsOnceSettled(robot);
        double[] room = new double[1];
        boolean[] sideways = new boolean[1];
        robot.interact(() -> {
            double bar = 0;
            for (javafx.scene.Node n : table.lookupAll(".scroll-bar")) {
                if (!(n instanceof javafx.scene.control.ScrollBar b) || !b.isVisible()) continue;
                if (b.getOrientation() == javafx.geometry.Orientation.VERTICAL) bar = b.getWidth();
                else sideways[0] = true;
            }
            room[0] = table.getWidth() - table.getInsets().getLeft() - table.getInsets().getRight() - bar;
        });
        double sum = widths.stream().mapToDouble(Double::doubleValue).sum();
        assertTrue(sum <= room[0], "columns " + widths + " in " + room[0] + " px");
        assertFalse(sideways[0], "the table scrolls sideways: columns " + widths + " in " + room[0] + " px");
        assertTrue(widths.get(2) > widths.get(1), "the long title's column takes its room: " + widths);
    }

    /** The columns' widths once two looks a pulse apart agree (the fit waits for the styles to apply). */
    private List<Double> widthsOnceSettled(FxRobot robot) throws Exception {
        List<Double> before = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                before.clear();
                before.addAll(now);
                now.clear();
                robot.interact(() -> table.getColumns().forEach(c -> now.add(c.getWidth())));
                return now.equals(before);
            });
        } catch (java.util.concurrent.TimeoutException e) {
            // still moving: the caller compares what there is
        }
        return now;
    }
}
