package io.digitstudio.cli;

import io.digitstudio.data.Mnist;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.io.NpyArray;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.KeepBest;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.RunSetup;
import io.digitstudio.train.Snapshot;
import io.digitstudio.train.SnapshotWriter;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingListener;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

/** {@code train}: the tutorial's loop, one line per epoch on stdout, the model saved at the end. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train a network (the tutorial's MLP by default), print one line per epoch and save the model.")
final class TrainCommand implements Callable<Integer> {
    /** Where the model goes when no --out is given (as the tutorial saves its model): never over an existing file. */
    static final String DEFAULT_OUT = "model.npz";

    @Mixin
    DataOptions data;

    @Mixin
    SubsetOptions subset;

    @Mixin
    TrainingOptions options;

    @Option(names = "--out", paramLabel = "FILE.npz", description = "Save the trained model here (Chainer's NPZ layout). Default: "
            + DEFAULT_OUT + " in the current folder (model-2.npz, … if taken).")
    Path out;

    @Option(names = "--snapshot-every", paramLabel = "N", description = "Snapshot the whole run (model, optimizer, iterator, random state, log) every N epochs.")
    Integer snapshotEvery;

    @Option(names = "--snapshot-dir", paramLabel = "DIR", description = "Folder for snapshot_epoch_NNNN.npz files, made if missing (default: the current folder).")
    Path snapshotDir;

    @Option(names = "--keep", paramLabel = "K", description = "Snapshots to keep, newest first (default: 3).")
    Integer keep;

    @Option(names = "--resume", paramLabel = "SNAPSHOT.npz",
            description = "Continue a run from a snapshot, bit for bit, as it was set up (data, output, snapshots). "
                    + "--epochs may extend it and --out, --data and the snapshot options may change; other settings are the snapshot's.")
    Path resume;

    @Option(names = "--lr-shift", paramLabel = "SCHEDULE", description = "Learning-rate schedule: exponential:RATE (times RATE every epoch,"
            + " Chainer's ExponentialShift), linear:START:END (over the whole run), step:RATE@E1,E2,... (times RATE from each epoch Ei).")
    String lrShift;

    @Option(names = "--warmup", paramLabel = "EPOCHS", description = "Raise the learning rate from 0 over the first EPOCHS epochs (Chainer's WarmupShift).")
    Integer warmup;

    @Option(names = "--early-stop", paramLabel = "PATIENCE", description = "Stop when validation/main/loss has not improved for PATIENCE epochs.")
    Integer earlyStop;

    @Option(names = "--keep-best", description = "Also save the model of the epoch with the best validation/main/accuracy, beside --out (NAME-best.npz).")
    boolean keepBest;

    @Option(names = "--log", paramLabel = "FILE", description = "Write Chainer's log (JSON: epoch, iteration, main/loss, validation/main/accuracy, lr, elapsed_time, ...) after every epoch.")
    Path log;

    @Option(names = "--init-model", paramLabel = "FILE.npz", description = "Start from these weights (fine-tuning); the file's network must be --model's.")
    Path initModel;

    @Mixin
    RunsDirOption runsDir;

    @Option(names = "--extra-data", paramLabel = "DIR", description = "More training examples (a folder of IDX files, e.g. your digits from"
            + " 'mydigits', or mydigits itself for the collection), mixed into every epoch, distorted a little each time.")
    Path extraData;

    @Option(names = "--extra-weight", paramLabel = "K", description = "How many times the extra examples are repeated in an epoch (default: 1).")
    Integer extraWeight;

    @Option(names = "--no-record", description = "Do not record this run in the run history.")
    boolean noRecord;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ParseResult given = spec.commandLine().getParseResult();
        subset.validate();
        Map<String, NpyArray> snapshot = resume == null ? null : Snapshot.read(resume);
        String snapshotName = resume == null ? null : String.valueOf(resume.getFileName());
        RunSetup before = snapshot == null ? RunSetup.NONE : Snapshot.runSetup(snapshot, snapshotName);
        TrainingConfig config;
        if (snapshot == null) {
            config = options.config(subset.trainLimit(), subset.testLimit());
        } else {
            TrainingConfig saved = Snapshot.config(snapshot, snapshotName);
            refuseContradictions(given, saved);
            config = given.hasMatchedOption("--epochs") ? saved.withEpochs(options.epochs) : saved;
        }

        // what the run reads and writes: the command line first, then what the snapshot recorded, then the defaults
        Path dataDir = data.dir != null ? data.dir : before.dataDir().isEmpty() ? null : Path.of(before.dataDir());
        Path modelOut = out != null ? out : !before.out().isEmpty() ? Path.of(before.out()) : freeDefault();
        int every = snapshotEvery != null ? snapshotEvery : before.snapshotEvery();
        Path snapDir = snapshotDir != null ? snapshotDir : !before.snapshotDir().isEmpty() ? Path.of(before.snapshotDir()) : Path.of(".");
        int kept = keep != null ? keep : before.keep() > 0 ? before.keep() : 3;
        ModelOutput.check(modelOut);
        if (snapshotEvery != null && snapshotEvery < 1) throw new UserInputException("--snapshot-every must be at least 1, got " + snapshotEvery);
        if (kept < 1) throw new UserInputException("--keep must be at least 1, got " + kept);

        Startup.engine();
        options.applyThreads();
        Mnist.TrainTest all = Mnist.load(dataDir);
        Mnist.TrainTest d = all.with(DataOptions.cut(all.train(), limit(config.trainLimit()), "--train-size"),
                DataOptions.cut(all.test(), limit(config.testLimit()), "--test-size"));
        if (initModel != null && snapshot != null) throw new UserInputException("--init-model starts a new run; a resumed run has its own weights");
        ModelFiles.LoadedModel init = initModel == null ? null : ModelFiles.loadNpz(initModel);
        TrainingLoop loop;
        io.digitstudio.data.Dataset trainSet = d.train();
        if (extraData != null) {
            if (snapshot != null) throw new UserInputException("--extra-data starts a new run; a resumed run keeps its data");
            int times = extraWeight == null ? 1 : extraWeight;
            if (times < 1 || times > 1000) throw new UserInputException("--extra-weight must be between 1 and 1000, got " + times);
            io.digitstudio.data.LabeledImages extra = extraData.toString().equals("mydigits")
                    ? io.digitstudio.mydigits.MyDigits.dataset(new io.digitstudio.mydigits.MyDigits(io.digitstudio.mydigits.MyDigits.defaultFolder()).list(), "my digits")
                    : Mnist.fromDirectory(extraData).train();
            if (extra.featureSize() != d.train().featureSize()) {
                throw new UserInputException(extraData + " has images of " + extra.featureSize() + " values, the training data " + d.train().featureSize());
            }
            trainSet = io.digitstudio.train.FineTune.mix(d.train(), extra, times, config.seed() ^ 0x5EED, true);
            System.err.printf(Locale.ROOT, "training on %d examples of %s and %d of %s (x%d)%n", d.train().size(), d.name(), extra.size(), extraData, times);
        } else if (extraWeight != null) {
            throw new UserInputException("--extra-weight needs --extra-data");
        }
        if (snapshot == null) {
            loop = TrainingLoop.create(config, trainSet, d.test(), d.source());
            if (init != null) startFrom(loop, init);
        } else {
            loop = Snapshot.resume(snapshot, snapshotName, d.train(), d.test(), d.source(), config.epochs());
            System.err.printf(Locale.ROOT, "resuming at epoch %d of %d (iteration %d)%n", loop.iterator().epoch(), loop.config().epochs(), loop.iteration());
        }
        loop.setSetup(new RunSetup(dataDir == null ? "" : dataDir.toAbsolutePath().toString(), modelOut.toAbsolutePath().toString(),
                every > 0 ? snapDir.toAbsolutePath().toString() : "", every, every > 0 ? kept : 0));
        RunOptions extras = runOptions(given, snapshot == null ? null : Snapshot.runOptions(snapshot, snapshotName));
        loop.apply(extras, d.name(), d.classNames());
        if (every > 0) loop.addListener(new SnapshotWriter(loop, snapDir, every, kept));
        io.digitstudio.runs.RunRecorder recorder = noRecord ? null : record(loop, all, extras, every > 0 ? snapDir.toAbsolutePath().toString() : "",
                resume == null ? "" : resume.toAbsolutePath().toString());
        // the bar first, so that it is wiped from the terminal before each epoch line is printed
        if (System.console() != null) loop.addListener(new ProgressBar(System.err));
        loop.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochReport r) {
                // the tutorial's line; the learning rate only when a schedule makes it change
                Double lr = loop.observation().get("lr");
                System.out.println(extras.lrVaries() && lr != null ? r.tutorialLine() + " lr:" + new java.math.BigDecimal(String.format(Locale.ROOT, "%.6g", lr))
                        .stripTrailingZeros().toPlainString() : r.tutorialLine());
                System.out.flush();
            }
        });
        TrainingResult result = loop.run();
        if (recorder != null) {
            if (recorder.problem() != null) System.err.println("digitstudio: warning: " + recorder.problem());
            else System.err.println("recorded as run " + recorder.id() + " (digitstudio runs show " + recorder.id() + ")");
        }
        if (result.outcome() == TrainingResult.Outcome.DIVERGED) {
            System.err.println("digitstudio: error: " + result.message() + "; no model was saved");
            return Cli.EXIT_BAD_INPUT;
        }
        EpochReport last = result.last();
        ModelFiles.saveNpz(modelOut, loop.model(), new ModelInfo(last == null ? null : last.valAccuracy(), d.name(), d.classNames()));
        System.err.println("saved " + loop.model().architecture() + " model to " + modelOut);
        for (io.digitstudio.train.Extension e : loop.extensions()) {
            if (e instanceof KeepBest best && best.name().equals(KeepBest.NAME) && best.bestEpoch() > 0) {
                System.err.printf(Locale.ROOT, "saved the best model (epoch %d, validation accuracy %.4f) to %s%n", best.bestEpoch(), best.best(), best.file());
            }
        }
        if (result.message() != null && result.outcome() == TrainingResult.Outcome.COMPLETED) System.err.println(result.message());
        return 0;
    }

    /** Records the run in the history; a history that cannot be written is a warning, not a reason not to train. */
    private io.digitstudio.runs.RunRecorder record(TrainingLoop loop, Mnist.TrainTest all, RunOptions extras, String snapshots, String resumedFrom) {
        io.digitstudio.runs.RunStore store = runsDir.store();
        try {
            return io.digitstudio.runs.RunRecorder.start(store, loop, new io.digitstudio.runs.RunRecorder.Origin("cli", extras, all.name(), all.source(),
                    all.sha256(), all.classNames(), snapshots, resumedFrom));
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("digitstudio: warning: not recording this run in " + store.root() + ": " + Cli.oneLine(e));
            return null;
        }
    }

    /** The run's extensions: as given, or as the snapshot recorded them (a resumed run keeps them; --log may change). */
    private RunOptions runOptions(ParseResult given, RunOptions saved) {
        RunOptions asked = new RunOptions(lrShift, warmup == null ? 0 : warmup, earlyStop == null ? 0 : earlyStop, keepBest,
                log == null ? "" : log.toAbsolutePath().toString());
        if (earlyStop != null && earlyStop < 1) throw new UserInputException("--early-stop must be at least 1, got " + earlyStop);
        if (log != null) ModelOutput.check(log);
        if (saved == null) return asked;
        refuse(given, List.of(new Check("--lr-shift", asked.lrShift(), saved.lrShift()), new Check("--warmup", asked.warmupEpochs(), saved.warmupEpochs()),
                new Check("--early-stop", asked.earlyStop(), saved.earlyStop()), new Check("--keep-best", asked.keepBest(), saved.keepBest())));
        return log == null ? saved : new RunOptions(saved.lrShift(), saved.warmupEpochs(), saved.earlyStop(), saved.keepBest(), asked.log());
    }

    /** Fills the new run's network with a saved model's weights, which must be for the same network. */
    private void startFrom(TrainingLoop loop, ModelFiles.LoadedModel init) {
        String mine = loop.model().spec().text();
        String theirs = init.model().spec().text();
        if (!mine.equals(theirs) || loop.model().inputSize() != init.model().inputSize()) {
            throw new UserInputException(initModel.getFileName() + " holds " + init.model().description() + " (" + theirs + "), not the run's network ("
                    + mine + "); give the matching --model");
        }
        ModelFiles.loadInto(ModelFiles.toArrays(init.model(), ModelInfo.NONE), loop.model(), String.valueOf(initModel.getFileName()));
        init.notes().forEach(n -> System.err.println("note: " + n));
    }

    private static Integer limit(int n) {
        return n == 0 ? null : n;
    }

    /** model.npz, or model-2.npz, model-3.npz, … : a default never replaces a file the user has. */
    static Path freeDefault() {
        Path p = Path.of(DEFAULT_OUT);
        for (int i = 2; Files.exists(p); i++) p = Path.of("model-" + i + ".npz");
        return p;
    }

    /**
     * A resumed run keeps the settings it was snapshotted with: an option given with another value is refused (the same
     * value is fine), so that nobody believes a run resumed with --lr 0.5 trained at 0.5.
     */
    private void refuseContradictions(ParseResult given, TrainingConfig saved) {
        TrainingConfig wanted = options.config(subset.trainLimit(), subset.testLimit());
        refuse(given, List.of(
                new Check("--batch-size", wanted.batchSize(), saved.batchSize()),
                new Check("--units", options.units, hiddenUnits(saved.network())),
                new Check("--model", wanted.network().text(), saved.network().text()),
                new Check("--optimizer", wanted.optimizer(), saved.optimizer()),
                new Check("--lr", options.lr, options.lr == null ? null : saved.lr()),
                new Check("--momentum", options.momentum, saved.hyperparams().get("momentum")),
                new Check("--seed", wanted.seed(), saved.seed()),
                new Check("--no-shuffle", !wanted.shuffle(), !saved.shuffle()),
                new Check("--augment", wanted.augment(), saved.augment()),
                new Check("--train-size", wanted.trainLimit(), saved.trainLimit()),
                new Check("--test-size", wanted.testLimit(), saved.testLimit())));
    }

    /** An option given on a resumed run and the value the snapshot has for it. */
    private record Check(String option, Object asked, Object saved) {
    }

    /** Refuses, in one line, the first option given with a value other than the snapshot's (the same value is fine). */
    private static void refuse(ParseResult given, List<Check> checks) {
        for (Check c : checks) {
            if (given.hasMatchedOption(c.option()) && !Objects.equals(c.asked(), c.saved())) {
                throw new UserInputException(c.option() + " " + shown(c.asked()) + " contradicts the snapshot, which was set up with "
                        + shown(c.saved()) + "; a resumed run keeps its settings (--epochs, --out, --data and the snapshot options may change)");
            }
        }
    }

    /** The hidden units of a tutorial-shaped MLP (what --units sets), or the spec itself for any other network. */
    private static Object hiddenUnits(io.digitstudio.nn.NetworkSpec n) {
        for (io.digitstudio.nn.LayerSpec l : n.layers()) {
            if (l instanceof io.digitstudio.nn.LayerSpec.Linear lin && lin.out() > 0) {
                return io.digitstudio.nn.NetworkSpec.mlp(lin.out(), lin.out()).equals(n) ? (Object) lin.out() : n.text();
            }
        }
        return n.text();
    }

    private static String shown(Object v) {
        if (v == null) return "none";
        if (v instanceof Integer i && i == 0) return "all";
        return String.valueOf(v);
    }
}
