package io.digitstudio.ui.app;

import io.digitstudio.runs.sweep.Sweep;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The app opened again on the Sweeps tab, a sweep recorded, while the engine starts and the sweep's rows are read: a
 * trial saw the picker name the sweep beside a table saying "Start a sweep…" for seconds, and "Starting the engine…"
 * lying over the start of the Sweeps status line.
 */
@ExtendWith(ApplicationExtension.class)
class SweepsWhileTheEngineStartsTest {
    @TempDir
    Path dir;

    private final HeldEngineWindow window = new HeldEngineWindow();
    private AppServices services;
    private Sweep recorded;

    @Start
    void start(Stage stage) throws Exception {
        var history = new io.digitstudio.runs.RunStore(dir.resolve("runs"));
        var config = new io.digitstudio.train.TrainingConfig(1, 128, io.digitstudio.nn.NetworkSpec.of("tutorial"), "momentum-sgd",
                java.util.Map.of("lr", 0.01, "momentum", 0.9), 0, true, 200, 100, false);
        var template = new io.digitstudio.runs.RunSettings("", java.time.Instant.parse("2026-12-04T00:00:00Z"), "sweep", config,
                io.digitstudio.train.RunOptions.NONE, "MNIST", "MNIST (bundled)", "ab", 60000, 10000, "", "", java.util.Map.of());
        java.nio.file.Files.createDirectories(history.root());
        recorded = Sweep.plan(template, List.of(io.digitstudio.runs.sweep.Axis.parse("lr", "--lr", "0.1,0.01", false)), null, 0, 1).save(history.root());
        // the last session ended on the Sweeps tab
        LastSession last = LastSession.inMemory();
        last.tab("sweepsTab");
        services = window.open(stage, dir, history, last);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
    }

    /**
     * Every frame from the window's first to the one with the sweep's rows: no text of the Sweeps view lies under the
     * engine's line, and the picker names a sweep only beside a table that shows its rows or says it is loading it.
     */
    @Test
    void theViewNeverContradictsItselfNorHidesItsStatus(FxRobot robot) throws Exception {
        Set<String> wrong = new LinkedHashSet<>();
        var vm = services.main().sweeps().viewModel();
        javafx.scene.Scene scene = robot.lookup("#sweepTable").query().getScene();
        Runnable look = () -> wrong.addAll(seen(robot));
        robot.interact(() -> scene.addPostLayoutPulseListener(look));
        try {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> assertEquals("sweepsTab", services.main().tabs().getSelectionModel().getSelectedItem().getId()));
            robot.interact(() -> assertTrue(robot.lookup("#engineStatus").query().isVisible(), "the engine is starting"));
            window.startEngine();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> vm.rows().size() == 2
                    && !robot.lookup("#engineStatus").query().isVisible()).get());
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            robot.interact(() -> scene.removePostLayoutPulseListener(look));
        }
        robot.interact(() -> wrong.addAll(seen(robot)));
        assertEquals(List.of(), new ArrayList<>(wrong));
        robot.interact(() -> {
            assertEquals(recorded.id(), ((ComboBox<?>) robot.lookup("#sweepsBox").query()).getValue() instanceof Sweep s ? s.id() : null);
            assertTrue(robot.lookup("#sweepStatus").queryLabeled().getText().startsWith("Sweep " + recorded.id()));
        });
    }

    /**
     * Every frame from the window's first to the one with the sweep's rows, a sweep recorded: the view says it reads the
     * sweeps, then which one it loads, and never that there is none (the picker's "none yet", the table's "Start a
     * sweep", the state "Idle"). A relaunch showed those for as long as the reading waited, before "Loading sweep …".
     */
    @Test
    void withASweepRecordedTheViewNeverSaysThereIsNone(FxRobot robot) throws Exception {
        Set<String> wrong = new LinkedHashSet<>();
        var vm = services.main().sweeps().viewModel();
        javafx.scene.Scene scene = robot.lookup("#sweepTable").query().getScene();
        Runnable look = () -> wrong.addAll(saysNone(robot));
        robot.interact(() -> scene.addPostLayoutPulseListener(look));
        try {
            WaitForAsyncUtils.waitForFxEvents();
            // the reading waits for the engine, which waits for the story: the frame shown meanwhile
            robot.interact(look);
            robot.interact(() -> assertTrue(robot.lookup("#engineStatus").query().isVisible(), "the engine is starting"));
            assertEquals(List.of(), new ArrayList<>(wrong), "while the sweeps wait to be read");
            robot.interact(() -> assertEquals("Reading sweeps…", robot.lookup("#sweepStatus").queryLabeled().getText()));
            window.startEngine();
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> vm.rows().size() == 2).get());
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            robot.interact(() -> scene.removePostLayoutPulseListener(look));
        }
        robot.interact(look);
        assertEquals(List.of(), new ArrayList<>(wrong));
    }

    /** What of the frame shown now says there is no sweep (UI thread). */
    private static List<String> saysNone(FxRobot robot) {
        List<String> wrong = new ArrayList<>();
        ComboBox<?> box = robot.lookup("#sweepsBox").query();
        String picker = box.getButtonCell() == null ? "" : box.getButtonCell().getText();
        if (picker != null && picker.contains("none")) wrong.add("the picker says '" + picker + "'");
        TableView<?> table = robot.lookup("#sweepTable").query();
        if (table.getItems().isEmpty() && table.getPlaceholder() != null) {
            for (Node n : table.getPlaceholder().lookupAll(".label")) {
                String t = ((Labeled) n).getText();
                if (shown(n) && t != null && t.startsWith("Start a sweep")) wrong.add("the table says '" + t + "'");
            }
        }
        String state = robot.lookup("#sweepStateLabel").queryLabeled().getText();
        if ("Idle".equals(state)) wrong.add("the state says '" + state + "'");
        String status = robot.lookup("#sweepStatus").queryLabeled().getText();
        if (status != null && status.contains("no sweep")) wrong.add("the status says '" + status + "'");
        return wrong;
    }

    /** What is wrong in the frame shown now (UI thread). */
    private static List<String> seen(FxRobot robot) {
        List<String> wrong = new ArrayList<>();
        Node engineLine = robot.lookup("#engineStatus").query();
        if (shown(engineLine)) {
            Bounds over = engineLine.localToScene(engineLine.getLayoutBounds());
            Labeled status = robot.lookup("#sweepStatus").queryLabeled();
            Node text = status.lookup(".text");
            if (shown(status) && text != null && status.getText() != null && !status.getText().isEmpty()
                    && text.localToScene(text.getLayoutBounds()).intersects(over)) {
                wrong.add("'" + ((Labeled) engineLine).getText() + "' lies over the status '" + status.getText() + "'");
            }
        }
        ComboBox<?> box = robot.lookup("#sweepsBox").query();
        TableView<?> table = robot.lookup("#sweepTable").query();
        if (box.getValue() != null && table.getItems().isEmpty()) {
            String empty = table.getPlaceholder() == null ? "" : String.join(" ", table.getPlaceholder().lookupAll(".label").stream()
                    .filter(SweepsWhileTheEngineStartsTest::shown).map(n -> ((Labeled) n).getText()).toList());
            if (!empty.contains("Loading")) wrong.add("the picker names a sweep, the table says " + empty);
        }
        return wrong;
    }

    private static boolean shown(Node n) {
        for (; n != null; n = n.getParent()) if (!n.isVisible() || n.getOpacity() == 0) return false;
        return true;
    }
}
