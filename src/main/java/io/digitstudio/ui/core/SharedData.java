package io.digitstudio.ui.core;

import io.digitstudio.data.Mnist;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The datasets the views share: the bundled MNIST, read once and kept (it is immutable); a folder is read afresh each
 * time it is asked for, so nothing holds a second copy of a large dataset.
 */
public final class SharedData {
    private final TaskExecutor tasks;
    private CompletableFuture<Mnist.TrainTest> bundled;

    public SharedData(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /** The bundled MNIST; completes on the UI thread. Call on the UI thread. */
    public CompletableFuture<Mnist.TrainTest> bundled() {
        if (bundled == null) bundled = tasks.compute(Mnist::bundled);
        return bundled;
    }

    /** Reads data on the calling (worker) thread: the bundled set, or a folder of IDX files. */
    public static Mnist.TrainTest load(Path folder) {
        return folder == null ? Mnist.bundled() : Mnist.fromDirectory(folder);
    }
}
