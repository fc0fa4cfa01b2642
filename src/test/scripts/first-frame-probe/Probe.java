package probe;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;

/**
 * A Java agent for src/test/scripts/first-frame-cpu.sh: at the end of the first layout pulse of a showing window it
 * reads the JavaFX thread's CPU, the process's, the compiler threads', the classes loaded and the scene's nodes (and
 * how many are hidden), writes them as one line to the agent's argument and halts the JVM. -Dprobe.detail=1 adds the
 * hidden subtrees and the node classes; -Dprobe.jfr=FILE first dumps the JFR recording in progress.
 */
public final class Probe {
    static String out;
    static volatile boolean done;

    public static void premain(String args) {
        out = args;
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Platform.runLater(Probe::watch);
                    return;
                } catch (IllegalStateException e) {
                    try { Thread.sleep(2); } catch (InterruptedException x) { return; }
                }
            }
        }, "probe");
        t.setDaemon(true);
        t.start();
    }

    static void watch() {
        for (Window w : Window.getWindows()) attach(w);
        Window.getWindows().addListener((ListChangeListener<Window>) c -> {
            while (c.next()) for (Window w : c.getAddedSubList()) attach(w);
        });
    }

    static void attach(Window w) {
        if (w.getScene() != null) attach(w, w.getScene());
        w.sceneProperty().addListener((o, a, s) -> { if (s != null) attach(w, s); });
    }

    static void attach(Window w, Scene s) {
        Runnable[] r = new Runnable[1];
        r[0] = () -> {
            if (done || !w.isShowing()) return;
            done = true;
            measure(s);
        };
        s.addPostLayoutPulseListener(r[0]);
    }

    static void measure(Scene s) {
        long fx = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long proc = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
        long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long up = ManagementFactory.getRuntimeMXBean().getUptime();
        long jit = 0;
        try {
            long tick = 100;
            for (Path task : Files.newDirectoryStream(Path.of("/proc/self/task"))) {
                String comm = Files.readString(task.resolve("comm")).trim();
                if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                    String st = Files.readString(task.resolve("stat"));
                    String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
                    jit += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / tick;
                }
            }
        } catch (Exception e) { jit = -1; }
        int[] counts = new int[2];
        Map<String, Integer> hiddenRoots = new TreeMap<>();
        Map<String, Integer> byClass = new TreeMap<>();
        walk(s.getRoot(), true, counts, hiddenRoots, byClass, "");
        StringBuilder b = new StringBuilder();
        b.append(String.format("fxCpuMs=%d procCpuMs=%d jitCpuMs=%d classes=%d uptimeMs=%d nodes=%d hidden=%d%n",
                fx / 1_000_000, proc / 1_000_000, jit, classes, up, counts[0], counts[1]));
        if (System.getProperty("probe.detail") != null) {
            hiddenRoots.forEach((k, v) -> b.append("hidden ").append(v).append(' ').append(k).append('\n'));
            byClass.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(40)
                    .forEach(e -> b.append("class ").append(e.getValue()).append(' ').append(e.getKey()).append('\n'));
        }
        try { Files.writeString(Path.of(out), b.toString()); } catch (Exception e) { e.printStackTrace(); }
        String jfr = System.getProperty("probe.jfr");
        if (jfr != null) {
            try {
                for (jdk.jfr.Recording r : jdk.jfr.FlightRecorder.getFlightRecorder().getRecordings()) { r.dump(Path.of(jfr)); r.stop(); }
            } catch (Exception e) { e.printStackTrace(); }
        }
        Runtime.getRuntime().halt(0);
    }

    static String name(Node n) {
        return n.getClass().getSimpleName() + (n.getId() != null ? "#" + n.getId() : "") + (n.getStyleClass().isEmpty() ? "" : "." + String.join(".", n.getStyleClass()));
    }

    static int walk(Node n, boolean visible, int[] counts, Map<String, Integer> hiddenRoots, Map<String, Integer> byClass, String path) {
        counts[0]++;
        byClass.merge(n.getClass().getName(), 1, Integer::sum);
        boolean v = visible && n.isVisible();
        if (!v) counts[1]++;
        int sub = 1;
        String p = path + "/" + name(n);
        if (n instanceof Parent par) for (Node c : par.getChildrenUnmodifiable()) sub += walk(c, v, counts, hiddenRoots, byClass, p);
        if (visible && !n.isVisible()) hiddenRoots.put(p, sub);
        return sub;
    }
}
