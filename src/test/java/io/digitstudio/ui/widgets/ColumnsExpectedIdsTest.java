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
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The runs' names wrap, and an unnamed run's name is its id, whose width differs from id to id. At 150 % a second run
 * with a wider id than the first's widened the names' least width, which reshared the wrapping columns, made the rows a
 * line taller and the table with them, and moved the selected run's actions below it. The names' least width holds
 * any id from the start.
 */
@ExtendWith(ApplicationExtension.class)
class ColumnsExpectedIdsTest {
    private final String userAgent = Application.getUserAgentStylesheet();
    private TableView<String> table;
    private TableColumn<String, String> expecting;
    private TableColumn<String, String> plain;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
        table = new TableView<>();
        table.getItems().setAll("ffffffff");
        expecting = column("name");
        Columns.expects(expecting, Columns.RUN_IDS);
        // the same values with no ids expected: its least width follows the ids listed
        plain = column("title");
        table.getColumns().setAll(List.of(expecting, plain));
        Columns.keepWhole(table);
        StackPane root = new StackPane(table);
        root.setStyle("-fx-font-size: 19.5px;");
        Scene scene = new Scene(root, 700, 300);
        scene.getStylesheets().add(getClass().getResource(Theme.SHEET).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private static TableColumn<String, String> column(String title) {
        TableColumn<String, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setSortable(false);
        Columns.wraps(c);
        return c;
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

    private List<Double> leastWidthsFor(String... ids) throws Exception {
        return fx(() -> {
            table.getItems().setAll(ids);
            Columns.fit(table);
            return List.of(expecting.getMinWidth(), plain.getMinWidth());
        });
    }

    @Test
    void aWrappingColumnExpectingIdsKeepsItsLeastWidthWhateverTheIdsListed() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> narrow = leastWidthsFor("ffffffff");
        List<Double> wide = leastWidthsFor("ffffffff", "dddddddd");
        assertNotEquals(narrow.get(1), wide.get(1), "a wider id widens a column that expects none");
        assertEquals(narrow.get(0), wide.get(0), "the column that expects ids: " + narrow + " then " + wide);
        assertEquals(wide.get(1), wide.get(0), "and it is as wide as the widest id");
    }
}
