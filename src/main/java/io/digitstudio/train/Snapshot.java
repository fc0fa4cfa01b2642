package io.digitstudio.train;

import io.digitstudio.data.AugmentedDataset;
import io.digitstudio.data.Dataset;
import io.digitstudio.io.FormatException;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.NpyArray;
import io.digitstudio.io.Npz;
import io.digitstudio.nn.NetworkSpec;
import io.digitstudio.optim.Optimizers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * A whole run's state in one NPZ, like Chainer's trainer snapshot: the model ({@code updater/model:main/l1/W}, ...),
 * the optimizer's per-parameter state and counters ({@code updater/optimizer:main/l1/W/v}, {@code .../t}), the
 * iterator ({@code updater/iterator:main/order}, position, epoch, random state), the augmentation's and dropout's random states, the network spec, the
 * settings and the epoch log. Resuming from it continues bit for bit as if the run had never stopped.
 */
public final class Snapshot {
    static final String OPTIMIZER = "updater/optimizer:main/";
    static final String ITERATOR = "updater/iterator:main/";
    static final String CONFIG = "digitstudio/config/";
    static final String RUN = "digitstudio/run/";
    static final String RUN_ID = RUN + "id";
    static final String EPOCH_SUMS = "digitstudio/epoch_sums";
    static final String FORMAT_KEY = "digitstudio/snapshot_version";
    /** The run's settings (configuration, extensions, where it reads and writes) as one JSON text, as run.json has them. */
    static final String SETTINGS = "digitstudio/settings";
    static final String DROPOUT_RNG = "digitstudio/dropout_rng_state";
    static final String EXTENSIONS = "digitstudio/extensions/";

    private Snapshot() {
    }

    /** Writes the loop's state (taken between iterations, e.g. from an epoch listener), atomically. */
    public static void save(Path file, TrainingLoop loop) throws IOException {
        Npz.write(file, toArrays(loop), true);
    }

    static Map<String, NpyArray> toArrays(TrainingLoop loop) {
        Map<String, NpyArray> a = new LinkedHashMap<>();
        a.put(FORMAT_KEY, NpyArray.scalar(3L));
        loop.serialize(new io.digitstudio.io.NpzSerializer(a, ""));
        // what the state was taken on and with, so that a resume checks the data and rebuilds the same run
        a.put("digitstudio/data/train_size", NpyArray.scalar((long) loop.trainSet().size()));
        a.put("digitstudio/data/test_size", NpyArray.scalar((long) loop.testSet().size()));
        a.put("digitstudio/data/labels_crc", NpyArray.scalar(labelsCrc(loop.trainSet(), loop.testSet())));
        a.put(RUN_ID, NpyArray.ofText(loop.setup().runId()));
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("config", loop.config().toJson());
        settings.put("extensions", loop.options().toJson());
        settings.put("run", loop.setup().toJson());
        a.put(SETTINGS, NpyArray.ofText(io.digitstudio.io.Json.write(settings)));
        return a;
    }

    /** A fingerprint of the data a run used, so a resume on other data is refused. */
    static long labelsCrc(Dataset train, Dataset test) {
        CRC32 crc = new CRC32();
        for (Dataset d : new Dataset[]{train, test}) for (int i = 0; i < d.size(); i++) crc.update(d.label(i));
        return crc.getValue();
    }

    /**
     * The learning rate in force when the snapshot was taken (a schedule or a live change may have moved it from the
     * settings'), or the settings' rate for snapshots from before the values in force were kept.
     */
    public static double rateInForce(Map<String, NpyArray> a, String name) {
        TrainingConfig c = config(a, name);
        String key = Optimizers.learningRateKey(c.optimizer());
        NpyArray v = a.get(OPTIMIZER + "hyperparam/" + key);
        if (v != null && v.count() == 1 && v.dtype().isFloat()) return v.toDoubles()[0];
        Double set = c.hyperparams().get(key);
        return set == null ? Double.NaN : set;
    }

    /** The settings a snapshot was taken with ({@code epochs} may then be raised to train longer). */
    public static TrainingConfig config(Map<String, NpyArray> a, String name) {
        if (a.containsKey(SETTINGS)) return fromSettings(a, name, f -> TrainingConfig.fromJson(f.child("config")));
        // snapshots before version 2 kept each setting in an entry of its own
        Map<String, Double> h = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (k.startsWith(CONFIG + "hyperparams/")) h.put(k.substring((CONFIG + "hyperparams/").length()), v.toDoubles()[0]);
        });
        NpyArray optimizer = a.get(CONFIG + "optimizer");
        if (optimizer == null) throw new FormatException(name + ": missing key '" + CONFIG + "optimizer'");
        String optimizerName;
        if (optimizer.dtype() == io.digitstudio.io.DType.UINT8 && optimizer.shape().length == 1) {
            optimizerName = optimizer.toText();
            if (!Optimizers.NAMES.contains(optimizerName)) throw new FormatException(name + ": unknown optimizer '" + optimizerName + "'");
        } else { // snapshots from before optimizers were named kept their index in Optimizers.NAMES
            int opt = (int) longAt(a, CONFIG + "optimizer", name);
            if (opt < 0 || opt >= Optimizers.NAMES.size()) throw new FormatException(name + ": unknown optimizer number " + opt);
            optimizerName = Optimizers.NAMES.get(opt);
        }
        NetworkSpec network;
        try {
            // snapshots from before network specs held the tutorial MLP's hidden units
            network = a.containsKey(CONFIG + "network") ? NetworkSpec.parse(a.get(CONFIG + "network").toText())
                    : NetworkSpec.mlp((int) longAt(a, CONFIG + "units", name), (int) longAt(a, CONFIG + "units", name));
        } catch (IllegalArgumentException e) {
            throw new FormatException(name + ": damaged network spec (" + e.getMessage() + ")");
        }
        return new TrainingConfig((int) longAt(a, CONFIG + "epochs", name), (int) longAt(a, CONFIG + "batch_size", name),
                network, optimizerName, h, longAt(a, CONFIG + "seed", name),
                longAt(a, CONFIG + "shuffle", name) != 0, (int) longAt(a, CONFIG + "train_limit", name),
                (int) longAt(a, CONFIG + "test_limit", name), longAt(a, CONFIG + "augment", name) != 0);
    }

    /**
     * Reads a part of a version-2 snapshot's settings entry: a damaged entry, or a missing or wrong field, is a
     * {@link FormatException} naming the file.
     */
    private static <T> T fromSettings(Map<String, NpyArray> a, String name, java.util.function.Function<io.digitstudio.io.JsonFields, T> read) {
        try {
            return read.apply(new io.digitstudio.io.JsonFields(io.digitstudio.io.Json.parseObject(a.get(SETTINGS).toText()), "settings"));
        } catch (FormatException e) {
            throw new FormatException(name + ": damaged settings (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new FormatException(name + ": damaged " + e.getMessage());
        }
    }

    /** Where the run read and wrote; snapshots from before this was recorded give {@link RunSetup#NONE}. */
    public static RunSetup runSetup(Map<String, NpyArray> a, String name) {
        if (a.containsKey(SETTINGS)) {
            String id = a.containsKey(RUN_ID) ? a.get(RUN_ID).toText() : "";
            return fromSettings(a, name, f -> RunSetup.fromJson(id, f.child("run")));
        }
        if (!a.containsKey(RUN + "out")) return RunSetup.NONE;
        try {
            String id = a.containsKey(RUN_ID) ? a.get(RUN_ID).toText() : "";
            return new RunSetup(id, a.get(RUN + "data").toText(), a.get(RUN + "out").toText(), a.get(RUN + "snapshot_dir").toText(),
                    (int) longAt(a, RUN + "snapshot_every", name), (int) longAt(a, RUN + "keep", name));
        } catch (RuntimeException e) {
            throw new FormatException(name + ": damaged run settings (" + e.getMessage() + ")");
        }
    }

    /** The extensions the run had ({@link RunOptions#NONE} for snapshots from before they were recorded). */
    public static RunOptions runOptions(Map<String, NpyArray> a, String name) {
        if (a.containsKey(SETTINGS)) return fromSettings(a, name, f -> RunOptions.fromJson(f.child("extensions")));
        NpyArray o = a.get(RUN + "options");
        if (o == null) return RunOptions.NONE;
        try {
            return RunOptions.fromText(o.toText());
        } catch (RuntimeException e) {
            throw new FormatException(name + ": damaged run options (" + e.getMessage() + ")");
        }
    }

    /**
     * The id of the run a snapshot file belongs to, reading only that entry; empty for a snapshot from before snapshots
     * named their run, or from a run with no id.
     */
    public static String runId(Path file) {
        NpyArray id = Npz.readEntry(file, RUN_ID);
        return id == null ? "" : id.toText();
    }

    /**
     * Where in a run a snapshot was taken: its iteration, the iterator's epoch, whether that epoch had just begun, and
     * the exact point in epochs: Chainer's {@code epoch_detail} (2.33 a third of the way into epoch 3), or at an epoch's
     * end that epoch, where the log has its entry (the epoch's last batch may have taken a few examples of the next).
     */
    public record Position(long iteration, long epoch, boolean epochEnd, double epochDetail) {
    }

    /** The position a snapshot file was taken at, reading only those entries. */
    public static Position position(Path file) {
        long iteration = iterationOf(file);
        NpyArray epoch = Npz.readEntry(file, ITERATOR + "epoch");
        NpyArray fresh = Npz.readEntry(file, ITERATOR + "is_new_epoch");
        if (epoch == null || epoch.count() != 1) throw new FormatException(file.getFileName() + ": not a DigitStudio snapshot (no iterator epoch)");
        long e = epoch.dtype().isFloat() ? (long) epoch.toDoubles()[0] : epoch.toLongs()[0];
        boolean end = fresh != null && fresh.count() == 1 && (fresh.dtype().isFloat() ? fresh.toDoubles()[0] != 0 : fresh.toLongs()[0] != 0);
        return new Position(iteration, e, end, end ? e : e + fractionDone(Npz.readEntry(file, ITERATOR + "current_position"), Npz.readEntry(file, "digitstudio/data/train_size")));
    }

    /** How far into its epoch the iterator is, from its position and the training set's size (0 when either is missing). */
    private static double fractionDone(NpyArray position, NpyArray size) {
        if (position == null || size == null || position.count() != 1 || size.count() != 1) return 0;
        double at = position.dtype().isFloat() ? position.toDoubles()[0] : position.toLongs()[0];
        double n = size.dtype().isFloat() ? size.toDoubles()[0] : size.toLongs()[0];
        return n > 0 && at >= 0 && at < n ? at / n : 0;
    }

    /** An epoch snapshot's file name; its group is the epoch it was taken at. */
    public static final java.util.regex.Pattern EPOCH_FILE = java.util.regex.Pattern.compile("snapshot_epoch_(\\d{4,})\\.npz");
    /** A snapshot taken when a run is stopped between epochs (Chainer's default name); its group is the iteration. */
    public static final java.util.regex.Pattern ITERATION_FILE = java.util.regex.Pattern.compile("snapshot_iter_(\\d+)\\.npz");

    /** The file a run stopped at {@code iteration} is snapshotted to. */
    public static String stopFileName(long iteration) {
        return "snapshot_iter_" + iteration + ".npz";
    }

    /** The epoch snapshots in a folder, oldest first (by epoch number); empty for a missing folder. */
    public static List<Path> list(Path dir) {
        return files(dir).stream().filter(p -> EPOCH_FILE.matcher(p.getFileName().toString()).matches())
                .sorted(java.util.Comparator.comparingLong(Snapshot::epochOf)).toList();
    }

    /** Every snapshot in a folder, taken at epochs' ends or when a run stopped. */
    public static List<Path> files(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) return List.of();
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.list(dir)) {
            return s.filter(p -> EPOCH_FILE.matcher(p.getFileName().toString()).matches()
                    || ITERATION_FILE.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot list the snapshots in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The epoch in a snapshot file's name ({@code snapshot_epoch_0012.npz}: 12), or -1. */
    public static long epochOf(Path file) {
        java.util.regex.Matcher m = EPOCH_FILE.matcher(file.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The iteration a snapshot was taken at, reading only that entry. */
    public static long iterationOf(Path file) {
        NpyArray it = Npz.readEntry(file, "updater/iteration");
        if (it == null || it.count() != 1) throw new FormatException(file.getFileName() + ": not a DigitStudio snapshot (no updater/iteration)");
        return it.toLongs()[0];
    }

    /**
     * A run's newest snapshot in a folder: of those that name the run, the one taken at the latest iteration. Snapshots
     * from before they named their run are taken for the run's only when the folder holds no named ones.
     */
    public static java.util.Optional<Path> latest(Path dir, String runId) {
        List<Path> named = new ArrayList<>();
        List<Path> unnamed = new ArrayList<>();
        for (Path p : files(dir)) {
            String id;
            try {
                id = runId(p);
            } catch (FormatException e) {
                continue; // a damaged file is not a snapshot to resume from
            }
            if (id.isEmpty()) unnamed.add(p);
            else if (id.equals(runId)) named.add(p);
        }
        List<Path> pick = !named.isEmpty() || unnamed.isEmpty() ? named : unnamed;
        Path best = null;
        long bestIteration = -1;
        for (Path p : pick) {
            long it;
            try {
                it = iterationOf(p);
            } catch (FormatException e) {
                continue;
            }
            if (it > bestIteration) {
                bestIteration = it;
                best = p;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    public static Map<String, NpyArray> read(Path file) {
        Map<String, NpyArray> a = Npz.read(file);
        String name = String.valueOf(file.getFileName());
        if (!a.containsKey(FORMAT_KEY)) throw new FormatException(name + ": not a DigitStudio snapshot (no " + FORMAT_KEY + ")");
        return a;
    }

    /**
     * Rebuilds the loop a snapshot was taken from, on the same data, ready to {@code run()} on. {@code epochs} may
     * extend the run (null keeps the snapshot's). The data must be what the snapshot was taken on.
     */
    public static TrainingLoop resume(Map<String, NpyArray> a, String name, Dataset train, Dataset test, String source, Integer epochs) {
        TrainingConfig config = config(a, name);
        long trained = longAt(a, ITERATOR + "epoch", name);
        if (epochs != null && epochs < trained) {
            throw new IllegalArgumentException(name + " has already trained " + trained + " epochs; it cannot be resumed to train " + epochs);
        }
        if (epochs != null) config = config.withEpochs(epochs);
        return restore(a, name, train, test, source, config, java.util.Set.of());
    }

    /**
     * A new run that starts from a snapshot's exact state (weights, iterator order and position, random states, the
     * extensions' and stop trigger's state, the log so far) with {@code branch}'s settings: its epochs, optimizer and
     * hyper-parameters may differ from the snapshot's; the network, batch size, seed and data may not. The optimizer's
     * per-parameter state and update count come along when the optimizer is the same one; another optimizer starts
     * fresh. Hyper-parameters the branch leaves as they were keep the values in force (a schedule may have moved them);
     * the ones it changes take the branch's. The state of the extensions named in {@code fresh} is not restored: they
     * start over at the branch point.
     */
    public static TrainingLoop branch(Map<String, NpyArray> a, String name, Dataset train, Dataset test, String source, TrainingConfig branch,
                                      java.util.Set<String> fresh) {
        TrainingConfig parent = config(a, name);
        if (!parent.network().equals(branch.network()) || parent.batchSize() != branch.batchSize() || parent.seed() != branch.seed()
                || parent.shuffle() != branch.shuffle() || parent.augment() != branch.augment() || parent.trainLimit() != branch.trainLimit()
                || parent.testLimit() != branch.testLimit()) {
            throw new IllegalArgumentException("a branch keeps its parent's network, batch size, seed, shuffling, augmentation and data;"
                    + " only the optimizer, its values, the schedule and the epochs may change");
        }
        TrainingLoop loop = restore(a, name, train, test, source, branch, fresh);
        loop.startAsBranch();
        return loop;
    }

    /**
     * The seconds the run a snapshot belongs to had trained when it was taken, its own time only (a branch's parent's
     * before the branch point left out); NaN when the snapshot does not say.
     */
    public static double trainedSeconds(Map<String, NpyArray> a) {
        NpyArray total = a.get("digitstudio/elapsed_time");
        if (total == null || total.count() != 1) return Double.NaN;
        NpyArray inherited = a.get("digitstudio/inherited_time");
        double before = inherited == null || inherited.count() != 1 ? 0 : inherited.toDoubles()[0];
        return total.toDoubles()[0] - before;
    }

    /**
     * How many classes the snapshot's model answers: the outputs of the last layer of the network it holds, whose spec
     * the snapshot keeps with every size given; {@link io.digitstudio.nn.LinearLayer#CLASSES} when it keeps none.
     */
    public static int classes(Map<String, NpyArray> a) {
        NpyArray spec = a.get(ModelFiles.SNAPSHOT_MODEL_PREFIX + io.digitstudio.nn.Network.SPEC_KEY);
        if (spec == null) return io.digitstudio.nn.LinearLayer.CLASSES;
        try {
            List<io.digitstudio.nn.LayerSpec> layers = NetworkSpec.parse(spec.toText()).layers();
            return layers.get(layers.size() - 1) instanceof io.digitstudio.nn.LinearLayer last ? last.out() : io.digitstudio.nn.LinearLayer.CLASSES;
        } catch (io.digitstudio.nn.SpecException e) {
            // a spec that does not read is refused when the model is restored, in words about the file
            return io.digitstudio.nn.LinearLayer.CLASSES;
        }
    }

    private static TrainingLoop restore(Map<String, NpyArray> a, String name, Dataset train, Dataset test, String source, TrainingConfig config,
                                        java.util.Set<String> fresh) {
        TrainingConfig saved = config(a, name);
        boolean sameOptimizer = saved.optimizer().equals(config.optimizer());
        TrainingLoop loop = TrainingLoop.create(config, train, test, source);
        if (loop.trainSet().size() != longAt(a, "digitstudio/data/train_size", name) || test.size() != longAt(a, "digitstudio/data/test_size", name)
                || labelsCrc(loop.trainSet(), test) != longAt(a, "digitstudio/data/labels_crc", name)) {
            throw new FormatException(name + ": was taken on other data (" + longAt(a, "digitstudio/data/train_size", name) + " training and "
                    + longAt(a, "digitstudio/data/test_size", name) + " test examples with other labels); resume it on the same dataset");
        }
        // what the branch starts afresh: another optimizer, the extensions named in fresh
        Map<String, NpyArray> kept = new LinkedHashMap<>(a);
        if (!sameOptimizer) kept.keySet().removeIf(k -> k.startsWith(OPTIMIZER));
        kept.keySet().removeIf(k -> fresh.stream().anyMatch(f -> k.startsWith(EXTENSIONS + f + "/")));
        try {
            loop.serialize(new io.digitstudio.io.NpzDeserializer(kept, "", name));
        } catch (IllegalArgumentException ex) {
            throw new FormatException(name + ": " + ex.getMessage());
        }
        if (sameOptimizer) {
            // a value the branch changes replaces the one in force; the others stay as the run had them
            config.hyperparams().forEach((k, v) -> {
                if (!v.equals(saved.hyperparams().get(k))) loop.optimizer().set(k, v);
            });
        }
        NpyArray log = a.get("digitstudio/log");
        if (log != null && log.shape().length == 2 && (log.shape()[1] == 8 || log.shape()[1] == 9)) {
            // snapshots before version 3 kept the epoch log as a table; 8 columns before the learning rate was kept
            List<EpochReport> reports = new ArrayList<>();
            double[] v = log.toDoubles();
            int w = (int) log.shape()[1];
            for (int i = 0; i < log.shape()[0]; i++) {
                int o = i * w;
                reports.add(EpochReport.of((int) v[o], (long) v[o + 1], v[o + 2], v[o + 3], v[o + 4], v[o + 5], v[o + 6], v[o + 7], w == 9 ? v[o + 8] : Double.NaN));
            }
            loop.restoreProgress(loop.iteration(), reports);
        }
        loop.setSetup(runSetup(a, name));
        return loop;
    }

    private static long longAt(Map<String, NpyArray> a, String key, String name) {
        NpyArray v = a.get(key);
        if (v == null) throw new FormatException(name + ": missing key '" + key + "'");
        if (v.count() != 1) throw new FormatException(name + ": '" + key + "' should hold one value, has shape " + v.shapeString());
        return v.dtype().isFloat() ? (long) v.toDoubles()[0] : v.toLongs()[0];
    }
}
