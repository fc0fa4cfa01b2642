package io.digitstudio.ui.explain;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The explanation's panes as tabs under a view's main content (the Draw view's canvas, the Samples gallery). */
public final class ExplainTabs {
    private ExplainTabs() {
    }

    /** {@code content} with the tabs under it. */
    public static javafx.scene.layout.Region below(Node content, ExplainViewModel vm) {
        NeighboursPane neighbours = new NeighboursPane(vm);
        neighbours.setPadding(new Insets(8));
        ProfilePane profile = new ProfilePane(vm);
        profile.setPadding(new Insets(8));
        // where the window leaves the tabs less than the nearest examples' height after all (a large UI scale), they
        // scroll within the tab instead of being cut at its bottom
        javafx.scene.control.ScrollPane nearScroll = new javafx.scene.control.ScrollPane(neighbours);
        nearScroll.setId("neighboursScroll");
        nearScroll.setFitToWidth(true);
        nearScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        nearScroll.getStyleClass().add("edge-to-edge");
        Tab near = new Tab("Nearest examples", nearScroll);
        near.setId("neighboursTab");
        Tab moves = new Tab("How the answer moves", profile);
        moves.setId("profileTab");
        vm.nearestShownProperty().bind(near.selectedProperty());
        TabPane tabs = new TabPane(near, moves) {
            // the nearest examples whole (verdict, tiles with their labels, the index's line): the content above gives
            // way (the gallery scrolls; Draw's column scrolls as a whole)
            // (measured at the width the pane has: the status line wraps to more lines where it is narrow)
            @Override
            protected double computeMinHeight(double width) {
                Node header = lookup(".tab-header-area");
                double head = header instanceof javafx.scene.layout.Region r ? r.prefHeight(-1) : 0;
                // the content area's own padding and border around the pane
                double areaTop = 0, areaBottom = 0, areaSides = 0;
                if (lookup(".tab-content-area") instanceof javafx.scene.layout.Region area) {
                    areaTop = area.snappedTopInset();
                    areaBottom = area.snappedBottomInset();
                    areaSides = area.snappedLeftInset() + area.snappedRightInset();
                }
                double w = width > 0 ? width : getWidth();
                double inner = w > 0 ? w - snappedLeftInset() - snappedRightInset() - areaSides : -1;
                return snappedTopInset() + head + areaTop + neighbours.prefHeight(inner) + areaBottom + snappedBottomInset();
            }
        };
        tabs.setId("explainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // a new UI scale changes only the strip's text: the strip's height follows at once, not at the next tab opened
        io.digitstudio.ui.widgets.TabStrips.followFont(tabs);
        neighbours.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        VBox box = new VBox(0, content, tabs);
        // the least height follows the width (see computeMinHeight): a new width is a new layout for the column
        // (the tabs' own request: a parent keeps its least height until then)
        tabs.widthProperty().addListener((o, a, w) -> tabs.requestLayout());
        return box;
    }
}
