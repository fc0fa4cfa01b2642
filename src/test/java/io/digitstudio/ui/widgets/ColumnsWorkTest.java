package io.digitstudio.ui.widgets;

import javafx.application.Application;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What {@link Columns} measures while a table grows by a row at a time, as the epoch table does while a run trains: the
 * new row's values, not every row's again.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnsWorkTest {
    private static final int COLUMNS = 3, ROWS = 12;
    private final String userAgent = Application.getUserAgentStylesheet();
    private TableView<String[]> table;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        table = new TableView<>();
        for (int i = 0; i < COLUMNS; i++) {
            int k = i;
            TableColumn<String[], String> c = new TableColumn<>(i == 0 ? "epoch" : "loss " + i);
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()[k]));
            Columns.expects(c, "0.0000");
            table.getColumns().add(c);
        }
        Columns.keepWhole(table);
        Scene scene = new Scene(new StackPane(table), 700, 300);
        scene.getStylesheets().add(getClass().getResource(Theme.SHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void restore() throws Exception {
        fx(() -> {
            Application.setUserAgentStylesheet(userAgent);
            return null;
        });
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** A row added, then the events it queued and a pulse's CSS and layout passes. */
    private void add(String... row) throws Exception {
        fx(() -> table.getItems().add(row));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            table.getScene().getRoot().applyCss();
            table.getScene().getRoot().layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRowAddedAtTheEndMeasuresItsOwnValuesOnly() throws Exception {
        fx(() -> {
            Columns.countValues(table);
            return null;
        });
        add("01", "0.5000", "0.4000");
        int before = fx(() -> Columns.valuesMeasured(table));
        for (int r = 2; r <= ROWS; r++) add(String.format("%02d", r), "0." + (5000 - r), "0." + (4000 - r));
        assertEquals((ROWS - 1) * COLUMNS, fx(() -> Columns.valuesMeasured(table)) - before, "values measured for " + (ROWS - 1) + " rows");
    }

    @Test
    void aTableNobodyCountsKeepsNoCount() throws Exception {
        add("01", "0.5000", "0.4000");
        add("02", "0.4999", "0.3999");
        // the count is a test's instrument: a table of the app's keeps nothing for it in its properties
        assertEquals(java.util.Set.of(), fx(() -> table.getProperties().keySet().stream().map(String::valueOf)
                .filter(k -> k.endsWith(".values")).collect(java.util.stream.Collectors.toSet())));
        assertEquals(0, fx(() -> Columns.valuesMeasured(table)));
    }

    @Test
    void aWiderValueStillWidensItsColumn() throws Exception {
        add("01", "0.5000", "0.4000");
        double narrow = fx(() -> table.getColumns().get(1).getMinWidth());
        add("02", "a loss far wider than any expected", "0.4000");
        assertTrue(fx(() -> table.getColumns().get(1).getMinWidth()) > narrow + 50, "the column widened for its wider value");
    }
}
