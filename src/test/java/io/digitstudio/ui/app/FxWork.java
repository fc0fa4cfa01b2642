package io.digitstudio.ui.app;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the UI thread does for a scene while the GUI bench trains, counted: its pulses, the CPU time of their CSS and
 * layout passes (between the scene's pre- and post-layout pulse listeners), and which parents asked to be laid out
 * (each time a parent's needsLayout turns on, its layoutChildren runs at the next pulse), the nodes the CSS passes
 * style (a parent whose pseudo-class changed has its whole subtree styled), and the frames: pulses that hand nodes to
 * the renderer, each named by what it shows (with the software pipeline each frame is rendered and uploaded whole).
 * For the bench only: the listeners cost the pulses a little themselves.
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
        if (FRAME_LOG) w.traceRoot();
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

    private final Map<String, Integer> cascades = new HashMap<>();
    private int styledNodes;

    /**
     * Counts the nodes the coming CSS pass styles: a parent whose flag is UPDATE or REAPPLY (a pseudo-class or style
     * class of its changed) has the pass style every node under it too (Parent.doProcessCSS), a DIRTY_BRANCH only the
     * dirty ones below; each such subtree is counted once under its top node's kind.
     */
    /** A node's CSS flag's name ("CLEAN", "DIRTY_BRANCH", "UPDATE", "REAPPLY"), or null when it cannot be read. */
    private static String flagOf(Node n) {
        try {
            Object f = CSS_FLAG.get(n);
            return f == null ? "CLEAN" : f.toString();
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    private void countCascades(Node n) {
        String flag = flagOf(n);
        if (flag == null) return;
        if (flag.equals("CLEAN")) return;
        if (flag.equals("DIRTY_BRANCH")) {
            if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) countCascades(c);
            return;
        }
        int size = size(n);
        styledNodes += size;
        cascades.merge((n instanceof Parent p ? key(p) : n.getClass().getSimpleName()) + " " + flag, size, Integer::sum);
    }

    private static int size(Node n) {
        int s = 1;
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) s += size(c);
        return s;
    }

    private void before() {
        pulses++;
        if (FRAME_LOG && CSS_FLAG != null) {
            List<String> stale = new ArrayList<>();
            staleAfterCss(scene.getRoot(), stale);
            if (!stale.isEmpty()) System.out.println("pulse " + pulses + " (frame " + (frames + 1) + " to come) styles: " + stale);
        }
        if (CSS_FLAG != null) countDirtyCss(scene.getRoot());
        if (CSS_FLAG != null) countCascades(scene.getRoot());
        startedAt = threads.getCurrentThreadCpuTime();
    }

    private static final java.lang.reflect.Field DIRTY = field(Scene.class, "dirtyNodes"), DIRTY_SIZE = field(Scene.class, "dirtyNodesSize");

    private static java.lang.reflect.Field field(Class<?> c, String name) {
        try {
            java.lang.reflect.Field f = c.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private final Map<String, Integer> synced = new HashMap<>();
    /** A node's dirty bits (what of it the pulse syncs to the renderer), for the frame log. */
    private static final java.lang.reflect.Field DIRTY_BITS = field(Node.class, "dirtyBits");

    /** Counts the nodes this pulse hands to the renderer (the scene's dirty nodes), by the nearest ancestor with an id. */
    private void countSynced() {
        try {
            Node[] nodes = (Node[]) DIRTY.get(scene);
            int n = DIRTY_SIZE.getInt(scene);
            if (n > 0) frames++;
            java.util.TreeSet<String> what = new java.util.TreeSet<>();
            for (int i = 0; i < n && nodes != null; i++) {
                Node a = nodes[i];
                StringBuilder path = new StringBuilder();
                int ids = 0;
                for (Node p = a; p != null && ids < 2; p = p.getParent()) {
                    if (p.getId() != null) {
                        path.append(ids == 0 ? "" : "<").append(p.getId());
                        ids++;
                    }
                }
                synced.merge(a.getClass().getSimpleName() + " in " + path, 1, Integer::sum);
                String p0 = path.toString();
                int lt = p0.indexOf('<');
                if (!p0.isEmpty()) what.add(lt < 0 ? p0 : p0.substring(0, lt));
            }
            if (n > 0) frameKinds.merge(String.join("+", what), 1, Integer::sum);
            if (n > 0 && FRAME_LOG) {
                StringBuilder f = new StringBuilder("frame " + frames + ":");
                for (int i = 0; i < n && nodes != null; i++) {
                    Node a = nodes[i];
                    String id = null;
                    for (Node p = a; p != null && id == null; p = p.getParent()) id = p.getId();
                    f.append(' ').append(a.getClass().getSimpleName()).append(a.getId() != null ? "#" + a.getId() : "").append(" in ").append(id);
                    if (a instanceof javafx.scene.control.Labeled l) f.append(" \"").append(l.getText()).append('"');
                    if (a instanceof javafx.scene.control.skin.VirtualFlow<?> v) f.append(" at ").append(v.getPosition()).append(" of ").append(v.getCellCount());
                    if (a instanceof javafx.scene.control.ScrollPane v) f.append(" at ").append(v.getVvalue());
                    if (a instanceof javafx.scene.layout.Region r) f.append(" ").append(r.getWidth()).append('x').append(r.getHeight());
                    if (DIRTY_BITS != null) f.append(' ').append(DIRTY_BITS.get(a));
                }
                System.out.println(f);
                if (n == 1 && nodes[0] == scene.getRoot()) {
                    for (Throwable t : rootDirtied.values()) {
                        System.out.println("  the root marked " + t.getMessage() + " at:");
                        for (StackTraceElement el : t.getStackTrace()) System.out.println("    " + el);
                    }
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            return;
        }
    }

    private int frames;
    /** Where the root was first marked dirty since its last sync, by dirty bit (the frame log prints it for a frame of the root alone). */
    private final Map<Object, Throwable> rootDirtied = new java.util.LinkedHashMap<>();

    /** Has the root's dirty bits record who sets each, so a frame that syncs the root alone says what asked for it. */
    @SuppressWarnings("unchecked")
    private void traceRoot() {
        try {
            Node root = scene.getRoot();
            java.util.Set<Object> bits = (java.util.Set<Object>) DIRTY_BITS.get(root);
            DIRTY_BITS.set(root, new java.util.AbstractSet<Object>() {
                @Override
                public boolean add(Object bit) {
                    if (!bits.contains(bit)) rootDirtied.put(bit, new Throwable(String.valueOf(bit)));
                    return bits.add(bit);
                }

                @Override
                public java.util.Iterator<Object> iterator() {
                    return bits.iterator();
                }

                @Override
                public int size() {
                    return bits.size();
                }

                @Override
                public boolean contains(Object o) {
                    return bits.contains(o);
                }

                @Override
                public boolean remove(Object o) {
                    return bits.remove(o);
                }

                @Override
                public void clear() {
                    bits.clear();
                }
            });
        } catch (IllegalAccessException | RuntimeException e) {
            return;
        }
    }
    /**
     * -Ddigitstudio.countUi.frames=true: each frame's nodes as it is handed to the renderer, numbered, with the
     * texts, positions and sizes that tell which change made it (a frame of its own a pulse after another is one to
     * coalesce). The frames are told apart by number, not by the clock: the texts say where the run was.
     */
    private static final boolean FRAME_LOG = Boolean.getBoolean("digitstudio.countUi.frames");
    private final Map<String, Integer> frameKinds = new HashMap<>();

    /**
     * The nodes whose styles were made stale after the pulse's CSS pass (in its layout pass or its post-layout
     * listeners): JavaFX then marks the root dirty, and the next pulse is a frame of its own for them.
     */
    private void staleAfterCss(Node n, List<String> out) {
        String flag = flagOf(n);
        if (flag == null) return;
        if (!flag.equals("CLEAN")) {
            String id = null;
            for (Node p = n; p != null && id == null; p = p.getParent()) id = p.getId();
            out.add(n.getClass().getSimpleName() + (n.getStyleClass().isEmpty() ? "" : "." + n.getStyleClass().get(0)) + " " + flag + " in " + id
                    + " " + n.getPseudoClassStates());
        }
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) staleAfterCss(c, out);
    }

    private void after() {
        if (startedAt >= 0) cssAndLayoutNanos += threads.getCurrentThreadCpuTime() - startedAt;
        if (FRAME_LOG && CSS_FLAG != null) {
            List<String> stale = new ArrayList<>();
            staleAfterCss(scene.getRoot(), stale);
            if (!stale.isEmpty()) System.out.println("styles stale after pulse " + pulses + " (frame " + (frames + 1) + " to come): " + stale);
        }
        if (DIRTY != null) countSynced();
        rootDirtied.clear();
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
        b.append("; nodes in the scene ").append(size(scene.getRoot()));
        for (Node n : scene.getRoot().lookupAll(".tab-content-area")) b.append(", a tab's ").append(size(n)).append(n.isVisible() ? " (shown)" : "");
        b.append("; frames (pulses with nodes to sync) ").append(frames).append(", by what they show: ");
        frameKinds.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(20)
                .forEach(e -> b.append('[').append(e.getKey()).append("] ").append(e.getValue()).append(", "));
        b.append("; nodes synced ").append(synced.values().stream().mapToInt(Integer::intValue).sum()).append(": ");
        synced.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(40)
                .forEach(e -> b.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
        b.append("; nodes styled ").append(styledNodes).append(", by the subtree's top: ");
        cascades.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25)
                .forEach(e -> b.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
        b.append("; nodes with css to apply: ");
        styled.entrySet().stream().sorted((x, y) -> y.getValue() - x.getValue()).limit(25)
                .forEach(e -> b.append(e.getKey()).append(' ').append(e.getValue()).append(", "));
        return b.toString();
    }
}
