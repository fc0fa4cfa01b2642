package io.digitstudio.runs;

import io.digitstudio.io.Json;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.train.ConfusionMatrix;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.KeepBest;
import io.digitstudio.train.LogReport;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Records one run into its folder of the history, as an extension of the loop plus two more of its own (a
 * {@link LogReport} writing the folder's {@code log}, a {@link KeepBest} keeping {@code best.npz}), under their own
 * names so the user's {@code --log} and {@code --keep-best} run beside them. The status file is rewritten after every
 * epoch and at the end; the lock is held from the start to the end. A recording that fails (a full disk) never stops
 * the training: the first problem is kept in {@link #problem()} and recording stops.
 */
public final class RunRecorder implements io.digitstudio.train.Extension {
    /** Names of the recorder's extensions in a run (and in its snapshots). */
    static final String LOG_NAME = "RunLog";
    static final String BEST_NAME = "RunBest";

    private final Path folder;
    private final String id;
    private final TrainingLoop loop;
    private final String dataName;
    private final List<String> classNames;
    private final RunLocks.Held lock;
    private double bestAccuracy = Double.NaN;
    private int bestEpoch;
    private EpochReport last;
    private volatile String problem;
    private final List<Map<String, Object>> resumes;
    private final RunSettings.Branch branchedFrom;

    private RunRecorder(Path folder, TrainingLoop loop, String dataName, List<String> classNames, RunLocks.Held lock,
                        List<Map<String, Object>> resumes, RunSettings.Branch branchedFrom) {
        this.resumes = List.copyOf(resumes);
        this.branchedFrom = branchedFrom;
        for (EpochReport r : loop.reports()) note(r); // a resumed run's epochs so far
        this.folder = folder;
        this.id = folder.getFileName().toString();
        this.loop = loop;
        this.dataName = dataName;
        this.classNames = List.copyOf(classNames);
        this.lock = lock;
    }

    /** What a run is recorded with beyond the loop's own configuration. */
    public record Origin(String origin, RunOptions options, String dataName, String dataSource, String dataChecksum, List<String> classNames,
                         String snapshotDir, String resumedFrom, RunSettings.Branch branchedFrom, RunSettings.Sweep sweep) {
        /** A run that is not a branch of another. */
        public Origin(String origin, RunOptions options, String dataName, String dataSource, String dataChecksum, List<String> classNames,
                      String snapshotDir, String resumedFrom) {
            this(origin, options, dataName, dataSource, dataChecksum, classNames, snapshotDir, resumedFrom, null, null);
        }

        /** A branch of another run (null: none), of no sweep. */
        public Origin(String origin, RunOptions options, String dataName, String dataSource, String dataChecksum, List<String> classNames,
                      String snapshotDir, String resumedFrom, RunSettings.Branch branchedFrom) {
            this(origin, options, dataName, dataSource, dataChecksum, classNames, snapshotDir, resumedFrom, branchedFrom, null);
        }

        /** A run of a sweep (null: none) that is no branch. */
        public Origin(String origin, RunOptions options, String dataName, String dataSource, String dataChecksum, List<String> classNames,
                      String snapshotDir, String resumedFrom, RunSettings.Sweep sweep) {
            this(origin, options, dataName, dataSource, dataChecksum, classNames, snapshotDir, resumedFrom, null, sweep);
        }
    }

    /**
     * Makes the run's folder, writes its settings and status, takes its lock, and attaches the recorder to the loop
     * (before it runs). Failing to make the folder is an {@link IOException}: the caller decides whether to train
     * unrecorded.
     */
    public static RunRecorder start(RunStore store, TrainingLoop loop, Origin o) throws IOException {
        Path folder = store.newFolder();
        String id = folder.getFileName().toString();
        RunLocks.Held lock = RunLocks.acquire(folder.resolve(RunStore.LOCK));
        try {
            RunStore.write(folder.resolve(RunStore.SETTINGS), Json.write(settings(id, Instant.now(), loop, o).toJson()));
            return attach(new RunRecorder(folder, loop, o.dataName(), o.classNames(), lock, List.of(), o.branchedFrom()), loop, o);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Continues recording a run of the history that a snapshot of it resumes: the same folder, its settings kept (the
     * epochs updated when the resume trains longer), and a line in its record of resumes. A run another process still
     * records is refused.
     */
    public static RunRecorder reopen(RunSummary run, TrainingLoop loop, Origin o) throws IOException {
        Path folder = run.folder();
        RunLocks.Held lock;
        try {
            lock = RunLocks.acquire(folder.resolve(RunStore.LOCK));
        } catch (IOException e) {
            throw new RunsException("run " + run.id() + " is still running in another window or process; stop it there first");
        }
        try {
            RunSettings before = run.settings();
            if (before != null && before.config().epochs() != loop.config().epochs()) {
                RunSettings s = settings(run.id(), before.created(), loop, o);
                RunStore.write(folder.resolve(RunStore.SETTINGS), Json.write(new RunSettings(s.id(), s.created(), before.origin(), s.config(),
                        before.options(), s.dataName(), s.dataSource(), s.dataChecksum(), s.trainSize(), s.testSize(), s.snapshotDir(),
                        before.resumedFrom(), before.versions(), before.branchedFrom(), before.sweep()).toJson()));
            }
            List<Map<String, Object>> resumes = new java.util.ArrayList<>(run.resumes());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("at", Instant.now().toString());
            r.put("epoch", loop.iterator().epoch());
            r.put("iteration", loop.iteration());
            r.put("epoch_detail", RunSettings.Branch.epochDetail(loop.iterator()));
            r.put("from", o.resumedFrom() == null ? "" : o.resumedFrom());
            r.put("origin", o.origin());
            resumes.add(r);
            return attach(new RunRecorder(folder, loop, o.dataName(), o.classNames(), lock, resumes,
                    before == null ? null : before.branchedFrom()), loop, o);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static RunSettings settings(String id, Instant created, TrainingLoop loop, Origin o) {
        RunOptions opts = o.options() == null ? RunOptions.NONE : o.options();
        return new RunSettings(id, created, o.origin(), loop.config(), opts, o.dataName(), o.dataSource(), o.dataChecksum(),
                loop.trainSize(), loop.testSize(), o.snapshotDir() == null ? "" : o.snapshotDir(), o.resumedFrom() == null ? "" : o.resumedFrom(),
                versions(), o.branchedFrom(), o.sweep());
    }

    private static RunRecorder attach(RunRecorder r, TrainingLoop loop, Origin o) {
        r.writeStatus("running", "");
        loop.addExtension(new LogReport(r.folder.resolve(RunStore.LOG), LOG_NAME));
        loop.addExtension(new KeepBest(r.folder.resolve(RunStore.BEST), o.dataName(), o.classNames(), BEST_NAME));
        loop.addExtension(r);
        return r;
    }

    /**
     * Gives up a recording whose run could not be set up after all: a new run's folder goes, a resumed run is marked
     * stopped with the reason; the lock is released either way.
     */
    void abandon(RuntimeException why) {
        try {
            if (resumes.isEmpty()) {
                RunStore.deleteTree(folder);
            } else {
                writeStatus("stopped", "could not resume: " + why.getMessage());
            }
        } catch (IOException | RuntimeException e) {
            // what is left is listed as interrupted, or damaged, with the reason
        } finally {
            lock.close();
        }
    }

    /** The best epoch's model this recorder keeps in the run's folder, and how good it was, or null before any epoch. */
    public KeepBest best() {
        for (io.digitstudio.train.Extension e : loop.extensions()) {
            if (e instanceof KeepBest k && k.name().equals(BEST_NAME)) return k;
        }
        return null;
    }

    static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("digitstudio", io.digitstudio.io.BuildInfo.version());
        v.put("java", System.getProperty("java.version"));
        v.put("nd4j", "1.0.0-M2.1");
        v.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        // a run repeats bit for bit only on the same number of cores (each step's batch is split between them)
        v.put("threads", String.valueOf(io.digitstudio.nn.Cores.count()));
        return v;
    }

    public String id() {
        return id;
    }

    public Path folder() {
        return folder;
    }

    /**
     * The run's model file in its folder ({@code model.npz}, written when the run ends), if the run has ended and it
     * was written whole.
     */
    public java.util.Optional<Path> model() {
        Path p = folder.resolve(RunStore.MODEL);
        return problem == null && Files.isRegularFile(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    private io.digitstudio.train.LossCurve lossCurve;

    /**
     * Keeps the run's training-loss curve ({@link RunStore#writeLossPoints}) when the run ends, however it ends: a resume or
     * a branch of the run, in the window, goes on from the curve the run drew, not from one point an epoch. Call before
     * the run starts.
     */
    public void keep(io.digitstudio.train.LossCurve curve) {
        lossCurve = curve;
    }

    /** The first thing that could not be recorded, or null. */
    public String problem() {
        return problem;
    }

    @Override
    public String name() {
        return "RunRecord";
    }

    /** Each epoch's end: its confusion matrix and the status, after the run's log has its entry. */
    @Override
    public void call(TrainingLoop l) {
        EpochReport r = l.reports().isEmpty() ? null : l.reports().get(l.reports().size() - 1);
        if (r == null || r.epoch() != l.iterator().epoch()) return; // the validation was cut short
        if (l.lastConfusion() != null) writeConfusion(r.epoch(), l.lastConfusion());
        note(r);
        writeStatus("running", "");
    }

    /** A pause the loop waits in is the run's status ("paused") until it goes on: the run is held, not training. */
    @Override
    public void paused(TrainingLoop l, boolean paused) {
        writeStatus(paused ? RunStatus.PAUSED.label() : RunStatus.RUNNING.label(), "");
    }

    private void writeConfusion(int epoch, ConfusionMatrix matrix) {
        if (problem != null) return;
        try {
            Path dir = Files.createDirectories(folder.resolve(RunStore.CONFUSION));
            RunStore.write(dir.resolve(String.format(Locale.ROOT, "epoch_%04d.csv", epoch)), matrix.csv(classNames));
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    private void note(EpochReport r) {
        last = r;
        if (Double.isNaN(bestAccuracy) || r.valAccuracy() > bestAccuracy) {
            bestAccuracy = r.valAccuracy();
            bestEpoch = r.epoch();
        }
    }

    /**
     * The run's end: its model and final status, then the lock goes. A run that failed keeps no model (its weights may
     * hold a half-made update; its snapshots and best epoch's model stay as the epochs before wrote them): its status
     * says failed with the reason, and {@code failure.txt} holds the trace. Whatever goes wrong here, an error such as
     * running out of memory included, the status is written before the lock goes, so a run never stays "running".
     * Finalized after every other extension ({@link #recordsTheEnd()}): what failed in them as a good run ended is in
     * its status as warnings, beside its model, as the window and the command line tell it.
     */
    @Override
    public void finalize(TrainingLoop l) {
        TrainingResult result = l.result();
        Throwable lost = null;
        String status;
        String message = result.message() == null ? "" : result.message();
        try {
            if (result.outcome() == TrainingResult.Outcome.FAILED) writeFailure(l.failure());
            if (problem == null && result.iterations() > 0 && result.outcome() != TrainingResult.Outcome.DIVERGED
                    && result.outcome() != TrainingResult.Outcome.FAILED) {
                try {
                    ModelFiles.saveNpz(folder.resolve(RunStore.MODEL), loop.model(),
                            new ModelInfo(last == null ? null : last.valAccuracy(), dataName, classNames));
                } catch (IOException | RuntimeException e) {
                    // the run itself went well, and the window still holds its model: a warning, and the record says so
                    l.warnAtEnd("could not keep the model in the folder of run " + id + ": " + TrainingLoop.reason(e));
                }
            }
            writeLossCurve();
            status = switch (result.outcome()) {
                case COMPLETED -> result.failedToLearn(loop.model().classes()) ? RunStatus.FAILED_TO_LEARN.label() : RunStatus.FINISHED.label();
                case STOPPED -> RunStatus.STOPPED.label();
                case DIVERGED -> RunStatus.DIVERGED.label();
                case FAILED -> RunStatus.FAILED.label();
            };
        } catch (Throwable t) { // an error while the model was saved: the run failed there, and its record says so
            lost = t;
            status = RunStatus.FAILED.label();
            message = "failed as the run ended: " + TrainingLoop.reason(t);
        }
        try {
            writeStatus(status, message, l.result().warnings());
        } finally {
            lock.close();
        }
        if (lost instanceof RuntimeException r) throw r;
        if (lost instanceof Error e) throw e;
    }

    /** The run's training-loss curve, when it trained this time (else the file holds what it had). */
    private void writeLossCurve() {
        if (lossCurve == null || problem != null || lossCurve.observed() == 0) return;
        try {
            RunStore.writeLossPoints(folder, lossCurve.points());
        } catch (RuntimeException e) {
            // the curve is extra: a resume then draws one point an epoch from the log, as for a run recorded elsewhere
        }
    }

    /** Keeps the trace of what ended the run in its folder ({@code failure.txt}), for whoever looks into it. */
    private void writeFailure(Throwable t) {
        if (t == null || problem != null) return;
        try {
            java.io.StringWriter trace = new java.io.StringWriter();
            t.printStackTrace(new java.io.PrintWriter(trace));
            RunStore.write(folder.resolve(RunStore.FAILURE), trace.toString());
        } catch (Throwable e) {
            // the trace is extra: out of memory again, or a full disk, leaves the status to say why the run failed
        }
    }

    @Override
    public boolean recordsTheEnd() {
        return true;
    }

    private void writeStatus(String status, String message) {
        writeStatus(status, message, List.of());
    }

    private void writeStatus(String status, String message, List<String> warnings) {
        if (problem != null) return;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("updated", Instant.now().toString());
        m.put("epochs_done", last == null ? 0 : last.epoch());
        m.put("iteration", loop.iteration());
        m.put("final_accuracy", last == null ? null : last.valAccuracy());
        m.put("final_loss", last == null ? null : last.valLoss());
        m.put("final_lr", last == null || !Double.isFinite(last.lr()) ? null : last.lr());
        m.put("best_accuracy", Double.isNaN(bestAccuracy) ? null : bestAccuracy);
        m.put("best_epoch", bestEpoch);
        // the run's duration, one definition for every view: at the end the very figure the result gives
        m.put("seconds", loop.result() != null ? loop.result().seconds() : loop.elapsedTime());
        m.put("message", message);
        if (!warnings.isEmpty()) m.put("warnings", warnings);
        m.put("pid", ProcessHandle.current().pid());
        if (!resumes.isEmpty()) m.put("resumes", resumes);
        if (branchedFrom != null) m.put("branched_from", branchedFrom.toJson());
        try {
            RunStore.write(folder.resolve(RunStore.STATUS), Json.write(m));
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(Exception e) {
        if (problem == null) problem = "run " + id + " is no longer recorded: " + e.getMessage();
    }

    /** The run's folder as text, for messages: "run 3fa2c1d0 (in /home/u/.local/share/digitstudio/runs)". */
    @Override
    public String toString() {
        return "run " + id + " (in " + folder.getParent() + ")";
    }

}
