package io.digitstudio.cli;

import io.digitstudio.data.Mnist;
import io.digitstudio.runs.TrainingSession;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

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
    static final String DEFAULT_OUT = TrainingSession.DEFAULT_MODEL;

    @Mixin
    DataOptions data;

    @Mixin
    SubsetOptions subset;

    @Mixin
    TrainingOptions options;

    @Option(names = "--out", paramLabel = "FILE.npz", description = "Save the trained model here (Chainer's NPZ layout); an existing file only with --force."
            + " Default: " + DEFAULT_OUT + " in the current folder (model-2.npz, … if taken).")
    Path out;

    @Option(names = "--force", description = "Replace --out (and --log) if the file exists.")
    boolean force;

    @Option(names = "--snapshot-every", paramLabel = "N", description = "Snapshot the whole run (model, optimizer, iterator, random state, log) every N epochs.")
    Integer snapshotEvery;

    @Option(names = "--snapshot-dir", paramLabel = "DIR", description = "Folder for snapshot_epoch_NNNN.npz files, made if missing (default: the run's"
            + " folder in the history; a folder holding another run's snapshots is refused).")
    Path snapshotDir;

    @Option(names = "--keep", paramLabel = "K", description = "Snapshots to keep, newest first (default: 3); only the run's own are ever deleted.")
    Integer keep;

    @Option(names = "--resume", paramLabel = "RUN|SNAPSHOT.npz",
            description = "Continue a run, bit for bit, as it was set up: a run of the history by its id (or the start of it, as 'runs' shows it)"
                    + " from its newest snapshot, or a snapshot file. --epochs may extend it and --out, --data and the snapshot options may change;"
                    + " other settings are the run's.")
    String resume;

    @Option(names = "--branch", paramLabel = "RUN[@epoch:N|@iteration:N]",
            description = "Start a new run from a recorded run's exact state (weights, optimizer state, data order and position, schedule) at one"
                    + " of its snapshots: its newest, the one at the end of epoch N (3), at the exact point the app shows (epoch:3.67),"
                    + " or at iteration N (also RUN@N). --optimizer, --lr, --momentum,"
                    + " --lr-shift, --warmup, --early-stop and --epochs may change; the history records the parent and the iteration."
                    + " The parent needs a snapshot there: train it with --snapshot-every N (a stopped run keeps one where it stopped).")
    String branch;
    @Option(names = "--settings", paramLabel = "RUN.json",
            description = "Start a new run set up as this settings file says (a run folder's run.json, or one a sweep wrote): network,"
                    + " optimizer and its values, batch size, epochs, seed, subsets, schedule, data (checked by its SHA-256). The run goes"
                    + " into the history with its model; --out also saves it there. With --threads the same, it trains bit for bit as the"
                    + " run it came from.")
    Path settings;

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

    @Option(names = "--init-model", paramLabel = "FILE", description = "Start from these weights (fine-tuning): NPZ, ONNX or safetensors; the run takes"
            + " the file's network unless --model is given, which must then be the same.")
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
        options.checkOneBatchName(given);
        subset.validate();
        options.validate();
        // refused as the command line's mistakes (with where the help is), before the session reads any data
        if (snapshotEvery != null) NumericOptions.between("--snapshot-every", snapshotEvery, 1, Integer.MAX_VALUE);
        if (keep != null) NumericOptions.between("--keep", keep, 1, Integer.MAX_VALUE);
        if (extraWeight != null && (extraWeight < 1 || extraWeight > 1000)) throw new UsageException("--extra-weight must be between 1 and 1000, got " + extraWeight);
        // a file where a folder goes is refused now, not when the first snapshot is due
        RunsDirOption.folder("--snapshot-dir", snapshotDir);
        io.digitstudio.runs.RunStore store = noRecord ? null : runsDir.store();
        if (branch != null) return branch(given);
        if (settings != null) return fromSettings(given, store);
        TrainingSession.Resumable resumable = resume == null ? null : TrainingSession.locate(runsDir.store(), resume);
        TrainingSession.Builder b = TrainingSession.builder(store, "cli");
        if (resumable == null) {
            b.config(options.config(subset.trainLimit(), subset.testLimit()));
        } else {
            refuseContradictions(given, resumable.config(), resumable.classes());
            b.resume(resumable).epochs(given.hasMatchedOption("--epochs") ? options.epochs : null);
        }
        RunOptions extras = runOptions(given, resumable == null ? null : resumable.options());
        b.options(extras);
        // a resumed run saves where it was set up to, unless told otherwise; a run from the window had no file
        // a sweep's run keeps its model in its folder of the history only
        boolean ownFolderOnly = resumable != null && store != null && resumable.run() != null && resumable.run().settings() != null
                && resumable.run().settings().sweep() != null;
        Path modelOut = out != null ? out : resumable != null && (!resumable.setup().out().isEmpty() || ownFolderOnly) ? null : freeDefault();
        if (modelOut != null) ModelOutput.check(modelOut);
        b.out(modelOut, force);
        if (initModel != null) b.initModel(initModel, options.model == null && options.units == null);
        if (extraData != null) {
            b.extra(extraData(), extraData.toString(), extraWeight == null ? 1 : extraWeight);
        } else if (extraWeight != null) {
            throw new UsageException("--extra-weight needs --extra-data");
        }
        b.data(data.dir, data.dir != null).snapshots(snapshotEvery, snapshotDir, keep);

        return train(b);
    }

    /** Builds the session, trains with the epoch lines (and a bar on a terminal), and says how it ended. */
    private int train(TrainingSession.Builder b) throws Exception {
        // data that is not there is said before the engine starts, in one line
        if (data.dir != null && !java.nio.file.Files.exists(data.dir)) throw new UserInputException(data.dir + ": not found");
        Startup.engineAndData(data.dir == null && resume == null);
        options.applyThreads();
        return train(b.build());
    }

    /** Trains the session the options set up, one line per epoch, and says what became of it; the exit code. */
    private int train(TrainingSession session) throws Exception {
        TrainingLoop loop = session.loop();
        session.notes().forEach(n -> System.err.println(n.startsWith("warning: ") ? Cli.warningLine(spec, n.substring(9)) : n));
        // the bar first, so that it is wiped from the terminal before each epoch line is printed
        if (System.console() != null) loop.addExtension(new ProgressBar(System.err));
        loop.addExtension(new EpochLines(loop.options().lrVaries()));
        TrainingSession.Outcome outcome;
        try (Interruption ignored = new Interruption(loop)) {
            outcome = session.run();
            return report(session, outcome);
        }
    }

    /**
     * {@code --branch}: a new recorded run from a snapshot of another, with the settings given here in place of the
     * parent's where they may change; the others must be the parent's (or not given).
     */
    private int branch(ParseResult given) throws Exception {
        if (resume != null) throw new UsageException("--branch and --resume exclude each other: --resume continues a run, --branch starts a new one from it");
        if (noRecord) throw new UsageException("--branch records the new run in the history with its parent; leave out --no-record");
        if (initModel != null) throw new UsageException("--init-model cannot be given with --branch: a branch starts from its parent's state");
        if (extraData != null || extraWeight != null) throw new UsageException("--extra-data cannot change in a branch; it keeps its parent's data");
        io.digitstudio.runs.RunStore store = runsDir.store();
        TrainingSession.Resumable parent = TrainingSession.locateBranch(store, branch);
        TrainingConfig saved = parent.config();
        TrainingConfig wanted = options.config(subset.trainLimit(), subset.testLimit());
        refuseForBranch(given, wanted, saved, parent.classes());
        String optimizer = given.hasMatchedOption("--optimizer") ? wanted.optimizer() : saved.optimizer();
        boolean otherOptimizer = !optimizer.equals(saved.optimizer());
        java.util.Map<String, Double> hyper = new java.util.LinkedHashMap<>(otherOptimizer ? java.util.Map.of() : saved.hyperparams());
        String lrKey = io.digitstudio.optim.Optimizers.learningRateKey(optimizer);
        if (options.lr != null) hyper.put(lrKey, options.lr);
        if (options.momentum != null) hyper.put("momentum", options.momentum);
        TrainingConfig c;
        try {
            c = saved.withOptimizer(optimizer, hyper).withEpochs(given.hasMatchedOption("--epochs") ? options.epochs : parent.runEpochs());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RunOptions p = parent.options();
        RunOptions asked = Cli.usage(() -> new RunOptions(given.hasMatchedOption("--lr-shift") ? lrShift : p.lrShift(), warmup != null ? warmup : p.warmupEpochs(),
                earlyStop != null ? earlyStop : p.earlyStop(), keepBest || p.keepBest(), log == null ? "" : log.toAbsolutePath().toString()));
        if (earlyStop != null && earlyStop < 1) throw new UsageException("--early-stop must be at least 1, got " + earlyStop);
        if (log != null) ModelOutput.checkNew(log, force, "--log");
        Path modelOut = out != null ? out : freeDefault();
        ModelOutput.check(modelOut);
        TrainingSession.Builder b = TrainingSession.builder(store, "cli").branch(parent).config(c).options(asked).out(modelOut, force)
                .data(data.dir, data.dir != null).snapshots(snapshotEvery, snapshotDir, keep);
        if (data.dir != null && !java.nio.file.Files.exists(data.dir)) throw new UserInputException(data.dir + ": not found");
        Startup.engine();
        options.applyThreads();
        return train(b.build());
    }

    /**
     * What a branch cannot change: the network, batch, seed, order, augmentation and data subsets of its parent. The
     * network is compared as the window compares it, by what it builds on the parent's {@code classes}.
     */
    private void refuseForBranch(ParseResult given, TrainingConfig wanted, TrainingConfig saved, int classes) {
        for (Check c : List.of(
                new Check("--batch-size", wanted.batchSize(), saved.batchSize()),
                new Check("--batch", wanted.batchSize(), saved.batchSize()),
                network("--units", options.units, hiddenUnits(saved.network()), wanted, saved, classes),
                network("--model", wanted.network().text(), saved.network().text(), wanted, saved, classes),
                new Check("--seed", wanted.seed(), saved.seed()),
                new Check("--no-shuffle", !wanted.shuffle(), !saved.shuffle()),
                new Check("--augment", wanted.augment(), saved.augment()),
                new Check("--train-size", wanted.trainLimit(), saved.trainLimit()),
                new Check("--test-size", wanted.testLimit(), saved.testLimit()))) {
            if (given.hasMatchedOption(c.option()) && !c.same()) {
                Object asked = c.option().equals("--model") ? options.model : c.asked();
                throw new UsageException(c.option() + " " + shown(asked) + " differs from the parent run's " + shown(c.saved())
                        + "; a branch keeps its parent's network, batch, seed and data (the optimizer, its values, the schedule and --epochs may change)");
            }
        }
    }

    /** Options a settings file answers: given beside --settings, they would be silently ignored, so they are refused. */
    private static final List<String> SET_BY_SETTINGS = List.of("--epochs", "--batch-size", "--batch", "--model", "--units", "--optimizer", "--lr", "--momentum",
            "--seed", "--no-shuffle", "--augment", "--train-size", "--test-size", "--lr-shift", "--warmup", "--early-stop", "--resume", "--init-model",
            "--extra-data", "--extra-weight");

    /**
     * {@code train --settings FILE}: the run launcher. One process, a settings file in, a run folder of the history out;
     * what any engine that starts processes (a sweep here, a cluster's job elsewhere) runs unchanged.
     */
    private int fromSettings(ParseResult given, io.digitstudio.runs.RunStore store) throws Exception {
        for (String o : SET_BY_SETTINGS) {
            if (given.hasMatchedOption(o)) throw new UsageException(o + " cannot be given with --settings: the settings file sets it");
        }
        io.digitstudio.runs.RunSettings s = io.digitstudio.runs.RunSettings.read(settings);
        Path modelOut = out != null ? out : store == null ? freeDefault() : null;
        if (modelOut != null) ModelOutput.check(modelOut);
        TrainingSession.Builder b = TrainingSession.builder(store, s.sweep() != null ? "sweep" : "cli").config(s.config()).options(log == null ? s.options()
                : new RunOptions(s.options().lrShift(), s.options().warmupEpochs(), s.options().earlyStop(), s.options().keepBest(), log.toAbsolutePath().toString()))
                .out(modelOut, force).snapshots(snapshotEvery, snapshotDir, keep).sweep(s.sweep()).expectData(s.dataChecksum());
        if (log != null) ModelOutput.checkNew(log, force, "--log");
        b.data(data.dir != null ? data.dir : settingsData(s), true);
        return train(b);
    }

    /** Where a settings file's data is: the bundled MNIST, or the folder or file it names (which must be here). */
    private static Path settingsData(io.digitstudio.runs.RunSettings s) {
        String source = s.dataSource();
        if (source.isEmpty() || source.equals(Mnist.BUNDLED_SOURCE)) return null;
        Path p = Path.of(source);
        if (!java.nio.file.Files.exists(p)) throw new UserInputException("the settings' data " + source + " is not on this machine; give it with --data");
        return p;
    }

    /** Tells what became of the run and saves its model; the exit code. */
    private int report(TrainingSession session, TrainingSession.Outcome outcome) throws java.io.IOException {
        TrainingLoop loop = session.loop();
        io.digitstudio.runs.RunRecorder recorder = session.recorder();
        if (recorder != null && recorder.problem() != null) System.err.println(Cli.warningLine(spec, recorder.problem()));
        TrainingResult result = outcome.result();
        result.warnings().forEach(w -> System.err.println(Cli.warningLine(spec, w)));
        switch (outcome.verdict()) {
            case DIVERGED -> {
                System.err.println(Cli.errorLine(spec, result.message() + "; no model was saved"));
                return Cli.EXIT_BAD_INPUT;
            }
            case STOPPED -> {
                String where = String.format(Locale.ROOT, "at epoch %.2f (iteration %,d)", loop.iterator().epochDetail(), loop.iteration());
                // what was kept, as it is on disk: the run's own model file in its folder, the snapshot to resume from;
                // the --out file is written only by a run that ends
                java.util.Optional<Path> model = recorder == null ? java.util.Optional.empty() : recorder.model();
                String kept = model.map(m -> "the model so far is in " + m).orElse("no model file was written")
                        + (session.out() == null ? "" : " (" + session.out().getFileName() + " is written only when a run ends)");
                if (outcome.stopSnapshot() != null) {
                    System.err.println(spec.qualifiedName() + ": interrupted " + where + "; " + kept + "; a snapshot is kept in "
                            + outcome.stopSnapshot() + ". Continue it with: digitstudio train --resume "
                            + (session.recorded() ? session.runId() : outcome.stopSnapshot().toString()));
                } else {
                    System.err.println(spec.qualifiedName() + ": interrupted " + where + "; " + kept + ", and the run took no snapshot to resume from");
                }
                return EXIT_INTERRUPTED;
            }
            default -> {
            }
        }
        if (recorder != null) System.out.println("recorded as run " + recorder.id() + " (digitstudio runs show " + recorder.id() + ")");
        if (session.out() == null) {
            if (recorder == null) {
                System.err.println(Cli.warningLine(spec, "the run could not be recorded, so its model was not kept"));
                return Cli.EXIT_FAILURE;
            }
            System.out.println("the run's model is in its folder: " + recorder.folder().resolve("model.npz"));
            System.out.println("took " + RunsCommand.duration(result.seconds()));
            return 0;
        }
        Path saved = session.saveModel();
        if (!saved.equals(session.out())) System.err.println(Cli.noteLine(spec, session.out() + " exists; the model went beside it (--force replaces it)"));
        System.out.println("saved " + loop.model().architecture() + " model to " + saved);
        if (outcome.verdict() == TrainingSession.Verdict.FAILED_TO_LEARN) {
            EpochReport last = result.last();
            System.err.println(Cli.warningLine(spec, String.format(Locale.ROOT, "the run failed to learn: validation accuracy %.4f is at chance level for %d classes"
                    + " (%s)", last == null ? Double.NaN : last.valAccuracy(), loop.model().classes(),
                    io.digitstudio.runs.RunSummary.failedToLearnHint(loop.config(), loop.options()))));
        }
        session.best().filter(b -> !b.file().startsWith(recorder == null ? Path.of("/nonexistent") : recorder.folder()))
                .ifPresent(b -> System.out.printf(Locale.ROOT, "saved the best model (epoch %d, validation accuracy %.4f) to %s%n", b.epoch(), b.accuracy(), b.file()));
        if (result.message() != null && result.outcome() == TrainingResult.Outcome.COMPLETED) System.out.println(result.message());
        // the run's duration as the history and the app show it (its training, every session of it)
        System.out.println("took " + RunsCommand.duration(result.seconds()));
        return 0;
    }

    /**
     * The tutorial's line for each epoch on stdout (Chainer's {@code PrintReport}); the learning rate only when a
     * schedule makes it change. After the progress bar, which wipes its line first.
     */
    private static final class EpochLines implements io.digitstudio.train.Extension {
        private final boolean lrVaries;

        EpochLines(boolean lrVaries) {
            this.lrVaries = lrVaries;
        }

        @Override
        public String name() {
            return "PrintReport";
        }

        @Override
        public void call(TrainingLoop loop) {
            EpochReport r = loop.reports().isEmpty() ? null : loop.reports().get(loop.reports().size() - 1);
            if (r == null || r.epoch() != loop.iterator().epoch()) return;
            Double lr = loop.observation().get("lr");
            System.out.println(lrVaries && lr != null ? r.tutorialLine() + " lr:" + io.digitstudio.train.LearningRates.format(lr) : r.tutorialLine());
            System.out.flush();
        }
    }

    /** The exit code of a run interrupted by Ctrl-C (as a shell reports SIGINT). */
    static final int EXIT_INTERRUPTED = 130;

    /**
     * Ctrl-C (or a polite kill) while training: the run is asked to stop after its iteration, and the process waits for
     * the command to say what became of it (the snapshot and the line telling how to resume) before it exits.
     */
    private static final class Interruption implements AutoCloseable {
        private final TrainingLoop loop;
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private final Thread hook;

        Interruption(TrainingLoop loop) {
            this.loop = loop;
            this.hook = new Thread(this::interrupt, "digitstudio-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        private void interrupt() {
            loop.control().requestStop();
            try {
                done.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the process is already shutting down: the hook is running and waits for this
            }
        }
    }

    /** The extra training examples: a folder of IDX files, or "mydigits" for the collection. */
    private io.digitstudio.data.LabeledImages extraData() {
        return extraData.toString().equals("mydigits")
                ? io.digitstudio.mydigits.MyDigits.dataset(new io.digitstudio.mydigits.MyDigits(io.digitstudio.mydigits.MyDigits.defaultFolder()).list(), "my digits")
                : Mnist.fromDirectory(extraData).train();
    }

    /** The run's extensions: as given, or as the snapshot recorded them (a resumed run keeps them; --log may change). */
    private RunOptions runOptions(ParseResult given, RunOptions saved) {
        RunOptions asked = Cli.usage(() -> new RunOptions(lrShift, warmup == null ? 0 : warmup, earlyStop == null ? 0 : earlyStop, keepBest,
                log == null ? "" : log.toAbsolutePath().toString()));
        if (saved == null) {
            try {
                asked.checkNewRun("--warmup", "--lr-shift");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        if (earlyStop != null && earlyStop < 1) throw new UsageException("--early-stop must be at least 1, got " + earlyStop);
        if (log != null) {
            if (saved == null) ModelOutput.checkNew(log, force, "--log");
            else ModelOutput.check(log); // a resumed run's log goes on in its file
        }
        if (saved == null) return asked;
        refuse(given, List.of(new Check("--lr-shift", asked.lrShift(), saved.lrShift()), new Check("--warmup", asked.warmupEpochs(), saved.warmupEpochs()),
                new Check("--early-stop", asked.earlyStop(), saved.earlyStop()), new Check("--keep-best", asked.keepBest(), saved.keepBest())));
        return log == null ? saved : new RunOptions(saved.lrShift(), saved.warmupEpochs(), saved.earlyStop(), saved.keepBest(), asked.log());
    }

    /** model.npz, or model-2.npz, model-3.npz, … : a default never replaces a file the user has. */
    static Path freeDefault() {
        return TrainingSession.freeName(Path.of(DEFAULT_OUT));
    }

    /**
     * A resumed run keeps the settings it was snapshotted with: an option given with another value is refused (the same
     * value is fine), so that nobody believes a run resumed with --lr 0.5 trained at 0.5.
     */
    private void refuseContradictions(ParseResult given, TrainingConfig saved, int classes) {
        TrainingConfig wanted = options.config(subset.trainLimit(), subset.testLimit());
        refuse(given, List.of(
                new Check("--batch-size", wanted.batchSize(), saved.batchSize()),
                new Check("--batch", wanted.batchSize(), saved.batchSize()),
                network("--units", options.units, hiddenUnits(saved.network()), wanted, saved, classes),
                network("--model", wanted.network().text(), saved.network().text(), wanted, saved, classes),
                new Check("--optimizer", wanted.optimizer(), saved.optimizer()),
                new Check("--lr", options.lr, options.lr == null ? null : saved.lr()),
                new Check("--momentum", options.momentum, saved.hyperparams().get("momentum")),
                new Check("--seed", wanted.seed(), saved.seed()),
                new Check("--no-shuffle", !wanted.shuffle(), !saved.shuffle()),
                new Check("--augment", wanted.augment(), saved.augment()),
                new Check("--train-size", wanted.trainLimit(), saved.trainLimit()),
                new Check("--test-size", wanted.testLimit(), saved.testLimit())));
    }

    /** An option given on a resumed run or a branch, the value the snapshot has for it, and whether they agree. */
    private record Check(String option, Object asked, Object saved, boolean same) {
        Check(String option, Object asked, Object saved) {
            this(option, asked, saved, Objects.equals(asked, saved));
        }
    }

    /**
     * The check of an option that sets the network ({@code --model}, {@code --units}): it agrees with the snapshot when
     * the networks are the same in meaning ({@link io.digitstudio.nn.NetworkSpec#sameNetwork}) on the snapshot's
     * {@code classes}, however the option writes it.
     */
    private static Check network(String option, Object asked, Object saved, TrainingConfig wanted, TrainingConfig snapshot, int classes) {
        return new Check(option, asked, saved, wanted.network().sameNetwork(snapshot.network(), classes));
    }

    /** Refuses, in one line, the first option given with a value other than the snapshot's (the same value is fine). */
    private static void refuse(ParseResult given, List<Check> checks) {
        for (Check c : checks) {
            if (given.hasMatchedOption(c.option()) && !c.same()) {
                throw new UsageException(c.option() + " " + shown(c.asked()) + " contradicts the snapshot, which was set up with "
                        + shown(c.saved()) + "; a resumed run keeps its settings (--epochs, --out, --data and the snapshot options may change)");
            }
        }
    }

    /** The hidden units of a tutorial-shaped MLP (what --units sets), or the spec itself for any other network. */
    private static Object hiddenUnits(io.digitstudio.nn.NetworkSpec n) {
        for (io.digitstudio.nn.LayerSpec l : n.layers()) {
            if (l instanceof io.digitstudio.nn.LinearLayer lin && lin.out() > 0) {
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
