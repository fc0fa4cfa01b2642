package io.digitstudio.ui.app;

import io.digitstudio.train.EpochReport;
import io.digitstudio.train.Stats;
import io.digitstudio.ui.charts.ChartExport;
import io.digitstudio.ui.train.TrainViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.stage.Stage;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Scripted runs of the real window, for documentation and measurement:
 * {@code --screenshot FILE} starts the tutorial's training and saves the window mid-run as a PNG;
 * {@code --gui-bench N} trains the tutorial's configuration for N epochs through the Train view (Task, feed, charts)
 * and prints the seconds of training per epoch, to compare with the CLI's {@code bench}.
 */
final class ScreenshotMode {
    private ScreenshotMode() {
    }

    static void maybeStart(List<String> args, Stage stage, MainView main) {
        int shot = args.indexOf("--screenshot");
        int bench = args.indexOf("--gui-bench");
        TrainViewModel vm = main.train().viewModel();
        int tab = args.indexOf("--tab");
        String tabName = tab >= 0 && tab + 1 < args.size() ? args.get(tab + 1) : "train";
        if (shot >= 0 && shot + 1 < args.size() && !tabName.equals("train")) {
            Path file = Path.of(args.get(shot + 1));
            if (tabName.equals("samples")) {
                main.tabs().getSelectionModel().select(1);
            } else {
                main.tabs().getSelectionModel().select(2);
                var draw = main.draw().viewModel();
                double[][] seven = {{90, 80}, {230, 80}, {215, 110}, {170, 180}, {140, 250}};
                draw.beginStroke(seven[0][0], seven[0][1]);
                for (int i = 1; i < seven.length; i++) draw.extendStroke(seven[i][0], seven[i][1]);
                draw.endStroke();
            }
            long t0 = System.nanoTime();
            poll(() -> {
                var samples = main.samples().viewModel();
                if (tabName.equals("samples") && samples.predictionsProperty().get() != null && samples.selectedProperty().get() < 0) {
                    samples.selectedProperty().set(0);
                }
                if (System.nanoTime() - t0 < 3_000_000_000L) return false;
                try {
                    ChartExport.png(stage.getScene().getRoot(), file);
                    System.out.println("saved screenshot to " + file);
                } catch (Exception e) {
                    System.err.println("digitstudio: error: could not save the screenshot: " + e.getMessage());
                }
                System.exit(0);
                return true;
            });
        } else if (shot >= 0 && shot + 1 < args.size()) {
            Path file = Path.of(args.get(shot + 1));
            vm.start();
            poll(() -> {
                if (vm.epochRows().size() >= 2 && vm.progressProperty().get() > 0.25) {
                    try {
                        ChartExport.png(stage.getScene().getRoot(), file);
                        System.out.println("saved screenshot to " + file);
                    } catch (Exception e) {
                        System.err.println("digitstudio: error: could not save the screenshot: " + e.getMessage());
                    }
                    vm.stop();
                    System.exit(0);
                }
                return false;
            });
        } else if (bench >= 0) {
            int epochs = bench + 1 < args.size() ? Integer.parseInt(args.get(bench + 1)) : 3;
            vm.epochsProperty().set(String.valueOf(epochs));
            vm.start();
            poll(() -> {
                if (vm.stateProperty().get() != TrainViewModel.State.FINISHED) return false;
                for (EpochReport r : vm.epochRows()) {
                    System.out.printf(Locale.ROOT, "epoch %d: train %.3fs  val_accuracy %.4f%n", r.epoch(), r.trainSeconds(), r.valAccuracy());
                }
                // epoch 1 pays for JIT warm-up (far more code in a GUI process): left out, as the CLI's bench does
                double median = Stats.warmMedian(vm.epochRows(), EpochReport::trainSeconds);
                System.out.printf(Locale.ROOT, "gui_train_seconds_per_epoch:%.3f (median of epochs 2-%d, through the Train view with live charts)%n",
                        median, vm.epochRows().size());
                System.exit(0);
                return true;
            });
        }
    }

    private static void poll(java.util.function.BooleanSupplier step) {
        Timeline t = new Timeline(new KeyFrame(Duration.millis(100), e -> step.getAsBoolean()));
        t.setCycleCount(Timeline.INDEFINITE);
        t.play();
    }
}
