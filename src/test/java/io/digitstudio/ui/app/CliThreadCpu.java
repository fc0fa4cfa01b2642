package io.digitstudio.ui.app;

import io.digitstudio.data.Mnist;
import io.digitstudio.nn.Cores;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.Stats;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;

import java.util.Locale;
import java.util.Map;

/**
 * The command line's side of the GUI bench's per-thread reading: {@code bench}'s training loop (the tutorial's MLP on the
 * bundled MNIST, momentum SGD, batch 128) with the CPU and run-queue time of each kind of thread taken around
 * {@code loop.run()}, as {@code --gui-bench} takes them around a window's run. No JavaFX: it sits beside
 * {@link ThreadCpu}, which it reads with. Usage: {@code CliThreadCpu EPOCHS THREADS}.
 */
public final class CliThreadCpu {
    private CliThreadCpu() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        Nd4jSetup.init();
        Cores.setCount(args.length > 1 ? Integer.parseInt(args[1]) : 2);
        Mnist.TrainTest data = Mnist.bundled();
        TrainingConfig config = new TrainingConfig(epochs, 128, NetworkSpec.of("tutorial"), "momentum-sgd", Map.of(), 0, true, 0, 0, false);
        TrainingLoop loop = TrainingLoop.create(config, data.train(), data.test(), data.source());
        Map<String, Long> cpuBefore = ThreadCpu.byName();
        Map<String, Long> waitBefore = ThreadCpu.waitingByName();
        TrainingResult result = loop.run();
        System.out.println("cpu seconds during the run, by thread: " + ThreadCpu.since(cpuBefore));
        System.out.println("seconds ready but waiting for a cpu, by thread: " + ThreadCpu.since(waitBefore, ThreadCpu.waitingByName()));
        for (EpochReport r : result.epochs()) {
            System.out.printf(Locale.ROOT, "epoch %d: train %.3fs  val_accuracy %.4f%n", r.epoch(), r.trainSeconds(), r.valAccuracy());
        }
        System.out.printf(Locale.ROOT, "train_seconds_per_epoch:%.3f (median of epochs 2-%d)%n", Stats.warmMedian(result.epochs(), EpochReport::trainSeconds),
                result.epochs().size());
    }
}
