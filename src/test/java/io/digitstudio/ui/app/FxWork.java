package io.digitstudio.ui.app;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the UI thread does for a scene while the GUI bench trains, counted: its pulses, the CPU time of their CSS and
 * layout passes (between the scene's pre- and post-layout pulse listeners), and which parents asked to be laid out
 * (each time a parent's needsLayout turns on, its layoutChildren runs at the next pulse). For the bench only: the
 * listeners cost the pulses a little themselves.
 */
final class FxWork {
    private final Scene scene;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Runnable before = this::before;
    private final Runnable after = this::after;
    private final Map<Parent, ChangeListener<Boolean>> watched = new IdentityHashMap<>();
    private final Map<String, Integer> layouts = new HashMap<>();
    private int pulses;
    private long cssAndLayoutNanos;
    private long startedAt = -1;

    private FxWork(Scene scene) {
        this.scene = scene;
    }

    /** Starts counting on {@code scene} (UI thread). */
    static FxWork start(Scene scene) {
        FxWork w = new FxWork(scene);
        scene.addPreLayoutPulseListener(w.before);
        scene.addPostLayoutPulseListener(w.after);
        w.watch(scene.getRoot());
        return w;
    }

    private final Map<String, Integer> styled = new HashMap<>();
    private static final java.lang.reflect.Field CSS_FLAG = cssFlag();

    private static java.lang.reflect.Field cssFlag() {
        try {
            java.lang.reflect.Field f = Node.class.getDeclaredField("cssFlag");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Counts the nodes the coming CSS pass will style (their CSS flag is not CLEAN), by kind. */
    private void countDirtyCss(Node n) {
        try {
            Object flag = CSS_FLAG.get(n);
            if (flag != null && !"CLEAN".equals(flag.toString())) styled.merge(n instanceof Parent p ? key(p) : n.getClass().getSimpleName(), 1, Integer::sum);
        } catch (IllegalAccessException e) {
            return;
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) countDirtyCss(c);
    }

    private void before() {
        pulses++;
        if (CSS_FLAG != null) countDirtyCss(scene.getRoot());
        startedAt = threads.getCurrentThreadCpuTime();
    }

    private void after() {
        if (startedAt >= 0) cssAndLayoutNanos += threads.getCurrentThreadCpuTime() - startedAt;
        startedAt = -1;
        watch(scene.getRoot()); // parents added meanwhile (a table's new rows)
    }

    private void watch(Node n) {
        if (!(n instanceof Parent p)) return;
        if (!watched.containsKey(p)) {
            String key = key(p);
            ChangeListener<Boolean> l = (o, was, is) -> {
                if (is) layouts.merge(key, 1, Integer::sum);
            };
            p.needsLayoutProperty().addListener(l);
            watched.put(p, l);
        }
        for (Node c : p.getChildrenUnmodifiable()) watch(c);
    }

    private static String key(Parent p) {
        String name = p.getClass().getSimpleName();
        if (name.isEmpty()) name = p.getClass().getName();
        if (p.getId() != null) return name + "#" + p.getId();
        if (!p.getStyleClass().isEmpty()) return name + "." + p.getStyleClass().get(0);
        return name;
    }

    /** Stops counting and says what was counted (UI thread). */
    String stop() {
        scene.removePreLayoutPulseListener(before);
        scene.removePostLayoutPulseListener(after);
        watched.forEach((p, l) -> p.needsLayoutProperty().removeListener(l));
        int total = layouts.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
                "ui thread: %d pulses, css and layout passes %.3f s cpu, %d parents laid out; most often: ", pulses, cssAndLayoutNanos / 1e9, total));
        layouts.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25)
                .forEach(e -> b.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
        b.setLength(b.length() - 2);
        b.append("; nodes with css to apply: ");
        styled.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25)
                .forEach(e -> b.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
        return b.toString();
    }
}
