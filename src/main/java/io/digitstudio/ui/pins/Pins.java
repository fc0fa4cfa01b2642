package io.digitstudio.ui.pins;

import io.digitstudio.io.AtomicFiles;
import io.digitstudio.io.FloatBytes;
import io.digitstudio.io.Json;
import io.digitstudio.ui.core.Messages;
import io.digitstudio.ui.core.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The digits the user pinned (at most {@link #MAX}): each a network input (a drawing as Draw prepared it, or a test
 * image) with a caption. The app's state, shared by the views: Draw and Samples pin, the Train view shows each pin's
 * answer as a run learns and removes pins. Remembered between launches in one small JSON file in the user's data
 * folder, written atomically on the compute worker after each change (the newest list last); a damaged file is set
 * aside, said in one line, and the app starts with no pins. FX thread.
 */
public final class Pins {
    public static final int MAX = 8;
    /** Ctrl+Shift+P (Cmd on a Mac): Pin, in Draw and Samples, each while its view is shown. */
    public static final javafx.scene.input.KeyCombination SHORTCUT = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.P,
            javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN);
    /** A folder to keep the pins in instead of the user's data folder. */
    public static final String ENV = "DIGITSTUDIO_PINS";

    /** A pinned digit: its network input and what it is ("drawing", "test image 42 (7)"). */
    public record Pin(String caption, float[] input) {
    }

    private final ObservableList<Pin> pins = FXCollections.observableArrayList();
    private final ObservableList<Pin> readOnly = FXCollections.unmodifiableObservableList(pins);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final TaskExecutor tasks;
    private Path file;
    private final AtomicReference<List<Pin>> unsaved = new AtomicReference<>();
    private final Object writing = new Object();

    private Pins(TaskExecutor tasks, Path file) {
        this.tasks = tasks;
        this.file = file;
    }

    /** Pins kept for this session only. */
    public static Pins inMemory() {
        return new Pins(null, null);
    }

    /** Pins remembered in {@code file}: read now on the compute worker, written there after every change. */
    public static Pins in(Path file, TaskExecutor tasks) {
        Pins p = new Pins(tasks, file);
        p.load();
        return p;
    }

    /** The user's pins file: {@code pins.json} in {@code $DIGITSTUDIO_PINS}, else in the data folder's {@code pins}. */
    public static Path defaultFile() {
        return io.digitstudio.io.UserFolders.data(System.getenv(), ENV, "pins").resolve("pins.json");
    }

    /**
     * Stops remembering: changes from now on are not written, and remembered pins still being read are not added (a
     * script that pins for a measurement leaves the user's pins as they were, and has only its own).
     */
    public void keepInMemory() {
        file = null;
    }

    /**
     * Pins {@code input} with {@code caption}; false, and {@link #messageProperty()} says why, when all {@link #MAX}
     * pins are taken or the same input is pinned already.
     */
    public boolean add(float[] input, String caption) {
        if (input == null) return false;
        for (int i = 0; i < pins.size(); i++) {
            if (Arrays.equals(pins.get(i).input(), input)) {
                message.set("Already pinned: pin " + (i + 1) + " of " + pins.size() + " is this " + pins.get(i).caption());
                return false;
            }
        }
        if (pins.size() >= MAX) {
            message.set("All " + MAX + " pins are taken: remove one in the Train view (✕ on a pin) to pin this " + caption);
            return false;
        }
        pins.add(new Pin(caption, input.clone()));
        message.set("Pinned " + caption + " (" + pins.size() + " of " + MAX + "): the Train view shows how a run learns it");
        save();
        return true;
    }

    /** Unpins {@code pin}. */
    public void remove(Pin pin) {
        if (pins.remove(pin)) {
            message.set("Removed the pin of " + pin.caption() + " (" + pins.size() + " of " + MAX + " pinned)");
            save();
        }
    }

    /** Unpins all. */
    public void clear() {
        if (pins.isEmpty()) return;
        pins.clear();
        message.set("No pins");
        save();
    }

    /** The pins, oldest first (read-only: change them with add and remove). */
    public ObservableList<Pin> list() {
        return readOnly;
    }

    /** True when no more can be pinned. */
    public boolean full() {
        return pins.size() >= MAX;
    }

    /** What the last change did, or why it could not ("" at first). */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The pins' inputs, in order, for a run to classify. */
    public List<float[]> inputs() {
        List<float[]> xs = new ArrayList<>();
        for (Pin p : pins) xs.add(p.input());
        return List.copyOf(xs);
    }

    private void load() {
        Path f = file;
        tasks.compute(() -> read(f)).whenComplete((read, err) -> {
            if (err != null) {
                message.set("Pinned digits could not be read: " + Messages.of(err));
                return;
            }
            if (file != f) return; // kept in memory since: this window's pins are its own
            if (read.problem() != null) message.set(read.problem());
            // pins made while the file was read come after the remembered ones
            List<Pin> now = new ArrayList<>(read.pins());
            for (Pin p : pins) if (now.size() < MAX) now.add(p);
            pins.setAll(now);
        });
    }

    private record Read(List<Pin> pins, String problem) {
    }

    /** The pins in {@code f} (none when there is no file); a damaged file is moved aside and said. */
    static Read read(Path f) throws IOException {
        if (f == null || !Files.exists(f)) return new Read(List.of(), null);
        try {
            return new Read(parse(Files.readString(f, StandardCharsets.UTF_8)), null);
        } catch (RuntimeException e) {
            Path aside = f.resolveSibling(f.getFileName() + ".damaged");
            Files.move(f, aside, StandardCopyOption.REPLACE_EXISTING);
            return new Read(List.of(), "The pinned digits' file was damaged (" + Messages.of(e) + "); it is kept as " + aside + ", and nothing is pinned");
        }
    }

    @SuppressWarnings("unchecked")
    static List<Pin> parse(String text) {
        Map<String, Object> root = Json.parseObject(text);
        if (!(root.get("pins") instanceof List<?> list)) throw new IllegalArgumentException("no \"pins\" list");
        List<Pin> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> m) || !(m.get("caption") instanceof String caption) || !(m.get("input") instanceof String data)) {
                throw new IllegalArgumentException("a pin without its caption or input");
            }
            byte[] bytes = Base64.getDecoder().decode(data);
            if (bytes.length % 4 != 0 || bytes.length == 0) throw new IllegalArgumentException("a pin's input is not a list of floats");
            float[] x = new float[bytes.length / 4];
            FloatBytes.read(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN), x, 0, x.length);
            if (out.size() < MAX) out.add(new Pin(caption, x));
        }
        return out;
    }

    static String format(List<Pin> pins) {
        List<Object> list = new ArrayList<>();
        for (Pin p : pins) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("caption", p.caption());
            m.put("size", p.input().length);
            m.put("input", Base64.getEncoder().encodeToString(FloatBytes.littleEndian(p.input()))); // float32, little-endian
            list.add(m);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("pins", list);
        return Json.write(root) + "\n";
    }

    private void save() {
        Path f = file;
        if (f == null) return;
        unsaved.set(List.copyOf(pins));
        tasks.compute(() -> {
            synchronized (writing) { // the newest list is written last, whatever order the writes run in
                List<Pin> now = unsaved.getAndSet(null);
                if (now != null) {
                    Files.createDirectories(f.toAbsolutePath().getParent());
                    String text = format(now);
                    AtomicFiles.write(f, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
                }
            }
            return null;
        }).whenComplete((v, err) -> {
            if (err != null) message.set("The pins could not be saved: " + Messages.of(err));
        });
    }
}
