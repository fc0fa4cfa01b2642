package io.digitstudio.runs;

import io.digitstudio.data.Dataset;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.io.FormatException;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.io.NpyArray;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.Extension;
import io.digitstudio.train.FineTune;
import io.digitstudio.train.KeepBest;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.RunSetup;
import io.digitstudio.train.Snapshot;
import io.digitstudio.train.SnapshotWriter;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One training run, set up the same way whichever front end asks: the command line and the Train view only fill in
 * settings ({@link Builder}) and attach what they show (a progress bar, the live feed). The session loads the data,
 * builds or resumes the loop, attaches the run's extensions, and gives the run its home: its folder in the run history
 * holds its settings, log, models and, unless another folder is asked for, its snapshots. A resumed run is the same run,
 * continued in the same folder. At the end it says whether the run learned, and saves its model where it was asked to,
 * never over a file the user has unless told to.
 */
public final class TrainingSession {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TrainingLoop loop;
    private final Mnist.TrainTest data;
    private final RunRecorder recorder;
    private final String runId;
    private final Path snapshotDir;
    private final Path out;
    private final boolean replaceOut;
    private final Resumable resumed;
    private final List<String> notes;
    /** The iterations of this run that branches were made from, whose snapshots stay. */
    private final java.util.function.Supplier<java.util.Set<Long>> pinned;

    private final io.digitstudio.train.LossCurve lossCurve;

    private TrainingSession(TrainingLoop loop, Mnist.TrainTest data, RunRecorder recorder, String runId, Path snapshotDir, Path out,
                            boolean replaceOut, Resumable resumed, List<String> notes, java.util.function.Supplier<java.util.Set<Long>> pinned,
                            io.digitstudio.train.LossCurve lossCurve) {
        this.lossCurve = lossCurve;
        this.pinned = pinned;
        this.loop = loop;
        this.data = data;
        this.recorder = recorder;
        this.runId = runId;
        this.snapshotDir = snapshotDir;
        this.out = out;
        this.replaceOut = replaceOut;
        this.resumed = resumed;
        this.notes = new ArrayList<>(notes);
        this.endSnapshot = snapshotDir == null ? null : new EndSnapshot();
        if (endSnapshot != null) loop.addExtension(endSnapshot);
    }

    /** Takes the snapshot of the run's end; null when the run takes no snapshots. */
    private final EndSnapshot endSnapshot;

    /** A new session's settings; {@code store} null records nothing. {@code origin}: "cli" or "gui". */
    public static Builder builder(RunStore store, String origin) {
        return new Builder(store, origin);
    }

    /**
     * A snapshot to resume from, what it holds, and the run of the history it belongs to (null when the history does
     * not know it: a snapshot from another machine, or from a run that was not recorded).
     */
    public record Resumable(Path file, Map<String, NpyArray> arrays, TrainingConfig config, RunSetup setup, RunOptions options,
                            RunSummary run, int epochsDone) {
        /** The run's id, or empty when the snapshot names none. */
        public String runId() {
            return run != null ? run.id() : setup.runId();
        }

        /**
         * The run's epochs as its record says now: a resume that trained it longer (3 epochs, then to 5) wrote them
         * there, while a snapshot keeps those it was taken with. The snapshot's when the history does not know the run.
         */
        public int runEpochs() {
            return run != null && run.settings() != null ? run.settings().config().epochs() : config.epochs();
        }

        /** How many classes the snapshot's model answers ({@link Snapshot#classes}). */
        public int classes() {
            return Snapshot.classes(arrays);
        }
    }

    /**
     * Finds what {@code idOrFile} names: a snapshot file, or a run of the history by its id or the start of it (then
     * its newest snapshot). One clear {@link RunsException} when neither is found or the run left no snapshot.
     */
    public static Resumable locate(RunStore store, String idOrFile) {
        Path file = Path.of(idOrFile);
        RunSummary run = null;
        if (!Files.isRegularFile(file)) {
            boolean looksLikeId = store != null && idOrFile.strip().toLowerCase(Locale.ROOT).matches("[0-9a-f]{1,8}");
            if (!looksLikeId) throw new RunsException(idOrFile + " is neither a snapshot file nor a run id of the history");
            run = store.find(idOrFile);
            if (run.damaged()) throw new RunsException("run " + run.id() + " is damaged: " + run.problem());
            Optional<Path> last = store.lastSnapshot(run);
            if (last.isEmpty()) {
                throw new RunsException("run " + run.id() + " left no snapshot to resume from (snapshots are kept when a run takes them"
                        + " every N epochs, and when it is stopped)");
            }
            file = last.get();
        }
        return open(store, file, run);
    }

    private static Resumable open(RunStore store, Path file, RunSummary run) {
        String name = String.valueOf(file.getFileName());
        Map<String, NpyArray> a = Snapshot.read(file);
        RunSetup setup = Snapshot.runSetup(a, name);
        if (run == null && store != null && !setup.runId().isEmpty()) {
            Path folder = store.root().resolve(setup.runId());
            if (Files.isDirectory(folder)) {
                RunSummary r = store.read(folder);
                if (!r.damaged()) run = r;
            }
        }
        NpyArray epoch = a.get("updater/iterator:main/epoch");
        int done = epoch == null ? 0 : (int) (epoch.dtype().isFloat() ? epoch.toDoubles()[0] : epoch.toLongs()[0]);
        return new Resumable(file, a, Snapshot.config(a, name), setup, Snapshot.runOptions(a, name), run, done);
    }

    /**
     * Finds the snapshot a branch starts from: {@code RUN_ID} (its newest snapshot), {@code RUN_ID@ITERATION} or
     * {@code RUN_ID@iteration:N} (the one taken at that iteration; "6,876" as the app writes it is read too),
     * {@code RUN_ID@epoch:N} (the one taken at the end of epoch N) or {@code RUN_ID@epoch:3.67} (the one at that exact
     * point, as the app shows it: a run stopped in the middle of an epoch keeps its snapshot there). One clear
     * {@link RunsException} naming the snapshots there are when there is none at that point.
     */
    public static Resumable locateBranch(RunStore store, String spec) {
        String s = spec == null ? "" : spec.strip();
        int at = s.indexOf('@');
        String id = at < 0 ? s : s.substring(0, at);
        String point = at < 0 ? "" : s.substring(at + 1).strip().toLowerCase(Locale.ROOT);
        Long iteration = null;
        java.math.BigDecimal epoch = null;
        if (at >= 0) {
            try {
                if (point.startsWith("epoch:")) {
                    epoch = new java.math.BigDecimal(point.substring("epoch:".length()).strip());
                } else {
                    String n = point.startsWith("iteration:") ? point.substring("iteration:".length()).strip() : point;
                    if (!n.matches("[0-9]{1,3}(,[0-9]{3})+|[0-9]+")) throw new NumberFormatException(n);
                    iteration = Long.parseLong(n.replace(",", ""));
                }
            } catch (NumberFormatException e) {
                throw new RunsException("'" + spec + "': expected RUN_ID, RUN_ID@ITERATION, RUN_ID@iteration:N or RUN_ID@epoch:N"
                        + " (N the end of an epoch, as 3, or an exact point, as 3.67)");
            }
            if ((iteration != null && iteration < 1) || (epoch != null && epoch.signum() <= 0)) {
                throw new RunsException("'" + spec + "': the iteration or epoch must be more than 0");
            }
        }
        if (store == null) throw new RunsException("branching needs the run history");
        RunSummary run = store.find(id);
        if (run.damaged()) throw new RunsException("run " + run.id() + " is damaged: " + run.problem());
        List<BranchPoint> points = branchPoints(run);
        if (points.isEmpty()) {
            throw new RunsException("run " + run.id() + " left no snapshot to branch from (snapshots are kept when a run takes them every N epochs,"
                    + " and when it is stopped)");
        }
        BranchPoint pick = null;
        for (BranchPoint b : points) {
            Snapshot.Position p = b.position();
            boolean match = iteration != null ? p.iteration() == iteration
                    : epoch != null ? isAt(p, epoch) && (pick == null || closer(p, pick.position(), epoch))
                    : pick == null || p.iteration() > pick.position().iteration();
            if (match) pick = b;
        }
        if (pick == null) {
            String there = String.join(", ", points.stream().map(b -> b.point()).toList());
            throw new RunsException("run " + run.id() + " has no snapshot " + (iteration != null ? String.format(Locale.ROOT, "at iteration %,d", iteration)
                    : epoch.scale() <= 0 ? "at the end of epoch " + epoch.toPlainString() : "at epoch " + epoch.toPlainString()) + "; it has " + there);
        }
        return open(store, pick.file(), run);
    }

    /**
     * Whether a snapshot is at {@code epoch} as the user wrote it: a whole number is the end of that epoch; a fraction
     * is the point that reads so to as many decimals as were written (3.67 is 3.6667).
     */
    private static boolean isAt(Snapshot.Position p, java.math.BigDecimal epoch) {
        if (epoch.scale() <= 0) return p.epochEnd() && java.math.BigDecimal.valueOf(p.epoch()).compareTo(epoch) == 0;
        return Double.isFinite(p.epochDetail())
                && new java.math.BigDecimal(p.epochDetail()).setScale(epoch.scale(), java.math.RoundingMode.HALF_UP).compareTo(epoch) == 0;
    }

    private static boolean closer(Snapshot.Position p, Snapshot.Position than, java.math.BigDecimal epoch) {
        return Math.abs(p.epochDetail() - epoch.doubleValue()) < Math.abs(than.epochDetail() - epoch.doubleValue());
    }

    /** A point a branch can start from: a snapshot of the run, and where in the run it was taken. */
    public record BranchPoint(Snapshot.Position position, Path file) {
        /** What {@link #locateBranch} takes for this point: {@code RUN@epoch:N} at an epoch's end, else {@code RUN@ITERATION}. */
        public String spec(String runId) {
            return runId + "@" + (position.epochEnd() ? "epoch:" + position.epoch() : String.valueOf(position.iteration()));
        }

        /**
         * The point as {@link #locateBranch} takes it and the user reads it: "epoch:2 (iteration 938)" at an epoch's end,
         * "epoch:3.67 (iteration 6,876)" where a run stopped.
         */
        public String point() {
            return "epoch:" + (position.epochEnd() ? String.valueOf(position.epoch()) : RunSettings.Branch.epochs(position.epochDetail()))
                    + String.format(Locale.ROOT, " (iteration %,d)", position.iteration());
        }
    }

    /**
     * The snapshots of {@code run} a branch can start from, by iteration, reading only a few entries of each file;
     * files of other runs and damaged ones are left out.
     */
    public static List<BranchPoint> branchPoints(RunSummary run) {
        List<BranchPoint> out = new ArrayList<>();
        if (run.damaged()) return out;
        for (Path p : Snapshot.files(RunStore.snapshotFolder(run))) {
            try {
                if (!run.id().equals(Snapshot.runId(p))) continue;
                out.add(new BranchPoint(Snapshot.position(p), p));
            } catch (FormatException e) {
                // a damaged file is no point to branch from
            }
        }
        out.sort(java.util.Comparator.comparingLong(b -> b.position().iteration()));
        return out;
    }

    /**
     * Why resuming from {@code r} would train its run again over what the run did after that snapshot, with what to do
     * instead (branch from it); null when it would not. The run has gone past the snapshot when it has a later snapshot,
     * or has trained all its epochs beyond it: resuming there would rewrite its model, log, settings and snapshots,
     * where a branch leaves them as they are. A snapshot of no run of the history, or a run's newest, goes on as it is.
     */
    public static String trainedPast(Resumable r) {
        RunSummary run = r.run();
        if (run == null || run.damaged() || run.settings() == null) return null;
        Snapshot.Position at;
        try {
            at = Snapshot.position(r.file());
        } catch (RuntimeException e) {
            return null; // read again as the run resumes, which says what is wrong with it
        }
        boolean later = branchPoints(run).stream().anyMatch(b -> b.position().iteration() > at.iteration());
        boolean finishedPast = run.epochsDone() >= run.settings().config().epochs() && run.epochsDone() > r.epochsDone();
        if (!later && !finishedPast) return null;
        String where = at.epochEnd() ? "epoch " + at.epoch()
                : "epoch " + RunSettings.Branch.epochs(at.epochDetail()) + String.format(Locale.ROOT, " (iteration %,d)", at.iteration());
        return r.file().getFileName() + " is at " + where + " of run " + run.id() + ", which has trained " + run.epochsDone()
                + (run.epochsDone() == 1 ? " epoch" : " epochs") + ": resuming it would train the run again over what it did after it;"
                + " branch from it instead (--branch " + new BranchPoint(at, r.file()).spec(run.id()) + ")";
    }

    /**
     * Resuming a run to no more epochs than it already trained (all its epochs, or fewer asked): nothing to do, and
     * nothing is written. {@code file} names the snapshot when it belongs to no run of the history.
     */
    public static final class FinishedException extends RunsException {
        private final String runId;
        private final int epochs;

        FinishedException(String runId, Path file, int epochs) {
            super((runId.isEmpty() ? String.valueOf(file.getFileName()) : "run " + runId) + " has already trained " + epochs + " epochs; to train it further, give more"
                    + " epochs (--epochs " + (epochs + Math.max(1, epochs / 2)) + ")");
            this.runId = runId;
            this.epochs = epochs;
        }

        public String runId() {
            return runId;
        }

        public int epochs() {
            return epochs;
        }
    }

    /**
     * Fine-tunes a copy of {@code model} (named {@code modelName}, read from {@code modelFile} or built in: null) on
     * MNIST and {@code mine} ({@link FineTune}), recorded in {@code store}'s history (null: not recorded) as a run of its
     * own. A front end only hands over the model, the digits, the settings and what watches the run ({@code progress},
     * may be null: how far the whole fine-tuning is); a history that cannot be written leaves the fine-tuning
     * unrecorded, not undone.
     */
    public static FineTuning fineTune(RunStore store, String origin, io.digitstudio.nn.Network model, String modelName, Path modelFile,
                                      LabeledImages mine, FineTune.Settings s, List<Extension> watchers,
                                      java.util.function.Consumer<FineTune.Progress> progress) {
        Mnist.TrainTest mnist = Mnist.bundled();
        String[] runId = {""};
        FineTune.Result r = FineTune.run(model, mnist.train(), mnist.test(), mine, s, watchers, loop -> {
            if (store == null) return;
            try {
                runId[0] = RunRecorder.start(store, loop, new RunRecorder.Origin(origin, RunOptions.NONE, "MNIST" + io.digitstudio.io.ModelInfo.WITH_MY_DIGITS, "fine-tuning " + modelName,
                        mnist.sha256(), mnist.classNames(), "", modelFile == null ? modelName : modelFile.toString())).id();
            } catch (IOException | RuntimeException e) {
                // an unrecorded fine-tuning still runs
            }
        }, progress);
        return new FineTuning(r, runId[0]);
    }

    /**
     * A fine-tuning's result and the run the history records it as ("" when unrecorded): a front end that lets the user
     * discard the result deletes that run with it ({@link RunStore#delete}).
     */
    public record FineTuning(FineTune.Result result, String runId) {
    }

    /** The settings of a session, as either front end fills them in. Unset values fall back to a resumed run's, then to defaults. */
    public static final class Builder {
        private final RunStore store;
        private final String origin;
        private TrainingConfig config;
        private RunOptions options;
        private Path dataDir;
        private boolean dataGiven;
        private LabeledImages extra;
        private String extraName = "";
        private int extraTimes = 1;
        private Path initModel;
        private boolean networkFromInit;
        private Integer snapshotEvery;
        private Path snapshotDir;
        private Integer keep;
        private Path out;
        private boolean force;
        private Resumable resume;
        private boolean branch;
        private Integer epochs;
        private String trainSizeName = "--train-size";
        private String testSizeName = "--test-size";
        private RunSettings.Sweep sweep;
        private String dataChecksum = "";

        private Builder(RunStore store, String origin) {
            this.store = store;
            this.origin = origin;
        }

        /** A new run's configuration (a resumed run keeps its snapshot's; see {@link #epochs}). */
        public Builder config(TrainingConfig c) {
            this.config = c;
            return this;
        }

        /** The run's extensions (a resumed run keeps its own; only the log file may change). */
        public Builder options(RunOptions o) {
            this.options = o;
            return this;
        }

        /** A folder of IDX files; null: the bundled MNIST (a resumed run: its own data unless given). */
        public Builder data(Path dir, boolean given) {
            this.dataDir = dir;
            this.dataGiven = given;
            return this;
        }

        /** More training examples mixed into every epoch {@code times} times, distorted a little each time. */
        public Builder extra(LabeledImages images, String name, int times) {
            this.extra = images;
            this.extraName = name;
            this.extraTimes = times;
            return this;
        }

        /** Start from a saved model's weights; with {@code takeNetwork} the run also takes its network. */
        public Builder initModel(Path file, boolean takeNetwork) {
            this.initModel = file;
            this.networkFromInit = takeNetwork;
            return this;
        }

        /** Snapshot every {@code every} epochs (null: as resumed, else none) into {@code dir} (null: the run's folder), keeping {@code keep}. */
        public Builder snapshots(Integer every, Path dir, Integer keep) {
            this.snapshotEvery = every;
            this.snapshotDir = dir;
            this.keep = keep;
            return this;
        }

        /** Where the model goes at the end; an existing file is replaced only with {@code force}. */
        public Builder out(Path file, boolean force) {
            this.out = file;
            this.force = force;
            return this;
        }

        public Builder resume(Resumable r) {
            this.resume = r;
            this.branch = false;
            return this;
        }

        /**
         * A new run that starts from {@code r}'s exact state. {@link #config} gives its settings (null: the parent's):
         * the optimizer, its values and the epochs may differ from the parent's, nothing else; {@link #options} its
         * schedule and other extensions (null: the parent's). Its model goes only where {@link #out} says, and its
         * snapshots into its own folder (or the one given).
         */
        public Builder branch(Resumable r) {
            this.resume = r;
            this.branch = true;
            return this;
        }

        /** Epochs for a resumed run (null: the snapshot's). */
        public Builder epochs(Integer e) {
            this.epochs = e;
            return this;
        }

        /** The sweep this new run is a point of (null: none); its record carries the tag. */
        public Builder sweep(RunSettings.Sweep s) {
            this.sweep = s;
            return this;
        }

        /**
         * The data's SHA-256 the run was set up with (a settings file's): data with other contents is refused, so that a
         * run started elsewhere trains on what it was meant to. Empty: any data.
         */
        public Builder expectData(String sha256) {
            this.dataChecksum = sha256 == null ? "" : sha256;
            return this;
        }

        /** How errors about the subset sizes name them ("--train-size", or a form's label). */
        public Builder sizeNames(String train, String test) {
            this.trainSizeName = train;
            this.testSizeName = test;
            return this;
        }

        /**
         * Loads the data and sets the run up: everything that can be refused is refused here, before any file is
         * written (an output file that exists, a snapshot folder of another run, a finished run).
         */
        public TrainingSession build() {
            List<String> notes = new ArrayList<>();
            Resumable r = resume;
            RunSetup before = r == null ? RunSetup.NONE : r.setup();
            TrainingConfig c;
            if (r != null && branch) {
                if (initModel != null) throw new RunsException("--init-model starts a new run from a model; a branch starts from its parent's state");
                if (extra != null) throw new RunsException("--extra-data cannot change in a branch; it keeps its parent's data");
                // the parent's epochs as they stand now, as the window's "Branch from here…" fills them in
                c = config == null ? r.config().withEpochs(r.runEpochs()) : config;
                if (c.epochs() <= r.epochsDone()) {
                    throw new RunsException("the branch point is in epoch " + (r.epochsDone() + 1) + " (" + r.epochsDone() + " done); give more epochs than "
                            + r.epochsDone() + " (--epochs " + (r.epochsDone() + 1) + " or more)");
                }
            } else if (r != null) {
                if (initModel != null) throw new RunsException("--init-model starts a new run; a resumed run has its own weights");
                if (extra != null) throw new RunsException("--extra-data starts a new run; a resumed run keeps its data");
                c = r.config();
                String past = trainedPast(r);
                if (past != null) throw new RunsException(past);
                int wanted = epochs == null ? c.epochs() : epochs;
                // fewer epochs than it trained is told as a finished run is: one problem, one wording
                if (r.epochsDone() >= wanted) throw new FinishedException(r.runId(), r.file(), r.epochsDone());
                c = c.withEpochs(wanted);
            } else {
                if (config == null) throw new IllegalStateException("a new run needs its configuration");
                c = config;
            }

            Path dir = dataGiven || before.dataDir().isEmpty() ? dataDir : Path.of(before.dataDir());
            Mnist.TrainTest all = Mnist.load(dir);
            if (!dataChecksum.isEmpty() && !dataChecksum.equals(all.sha256())) {
                throw new RunsException("the data (" + all.source() + ") is not what the settings were made with: its SHA-256 is "
                        + all.sha256().substring(0, 12) + "…, the settings' " + (dataChecksum.length() > 12 ? dataChecksum.substring(0, 12) + "…" : dataChecksum)
                        + "; give the same data with --data");
            }

            ModelFiles.LoadedModel init = initModel == null ? null : ModelFiles.load(initModel);
            if (init != null && networkFromInit) {
                c = c.withNetwork(init.model().spec());
                notes.add("starting from " + initModel.getFileName() + ": " + init.model().description() + " (" + init.model().spec().text() + ")");
            }
            LabeledImages train = all.train().limit(c.trainLimit(), trainSizeName);
            LabeledImages test = all.test().limit(c.testLimit(), testSizeName);
            Mnist.TrainTest d = all.with(train, test);
            Dataset trainSet = train;
            if (extra != null) {
                if (extraTimes < 1 || extraTimes > 1000) throw new RunsException("--extra-weight must be between 1 and 1000, got " + extraTimes);
                if (extra.featureSize() != train.featureSize()) {
                    throw new RunsException(extraName + " has images of " + extra.featureSize() + " values, the training data " + train.featureSize());
                }
                trainSet = FineTune.mix(train, extra, extraTimes, c.seed() ^ 0x5EED, true);
                notes.add(String.format(Locale.ROOT, "training on %d examples of %s and %d of %s (x%d)", train.size(), d.name(), extra.size(), extraName, extraTimes));
            }

            Path modelOut = out;
            boolean replace = false;
            if (modelOut == null && r != null && !branch && !before.out().isEmpty()) {
                // the run's own output file: another run may have written it since, so it is replaced only when forced,
                // else the model goes beside it
                modelOut = Path.of(before.out());
                replace = force;
            } else if (modelOut != null && Files.exists(modelOut)) {
                if (!force) throw new RunsException(modelOut + " already exists; give another --out, or add --force to replace it");
                replace = true;
            }

            RunOptions branchOptions = branch ? branchOptions(r.options(), options) : null;
            TrainingLoop loop;
            if (r == null) {
                loop = TrainingLoop.create(c, trainSet, test, d.source());
            } else if (branch) {
                try {
                    loop = Snapshot.branch(r.arrays(), String.valueOf(r.file().getFileName()), train, test, d.source(), c,
                            startingOver(r.config(), c, r.options(), branchOptions));
                } catch (IllegalArgumentException e) {
                    throw new RunsException(e.getMessage(), e);
                }
            } else {
                loop = Snapshot.resume(r.arrays(), String.valueOf(r.file().getFileName()), train, test, d.source(), c.epochs());
            }
            if (init != null) startFrom(loop, init, initModel);
            if (r != null && branch) notes.add(String.format(Locale.ROOT, "branching %s at epoch %s of %d (iteration %,d): %s, %d epochs",
                    r.runId().isEmpty() ? "the run" : "run " + r.runId(), RunSettings.Branch.epochs(RunSettings.Branch.epochDetail(loop.iterator())), r.runEpochs(),
                    loop.iteration(), c.optimizer() + " " + io.digitstudio.train.LearningRates.format(c.lr()), c.epochs()));
            else if (r != null) notes.add(String.format(Locale.ROOT, "resuming %s at epoch %d of %d (iteration %,d)",
                    r.runId().isEmpty() ? "the run" : "run " + r.runId(), loop.iterator().epoch(), c.epochs(), loop.iteration()));

            if (snapshotEvery != null && snapshotEvery < 1) throw new RunsException("--snapshot-every must be at least 1, got " + snapshotEvery);
            int every = snapshotEvery != null ? snapshotEvery : before.snapshotEvery();
            int kept = keep != null ? keep : before.keep() > 0 ? before.keep() : 3;
            if (kept < 1) throw new RunsException("--keep must be at least 1, got " + kept);
            // a branch's snapshots are its own: never in the folder of its parent's
            Path snapDir = snapshotDir != null ? snapshotDir.toAbsolutePath() : !branch && !before.snapshotDir().isEmpty() ? Path.of(before.snapshotDir()) : null;
            boolean newRun = r == null || branch;
            String ownId = newRun ? "" : r.runId();
            if (snapDir != null) refuseOthersSnapshots(snapDir, ownId, newRun);

            // the run's home: its folder in the history, the same one when it is resumed, a new one for a branch
            RunOptions opts = r == null ? (options == null ? RunOptions.NONE : options) : branch ? branchOptions : withLog(r.options(), options);
            RunRecorder rec = null;
            if (store != null) {
                RunSettings.Branch parent = branch ? new RunSettings.Branch(r.runId(), loop.iteration(), loop.iterator().epoch(), RunSettings.Branch.epochDetail(loop.iterator()),
                        Snapshot.trainedSeconds(r.arrays())) : null;
                RunRecorder.Origin o = new RunRecorder.Origin(origin, opts, all.name(), all.source(), all.sha256(), all.classNames(),
                        snapDir == null ? "" : snapDir.toString(), r == null ? "" : r.file().toAbsolutePath().toString(), parent, r == null ? sweep : null);
                try {
                    rec = !newRun && r.run() != null ? RunRecorder.reopen(r.run(), loop, o) : RunRecorder.start(store, loop, o);
                } catch (IOException e) {
                    notes.add("warning: not recording this run in " + store.root() + ": " + e.getMessage());
                }
            }
            try {
                String id = rec != null ? rec.id() : !ownId.isEmpty() ? ownId : String.format(Locale.ROOT, "%08x", RANDOM.nextInt());
                Path snapshotsIn = snapDir != null ? snapDir : rec != null ? rec.folder() : every > 0 ? Path.of("").toAbsolutePath() : null;
                if (snapDir == null && rec == null && snapshotsIn != null) refuseOthersSnapshots(snapshotsIn, ownId, newRun);
                loop.setSetup(new RunSetup(id, dir == null ? "" : dir.toAbsolutePath().toString(), modelOut == null ? "" : modelOut.toAbsolutePath().toString(),
                        snapDir == null ? "" : snapDir.toString(), every, every > 0 ? kept : 0));
                loop.apply(opts, d.name(), d.classNames());
                if (opts.warmupEpochs() > c.epochs()) {
                    notes.add("warning: the warm-up (" + epochs(opts.warmupEpochs()) + ") is longer than the run (" + epochs(c.epochs())
                            + "): the learning rate never reaches " + io.digitstudio.train.LearningRates.format(c.lr()));
                }
                if (opts.keepBest() && modelOut == null && rec == null) {
                    try { // nowhere else to keep it: a temporary file until the run ends
                        Path tmp = Files.createTempFile("digitstudio-best-", ".npz");
                        tmp.toFile().deleteOnExit();
                        loop.addExtension(new KeepBest(tmp, d.name(), d.classNames()));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException("cannot keep the best model: " + e.getMessage(), e);
                    }
                }
                // a snapshot a branch was made from is where that branch starts: never pruned. Asked at every snapshot, so
                // each run's settings are read once, not the whole history each time
                java.util.function.Supplier<java.util.Set<Long>> pinned = store == null ? java.util.Set::of : store.branchPoints(id)::iterations;
                if (every > 0) {
                    SnapshotWriter w = new SnapshotWriter(loop, snapshotsIn, every, kept);
                    w.keepAlso(pinned);
                    loop.addExtension(w);
                }
                // the training-loss curve the window draws and the run's folder keeps, going on from the one the
                // window showed before the run's own (a resumed run's, a branch's parent's)
                io.digitstudio.train.LossCurve curve = new io.digitstudio.train.LossCurve();
                if (r != null && store != null && r.run() != null) curve.startFrom(earlierCurve(store, r, branch));
                loop.addExtension(curve);
                if (rec != null) rec.keep(curve);
                return new TrainingSession(loop, d, rec, id, snapshotsIn, modelOut, replace, r, notes, pinned, curve);
            } catch (RuntimeException e) {
                if (rec != null) rec.abandon(e);
                throw e;
            }
        }

        /**
         * The training-loss curve a resumed run or a branch goes on from, as the Train view shows it before the run's
         * own points: the run's (the parent's) kept curve up to the snapshot; for a resumed run that kept none, its
         * log's epochs' means. The view draws the curve beside the epochs of the log up to there, so where the log has
         * none it shows none either (a run stopped in its first epoch).
         */
        private static List<double[]> earlierCurve(RunStore store, Resumable r, boolean branch) {
            List<double[]> means = new ArrayList<>();
            try {
                for (Map<String, Double> e : store.log(r.run())) {
                    Double epoch = e.get("epoch");
                    if (epoch == null || !(epoch >= 1) || epoch > r.epochsDone()) continue;
                    Double loss = e.get("main/loss");
                    means.add(new double[]{epoch, loss == null ? Double.NaN : loss});
                }
            } catch (RuntimeException e) {
                return List.of(); // a damaged log: the run's curve starts with its own points, as its chart does
            }
            if (means.isEmpty()) return List.of();
            double upTo;
            try {
                upTo = Snapshot.position(r.file()).epochDetail();
            } catch (RuntimeException e) {
                upTo = Double.NaN; // no point to cut the kept curve at: as for a run that kept none
            }
            double end = upTo;
            List<double[]> kept = Double.isFinite(end) ? store.lossPoints(r.run()).stream().filter(p -> p[0] <= end + 1e-9).toList() : List.of();
            return !kept.isEmpty() ? kept : branch ? List.of() : means;
        }

        private static String epochs(int n) {
            return n + (n == 1 ? " epoch" : " epochs");
        }

        /** A branch's extensions: those asked for, else the parent's; never the parent's log file, which stays the parent's. */
        private static RunOptions branchOptions(RunOptions parent, RunOptions asked) {
            if (asked != null) return asked;
            return new RunOptions(parent.lrShift(), parent.warmupEpochs(), parent.earlyStop(), parent.keepBest(), "");
        }

        /**
         * The extensions whose saved state a branch does not take: its own records (its best model is the best since the
         * branch), and the schedule when the rate, the optimizer or the schedule changes (it starts over from the branch's
         * rate at the branch point).
         */
        private static java.util.Set<String> startingOver(TrainingConfig parent, TrainingConfig branch, RunOptions parentOptions, RunOptions options) {
            java.util.Set<String> fresh = new java.util.HashSet<>(List.of(RunRecorder.BEST_NAME, KeepBest.NAME));
            boolean rateChanged = !parent.optimizer().equals(branch.optimizer()) || parent.lr() != branch.lr();
            if (rateChanged || !parentOptions.lrShift().equals(options.lrShift())) {
                fresh.addAll(List.of("ExponentialShift", "LinearShift", "MultistepShift"));
            }
            if (rateChanged || parentOptions.warmupEpochs() != options.warmupEpochs()) fresh.add("WarmupShift");
            return fresh;
        }

        private static RunOptions withLog(RunOptions saved, RunOptions asked) {
            if (asked == null || asked.log().isEmpty()) return saved;
            return new RunOptions(saved.lrShift(), saved.warmupEpochs(), saved.earlyStop(), saved.keepBest(), asked.log());
        }

        /**
         * A folder that holds another run's snapshots is refused: its files are that run's, to resume and to keep. A new
         * run takes a folder with no snapshots; a resumed one, a folder with only its own (or, for a snapshot from before
         * snapshots named their run, ones that name no run).
         */
        private static void refuseOthersSnapshots(Path dir, String ownId, boolean newRun) {
            for (Path p : Snapshot.files(dir)) {
                String id;
                try {
                    id = Snapshot.runId(p);
                } catch (FormatException e) {
                    id = "?";
                }
                boolean others = newRun || !id.equals(ownId);
                if (others) {
                    throw new RunsException(dir + " holds snapshots of " + (id.isEmpty() || id.equals("?") ? "another run" : "run " + id) + " ("
                            + p.getFileName() + "); choose another snapshot folder, or leave it out to keep them in the run's own folder");
                }
            }
        }

        /** Fills the new run's network with a saved model's weights, which must be for the same network. */
        private static void startFrom(TrainingLoop loop, ModelFiles.LoadedModel init, Path file) {
            String mine = loop.model().spec().text();
            String theirs = init.model().spec().text();
            if (!mine.equals(theirs) || loop.model().inputSize() != init.model().inputSize()) {
                throw new RunsException(file.getFileName() + " holds " + init.model().description() + " (" + theirs + "), not the run's network ("
                        + mine + "); leave --model out to take the file's network, or give the matching one");
            }
            ModelFiles.loadInto(ModelFiles.toArrays(init.model(), ModelInfo.NONE), loop.model(), String.valueOf(file.getFileName()));
        }
    }

    /** How a run ended and what it means for its model. */
    public enum Verdict {
        /** It completed and learned: its model may become the active one. */
        LEARNED,
        /** It completed at chance level or with a loss that is not finite: its model never replaces another by itself. */
        FAILED_TO_LEARN,
        STOPPED,
        DIVERGED
    }

    /** The best epoch's model the run kept, its epoch and validation accuracy. */
    public record Best(Path file, int epoch, double accuracy) {
    }

    /** How the run ended: the loop's result, the verdict, the snapshot taken when it was stopped (or null). */
    public record Outcome(TrainingResult result, Verdict verdict, Path stopSnapshot) {
    }

    /**
     * Trains until the run ends. A run stopped between epochs is snapshotted into its snapshot folder (its own folder
     * when recorded), so that it can be resumed exactly where it stopped; so is the end of a run whose newest snapshot
     * is older, so that its newest snapshot is always where it is.
     */
    public Outcome run() {
        TrainingResult result = loop.run();
        Verdict v = verdict(result);
        Path stop = v == Verdict.STOPPED && endSnapshot != null ? endSnapshot.taken : null;
        tidyStopSnapshots();
        return new Outcome(result, v, stop);
    }

    private Verdict verdict(TrainingResult result) {
        return switch (result.outcome()) {
            case COMPLETED -> result.failedToLearn(loop.model().classes()) ? Verdict.FAILED_TO_LEARN : Verdict.LEARNED;
            case STOPPED -> Verdict.STOPPED;
            case DIVERGED -> Verdict.DIVERGED;
            case FAILED -> throw new IllegalStateException(result.message()); // the loop throws what ended a failed run
        };
    }

    /**
     * Snapshots the run's end as the run ends: finalized before the run's record, so that a snapshot that cannot be
     * written is a warning the record, the window and the command line all tell, and the run keeps its outcome and model.
     * A stopped run is kept to resume from; one whose newest snapshot is older than its end gets its end snapshotted
     * too, so that resuming it never goes back to an earlier state.
     */
    private final class EndSnapshot implements io.digitstudio.train.Extension {
        /** The snapshot at the run's end (taken now, or the last one when it is there already), or null. */
        private Path taken;

        @Override
        public String name() {
            return "end snapshot";
        }

        @Override
        public io.digitstudio.train.Trigger trigger() {
            return NEVER;
        }

        @Override
        public int priority() {
            return io.digitstudio.train.SnapshotWriter.PRIORITY;
        }

        @Override
        public void call(TrainingLoop l) {
        }

        @Override
        public void finalize(TrainingLoop l) {
            TrainingResult result = l.result();
            if (l.iteration() == 0 || result.outcome() == TrainingResult.Outcome.FAILED || result.outcome() == TrainingResult.Outcome.DIVERGED) return;
            Optional<Path> last = Snapshot.latest(snapshotDir, runId);
            long lastIteration = last.isPresent() ? Snapshot.iterationOf(last.get()) : -1;
            if (lastIteration == l.iteration()) {
                taken = last.get();
                return;
            }
            if (result.outcome() != TrainingResult.Outcome.STOPPED && lastIteration < 0) return;
            Path file = snapshotDir.resolve(Snapshot.stopFileName(l.iteration()));
            try {
                Files.createDirectories(snapshotDir);
                Snapshot.save(file, l);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not write " + file.getFileName() + ": " + e.getMessage(), e);
            }
            taken = file;
        }
    }

    private static final io.digitstudio.train.Trigger NEVER = l -> false;

    /**
     * A snapshot taken when the run stopped is superseded once a later one of the run exists, unless a branch was made
     * from it (it is where that branch starts).
     */
    private void tidyStopSnapshots() {
        if (snapshotDir == null) return;
        try {
            Optional<Path> newest = Snapshot.latest(snapshotDir, runId);
            if (newest.isEmpty()) return;
            java.util.Set<Long> keep = null;
            for (Path p : Snapshot.files(snapshotDir)) {
                if (p.equals(newest.get()) || !Snapshot.ITERATION_FILE.matcher(p.getFileName().toString()).matches()) continue;
                if (!runId.equals(Snapshot.runId(p))) continue;
                if (keep == null) keep = pinned.get();
                if (!keep.contains(Snapshot.iterationOf(p))) Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // an old snapshot left behind costs only space
        }
    }

    /**
     * Saves the model to the output file the session was given: atomically, and never over a file that appeared during
     * the run unless the user allowed it; then the next free name beside it is used. Returns where it went.
     */
    public Path saveModel() throws IOException {
        if (out == null) throw new IllegalStateException("this session has no output file");
        Path target = out;
        if (!replaceOut && Files.exists(target)) target = freeName(target);
        EpochReport last = loop.reports().isEmpty() ? null : loop.reports().get(loop.reports().size() - 1);
        ModelFiles.saveNpz(target, loop.model(), new ModelInfo(last == null ? null : last.valAccuracy(), data.name(), data.classNames()));
        return target;
    }

    /** Where a model goes when the user names no file (as the tutorial saves its model). */
    public static final String DEFAULT_MODEL = "model.npz";

    /** A name of the series {@link #freeName} makes of {@link #DEFAULT_MODEL}: model-2.npz, model-3.npz, … */
    private static final java.util.regex.Pattern DEFAULT_SERIES = java.util.regex.Pattern.compile("model-([2-9]|[1-9][0-9]{1,8})\\.npz");

    /**
     * {@code model.npz}, else {@code model-2.npz}, {@code model-3.npz}, …: the first that does not exist. A name of
     * that series goes on in it ({@code model-2.npz}: {@code model-3.npz}, not {@code model-2-2.npz}), as a run first
     * saved there and resumed does; any other name takes a number of its own ({@code lenet-5.npz}: {@code lenet-5-2.npz}).
     */
    public static Path freeName(Path file) {
        if (!Files.exists(file)) return file;
        String name = file.getFileName().toString();
        java.util.regex.Matcher series = DEFAULT_SERIES.matcher(name);
        boolean inSeries = series.matches();
        String base = inSeries ? "model" : name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
        String ext = inSeries || name.endsWith(".npz") ? ".npz" : "";
        Path p = file;
        for (long i = inSeries ? Long.parseLong(series.group(1)) + 1 : 2; Files.exists(p); i++) p = file.resolveSibling(base + "-" + i + ext);
        return p;
    }

    /** The best epoch's model the run kept (the user's --keep-best file first, else the record's), or empty before any epoch. */
    public Optional<Best> best() {
        KeepBest mine = null;
        for (Extension e : loop.extensions()) {
            if (e instanceof KeepBest k && k.name().equals(KeepBest.NAME)) mine = k;
        }
        KeepBest k = mine != null ? mine : recorder == null ? null : recorder.best();
        if (k == null || k.bestEpoch() <= 0) return Optional.empty();
        return Optional.of(new Best(k.file(), k.bestEpoch(), k.best()));
    }

    public TrainingLoop loop() {
        return loop;
    }

    public TrainingConfig config() {
        return loop.config();
    }

    /** The data the run trains and validates on (after any subset), with its name and class names. */
    public Mnist.TrainTest data() {
        return data;
    }

    /** The run's record in the history, or null when it is not recorded. */
    /** The run's training-loss curve (smoothed, thinned), which the window draws and the run's folder keeps. */
    public io.digitstudio.train.LossCurve lossCurve() {
        return lossCurve;
    }

    public RunRecorder recorder() {
        return recorder;
    }

    /** The run's id: in the history when recorded, else one of its own that its snapshots carry. */
    public String runId() {
        return runId;
    }

    /** Whether the run is recorded in the history. */
    public boolean recorded() {
        return recorder != null;
    }

    /** The folder the run's snapshots go to, or null when it takes none. */
    public Path snapshotDir() {
        return snapshotDir;
    }

    /** The file the model is saved to at the end, or null (a window's run). */
    public Path out() {
        return out;
    }

    /** The snapshot this session resumed, or null for a new run. */
    public Resumable resumed() {
        return resumed;
    }

    /** What the user should be told before the run starts (what it resumes, the data mixed in, warnings). */
    public List<String> notes() {
        return java.util.Collections.unmodifiableList(notes);
    }
}
