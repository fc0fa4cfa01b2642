package io.digitstudio.cli;

import io.digitstudio.data.Mnist;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.Stats;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code bench}: training and validation speed on the tutorial's workload, as medians over epochs. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure seconds per epoch of training and validation (tutorial workload by default).")
final class BenchCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    SubsetOptions subset;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "3", description = "Epochs to time (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "128", description = "Examples per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--model", paramLabel = "NETWORK", description = "tutorial (default), wide, lenet or a spec, as for train.")
    String model;

    @Option(names = "--units", paramLabel = "N", description = "Shorthand for the tutorial MLP with N hidden units (default: 100).")
    Integer units;

    @Option(names = "--model-file", paramLabel = "FILE.npz", description = "With --predict: time this model instead of the built-in MLP.")
    java.nio.file.Path modelFile;

    @Option(names = "--threads", paramLabel = "N", description = "Cores to use, as for train (default: every core the JVM sees, up to 8).")
    Integer threads;

    @Option(names = "--blas-threads", paramLabel = "N", description = "Threads inside each matrix product (default: 1).")
    Integer blasThreads;

    @Option(names = "--health", paramLabel = "off|idle|on", description = "Per-layer training statistics as the Inside view collects them: off (none), "
            + "idle (attached but not sampling: the view hidden), on (sampling: the view shown).")
    String health;

    @Option(names = "--predict", description = "Instead of training, time the Draw view's path: render a drawing, prepare it MNIST-style, classify it.")
    boolean predict;

    @Override
    public Integer call() {
        if (modelFile != null && !predict) throw new UsageException("--model-file applies to --predict (training is timed on a new network)");
        if (predict) return benchPredict();
        // in the words of the options typed, as train says them, before the engine's own checks ("batch size", "BLAS threads")
        NumericOptions.between("--epochs", epochs, 1, TrainingConfig.MAX_EPOCHS);
        NumericOptions.between("--batch-size", batchSize, 1, TrainingConfig.MAX_BATCH);
        if (threads != null && (threads < 1 || threads > 64)) throw new UsageException("--threads must be between 1 and 64, got " + threads);
        if (health != null && !List.of("off", "idle", "on").contains(health)) throw new UsageException("--health must be off, idle or on, got '" + health + "'");
        if (blasThreads != null && (blasThreads < 1 || blasThreads > 64)) throw new UsageException("--blas-threads must be between 1 and 64, got " + blasThreads);
        TrainingOptions net = new TrainingOptions();
        net.model = model;
        net.units = units;
        io.digitstudio.nn.NetworkSpec network = net.network();
        TrainingConfig config = Cli.usage(() -> new TrainingConfig(epochs, batchSize, network, "momentum-sgd", java.util.Map.of(), 0, true, 0, 0, false));
        long t0 = System.nanoTime();
        Startup.engine();
        if (threads != null) io.digitstudio.nn.Cores.setCount(threads);
        if (blasThreads != null) Nd4jSetup.setBlasThreads(blasThreads);
        double initSeconds = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        subset.validate();
        Mnist.TrainTest d = subset.apply(data.load());
        double loadSeconds = (System.nanoTime() - t1) / 1e9;
        TrainingLoop loop = TrainingLoop.create(config, d.train(), d.test(), d.source());
        System.out.printf(Locale.ROOT, "bench: %s, batch %d, momentum-sgd, %d core(s), %d BLAS thread(s), %d epochs, %d train / %d test examples%n",
                loop.model().description(), batchSize, io.digitstudio.nn.Cores.count(), Nd4jSetup.blasThreads(), epochs, d.train().size(), d.test().size());
        int cores = io.digitstudio.nn.Cores.count();
        System.out.printf(Locale.ROOT, "threads: %d (the JVM sees %d processors); %s%n", cores, Runtime.getRuntime().availableProcessors(),
                cores == 1 ? "one core trains and validates"
                        : !loop.model().dataParallel() ? "batchnorm or dropout: training steps stay on one core"
                        : "each step's batch of " + batchSize + " is split in " + Math.max(1, Math.min(cores, batchSize / 16)) + " parts; validation batches are shared out");
        System.out.printf(Locale.ROOT, "startup: nd4j %.2fs, data %.2fs%n", initSeconds, loadSeconds);
        System.out.println("blas kernels: " + Nd4jSetup.blasKernels());
        io.digitstudio.train.LayerStats sampler = null;
        if (health != null) {
            if (!health.equals("off")) { // as the app attaches it: idle while the Inside view is hidden, sampling while shown
                io.digitstudio.train.LayerStats stats = new io.digitstudio.train.LayerStats(io.digitstudio.train.LayerStats.DEFAULT_EVERY, s -> { }, d.test());
                stats.setEnabled(health.equals("on"));
                loop.addExtension(stats);
                sampler = stats;
                System.out.println("health: " + (health.equals("on") ? "sampled every " + io.digitstudio.train.LayerStats.DEFAULT_EVERY + " iterations (the Inside view shown)" : "attached, idle (the Inside view hidden)"));
            }
        }
        TrainingResult result = loop.run();
        List<EpochReport> reports = result.epochs();
        int itPerEpoch = loop.iterator().batchesPerEpoch();
        int valBatches = (d.test().size() + batchSize - 1) / batchSize;
        for (EpochReport r : reports) {
            System.out.printf(Locale.ROOT, "epoch %d: train %.3fs (%.0f it/s)  val %.3fs (%.0f it/s)  val_accuracy %.4f%n",
                    r.epoch(), r.trainSeconds(), itPerEpoch / r.trainSeconds(), r.valSeconds(), valBatches / r.valSeconds(), r.valAccuracy());
        }
        double train = Stats.warmMedian(reports, EpochReport::trainSeconds);
        if (sampler != null && !reports.isEmpty()) {
            double total = reports.stream().mapToDouble(EpochReport::trainSeconds).sum();
            System.out.printf(Locale.ROOT, "health_seconds:%.3f of %.3f s of training (%.2f%%)%n", sampler.spentSeconds(), total, 100 * sampler.spentSeconds() / total);
        }
        double val = Stats.warmMedian(reports, EpochReport::valSeconds);
        System.out.printf(Locale.ROOT, "train_seconds_per_epoch:%.3f train_it_per_s:%.0f val_seconds_per_epoch:%.3f val_it_per_s:%.0f (medians of epochs %s)%n",
                train, itPerEpoch / train, val, valBatches / val, reports.size() > 1 ? "2-" + reports.size() : "1");
        // what a side-by-side ratio needs: compare epoch_seconds with the peer's train_s + val_s at the same threads
        System.out.printf(Locale.ROOT, "ratio_inputs: threads:%d epoch_seconds:%.3f final_val_accuracy:%.4f%n", cores, train + val,
                reports.isEmpty() ? Double.NaN : reports.get(reports.size() - 1).valAccuracy());
        return 0;
    }

    /** Latency from pen-up to probabilities, as the canvas computes it off the FX thread (built-in model). */
    private int benchPredict() {
        Startup.engine();
        io.digitstudio.io.ModelFiles.LoadedModel loaded = modelFile == null ? io.digitstudio.io.ModelFiles.loadDefault() : io.digitstudio.io.ModelFiles.load(modelFile);
        io.digitstudio.nn.Predictor predictor = new io.digitstudio.nn.Predictor(loaded.model());
        io.digitstudio.read.NumberReader reader = new io.digitstudio.read.NumberReader(predictor);
        java.util.List<io.digitstudio.data.PenStroke> seven = io.digitstudio.data.PenStroke.sampleSeven();
        int warm = 300, n = 1000;
        double[] render = new double[n], read = new double[n], total = new double[n];
        String label = "";
        for (int i = -warm; i < n; i++) {
            long t0 = System.nanoTime();
            io.digitstudio.data.GreyImage g = io.digitstudio.data.StrokeRasterizer.render(seven, 320, 320, true);
            long t1 = System.nanoTime();
            // what the Draw view runs: find the ink, group it into digits, prepare and classify (one digit or a number)
            label = reader.any(io.digitstudio.data.RgbImage.of(g)).number(String::valueOf);
            long t2 = System.nanoTime();
            if (i >= 0) {
                render[i] = (t1 - t0) / 1e6;
                read[i] = (t2 - t1) / 1e6;
                total[i] = (t2 - t0) / 1e6;
            }
        }
        double[] sorted = total.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "predict (drawn 7 -> %s, 320x320 canvas, %s %s): render %.2f ms, read (ink, digits, prepare, classify) %.2f ms%n",
                label, loaded.source(), loaded.model().description(), Stats.median(render), Stats.median(read));
        System.out.printf(Locale.ROOT, "predict_ms_median:%.2f predict_ms_p95:%.2f (%d runs after %d warm-up)%n", Stats.median(total), sorted[(int) (n * 0.95)], n, warm);
        return 0;
    }

}
