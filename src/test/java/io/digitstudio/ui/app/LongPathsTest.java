package io.digitstudio.ui.app;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Long paths in the window's messages, at 100 % and 150 % in the smallest window: they wrap between their folders,
 * never inside a name. A new user's trial of issue 37 read "…/models/fine-t" over "uned-20261206-225705.npz" in the
 * "Model saved" toast and "…/data/digitst" over "udio/runs/0b73e32a" in the question before a run is deleted.
 */
@ExtendWith(ApplicationExtension.class)
class LongPathsTest {
    private static final String MODEL = "/tmp/trial37a-home/data/digitstudio/models/fine-tuned-20261206-225705.npz";
    private static final String RUN = "/tmp/trial37a-home/data/digitstudio/runs/0b73e32a";
    private Stage stage;
    private FxDialogService dialogs;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        javafx.application.Application.setUserAgentStylesheet(io.digitstudio.ui.widgets.Theme.active().userAgentStylesheet());
        ToastLayer toasts = new ToastLayer((millis, task) -> {
        });
        javafx.scene.layout.BorderPane view = new javafx.scene.layout.BorderPane(new Label("the view"));
        stage.setScene(DigitStudioApp.createScene(view, toasts));
        dialogs = new FxDialogService(stage, toasts);
        stage.setWidth(DigitStudioApp.MIN_WIDTH);
        stage.setHeight(DigitStudioApp.MIN_HEIGHT);
        stage.show();
    }

    private void scale(FxRobot robot, int scale) {
        robot.interact(() -> stage.getScene().getRoot().setStyle(String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", Appearance.BASE_FONT_SIZE * scale / 100.0)));
    }

    /**
     * The text around each line break of {@code s} that does not follow a space or a '/' ({@code caretY} gives the
     * caret's height at an index), or none; and "one line" when nothing broke at all, so that the check meant something.
     */
    private static List<String> breaksInsideNames(String s, IntFunction<Double> caretY) {
        List<String> out = new ArrayList<>();
        double last = Double.NaN;
        int lines = 1;
        for (int i = 0; i < s.length(); i++) {
            double y = caretY.apply(i);
            if (Double.isNaN(y)) continue;
            if (!Double.isNaN(last) && y > last + 1) {
                lines++;
                char before = s.charAt(i - 1);
                if (!Character.isWhitespace(before) && before != '/') out.add(s.substring(Math.max(0, i - 12), i) + "⏎" + s.substring(i, Math.min(s.length(), i + 12)));
            }
            last = y;
        }
        if (lines == 1) out.add("one line: " + s);
        return out;
    }

    private static double y(PathElement[] caret) {
        return caret.length > 0 && caret[0] instanceof MoveTo m ? m.getY() : Double.NaN;
    }

    @Test
    void aSavedModelsPathWrapsBetweenItsFoldersInAToast(FxRobot robot) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            robot.interact(() -> dialogs.info("Model saved", MODEL));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                TextFlow flow = (TextFlow) robot.lookup(".toast-message").query();
                String all = flow.getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat);
                for (String b : breaksInsideNames(all, i -> y(flow.caretShape(i, true)))) wrong.add(scale + " %: " + b);
                Text body = (Text) robot.lookup(".toast-text").query();
                if (!io.digitstudio.ui.widgets.PathBreaks.plain(body.getText()).equals(MODEL)) wrong.add(scale + " %: the path shown as " + body.getText());
                robot.lookup("#toastCloseButton").queryButton().fire();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void aRunsFolderWrapsBetweenItsFoldersInTheQuestionBeforeItIsDeleted(FxRobot robot) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            Platform.runLater(() -> dialogs.confirm("Delete run 0b73e32a?", "Its folder (settings, log, models) is removed from disk: " + RUN, "Delete"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Node pane = robot.lookup(".dialog-pane").query();
                Label content = (Label) pane.lookup(".content");
                Text t = (Text) content.lookup(".text");
                for (String b : breaksInsideNames(t.getText(), i -> {
                    t.setCaretPosition(i);
                    return y(t.getCaretShape());
                })) wrong.add(scale + " %: " + b);
                t.setCaretPosition(-1);
                if (!io.digitstudio.ui.widgets.PathBreaks.plain(t.getText()).endsWith(RUN)) wrong.add(scale + " %: the folder shown as " + t.getText());
            });
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        }
        assertEquals(List.of(), wrong);
    }

    /**
     * The question before a run is deleted, with a run's folder as it is under a home folder: the folder starts a line
     * and stays whole on it where a line holds it, at 100 % and 150 % (a trial saw it break right after its first '/',
     * "… for good: /" over "home/…"); no line of the question is cut to "…".
     */
    @Test
    void aRunsFolderInTheDeleteQuestionStaysOnOneLineWhereItFits(FxRobot robot) throws Exception {
        String folder = "/home/ana/.local/share/digitstudio/runs/0b73e32a";
        String question = io.digitstudio.ui.runs.RunsViewModel.deleteQuestion(java.nio.file.Path.of(folder), "", "");
        List<String> wrong = new ArrayList<>();
        for (int scale : new int[]{100, 150}) {
            scale(robot, scale);
            Platform.runLater(() -> dialogs.confirm("Delete run 0b73e32a?", question, "Delete"));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                Label content = (Label) robot.lookup(".dialog-pane").query().lookup(".content");
                Text t = (Text) content.lookup(".text");
                String shown = t.getText();
                if (!io.digitstudio.ui.widgets.PathBreaks.plain(shown).equals(question)) wrong.add(scale + " %: the question shown as " + shown);
                String path = io.digitstudio.ui.widgets.PathBreaks.at(folder);
                int start = shown.indexOf(path);
                if (start < 0) {
                    wrong.add(scale + " %: no folder in " + shown);
                    return;
                }
                java.util.Set<Double> lines = new java.util.TreeSet<>();
                for (int i = start; i < start + path.length(); i++) {
                    t.setCaretPosition(i);
                    lines.add(y(t.getCaretShape()));
                }
                t.setCaretPosition(start + 2);
                double second = y(t.getCaretShape());
                t.setCaretPosition(start);
                double first = y(t.getCaretShape());
                t.setCaretPosition(-1);
                if (second > first + 1) wrong.add(scale + " %: the folder breaks right after its first '/'");
                Text measure = new Text(folder);
                measure.setFont(t.getFont());
                double needs = measure.getLayoutBounds().getWidth(), line = t.getWrappingWidth();
                if (needs <= line && lines.size() > 1) {
                    wrong.add(String.format(Locale.ROOT, "%d %%: the folder (%.0f px) takes %d lines of %.0f px", scale, needs, lines.size(), line));
                }
                if (needs > line) wrong.add(String.format(Locale.ROOT, "%d %%: the folder (%.0f px) is wider than the question's line (%.0f px)", scale, needs, line));
            });
            robot.type(javafx.scene.input.KeyCode.ESCAPE);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isEmpty());
        }
        assertEquals(List.of(), wrong);
    }
}
