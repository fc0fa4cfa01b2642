package io.digitstudio.train;

import io.digitstudio.data.Dataset;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Rng;
import io.digitstudio.data.SerialIterator;
import io.digitstudio.nn.Cores;
import io.digitstudio.nn.Network;
import io.digitstudio.optim.Optimizer;
import io.digitstudio.optim.Optimizers;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * The tutorial's training loop as code:
 * <pre>
 * while iterator.epoch &lt; epochs:
 *     batch = iterator.next(); x, t = concat_examples(batch)
 *     loss = softmax_cross_entropy(model(x), t)
 *     model.cleargrads(); loss.backward(); optimizer.update()
 *     if iterator.is_new_epoch: evaluate on the test set and report
 * </pre>
 * Everything else attaches as an {@link Extension} (schedules, logs, early stopping), called after each iteration when
 * its trigger fires, with the iteration's observations ({@code main/loss}, {@code main/accuracy}, {@code lr}, and at an
 * epoch's end {@code validation/main/loss} and {@code validation/main/accuracy}) in {@link #observation()}; extensions
 * are finalized however the run ends. Front ends watch it through extensions of their own (a progress bar, the
 * window's feed); {@link #control()} stops or pauses it between iterations.
 */
public final class TrainingLoop {
    /** Seeds for the model and the iterator are derived from the run's seed so that each stream is independent. */
    private static final long ITERATOR_SEED_SALT = 0x5DEECE66DL;
    private static final long AUGMENT_SEED_SALT = 0x2545F4914F6CDD1DL;

    private final TrainingConfig config;
    private final Network model;
    private final Optimizer optimizer;
    private final SerialIterator iterator;
    private final Dataset train;
    private final Dataset test;
    private final Evaluator evaluator;
    private final String dataSource;
    private final TrainingControl control = new TrainingControl();
    private final List<EpochReport> reports = new ArrayList<>();
    private final List<Extension> extensions = new ArrayList<>();
    private final Reporter reporter = new Reporter();
    /** What a snapshot kept for extensions and the stop trigger, by name, while resuming; null otherwise. */
    private io.digitstudio.serial.Serializer pendingState;
    private Trigger stopTrigger;
    private String stopTriggerReason;
    private long startNanos;
    private volatile boolean started;
    private java.util.function.LongSupplier clock = System::nanoTime;
    private double elapsedBefore;
    /** Seconds the state trained before it became this run: a branch's parent's (and theirs) up to the branch point. */
    private double inherited;
    private LossFunction lossFunction = LossFunction.SOFTMAX_CROSS_ENTROPY;
    /** The run's updater while it runs (made when the run starts, when the cores to use are known). */
    private Updater updater;
    private long iteration;
    private RunSetup setup = RunSetup.NONE;

    // running sums over the epoch being trained
    private double lossSum;
    private double accSum;
    private int seen;
    private double epochTrainNanos;

    public TrainingLoop(TrainingConfig config, Network model, Optimizer optimizer, SerialIterator iterator,
                        Dataset train, Dataset test, String dataSource) {
        if (model.inputSize() != train.featureSize()) {
            throw new IllegalArgumentException("the model takes " + model.inputSize() + " inputs but the data has " + train.featureSize() + " per example");
        }
        if (model.classes() < Math.max(train.classes(), test.classes())) {
            throw new IllegalArgumentException("the model has " + model.classes() + " outputs but the data has " + Math.max(train.classes(), test.classes()) + " classes");
        }
        if (test.featureSize() != train.featureSize()) throw new IllegalArgumentException("training and test examples differ in size");
        this.config = config;
        this.model = model;
        this.optimizer = optimizer;
        this.iterator = iterator;
        this.train = train;
        this.test = test;
        this.evaluator = new Evaluator(test, config.batchSize()).tallyConfusion(true);
        reporter.addObserver("main", model);
        this.dataSource = dataSource;
    }

    /**
     * A fresh run of {@code config} on these datasets: the network its spec describes, for the data's example shape and
     * number of classes, its optimizer and a seeded iterator. A spec that does not fit the data is refused here
     * ({@link io.digitstudio.nn.SpecException}).
     */
    public static TrainingLoop create(TrainingConfig config, Dataset train, Dataset test, String dataSource) {
        Rng init = new Rng(config.seed());
        int classes = Math.max(train.classes(), test.classes());
        Network model = new Network(config.network(), train.exampleShape(), classes, init);
        Optimizer optimizer = Optimizers.create(config.optimizer(), config.hyperparams()).setup(model);
        SerialIterator it = new SerialIterator(train.size(), config.batchSize(), true, config.shuffle(), config.seed() ^ ITERATOR_SEED_SALT);
        Dataset trainSet = config.augment() && train instanceof io.digitstudio.data.LabeledImages images
                ? new io.digitstudio.data.AugmentedDataset(images, config.seed() ^ AUGMENT_SEED_SALT) : train;
        return new TrainingLoop(config, model, optimizer, it, trainSet, test, dataSource);
    }

    /** The loss the run trains with and validation reports (Chainer's {@code lossfun}); softmax cross entropy by default. */
    public void setLossFunction(LossFunction f) {
        this.lossFunction = java.util.Objects.requireNonNull(f);
        evaluator.lossFunction(f);
    }

    public LossFunction lossFunction() {
        return lossFunction;
    }

    /** Adds an extension (its name must be new to this run); state a snapshot kept for it is restored now. */
    public void addExtension(Extension e) {
        for (Extension x : extensions) {
            if (x.name().equals(e.name())) throw new IllegalArgumentException("an extension named " + e.name() + " is already there");
        }
        restoreKept(e.name(), e::serialize);
        extensions.add(e);
    }

    public List<Extension> extensions() {
        return Collections.unmodifiableList(extensions);
    }

    /**
     * Ends the run early when {@code trigger} fires (checked after the extensions, each iteration), with
     * {@code reason} in the result's message, as Chainer's trainer does with a stop trigger such as early stopping.
     */
    public void setStopTrigger(Trigger trigger, String reason) {
        this.stopTrigger = trigger;
        this.stopTriggerReason = reason;
    }

    public Trigger stopTrigger() {
        return stopTrigger;
    }

    /** The current iteration's observations by Chainer's names, read-only; extensions report through {@link #reporter()}. */
    public Map<String, Double> observation() {
        return reporter.observation();
    }

    /** The run's reporter: the model reports as {@code main}, validation in the {@code validation} scope. */
    public Reporter reporter() {
        return reporter;
    }

    /** Reports an observation for the current iteration (Chainer's {@code chainer.report}). */
    public void report(String name, double value) {
        reporter.report(name, value);
    }

    /**
     * The run's duration in seconds: the time it has spent training (updates, validations, what its extensions do) in
     * this session and in the sessions a snapshot it resumed from had, without the time it was paused. The time between
     * an interruption and a resume is no session's, so it is never counted; nor is the time a branch's parent trained
     * before the branch point ({@link #inheritedTime()}). Every view and command shows a run's time as this
     * ({@code status.json}'s {@code seconds}, {@link TrainingResult#seconds()}).
     */
    public double elapsedTime() {
        return elapsedBefore + sessionNanos() / 1e9;
    }

    /**
     * The seconds the state this run started from had trained before it became this run: for a branch, its parent's
     * (and, for a branch of a branch, their parents') up to the branch point; 0 for any other run.
     */
    public double inheritedTime() {
        return inherited;
    }

    /**
     * Chainer's {@code trainer.elapsed_time}, which the log's {@code elapsed_time} is: the training time since the first
     * run of the line began, so that a branch's log, whose first epochs are its parent's, goes on rising from them.
     */
    public double lineTime() {
        return inherited + elapsedTime();
    }

    /** Makes the restored state a new run's start: what it trained so far becomes inherited, and its own time starts at 0. */
    void startAsBranch() {
        inherited += elapsedBefore;
        elapsedBefore = 0;
    }

    /** Nanoseconds this session has trained: since {@link #run()} began, without its pauses. */
    private long sessionNanos() {
        return started ? clock.getAsLong() - startNanos - control.parkedNanos() : 0;
    }

    /**
     * The clock the run measures its time with, in nanoseconds ({@link System#nanoTime()} unless set): tests give one
     * they move by hand. Set before {@link #run()}.
     */
    public void setClock(java.util.function.LongSupplier nanos) {
        this.clock = java.util.Objects.requireNonNull(nanos);
        control.setClock(nanos);
    }

    private void restoreKept(String name, java.util.function.Consumer<io.digitstudio.serial.Serializer> serialize) {
        if (pendingState == null) return;
        io.digitstudio.serial.Serializer part = pendingState.child(name);
        if (!part.keys().isEmpty()) serialize.accept(part);
    }

    /** Saves what the extensions and the stop trigger keep, one part a name, as a snapshot does. */
    void serializeExtensions(io.digitstudio.serial.Serializer s) {
        for (Extension e : extensions) e.serialize(s.child(e.name()));
        if (stopTrigger != null) stopTrigger.serialize(s.child(STOP_TRIGGER_STATE));
    }

    /**
     * Chainer's {@code Trainer.serialize}: the updater's state under {@code updater/} (the model as
     * {@code model:main}, the optimizer as {@code optimizer:main}, the iterator as {@code iterator:main}, the
     * iteration), and under {@code digitstudio/} what this loop keeps beyond Chainer's: the extensions' and the stop
     * trigger's state by name, the time trained, the epoch under way, the random states of augmentation and dropout,
     * and the epoch log. Writing saves all of it; reading restores it (the extensions' part when each is attached).
     * Reading skips an optimizer whose state is not stored, so that a branch may start another optimizer fresh.
     */
    public void serialize(io.digitstudio.serial.Serializer s) {
        io.digitstudio.serial.Serializer u = s.child("updater");
        model.serialize(u.child("model:main"));
        io.digitstudio.serial.Serializer o = u.child("optimizer:main");
        if (!o.isReader() || o.contains("t")) optimizer.serialize(o);
        iterator.serialize(u.child("iterator:main"));
        io.digitstudio.serial.Serializer d = s.child("digitstudio");
        if (s.isReader()) {
            pendingState = d.child("extensions");
            for (Extension e : extensions) restoreKept(e.name(), e::serialize);
            inherited = d.optional("inherited_time", 0.0);
            elapsedBefore = d.optional("elapsed_time", 0.0) - inherited;
            if (train instanceof io.digitstudio.data.AugmentedDataset aug) aug.rng().setState(d.value("augment_rng_state", 0L));
            double[] sums = d.doubles("epoch_sums", null);
            if (sums != null && sums.length == 4) restoreEpochSums(sums);
            if (d.contains("dropout_rng_state")) model.dropoutRng().setState(d.value("dropout_rng_state", 0L));
            iteration = u.value("iteration", 0L);
            reports.clear();
            reports.addAll(readLog(d));
            return;
        }
        serializeExtensions(d.child("extensions"));
        d.value("elapsed_time", lineTime());
        if (inherited > 0) d.value("inherited_time", inherited);
        if (train instanceof io.digitstudio.data.AugmentedDataset aug) d.value("augment_rng_state", augmentRngState(aug));
        d.doubles("epoch_sums", epochSums());
        d.value("dropout_rng_state", model.dropoutRng().state());
        u.value("iteration", iteration);
        java.util.List<Map<String, Double>> log = new ArrayList<>();
        for (EpochReport r : reports) log.add(r.values());
        d.text(LOG, io.digitstudio.io.Json.writeChainerStyle(log));
    }

    /** Where the epoch log is kept: a JSON list of the entries, as Chainer's LogReport serializes its log. */
    private static final String LOG = "epoch_log";

    /** The epoch log a snapshot kept as JSON (snapshots from before kept a table, which {@link Snapshot} reads). */
    private static List<EpochReport> readLog(io.digitstudio.serial.Serializer d) {
        List<EpochReport> out = new ArrayList<>();
        if (d.contains(LOG)) {
            Object parsed = io.digitstudio.io.Json.parse(d.text(LOG, ""));
            if (!(parsed instanceof List<?> entries)) throw new IllegalArgumentException("the epoch log is not a list");
            for (Object e : entries) {
                if (!(e instanceof Map<?, ?> m)) throw new IllegalArgumentException("an epoch log entry is not an object");
                Map<String, Double> v = new java.util.LinkedHashMap<>();
                m.forEach((k, x) -> {
                    if (x instanceof Number n) v.put(String.valueOf(k), n.doubleValue());
                });
                out.add(new EpochReport(v));
            }
        }
        return out;
    }

    private RunOptions options = RunOptions.NONE;

    /** The run's extensions as options (recorded in snapshots, so a resume attaches the same). */
    public RunOptions options() {
        return options;
    }

    /** Records the options and attaches what they describe. */
    public void apply(RunOptions o, String dataset, List<String> classNames) {
        this.options = o;
        o.attach(this, dataset, classNames);
    }

    /** Where this run reads and writes (recorded in snapshots). */
    public RunSetup setup() {
        return setup;
    }

    public void setSetup(RunSetup setup) {
        this.setup = setup;
    }

    public TrainingControl control() {
        return control;
    }

    public Network model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public SerialIterator iterator() {
        return iterator;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The training set as the loop reads it (an AugmentedDataset when augmenting). */
    public Dataset trainSet() {
        return train;
    }

    public Dataset testSet() {
        return test;
    }

    public String dataSource() {
        return dataSource;
    }

    public List<EpochReport> reports() {
        return Collections.unmodifiableList(reports);
    }

    /** Examples in the training set (as the run uses it). */
    public int trainSize() {
        return train.size();
    }

    /** Examples in the validation set. */
    public int testSize() {
        return test.size();
    }

    public long iteration() {
        return iteration;
    }

    /** Used when resuming: the counters and the epoch log a snapshot carried. */
    public void restoreProgress(long iterations, List<EpochReport> log) {
        this.iteration = iterations;
        reports.clear();
        reports.addAll(log);
    }

    /**
     * Tells the loop that what its caller did to set the run up after making it failed: {@link #run} then fails at once
     * with {@code t}, and ends as any failed run does, every extension finalized, so a run's record says it failed
     * instead of staying "running".
     */
    public void failAtStart(Throwable t) {
        failedAtStart = t;
    }

    private Throwable failedAtStart;

    public TrainingResult run() {
        startNanos = clock.getAsLong();
        started = true;
        TrainingResult.Outcome outcome = TrainingResult.Outcome.COMPLETED;
        String message = null;
        // as added, until sorted: what fails as the run sets out still finalizes every extension, and a record then
        // says the run failed, not that it is running
        List<Extension> ordered = new ArrayList<>(extensions);
        Throwable failure = null;
        try {
            phase = Phase.STARTING;
            if (failedAtStart != null) throw failedAtStart;
            long totalIterations = iterator.iterationsUntilEpoch(config.epochs());
            startInfo = new TrainingStart(config, model.architecture(), model.countParams(), train.size(),
                    test.size(), iterator.batchesPerEpoch(), totalIterations, iterator.epoch(), dataSource);
            List<Extension> sorted = new ArrayList<>(extensions);
            sorted.sort((x, y) -> Integer.compare(y.priority(), x.priority())); // stable: equal priorities keep their order
            ordered = sorted;
            // made once a run: the loop asks whether to wait before every iteration, and allocates nothing there
            parking = () -> paused(sorted, true);
            going = () -> paused(sorted, false);
            if (stopTrigger != null) restoreKept(STOP_TRIGGER_STATE, stopTrigger::serialize);
            publishHyperparams();
            for (Extension e : ordered) {
                calling = e;
                e.initialize(this);
            }
            calling = null;
            evaluator.prepare(model);
            // the cores are counted now: the command line sets them after the loop is made
            try (Updater u = Cores.count() > 1 && model.dataParallel() ? new DataParallelUpdater(iterator, train, model, optimizer, lossFunction)
                    : new StandardUpdater(iterator, train, model, optimizer, lossFunction)) {
                updater = u;
                End end = epochEndPending() ? finishPendingEpoch(ordered) : null;
                while (end == null && iterator.epoch() < config.epochs()) end = iterate(ordered);
                if (end != null) {
                    if (end.outcome() != null) outcome = end.outcome();
                    message = end.message();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcome = TrainingResult.Outcome.STOPPED;
                message = "interrupted";
            }
        } catch (Throwable e) { // an Error too (out of memory, a native library's): the run fails and says so, never silently
            failure = e;
        }
        if (failure != null) {
            outcome = TrainingResult.Outcome.FAILED;
            message = failedMessage(failure);
        }
        this.failure = failure;
        result = new TrainingResult(outcome, List.copyOf(reports), iteration, elapsedTime(), message);
        // every extension is finalized, whatever ended the run (Chainer's trainer does the same); they may read how it
        // ended in result(). Those that record the end come last, so that the record says what the window and the
        // command line say, warnings included
        phase = Phase.ENDING;
        List<Extension> finalizing = new ArrayList<>();
        ordered.stream().filter(e -> !e.recordsTheEnd()).forEach(finalizing::add);
        ordered.stream().filter(Extension::recordsTheEnd).forEach(finalizing::add);
        for (Extension e : finalizing) {
            try {
                calling = e;
                e.finalize(this);
            } catch (Throwable ex) {
                if (failure != null) continue; // the first failure is the one told
                if (e.recordsTheEnd()) {
                    failure = ex;
                    this.failure = ex;
                    result = new TrainingResult(TrainingResult.Outcome.FAILED, result.epochs(), iteration, result.seconds(), failedMessage(ex), result.warnings());
                } else {
                    result = result.withWarning(e.name() + " failed as the run ended: " + reason(ex));
                }
            }
        }
        calling = null;
        if (failure instanceof RuntimeException r) throw r;
        if (failure instanceof Error err) throw err;
        if (failure != null) throw new IllegalStateException(result.message(), failure);
        return result;
    }

    /** What the loop is doing, for the message of a run that fails: where it failed. */
    private enum Phase { STARTING, TRAINING, VALIDATING, ENDING }

    private Phase phase = Phase.STARTING;
    /** The extension being called, initialized or finalized (null: none), for the message of a run that fails. */
    private Extension calling;
    private volatile Throwable failure;

    /**
     * What ended the run when it failed (an exception or an error, such as running out of memory), for the extensions
     * finalized after it (a record keeps its trace); null when it did not fail.
     */
    public Throwable failure() {
        return failure;
    }

    /** The message of a failed run: where it failed, in the loop's words, and why, in one line. */
    private String failedMessage(Throwable t) {
        String where = switch (phase) {
            case STARTING -> "before the first iteration";
            case TRAINING -> String.format(Locale.ROOT, "at epoch %.2f", iterator.epochDetail());
            case VALIDATING -> "during the validation of epoch " + iterator.epoch();
            case ENDING -> "as the run ended";
        };
        if (calling != null) where += " (in " + calling.name() + ")";
        return "failed " + where + ": " + reason(t);
    }

    /** Why {@code t} happened, in one line: its message, or its kind when it has none; running out of memory says so. */
    public static String reason(Throwable t) {
        String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage().replace('\n', ' ').strip();
        return t instanceof OutOfMemoryError ? "out of memory (" + m + ")" : m;
    }

    private volatile TrainingResult result;
    private volatile TrainingStart startInfo;

    /** What the run is about to do (its size, iterations, the epoch it starts from), once it has started; null before. */
    public TrainingStart startInfo() {
        return startInfo;
    }

    /** How the run ended, once it has (extensions read it when they are finalized); null before. */
    public TrainingResult result() {
        return result;
    }

    /**
     * Adds a warning to how the run ended, for an extension being finalized whose trouble leaves the run's outcome as
     * it is (a copy of the model that could not be kept): those finalized after it, the window and the command line
     * all tell it.
     */
    public void warnAtEnd(String warning) {
        if (phase != Phase.ENDING || result == null) throw new IllegalStateException("a warning at the end is given as the run ends");
        result = result.withWarning(warning);
    }

    /** Why a run ends before its last epoch: the outcome (null: it completed) and the message. */
    private record End(TrainingResult.Outcome outcome, String message) {
    }

    /** What the loop tells its extensions as it waits in a pause, and as it goes on after one (set as a run starts). */
    private Runnable parking = () -> { };
    private Runnable going = () -> { };

    /**
     * One iteration: the next batch, forward, backward, update, the epoch's end when it comes, the extensions; null,
     * or how the run ends.
     */
    private End iterate(List<Extension> ordered) throws InterruptedException {
        if (!control.awaitRunnable(parking, going)) {
            return new End(TrainingResult.Outcome.STOPPED, String.format(Locale.ROOT, "stopped at epoch %.2f", iterator.epochDetail()));
        }
        for (Map.Entry<String, Double> c : control.takeChanges()) applyChange(c.getKey(), c.getValue());
        long t0 = clock.getAsLong();
        double lr = optimizer.get(optimizer.lrName());
        phase = Phase.TRAINING;
        String failed = updater.update();
        if (failed != null) return new End(TrainingResult.Outcome.DIVERGED, divergedMessage(failed));
        float loss = updater.loss();
        float acc = updater.accuracy();
        int n = updater.batchSize();
        iteration++;
        lossSum += (double) loss * n;
        accSum += (double) acc * n;
        seen += n;
        epochTrainNanos += clock.getAsLong() - t0;
        reporter.clear();
        reporter.report(model, "loss", loss);
        reporter.report(model, "accuracy", acc);
        reporter.report("lr", lr);
        return afterUpdate(ordered);
    }

    /**
     * What an iteration does after its update: the epoch's end when it came (validation, the epoch's entry), the
     * extensions, the stop trigger; null, or how the run ends.
     */
    private End afterUpdate(List<Extension> ordered) {
        if (iterator.isNewEpoch()) {
            validate();
            // writers (evaluations of their own) report before the epoch's entry is made; the rest read it
            runExtensions(ordered, Extension.PRIORITY_WRITER, Integer.MAX_VALUE);
            // the epoch's times are observations as its losses are: every log records them, and a run's log read back
            // gives the time the epoch's entry gave live, not the time between two entries (the extensions' too)
            reporter.report(EpochReport.TRAIN_SECONDS, epochTrainNanos / 1e9);
            reporter.report(EpochReport.VAL_SECONDS, validationNanos / 1e9);
            finishEpoch();
            runExtensions(ordered, Integer.MIN_VALUE, Extension.PRIORITY_WRITER - 1);
        } else {
            runExtensions(ordered, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (stopTrigger != null && stopTrigger.fire(this)) {
            return new End(null, String.format(Locale.ROOT, "stopped early at epoch %d: %s", iterator.epoch(), stopTriggerReason));
        }
        return null;
    }

    /**
     * Whether the state restored is an iteration that ended an epoch but whose epoch's end never ran: snapshots from
     * before a Stop waited for the epoch's validation hold such states, the epoch's sums not emptied (its entry empties
     * them) and a log without the epoch.
     */
    private boolean epochEndPending() {
        if (iteration == 0 || !iterator.isNewEpoch() || seen == 0) return false;
        return reports.isEmpty() || reports.get(reports.size() - 1).epoch() < iterator.epoch();
    }

    /**
     * Ends the iteration such a snapshot stopped in, before the next: its epoch is validated and logged as it would have
     * been, and its extensions run, so that the log goes on as an uninterrupted run's. The rate is the one the update
     * used (nothing changed it since); the batch's own loss and accuracy were not kept, so the epoch's means, which its
     * entry records, stand for them.
     */
    private End finishPendingEpoch(List<Extension> ordered) {
        reporter.clear();
        reporter.report(model, "loss", lossSum / seen);
        reporter.report(model, "accuracy", accSum / seen);
        reporter.report("lr", optimizer.get(optimizer.lrName()));
        return afterUpdate(ordered);
    }

    /** The augmentation's random state as a snapshot records it: before any batch assembled ahead of time. */
    long augmentRngState(io.digitstudio.data.AugmentedDataset aug) {
        return updater == null ? aug.rng().state() : updater.augmentRngState(aug);
    }

    /** The running sums of the epoch under way (loss, accuracy, examples, training nanoseconds), for snapshots. */
    double[] epochSums() {
        return new double[]{lossSum, accSum, seen, epochTrainNanos};
    }

    void restoreEpochSums(double[] sums) {
        lossSum = sums[0];
        accSum = sums[1];
        seen = (int) sums[2];
        epochTrainNanos = sums[3];
    }

    private volatile Map<String, Double> published = Map.of();

    /**
     * The optimizer's hyper-parameters as last published by the training thread (at the start, after each live change
     * and at each epoch's end): what other threads read instead of the optimizer itself, which the training thread
     * writes. A schedule's per-iteration learning rate is in each iteration's event.
     */
    public Map<String, Double> publishedHyperparams() {
        return published;
    }

    private void publishHyperparams() {
        published = Map.copyOf(optimizer.hyperparams());
    }

    /**
     * The iteration just done as one value (the epoch being trained, counts, loss, accuracy, the rate its update used,
     * seconds this session has trained, its pauses not counted), for extensions that hand it to another thread; made on each call.
     */
    public IterationEvent iterationEvent() {
        TrainingStart info = startInfo;
        Double loss = reporter.get("main/loss");
        Double acc = reporter.get("main/accuracy");
        Double lr = reporter.get("lr");
        return new IterationEvent(iterator.epoch() + (iterator.isNewEpoch() ? 0 : 1), iteration, info == null ? 0 : info.totalIterations(),
                iterator.epochDetail(), loss == null ? Double.NaN : loss, acc == null ? Double.NaN : acc,
                sessionNanos() / 1e9, lr == null ? Double.NaN : lr);
    }

    private volatile double validationDone = Double.NaN;

    /**
     * The share of the validation set done while an epoch's validation runs, NaN otherwise: written by the training
     * thread, for other threads to poll.
     */
    public double validationProgress() {
        return validationDone;
    }

    private volatile long validatedIteration;

    /**
     * The iteration that ended the epoch whose validation runs now, or ran last (0 before the first): while it runs,
     * the epoch's last iteration is trained, though the extensions hear of it only once the validation is done.
     */
    public long validatedIteration() {
        return validatedIteration;
    }

    /** Tells the extensions that the loop waits in a pause, or goes on after one. */
    private void paused(List<Extension> ordered, boolean paused) {
        for (Extension e : ordered) {
            calling = e;
            e.paused(this, paused);
        }
        calling = null;
    }

    /** Calls each extension whose priority is in {@code [low, high]} and whose trigger fires, in priority order. */
    private void runExtensions(List<Extension> ordered, int low, int high) {
        for (Extension e : ordered) {
            if (e.priority() >= low && e.priority() <= high && e.trigger().fire(this)) {
                calling = e;
                e.call(this);
            }
        }
        calling = null;
    }

    /**
     * A live change between iterations. A bad value is dropped and recorded as refused in {@link #changes()} rather
     * than stopping the run (the UI checks values before asking).
     */
    private void applyChange(String name, double value) {
        try {
            optimizer.set(name, value);
            changes.add(new HyperparameterChange(iteration, name, value));
            publishHyperparams();
        } catch (IllegalArgumentException e) {
            changes.add(new HyperparameterChange(iteration, name, Double.NaN));
        }
    }

    private final List<HyperparameterChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** The live changes applied so far, each with the iteration it came after (NaN value: refused). */
    public List<HyperparameterChange> changes() {
        return Collections.unmodifiableList(changes);
    }

    private ConfusionMatrix lastConfusion;

    /** The confusion matrix of the latest validation, or null before the first (extensions may record it). */
    public ConfusionMatrix lastConfusion() {
        return lastConfusion;
    }

    /** Where a snapshot keeps the stop trigger's state among the extensions'. */
    static final String STOP_TRIGGER_STATE = "stop_trigger";

    private long validationNanos;

    /** Native arrays the validation's passes have taken (a run takes them before its first step). */
    long validationAllocations() {
        return evaluator.allocations();
    }

    /**
     * The epoch's validation, reported under {@code validation/} ({@code validation/main/loss}, ...). A Stop that comes
     * meanwhile waits for it and the epoch's extensions: the iteration is trained, and a run that stopped with its epoch's
     * end unreported would resume without that epoch's entry, its sums added to the next epoch's.
     */
    private void validate() {
        long v0 = clock.getAsLong();
        validatedIteration = iteration; // before the progress: whoever sees a validation under way sees its iteration
        validationDone = 0;
        phase = Phase.VALIDATING;
        Evaluator.Result val;
        try {
            val = evaluator.evaluate(model, f -> validationDone = f);
        } finally {
            validationDone = Double.NaN;
        }
        phase = Phase.TRAINING;
        lastConfusion = val.confusion();
        try (Reporter.Scope v = reporter.scope("validation")) {
            reporter.report(model, "loss", val.loss());
            reporter.report(model, "accuracy", val.accuracy());
        }
        validationNanos = clock.getAsLong() - v0;
    }

    /**
     * The epoch's entry in the log: what was observed by the epoch's end (validation, the rate the last update used,
     * what writers reported, the epoch's training and validation times), with the training loss and accuracy as the epoch's means instead of the last batch's.
     */
    private void finishEpoch() {
        Map<String, Double> v = new java.util.LinkedHashMap<>();
        v.put(EpochReport.EPOCH, (double) iterator.epoch());
        v.put(EpochReport.ITERATION, (double) iteration);
        v.putAll(reporter.observation());
        v.put(EpochReport.TRAIN_LOSS, lossSum / seen);
        v.put(EpochReport.TRAIN_ACCURACY, accSum / seen);
        reports.add(new EpochReport(v));
        publishHyperparams();
        lossSum = 0;
        accSum = 0;
        seen = 0;
        epochTrainNanos = 0;
    }

    private String divergedMessage(String what) {
        return String.format(Locale.ROOT, "training diverged at epoch %.2f (%s); the learning rate (%s) is too high: try a lower one."
                + " The weights from before that update are kept", iterator.epochDetail(), what, LearningRates.format(config.lr()));
    }
}
