package io.digitstudio.runs;

import io.digitstudio.io.AtomicFiles;
import io.digitstudio.io.Json;
import io.digitstudio.io.JsonFields;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The run history on disk: one folder per run under {@link #root()}, named by its id (eight hex digits), holding
 * <pre>
 *   run.json        the settings, written once at the start ({@link RunSettings})
 *   meta.json       the user's name and notes for the run
 *   status.json     running / paused / finished / failed to learn / stopped / diverged / failed (with the reason), epochs
 *                   done, final and best accuracy, seconds
 *   failure.txt     the trace of what ended a failed run
 *   log             Chainer's log (JSON), rewritten after every epoch
 *   model.npz       the final model (none from a failed run); best.npz the best epoch's
 *   confusion/      epoch_NNNN.csv: each validation's confusion matrix
 *   lock            held by the recording process while it runs
 * </pre>
 * and beside the runs' folders {@value #SWEEP_RUNS_DELETED}, a line "sweep point run" for each run of a sweep deleted,
 * so that the sweep says its run was deleted instead of not started.
 * Every file is written atomically, and each run only by the process that created its folder (created atomically, so
 * two recorders never share one), so several processes may record and read at once. A folder that cannot be read is
 * listed as damaged with the reason; the rest of the history is unaffected.
 */
public final class RunStore {
    /** The environment variable that moves the history (as {@code --runs-dir} does). */
    public static final String ENV = "DIGITSTUDIO_RUNS";
    static final String SETTINGS = "run.json";
    static final String META = "meta.json";
    static final String STATUS = "status.json";
    static final String LOG = "log";
    static final String MODEL = "model.npz";
    static final String BEST = "best.npz";
    static final String CONFUSION = "confusion";
    static final String LOCK = "lock";
    static final String FAILURE = "failure.txt";
    /** The training-loss curve as the app drew it (epoch, loss per line), finer than the log's one point an epoch. */
    static final String LOSS_POINTS = "loss_points.csv";
    /** The sweeps' runs deleted from the history, a line each: the sweep's id, the point (from 0), the run's id. */
    static final String SWEEP_RUNS_DELETED = "sweep-runs-deleted";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;

    public RunStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Where runs are kept by default: {@code $DIGITSTUDIO_RUNS}, else {@code $XDG_DATA_HOME/digitstudio/runs}, else
     * {@code ~/.local/share/digitstudio/runs} (the XDG base directory default).
     */
    public static Path defaultRoot() {
        return defaultRoot(System.getenv());
    }

    static Path defaultRoot(Map<String, String> env) {
        return io.digitstudio.io.UserFolders.data(env, ENV, "runs");
    }

    public Path root() {
        return root;
    }

    /** Makes a new, empty run folder with a fresh id (never one another process is making). */
    Path newFolder() throws IOException {
        Files.createDirectories(root);
        for (int attempt = 0; ; attempt++) {
            String id = String.format(Locale.ROOT, "%08x", RANDOM.nextInt());
            try {
                return Files.createDirectory(root.resolve(id));
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw e;
            }
        }
    }

    /** Every run, newest first; damaged ones included (with the reason). */
    public List<RunSummary> list() {
        if (!Files.isDirectory(root)) return List.of();
        List<RunSummary> runs = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(p -> Files.isDirectory(p) && isId(p.getFileName().toString())).forEach(p -> runs.add(read(p)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the runs in " + root + ": " + e.getMessage(), e);
        }
        runs.sort(Comparator.comparing(RunSummary::created, Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(RunSummary::id));
        return runs;
    }

    static boolean isId(String name) {
        return name.length() == 8 && name.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    }

    /** The run with this id, or the one run whose id starts with it (as git abbreviates commits). */
    public RunSummary find(String idOrPrefix) {
        String p = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) throw new RunsException("no run id given");
        if (!p.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) throw new RunsException("'" + idOrPrefix + "' is not a run id (eight hex digits, or their start)");
        List<RunSummary> hits = list().stream().filter(r -> r.id().startsWith(p)).toList();
        if (hits.isEmpty()) throw new RunsException("no run " + p + " in " + root);
        if (hits.size() > 1) {
            throw new RunsException("'" + p + "' is ambiguous: " + String.join(", ", hits.stream().map(RunSummary::id).toList()) + "; give more of the id");
        }
        return hits.get(0);
    }

    /** Reads one run's folder; never throws for a damaged one. */
    public RunSummary read(Path folder) {
        String id = folder.getFileName().toString();
        Instant modified = modified(folder);
        RunSettings settings;
        try {
            settings = RunSettings.fromJson(Json.parseObject(Json.readText(folder.resolve(SETTINGS))));
            if (!settings.id().equals(id)) throw new IllegalArgumentException("run.json is for run " + settings.id());
        } catch (NoSuchFileException e) {
            return damaged(id, folder, "run.json is missing", modified);
        } catch (IOException | RuntimeException e) {
            return damaged(id, folder, "run.json cannot be read: " + e.getMessage(), modified);
        }
        String name = "";
        String notes = "";
        try {
            Path meta = folder.resolve(META);
            if (Files.exists(meta)) {
                JsonFields m = new JsonFields(Json.parseObject(Json.readText(meta)), META);
                name = m.optionalString("name");
                notes = m.optionalString("notes");
            }
        } catch (IOException | RuntimeException e) {
            return damaged(id, folder, "meta.json cannot be read: " + e.getMessage(), modified);
        }
        try {
            Path statusFile = folder.resolve(STATUS);
            if (!Files.exists(statusFile)) { // killed between making the folder and the first status
                return new RunSummary(id, folder, RunLocks.alive(folder.resolve(LOCK)) ? RunStatus.RUNNING : RunStatus.INTERRUPTED, null, settings,
                        name, notes, 0, Double.NaN, Double.NaN, Double.NaN, 0, 0, "", modified, List.of());
            }
            JsonFields s = new JsonFields(Json.parseObject(Json.readText(statusFile)), STATUS);
            RunStatus status = RunStatus.of(s.string("status"));
            if (status.active() && !RunLocks.alive(folder.resolve(LOCK))) status = RunStatus.INTERRUPTED;
            return new RunSummary(id, folder, status, null, settings, name, notes, s.integer("epochs_done"), s.optionalNumber("final_accuracy"),
                    s.optionalNumber("final_loss"), s.optionalNumber("best_accuracy"), s.integer("best_epoch"), s.number("seconds"),
                    s.optionalString("message"), Instant.parse(s.string("updated")), resumes(s.raw("resumes")), s.optionalNumber("final_lr"));
        } catch (IOException | RuntimeException e) {
            return damaged(id, folder, "status.json cannot be read: " + e.getMessage(), modified);
        }
    }

    /** The status file's record of resumes: a list of objects (absent: never resumed). */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> resumes(Object v) {
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw new IllegalArgumentException("'resumes' is not a list");
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException("an entry of 'resumes' is not an object");
            out.add((Map<String, Object>) m);
        }
        return out;
    }

    private static RunSummary damaged(String id, Path folder, String why, Instant modified) {
        return new RunSummary(id, folder, RunStatus.DAMAGED, why, null, "", "", 0, Double.NaN, Double.NaN, Double.NaN, 0, 0, why, modified, List.of());
    }

    private static Instant modified(Path folder) {
        try {
            return Files.getLastModifiedTime(folder).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    /** Gives a run a name and notes (empty clears them). */
    public void describe(String id, String name, String notes) {
        RunSummary r = find(id);
        if (r.damaged()) throw new RunsException("run " + r.id() + " is damaged: " + r.problem());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name == null ? "" : name.strip());
        m.put("notes", notes == null ? "" : notes);
        write(r.folder().resolve(META), Json.write(m));
    }

    /** Deletes a run's folder; a running or paused run is refused. */
    public void delete(String id) {
        RunSummary r = find(id);
        if (r.status().active()) throw new RunsException("run " + r.id() + " " + r.status().held() + "; stop it first");
        // said before the folder goes: a sweep never reads a point whose run is gone as one not started yet
        RunSettings.Sweep of = r.settings() == null ? null : r.settings().sweep();
        if (of != null) {
            try {
                Files.createDirectories(root);
                Files.writeString(root.resolve(SWEEP_RUNS_DELETED), of.id() + " " + of.point() + " " + r.id() + "\n", StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new RunsException("cannot delete run " + r.id() + ": cannot note it in " + root.resolve(SWEEP_RUNS_DELETED) + ": " + e.getMessage(), e);
            }
        }
        // moved aside first, so the run leaves the history at once even if deleting its files is interrupted
        Path aside = root.resolve(".deleted-" + r.id() + "-" + Long.toHexString(System.nanoTime()));
        try {
            Files.move(r.folder(), aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            deleteTree(aside);
        } catch (IOException e) {
            throw new RunsException("cannot delete run " + r.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The runs of sweep {@code sweepId} deleted from the history, by point (from 0): the id of the point's last run
     * deleted. Empty when none was, or when the note cannot be read.
     */
    public Map<Integer, String> deletedSweepRuns(String sweepId) {
        Map<Integer, String> gone = new LinkedHashMap<>();
        Path ledger = root.resolve(SWEEP_RUNS_DELETED);
        if (!Files.isRegularFile(ledger)) return gone;
        try {
            for (String line : Files.readAllLines(ledger, StandardCharsets.UTF_8)) {
                String[] f = line.strip().split(" ");
                if (f.length != 3 || !f[0].equals(sweepId) || !isId(f[2]) || !f[1].matches("\\d{1,6}")) continue;
                gone.put(Integer.parseInt(f[1]), f[2]);
            }
        } catch (IOException e) {
            return Map.of();
        }
        return gone;
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Writes a run's folder as a zip (atomically): {@code ID/run.json}, {@code ID/log}, the models, … */
    public void export(String id, Path zip) {
        RunSummary r = find(id);
        try {
            List<Path> files;
            try (Stream<Path> s = Files.walk(r.folder())) {
                files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals(LOCK) && !p.getFileName().toString().endsWith(".tmp"))
                        .sorted().toList();
            }
            AtomicFiles.write(zip, out -> {
                java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out);
                for (Path f : files) {
                    z.putNextEntry(new java.util.zip.ZipEntry(r.id() + "/" + r.folder().relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, z);
                    z.closeEntry();
                }
                z.finish();
            });
        } catch (IOException e) {
            throw new RunsException("cannot export run " + r.id() + " to " + zip + ": " + e.getMessage(), e);
        }
    }

    /** The run's log (Chainer's), one map per epoch; empty before the first epoch. */
    public List<Map<String, Double>> log(RunSummary r) {
        Path f = r.folder().resolve(LOG);
        if (!Files.exists(f)) return List.of();
        try {
            Object v = Json.parse(Json.readText(f));
            if (!(v instanceof List<?> entries)) throw new RunsException("run " + r.id() + ": its log is not a list");
            List<Map<String, Double>> log = new ArrayList<>();
            for (Object e : entries) {
                if (!(e instanceof Map<?, ?> m)) throw new RunsException("run " + r.id() + ": a log entry is not an object");
                Map<String, Double> row = new LinkedHashMap<>();
                m.forEach((k, x) -> row.put(String.valueOf(k), x instanceof Double d ? d : Double.NaN));
                log.add(row);
            }
            return log;
        } catch (IOException | io.digitstudio.io.FormatException e) {
            throw new RunsException("run " + r.id() + ": cannot read its log: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the training-loss curve of a run as the window draws it ({@link io.digitstudio.train.LossCurve}),
     * {@code {epoch, loss}} points in order, in its folder (its record does, as the run ends): a resumed run's chart,
     * or a branch's, then shows the part before its start as finely as it was shown, not one point an epoch.
     */
    static void writeLossPoints(Path folder, List<double[]> points) {
        StringBuilder b = new StringBuilder("epoch,loss\n");
        for (double[] p : points) b.append(p[0]).append(',').append(p[1]).append('\n');
        write(folder.resolve(LOSS_POINTS), b.toString());
    }

    /** The training-loss curve {@link #writeLossPoints} kept for run {@code r}; empty when none was kept or it is unreadable. */
    public List<double[]> lossPoints(RunSummary r) {
        Path f = r.folder().resolve(LOSS_POINTS);
        if (!Files.isRegularFile(f)) return List.of();
        try {
            List<double[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8).stream().skip(1).toList()) {
                String[] parts = line.split(",");
                if (parts.length == 2) out.add(new double[]{Double.parseDouble(parts[0]), Double.parseDouble(parts[1])});
            }
            return out;
        } catch (IOException | NumberFormatException e) {
            return List.of(); // the chart then shows the log's points, as for a run the app never drew
        }
    }

    /**
     * The points of run {@code id} that runs of the history were branched from (its snapshots there are where those
     * branches start, and are never pruned), to be asked again and again at little cost: see {@link BranchPoints}.
     */
    public BranchPoints branchPoints(String id) {
        return new BranchPoints(this, id);
    }

    /** The final model, if the run saved one. */
    public Optional<Path> model(RunSummary r) {
        Path p = r.folder().resolve(MODEL);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** The best epoch's model, if the run kept one. */
    public Optional<Path> bestModel(RunSummary r) {
        Path p = r.folder().resolve(BEST);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * What to call a model file where the user picks or sees a model: for a run's own model ({@code model.npz} or
     * {@code best.npz} in a run's folder of any history) the run, e.g. {@code "run 3fa2c1d0 · 2026-12-04 10:15"}, its
     * name first when the user gave it one, and {@code "· best epoch 7"} for its best epoch's model; empty for any other
     * file (its name says what it is), or when the run's folder cannot be read. Reads the run's small records: call it
     * off the UI thread.
     */
    public static Optional<String> modelTitle(Path file, java.time.ZoneId zone) {
        Path f = file.toAbsolutePath().normalize();
        Path folder = f.getParent();
        String name = f.getFileName() == null ? "" : f.getFileName().toString();
        if (folder == null || folder.getParent() == null || !(name.equals(MODEL) || name.equals(BEST))) return Optional.empty();
        if (!isId(folder.getFileName().toString()) || !Files.isRegularFile(folder.resolve(SETTINGS))) return Optional.empty();
        RunSummary r = new RunStore(folder.getParent()).read(folder);
        if (r.damaged()) return Optional.empty();
        StringBuilder title = new StringBuilder();
        if (r.name() != null && !r.name().isBlank()) title.append(r.name().strip()).append(" · ");
        title.append("run ").append(r.id());
        if (r.created() != null) {
            title.append(" · ").append(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(zone).format(r.created()));
        }
        if (name.equals(BEST)) title.append(r.bestEpoch() > 0 ? " · best epoch " + r.bestEpoch() : " · best epoch");
        return Optional.of(title.toString());
    }

    /**
     * The newest snapshot of this run: in the folder it snapshotted into (its own folder unless it was given another),
     * of the snapshots that name it, the one taken at the latest iteration.
     */
    public Optional<Path> lastSnapshot(RunSummary r) {
        return io.digitstudio.train.Snapshot.latest(snapshotFolder(r), r.id());
    }

    /** Where the run keeps its snapshots: the folder it was given, or its own. */
    public static Path snapshotFolder(RunSummary r) {
        return r.settings() == null || r.settings().snapshotDir().isEmpty() ? r.folder() : Path.of(r.settings().snapshotDir());
    }

    static void write(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
