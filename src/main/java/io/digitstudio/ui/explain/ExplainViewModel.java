package io.digitstudio.ui.explain;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.explain.AnswerProfile;
import io.digitstudio.explain.FeatureSpace;
import io.digitstudio.explain.IndexCache;
import io.digitstudio.explain.NearestSearch;
import io.digitstudio.explain.Neighbour;
import io.digitstudio.explain.NeighbourIndex;
import io.digitstudio.explain.Neighbourhood;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What explains the answer for one input (the drawn digit, an opened image, a picked sample): its nearest training
 * examples and its answer profile. Each model's index is built once, on the background worker, and kept in the
 * {@link IndexCache}; until it is ready the profile shows and the neighbours say how far the build is. Queries run on
 * the compute worker; while one is in flight a newer input waits, and only the newest input's answer is shown.
 */
public final class ExplainViewModel {
    public static final int K = 8;

    /**
     * The neighbours as shown: the input they are the neighbours of (the very array given to {@link #look}), who they
     * are, their images, and the line that sums them up.
     */
    public record Shown(float[] input, Neighbourhood neighbourhood, List<float[]> images, String verdict, String space, double millis) {
    }

    private final TaskExecutor tasks;
    private final ModelManager models;
    private final NeighbourIndexes indexes;
    private final BooleanProperty pixels = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Shown> neighbours = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AnswerProfile> profile = new ReadOnlyObjectWrapper<>();
    /** What the pane holds, before there is an input (the Draw view's canvas asks for one; Samples sets its own). */
    private String prompt = "The training examples nearest to the drawing come here";
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(prompt);
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");

    private float[] input;
    private boolean inFlight;
    private boolean dirty;
    private long requests;

    public ExplainViewModel(TaskExecutor tasks, ModelManager models, IndexCache cache, Supplier<LabeledImages> train) {
        this(tasks, models, new NeighbourIndexes(tasks, cache, train));
    }

    /** With {@code indexes} shared with the other views that explain, so each model's index is built and held once. */
    public ExplainViewModel(TaskExecutor tasks, ModelManager models, NeighbourIndexes indexes) {
        this.tasks = tasks;
        this.models = models;
        this.indexes = indexes;
        models.activeProperty().addListener((o, a, m) -> {
            neighbours.set(null);
            refresh();
        });
        pixels.addListener((o, a, b) -> refresh());
        nearestShown.addListener((o, a, shown) -> {
            if (shown) refresh();
        });
        indexes.messageProperty().addListener((o, a, m) -> {
            if (!m.isEmpty()) status.set(m);
        });
        indexes.whenDone(() -> {
            ActiveModel model = models.activeProperty().get();
            if (model != null && indexes.index(model) != null && input != null) refresh();
            else if (input == null && indexes.messageProperty().get().isEmpty()) status.set(prompt);
        });
    }

    /** What the neighbours' pane says while there is nothing to explain ("Pick an image to see…"). */
    public void setPrompt(String text) {
        boolean showing = status.get().equals(prompt);
        prompt = text;
        if (showing) status.set(text);
    }

    /**
     * Whether the nearest examples are on screen (their tab is the one selected). The index, a minute of one core for
     * a big model, is built only once they are, and after the answer they explain has been shown.
     */
    private final javafx.beans.property.BooleanProperty nearestShown = new javafx.beans.property.SimpleBooleanProperty(true);

    public javafx.beans.property.BooleanProperty nearestShownProperty() {
        return nearestShown;
    }

    /** Explains {@code x} (a 28x28 input), named {@code what} ("the drawn digit"); null clears. */
    public void look(float[] x, String what) {
        input = x;
        subject.set(x == null ? "" : what);
        if (x == null) {
            neighbours.set(null);
            profile.set(null);
            ActiveModel m = models.activeProperty().get();
            if (m != null && indexes.index(m) != null || pixels.get() || indexes.progressProperty().get() < 0) status.set(prompt);
            return;
        }
        refresh();
    }

    private void refresh() {
        ActiveModel model = models.activeProperty().get();
        if (model == null || input == null) return;
        if (model.model().inputSize() != 784) {
            status.set("Nearest examples need a model that reads 28×28 images");
            return;
        }
        if (inFlight) {
            dirty = true;
            return;
        }
        inFlight = true;
        dirty = false;
        long id = ++requests;
        float[] x = input;
        boolean px = pixels.get();
        NeighbourIndex idx = indexes.index(model);
        FeatureSpace fs = indexes.space();
        NeighbourIndexes source = indexes;
        List<String> names = model.classNames();
        tasks.compute(() -> {
            AnswerProfile prof = AnswerProfile.of(model.predictor(), x, 28);
            NearestSearch search = px ? source.pixels() : idx;
            Shown shown = null;
            if (search != null) {
                float[] q = px ? x : fs.features(x);
                long t0 = System.nanoTime();
                List<Neighbour> near = search.nearest(q, K);
                double ms = (System.nanoTime() - t0) / 1e6;
                LabeledImages t = source.train();
                List<float[]> images = new ArrayList<>();
                for (Neighbour n : near) {
                    float[] img = new float[t.featureSize()];
                    t.copyFeatures(n.index(), img, 0);
                    images.add(img);
                }
                Neighbourhood h = new Neighbourhood(near, prof.original().label(), px);
                shown = new Shown(x, h, images, h.verdict(names), px ? "pixels" : fs.describe(), ms);
            }
            return new Result(prof, shown);
        }).whenComplete((r, err) -> {
            inFlight = false;
            if (dirty) {
                refresh();
                return;
            }
            if (id != requests || model != models.activeProperty().get()) return;
            if (err != null) {
                status.set("Could not explain: " + Messages.of(err));
                return;
            }
            profile.set(r.profile());
            if (r.shown() != null) {
                neighbours.set(r.shown());
                status.set(String.format(Locale.ROOT, "Nearest %d of %,d training images in %s · %.1f ms", K, indexes.train().size(), r.shown().space(), r.shown().millis()));
            } else {
                neighbours.set(null);
            }
            // the answer first: the index is built once it and the profile are shown
            if (nearestShown.get() && !pixels.get() && !indexes.covers(model)) indexes.build(model);
        });
    }

    private record Result(AnswerProfile profile, Shown shown) {
    }

    /** Stops a build in progress (the app closes). */
    public void cancel() {
        indexes.cancel();
    }

    /** Compare in pixel space rather than the network's features. */
    public BooleanProperty pixelsProperty() { return pixels; }
    /** The neighbours of the newest input, or null while there are none (no input, index not ready). */
    public ReadOnlyObjectProperty<Shown> neighboursProperty() { return neighbours.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<AnswerProfile> profileProperty() { return profile.getReadOnlyProperty(); }
    /** What the neighbours' pane says under them: the search's time, the build's progress, or a problem. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The build's progress in [0, 1], or -1 when no build runs. */
    public ReadOnlyDoubleProperty progressProperty() { return indexes.progressProperty(); }
    /** What is explained: "the drawn digit", "test image 12". */
    public ReadOnlyStringProperty subjectProperty() { return subject.getReadOnlyProperty(); }
    /** The index's size and how it came (built, or read from the cache). */
    public ReadOnlyStringProperty indexInfoProperty() { return indexes.infoProperty(); }

    /** The names the active model gives its classes. */
    public List<String> classNames() {
        ActiveModel m = models.activeProperty().get();
        return m == null ? io.digitstudio.data.ClassNames.numbers(10) : m.classNames();
    }
}
