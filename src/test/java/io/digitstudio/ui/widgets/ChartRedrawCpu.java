package io.digitstudio.ui.widgets;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;

/**
 * What a chart's redraw costs in CPU, for comparing builds (not a test): a run's loss chart (600x260, 600 loss points,
 * 12 validation points) redrawn N times after N warm-up redraws, the UI thread's CPU time; then N redraws each
 * rendered (a snapshot of the canvas, which the renderer thread draws), the UI thread's and the renderer's.
 * Usage: {@code xvfb-run -a java -Dprism.order=sw -cp "target/test-classes:target/classes:target/lib/*"
 * io.digitstudio.ui.widgets.ChartRedrawCpu 300}
 */
public final class ChartRedrawCpu {
    /** The renderer thread's CPU nanoseconds so far, from /proc (Linux). */
    static long renderer() {
        try (var ts = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            long sum = 0;
            for (var d : (Iterable<java.nio.file.Path>) ts::iterator) {
                if (java.nio.file.Files.readString(d.resolve("comm")).strip().startsWith("QuantumRenderer"))
                    sum += Long.parseLong(java.nio.file.Files.readString(d.resolve("schedstat")).split(" ")[0]);
            }
            return sum;
        } catch (java.io.IOException e) { throw new RuntimeException(e); }
    }

    public static void main(String[] a) throws Exception {
        int n = Integer.parseInt(a[0]);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        CountDownLatch done = new CountDownLatch(1);
        long[] cpu = new long[2];
        Platform.runLater(() -> {
            DecimatedSeries train = new DecimatedSeries("train loss (smoothed)", 400, false);
            DecimatedSeries val = new DecimatedSeries("validation loss", 400, true);
            LiveChart c = LiveChartPixelsTest.lossChart(train, val);
            StackPane root = new StackPane(c);
            Stage s = new Stage();
            s.setScene(new Scene(root, 600, 260));
            s.show();
            root.applyCss();
            root.layout();
            for (int i = 0; i < 600; i++) train.add(i / 50.0, 0.1 + 2.2 * Math.exp(-0.3 * i / 50.0));
            for (int e = 1; e <= 12; e++) val.add(e, 0.08 + Math.exp(-e));
            var t = ManagementFactory.getThreadMXBean();
            for (int i = 0; i < n; i++) c.redrawNow(); // warm
            long t0 = t.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) c.redrawNow();
            cpu[0] = t.getCurrentThreadCpuTime() - t0;
            // then each redraw rendered: the canvas drawn by the renderer thread (a snapshot renders it there)
            javafx.scene.image.WritableImage shot = new javafx.scene.image.WritableImage((int) c.canvas().getWidth() + 1, (int) c.canvas().getHeight() + 1);
            for (int i = 0; i < n; i++) { c.redrawNow(); c.canvas().snapshot(null, shot); }
            long r0 = renderer();
            long u0 = t.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) { c.redrawNow(); c.canvas().snapshot(null, shot); }
            cpu[1] = renderer() - r0;
            System.out.printf("with a snapshot each: ui thread %.1f ms, renderer %.1f ms%n", (t.getCurrentThreadCpuTime() - u0) / 1e6, cpu[1] / 1e6);
            done.countDown();
        });
        done.await();
        System.out.printf("redraws %d: ui thread %.1f ms, %.3f ms a redraw%n", n, cpu[0] / 1e6, cpu[0] / 1e6 / n);
        Platform.exit();
    }
}
