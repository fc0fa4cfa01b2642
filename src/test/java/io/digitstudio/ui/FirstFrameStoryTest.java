package io.digitstudio.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window's first frame holds what the user sees, and no more: what it does not show (the lists' popups, the epoch
 * table's header and rows) comes right after it, where the first frame kept room for it, so nothing moves.
 */
class FirstFrameStoryTest extends AppStory {
    /** What the first frame held: read at the end of the pulse that lays the window out, when it is drawn. */
    private record Seen(boolean table, Bounds tableRoom, Map<String, Boolean> lists, Map<String, Bounds> listBounds,
                        java.util.List<String> inlineStyles, double tabFontSize, java.util.List<String> hiddenOfOurs) {
    }

    private volatile Seen first;

    @Start
    void start(Stage stage) {
        stage.sceneProperty().addListener((o, a, scene) -> {
            if (scene == null || first != null) return;
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                Node room = scene.lookup("#epochTableReserve");
                first = new Seen(scene.lookup("#epochTable") != null, room == null ? null : sceneBounds(room),
                        Map.of("#dataBox", holdsList(scene, "#dataBox"), "#networkPreset", holdsList(scene, "#networkPreset")),
                        Map.of("#dataBox", sceneBounds(scene.lookup("#dataBox")), "#networkPreset", sceneBounds(scene.lookup("#networkPreset"))),
                        inlineStyles(scene.getRoot(), new java.util.ArrayList<>()), ((javafx.scene.control.Labeled) scene.lookup(".tab-label")).getFont().getSize(),
                        hiddenOfOurs(scene.getRoot(), true, new java.util.ArrayList<>()));
            };
            scene.addPostLayoutPulseListener(once[0]);
        });
        app.show(stage);
    }

    /** The nodes that carry an inline style, each with its style, below and with {@code n}. */
    private static java.util.List<String> inlineStyles(Node n, java.util.List<String> found) {
        if (n.getStyle() != null && !n.getStyle().isBlank()) found.add(n + ": " + n.getStyle());
        if (n instanceof javafx.scene.Parent p) for (Node c : p.getChildrenUnmodifiable()) inlineStyles(c, found);
        return found;
    }

    /**
     * The hidden nodes the app put below and with {@code n} (not the parts JavaFX's skins make for a control: its
     * scroll bars, a tab's close button), each with the nodes under it, but those that are there while hidden for a
     * reason: a swatch the theme colours for a chart to read, a node that keeps its room in the layout (managed), and
     * an empty frame.
     */
    private static java.util.List<String> hiddenOfOurs(Node n, boolean shownAbove, java.util.List<String> found) {
        boolean shown = shownAbove && n.isVisible();
        if (shownAbove && !shown && !n.isManaged() && !swatch(n) && !(n instanceof javafx.scene.Parent p && p.getChildrenUnmodifiable().isEmpty())) {
            found.add(n + " (" + count(n) + " nodes)");
        }
        for (Node c : ours(n)) hiddenOfOurs(c, shown, found);
        return found;
    }

    private static boolean swatch(Node n) {
        return n.getStyleClass().stream().anyMatch(c -> c.endsWith("-swatch"));
    }

    /** The nodes the app put into {@code n}: a control's content, its tabs' content and its graphic, a pane's children. */
    private static java.util.List<Node> ours(Node n) {
        java.util.List<Node> in = new java.util.ArrayList<>();
        if (n instanceof javafx.scene.control.ScrollPane sp) {
            if (sp.getContent() != null) in.add(sp.getContent());
        } else if (n instanceof javafx.scene.control.TabPane tp) {
            for (javafx.scene.control.Tab t : tp.getTabs()) if (t.getContent() != null) in.add(t.getContent());
        } else if (n instanceof javafx.scene.control.Labeled l) {
            if (l.getGraphic() != null) in.add(l.getGraphic());
        } else if (!(n instanceof javafx.scene.control.Control) && n instanceof javafx.scene.Parent p) {
            in.addAll(p.getChildrenUnmodifiable());
        }
        return in;
    }

    private static int count(Node n) {
        int c = 1;
        if (n instanceof javafx.scene.Parent p) for (Node k : p.getChildrenUnmodifiable()) c += count(k);
        return c;
    }

    @Test
    void theFirstFrameHoldsNoHiddenNodeOfTheApps() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> first != null);
        // JavaFX styles and lays out a hidden node as a shown one: a notice, a field's message or a legend not shown
        // is made when it first shows
        assertEquals(java.util.List.of(), first.hiddenOfOurs(), "hidden nodes of the app in the first frame");
    }

    @Test
    void theFirstFrameParsesNoStyleTextAtTheUsualScale() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> first != null);
        // JavaFX parses an inline style as text (its CSS parser, before the window is shown), where every sheet of the
        // window comes in binary form (BinaryStylesheetsTest); at 100 % our sheet's .root rule sets the root's size
        assertEquals(java.util.List.of(), first.inlineStyles(), "nodes of the first frame with a style of their own");
        assertEquals(io.digitstudio.ui.app.Appearance.BASE_FONT_SIZE, first.tabFontSize(), 0.001, "the text's size at 100 %");
    }

    private static Bounds sceneBounds(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    /** Whether the list's popup list view is among its children (a skinned ComboBox keeps it there, hidden). */
    private static boolean holdsList(Scene scene, String id) {
        return ((ComboBox<?>) scene.lookup(id)).getSkin() instanceof ComboBoxListViewSkin<?> s && s.getPopupContent().getParent() == scene.lookup(id);
    }

    @Test
    void theEpochTableComesRightAfterTheFirstFrameInTheRoomItKept(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> first != null);
        assertFalse(first.table(), "the epoch table (about 60 nodes, empty) was styled and laid out for the first frame");
        assertNotNull(first.tableRoom(), "the first frame keeps the table's room");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#epochTableReserve").tryQuery().isEmpty(), "the kept room is given back");
        TableView<?> table = robot.lookup("#epochTable").queryAs(TableView.class);
        Bounds[] now = new Bounds[1];
        robot.interact(() -> now[0] = sceneBounds(table));
        assertEquals(first.tableRoom(), now[0], "the table comes in the place and at the size the first frame kept for it");
        assertTrue(table.isVisible());
        assertEquals(7, table.getColumns().size(), "the table's columns");
    }

    @Test
    void theListsPopupsJoinThemAfterTheFirstFrameAndNothingMoves(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> first != null);
        for (String id : first.lists().keySet()) {
            assertFalse(first.lists().get(id), id + "'s popup list view (two dozen nodes) was styled and laid out for the first frame");
        }
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : first.lists().keySet()) {
            boolean[] holds = new boolean[1];
            Bounds[] now = new Bounds[1];
            robot.interact(() -> {
                holds[0] = holdsList(robot.lookup(id).query().getScene(), id);
                now[0] = sceneBounds(robot.lookup(id).query());
            });
            assertTrue(holds[0], id + " holds its popup's list view after the first frame, as a ComboBox does");
            assertEquals(first.listBounds().get(id), now[0], id + " did not move or change its size");
        }
        // the list still opens, with every choice, and a choice is taken
        ComboBox<?> preset = robot.lookup("#networkPreset").queryAs(ComboBox.class);
        robot.clickOn(preset);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(preset.isShowing(), "the preset list opens");
        javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) ((ComboBoxListViewSkin<?>) preset.getSkin()).getPopupContent();
        assertEquals(preset.getItems().size(), list.getItems().size());
        robot.clickOn((Node) robot.lookup(".list-cell").match(org.testfx.matcher.control.LabeledMatchers.hasText("LeNet (CNN)")).query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("lenet", preset.getValue());
        assertFalse(preset.isShowing());
    }
}
