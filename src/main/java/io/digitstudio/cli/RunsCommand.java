package io.digitstudio.cli;

import io.digitstudio.runs.RunSummary;
import io.digitstudio.train.LearningRates;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.RunsException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code runs}: the run history (every training run, recorded by {@code train} and the app). IDs may be abbreviated.
 * Alone it lists the runs, as {@code runs list} does: that is what a new user types it for.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List, show, compare, export and delete recorded training runs.",
        synopsisSubcommandLabel = "[COMMAND]", commandListHeading = RunsCommand.COMMANDS, subcommands = {RunsCommand.ListRuns.class, RunsCommand.Show.class, RunsCommand.Compare.class, RunsCommand.Delete.class,
                RunsCommand.Export.class, RunsCommand.Name.class})
final class RunsCommand implements Callable<Integer> {
    /** The heading of the command list: what {@code runs} does given none. */
    static final String COMMANDS = "Commands (given none, it lists the runs, as list does):%n";

    /** The history {@code runs} alone lists; given before a command ({@code runs --runs-dir DIR show ID}), that command's. */
    @Mixin
    RunsDirOption runsDir;

    @Override
    public Integer call() {
        return ListRuns.list(runsDir.existingStore());
    }

    /** A command's {@code --runs-dir}, or the one given before it to {@code runs}. */
    static RunStore store(RunsDirOption own, RunsCommand group) {
        return own.or(group == null ? null : group.runsDir).existingStore();
    }
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    static String acc(double a) {
        return Double.isNaN(a) ? "-" : String.format(Locale.ROOT, "%.4f", a);
    }

    /** A count as JSON gave it back (a number, perhaps with a fraction of .0). */
    private static String count(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%,d", n.longValue()) : String.valueOf(v);
    }

    static String duration(double s) {
        long t = Math.round(s);
        return t >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60) : String.format(Locale.ROOT, "%d:%02d", t / 60, t % 60);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per run, newest first: id, start, status, epochs, best and final validation accuracy, network, optimizer,"
            + " the run it is a branch of (\"(deleted)\" when that run is gone), name.")
    static final class ListRuns implements Callable<Integer> {
        @Mixin
        RunsDirOption runsDir;

        @picocli.CommandLine.ParentCommand
        RunsCommand group;

        @Override
        public Integer call() {
            return list(store(runsDir, group));
        }

        static int list(RunStore store) {
            List<RunSummary> runs = store.list();
            if (runs.isEmpty()) {
                System.err.println("no runs recorded in " + store.root());
                return 0;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[]{"ID", "STARTED", "STATUS", "EPOCHS", "BEST", "FINAL", "TIME", "NETWORK", "OPTIMIZER", "BRANCH OF", "NAME"});
            for (RunSummary r : runs) {
                if (r.damaged()) {
                    rows.add(new String[]{r.id(), WHEN.format(r.created()), r.status().label(), r.problem()});
                    continue;
                }
                String net = r.network().length() > 10 ? r.network().substring(0, 9) + "…" : r.network();
                rows.add(new String[]{r.id(), WHEN.format(r.created()), r.status().label(), r.epochsDone() + "/" + r.settings().config().epochs(),
                        acc(r.bestAccuracy()), acc(r.finalAccuracy()), duration(r.seconds()), net, r.optimizer(), io.digitstudio.runs.Branches.parentOf(r, runs),
                        withSweep(r)});
            }
            // each column as wide as its widest cell ("failed to learn", a long optimizer), numbers to the right; a
            // damaged run's problem takes the rest of its line
            int[] width = new int[rows.get(0).length];
            for (String[] row : rows) {
                for (int i = 0; i < row.length; i++) if (row.length == width.length || i < row.length - 1) width[i] = Math.max(width[i], row[i].length());
            }
            for (String[] row : rows) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < row.length; i++) {
                    boolean last = i == row.length - 1, right = i >= 3 && i <= 6 && row.length == width.length;
                    String pad = " ".repeat(Math.max(0, width[i] - row[i].length()));
                    line.append(right ? pad + row[i] : last ? row[i] : row[i] + pad);
                    if (!last) line.append("  ");
                }
                System.out.println(line.toString().stripTrailing());
            }
            // what the status alone does not say: why a run failed to learn
            for (RunSummary r : runs) {
                if (!r.hint().isEmpty()) System.err.println("run " + r.id() + " failed to learn: " + r.hint());
            }
            return 0;
        }
    }

    /** The run's name, and the sweep it is a point of ("sweep 1a2b3c4d #3"). */
    static String withSweep(RunSummary r) {
        io.digitstudio.runs.RunSettings.Sweep s = r.settings().sweep();
        if (s == null) return r.name();
        return (r.name().isBlank() ? "" : r.name() + "  ") + "sweep " + s.id() + " #" + (s.point() + 1);
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "A run's settings, status, files and epoch log.")
    static final class Show implements Callable<Integer> {
        @Mixin
        RunsDirOption runsDir;

        @picocli.CommandLine.ParentCommand
        RunsCommand group;

        @WhenMissing("the id of the run to show ('digitstudio runs list' shows the ids)")
        @Parameters(paramLabel = "ID", description = "The run's id, or enough of its start to be unique.")
        String id;

        @Override
        public Integer call() {
            RunStore store = store(runsDir, group);
            RunSummary r = store.find(id);
            System.out.println("run " + r.id() + (r.name().isBlank() ? "" : "  " + r.name()));
            System.out.println("folder      " + r.folder());
            String why = r.message() == null || r.message().isBlank() ? r.hint() : r.message();
            System.out.println("status      " + r.status().label() + (why.isBlank() ? "" : " (" + why + ")"));
            if (r.damaged()) return 0;
            System.out.println("started     " + WHEN.format(r.created()) + " from " + switch (r.settings().origin()) {
                case "gui" -> "the app";
                case "sweep" -> "a sweep";
                default -> "the command line";
            });
            if (r.settings().sweep() != null) {
                System.out.println("sweep       " + r.settings().sweep().id() + ", point " + (r.settings().sweep().point() + 1)
                        + " (digitstudio sweep --resume " + r.settings().sweep().id() + " shows them all)");
            }
            io.digitstudio.runs.RunSettings.Branch parent = r.settings().branchedFrom();
            List<RunSummary> history = parent == null ? List.of() : store.list();
            // a parent deleted since is said to be so, not named as if it were there
            boolean gone = io.digitstudio.runs.Branches.parentGone(r, history);
            // a branch's time is its own; what its parent trained before the branch point is said apart
            String before = parent == null || !Double.isFinite(parent.parentSeconds()) ? ""
                    : " (since the branch point; " + (gone ? "its parent" : "run " + parent.run()) + " had trained " + duration(parent.parentSeconds()) + " up to it)";
            System.out.printf(Locale.ROOT, "progress    epoch %d of %d, %s%s%n", r.epochsDone(), r.settings().config().epochs(), duration(r.seconds()), before);
            if (r.bestEpoch() > 0) {
                System.out.printf(Locale.ROOT, "accuracy    best %s (epoch %d), final %s%n", acc(r.bestAccuracy()), r.bestEpoch(), acc(r.finalAccuracy()));
            } else {
                System.out.println("accuracy    no best epoch yet: no epoch has ended, so none was validated");
            }
            if (parent != null) {
                System.out.println("branched    from " + (gone ? "a deleted run (" + parent.run() + ")" : "run " + parent.run()) + " at " + parent.point());
            }
            String label = "branches    ";
            for (RunSummary b : branches(store, r)) {
                io.digitstudio.runs.RunSettings.Branch at = b.settings().branchedFrom();
                System.out.println(label + b.id() + " at " + at.point() + (b.name().isBlank() ? "" : "  " + b.name()));
                label = " ".repeat(label.length());
            }
            for (Map<String, Object> m : r.resumes()) {
                Object at = m.get("at");
                // the exact point where the record has it (a run stopped mid-epoch resumes there), else the epochs done
                String point = m.get("epoch_detail") instanceof Number d && m.get("iteration") instanceof Number it
                        ? io.digitstudio.runs.RunSettings.Branch.point(d.doubleValue(), it.longValue())
                        : "epoch " + count(m.get("epoch")) + " (iteration " + count(m.get("iteration")) + ")";
                System.out.println("resumed     at " + point
                        + (at == null ? "" : ", " + WHEN.format(java.time.Instant.parse(String.valueOf(at)))));
            }
            if (!r.notes().isBlank()) System.out.println("notes       " + r.notes().replace("\n", "\n            "));
            System.out.println();
            io.digitstudio.runs.Branches.comparable(r, history).forEach((k, v) -> System.out.printf(Locale.ROOT, "%-20s%s%n", k, v));
            r.settings().versions().forEach((k, v) -> System.out.printf(Locale.ROOT, "%-20s%s%n", "version/" + k, v));
            System.out.println();
            store.model(r).ifPresent(p -> System.out.println("model       " + p));
            store.bestModel(r).ifPresent(p -> System.out.println("best model  " + p));
            // the points one can branch from or resume at, in the words --branch takes and its error uses
            List<io.digitstudio.runs.TrainingSession.BranchPoint> points = io.digitstudio.runs.TrainingSession.branchPoints(r);
            if (!points.isEmpty()) {
                System.out.println("snapshots   " + String.join(", ", points.stream().map(io.digitstudio.runs.TrainingSession.BranchPoint::point).toList())
                        + " in " + RunStore.snapshotFolder(r));
            }
            List<Map<String, Double>> log = store.log(r);
            if (!log.isEmpty()) {
                System.out.println();
                // the log's lr is the mean of the epoch's rates (Chainer's LogReport), which a per-iteration schedule moves
                System.out.printf(Locale.ROOT, "%5s  %10s  %10s  %8s  %8s  %10s%n", "epoch", "train_loss", "val_loss", "val_acc", "mean lr", "elapsed");
                for (Map<String, Double> e : log) {
                    System.out.printf(Locale.ROOT, "%5s  %10s  %10s  %8s  %8s  %10s%n", whole(e.get("epoch")), fmt(e.get("main/loss")),
                            fmt(e.get("validation/main/loss")), fmt(e.get("validation/main/accuracy")), e.get("lr") == null ? "-" : LearningRates.format(e.get("lr")),
                            e.get("elapsed_time") == null ? "-" : String.format(Locale.ROOT, "%.1fs", e.get("elapsed_time")));
                }
            }
            return 0;
        }
    }

    /** The runs of the history branched from {@code parent}, in the order of their branch points, then of their start. */
    static List<RunSummary> branches(RunStore store, RunSummary parent) {
        return io.digitstudio.runs.Branches.of(store.list(), parent.id());
    }

    static String whole(Double v) {
        return v == null || v.isNaN() ? "-" : String.valueOf(v.longValue());
    }

    static String fmt(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.4f", v);
    }

    @Command(name = "compare", mixinStandardHelpOptions = true, description = "The settings that differ between runs, their results, and their epoch logs side by side.")
    static final class Compare implements Callable<Integer> {
        @Mixin
        RunsDirOption runsDir;

        @picocli.CommandLine.ParentCommand
        RunsCommand group;

        // one id is refused in call(), in the project's words, rather than by picocli's arity message
        @WhenMissing("two or more run ids to compare ('digitstudio runs list' shows the ids)")
        @Parameters(paramLabel = "ID", arity = "1..*", description = "Two or more runs (ids or unique starts).")
        List<String> ids;

        @Override
        public Integer call() {
            if (ids.size() < 2) {
                throw new UsageException("give two or more runs to compare, got one: '" + ids.get(0) + "' ('digitstudio runs list' shows the ids)");
            }
            RunStore store = store(runsDir, group);
            List<RunSummary> runs = new ArrayList<>();
            for (String id : ids) {
                RunSummary r = store.find(id);
                if (r.damaged()) throw new RunsException("run " + r.id() + " is damaged: " + r.problem());
                if (runs.stream().anyMatch(x -> x.id().equals(r.id()))) throw new RunsException("run " + r.id() + " is given twice");
                runs.add(r);
            }
            // rows first, then each column as wide as its longest value: a name or a branch's "branched_from" runs
            // past any fixed width, and every value after it stood off from its run's id
            List<List<String>> rows = new ArrayList<>();
            rows.add(row("setting", runs.stream().map(RunSummary::id).toList()));
            if (runs.stream().anyMatch(r -> !r.name().isBlank())) rows.add(row("name", runs.stream().map(r -> r.name().isBlank() ? "-" : r.name()).toList()));
            // a branch's parent deleted since is said to be so
            List<RunSummary> history = store.list();
            List<Map<String, String>> settings = runs.stream().map(r -> io.digitstudio.runs.Branches.comparable(r, history)).toList();
            Set<String> keys = new LinkedHashSet<>();
            settings.forEach(m -> keys.addAll(m.keySet()));
            int same = 0;
            for (String k : keys) {
                List<String> values = settings.stream().map(m -> m.getOrDefault(k, "-")).toList();
                if (values.stream().distinct().count() == 1) {
                    same++;
                    continue;
                }
                rows.add(row(k, values));
            }
            rows.add(row("best val_acc", runs.stream().map(r -> acc(r.bestAccuracy()) + " @" + r.bestEpoch()).toList()));
            rows.add(row("final val_acc", runs.stream().map(r -> acc(r.finalAccuracy())).toList()));
            rows.add(row("status", runs.stream().map(r -> r.status().label()).toList()));
            int[] w = new int[runs.size() + 1];
            w[0] = 14;
            java.util.Arrays.fill(w, 1, w.length, 12);
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) w[i] = Math.max(w[i], row.get(i).length());
            }
            for (List<String> row : rows) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + w[0] + "s", row.get(0)));
                for (int i = 1; i < row.size(); i++) line.append(String.format(Locale.ROOT, "  %-" + w[i] + "s", row.get(i)));
                System.out.println(line.toString().stripTrailing());
            }
            System.out.println("(" + same + " other settings are the same in all)");
            System.out.println();
            List<List<Map<String, Double>>> logs = runs.stream().map(store::log).toList();
            int epochs = logs.stream().mapToInt(List::size).max().orElse(0);
            StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%5s", "epoch"));
            for (RunSummary r : runs) h.append(String.format(Locale.ROOT, "  %-17s", r.id() + " loss/acc"));
            System.out.println(h);
            for (int e = 0; e < epochs; e++) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%5d", e + 1));
                for (List<Map<String, Double>> log : logs) {
                    Map<String, Double> row = e < log.size() ? log.get(e) : null;
                    line.append(String.format(Locale.ROOT, "  %-17s", row == null ? "" : fmt(row.get("validation/main/loss")) + " " + fmt(row.get("validation/main/accuracy"))));
                }
                System.out.println(line.toString().stripTrailing());
            }
            return 0;
        }
    }

    /** A row of {@code runs compare}'s table: its setting's name, then a value per run. */
    private static List<String> row(String setting, List<String> values) {
        List<String> row = new ArrayList<>(List.of(setting));
        row.addAll(values);
        return row;
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = {"Delete a run and its folder (not while it runs).",
            "On a terminal it asks first (y/N; Enter keeps the run). Without a terminal (a script, a pipe) it deletes only with --force.",
            "The id may be shortened to its first " + Delete.SHORTEST + " or more digits, if no other run starts so."})
    static final class Delete implements Callable<Integer> {
        /** The fewest digits of an id that name a run to delete: a shorter one is too easily a typo that matches another. */
        static final int SHORTEST = 4;

        @Mixin
        RunsDirOption runsDir;

        @picocli.CommandLine.ParentCommand
        RunsCommand group;

        @WhenMissing("the id of the run to delete ('digitstudio runs list' shows the ids)")
        @Parameters(paramLabel = "ID", description = "The run's id, or its first " + SHORTEST + " or more digits if no other run starts so.")
        String id;

        @picocli.CommandLine.Option(names = "--force", description = "Delete without asking (what a script must give: without a terminal nothing is asked, and nothing is deleted without it).")
        boolean force;

        @Override
        public Integer call() {
            RunStore store = store(runsDir, group);
            String p = id.strip().toLowerCase(Locale.ROOT);
            if (p.length() < SHORTEST && p.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                List<String> candidates = store.list().stream().map(RunSummary::id).filter(x -> x.startsWith(p)).toList();
                throw new UsageException("'" + id.strip() + "' is too short to delete a run by: give at least " + SHORTEST + " digits of its id"
                        + (candidates.isEmpty() ? " (no run starts so)" : " (" + (candidates.size() == 1 ? "the run that starts so: " : "runs that start so: ")
                        + String.join(", ", candidates) + ")"));
            }
            RunSummary r = store.find(id);
            if (r.status().active()) throw new RunsException("run " + r.id() + " " + r.status().held() + "; stop it first");
            List<RunSummary> branches = branches(store, r);
            if (!force) {
                java.io.Console console = System.console();
                if (console == null) {
                    throw new UserInputException("run " + r.id() + " is not deleted: there is no terminal to ask on; add --force to delete it without asking");
                }
                // the question the window asks, with the whole id and name, so a shortened id shows which run it found,
                // and what it leaves the run's branches
                String kept = io.digitstudio.runs.Branches.keptOnDelete(branches);
                // and the sweep it is a run of, which lists it as deleted afterwards
                String sweep = r.settings() == null || r.settings().sweep() == null ? "" : System.lineSeparator() + r.settings().sweep().onDelete();
                String answer = console.readLine("Delete run %s? Its folder is removed from disk: %s%s%s [y/N] ",
                        r.id() + (r.name().isBlank() ? "" : " \"" + r.name() + "\""), r.folder(), kept.isEmpty() ? "" : System.lineSeparator() + kept, sweep);
                if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes")) {
                    System.out.println("kept run " + r.id());
                    return 0;
                }
            }
            store.delete(r.id());
            String kept = io.digitstudio.runs.Branches.keptBriefly(branches);
            String ofSweep = r.settings() == null || r.settings().sweep() == null ? ""
                    : "sweep " + r.settings().sweep().id() + " lists its run " + (r.settings().sweep().point() + 1) + " as deleted";
            String also = String.join("; ", java.util.stream.Stream.of(kept, ofSweep).filter(x -> !x.isEmpty()).toList());
            System.out.println("deleted run " + r.id() + (also.isEmpty() ? "" : " (" + also + ")"));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write a run's folder (settings, log, models, matrices) as a zip.")
    static final class Export implements Callable<Integer> {
        @Mixin
        RunsDirOption runsDir;

        @picocli.CommandLine.ParentCommand
        RunsCommand group;

        @WhenMissing("the id of the run to export ('digitstudio runs list' shows the ids)")
        @Parameters(index = "0", paramLabel = "ID", description = "The run's id, or enough of its start to be unique.")
        String id;

        @WhenMissing("FILE.zip, the zip to write")
        @Parameters(index = "1", paramLabel = "FILE.zip", description = "The zip to write (an existing file is replaced only with --force).")
        Path zip;

        @picocli.CommandLine.Option(names = "--force", description = "Replace FILE.zip if it exists.")
        boolean force;

        @Override
        public Integer call() {
            RunStore store = store(runsDir, group);
            RunSummary r = store.find(id);
            ModelOutput.checkNew(zip, force, "FILE.zip");
            store.export(r.id(), zip);
            System.out.println("exported run " + r.id() + " to " + zip);
            return 0;
        }
    }

    @Command(name = "name", mixinStandardHelpOptions = true, description = "Name a run (and give it notes).")
    static final class Name implements Callable<Integer> {
        @Mixin
        RunsDirOption runsDir;

        @picocli.CommandLine.ParentCommand
        RunsCommand group;

        @WhenMissing("the id of the run to name ('digitstudio runs list' shows the ids)")
        @Parameters(index = "0", paramLabel = "ID", description = "The run's id, or enough of its start to be unique.")
        String id;

        @WhenMissing("NAME, the run's new name")
        @Parameters(index = "1", paramLabel = "NAME", description = "The run's new name (quote it if it has spaces).")
        String name;

        @picocli.CommandLine.Option(names = "--notes", paramLabel = "TEXT", description = "Notes for the run (replacing any).")
        String notes;

        @Override
        public Integer call() {
            RunStore store = store(runsDir, group);
            RunSummary r = store.find(id);
            store.describe(r.id(), name, notes != null ? notes : r.notes());
            System.out.println("named run " + r.id() + " \"" + name.strip() + "\"");
            return 0;
        }
    }
}
