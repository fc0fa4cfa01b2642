package io.digitstudio.ui.inside;

import io.digitstudio.nn.Inspector;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Prediction;
import io.digitstudio.train.LayerStats;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the Inside view shows, computed off the UI thread: the first layer's weights (the active model's, or a running
 * run's as it trains), and for one input (the drawn digit, a gallery image) every step's activations, the probabilities
 * and the saliency of the top class (and of the runner-up when the model hesitates); plus the run's health samples with
 * the warnings they call for. Nothing is computed while the view is hidden: the newest input waits until it is shown.
 */
public final class InsideViewModel {
    /** Below this top probability the model "hesitates": the runner-up's saliency is shown beside the winner's. */
    static final double HESITATION = 0.8;
    /** Health samples kept for the chart (the oldest go first). */
    static final int HEALTH_CAP = 2000;
    /** DL4J's rule of thumb: log10(update / parameter) near -3; far outside this band for a while is worth a warning. */
    static final double RATIO_LOW = -4.5;
    static final double RATIO_HIGH = -1.5;
    static final double DEAD_WARNING = 0.5;

    /** The weights to draw, and where they come from ("active model: built-in MLP", "training, epoch 1.40"). */
    public record Weights(Inspector.Tiles tiles, String source) {
    }

    /** One look at one input. {@code second} is null unless the model hesitates. */
    public record Look(String caption, float[] input, int[] inputShape, List<Inspector.Activation> activations, Prediction prediction,
                       List<String> classNames, float[] saliency, float[] second) {
    }

    private final TaskExecutor tasks;
    private final ModelManager models;
    private final ReadOnlyObjectWrapper<Weights> weights = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Look> look = new ReadOnlyObjectWrapper<>();
    private final ObservableList<LayerStats.Sample> health = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    static final String PROMPT = "Draw a digit or pick one in Samples to see inside the network";
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(PROMPT);
    private boolean visible;
    private float[] pendingInput;
    private String pendingCaption;
    private long generation;
    private boolean live;

    public InsideViewModel(TaskExecutor tasks, ModelManager models) {
        this.tasks = tasks;
        this.models = models;
        models.activeProperty().addListener((o, a, m) -> {
            live = false;
            refreshWeights();
            if (pendingInput != null) look(pendingInput, pendingCaption);
        });
    }

    /** The view is shown or hidden; shown, it catches up with the newest model and input. */
    public void setVisible(boolean v) {
        visible = v;
        if (v) {
            if (!live) refreshWeights();
            if (pendingInput != null) look(pendingInput, pendingCaption);
        }
    }

    private void refreshWeights() {
        if (!visible) return;
        ActiveModel m = models.activeProperty().get();
        if (m == null) return;
        tasks.compute(() -> Inspector.firstLayer(m.model())).whenComplete((t, err) -> {
            if (err == null && t != null && !live) weights.set(new Weights(t, "active model: " + m.name() + " (" + m.architecture() + ")"));
        });
    }

    /** A running run's weights (copied on its thread), shown instead of the active model's until another model is made active. */
    public void showLiveWeights(double epochDetail, Inspector.Tiles t) {
        live = true;
        weights.set(new Weights(t, String.format(Locale.ROOT, "training, epoch %.2f", epochDetail)));
    }

    /** Looks inside the active model at {@code input} (one example in the model's input shape). */
    public void look(float[] input, String caption) {
        pendingInput = input;
        pendingCaption = caption;
        if (!visible || input == null) return;
        ActiveModel m = models.activeProperty().get();
        if (m == null) return;
        Network net = m.model();
        if (net.inputSize() != input.length) {
            status.set("The active model takes " + net.inputSize() + " inputs; this image has " + input.length);
            return;
        }
        long mine = ++generation;
        tasks.compute(() -> {
            List<Inspector.Activation> acts = Inspector.activations(net, input);
            float[] scores = acts.get(acts.size() - 1).values();
            Prediction p = Prediction.ofScores(scores);
            int[] top = p.top(2);
            float[] s1 = Inspector.saliency(net, input, top[0]);
            float[] s2 = p.confidence() < HESITATION && top.length > 1 ? Inspector.saliency(net, input, top[1]) : null;
            return new Look(caption, input, net.inputShape(), acts, p, m.classNames(), s1, s2);
        }).whenComplete((l, err) -> {
            if (mine != generation) return;
            if (err != null) {
                status.set("Could not look inside: " + Messages.of(err));
                return;
            }
            look.set(l);
            String name = l.classNames().get(l.prediction().label());
            status.set(String.format(Locale.ROOT, "%s: %s at %.1f%%%s", l.caption(), name, 100 * l.prediction().confidence(),
                    l.second() == null ? "" : String.format(Locale.ROOT, " — hesitating with %s (%.1f%%)", l.classNames().get(l.prediction().top(2)[1]),
                            100 * l.prediction().probabilities()[l.prediction().top(2)[1]])));
        });
    }

    /**
     * Forgets the input looked at (the canvas it came from was cleared): nothing is shown for it, and a look still
     * being computed is dropped.
     */
    public void forget() {
        pendingInput = null;
        pendingCaption = null;
        generation++;
        look.set(null);
        status.set(PROMPT);
    }

    /** Adds health samples from a run; a sample from before the last one starts a new run's chart. */
    public void addHealth(List<LayerStats.Sample> samples) {
        if (samples.isEmpty()) return;
        if (!health.isEmpty() && samples.get(0).iteration() <= health.get(health.size() - 1).iteration()) health.clear();
        health.addAll(samples);
        if (health.size() > HEALTH_CAP) health.remove(0, health.size() - HEALTH_CAP);
        warning.set(warnings(health));
    }

    /**
     * What deserves a warning: a weight whose update:parameter ratio stayed far from 10^-3 for the last three samples
     * (too small: it barely learns; too large: it may diverge), or a ReLU step where most units never fire.
     */
    static String warnings(List<LayerStats.Sample> h) {
        if (h.isEmpty()) return "";
        List<String> out = new ArrayList<>();
        LayerStats.Sample last = h.get(h.size() - 1);
        Map<String, double[]> recent = new LinkedHashMap<>();
        for (int i = Math.max(0, h.size() - 3); i < h.size(); i++) {
            for (LayerStats.ParamStats p : h.get(i).params()) {
                if (!p.name().endsWith("W")) continue;
                double[] r = recent.computeIfAbsent(p.name(), k -> new double[]{Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
                r[0] = Math.min(r[0], p.log10Ratio());
                r[1] = Math.max(r[1], p.log10Ratio());
            }
        }
        if (h.size() >= 3) {
            recent.forEach((name, r) -> {
                if (r[1] < RATIO_LOW) out.add(String.format(Locale.ROOT, "%s barely changes (update:parameter 10^%.1f, usually about 10^-3: a higher learning rate?)", name, r[1]));
                else if (r[0] > RATIO_HIGH) out.add(String.format(Locale.ROOT, "%s changes fast (update:parameter 10^%.1f, usually about 10^-3: a lower learning rate?)", name, r[0]));
            });
        }
        last.dead().forEach((step, d) -> {
            if (d >= DEAD_WARNING) out.add(String.format(Locale.ROOT, "%s: %.0f%% of its units never fire (dead ReLUs)", step, 100 * d));
        });
        return String.join("; ", out);
    }

    public ReadOnlyObjectProperty<Weights> weightsProperty() { return weights.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Look> lookProperty() { return look.getReadOnlyProperty(); }
    public ObservableList<LayerStats.Sample> health() { return health; }
    /** The current warnings, one line ("" when all is well). */
    public ReadOnlyStringProperty warningProperty() { return warning.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
}
