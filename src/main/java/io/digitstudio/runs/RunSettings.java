package io.digitstudio.runs;

import io.digitstudio.io.JsonFields;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.TrainingConfig;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a run was set up with, as {@code run.json} keeps it: the training configuration (network spec, optimizer and
 * hyper-parameters, batch size, epochs, seed, subset sizes), the schedule and other extensions, the data (name, where it
 * came from, a checksum of its contents), where it was started from, and the versions that ran it. Written once when the
 * run starts; what the user edits later (name, notes) lives in {@code meta.json}.
 */
public record RunSettings(String id, Instant created, String origin, TrainingConfig config, RunOptions options, String dataName,
                          String dataSource, String dataChecksum, int trainSize, int testSize, String snapshotDir, String resumedFrom,
                          Map<String, String> versions, Branch branchedFrom, Sweep sweep) {
    static final int FORMAT = 1;

    /**
     * The run and the point a branch started from: the parent's iteration, the epochs it had done there, and the exact
     * point in epochs ({@code epochDetail}: 2.33 when it branched a third of the way into epoch 3; at an epoch's end that
     * epoch, where the parent's log has its entry), and the seconds the parent had trained up to there
     * ({@code parentSeconds}, its own time; NaN when the record does not say). The branch's duration leaves them out.
     */
    public record Branch(String run, long iteration, int epoch, double epochDetail, double parentSeconds) {
        /** A branch point whose record does not say how long the parent had trained. */
        public Branch(String run, long iteration, int epoch, double epochDetail) {
            this(run, iteration, epoch, epochDetail, Double.NaN);
        }

        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("run", run);
            m.put("iteration", iteration);
            m.put("epoch", epoch);
            m.put("epoch_detail", epochDetail);
            if (Double.isFinite(parentSeconds)) m.put("parent_seconds", parentSeconds);
            return m;
        }

        /** Reads it; a record written before the exact point was kept gets {@code fallback} for it. */
        static Branch fromJson(JsonFields f, java.util.function.ToDoubleFunction<Long> fallback) {
            long iteration = (long) f.number("iteration");
            int epoch = f.integer("epoch");
            double detail = f.optionalNumber("epoch_detail");
            if (!(detail >= epoch && detail < epoch + 1)) detail = fallback.applyAsDouble(iteration);
            if (!(detail >= epoch && detail < epoch + 1)) detail = epoch;
            double parentSeconds = f.optionalNumber("parent_seconds");
            return new Branch(f.string("run"), iteration, epoch, detail, parentSeconds >= 0 ? parentSeconds : Double.NaN);
        }

        /** The exact point {@code it} is at, in epochs: its epoch detail, or at an epoch's end that epoch. */
        public static double epochDetail(io.digitstudio.data.SerialIterator it) {
            return it.isNewEpoch() ? it.epoch() : it.epochDetail();
        }

        /** Where the branch left its parent, as a user reads it: "epoch 2.33 (iteration 1,400)". */
        public String point() {
            return point(epochDetail, iteration);
        }

        /** A point of a run as a user reads it: "epoch 2.33 (iteration 1,400)", "epoch 2 (iteration 938)" at an epoch's end. */
        public static String point(double epochDetail, long iteration) {
            return "epoch " + epochs(epochDetail) + String.format(Locale.ROOT, " (iteration %,d)", iteration);
        }

        /**
         * An exact point in epochs: whole at an epoch's end ("2"), else with two decimals ("2.33"), or as many more as it
         * takes not to read as a whole epoch ("2.002" just after the end of epoch 2).
         */
        public static String epochs(double epochDetail) {
            if (epochDetail == Math.rint(epochDetail)) return String.valueOf((long) epochDetail);
            String s = String.format(Locale.ROOT, "%.2f", epochDetail);
            for (int places = 3; places <= 6 && Double.parseDouble(s) == Math.rint(Double.parseDouble(s)); places++) {
                s = String.format(Locale.ROOT, "%." + places + "f", epochDetail).replaceAll("0+$", "");
            }
            return s;
        }
    }

    /** A run of a sweep: the sweep's id and which of its points the run trains (from 0). */
    public record Sweep(String id, int point) {
        /**
         * What deleting the run does to its sweep, as the questions before it say: "It is run 2 of sweep a1b2c3d4: the
         * sweep lists it as deleted, and resuming the sweep trains it again."
         */
        public String onDelete() {
            return "It is run " + (point + 1) + " of sweep " + id + ": the sweep lists it as deleted, and resuming the sweep trains it again.";
        }
    }

    /** Settings of a run that is no branch and belongs to no sweep. */
    public RunSettings(String id, Instant created, String origin, TrainingConfig config, RunOptions options, String dataName,
                       String dataSource, String dataChecksum, int trainSize, int testSize, String snapshotDir, String resumedFrom,
                       Map<String, String> versions) {
        this(id, created, origin, config, options, dataName, dataSource, dataChecksum, trainSize, testSize, snapshotDir, resumedFrom, versions, null, null);
    }

    /** Settings of a run that belongs to no sweep. */
    public RunSettings(String id, Instant created, String origin, TrainingConfig config, RunOptions options, String dataName,
                       String dataSource, String dataChecksum, int trainSize, int testSize, String snapshotDir, String resumedFrom,
                       Map<String, String> versions, Branch branchedFrom) {
        this(id, created, origin, config, options, dataName, dataSource, dataChecksum, trainSize, testSize, snapshotDir, resumedFrom, versions, branchedFrom, null);
    }

    /** The same settings, as a run of {@code s} (null: of no sweep). */
    public RunSettings withSweep(Sweep s) {
        return new RunSettings(id, created, origin, config, options, dataName, dataSource, dataChecksum, trainSize, testSize, snapshotDir,
                resumedFrom, versions, branchedFrom, s);
    }

    /**
     * Reads a settings file in {@code run.json}'s format (a run folder's own, or one a sweep wrote): what a run needs to
     * be started again anywhere. One clear {@link RunsException} when it cannot be read.
     */
    public static RunSettings read(java.nio.file.Path file) {
        // the system's own words for a folder ("Is a directory") say neither what it is nor what it should be
        if (java.nio.file.Files.isDirectory(file)) throw new RunsException(file + " is a folder, not a settings file");
        try {
            return fromJson(io.digitstudio.io.Json.parseObject(io.digitstudio.io.Json.readText(file)), "");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new RunsException(file + ": not found");
        } catch (java.io.IOException e) {
            throw new RunsException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new RunsException(file + " is not a run's settings file: " + e.getMessage(), e);
        }
    }

    /** The settings as {@code run.json} holds them. */
    public String toJsonText() {
        return io.digitstudio.io.Json.write(toJson());
    }

    /** Parses the text of a settings file ({@link #toJsonText()}); an {@link IllegalArgumentException} names what is wrong. */
    public static RunSettings parse(String text) {
        return fromJson(io.digitstudio.io.Json.parseObject(text));
    }

    /** Whether this run is a branch of another. */
    public boolean isBranch() {
        return branchedFrom != null;
    }

    Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("id", id);
        m.put("created", created.toString());
        m.put("origin", origin);
        m.putAll(config.toJson());
        m.put("extensions", options.toJson());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", dataName);
        data.put("source", dataSource);
        data.put("sha256", dataChecksum);
        data.put("train_size", trainSize);
        data.put("test_size", testSize);
        m.put("data", data);
        m.put("snapshot_dir", snapshotDir);
        m.put("resumed_from", resumedFrom);
        m.put("versions", new LinkedHashMap<>(versions));
        if (branchedFrom != null) m.put("branched_from", branchedFrom.toJson());
        if (sweep != null) {
            Map<String, Object> sw = new LinkedHashMap<>();
            sw.put("id", sweep.id());
            sw.put("point", sweep.point());
            m.put("sweep", sw);
        }
        return m;
    }

    /** Reads {@code run.json}'s object; anything missing or of the wrong kind is an {@link IllegalArgumentException} naming it. */
    static RunSettings fromJson(Map<String, Object> m) {
        return fromJson(m, "run.json");
    }

    /** As {@link #fromJson(Map)}, naming the file {@code where} in its errors ("" for "it", where the caller names the file). */
    private static RunSettings fromJson(Map<String, Object> m, String where) {
        JsonFields f = new JsonFields(m, where);
        TrainingConfig c = TrainingConfig.fromJson(f);
        RunOptions o = RunOptions.fromJson(f.child("extensions"));
        JsonFields data = f.child("data");
        Map<String, String> versions = new LinkedHashMap<>();
        f.object("versions").forEach((k, v) -> versions.put(k, String.valueOf(v)));
        return new RunSettings(f.string("id"), Instant.parse(f.string("created")), f.string("origin"), c, o, data.string("name"),
                data.string("source"), data.string("sha256"), data.integer("train_size"), data.integer("test_size"),
                f.optionalString("snapshot_dir"), f.optionalString("resumed_from"), versions,
                m.get("branched_from") == null ? null : Branch.fromJson(f.child("branched_from"),
                        iteration -> epochDetail(iteration, c.batchSize(), data.integer("train_size"))),

                m.get("sweep") == null ? null : new Sweep(f.child("sweep").string("id"), f.child("sweep").integer("point")));
    }

    /**
     * The exact point in epochs after {@code iteration} batches of {@code batch} from {@code size} examples (a branch keeps
     * its parent's batch and data): at an epoch's end, while its last batch reached less than a batch into the next, that
     * epoch.
     */
    static double epochDetail(long iteration, int batch, int size) {
        if (size <= 0 || batch <= 0) return Double.NaN;
        long drawn = iteration * batch;
        long epoch = drawn / size;
        long position = drawn - epoch * size;
        return position < batch ? epoch : epoch + (double) position / size;
    }

    /** The name {@link #comparable()} gives the run a branch was branched from, and the point it was branched at. */
    public static final String BRANCHED_FROM = "branched_from";

    /** The settings a comparison lines up, by name, in a fixed order (what a user would change between runs). */
    public Map<String, String> comparable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("network", config.network().text());
        m.put("optimizer", config.optimizer());
        String rate = io.digitstudio.optim.Optimizers.learningRateKey(config.optimizer());
        config.hyperparams().forEach((k, v) -> m.put(k, k.equals(rate) ? io.digitstudio.train.LearningRates.format(v) : RunSummary.number(v)));
        m.put("batch_size", String.valueOf(config.batchSize()));
        m.put("epochs", String.valueOf(config.epochs()));
        m.put("seed", String.valueOf(config.seed()));
        m.put("shuffle", String.valueOf(config.shuffle()));
        m.put("augment", String.valueOf(config.augment()));
        m.put("lr_shift", options.lrShift().isEmpty() ? "none" : options.lrShift());
        m.put("warmup", String.valueOf(options.warmupEpochs()));
        m.put("early_stop", options.earlyStop() == 0 ? "off" : String.valueOf(options.earlyStop()));
        m.put("data", dataName);
        m.put("data_sha256", dataChecksum.length() > 12 ? dataChecksum.substring(0, 12) : dataChecksum);
        m.put("train_size", String.valueOf(trainSize));
        m.put("test_size", String.valueOf(testSize));
        m.put("origin", origin);
        if (branchedFrom != null) m.put(BRANCHED_FROM, branchedFrom.run() + " at " + branchedFrom.point());
        if (sweep != null) m.put("sweep", sweep.id() + ", run " + (sweep.point() + 1));
        return m;
    }
}
