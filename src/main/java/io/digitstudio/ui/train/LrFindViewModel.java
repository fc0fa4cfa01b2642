package io.digitstudio.ui.train;

import io.digitstudio.train.LearningRates;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.optim.Optimizers;
import io.digitstudio.train.LrFinder;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.widgets.DecimatedSeries;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Find learning rate…" in the Train view: fast.ai's finder ({@link LrFinder}, as {@code lr-find} runs it) on the
 * form's network, optimizer, batch size, seed and data, on the training worker. Each iteration's smoothed loss is
 * published to the UI thread as it comes, with the progress; at the end the two suggestions, and "Use this rate" puts
 * the suggested rate into the form's learning-rate field. Cancel stops the search after the current iteration. Nothing
 * is saved or recorded, and the form's weights are not involved: the finder trains a throw-away copy.
 */
public final class LrFindViewModel {
    /** What a finished search suggests, for the optimizer it searched. */
    public record Suggestion(String optimizer, double steepest, double minimumTenth, String stopReason) {
        /** The suggested rate to three significant digits, as shown and as put into the form (0.163, not 0.16297508…). */
        public double rate() {
            return rounded(steepest);
        }
    }

    /** {@code v} to three significant digits. */
    static double rounded(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3g", v));
    }

    private final TrainSettings settings;
    private final TaskExecutor tasks;
    private final LrFinder.Range range;
    /** The smoothed loss against log10 of the rate (the chart's log x axis). */
    private final DecimatedSeries curve = new DecimatedSeries("smoothed loss", 1000, false);
    /** A vertical line at the suggested rate. */
    private final DecimatedSeries marker = new DecimatedSeries("suggested rate", 4, false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Suggestion> suggestion = new ReadOnlyObjectWrapper<>();
    private final AtomicReference<TrainingLoop> loop = new AtomicReference<>();
    private volatile boolean cancelled;
    private double lowest;
    private double highest;

    public LrFindViewModel(TrainSettings settings, TaskExecutor tasks) {
        this(settings, tasks, LrFinder.Range.DEFAULT);
    }

    /** With another range than fast.ai's default (1e-6 to 1 over 100 iterations). */
    public LrFindViewModel(TrainSettings settings, TaskExecutor tasks, LrFinder.Range range) {
        this(settings, tasks, range, io.digitstudio.ui.core.CoreBudget.ofThisMachine());
    }

    /** With the cores the app shares with its sweeps: a search takes the engine's cores, and waits while a sweep holds them. */
    public LrFindViewModel(TrainSettings settings, TaskExecutor tasks, LrFinder.Range range, io.digitstudio.ui.core.CoreBudget budget) {
        this.settings = settings;
        this.tasks = tasks;
        this.range = range;
        this.budget = budget;
    }

    private final io.digitstudio.ui.core.CoreBudget budget;
    private static final String HOLDER = "lr-find";

    /**
     * Shows the finder and searches with the form's settings; a form that cannot train says why in the status and
     * searches nothing. Does nothing while a search runs.
     */
    public CompletableFuture<Suggestion> find() {
        shown.set(true);
        if (running.get()) return CompletableFuture.completedFuture(null);
        TrainingConfig c;
        try {
            c = settings.config();
        } catch (IllegalArgumentException e) {
            status.set("The form cannot train yet: " + Messages.capitalize(e.getMessage()));
            return CompletableFuture.completedFuture(null);
        }
        String busy = budget.refusal(HOLDER, io.digitstudio.nn.Cores.count(), "The search");
        if (busy != null) {
            status.set(busy + ": search " + budget.until(HOLDER));
            return CompletableFuture.completedFuture(null);
        }
        Path folder = settings.dataFolderProperty().get();
        curve.clear();
        marker.clear();
        suggestion.set(null);
        progress.set(-1);
        lowest = Double.POSITIVE_INFINITY;
        highest = Double.NEGATIVE_INFINITY;
        running.set(true);
        cancelled = false;
        status.set("Loading data…");
        String optimizer = c.optimizer();
        budget.take(HOLDER, io.digitstudio.nn.Cores.count(), "the learning-rate finder", "when the learning-rate finder ends or is closed");
        return tasks.train(() -> {
            Mnist.TrainTest all = Mnist.load(folder);
            LabeledImages train = all.train().limit(c.trainLimit(), "Training examples");
            LabeledImages test = all.test().limit(c.testLimit(), "Test examples");
            return LrFinder.find(c, train, test, null, range, p -> tasks.onUi(() -> show(p)), l -> {
                loop.set(l);
                if (cancelled) l.control().requestStop();
            });
        }).handle((r, err) -> {
            budget.give(HOLDER);
            running.set(false);
            loop.set(null);
            if (err != null) {
                progress.set(0);
                status.set("Could not search: " + Messages.of(err));
                return null;
            }
            progress.set(1);
            if (cancelled) {
                status.set(String.format(Locale.ROOT, "Cancelled after %,d of %,d rates; nothing to suggest", r.points().size(), range.iterations()));
                return null;
            }
            if (Double.isNaN(r.steepest())) {
                status.set("The loss rose from the first rates (" + r.stopReason() + "): no rate to suggest");
                return null;
            }
            Suggestion s = new Suggestion(optimizer, r.steepest(), r.minimumTenth(), r.stopReason());
            suggestion.set(s);
            double x = Math.log10(s.steepest());
            marker.addAll(java.util.List.of(new double[]{x, lowest}, new double[]{x, highest}));
            status.set("Stopped: " + (r.stopReason().startsWith("reached --end") ? "tried all " + String.format(Locale.ROOT, "%,d", range.iterations()) + " rates up to "
                    + LearningRates.format(range.end()) : r.stopReason()));
            return s;
        });
    }

    /** One iteration's point, on the UI thread. */
    private void show(LrFinder.Point p) {
        if (!Double.isFinite(p.smoothed())) return;
        curve.add(Math.log10(p.lr()), p.smoothed());
        lowest = Math.min(lowest, p.smoothed());
        highest = Math.max(highest, p.smoothed());
        progress.set((p.step() + 1) / (double) range.iterations());
        status.set(String.format(Locale.ROOT, "Rate %,d of at most %,d: lr %s, smoothed loss %.4f", p.step() + 1, range.iterations(),
                LearningRates.format(p.lr()), p.smoothed()));
    }

    /** Stops the search after the current iteration. */
    public void cancel() {
        if (!running.get()) return;
        cancelled = true;
        status.set("Cancelling…");
        TrainingLoop l = loop.get();
        if (l != null) l.control().requestStop();
    }

    /**
     * Puts the suggested rate into the form's learning-rate field; says so, or why not (another optimizer chosen since
     * the search). Returns whether it did.
     */
    public boolean useSuggestion() {
        Suggestion s = suggestion.get();
        if (s == null) return false;
        String now = settings.optimizerProperty().get();
        if (!s.optimizer().equals(now)) {
            status.set("The suggestion is for " + s.optimizer() + ", and the form now has " + now + ": search again");
            return false;
        }
        String key = Optimizers.learningRateKey(now);
        for (HyperParam h : settings.hyperparams()) {
            if (h.key().equals(key)) {
                h.text().set(HyperParam.format(s.rate()));
                status.set("The form's " + h.label() + " is now " + LearningRates.format(s.rate()));
                return true;
            }
        }
        return false;
    }

    /** Hides the finder (a search under way is cancelled). */
    public void close() {
        cancel();
        shown.set(false);
    }

    /** The rates the finder runs through. */
    public LrFinder.Range range() { return range; }
    /** The smoothed loss against log10 of the rate. */
    public DecimatedSeries curve() { return curve; }
    /** A vertical line at the suggested rate (empty until there is one). */
    public DecimatedSeries marker() { return marker; }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** Whether the Train view shows the finder in place of the training charts. */
    public ReadOnlyBooleanProperty shownProperty() { return shown.getReadOnlyProperty(); }
    /** From 0 to 1 as the rates are tried; −1 while the data loads. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The last search's suggestion, or null. */
    public ReadOnlyObjectProperty<Suggestion> suggestionProperty() { return suggestion.getReadOnlyProperty(); }
}
