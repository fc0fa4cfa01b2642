package io.digitstudio.ui.app;

import io.digitstudio.ui.draw.DrawView;
import io.digitstudio.ui.draw.DrawViewModel;
import io.digitstudio.ui.samples.SamplesView;
import io.digitstudio.ui.samples.SamplesViewModel;
import io.digitstudio.ui.train.TrainView;
import io.digitstudio.ui.train.TrainViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** The window's content: the Train, Samples and Draw views as tabs, and the engine's status while it starts. */
public final class MainView extends BorderPane {
    private final TrainView train;
    private final SamplesView samples;
    private final DrawView draw;
    private final TabPane tabs;

    public MainView(AppContext context) {
        getStyleClass().add("main-view");
        train = new TrainView(new TrainViewModel(context), context);
        samples = new SamplesView(new SamplesViewModel(context));
        draw = new DrawView(new DrawViewModel(context), context);
        tabs = new TabPane(tab("_Train", "trainTab", train), tab("_Samples", "samplesTab", samples), tab("_Draw", "drawTab", draw));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        Label engine = new Label();
        engine.setId("engineStatus");
        engine.getStyleClass().add("engine-status");
        engine.textProperty().bind(context.engineStatusProperty());
        engine.visibleProperty().bind(context.engineStatusProperty().isNotEqualTo("Ready"));
        engine.managedProperty().bind(engine.visibleProperty());
        setTop(engine);
    }

    private static Tab tab(String title, String id, javafx.scene.Node content) {
        Tab t = new Tab(title.replace("_", ""), content);
        t.setId(id);
        return t;
    }

    public TrainView train() {
        return train;
    }

    public SamplesView samples() {
        return samples;
    }

    public DrawView draw() {
        return draw;
    }

    public TabPane tabs() {
        return tabs;
    }
}
