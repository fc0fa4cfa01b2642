package io.digitstudio.ui.draw;

import io.digitstudio.data.DataException;
import io.digitstudio.data.GreyImage;
import io.digitstudio.data.PenStroke;
import io.digitstudio.data.RgbImage;
import io.digitstudio.data.StrokeRasterizer;
import io.digitstudio.data.ImageFiles;
import io.digitstudio.nn.Prediction;
import io.digitstudio.read.NumberReader;
import io.digitstudio.read.Reading;
import io.digitstudio.ui.core.DialogService;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import io.digitstudio.ui.model.ActiveModel;
import io.digitstudio.ui.model.ModelManager;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The canvas's state: the strokes (or an opened image), the pen, how the canvas looks, and the active model's prediction.
 * Predictions run on the compute worker: the strokes are rendered, prepared MNIST-style and classified there; only the
 * newest request's answer is shown, and while drawing at most one request is in flight. Several digits side by side
 * are read as a number: the {@link #readingProperty() reading} then holds each digit with its box, the single
 * prediction is empty (a number has no one guess to keep), and the {@link #selectedDigitProperty() selected} digit's
 * probabilities and input are what {@link #shownPredictionProperty()} and {@link #inputProperty()} hold. Every change
 * of the canvas (a stroke, a clear, an opened picture) can be undone.
 */
public final class DrawViewModel {
    public static final int CANVAS = 320;
    static final long LIVE_INTERVAL_NANOS = 80_000_000L;
    public static final String HINT = "Draw a digit";
    /** What the answer shows while there is none. */
    public static final String NO_ANSWER = "–";
    /** Changes kept for Undo. */
    static final int UNDO_DEPTH = 200;

    /** What the canvas held: its strokes, or an opened picture (with the file it came from). */
    private record Canvas(List<PenStroke> strokes, RgbImage picture, GreyImage image, String imageName, Path imagePath) {
    }

    private final TaskExecutor tasks;
    private final DialogService dialogs;
    private final ModelManager models;
    private final ObservableList<PenStroke> strokes = FXCollections.observableArrayList();
    private final List<double[]> current = new ArrayList<>();
    /**
     * How the canvas looks: MNIST's white on black, or (false, the default) the theme's colours. Only the looks: the
     * strokes are rendered white on black for the network whatever the canvas shows, so its input never depends on it.
     */
    private final BooleanProperty mnistCanvas = new SimpleBooleanProperty(false);
    private final DoubleProperty penWidth = new SimpleDoubleProperty(22);
    private final ReadOnlyObjectWrapper<GreyImage> image = new ReadOnlyObjectWrapper<>();
    /** The opened picture in colour (what is read); {@link #image} is its grey view for the canvas. */
    private RgbImage picture;
    private final ReadOnlyObjectWrapper<Reading> reading = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Prediction> prediction = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<float[]> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Preparation> preparation = new ReadOnlyObjectWrapper<>();
    private List<Preparation> preparations = List.of();
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(HINT);
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper();
    private final ReadOnlyDoubleWrapper latencyMillis = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ReadOnlyObjectWrapper<Prediction> shownPrediction = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper selectedDigit = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyStringWrapper answer = new ReadOnlyStringWrapper(NO_ANSWER);
    /** Under the answer: its confidence, or why there is none; nothing while the empty canvas asks for a digit. */
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    /** What the canvas held before each change, newest last: Undo goes back one change. */
    private final ObservableList<Canvas> history = FXCollections.observableArrayList();
    /** Counts the canvas's changes, so that a second Keep of the same drawing is recognised. */
    private long version;
    private long keptVersion = -1;
    private String keptText;
    /**
     * The answer and its figure shown when the Keep line was said: the line speaks of that answer, so another one (from
     * another model in use) takes it away as a changed canvas does.
     */
    private String keptUnder;
    private final AtomicLong requests = new AtomicLong();
    /** The request whose answer is shown (a live answer while drawing may be overtaken by the pen-up one). */
    private volatile long answered;
    private volatile boolean inFlight;
    /**
     * True from the request for what the canvas holds until its answer (or a newer canvas's, or a clear): under load the
     * answer shown is then for an older drawing, and the view says a newer one is coming.
     */
    private final javafx.beans.property.ReadOnlyBooleanWrapper pending = new javafx.beans.property.ReadOnlyBooleanWrapper();
    private long lastLive;
    /**
     * What the canvas waits for while a picture is opened ("Opening photo.png…"): its file read and the number in it
     * read, which take seconds under load; null the rest of the time.
     */
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper();
    private final javafx.beans.property.ReadOnlyBooleanWrapper busy = new javafx.beans.property.ReadOnlyBooleanWrapper();
    /** The request whose answer ends the wait for an opened picture; none while there is no such wait. */
    private long awaited = Long.MAX_VALUE;

    public DrawViewModel(TaskExecutor tasks, DialogService dialogs, ModelManager models) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.models = models;
        models.activeProperty().addListener((o, a, m) -> {
            showModel();
            predict();
        });
        models.loadingProperty().addListener((o, a, name) -> showModel());
        showModel();
    }

    /** Names the model in use, or while a launch loads the one to use, that one (the built-in model may come first). */
    private void showModel() {
        String loading = models.loadingProperty().get();
        ActiveModel m = models.activeProperty().get();
        if (loading != null) modelText.set("Loading " + loading + "…");
        else if (m != null) modelText.set("Model: " + m.describe());
        else modelText.set("No model");
    }

    public void beginStroke(double x, double y) {
        if (busy.get()) return; // the picture being opened would replace the stroke
        // a drawing kept in My digits is done with: the next stroke starts the next digit on a clear canvas (Undo
        // brings the kept one back), so that no digit is kept drawn over the one before it
        boolean kept = keptVersion == version;
        remember();
        if (kept) strokes.clear();
        image.set(null);
        current.clear();
        current.add(new double[]{x, y});
    }

    public void extendStroke(double x, double y) {
        if (current.isEmpty()) return;
        current.add(new double[]{x, y});
        long now = System.nanoTime();
        if (!inFlight && now - lastLive > LIVE_INTERVAL_NANOS) {
            lastLive = now;
            predict();
        }
    }

    public void endStroke() {
        if (current.isEmpty()) return;
        strokes.add(new PenStroke(current, penWidth.get()));
        current.clear();
        predict();
    }

    /**
     * Whether the answer shown is the one for everything on the canvas: no stroke is under way and no newer request
     * waits (an answer shown while drawing is for part of the strokes).
     */
    public boolean answersTheCanvas() {
        return current.isEmpty() && answered == requests.get();
    }

    /** The stroke being drawn, for the view to paint. */
    public List<double[]> currentStroke() {
        return current;
    }

    /** Where a drawing the user keeps goes (the app hands it to My digits). */
    @FunctionalInterface
    public interface Collector {
        /**
         * {@code source}: the image file the digit was read from, or null for a drawing. Completes (on the UI thread)
         * when the digit is kept; fails with {@link io.digitstudio.mydigits.MyDigits.Duplicate} when the collection
         * already holds the same digit.
         */
        java.util.concurrent.CompletionStage<?> collect(float[] input, int label, List<PenStroke> strokes, String origin, Path source);
    }

    private Collector collector;
    private String imageName;
    private Path imagePath;
    private final javafx.beans.property.ReadOnlyStringWrapper collected = new javafx.beans.property.ReadOnlyStringWrapper("");

    public void setCollector(Collector c) {
        this.collector = c;
    }

    /** Gives a digit kept from this canvas another label (the app hands it to My digits). */
    @FunctionalInterface
    public interface Relabeller {
        /** Null once relabelled; else why the collection cannot change now (a fine-tuning learns from it). */
        String relabel(io.digitstudio.mydigits.MyDigit kept, int label);
    }

    private Relabeller relabeller;
    /** The digit kept from the canvas as it is now, once the collection has it; null before, or for another canvas. */
    private io.digitstudio.mydigits.MyDigit keptDigit;

    public void setRelabeller(Relabeller r) {
        this.relabeller = r;
    }

    /** Keeps what is on the canvas with the label the model gave it ("Keep": the model was right). */
    public boolean keep() {
        Prediction p = prediction.get();
        return p != null && collect(p.label(), "Kept");
    }

    /** Keeps what is on the canvas with the label the user says it is ("Correct": one key, 0-9). */
    public boolean correct(int label) {
        if (prediction.get() == null || label < 0 || label >= prediction.get().probabilities().length) return false;
        // a digit key after Keep corrects what was kept, as the hint beside Keep ("Wrong? Press the right digit")
        // invites; Enter again, or the same digit, only says where it is
        if (keptVersion == version && keptDigit != null && relabeller != null && label != keptDigit.label()) {
            String refused = relabeller.relabel(keptDigit, label);
            if (refused != null) {
                say(refused);
                return true;
            }
            keptDigit = new io.digitstudio.mydigits.MyDigit(keptDigit.id(), label, keptDigit.pixels(), keptDigit.strokes(),
                    keptDigit.origin(), keptDigit.added());
            String name = className(label);
            keptText = "Already kept: this " + (imageName == null ? "drawing" : "picture") + " is in My digits as " + name;
            say("Corrected: now in My digits as " + name);
            return true;
        }
        return collect(label, prediction.get().label() == label ? "Kept" : "Corrected");
    }

    private boolean collect(int label, String verb) {
        float[] x = input.get();
        if (x == null || collector == null) return false;
        String name = className(label);
        if (keptVersion == version) {
            say(keptText);
            return true;
        }
        keptVersion = version;
        keptDigit = null;
        keptText = "Already kept: this " + (imageName == null ? "drawing" : "picture") + " is in My digits as " + name;
        // said at once (the save takes a moment on the worker); a failure or a duplicate replaces it with why
        say(verb + ": added to My digits as " + name);
        long at = version;
        collector.collect(x, label, List.copyOf(strokes), imageName == null ? "drawn" : "image " + imageName, imageName == null ? null : imagePath)
                .whenComplete((d, err) -> {
                    if (at != version) return; // the canvas has moved on: its own text is shown
                    if (err == null && d instanceof io.digitstudio.mydigits.MyDigit kept) keptDigit = kept;
                    if (err != null) {
                        String why = Messages.of(err);
                        keptText = Messages.capitalize(why);
                        if (!(unwrap(err) instanceof io.digitstudio.mydigits.MyDigits.Duplicate)) keptVersion = -1; // a failed save may be tried again
                        say(keptText);
                    }
                });
        return true;
    }

    /** Says what a Keep or a Correct did, under the answer shown now. */
    private void say(String text) {
        keptUnder = shownAnswer();
        collected.set(text);
    }

    private String shownAnswer() {
        return answer.get() + " · " + detail.get();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof java.util.concurrent.CompletionException || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private final io.digitstudio.ui.pins.PinSlot pinSlot = new io.digitstudio.ui.pins.PinSlot();

    /** Where Pin puts the digit on the canvas (the app's pinned digits). */
    public void setPins(io.digitstudio.ui.pins.Pins p) {
        pinSlot.connect(p);
    }

    /** The app's pinned digits, or null when this view has none to pin to. */
    public io.digitstudio.ui.pins.Pins pins() {
        return pinSlot.pins();
    }

    /**
     * Pins the digit shown (the only one, or the selected digit of a number) as the network sees it, so that the Train
     * view shows how a run learns it; false when there is nothing to pin, or the pins are full or hold it already
     * ({@link #pinnedProperty()} says which).
     */
    public boolean pin() {
        float[] x = input.get();
        if (x == null || pinSlot.pins() == null) return false;
        Reading r = reading.get();
        String what = imageName == null ? "drawing" : "image " + imageName;
        if (r != null && r.digits().size() > 1) what = "digit " + (selectedDigit.get() + 1) + " of the " + what;
        return pinSlot.pin(x, what);
    }

    /** What the last Pin did or why it could not ("" after the canvas changes). */
    public javafx.beans.property.ReadOnlyStringProperty pinnedProperty() {
        return pinSlot.saidProperty();
    }

    /** What the last Keep or Correct did ("" after the canvas changes). */
    public javafx.beans.property.ReadOnlyStringProperty collectedProperty() {
        return collected.getReadOnlyProperty();
    }

    /** Clears the canvas; {@link #undo()} brings back what it held. */
    public void clear() {
        if (busy.get()) return; // the picture being opened replaces the canvas: what it holds now stays for Undo
        current.clear();
        if (strokes.isEmpty() && image.get() == null) return;
        remember();
        strokes.clear();
        image.set(null);
        predict();
    }

    /** Takes back the last change: a stroke, a clear, or an opened picture. */
    public void undo() {
        if (history.isEmpty() || busy.get()) return;
        Canvas c = history.remove(history.size() - 1);
        current.clear();
        picture = c.picture();
        imageName = c.imageName();
        imagePath = c.imagePath();
        image.set(c.image());
        strokes.setAll(c.strokes());
        version++;
        predict();
    }

    /** Keeps what the canvas holds now for Undo, before it changes. */
    private void remember() {
        history.add(new Canvas(List.copyOf(strokes), picture, image.get(), imageName, imagePath));
        if (history.size() > UNDO_DEPTH) history.remove(0);
        version++;
    }

    /** True when there is a change to undo. */
    public javafx.beans.binding.BooleanExpression canUndoProperty() {
        return javafx.beans.binding.Bindings.isNotEmpty(history);
    }

    private static final String OPEN_FAILED = "Could not open image";

    /**
     * An opened picture is read at about this many pixels at most (subsampled while it is decoded): the canvas shows
     * it a few hundred pixels wide, and a camera's 24 megapixels read at the command line's size (8) ran the window out
     * of memory between the canvas's image and the reading's copies of it.
     */
    static final long PICTURE_PIXELS = 2_000_000L;

    /** Classifies an image file through the same path as a drawing; a bad file leaves the canvas as it was. */
    public void classifyImage(Path file) {
        // one picture at a time: a second one (a drop while the first is read) would race it to the canvas
        if (busy.get()) return;
        // a file that would not open before is old news once another is opened: its error toast would stay over the
        // answer to this one (and a second failure says its own)
        dialogs.withdraw(OPEN_FAILED);
        busyWith("Opening " + file.getFileName() + "…");
        tasks.compute(() -> ImageFiles.readRgb(file, PICTURE_PIXELS)).whenComplete((img, err) -> {
            if (err != null) {
                busyWith(null);
                dialogs.error(OPEN_FAILED, Messages.of(err));
                return;
            }
            remember();
            strokes.clear();
            current.clear();
            imageName = String.valueOf(file.getFileName());
            imagePath = file;
            picture = img;
            image.set(img.grey());
            // the wait ends with the answer for the picture (or a newer one), which show() gives
            awaited = requests.get() + 1;
            predict();
        });
    }

    /** Starts a wait that says {@code what}, or with null ends it. */
    private void busyWith(String what) {
        if (what == null) awaited = Long.MAX_VALUE;
        busyText.set(what);
        busy.set(what != null);
    }

    /** Requests a prediction for what is on the canvas now. FX thread. */
    public void predict() {
        ActiveModel model = models.activeProperty().get();
        RgbImage picture = image.get() == null ? null : this.picture;
        List<PenStroke> all = new ArrayList<>(strokes);
        if (current.size() > 0) all.add(new PenStroke(current, penWidth.get()));
        long id = requests.incrementAndGet();
        if (picture == null && all.isEmpty()) {
            answered = id;
            pending.set(false);
            show(null, HINT);
            return;
        }
        if (model == null) {
            answered = id;
            pending.set(false);
            show(null, "Starting… the model is still loading");
            return;
        }
        inFlight = true;
        pending.set(true);
        tasks.compute(() -> {
            long t0 = System.nanoTime();
            // white ink on black, as MNIST's digits, whatever the canvas looks like (mnistCanvas): the same strokes
            // give the network the same input in every theme
            RgbImage src = picture != null ? picture : RgbImage.of(StrokeRasterizer.render(all, CANVAS, CANVAS, true));
            try {
                List<io.digitstudio.read.DigitPreprocessor.Stage> seen = new ArrayList<>();
                Reading r = new NumberReader(model.predictor()).any(src, seen::add);
                double millis = (System.nanoTime() - t0) / 1e6;
                return new Result(r, null, millis, Preparation.of(r, seen));
            } catch (DataException e) {
                return new Result(null, e.getMessage(), 0, List.of());
            }
        }).whenComplete((r, err) -> {
            inFlight = false;
            if (id != requests.get()) return; // a newer drawing is on its way
            answered = id;
            pending.set(false);
            if (err != null) {
                show(null, "Prediction failed: " + Messages.of(err));
            } else {
                preparations = r.preparations();
                show(r.reading(), r.reading() == null ? "Nothing to read: " + r.message() : null, r.millis());
            }
        });
    }

    private record Result(Reading reading, String message, double millis, List<Preparation> preparations) {
    }

    private void show(Reading r, String hintText) {
        show(r, hintText, Double.NaN);
    }

    /**
     * Shows a reading (null: none, and why in {@code hintText}) and how long it took. The time belongs to the answer it
     * timed: where there is no answer (a cleared canvas, nothing to read) there is no time either.
     */
    private void show(Reading r, String hintText, double millis) {
        if (answered >= awaited) busyWith(null);
        latencyMillis.set(r == null ? Double.NaN : millis);
        pinSlot.forget();
        if (image.get() == null) imageName = null;
        boolean one = r != null && r.digits().size() == 1;
        if (r == null) preparations = List.of();
        reading.set(r);
        prediction.set(one ? r.digits().get(0).prediction() : null);
        hint.set(hintText);
        int pick = -1;
        if (r != null) { // one digit: that one; a number: its least sure digit, the one worth a look
            pick = 0;
            for (int i = 1; i < r.digits().size(); i++) {
                if (r.digits().get(i).prediction().confidence() < r.digits().get(pick).prediction().confidence()) pick = i;
            }
        }
        selectDigit(pick);
        if (r == null) {
            answer.set(NO_ANSWER);
            // the empty canvas says what to do (HINT); the answer's place then says nothing, not the same again
            detail.set(hintText == null || hintText.equals(HINT) ? "" : hintText);
        } else if (one) {
            answer.set(className(r.digits().get(0).prediction().label()));
            detail.set(sure(r.digits().get(0).prediction().confidence()) + " sure");
        } else {
            answer.set(r.number(this::className));
            detail.set(r.digits().size() + " digits · least sure " + sure(r.confidence()));
        }
        // what Keep said belongs to that drawing and that answer
        if (keptVersion != version || !shownAnswer().equals(keptUnder)) collected.set("");
    }

    /**
     * How sure the model is, as every figure of the Draw view says it (the answer's line, each digit's label on the
     * canvas, its tooltip and the canvas's spoken text): one decimal, and never 100.0% short of certainty, so that a
     * digit's label agrees with the "least sure" figure above it.
     */
    public static String sure(double confidence) {
        String s = String.format(Locale.ROOT, "%.1f", 100 * confidence);
        return (confidence < 1 && s.equals("100.0") ? "99.9" : s) + "%";
    }

    /** Shows digit {@code i} of the reading (its probabilities and input); -1 for none. */
    public void selectDigit(int i) {
        Reading r = reading.get();
        if (r == null || i < 0 || i >= r.digits().size()) {
            selectedDigit.set(-1);
            shownPrediction.set(null);
            input.set(null);
            preparation.set(null);
            return;
        }
        preparation.set(i < preparations.size() ? preparations.get(i) : null);
        selectedDigit.set(i);
        shownPrediction.set(r.digits().get(i).prediction());
        input.set(r.digits().get(i).input());
    }

    public ObservableList<PenStroke> strokes() { return strokes; }
    /** Whether the canvas shows MNIST's white on black whatever the theme (else the theme's colours); the looks only. */
    public BooleanProperty mnistCanvasProperty() { return mnistCanvas; }
    public DoubleProperty penWidthProperty() { return penWidth; }
    public ReadOnlyObjectProperty<GreyImage> imageProperty() { return image.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Prediction> predictionProperty() { return prediction.getReadOnlyProperty(); }
    /** The last reading: one digit, or a number's digits with their boxes (in the canvas's or the picture's pixels). */
    public ReadOnlyObjectProperty<Reading> readingProperty() { return reading.getReadOnlyProperty(); }

    /** The number on the canvas when several digits are written there, else null. */
    public String number() {
        Reading r = reading.get();
        return r == null || r.digits().size() < 2 ? null : r.number(this::className);
    }
    /**
     * What the selected digit's input is, in words, for views that show it too ("the drawn digit", "digit 2 of the
     * number 107 drawn", "the digit in image a.png", "digit 1 of the number 42 in image b.jpg").
     */
    public String inputName() {
        Reading r = reading.get();
        String where = imageName == null ? "drawn" : "in image " + imageName;
        if (r == null || r.digits().size() < 2) return imageName == null ? "the drawn digit" : "the digit " + where;
        return "digit " + (selectedDigit.get() + 1) + " of the number " + r.number(this::className) + " " + where;
    }

    /** The selected digit's 28x28 input (the only digit's, or one of a number's), or null. */
    public ReadOnlyObjectProperty<float[]> inputProperty() { return input.getReadOnlyProperty(); }
    /** What preparation did to the selected digit: its stages and its MNIST-likeness, or null. */
    public ReadOnlyObjectProperty<Preparation> preparationProperty() { return preparation.getReadOnlyProperty(); }
    /** The selected digit's prediction, for the bars: the only digit's, or one of a number's. */
    public ReadOnlyObjectProperty<Prediction> shownPredictionProperty() { return shownPrediction.getReadOnlyProperty(); }
    /** Which digit of the reading is shown in the preview and the bars (-1: none). */
    public ReadOnlyIntegerProperty selectedDigitProperty() { return selectedDigit.getReadOnlyProperty(); }
    /** The answer in large type: a digit's name, a number's digits, or {@link #NO_ANSWER}. */
    public ReadOnlyStringProperty answerProperty() { return answer.getReadOnlyProperty(); }
    /** The line under the answer: how sure, or what to do. */
    public ReadOnlyStringProperty detailProperty() { return detail.getReadOnlyProperty(); }
    public ReadOnlyStringProperty hintProperty() { return hint.getReadOnlyProperty(); }
    /** True from the choice of a picture until its answer, or its failure, is shown. */
    public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    /** True while the answer for what the canvas holds now is being computed; the answer shown is an older one. */
    public javafx.beans.property.ReadOnlyBooleanProperty pendingProperty() { return pending.getReadOnlyProperty(); }
    /** What the wait is for ("Opening photo.png…"), null while there is none. */
    public ReadOnlyStringProperty busyTextProperty() { return busyText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty modelTextProperty() { return modelText.getReadOnlyProperty(); }
    /** How long the answer shown took to compute, in milliseconds; NaN while no answer is shown. */
    public ReadOnlyDoubleProperty latencyMillisProperty() { return latencyMillis.getReadOnlyProperty(); }
    public ModelManager models() { return models; }
    public DialogService dialogs() { return dialogs; }

    /** The name the active model gives its output {@code label}. */
    public String className(int label) {
        ActiveModel m = models.activeProperty().get();
        return io.digitstudio.data.ClassNames.of(m == null ? null : m.classNames(), label);
    }
}
