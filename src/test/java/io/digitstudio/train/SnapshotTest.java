package io.digitstudio.train;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.io.FormatException;
import io.digitstudio.io.NpyArray;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SnapshotTest {
    static LabeledImages train;
    static LabeledImages test;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        Nd4jSetup.init();
        train = Mnist.bundled().train().head(1500);
        test = Mnist.bundled().test().head(300);
    }

    private static Map<String, float[]> weights(TrainingLoop loop) {
        Map<String, float[]> w = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : loop.model().namedParams().entrySet()) w.put(e.getKey(), Host.toArray(e.getValue().data()));
        return w;
    }

    private void resumeIsBitIdentical(TrainingConfig four) throws Exception {
        TrainingLoop straight = TrainingLoop.create(four, train, test, "t");
        straight.run();

        TrainingLoop first = TrainingLoop.create(four.withEpochs(2), train, test, "t");
        first.addExtension(new SnapshotWriter(first, dir, 1, 2));
        first.run();
        Path snap = dir.resolve("snapshot_epoch_0002.npz");
        assertTrue(Files.exists(snap));

        TrainingLoop resumed = Snapshot.resume(Snapshot.read(snap), "snap", train, test, "t", 4);
        assertEquals(2, resumed.iterator().epoch());
        TrainingResult r = resumed.run();
        assertEquals(4, r.epochs().size(), "the epoch log carries over");

        Map<String, float[]> a = weights(straight);
        Map<String, float[]> b = weights(resumed);
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), 0f, k + " differs after resume");
        assertEquals(straight.reports().get(3).valLoss(), resumed.reports().get(3).valLoss(), 0.0);
        assertEquals(straight.iteration(), resumed.iteration());
    }

    private static List<Map<String, Double>> logWithoutTimes(TrainingLoop loop) {
        List<Map<String, Double>> out = new java.util.ArrayList<>();
        for (EpochReport r : loop.reports()) {
            Map<String, Double> m = new java.util.LinkedHashMap<>(r.values());
            m.remove(EpochReport.TRAIN_SECONDS);
            m.remove(EpochReport.VAL_SECONDS);
            out.add(m);
        }
        return out;
    }

    /**
     * A snapshot taken once an epoch's last update was done but before its validation ran (as a Stop during an epoch's
     * validation left them before it waited for it) resumes with that epoch's end first: the log an uninterrupted run
     * keeps, every epoch's entry with the same figures, and the same weights.
     */
    @Test
    void aSnapshotTakenBeforeItsEpochsEndRanResumesWithThatEpochsEntry() throws Exception {
        TrainingConfig three = TrainingConfig.tutorial().withUnits(20).withEpochs(3); // 1,500 examples in batches of 128: epoch 2 ends at iteration 24
        TrainingLoop straight = TrainingLoop.create(three, train, test, "t");
        straight.run();
        assertEquals(3, straight.reports().size());

        TrainingLoop first = TrainingLoop.create(three, train, test, "t");
        Path snap = dir.resolve("snapshot_iter_24.npz");
        // the loop reads its clock as iteration 24's update is timed, before the epoch's validation (saving reads it too)
        boolean[] saved = {false};
        long[] now = {0};
        first.setClock(() -> {
            if (first.iteration() == 24 && !saved[0]) {
                saved[0] = true;
                assertEquals(1, first.reports().size());
                try {
                    Snapshot.save(snap, first);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
            return now[0] += 1_000_000L; // a millisecond a reading: the run's times, not its figures, come from it
        });
        first.run();
        assertTrue(Files.exists(snap));

        TrainingLoop resumed = Snapshot.resume(Snapshot.read(snap), "snap", train, test, "t", 3);
        assertEquals(1, resumed.reports().size(), "the snapshot's log has no epoch 2 yet");
        resumed.run();
        assertEquals(logWithoutTimes(straight), logWithoutTimes(resumed));
        Map<String, float[]> a = weights(straight);
        Map<String, float[]> b = weights(resumed);
        for (String k : a.keySet()) assertArrayEquals(a.get(k), b.get(k), 0f, k + " differs after resume");
    }

    @Test
    void resumingAfterEpochTwoOfFourGivesTheSameWeightsBitForBit() throws Exception {
        resumeIsBitIdentical(TrainingConfig.tutorial().withEpochs(4));
    }

    @Test
    void runsSplitAcrossCoresResumeBitForBit() throws Exception {
        int before = io.digitstudio.nn.Cores.count();
        try {
            io.digitstudio.nn.Cores.setCount(2);
            resumeIsBitIdentical(TrainingConfig.tutorial().withEpochs(4));
            io.digitstudio.nn.Cores.setCount(3);
            resumeIsBitIdentical(TrainingConfig.tutorial().withEpochs(4).withNetwork(io.digitstudio.nn.NetworkSpec.parse("conv 4 5, relu, maxpool 2, linear 16, relu, linear")));
        } finally {
            io.digitstudio.nn.Cores.setCount(before);
        }
    }

    @Test
    void aConvolutionalRunWithDropoutResumesBitForBitToo() throws Exception {
        // the dropout masks come from the network's own generator, whose state the snapshot carries
        resumeIsBitIdentical(TrainingConfig.tutorial().withEpochs(4).withBatchSize(100)
                .withNetwork(io.digitstudio.nn.NetworkSpec.parse("conv 4 5, relu, maxpool 2, conv 6 3 pad 1, batchnorm, relu, avgpool 2, dropout 0.3, linear 16, relu, linear")));
        Map<String, NpyArray> a = Snapshot.read(dir.resolve("snapshot_epoch_0002.npz"));
        assertEquals("conv 4 5, relu, maxpool 2, conv 6 3 pad 1, batchnorm, relu, avgpool 2, dropout 0.3, linear 16, relu, linear",
                Snapshot.config(a, "snap").network().text());
        assertEquals(30, a.get("updater/model:main/bn2/N").toLongs()[0], "the running statistics travel with the snapshot");
        assertArrayEquals(new long[]{4, 1, 5, 5}, a.get("updater/model:main/conv1/W").shape());
    }

    @Test
    void snapshotsKeepTheSettingsOnceAsJsonAndOlderOnesStillLoad() throws Exception {
        TrainingLoop loop = TrainingLoop.create(TrainingConfig.tutorial().withEpochs(1).withUnits(8).withOptimizer("adam", Map.of()), train, test, "t");
        loop.run();
        Map<String, NpyArray> a = new java.util.LinkedHashMap<>(Snapshot.toArrays(loop));
        assertTrue(a.keySet().stream().noneMatch(k -> k.startsWith("digitstudio/config/")), "no second copy of the settings: " + a.keySet());
        assertEquals("adam", Snapshot.config(a, "snap").optimizer());
        assertEquals(loop.config(), Snapshot.config(a, "snap"));
        assertEquals("adam", ((Map<?, ?>) io.digitstudio.io.Json.parseObject(a.get("digitstudio/settings").toText()).get("config")).get("optimizer"));
        assertEquals(0.001, a.get("updater/optimizer:main/hyperparam/alpha").toDoubles()[0]);
        a.put("digitstudio/settings", NpyArray.ofText("{\"config\": {"));
        assertTrue(assertThrows(FormatException.class, () -> Snapshot.config(a, "snap")).getMessage().startsWith("snap: damaged settings ("));

        // snapshots before settings were JSON kept each in an entry, and before optimizers were named, an index
        Map<String, NpyArray> old;
        try (java.io.InputStream in = SnapshotTest.class.getResourceAsStream("/fixtures/snapshot-v1/snapshot_epoch_0001.npz")) {
            old = new java.util.LinkedHashMap<>(io.digitstudio.io.Npz.read(in, "old"));
        }
        assertEquals("momentum-sgd", Snapshot.config(old, "old").optimizer());
        old.put("digitstudio/config/optimizer", NpyArray.scalar((long) io.digitstudio.optim.Optimizers.NAMES.indexOf("momentum-sgd")));
        assertEquals("momentum-sgd", Snapshot.config(old, "old").optimizer());
        old.put("digitstudio/config/optimizer", NpyArray.scalar(9L));
        assertEquals("old: unknown optimizer number 9", assertThrows(FormatException.class, () -> Snapshot.config(old, "old")).getMessage());
        old.put("digitstudio/config/optimizer", NpyArray.ofText("lbfgs"));
        assertEquals("old: unknown optimizer 'lbfgs'", assertThrows(FormatException.class, () -> Snapshot.config(old, "old")).getMessage());
    }

    @Test
    void resumeIsExactWithAdamAndAugmentationToo() throws Exception {
        resumeIsBitIdentical(TrainingConfig.tutorial().withEpochs(4).withOptimizer("adam", Map.of()).withAugment(true).withUnits(32));
    }

    @Test
    void aSnapshotFromBeforeRunIdsResumesBitForBit() throws Exception {
        Path snap = Path.of(SnapshotTest.class.getResource("/fixtures/snapshot-v1/snapshot_epoch_0001.npz").toURI());
        Path straight = Path.of(SnapshotTest.class.getResource("/fixtures/snapshot-v1/straight_epoch_0002.npz").toURI());
        assertEquals("", Snapshot.runId(snap), "it names no run");
        int cores = io.digitstudio.nn.Cores.count();
        io.digitstudio.nn.Cores.setCount(2); // as it was made: a run repeats bit for bit on the same number of cores
        try {
            TrainingLoop loop = Snapshot.resume(Snapshot.read(snap), "snapshot_epoch_0001.npz", Mnist.bundled().train().head(1000),
                    Mnist.bundled().test().head(200), "t", null);
            assertEquals(1, loop.iterator().epoch());
            loop.run();
            var expected = io.digitstudio.io.ModelFiles.loadNpz(straight).model().namedParams();
            for (var e : loop.model().namedParams().entrySet()) {
                assertArrayEquals(Host.toArray(expected.get(e.getKey()).data()), Host.toArray(e.getValue().data()), 0f, e.getKey());
            }
        } finally {
            io.digitstudio.nn.Cores.setCount(cores);
        }
    }

    @Test
    void aVersionTwoSnapshotResumesBitForBitWithItsEpochLog() throws Exception {
        Path snap = Path.of(SnapshotTest.class.getResource("/fixtures/snapshot-v2/snapshot_epoch_0001.npz").toURI());
        Path straight = Path.of(SnapshotTest.class.getResource("/fixtures/snapshot-v2/straight_epoch_0002.npz").toURI());
        int cores = io.digitstudio.nn.Cores.count();
        io.digitstudio.nn.Cores.setCount(2); // as it was made: a run repeats bit for bit on the same number of cores
        try {
            TrainingLoop loop = Snapshot.resume(Snapshot.read(snap), "snapshot_epoch_0001.npz", Mnist.bundled().train().head(1000),
                    Mnist.bundled().test().head(200), "t", null);
            assertEquals(1, loop.reports().size(), "the table of the epoch log is read");
            EpochReport first = loop.reports().get(0);
            assertEquals(1, first.epoch());
            assertEquals(0.15, first.valAccuracy(), 1e-9);
            assertEquals(0.01, first.lr(), 1e-12);
            loop.run();
            var expected = io.digitstudio.io.ModelFiles.loadNpz(straight).model().namedParams();
            for (var e : loop.model().namedParams().entrySet()) {
                assertArrayEquals(Host.toArray(expected.get(e.getKey()).data()), Host.toArray(e.getValue().data()), 0f, e.getKey());
            }
            assertEquals(first, loop.reports().get(0));
            assertEquals(List.of(1, 2), loop.reports().stream().map(EpochReport::epoch).toList());
        } finally {
            io.digitstudio.nn.Cores.setCount(cores);
        }
    }

    @Test
    void keepingTheLastKNeverDeletesAnotherRunsSnapshots() throws Exception {
        TrainingLoop other = TrainingLoop.create(TrainingConfig.tutorial().withEpochs(4).withUnits(16), train, test, "t");
        other.setSetup(new RunSetup("0000aaaa", "", "", dir.toString(), 1, 5));
        other.addExtension(new SnapshotWriter(other, dir, 1, 5));
        other.run();
        Path sub = dir.resolve("mine");
        Files.createDirectories(sub);
        for (int e = 3; e <= 4; e++) Files.copy(dir.resolve(String.format("snapshot_epoch_%04d.npz", e)), sub.resolve(String.format("snapshot_epoch_%04d.npz", e)));
        TrainingLoop mine = TrainingLoop.create(TrainingConfig.tutorial().withEpochs(2).withUnits(16), train, test, "t");
        mine.setSetup(new RunSetup("0000bbbb", "", "", sub.toString(), 1, 1));
        mine.addExtension(new SnapshotWriter(mine, sub, 1, 1));
        mine.run();
        try (var files = Files.list(sub)) {
            // the other run's epochs 3 and 4 stay; of this run's own two, the newest is kept
            assertEquals(List.of("snapshot_epoch_0002.npz", "snapshot_epoch_0003.npz", "snapshot_epoch_0004.npz"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("0000bbbb", Snapshot.runId(sub.resolve("snapshot_epoch_0002.npz")));
        assertEquals("0000aaaa", Snapshot.runId(sub.resolve("snapshot_epoch_0004.npz")));
        assertEquals(sub.resolve("snapshot_epoch_0002.npz"), Snapshot.latest(sub, "0000bbbb").orElseThrow(), "the run's own newest");
    }

    @Test
    void snapshotsAreChainerStyleNpzKeepingTheLastK() throws Exception {
        TrainingLoop loop = TrainingLoop.create(TrainingConfig.tutorial().withEpochs(3).withUnits(16), train, test, "t");
        loop.setSetup(new RunSetup("00c0ffee", "", "", dir.toString(), 1, 2));
        loop.addExtension(new SnapshotWriter(loop, dir, 1, 2));
        loop.run();
        try (var files = Files.list(dir)) {
            assertEquals(List.of("snapshot_epoch_0002.npz", "snapshot_epoch_0003.npz"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals("00c0ffee", Snapshot.runId(dir.resolve("snapshot_epoch_0003.npz")), "a snapshot names its run");
        Map<String, NpyArray> a = Snapshot.read(dir.resolve("snapshot_epoch_0003.npz"));
        for (String k : List.of("updater/model:main/l1/W", "updater/optimizer:main/l1/W/v", "updater/optimizer:main/l1/W/t",
                "updater/iterator:main/order", "updater/iterator:main/current_position", "updater/iteration", "digitstudio/epoch_log")) {
            assertTrue(a.containsKey(k), k);
        }
        assertArrayEquals(new long[]{16, 784}, a.get("updater/model:main/l1/W").shape());
        assertArrayEquals(new long[]{16, 784}, a.get("updater/optimizer:main/l1/W/v").shape(), "optimizer state keeps its parameter's shape, as Chainer's");
        List<?> log = (List<?>) io.digitstudio.io.Json.parse(a.get("digitstudio/epoch_log").toText());
        assertEquals(3, log.size());
        assertEquals(loop.reports().get(2).values().keySet(), ((Map<?, ?>) log.get(2)).keySet());
    }

    @Test
    void resumingOnOtherDataOrFromAModelFileIsRefused() throws Exception {
        TrainingLoop loop = TrainingLoop.create(TrainingConfig.tutorial().withEpochs(1).withUnits(16), train, test, "t");
        loop.addExtension(new SnapshotWriter(loop, dir, 1, 1));
        loop.run();
        Map<String, NpyArray> a = Snapshot.read(dir.resolve("snapshot_epoch_0001.npz"));
        String m = assertThrows(FormatException.class, () -> Snapshot.resume(a, "s.npz", train.head(1000), test, "t", null)).getMessage();
        assertTrue(m.contains("was taken on other data"), m);
        Path model = dir.resolve("model.npz");
        io.digitstudio.io.ModelFiles.saveNpz(model, loop.model());
        String notSnap = assertThrows(FormatException.class, () -> Snapshot.read(model)).getMessage();
        assertTrue(notSnap.contains("not a DigitStudio snapshot"), notSnap);
    }

    @Test
    void aDivergingRunKeepsTheWeightsFromBeforeTheBadUpdate() {
        TrainingLoop loop = TrainingLoop.create(TrainingConfig.tutorial().withEpochs(3).withOptimizer("sgd", 1e35, null), train, test, "t");
        TrainingResult r = loop.run();
        assertEquals(TrainingResult.Outcome.DIVERGED, r.outcome());
        assertTrue(r.message().contains("try a lower one"), r.message());
        for (Map.Entry<String, float[]> e : weights(loop).entrySet()) {
            for (float v : e.getValue()) assertTrue(Float.isFinite(v), e.getKey() + " holds a non-finite value");
        }
    }
}
