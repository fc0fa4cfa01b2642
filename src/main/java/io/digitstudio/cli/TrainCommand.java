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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import io.digitstudio.train.Snapshot;
import io.digitstudio.train.SnapshotWriter;

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

    @Option(names = "--snapshot-every", paramLabel = "N", description = "Snapshot the whole run (model, optimizer, iterator, random state, log) every N epochs.")
    Integer snapshotEvery;

    @Option(names = "--snapshot-dir", paramLabel = "DIR", defaultValue = ".", description = "Folder for snapshot_epoch_NNNN.npz files (default: the current folder).")
    Path snapshotDir;

    @Option(names = "--keep", paramLabel = "K", defaultValue = "3", description = "Snapshots to keep, newest first (default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--resume", paramLabel = "SNAPSHOT.npz",
            description = "Continue a run from a snapshot, bit for bit as if it had not stopped. Settings come from the snapshot; --epochs may extend it.")
    Path resume;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrainingConfig config = options.config();
        if (out != null) ModelOutput.check(out);
        if (snapshotEvery != null) {
            if (snapshotEvery < 1) throw new UserInputException("--snapshot-every must be at least 1, got " + snapshotEvery);
            if (keep < 1) throw new UserInputException("--keep must be at least 1, got " + keep);
            if (!java.nio.file.Files.isDirectory(snapshotDir)) throw new UserInputException("--snapshot-dir " + snapshotDir + " is not a folder");
        }
        Map<String, io.digitstudio.io.NpyArray> snapshot = resume == null ? null : Snapshot.read(resume);
        Startup.engine();
        options.applyThreads();
        Mnist.TrainTest d = data.load();
        TrainingLoop loop;
        if (snapshot == null) {
            loop = TrainingLoop.create(config, d.train(), d.test(), d.source());
        } else {
            Integer epochs = spec.commandLine().getParseResult().hasMatchedOption("--epochs") ? config.epochs() : null;
            loop = Snapshot.resume(snapshot, String.valueOf(resume.getFileName()), d.train(), d.test(), d.source(), epochs);
            System.err.printf(java.util.Locale.ROOT, "resuming at epoch %d of %d (iteration %d)%n", loop.iterator().epoch(), loop.config().epochs(), loop.iteration());
        }
        if (snapshotEvery != null) loop.addListener(new SnapshotWriter(loop, snapshotDir, snapshotEvery, keep));
        // the bar first, so that it is wiped from the terminal before each epoch line is printed
        if (System.console() != null) loop.addListener(new ProgressBar(System.err));
        loop.addListener(new TrainingListener() {
            @Override
            public void onEpoch(EpochReport r) {
                System.out.println(r.tutorialLine());
                System.out.flush();
            }
        });
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
