package io.digitstudio.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The iterations of one run that branches were made from, kept current for a run that snapshots while it trains (its
 * snapshots at those iterations are where the branches start, and are never pruned). A run's parent never changes once
 * its {@code run.json} is written (a resume rewrites the file with the same parent), so each run's settings are read
 * once: asking again lists the history's folder names and reads only the settings of runs that appeared since, or whose
 * settings could not be read yet (a folder made a moment before its {@code run.json}). A branch recorded meanwhile by
 * another process counts from then on; a branch deleted meanwhile no longer does.
 */
public final class BranchPoints {
    private final RunStore store;
    private final String parent;
    /** The branches of the run: their ids, and the iteration each was made at. */
    private final Map<String, Long> branches = new HashMap<>();
    /** Runs whose settings were read and which are no branch of this run. */
    private final Set<String> others = new HashSet<>();
    private long settingsRead;

    BranchPoints(RunStore store, String parent) {
        this.store = store;
        this.parent = parent;
    }

    /** The iterations branches of the run were made from, as the history holds them now; empty when it has no folder. */
    public synchronized Set<Long> iterations() {
        Set<String> ids = ids(store.root());
        branches.keySet().retainAll(ids);
        others.retainAll(ids);
        for (String id : ids) {
            if (branches.containsKey(id) || others.contains(id)) continue;
            RunSettings s = settings(store.root().resolve(id), id);
            if (s == null) continue; // not written yet, or damaged: asked again next time
            if (s.isBranch() && s.branchedFrom().run().equals(parent)) branches.put(id, s.branchedFrom().iteration());
            else others.add(id);
        }
        return new TreeSet<>(branches.values());
    }

    /** How many {@code run.json} files were read so far (each run's once, unless it could not be read). */
    synchronized long settingsRead() {
        return settingsRead;
    }

    private RunSettings settings(Path folder, String id) {
        Path file = folder.resolve(RunStore.SETTINGS);
        if (!Files.isRegularFile(file)) return null;
        settingsRead++;
        try {
            RunSettings s = RunSettings.read(file);
            return s.id().equals(id) ? s : null;
        } catch (RunsException e) {
            return null;
        }
    }

    private static Set<String> ids(Path root) {
        Set<String> out = new HashSet<>();
        if (!Files.isDirectory(root)) return out;
        try (Stream<Path> s = Files.list(root)) {
            s.map(p -> p.getFileName().toString()).filter(RunStore::isId).forEach(out::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runs in " + root + ": " + e.getMessage(), e);
        }
        return out;
    }
}
