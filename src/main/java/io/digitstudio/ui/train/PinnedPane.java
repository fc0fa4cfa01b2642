package io.digitstudio.ui.train;

import io.digitstudio.nn.Prediction;
import io.digitstudio.train.InputProbe;
import io.digitstudio.ui.pins.Pins;
import io.digitstudio.ui.widgets.DigitImages;
import io.digitstudio.ui.widgets.ProbabilityBars;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pinned digits under the training charts, each as the network sees it with its ten probabilities as the run's
 * network gives them, refreshed from the presenter's published value (every {@link TrainingFeed#PINS_EVERY}
 * iterations of a run at most); a ✕ removes a pin. Hidden while nothing is pinned.
 */
final class PinnedPane extends VBox {
    static final double IMAGE = 42;
    private final Pins pins;
    private final RunPresenter presenter;
    private final HBox row = new HBox(6);
    private final List<Cell> cells = new ArrayList<>();
    private List<String> classNames = io.digitstudio.data.ClassNames.numbers(10);

    PinnedPane(Pins pins, RunPresenter presenter) {
        super(2);
        this.pins = pins;
        this.presenter = presenter;
        setId("pinnedPane");
        Label title = new Label("Pinned digits");
        title.getStyleClass().add("section-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label state = new Label();
        state.setId("pinnedStatus");
        state.getStyleClass().add("hint");
        state.setMinWidth(0);
        state.setWrapText(true);
        state.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            InputProbe.Outputs o = presenter.pinnedProperty().get();
            return o == null ? "Start a run to watch the network learn them (their answers every " + TrainingFeed.PINS_EVERY + " iterations)"
                    : String.format(Locale.ROOT, "As the network reads them at iteration %,d (epoch %.2f)", o.iteration(), o.epochDetail());
        }, presenter.pinnedProperty()));
        HBox head = new HBox(10, title, state);
        head.setAlignment(Pos.CENTER_LEFT);
        // the bars change a few times a second during a run: only they are redrawn, not the row from a bitmap
        ScrollPane scroll = io.digitstudio.ui.widgets.LiveViewport.of(new ScrollPane(row));
        scroll.setId("pinnedScroll");
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        scroll.getStyleClass().add("edge-to-edge");
        row.setPadding(new Insets(2));
        // whole, never squeezed by the charts above: the charts give up the room
        scroll.setMinHeight(Region.USE_PREF_SIZE);
        setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(head, scroll);
        pins.list().addListener((ListChangeListener<Pins.Pin>) c -> rebuild());
        presenter.pinnedProperty().addListener((o, a, out) -> show(out));
        visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(pins.list()));
        managedProperty().bind(visibleProperty());
        rebuild();
    }

    /** The names of the run's classes (the bars' labels). */
    void setClasses(List<String> names) {
        if (names == null || names.isEmpty() || names.equals(classNames)) return;
        classNames = List.copyOf(names);
        for (Cell c : cells) {
            c.bars.setClasses(classNames);
            c.shown = null;
        }
        show(presenter.pinnedProperty().get());
    }

    private void rebuild() {
        row.getChildren().clear();
        cells.clear();
        for (int i = 0; i < pins.list().size(); i++) {
            Cell c = new Cell(i, pins.list().get(i));
            cells.add(c);
            row.getChildren().add(c.box);
        }
        show(presenter.pinnedProperty().get());
    }

    private void show(InputProbe.Outputs out) {
        for (Cell c : cells) {
            float[] p = null;
            if (out != null) {
                for (int i = 0; i < out.inputs().size(); i++) if (out.inputs().get(i) == c.pin.input()) p = out.probabilities()[i];
            }
            c.show(p);
        }
    }

    private final class Cell {
        final Pins.Pin pin;
        final ProbabilityBars bars = new ProbabilityBars().compact();
        final Label answer = new Label("–");
        final HBox box;

        Cell(int index, Pins.Pin pin) {
            this.pin = pin;
            ImageView image = new ImageView(DigitImages.of(pin.input()));
            image.setFitWidth(IMAGE);
            image.setFitHeight(IMAGE);
            image.setSmooth(false);
            Tooltip.install(image, new Tooltip(pin.caption()));
            answer.setId("pinAnswer-" + index);
            answer.setMinWidth(Region.USE_PREF_SIZE);
            Button remove = new Button("✕");
            remove.setId("unpin-" + index);
            remove.getStyleClass().add("small");
            remove.setMinWidth(Region.USE_PREF_SIZE);
            remove.setTooltip(new Tooltip("Remove this pin (" + pin.caption() + ")"));
            remove.setOnAction(e -> pins.remove(pin));
            VBox left = new VBox(2, image, answer);
            left.setAlignment(Pos.TOP_CENTER);
            left.setMinWidth(Region.USE_PREF_SIZE);
            bars.setId("pinBars-" + index);
            bars.setClasses(classNames);
            bars.setPrefSize(150, 84);
            bars.setMinSize(150, 84);
            box = new HBox(2, left, bars, remove);
            box.setMinHeight(Region.USE_PREF_SIZE);
            box.getStyleClass().add("pinned-digit");
            box.setId("pin-" + index);
        }

        /** The probabilities the bars show now, or null. */
        private float[] shown;

        void show(float[] p) {
            // a change under half a point moves no bar by a pixel, and relaying out eight charts several times a
            // second takes the FX thread's share of the cores from the run
            if (p != null && shown != null && p.length == shown.length && within(p, shown, 0.005f)) return;
            shown = p;
            if (p == null) {
                bars.show(null);
                answer.setText("–");
                return;
            }
            int best = 0;
            for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i;
            bars.show(new Prediction(best, p[best], p));
            answer.setText(io.digitstudio.data.ClassNames.of(classNames, best) + " " + Math.round(100 * p[best]) + "%");
        }

        private static boolean within(float[] a, float[] b, float tolerance) {
            for (int i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) >= tolerance) return false;
            return true;
        }
    }
}
