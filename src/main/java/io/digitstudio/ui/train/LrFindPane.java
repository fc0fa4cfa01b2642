package io.digitstudio.ui.train;

import io.digitstudio.train.LearningRates;
import io.digitstudio.ui.widgets.LiveChart;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Locale;

/**
 * The learning-rate finder in the Train view, in place of the training charts while it is open: what it does, its
 * progress with Cancel, the smoothed loss against the rate on a log axis with the suggested rate marked, and "Use this
 * rate", which fills the form's learning-rate field.
 */
final class LrFindPane extends VBox {
    LrFindPane(LrFindViewModel vm) {
        super(8);
        setId("lrFindPane");
        getStyleClass().add("lr-find-pane");
        setPadding(new Insets(8));

        Label title = new Label("Find a learning rate");
        title.getStyleClass().add("section");
        Label about = new Label(String.format(Locale.ROOT, "Trains a throw-away copy of the form's network with a rate rising from %s to %s,"
                + " one rate per iteration, and stops when the loss takes off. The suggestion is where the loss falls fastest (fast.ai's"
                + " steepest descent). Nothing is saved.", LearningRates.format(vm.range().start()), LearningRates.format(vm.range().end())));
        about.getStyleClass().add("hint");
        about.setWrapText(true);
        about.setMinHeight(Region.USE_PREF_SIZE);

        Button again = button("_Repeat", "lrFindAgainButton", "Search once more with the form's settings as they are now");
        again.setOnAction(e -> vm.find());
        again.disableProperty().bind(vm.runningProperty());
        Button cancel = button("Cance_l", "lrFindCancelButton", "Stop the search after the current iteration");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.runningProperty().not());
        Button use = button("Use t_his rate", "lrFindUseButton", "Put the suggested rate into the form's learning-rate field");
        use.getStyleClass().add("accent");
        use.setOnAction(e -> vm.useSuggestion());
        use.disableProperty().bind(vm.suggestionProperty().isNull().or(vm.runningProperty()));
        Button close = button("Do_ne", "lrFindCloseButton", "Back to the training charts (a search under way is cancelled)");
        close.setOnAction(e -> vm.close());
        FlowPane buttons = new FlowPane(8, 6, again, cancel, use, close);

        ProgressBar bar = new ProgressBar();
        bar.setId("lrFindProgress");
        io.digitstudio.ui.widgets.ScreenReader.describe(bar, "Learning-rate search progress", "How much of the search is done");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(160);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("lrFindStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox progress = new HBox(8, bar, status);
        progress.setAlignment(Pos.CENTER_LEFT);

        Label suggestion = new Label();
        suggestion.setId("lrFindSuggestion");
        suggestion.setWrapText(true);
        suggestion.getStyleClass().add("lr-suggestion");
        suggestion.textProperty().bind(Bindings.createStringBinding(() -> {
            LrFindViewModel.Suggestion s = vm.suggestionProperty().get();
            return s == null ? "" : "Suggested learning rate: " + LearningRates.format(s.rate()) + " (steepest descent); the minimum's rate / 10: "
                    + LearningRates.format(LrFindViewModel.rounded(s.minimumTenth()));
        }, vm.suggestionProperty()));
        suggestion.visibleProperty().bind(vm.suggestionProperty().isNotNull());
        suggestion.managedProperty().bind(suggestion.visibleProperty());

        LiveChart chart = new LiveChart("Loss against learning rate", "learning rate (log scale)", "smoothed loss");
        chart.setId("lrFindChart");
        chart.addSeries(vm.curve());
        chart.addSeries(vm.marker());
        chart.setMinSize(200, 160);
        // x is log10 of the rate: whole powers of ten as ticks, labelled with the rate
        chart.xLowerBoundProperty().set(Math.floor(Math.log10(vm.range().start())));
        chart.xUpperBoundProperty().set(Math.ceil(Math.log10(vm.range().end())));
        chart.xTickUnitProperty().set(1);
        chart.xTickFormatProperty().set(LrFindPane::rateTick);
        chart.readoutXProperty().set(v -> LearningRates.format(Math.pow(10, v)));
        VBox.setVgrow(chart, Priority.ALWAYS);

        getChildren().addAll(title, about, buttons, progress, suggestion, chart);
    }

    /** The label of a tick at log10(rate) {@code v}, a whole power of ten: "1e-4", "0.1", "1". */
    static String rateTick(double v) {
        return LearningRates.format(Math.pow(10, Math.round(v)));
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }
}
