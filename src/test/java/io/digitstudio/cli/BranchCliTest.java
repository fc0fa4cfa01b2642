package io.digitstudio.cli;

import io.digitstudio.io.Json;
import io.digitstudio.io.NpyArray;
import io.digitstudio.io.Npz;
import io.digitstudio.runs.RunStore;
import io.digitstudio.runs.RunSummary;
import io.digitstudio.train.StopAt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** {@code train --branch}: a new recorded run from a snapshot of another, bit for bit its continuation when nothing changes. */
class BranchCliTest {
    @TempDir
    Path dir;

    private Path runs() {
        return dir.resolve("runs");
    }

    private CliTest.Run train(String... more) {
        List<String> a = new ArrayList<>(List.of("train", "--runs-dir", runs().toString()));
        a.addAll(List.of(more));
        return CliTest.run(a.toArray(String[]::new));
    }

    /** A small parent run of 3 epochs of 16 iterations, snapshotted at each epoch's end. */
    private String parent() {
        CliTest.Run p = train("--units", "20", "--lr", "0.1", "--train-size", "2000", "--test-size", "300", "--epochs", "3", "--snapshot-every", "1",
                "--out", dir.resolve("parent.npz").toString());
        assertEquals(0, p.code(), p.err());
        return p.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
    }

    private static String branchId(CliTest.Run r) {
        String id = r.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        assertEquals(8, id.length(), r.out());
        return id;
    }

    static void assertSameWeights(Path a, Path b) {
        Map<String, NpyArray> x = Npz.read(a);
        Map<String, NpyArray> y = Npz.read(b);
        assertEquals(x.keySet(), y.keySet());
        for (String k : x.keySet()) {
            if (k.startsWith("digitstudio/")) continue; // the model's description (its accuracy, data name)
            assertArrayEquals(x.get(k).data(), y.get(k).data(), k);
        }
    }

    private List<String> everyFile() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p) + ":" + p.toFile().length()).sorted().toList();
        }
    }

    /** A branch record without the parent's time up to the point, which a real clock sets (it must be there). */
    private static Map<String, Object> withoutTime(Object branchedFrom) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = new java.util.LinkedHashMap<>((Map<String, Object>) branchedFrom);
        assertTrue(m.remove("parent_seconds") instanceof Double d && d >= 0, String.valueOf(branchedFrom));
        return m;
    }

    @Test
    void aBranchWithTheParentsSettingsEndsBitForBitWhereTheParentEnded() throws Exception {
        String id = parent();
        CliTest.Run b = train("--branch", id + "@epoch:1", "--out", dir.resolve("branch.npz").toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.err().contains("branching run " + id + " at epoch 1 of 3 (iteration 16)"), b.err());
        assertEquals(2, CliTest.epochLines(b.out()).size(), "epochs 2 and 3: " + b.out());
        assertSameWeights(dir.resolve("parent.npz"), dir.resolve("branch.npz"));

        // the history records the parent and the iteration, in the settings, the status and 'runs show'
        String child = branchId(b);
        assertNotEquals(id, child);
        Map<String, Object> settings = Json.parseObject(Files.readString(runs().resolve(child).resolve("run.json")));
        assertEquals(Map.of("run", id, "iteration", 16.0, "epoch", 1.0, "epoch_detail", 1.0), withoutTime(settings.get("branched_from")));
        Map<String, Object> status = Json.parseObject(Files.readString(runs().resolve(child).resolve("status.json")));
        assertEquals(Map.of("run", id, "iteration", 16.0, "epoch", 1.0, "epoch_detail", 1.0), withoutTime(status.get("branched_from")));
        RunSummary r = new RunStore(runs()).find(child);
        assertEquals(id, r.settings().branchedFrom().run());
        assertEquals(16, r.settings().branchedFrom().iteration());
        CliTest.Run show = CliTest.run("runs", "show", child, "--runs-dir", runs().toString());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("branched    from run " + id + " at epoch 1 (iteration 16)"), show.out());
        assertTrue(Files.exists(runs().resolve(child).resolve("snapshot_epoch_0003.npz")), "the branch snapshots into its own folder");
        assertFalse(new RunStore(runs()).find(id).settings().isBranch());
    }

    @Test
    void aBranchTakesANewRateAndEpochsAndLeavesItsParentAsItWas() throws Exception {
        String id = parent();
        List<String> parentFiles;
        try (Stream<Path> s = Files.list(runs().resolve(id))) {
            parentFiles = s.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList();
        }
        byte[] parentModel = Files.readAllBytes(dir.resolve("parent.npz"));
        CliTest.Run b = train("--branch", id + "@16", "--lr", "0.01", "--epochs", "4", "--out", dir.resolve("slow.npz").toString());
        assertEquals(0, b.code(), b.err());
        assertEquals(3, CliTest.epochLines(b.out()).size(), b.out());
        RunSummary r = new RunStore(runs()).find(branchId(b));
        assertEquals(0.01, r.settings().config().lr());
        assertEquals(4, r.settings().config().epochs());
        assertEquals(4, r.epochsDone());
        assertThrows(AssertionError.class, () -> assertSameWeights(dir.resolve("parent.npz"), dir.resolve("slow.npz")));
        try (Stream<Path> s = Files.list(runs().resolve(id))) {
            assertEquals(parentFiles, s.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList());
        }
        assertArrayEquals(parentModel, Files.readAllBytes(dir.resolve("parent.npz")));

        // another optimizer starts its own state from the same weights
        CliTest.Run adam = train("--branch", id + "@epoch:2", "--optimizer", "adam", "--lr", "0.001", "--out", dir.resolve("adam.npz").toString());
        assertEquals(0, adam.code(), adam.err());
        RunSummary ra = new RunStore(runs()).find(branchId(adam));
        assertEquals("adam", ra.settings().config().optimizer());
        assertEquals(0.001, ra.settings().config().lr());
        assertEquals(32, ra.settings().branchedFrom().iteration());

        // the parent's details name its branches and where each left it
        CliTest.Run show = CliTest.run("runs", "show", id, "--runs-dir", runs().toString());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("branches    " + r.id() + " at epoch 1 (iteration 16)\n            " + ra.id() + " at epoch 2 (iteration 32)\n"),
                show.out());
        CliTest.Run child = CliTest.run("runs", "show", r.id(), "--runs-dir", runs().toString());
        assertFalse(child.out().contains("branches "), "a run with no branches lists none: " + child.out());
    }

    @Test
    void aBranchInTheMiddleOfAnEpochIsShownAtItsExactPoint() throws Exception {
        io.digitstudio.nn.Nd4jSetup.init();
        // a parent stopped at iteration 20: 2,560 examples of 1,000 drawn, so 56 % into epoch 3
        RunStore store = new RunStore(runs());
        io.digitstudio.train.TrainingConfig c = io.digitstudio.train.TrainingConfig.tutorial().withUnits(20)
                .withOptimizer("momentum-sgd", 0.1, null).withLimits(1000, 200).withEpochs(3);
        io.digitstudio.runs.TrainingSession parent = io.digitstudio.runs.TrainingSession.builder(store, "cli").config(c).build();
        parent.loop().addExtension(new StopAt(20));
        long[] now = {0};
        parent.loop().setClock(() -> now[0] += 100_000_000_000L); // 100 s a reading: the parent takes far longer than the branch
        assertEquals(io.digitstudio.runs.TrainingSession.Verdict.STOPPED, parent.run().verdict());
        String id = parent.runId();

        CliTest.Run b = train("--branch", id + "@20", "--lr", "0.01", "--out", dir.resolve("branch.npz").toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.err().contains("branching run " + id + " at epoch 2.56 of 3 (iteration 20)"), b.err());
        String child = branchId(b);
        Map<String, Object> settings = Json.parseObject(Files.readString(runs().resolve(child).resolve("run.json")));
        assertEquals(Map.of("run", id, "iteration", 20.0, "epoch", 2.0, "epoch_detail", 2.56), withoutTime(settings.get("branched_from")));
        CliTest.Run show = CliTest.run("runs", "show", child, "--runs-dir", runs().toString());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("branched    from run " + id + " at epoch 2.56 (iteration 20)\n"), show.out());

        // the branch's time is its own: the parent's hours up to the point are said apart, not added to it
        double parentTime = store.find(id).seconds();
        assertTrue(parentTime >= 4000, "the parent's clock: " + parentTime);
        RunSummary branch = store.find(child);
        assertTrue(branch.seconds() < 1000, "the branch's own time, not its parent's added: " + branch.seconds());
        assertEquals(io.digitstudio.train.Snapshot.trainedSeconds(Npz.read(runs().resolve(id).resolve("snapshot_iter_20.npz"))),
                branch.settings().branchedFrom().parentSeconds(), 0.0);
        assertTrue(show.out().contains("progress    epoch 3 of 3, " + RunsCommand.duration(branch.seconds()) + " (since the branch point; run " + id
                + " had trained " + RunsCommand.duration(branch.settings().branchedFrom().parentSeconds()) + " up to it)\n"), show.out());
        assertTrue(b.out().contains("took " + RunsCommand.duration(branch.seconds())), b.out());
        CliTest.Run list = CliTest.run("runs", "list", "--runs-dir", runs().toString());
        String row = list.out().lines().filter(l -> l.startsWith(child)).findFirst().orElseThrow();
        assertTrue(row.contains("  " + RunsCommand.duration(branch.seconds()) + "  "), row);
        // its log's time goes on from its parent's, as a trainer's elapsed_time does after a snapshot is loaded
        List<Map<String, Double>> log = new RunStore(runs()).log(branch);
        assertTrue(log.get(log.size() - 1).get("elapsed_time") >= branch.settings().branchedFrom().parentSeconds(), log.toString());
        assertTrue(show.out().contains("branched_from       " + id + " at epoch 2.56 (iteration 20)\n"), show.out());

        // the point as the app names it, "epoch 2.56 (iteration 20)", and by its iteration, pick the same snapshot
        for (String point : List.of("epoch:2.56", "iteration:20", "epoch:2.560")) {
            CliTest.Run again = train("--branch", id + "@" + point, "--lr", "0.01", "--epochs", "3", "--out", dir.resolve(point.replace(':', '-') + ".npz").toString());
            assertEquals(0, again.code(), point + ": " + again.err());
            assertTrue(again.err().contains("branching run " + id + " at epoch 2.56 of 3 (iteration 20)"), again.err());
            assertSameWeights(dir.resolve("branch.npz"), dir.resolve(point.replace(':', '-') + ".npz"));
        }
        // a point with no snapshot: one line naming those there are, nothing written
        List<String> files = everyFile();
        CliTest.Run none = train("--branch", id + "@epoch:2.5", "--out", dir.resolve("none.npz").toString());
        assertEquals(2, none.code(), none.err());
        assertEquals("digitstudio train: error: run " + id + " has no snapshot at epoch 2.5; it has epoch:2.56 (iteration 20)", none.err().strip());
        assertEquals(files, everyFile());

        // a record written before the exact point was kept has it from its iteration, batch and data
        @SuppressWarnings("unchecked")
        Map<String, Object> from = (Map<String, Object>) settings.get("branched_from");
        from.remove("epoch_detail");
        Files.writeString(runs().resolve(child).resolve("run.json"), Json.write(settings));
        CliTest.Run older = CliTest.run("runs", "show", child, "--runs-dir", runs().toString());
        assertEquals(0, older.code(), older.err());
        assertTrue(older.out().contains("branched    from run " + id + " at epoch 2.56 (iteration 20)\n"), older.out());
    }

    /**
     * The parent's network written another way ("…, linear 10" for its "…, linear" on ten classes, other spacing) was
     * refused as another network, where the window takes it: the command line compares networks as the window does, by
     * what they build on the parent's data. Another network is still refused in one line, and nothing is written.
     */
    @Test
    void aBranchTakesItsParentsNetworkWrittenAnotherWay() throws Exception {
        String id = parent();
        for (String same : List.of("linear 20, relu, linear 20, relu, linear 10", "Linear 20,relu ,  linear 20, relu,linear")) {
            CliTest.Run r = train("--branch", id + "@epoch:2", "--model", same, "--out", dir.resolve("b.npz").toString(), "--force");
            assertEquals(0, r.code(), same + ": " + r.err());
            branchId(r);
        }
        // resuming checks the network the same way
        CliTest.Run resumed = train("--resume", id, "--epochs", "4", "--model", "linear 20, relu, linear 20, relu, linear 10",
                "--out", dir.resolve("r.npz").toString());
        assertEquals(0, resumed.code(), resumed.err());

        List<String> before = everyFile();
        for (String other : List.of("linear 20, relu, linear 20, relu, linear 12", "linear 20, relu, linear 21, relu, linear")) {
            CliTest.Run r = train("--branch", id + "@epoch:2", "--model", other, "--out", dir.resolve("c.npz").toString());
            assertEquals(2, r.code(), other + ": " + r.out() + r.err());
            assertEquals("digitstudio train: error: --model " + other + " differs from the parent run's linear 20, relu, linear 20, relu, linear;"
                    + " a branch keeps its parent's network, batch, seed and data (the optimizer, its values, the schedule and --epochs may change)"
                    + " (see 'digitstudio train --help')", r.err().strip());
            assertEquals(before, everyFile(), "nothing written for " + other);
        }
    }

    @Test
    void aBadIdOrAPointWithoutASnapshotIsOneLineAndWritesNothing() throws Exception {
        String id = parent();
        List<String> before = everyFile();
        String out = dir.resolve("b.npz").toString();
        // what ends a usage error's line; an error about the parent run has no such end
        String usageEnd = " (see 'digitstudio train --help')";
        record Case(String[] args, String error) {
        }
        List<Case> cases = List.of(
                new Case(new String[]{"--branch", "zz", "--out", out}, "'zz' is not a run id (eight hex digits, or their start)"),
                new Case(new String[]{"--branch", "0123abcd", "--out", out}, "no run 0123abcd in " + runs().toAbsolutePath().normalize()),
                new Case(new String[]{"--branch", id + "@5", "--out", out}, "run " + id + " has no snapshot at iteration 5; it has epoch:1 (iteration 16),"
                        + " epoch:2 (iteration 32), epoch:3 (iteration 47)"),
                new Case(new String[]{"--branch", id + "@iteration:6,876", "--out", out}, "run " + id + " has no snapshot at iteration 6,876; it has"
                        + " epoch:1 (iteration 16), epoch:2 (iteration 32), epoch:3 (iteration 47)"),
                new Case(new String[]{"--branch", id + "@epoch:7", "--out", out}, "run " + id + " has no snapshot at the end of epoch 7; it has epoch:1"
                        + " (iteration 16), epoch:2 (iteration 32), epoch:3 (iteration 47)"),
                new Case(new String[]{"--branch", id + "@later", "--out", out}, "'" + id + "@later': expected RUN_ID, RUN_ID@ITERATION,"
                        + " RUN_ID@iteration:N or RUN_ID@epoch:N (N the end of an epoch, as 3, or an exact point, as 3.67)"),
                new Case(new String[]{"--branch", id + "@epoch:1.5", "--out", out}, "run " + id + " has no snapshot at epoch 1.5; it has epoch:1"
                        + " (iteration 16), epoch:2 (iteration 32), epoch:3 (iteration 47)"),
                new Case(new String[]{"--branch", id + "@epoch:3", "--out", out}, "the branch point is in epoch 4 (3 done); give more epochs than 3"
                        + " (--epochs 4 or more)"),
                new Case(new String[]{"--branch", id + "@epoch:1", "--model", "lenet", "--out", out}, "--model lenet differs from the parent run's"
                        + " linear 20, relu, linear 20, relu, linear; a branch keeps its parent's network, batch, seed and data (the optimizer, its"
                        + " values, the schedule and --epochs may change)" + usageEnd),
                new Case(new String[]{"--branch", id, "--resume", id, "--out", out}, "--branch and --resume exclude each other: --resume continues a"
                        + " run, --branch starts a new one from it" + usageEnd));
        for (Case c : cases) {
            CliTest.Run r = train(c.args());
            assertEquals(2, r.code(), String.join(" ", c.args()) + ": " + r.err());
            assertEquals("digitstudio train: error: " + c.error(), r.err().strip());
            assertEquals(before, everyFile(), "nothing written for " + String.join(" ", c.args()));
        }
    }
}
