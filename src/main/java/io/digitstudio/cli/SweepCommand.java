package io.digitstudio.cli;

import io.digitstudio.data.Mnist;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.optim.Optimizers;
import io.digitstudio.runs.RunSettings;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.sweep.Axis;
import io.digitstudio.runs.sweep.Sweep;
import io.digitstudio.runs.sweep.SweepChart;
import io.digitstudio.runs.sweep.SweepResult;
import io.digitstudio.runs.sweep.SweepRunner;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.TrainingConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code sweep}: a grid or random sample of learning rates, batch sizes and momentums, each point an ordinary run of the
 * history tagged with the sweep, trained as its own process, several at once; then a table sorted by best validation
 * accuracy, a chart and, if asked, a CSV.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, description = {
        "Train one run per combination of the values given (a grid), or --random N points drawn from them, and compare them.",
        "Values: a list (--lr 0.1,0.03,0.01), or a range for --random (--lr log:LOW:HIGH, evenly in the logarithm; --batch-size 32:256).",
        "Each run is recorded in the history with the sweep's id; Ctrl-C stops the runs in training (resumable) and "
                + "'sweep --resume ID' goes on. The table goes to stdout, the chart to the sweep's folder (and --chart)."})
final class SweepCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    SubsetOptions subset;

    @Mixin
    RunsDirOption runsDir;

    @Option(names = "--model", paramLabel = "NETWORK", description = "tutorial (default), wide, lenet, or a spec in quotes (as for train).")
    String model;

    @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "momentum-sgd", description = "The optimizer of every run (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", paramLabel = "VALUES", description = "Learning rates: 0.1,0.03,0.01, or a range log:LOW:HIGH for --random.")
    String lr;

    @Option(names = "--batch-size", paramLabel = "VALUES", description = "Batch sizes: 64,128, or a range 32:256 for --random (default: 128).")
    String batch;

    /** The name the README's sweep once showed, kept working for the scripts that type it; the help names one. */
    @Option(names = "--batch", paramLabel = "VALUES", hidden = true, description = "Same as --batch-size.")
    String batchAlias;

    @Option(names = "--momentum", paramLabel = "VALUES", description = "Momentums (optimizers that have one): 0.9,0.5, or a range 0.5:0.99 for --random.")
    String momentum;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "Epochs of every run (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--random", paramLabel = "N", description = "Train N points drawn at random from the values or ranges instead of the whole grid.")
    Integer random;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed of every run (initialisation, shuffling) and of --random's draw (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--parallel", paramLabel = "K", defaultValue = "1", description = "Runs that train at once (default: ${DEFAULT-VALUE}); K x --threads must not exceed the cores.")
    int parallel;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", description = "Cores each run uses (default: ${DEFAULT-VALUE}); results depend on it, not on --parallel.")
    int threads;

    @Option(names = "--resume", paramLabel = "ID", description = "Go on with a stopped sweep: finished runs stay, stopped ones resume, the rest start."
            + " Only --parallel, --csv, --chart, --force and --runs-dir may be given with it.")
    String resume;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Also write the table as CSV (an existing file only with --force).")
    Path csv;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Also write the chart here (it is always written to the sweep's folder).")
    Path chart;

    @Option(names = "--force", description = "Replace --csv and --chart if they exist.")
    boolean force;

    @Spec
    CommandSpec spec;

    /** Options that set up a new sweep: a resumed one keeps its own. */
    private static final List<String> PLAN_OPTIONS = List.of("--model", "--optimizer", "--lr", "--batch-size", "--batch", "--momentum", "--epochs", "--random", "--seed",
            "--threads", "--train-size", "--test-size", "--data");

    @Override
    public Integer call() throws Exception {
        ParseResult given = spec.commandLine().getParseResult();
        if (csv != null) ModelOutput.checkNew(csv, force, "--csv");
        if (chart != null) ModelOutput.checkNew(chart, force, "--chart");
        RunStore store = runsDir.store();
        Sweep sweep;
        if (resume != null) {
            for (String o : PLAN_OPTIONS) {
                if (given.hasMatchedOption(o)) throw new UsageException(o + " cannot be given with --resume: the sweep keeps its settings");
            }
            sweep = Sweep.load(store.root(), resume);
            int threadsOfSweep = sweep.threads();
            checkCores(parallel, threadsOfSweep);
        } else {
            subset.validate();
            checkCores(parallel, threads);
            Sweep planned;
            try {
                planned = plan();
            } catch (io.digitstudio.runs.RunsException | IllegalArgumentException e) { // the plan's checks of the values typed
                throw new UsageException(e.getMessage());
            }
            if (data.dir != null && !Files.exists(data.dir)) throw new UserInputException(data.dir + ": not found");
            sweep = withData(planned).save(store.root());
        }
        return run(sweep, store);
    }

    /** Refuses a --parallel the machine's cores cannot give (a usage error: its line ends with the help's place). */
    private static void checkCores(int parallel, int threads) {
        try {
            SweepRunner.checkCores(parallel, threads, Runtime.getRuntime().availableProcessors());
        } catch (io.digitstudio.runs.RunsException | IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The plan from the options, before the data is looked at (a mistyped value is said at once). */
    private Sweep plan() {
        String name = Optimizers.canonical(optimizer);
        List<Axis> axes = new ArrayList<>();
        if (lr != null) axes.add(Axis.parse(Optimizers.learningRateKey(name), "--lr", lr, false));
        if (batch != null && batchAlias != null) throw new UsageException("--batch and --batch-size are the same setting: give one");
        String batches = batch != null ? batch : batchAlias;
        if (batches != null) axes.add(Axis.parse("batch_size", batch != null ? "--batch-size" : "--batch", batches, true));
        if (momentum != null) {
            if (Optimizers.type(name).param("momentum").isEmpty()) {
                throw new UsageException("--momentum applies only to " + String.join(" and ", Optimizers.having("momentum")) + ", not to " + name);
            }
            axes.add(Axis.parse("momentum", "--momentum", momentum, false));
        }
        NumericOptions.between("--epochs", epochs, 1, TrainingConfig.MAX_EPOCHS);
        for (Axis a : axes) bounds(a, name);
        NetworkSpec net;
        net = Cli.network(model == null ? "tutorial" : model);
        TrainingConfig c = new TrainingConfig(epochs, 128, net, name, Optimizers.overrides(name, null, null), seed, true, subset.trainLimit(),
                subset.testLimit(), false);
        RunSettings template = new RunSettings("", Instant.now(), "sweep", c, RunOptions.NONE, "", "", "", 0, 0, "", "", Map.of());
        return Sweep.plan(template, axes, random, seed, threads);
    }

    /** Refuses an axis whose values (or range) reach outside what its setting allows, naming the option as typed. */
    private static void bounds(Axis a, String optimizer) {
        if (a.name().equals("batch_size")) {
            NumericOptions.between(a.option(), (int) Math.min(Integer.MAX_VALUE, a.high()), 1, TrainingConfig.MAX_BATCH);
            return;
        }
        NumericOptions.hyperparameter(a.option(), optimizer, a.name(), a.low());
        NumericOptions.hyperparameter(a.option(), optimizer, a.name(), a.high());
    }

    /** The plan with the data every run trains on: its name, where it is, and its checksum, which each run checks. */
    private Sweep withData(Sweep s) {
        return s.withTemplate(Sweep.template(s.template().config(), data.load()));
    }

    private int run(Sweep sweep, RunStore store) throws Exception {
        int n = sweep.points().size();
        SweepResult before = SweepResult.read(sweep, store);
        long done = before.rows().stream().filter(SweepResult.Row::finished).count();
        System.err.printf(Locale.ROOT, "sweep %s: %d runs (%s), %d at a time, %d %s each%s%n", sweep.id(), n, sweep.plan(), parallel, sweep.threads(),
                sweep.threads() == 1 ? "thread" : "threads", done > 0 ? "; " + done + " already finished" : "");
        System.err.println("stop with Ctrl-C; go on later with: digitstudio sweep --resume " + sweep.id());
        int[] failures = {0};
        SweepRunner runner = new SweepRunner(sweep, store, SweepRunner.selfCommand(), parallel, new SweepRunner.Progress() {
            @Override
            public void started(int point, boolean resumed) {
                // a run deleted from the history is trained anew, and said so: not as if it had never started
                SweepResult.Row row = before.row(point);
                say(point, resumed ? "resumed" : row.deleted() ? "started again (its run " + (row.deletedRun().isEmpty() ? "" : row.deletedRun() + " ") + "was deleted)" : "started");
            }

            @Override
            public void epoch(int point, int epoch, double valAccuracy) {
                say(point, String.format(Locale.ROOT, "epoch %d of %d: val_accuracy %.4f", epoch, sweep.template().config().epochs(), valAccuracy));
            }

            @Override
            public void ended(int point, int exitCode, String error) {
                if (exitCode == 0) say(point, "finished");
                else if (exitCode == TrainCommand.EXIT_INTERRUPTED) say(point, "stopped (resumable)");
                else {
                    synchronized (failures) {
                        failures[0]++;
                    }
                    say(point, "failed: " + error);
                }
            }

            private void say(int point, String what) {
                synchronized (System.err) {
                    System.err.printf(Locale.ROOT, "[%d/%d %s] %s%n", point + 1, n, sweep.describe(point), what);
                }
            }
        });
        SweepResult result;
        try (Interruption ignored = new Interruption(runner)) {
            result = runner.run();
            System.out.print(result.table());
            Path png = sweep.folder(store.root()).resolve("chart.png");
            SweepChart.writePng(result, png);
            System.out.println("chart: " + png);
            if (chart != null) {
                ModelOutput.checkNew(chart, force, "--chart");
                SweepChart.writePng(result, chart);
                System.out.println("chart: " + chart);
            }
            if (csv != null) {
                ModelOutput.checkNew(csv, force, "--csv");
                byte[] bytes = result.csv().getBytes(StandardCharsets.UTF_8);
                io.digitstudio.io.AtomicFiles.write(csv, out -> out.write(bytes));
                System.out.println("csv: " + csv);
            }
        }
        if (result.complete()) return 0;
        long finished = result.rows().stream().filter(SweepResult.Row::finished).count();
        System.err.printf(Locale.ROOT, "%s: %s: %d of %d runs finished; go on with: digitstudio sweep --resume %s%n", spec.qualifiedName(),
                runner.stopping() ? "sweep stopped" : "sweep incomplete", finished, n, sweep.id());
        return runner.stopping() ? TrainCommand.EXIT_INTERRUPTED : Cli.EXIT_FAILURE;
    }

    /** Ctrl-C: the runs in training stop (their processes got the signal too) and no more start; the table is still printed. */
    private static final class Interruption implements AutoCloseable {
        private final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        private final Thread hook;

        Interruption(SweepRunner runner) {
            this.hook = new Thread(() -> {
                runner.stop();
                try {
                    done.await(120, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "digitstudio-sweep-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        @Override
        public void close() {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook runs and waits for this
            }
        }
    }
}
