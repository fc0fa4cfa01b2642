package io.digitstudio.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chainer's {@code snapshot} extension: every {@code every} epochs the whole run goes into a folder as
 * {@code snapshot_epoch_NNNN.npz}, keeping the newest {@code keep} of the run's own (a snapshot that names another run
 * is never deleted, nor one at an iteration {@link #keepAlso} names: a point other runs were branched from). Its priority is Chainer's, below every other extension's, so a snapshot holds what they did at
 * the same iteration (a schedule's rate for the next epoch, the log's entry).
 */
public final class SnapshotWriter implements Extension {
    /** Chainer's snapshot priority: after every other extension of the iteration. */
    public static final int PRIORITY = -100;

    private final TrainingLoop loop;
    private final Path dir;
    private final int keep;
    private Path last;
    private java.util.function.Supplier<? extends java.util.Collection<Long>> pinned = List::of;

    public SnapshotWriter(TrainingLoop loop, Path dir, int every, int keep) {
        if (every < 1) throw new IllegalArgumentException("snapshot interval must be at least 1 epoch, got " + every);
        if (keep < 1) throw new IllegalArgumentException("snapshots to keep must be at least 1, got " + keep);
        try {
            // a folder that does not exist yet is made, as mkdir -p would
            Files.createDirectories(dir);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new IllegalArgumentException("snapshot folder " + dir + " is a file, not a folder", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot create the snapshot folder " + dir + ": " + e.getMessage(), e);
        }
        this.loop = loop;
        this.dir = dir;
        this.keep = keep;
        this.trigger = Trigger.everyEpochs(every);
    }

    private final Trigger trigger;

    @Override
    public String name() {
        return "snapshot";
    }

    @Override
    public Trigger trigger() {
        return trigger;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public void call(TrainingLoop loop) {
        Path file = dir.resolve(String.format(Locale.ROOT, "snapshot_epoch_%04d.npz", loop.iterator().epoch()));
        try {
            Snapshot.save(file, loop);
            last = file;
            prune();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write snapshot " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The iterations whose snapshots are never pruned (asked at each pruning, so that a point branched from meanwhile is
     * kept too); they do not count among the newest {@code keep}.
     */
    public void keepAlso(java.util.function.Supplier<? extends java.util.Collection<Long>> iterations) {
        this.pinned = iterations;
    }

    private void prune() throws IOException {
        String id = loop.setup().runId();
        if (id.isEmpty()) return;
        java.util.Collection<Long> keepToo = pinned.get();
        List<Path> own = new ArrayList<>();
        for (Path p : Snapshot.list(dir)) {
            if (id.equals(Snapshot.runId(p)) && (keepToo.isEmpty() || !keepToo.contains(Snapshot.iterationOf(p)))) own.add(p);
        }
        for (int i = 0; i < own.size() - keep; i++) Files.deleteIfExists(own.get(i));
    }

    /** The newest snapshot written, or null. */
    public Path last() {
        return last;
    }
}
