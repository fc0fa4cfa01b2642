package io.digitstudio.explain;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.io.FloatBytes;
import io.digitstudio.io.UserFolders;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Parameter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Neighbour indexes kept in the user's data folder ({@code $XDG_DATA_HOME/digitstudio/neighbours}, or
 * {@code $DIGITSTUDIO_NEIGHBOURS}), one file per model and training set, named by a hash of their contents: the same
 * weights opened again (from another file, another format, or built in) find their index, and changed weights never
 * do. Written atomically; a damaged file is rebuilt. Only the {@link #KEEP} most recently used indexes stay.
 */
public final class IndexCache {
    public static final String ENV = "DIGITSTUDIO_NEIGHBOURS";
    /** Indexes kept on disk; each is 60,000 × the feature size floats (about 100 MB for the built-in models). */
    public static final int KEEP = 4;
    static final String SUFFIX = ".nbr";

    private final Path dir;

    public IndexCache(Path dir) {
        this.dir = dir;
    }

    /** The user's cache folder. */
    public static IndexCache user() {
        return new IndexCache(UserFolders.data(System.getenv(), ENV, "neighbours"));
    }

    public Path dir() {
        return dir;
    }

    /** How an index came to be: read from the cache, or built (and then saved, unless saving failed, with why). */
    public record Loaded(NeighbourIndex index, boolean built, double millis, Path file, String saveProblem) {
    }

    /** The file that holds the index of this model over this data. */
    public Path fileFor(Network net, LabeledImages train) {
        return dir.resolve(key(net, train) + SUFFIX);
    }

    /** A hash of the model's architecture, input shape and weights and of the training set's contents. */
    public static String key(Network net, LabeledImages train) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((net.spec().text() + "|" + java.util.Arrays.toString(net.inputShape()) + "|" + net.classes()).getBytes(StandardCharsets.UTF_8));
            Map<String, Parameter> params = new TreeMap<>(net.namedParams());
            for (Map.Entry<String, Parameter> e : params.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                if (!e.getValue().isInitialized()) continue;
                float[] v = Host.toArray(e.getValue().data());
                md.update(FloatBytes.littleEndian(v));
            }
            md.update(train.sha256().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(md.digest()).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /** The cached index when there is a good one, else null (a damaged or foreign file is left for a rebuild to replace). */
    public NeighbourIndex cached(Network net, LabeledImages train) {
        Path f = fileFor(net, train);
        if (!Files.isRegularFile(f)) return null;
        String key = f.getFileName().toString().replace(SUFFIX, "");
        try {
            NeighbourIndex idx = NeighbourIndex.load(f);
            if (!key.equals(idx.key()) || idx.count() != train.size()) return null;
            touch(f);
            return idx;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The cached index, or a new one built and saved. */
    public Loaded loadOrBuild(FeatureSpace space, LabeledImages train, IntConsumer progress, BooleanSupplier cancelled) {
        long t0 = System.nanoTime();
        Network net = space.network();
        Path f = fileFor(net, train);
        NeighbourIndex idx = cached(net, train);
        if (idx != null) return new Loaded(idx, false, (System.nanoTime() - t0) / 1e6, f, null);
        String key = f.getFileName().toString().replace(SUFFIX, "");
        idx = NeighbourIndex.build(space, train, key, progress, cancelled);
        double millis = (System.nanoTime() - t0) / 1e6;
        String problem = null;
        try {
            Files.createDirectories(dir);
            idx.save(f);
            prune();
        } catch (IOException | RuntimeException e) {
            problem = "could not keep the index in " + dir + ": " + e.getMessage();
        }
        return new Loaded(idx, true, millis, f, problem);
    }

    private static void touch(Path f) {
        try {
            Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException ignored) {
            // the order of pruning is a nicety; a read-only cache still serves
        }
    }

    /** Deletes all but the {@link #KEEP} most recently used indexes. */
    void prune() throws IOException {
        List<Path> all = new ArrayList<>();
        try (var s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p)).forEach(all::add);
        }
        all.sort(Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                return 0L;
            }
        }).reversed());
        for (int i = KEEP; i < all.size(); i++) Files.deleteIfExists(all.get(i));
    }
}
