package io.digitstudio.runs.sweep;

import io.digitstudio.io.AtomicFiles;
import io.digitstudio.io.Json;
import io.digitstudio.runs.RunSettings;
import io.digitstudio.runs.RunsException;
import io.digitstudio.train.TrainingConfig;

import io.digitstudio.train.LearningRates;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * A sweep's plan: the settings every run shares (a {@code run.json} without an id), what is swept, and the points, each
 * one run. Kept in the history's {@code sweeps/ID/} folder as {@code sweep.json} beside one settings file per point
 * ({@code points/NN.json}), which is all a process needs to train that point ({@code train --settings}); so a stopped
 * sweep can go on later, here or on another machine.
 *
 * @param threads cores each run uses: a run repeats bit for bit with the same count, so it is the sweep's, not the
 *                machine's, and the same whether the runs train one by one or several at once
 */
public record Sweep(String id, Instant created, RunSettings template, List<Axis> axes, List<Map<String, Double>> points, String plan, int threads) {
    static final String FOLDER = "sweeps";
    private static final int FORMAT = 1;
    private static final int MAX_POINTS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    public Sweep {
        axes = List.copyOf(axes);
        points = points.stream().map(p -> (Map<String, Double>) java.util.Collections.unmodifiableMap(new LinkedHashMap<>(p))).toList();
    }

    /**
     * Plans a sweep: every combination of the axes' values (a grid, {@code random} null), or {@code random} points
     * drawn with {@code seed}. One {@link RunsException} for a plan that cannot be made.
     */
    public static Sweep plan(RunSettings template, List<Axis> axes, Integer random, long seed, int threads) {
        if (axes.isEmpty()) throw new RunsException("nothing to sweep: give values to at least one of --lr, --batch-size, --momentum");
        List<Map<String, Double>> points = new ArrayList<>();
        String plan;
        if (random == null) {
            for (Axis a : axes) {
                if (a.isRange()) throw new RunsException(a.option() + " " + a.text() + " is a range: give a list of values for a grid, or add --random N to sample it");
            }
            long n = 1;
            for (Axis a : axes) n *= a.values().size();
            if (n > MAX_POINTS) throw new RunsException("the grid has " + n + " points; at most " + MAX_POINTS + " (sample it with --random N)");
            grid(axes, 0, new LinkedHashMap<>(), points);
            plan = "grid";
        } else {
            if (random < 1 || random > MAX_POINTS) throw new RunsException("--random must be between 1 and " + MAX_POINTS + ", got " + random);
            SplittableRandom rng = new SplittableRandom(seed);
            for (int i = 0; i < random; i++) {
                Map<String, Double> p = new LinkedHashMap<>();
                for (Axis a : axes) p.put(a.name(), a.sample(rng));
                points.add(p);
            }
            plan = "random " + random + " seed " + seed;
        }
        if (threads < 1 || threads > 64) throw new RunsException("--threads must be between 1 and 64, got " + threads);
        return new Sweep("", Instant.now(), template, axes, points, plan, threads);
    }

    /**
     * The settings every run of a sweep shares: {@code c} on {@code data} (its name, where it is, its checksum, which
     * each run checks), without a schedule or other extensions.
     */
    public static RunSettings template(TrainingConfig c, io.digitstudio.data.Mnist.TrainTest data) {
        int train = c.trainLimit() == 0 ? data.train().size() : Math.min(c.trainLimit(), data.train().size());
        int test = c.testLimit() == 0 ? data.test().size() : Math.min(c.testLimit(), data.test().size());
        data.train().limit(c.trainLimit(), "--train-size");
        data.test().limit(c.testLimit(), "--test-size");
        return new RunSettings("", Instant.now(), "sweep", c, io.digitstudio.train.RunOptions.NONE, data.name(), data.source(), data.sha256(), train,
                test, "", "", Map.of());
    }

    /** The same plan with another template (its data filled in). */
    public Sweep withTemplate(RunSettings t) {
        return new Sweep(id, created, t, axes, points, plan, threads);
    }

    private static void grid(List<Axis> axes, int i, Map<String, Double> at, List<Map<String, Double>> out) {
        if (i == axes.size()) {
            out.add(new LinkedHashMap<>(at));
            return;
        }
        for (double v : axes.get(i).values()) {
            at.put(axes.get(i).name(), v);
            grid(axes, i + 1, at, out);
        }
        at.remove(axes.get(i).name());
    }

    /** The settings point {@code i} trains with: the template with the point's values, tagged with the sweep. */
    public RunSettings settingsFor(int i) {
        Map<String, Double> p = points.get(i);
        TrainingConfig c = template.config();
        Map<String, Double> hyper = new LinkedHashMap<>(c.hyperparams());
        int batch = c.batchSize();
        for (Map.Entry<String, Double> e : p.entrySet()) {
            if (e.getKey().equals("batch_size")) batch = (int) Math.round(e.getValue());
            else hyper.put(e.getKey(), e.getValue());
        }
        TrainingConfig pc = new TrainingConfig(c.epochs(), batch, c.network(), c.optimizer(), hyper, c.seed(), c.shuffle(), c.trainLimit(), c.testLimit(),
                c.augment());
        RunSettings t = template;
        return new RunSettings("", created, "sweep", pc, t.options(), t.dataName(), t.dataSource(), t.dataChecksum(), t.trainSize(), t.testSize(),
                "", "", Map.of(), null, new RunSettings.Sweep(id, i));
    }

    /**
     * The axes whose points take more than one value: the settings the sweep varies. A setting given one value is an
     * axis too (its runs record it), but varies nothing.
     */
    public List<Axis> varied() {
        return axes.stream().filter(a -> points.stream().map(p -> p.get(a.name())).distinct().count() > 1).toList();
    }

    /** "lr=0.03 batch_size=64". */
    public String describe(int i) {
        StringBuilder b = new StringBuilder();
        points.get(i).forEach((k, v) -> b.append(b.length() == 0 ? "" : " ").append(k).append('=').append(shown(k, v)));
        return b.toString();
    }

    /**
     * A swept setting's name as people read it, in the Train form's words for its field: "Learning rate" (Adam's
     * {@code alpha} too), "Batch size", "Momentum". Files, CSV and {@link #describe} keep {@code run.json}'s keys.
     */
    public String label(String axis) {
        if (axis.equals("batch_size")) return "Batch size";
        return io.digitstudio.optim.Optimizers.type(template.config().optimizer()).param(axis)
                .map(io.digitstudio.optim.OptimizerType.Param::label).orElse(axis);
    }

    /**
     * A swept setting's name as a narrow table column titles it: the learning rate "lr", as the Train view's epoch
     * table does (the form's words take the room of other columns at a large UI scale), anything else its
     * {@link #label}.
     */
    public String column(String axis) {
        return axis.equals(io.digitstudio.optim.Optimizers.learningRateKey(template.config().optimizer())) ? "lr" : label(axis);
    }

    /**
     * A swept setting's name on a chart's axis: its {@link #label}, with the {@link #column} title in brackets where
     * that is another ("Learning rate (lr)"), so that the chart and the table beside it name it alike.
     */
    public String axisTitle(String axis) {
        String label = label(axis), column = column(axis);
        return label.equals(column) ? label : label + " (" + column + ")";
    }

    /** Point {@code i}'s values in {@link #label}'s words: "Learning rate 0.03 · Batch size 64". */
    public String said(int i) {
        StringBuilder b = new StringBuilder();
        points.get(i).forEach((k, v) -> b.append(b.length() == 0 ? "" : " · ").append(label(k)).append(' ').append(shown(k, v)));
        return b.toString();
    }

    /**
     * A swept value as tables and lines show it: a learning rate as every view writes one ({@link LearningRates}),
     * anything else as short as it reads ({@link Axis#shown}).
     */
    public String shown(String axis, double v) {
        String rate = io.digitstudio.optim.Optimizers.learningRateKey(template.config().optimizer());
        return axis.equals(rate) ? LearningRates.format(v) : Axis.shown(v);
    }

    /** The sweep's folder under the history's root. */
    public Path folder(Path runsRoot) {
        return folder(runsRoot, id);
    }

    static Path folder(Path runsRoot, String id) {
        return runsRoot.resolve(FOLDER).resolve(id);
    }

    /** The settings file of point {@code i}. */
    public Path pointFile(Path runsRoot, int i) {
        return folder(runsRoot).resolve("points").resolve(String.format(Locale.ROOT, "%04d.json", i));
    }

    /**
     * Where point {@code i}'s process writes its messages (appended on every start): there from the point's first
     * start on, whatever became of its run since.
     */
    public Path logFile(Path runsRoot, int i) {
        return folder(runsRoot).resolve("points").resolve(String.format(Locale.ROOT, "%04d.log", i));
    }

    /** Gives the plan an id and writes it, with a settings file per point, into the history's {@code sweeps/} folder. */
    public Sweep save(Path runsRoot) {
        try {
            Path parent = runsRoot.resolve(FOLDER);
            Files.createDirectories(parent);
            for (int attempt = 0; ; attempt++) {
                String newId = String.format(Locale.ROOT, "%08x", RANDOM.nextInt());
                try {
                    Files.createDirectory(parent.resolve(newId));
                } catch (FileAlreadyExistsException e) {
                    if (attempt > 100) throw e;
                    continue;
                }
                Sweep s = new Sweep(newId, created, template, axes, points, plan, threads);
                Files.createDirectories(s.folder(runsRoot).resolve("points"));
                for (int i = 0; i < points.size(); i++) write(s.pointFile(runsRoot, i), s.settingsFor(i).toJsonText());
                write(s.folder(runsRoot).resolve("sweep.json"), Json.write(s.toJson()));
                return s;
            }
        } catch (IOException e) {
            throw new RunsException("cannot write the sweep into " + runsRoot.resolve(FOLDER) + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    private Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("id", id);
        m.put("created", created.toString());
        m.put("plan", plan);
        m.put("threads", threads);
        List<Object> as = new ArrayList<>();
        for (Axis a : axes) {
            Map<String, Object> am = new LinkedHashMap<>();
            am.put("name", a.name());
            am.put("option", a.option());
            am.put("values", a.text());
            am.put("integer", a.integer());
            as.add(am);
        }
        m.put("axes", as);
        m.put("points", new ArrayList<>(points));
        m.put("settings", Json.parseObject(template.toJsonText()));
        return m;
    }

    /**
     * Every sweep of the history, newest first, whichever front end started it (the command line's {@code sweep} and
     * the Sweeps view both write {@code sweeps/ID/sweep.json}); a folder whose plan cannot be read is left out.
     */
    public static List<Sweep> list(Path runsRoot) {
        Path parent = runsRoot.resolve(FOLDER);
        List<Sweep> out = new ArrayList<>();
        if (!Files.isDirectory(parent)) return out;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(parent)) {
            s.map(f -> f.resolve("sweep.json")).filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            throw new RunsException("cannot list the sweeps in " + parent + ": " + e.getMessage(), e);
        }
        for (Path file : files) {
            try {
                out.add(fromJson(Json.parseObject(Json.readText(file))));
            } catch (IOException | RuntimeException e) {
                // a plan being written or damaged by hand: not a sweep to show
            }
        }
        out.sort(java.util.Comparator.comparing(Sweep::created).reversed().thenComparing(Sweep::id));
        return out;
    }

    /** The sweep with this id, or the one whose id starts with it; one {@link RunsException} when there is none. */
    public static Sweep load(Path runsRoot, String idOrPrefix) {
        String p = idOrPrefix == null ? "" : idOrPrefix.strip().toLowerCase(Locale.ROOT);
        if (!p.matches("[0-9a-f]{1,8}")) throw new RunsException("'" + idOrPrefix + "' is not a sweep id (eight hex digits, or their start)");
        Path parent = runsRoot.resolve(FOLDER);
        List<Path> hits = new ArrayList<>();
        if (Files.isDirectory(parent)) {
            try (Stream<Path> s = Files.list(parent)) {
                s.filter(f -> f.getFileName().toString().startsWith(p) && Files.isRegularFile(f.resolve("sweep.json"))).forEach(hits::add);
            } catch (IOException e) {
                throw new RunsException("cannot list the sweeps in " + parent + ": " + e.getMessage(), e);
            }
        }
        if (hits.isEmpty()) throw new RunsException("no sweep " + p + " in " + parent);
        if (hits.size() > 1) throw new RunsException("'" + p + "' is ambiguous: " + hits.stream().map(h -> h.getFileName().toString()).sorted().toList() + "; give more of the id");
        Path file = hits.get(0).resolve("sweep.json");
        try {
            return fromJson(Json.parseObject(Json.readText(file)));
        } catch (IOException | RuntimeException e) {
            throw new RunsException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Sweep fromJson(Map<String, Object> m) {
        List<Axis> axes = new ArrayList<>();
        for (Object o : (List<Object>) m.get("axes")) {
            Map<String, Object> a = (Map<String, Object>) o;
            axes.add(Axis.parse((String) a.get("name"), (String) a.get("option"), (String) a.get("values"), (Boolean) a.get("integer")));
        }
        List<Map<String, Double>> points = new ArrayList<>();
        for (Object o : (List<Object>) m.get("points")) {
            Map<String, Double> p = new LinkedHashMap<>();
            ((Map<String, Object>) o).forEach((k, v) -> p.put(k, ((Number) v).doubleValue()));
            points.add(p);
        }
        RunSettings template = RunSettings.parse(Json.write(m.get("settings")));
        return new Sweep((String) m.get("id"), Instant.parse((String) m.get("created")), template, axes, points, (String) m.get("plan"),
                ((Number) m.get("threads")).intValue());
    }
}
