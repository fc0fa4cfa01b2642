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

import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Columns replaced in a table at 150 %, as the settings compared are at each change of the comparison: measured in the
 * fonts their cells are styled in, whenever the fit comes after the layout that made their cells.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnsStyledTest {
    private final String userAgent = Application.getUserAgentStylesheet();
    private TableView<String[]> table;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        table = new TableView<>();
        table.getItems().setAll(List.of(new String[]{"optimizer", "momentum-sgd", "sgd"}, new String[]{"data_sha256", "e7a650b55845", "e7a650b55845"}));
        table.getColumns().setAll(columns());
        Columns.keepWhole(table);
        StackPane root = new StackPane(table);
        // the app's 150 %: the root's font, which every cell and header inherits once styled
        root.setStyle("-fx-font-size: 19.5px;");
        Scene scene = new Scene(root, 700, 300);
        scene.getStylesheets().add(getClass().getResource(Theme.SHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** The setting's name and two runs' values, each column wrapping its values as the settings compared do. */
    private static List<TableColumn<String[], String>> columns() {
        List<TableColumn<String[], String>> out = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int k = i;
            TableColumn<String[], String> c = new TableColumn<>(i == 0 ? "setting" : "run " + i);
            c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()[k]));
            c.setSortable(false);
            if (i == 0) Columns.wrapsIfNarrow(c);
            else Columns.wraps(c);
            out.add(c);
        }
        return out;
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

    private List<Double> leastWidths() {
        return table.getColumns().stream().map(TableColumn::getMinWidth).toList();
    }

    @Test
    void columnsReplacedAreMeasuredInTheirCellsStyledFont() throws Exception {
        // settled: the columns as every pulse since has measured them
        fx(() -> {
            table.getColumns().setAll(columns());
            return null;
        });
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                table.getScene().getRoot().applyCss();
                table.getScene().getRoot().layout();
                return null;
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> settled = fx(this::leastWidths);
        // replaced again, and a pulse's layout comes before the fit: the skin makes every row's cells anew, unstyled
        // until the next pulse's CSS pass
        List<Double> fitted = fx(() -> {
            table.getColumns().setAll(columns());
            table.getScene().getRoot().layout();
            Columns.fit(table);
            return leastWidths();
        });
        assertEquals(settled, fitted);
    }
}
