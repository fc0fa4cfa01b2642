package io.digitstudio.ui.widgets;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.NestedTableColumnHeader;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableHeaderRow;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.layout.Region;

/**
 * The skin of a table with a column menu ({@link Columns#keepWhole}): its last column's title keeps the room JavaFX
 * takes from it only where the menu's button lies over that column.
 * <p>
 * JavaFX 21 narrows the last column's title by the button's width whenever the vertical bar is hidden and the
 * button's x <em>in the header row</em> falls within the column's x <em>in the scene</em>: two coordinate spaces,
 * which agree only for a table at the scene's left edge. The Train view's epoch table, 333 px from the left in a
 * 1280x800 window at 100 %, had its right-aligned "time" 8 px short of its figures, though the column ends before the
 * button. Each leaf header here measures the overlap in one space, the header row's, and lays its title out again.
 */
final class ColumnMenuSkin<S> extends TableViewSkin<S> {

    ColumnMenuSkin(TableView<S> table) {
        super(table);
    }

    @Override
    protected TableHeaderRow createTableHeaderRow() {
        return new TableHeaderRow(this) {
            @Override
            protected NestedTableColumnHeader createRootHeader() {
                return new NestedTableColumnHeader(null) {
                    @Override
                    protected TableColumnHeader createTableColumnHeader(TableColumnBase col) {
                        return col != null && col.getColumns().isEmpty() ? new Header(col) : super.createTableColumnHeader(col);
                    }
                };
            }
        };
    }

    /** A column's header whose title ends where the menu's button begins over it, or at its own edge. */
    static final class Header extends TableColumnHeader {
        /** The header row's corner with the menu's button, once found; a move of it lays this header out again. */
        private Region corner;

        Header(TableColumnBase<?, ?> column) {
            super(column);
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            TableHeaderRow row = getTableHeaderRow();
            if (row == null || getTableColumn() == null) return;
            if (corner == null && row.lookup(".show-hide-columns-button") instanceof Region r) {
                corner = r;
                // the button moves with the table's width, and shows or hides, in the header row's layout: this
                // header's room beside it changes then, whether or not its own width does
                javafx.beans.InvalidationListener moved = o -> requestLayout();
                r.layoutXProperty().addListener(moved);
                r.widthProperty().addListener(moved);
                r.visibleProperty().addListener(moved);
            }
            Label title = null;
            double others = 0;
            for (Node n : getChildren()) {
                if (title == null && n instanceof Label l) title = l;
                else if (n.isVisible() && n.isManaged()) others += n.getLayoutBounds().getWidth();
            }
            if (title == null) return;
            double inner = snapSizeX(getWidth()) - snappedLeftInset() - snappedRightInset();
            // the room JavaFX kept beside the title (the sort arrow's aside), and the room the button needs
            double kept = inner - others - title.getWidth();
            double needed = 0;
            if (corner != null && corner.isVisible() && getScene() != null) {
                var header = row.sceneToLocal(localToScene(getLayoutBounds()));
                var button = corner.getBoundsInParent();
                if (header != null && button.getMinX() < header.getMaxX() && button.getMaxX() > header.getMinX()) {
                    needed = header.getMaxX() - button.getMinX();
                }
            }
            double give = kept - Math.max(0, needed);
            if (Math.abs(give) < 0.5) return;
            title.resize(Math.max(0, title.getWidth() + give), title.getHeight());
            // the sort arrow beside the title moves with its end
            for (Node n : getChildren()) {
                if (n != title) n.setLayoutX(n.getLayoutX() + give);
            }
        }
    }
}
