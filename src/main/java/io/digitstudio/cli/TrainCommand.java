package io.digitstudio.cli;

import io.digitstudio.data.Mnist;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.EpochReport;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingListener;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code train}: the tutorial's loop, one line per epoch on stdout. */
@Command(name = "train", mixinStandardHelpOptions = true, description = "Train the tutorial's MLP and print one line per epoch.")
final class TrainCommand implements Callable<Integer> {
    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions options;

    @Option(names = "--out", paramLabel = "FILE.npz", description = "Save the trained model here (Chainer's NPZ layout).")
    Path out;

    @Override
    public Integer call() throws Exception {
        TrainingConfig config = options.config();
        if (out != null) ModelOutput.check(out);
        Nd4jSetup.init();
        options.applyThreads();
        Mnist.TrainTest d = data.load();
        TrainingLoop loop = TrainingLoop.create(config, d.train(), d.test(), d.source());
        loop.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochReport r) {
                System.out.println(r.tutorialLine());
                System.out.flush();
            }
        });
        if (System.console() != null) loop.addListener(new ProgressBar(System.err));
        TrainingResult result = loop.run();
        if (result.outcome() == TrainingResult.Outcome.DIVERGED) {
            System.err.println("digitstudio: error: " + result.message());
            return Cli.EXIT_BAD_INPUT;
        }
        if (out != null) {
            Map<String, Double> meta = new LinkedHashMap<>();
            EpochReport last = result.last();
            if (last != null) meta.put("test_accuracy", last.valAccuracy());
            ModelFiles.saveNpz(out, loop.model(), meta);
            System.err.println("saved " + loop.model().architecture() + " model to " + out);
        }
        return 0;
    }
}
