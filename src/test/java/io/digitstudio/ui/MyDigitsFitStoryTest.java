package io.digitstudio.ui;

import io.digitstudio.data.UnusualDigits;
import io.digitstudio.train.FineTune;
import io.digitstudio.ui.app.DigitStudioApp;
import io.digitstudio.ui.mydigits.MyDigitsViewModel;
import io.digitstudio.ui.widgets.Theme;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * My digits in the smallest window at 100 % and 150 %, as a new user's trial of issue 37 saw it after "Fine-tune on my
 * digits": the "before and after" panel and the status line say all they have to say, cut nowhere.
 */
class MyDigitsFitStoryTest extends AppStory {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app.showSmallest(stage);
    }

    private void scale(FxRobot robot, int scale) throws Exception {
        robot.interact(() -> {
            app.services.appearance().choose(Theme.LIGHT, scale);
            stage.setWidth(DigitStudioApp.MIN_WIDTH);
            stage.setHeight(DigitStudioApp.MIN_HEIGHT);
        });
        Pulses.settle(4);
    }

    /** A short fine-tuning on twelve digits of one hand (too few to keep enough aside: the panel's longest note). */
    private MyDigitsViewModel fineTune(FxRobot robot) throws Exception {
        app.awaitReady();
        for (UnusualDigits.Drawing d : UnusualDigits.make(4, 21)) app.myDigits.add(d.input(), d.label(), d.strokes(), "drawn");
        app.openTab(robot, "My digits");
        MyDigitsViewModel my = app.main.myDigits().viewModel();
        my.refresh();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> my.digits().size() == 12);
        my.setSettings(new FineTune.Settings(1, 0.005, 20, 1000, 0.3, 0));
        robot.clickOn("#fineTuneButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> my.proposalProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return my;
    }

    /** The trial at 150 %: "Fine-tuned: before and a...", heads "b..." and "a...", "your digits kept ...", "94...". */
    @Test
    void theBeforeAndAfterPanelIsWholeAt100And150Percent(FxRobot robot) throws Exception {
        fineTune(robot);
        List<String> wrong = new ArrayList<>();
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            Node pane = robot.lookup("#fineTunePane").query();
            robot.interact(() -> {
                assertTrue(Looks.onScreen(pane) && pane.isVisible(), "the panel shows");
                for (String c : Looks.cutIn(pane)) wrong.add(scale + " %: " + c);
                for (String c : Looks.clipped(stage.getScene())) if (c.contains("#fineTune") || c.contains("#mine") || c.contains("#mnist")) wrong.add(scale + " %: " + c);
            });
        }
        assertEquals(List.of(), wrong);
    }
}
