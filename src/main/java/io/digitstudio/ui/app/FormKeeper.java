package io.digitstudio.ui.app;

import io.digitstudio.ui.core.FxTicker;
import io.digitstudio.ui.core.TaskExecutor;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Keeps what the Train and the Sweeps forms hold in the settings file while the app runs, not only when it closes, so
 * that a crash or a kill loses no form. An edit is saved once the editing settles ({@link #SETTLE_MILLIS} after the
 * last change: typing a number is one save, not one a key), or at once when the window loses the focus or another tab
 * opens. The forms' values are read on the UI thread, where their view models live, and written on the compute worker
 * through the settings file, whose every write is atomic (a crash leaves the old file or the new one, never a part of
 * one); the newest values are written last, and values written already are not written again.
 */
final class FormKeeper {
    /** How long after the last change an edit is taken as settled. */
    static final long SETTLE_MILLIS = 1_000;


    private final LastSession last;
    private final TaskExecutor tasks;
    private final FxTicker.Later later;
    /** Each form's values as the next launch takes them, by the form's name in the session ({@link LastSession#form}). */
    private final Supplier<Map<String, Map<String, String>>> forms;
    /** The values last handed to the writer (UI thread). */
    private Map<String, Map<String, String>> handed;
    /** The newest values not written yet: the writer takes them. */
    private final AtomicReference<Map<String, Map<String, String>>> unsaved = new AtomicReference<>();
    private final Object writing = new Object();
    /** Counts the edits, so that only the last one's wait saves. */
    private long edits;
    private boolean closed;

    FormKeeper(LastSession last, TaskExecutor tasks, FxTicker.Later later, Supplier<Map<String, Map<String, String>>> forms) {
        this.last = last;
        this.tasks = tasks;
        this.later = later;
        this.forms = forms;
        // the forms as they came back from the file: nothing to write until one changes
        this.handed = forms.get();
    }

    /** A form changed (UI thread): it is saved once no other change follows for {@link #SETTLE_MILLIS}. */
    void edited() {
        if (closed) return;
        long mine = ++edits;
        later.run(SETTLE_MILLIS, () -> {
            if (mine == edits) save();
        });
    }

    /** Saves what the forms hold now, unless it is what was saved last (UI thread). */
    void save() {
        if (closed) return;
        Map<String, Map<String, String>> now = forms.get();
        if (now.equals(handed)) return;
        handed = now;
        unsaved.set(now);
        tasks.compute(() -> {
            write();
            return null;
        }).whenComplete((v, err) -> {
            // not written (the engine could not start, the app is closing): the next change or the close tries again
            if (err != null) later.run(0, () -> { // handed is the UI thread's
                if (handed == now) handed = null;
            });
        });
    }

    private void write() {
        synchronized (writing) { // the newest values are written last, whatever order the writes run in
            Map<String, Map<String, String>> now = unsaved.getAndSet(null);
            if (now != null) last.forms(now);
        }
    }

    /** Writes what the forms hold now, on this thread, and nothing after it (the app closes). */
    void close() {
        if (closed) return;
        closed = true;
        unsaved.set(forms.get());
        write();
    }
}
