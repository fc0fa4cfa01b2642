package io.digitstudio.ui;

import io.digitstudio.train.EpochReport;
import javafx.scene.Node;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.*;

/**
 * What the Train view's epoch table lays out while a run trains: a row comes at each epoch's end, and its cells are
 * the new ones to lay out. The rows already shown are as they were; laying them out again (their cells' styles
 * applied anew, their texts measured) is work taken from the training threads on two cores.
 */
class EpochTableWorkTest extends AppStory {
    private static final int EPOCHS = 12, COLUMNS = 7;

    @Start
    void start(Stage stage) {
        app.show(stage);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /**
     * Counts each time a cell of {@code table} asks to be laid out, from the end of the pulse that made it: a row's cells
     * made for a new epoch are laid out as they are made, and counted when they are laid out again.
     */
    private static final class CellLayouts {
        final Set<Node> watched = Collections.newSetFromMap(new IdentityHashMap<>());
        int count;

        void watch(TableView<?> table) {
            for (Node n : table.lookupAll(".table-cell")) {
                if (n instanceof javafx.scene.control.TableCell<?, ?> cell && watched.add(cell)) {
                    cell.needsLayoutProperty().addListener((o, was, is) -> {
                        if (is) count++;
                    });
                }
            }
        }
    }

    private static boolean verticalBar(TableView<?> table) {
        for (Node n : table.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL && b.isVisible()
                    && b.getParent() instanceof javafx.scene.control.skin.VirtualFlow<?>) return true;
        }
        return false;
    }

    private static EpochReport epoch(int e) {
        return EpochReport.of(e, 469L * e, 0.5 / e, 0.9 + e / 200.0, 0.45 / e, 0.91 + e / 200.0, 2.5, 0.1, 0.01);
    }

    /**
     * Each epoch's row comes into the table and the table shows its end in one pulse: the software pipeline renders and
     * uploads the whole window for every pulse that changes a node, and a scroll to the new row at the pump's next
     * tick was a frame of its own at every epoch's end, a full table or not.
     */
    @Test
    void anEpochsRowIsShownAtTheTablesEndInThePulseThatAddsIt(FxRobot robot) throws Exception {
        TableView<EpochReport> table = app.main.train().table();
        var presenter = app.main.train().presenter();
        robot.interact(() -> presenter.clear(EPOCHS, "A run"));
        Pulses.settle();
        javafx.scene.control.skin.VirtualFlow<?> flow = fx(() -> (javafx.scene.control.skin.VirtualFlow<?>) table.lookup(".virtual-flow"));
        // the newest row in view, at the table's end
        java.util.function.IntPredicate newestShown = rows -> {
            try {
                return fx(() -> flow.getLastVisibleCell() != null && flow.getLastVisibleCell().getIndex() == rows - 1);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        // more rows than the table shows: each new one comes below its end
        int full = 8;
        robot.interact(() -> {
            for (int e = 1; e <= full; e++) presenter.epochRows().add(epoch(e));
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> newestShown.test(full));
        Pulses.settle();
        assertTrue(fx(() -> verticalBar(table)), "the table scrolls");
        javafx.scene.Scene scene = fx(table::getScene);
        // pulses that laid out the table or its rows' flow (a new row, a scroll): each pulse's count is closed as the
        // next begins, so that what the pulse did after its layout pass (its post-layout listeners) is its own
        boolean[] laidOut = new boolean[1];
        int[] pulses = new int[1];
        Runnable count = () -> {
            if (laidOut[0]) pulses[0]++;
            laidOut[0] = false;
        };
        javafx.beans.value.ChangeListener<Boolean> ask = (o, was, is) -> laidOut[0] |= !is;
        robot.interact(() -> {
            table.needsLayoutProperty().addListener(ask);
            flow.needsLayoutProperty().addListener(ask);
            scene.addPreLayoutPulseListener(count);
        });
        List<Integer> perEpoch = new ArrayList<>();
        try {
            for (int e = full + 1; e <= EPOCHS; e++) {
                int n = e;
                int before = fx(() -> pulses[0]);
                // as the presenter shows an epoch's report, at a tick of the view's pump
                robot.interact(() -> presenter.epochRows().add(epoch(n)));
                WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> newestShown.test(n));
                Pulses.settle(1);
                perEpoch.add(fx(() -> pulses[0]) - before);
            }
        } finally {
            robot.interact(() -> {
                scene.removePreLayoutPulseListener(count);
                table.needsLayoutProperty().removeListener(ask);
                flow.needsLayoutProperty().removeListener(ask);
            });
        }
        System.out.println("epoch table: pulses that laid it out per added row, until its newest row was in view " + perEpoch);
        for (int e = 0; e < perEpoch.size(); e++) assertEquals(1, perEpoch.get(e), "pulses for row " + (full + 1 + e) + ": " + perEpoch);
    }

    /**
     * Counts the frames a scene hands to the renderer (the pulses that end with nodes to sync: the scene's dirty nodes,
     * read as {@code FxWork} reads them), and among them those that sync the scene's root alone: JavaFX marks the root
     * dirty when a pulse leaves styles to apply after its CSS pass, and the next pulse is a frame for nothing on screen.
     */
    private static final class Frames {
        private static final java.lang.reflect.Field DIRTY = field("dirtyNodes"), DIRTY_SIZE = field("dirtyNodesSize");
        final javafx.scene.Scene scene;
        int count;
        int rootAlone;
        final Runnable atEnd = this::atEnd;

        Frames(javafx.scene.Scene scene) {
            this.scene = scene;
        }

        private static java.lang.reflect.Field field(String name) {
            try {
                java.lang.reflect.Field f = javafx.scene.Scene.class.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private void atEnd() {
            try {
                int n = DIRTY_SIZE.getInt(scene);
                if (n == 0) return;
                count++;
                if (n == 1 && ((Node[]) DIRTY.get(scene))[0] == scene.getRoot()) rootAlone++;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * An epoch's row brings no frame of the scene's root alone after its own. With the software pipeline each frame is
     * rendered and uploaded whole; a row the table had no cell for got a new cell as the table laid itself out, after the
     * pulse's CSS pass, which left styles to apply: the next pulse was a frame of the root alone, tens of milliseconds
     * after each epoch's end while the table had room for more rows.
     */
    @Test
    void anEpochsRowBringsNoFrameOfTheRootAlone(FxRobot robot) throws Exception {
        TableView<EpochReport> table = app.main.train().table();
        var presenter = app.main.train().presenter();
        robot.interact(() -> presenter.clear(EPOCHS, "A run"));
        Pulses.settle();
        javafx.scene.Scene scene = fx(table::getScene);
        Frames frames = new Frames(scene);
        List<Integer> lone = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        try {
            for (int e = 1; e <= EPOCHS; e++) {
                int n = e;
                int before = fx(() -> frames.rootAlone);
                int framesBefore = fx(() -> frames.count);
                // as the presenter shows an epoch's report, at a tick of the view's pump; counted at the end of each
                // pulse, after the table's own listeners of that pulse
                robot.interact(() -> {
                    presenter.epochRows().add(epoch(n));
                    scene.removePostLayoutPulseListener(frames.atEnd);
                    scene.addPostLayoutPulseListener(frames.atEnd);
                });
                Pulses.settle();
                lone.add(fx(() -> frames.rootAlone) - before);
                all.add(fx(() -> frames.count) - framesBefore);
            }
        } finally {
            robot.interact(() -> scene.removePostLayoutPulseListener(frames.atEnd));
        }
        System.out.println("epoch table: frames per added row " + all + ", of the root alone " + lone);
        for (int e = 0; e < EPOCHS; e++) assertEquals(0, lone.get(e), "frames of the root alone after row " + (e + 1) + ": " + lone);
    }

    @Test
    void anEpochsRowLaysOutItsOwnCellsAndNotTheRowsBefore(FxRobot robot) throws Exception {
        TableView<EpochReport> table = app.main.train().table();
        var presenter = app.main.train().presenter();
        robot.interact(() -> presenter.clear(EPOCHS, "A run"));
        Pulses.settle();
        CellLayouts layouts = new CellLayouts();
        // each pulse's new cells are watched from its end on: a row made for an epoch lays out once it is watched
        javafx.scene.Scene scene = fx(table::getScene);
        Runnable watch = () -> layouts.watch(table);
        robot.interact(() -> {
            layouts.watch(table);
            scene.addPostLayoutPulseListener(watch);
        });
        List<Integer> perEpoch = new ArrayList<>();
        List<Boolean> barCame = new ArrayList<>();
        try {
            for (int e = 1; e <= EPOCHS; e++) {
                int before = fx(() -> layouts.count);
                boolean barBefore = fx(() -> verticalBar(table));
                int n = e;
                // as the presenter shows an epoch's report: one row added to the table's list
                robot.interact(() -> presenter.epochRows().add(epoch(n)));
                Pulses.settle();
                perEpoch.add(fx(() -> layouts.count) - before);
                barCame.add(!barBefore && fx(() -> verticalBar(table)));
            }
        } finally {
            robot.interact(() -> scene.removePostLayoutPulseListener(watch));
        }
        System.out.println("epoch table: cells laid out per added row " + perEpoch + ", the vertical bar came with row "
                + (barCame.indexOf(true) + 1));
        // a row's own cells, each laid out twice (its text set, then the text placed); the rows before it not again.
        // The row that brings the vertical scroll bar narrows the rows, and each row laid out lays out all its cells
        // (TableRowSkinBase): that one is left out here
        for (int e = 0; e < EPOCHS; e++) {
            if (barCame.get(e)) continue;
            assertTrue(perEpoch.get(e) <= 2 * COLUMNS, "row " + (e + 1) + " laid out " + perEpoch.get(e) + " cells: " + perEpoch);
        }
        // and the table shows them all, the newest in view
        Map<Integer, Double> heights = fx(() -> {
            Map<Integer, Double> h = new java.util.TreeMap<>();
            for (Node r : table.lookupAll(".table-row-cell")) {
                if (r instanceof IndexedCell<?> c && c.isVisible() && !c.isEmpty() && c.getIndex() >= 0) h.put(c.getIndex(), c.getHeight());
            }
            return h;
        });
        assertTrue(heights.containsKey(EPOCHS - 1), "the newest row is in view: " + heights.keySet());
        double line = fx(() -> io.digitstudio.ui.widgets.TableHeights.oneLine(table));
        for (var h : heights.entrySet()) assertTrue(h.getValue() + 0.5 >= line, "row " + h.getKey() + " is " + h.getValue() + " high, a line needs " + line);
    }
}
