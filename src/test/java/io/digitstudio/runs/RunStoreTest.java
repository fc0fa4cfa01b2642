package io.digitstudio.runs;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.io.Json;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.train.RunOptions;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingLoop;
import io.digitstudio.train.TrainingResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.*;

class RunStoreTest {
    static LabeledImages train;
    static LabeledImages test;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        Nd4jSetup.init();
        train = Mnist.bundled().train().head(600);
        test = Mnist.bundled().test().head(200);
    }

    private static TrainingConfig small(int epochs) {
        // a rate that learns within these few iterations: a run at chance level is recorded as failed to learn
        return TrainingConfig.tutorial().withEpochs(epochs).withUnits(20).withOptimizer("momentum-sgd", 0.1, null);
    }

    private static RunRecorder.Origin origin(RunOptions o) {
        return new RunRecorder.Origin("cli", o, "MNIST", "MNIST (bundled)", "abc123", io.digitstudio.data.ClassNames.numbers(10), "", "");
    }

    /** Trains {@code cfg} on the small sets, recorded in {@code store}. */
    private static RunRecorder record(RunStore store, TrainingConfig cfg) throws Exception {
        TrainingLoop loop = TrainingLoop.create(cfg, train, test, "t");
        RunRecorder r = RunRecorder.start(store, loop, origin(RunOptions.NONE));
        loop.run();
        return r;
    }

    @Test
    void aRunIsNeverResumedFromAnotherRunsSnapshot() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        java.nio.file.Path shared = dir.resolve("shared");
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int epochs : new int[]{2, 3}) {
            TrainingLoop loop = TrainingLoop.create(small(epochs), train, test, "t");
            RunRecorder r = RunRecorder.start(store, loop, new RunRecorder.Origin("cli", RunOptions.NONE, "MNIST", "MNIST (bundled)", "abc123",
                    io.digitstudio.data.ClassNames.numbers(10), shared.toString(), ""));
            loop.setSetup(new io.digitstudio.train.RunSetup(r.id(), "", "", shared.toString(), 1, 5));
            loop.addExtension(new io.digitstudio.train.SnapshotWriter(loop, shared, 1, 5));
            loop.run();
            ids.add(r.id());
        }
        // as before snapshot folders were refused, the second run wrote its epochs 1-3 over the first's 1-2: the first
        // run is never resumed from the second's snapshots (it has none left), the second from its own newest
        assertTrue(store.lastSnapshot(store.find(ids.get(0))).isEmpty());
        assertEquals(ids.get(1), io.digitstudio.train.Snapshot.runId(store.lastSnapshot(store.find(ids.get(1))).orElseThrow()));
        assertEquals("snapshot_epoch_0003.npz", store.lastSnapshot(store.find(ids.get(1))).orElseThrow().getFileName().toString());
    }

    /**
     * A loss that runs out of memory in the middle of the first validation, as a native allocation past the bound that
     * {@code -Xmx512m} sets does: its second batch. It runs wherever the validation runs it, on a worker thread of the
     * cores too.
     */
    private static io.digitstudio.train.LossFunction outOfMemoryInValidation(java.util.concurrent.atomic.AtomicInteger validated) {
        return (y, t) -> {
            if (!io.digitstudio.nn.Config.train() && validated.incrementAndGet() == 2) {
                throw new OutOfMemoryError("Cannot allocate new FloatPointer(25600)");
            }
            return io.digitstudio.nn.F.softmaxCrossEntropy(y, t);
        };
    }

    @Test
    void aRunThatRunsOutOfMemoryMidValidationIsRecordedAsFailedWithTheReasonAndNoModel() throws Exception {
        RunStore store = new RunStore(dir);
        TrainingLoop loop = TrainingLoop.create(small(2), train, test, "t");
        java.util.concurrent.atomic.AtomicInteger validated = new java.util.concurrent.atomic.AtomicInteger();
        loop.setLossFunction(outOfMemoryInValidation(validated));
        RunRecorder rec = RunRecorder.start(store, loop, origin(RunOptions.NONE));
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, loop::run, "what ended the run reaches its caller");
        assertEquals("Cannot allocate new FloatPointer(25600)", e.getMessage());
        assertEquals(TrainingResult.Outcome.FAILED, loop.result().outcome());
        String why = "failed during the validation of epoch 1: out of memory (Cannot allocate new FloatPointer(25600))";
        assertEquals(why, loop.result().message());
        RunSummary r = store.find(rec.id());
        assertEquals(RunStatus.FAILED, r.status(), "its record says failed, not running or stopped");
        assertEquals(why, r.message());
        assertEquals(0, r.epochsDone());
        assertTrue(store.model(r).isEmpty(), "a failed run keeps no model: its weights are no run's end");
        assertTrue(Files.readString(r.folder().resolve("failure.txt")).contains("java.lang.OutOfMemoryError: Cannot allocate"),
                "the trace is kept in its folder");
        assertFalse(RunLocks.alive(r.folder().resolve(RunStore.LOCK)), "the lock goes with the run");
    }

    @Test
    void aGoodRunWhoseExtensionFailsAsItEndsIsRecordedFinishedWithItsModelAndTheWarning() throws Exception {
        RunStore store = new RunStore(dir);
        TrainingLoop loop = TrainingLoop.create(small(1), train, test, "t");
        RunRecorder rec = RunRecorder.start(store, loop, origin(RunOptions.NONE));
        // added after the record, as a window's watchers and the command line's progress bar are
        loop.addExtension(new io.digitstudio.train.Extension() {
            @Override
            public String name() {
                return "ProgressBar";
            }

            @Override
            public void call(TrainingLoop l) {
            }

            @Override
            public void finalize(TrainingLoop l) {
                throw new IllegalStateException("stream closed");
            }
        });
        TrainingResult result = loop.run();
        RunSummary r = store.find(rec.id());
        assertEquals(TrainingResult.Outcome.COMPLETED, result.outcome());
        assertEquals(RunStatus.FINISHED, r.status(), "the record says what the result says");
        assertTrue(store.model(r).isPresent(), "its model is kept");
        assertFalse(Files.exists(r.folder().resolve("failure.txt")));
        assertEquals(List.of("ProgressBar failed as the run ended: stream closed"), result.warnings());
        assertEquals(result.warnings(), Json.parseObject(Files.readString(r.folder().resolve("status.json"))).get("warnings"));
    }

    @Test
    void aGoodRunWhoseModelCannotBeKeptIsRecordedFinishedWithTheWarning() throws Exception {
        RunStore store = new RunStore(dir);
        TrainingLoop loop = TrainingLoop.create(small(1), train, test, "t");
        RunRecorder rec = RunRecorder.start(store, loop, origin(RunOptions.NONE));
        // a folder where the model goes: the file cannot take its place
        Files.createDirectories(rec.folder().resolve("model.npz").resolve("in the way"));
        TrainingResult result = loop.run();
        RunSummary r = store.find(rec.id());
        assertEquals(TrainingResult.Outcome.COMPLETED, result.outcome());
        assertEquals(1, result.warnings().size(), result.warnings().toString());
        assertTrue(result.warnings().get(0).startsWith("could not keep the model in the folder of run " + rec.id() + ": "), result.warnings().get(0));
        assertEquals(RunStatus.FINISHED, r.status(), "the record says what the window says, not 'interrupted'");
        assertEquals(result.warnings(), Json.parseObject(Files.readString(r.folder().resolve("status.json"))).get("warnings"));
        assertTrue(store.model(r).isEmpty());
        assertNull(rec.problem(), "the run is still recorded");
    }

    @Test
    void aFinishedRunIsRecordedWithItsSettingsLogModelsAndMatrices() throws Exception {
        RunStore store = new RunStore(dir);
        TrainingLoop loop = TrainingLoop.create(small(3), train, test, "t");
        RunOptions schedule = new RunOptions("exponential:0.5", 0, 0, false, "");
        loop.apply(schedule, "MNIST", io.digitstudio.data.ClassNames.numbers(10));
        RunRecorder rec = RunRecorder.start(store, loop, origin(schedule));
        TrainingResult result = loop.run();
        assertNull(rec.problem());
        List<RunSummary> runs = store.list();
        assertEquals(1, runs.size());
        RunSummary r = runs.get(0);
        assertEquals(rec.id(), r.id());
        assertTrue(RunStore.isId(r.id()), r.id());
        assertEquals(RunStatus.FINISHED, r.status());
        assertEquals(3, r.epochsDone());
        assertEquals(result.last().valAccuracy(), r.finalAccuracy(), 1e-9);
        double best = result.epochs().stream().mapToDouble(io.digitstudio.train.EpochReport::valAccuracy).max().orElseThrow();
        assertEquals(best, r.bestAccuracy(), 1e-9);
        assertTrue(r.seconds() > 0);
        // the settings read back as the run had them
        assertEquals(small(3), r.settings().config());
        assertEquals("exponential:0.5", r.settings().options().lrShift());
        assertEquals(600, r.settings().trainSize());
        assertEquals("abc123", r.settings().dataChecksum());
        assertEquals("momentum-sgd lr=0.1", r.optimizer());
        // Chainer's log, one entry per epoch, with the schedule's rate
        List<Map<String, Double>> log = store.log(r);
        assertEquals(3, log.size());
        assertEquals(result.epochs().get(2).valAccuracy(), log.get(2).get("validation/main/accuracy"), 1e-6);
        assertEquals(0.025, log.get(2).get("lr"), 1e-12);
        // the final model and the best one load; a matrix per validation, its rows summing to the set
        assertEquals(result.last().valAccuracy(), ModelFiles.loadNpz(store.model(r).orElseThrow()).info().testAccuracy(), 1e-6);
        assertTrue(store.bestModel(r).isPresent());
        for (int e = 1; e <= 3; e++) {
            List<String> lines = Files.readAllLines(r.folder().resolve("confusion").resolve(String.format("epoch_%04d.csv", e)));
            long total = 0;
            for (int row = 1; row <= 10; row++) {
                String[] cells = lines.get(row).split(",");
                for (int c = 1; c <= 10; c++) total += Long.parseLong(cells[c]);
            }
            assertEquals(200, total);
        }
        // a name and notes, kept apart from the settings
        store.describe(r.id().substring(0, 4), "first try", "tiny\nnet");
        RunSummary named = store.find(r.id());
        assertEquals("first try", named.title());
        assertEquals("tiny\nnet", named.notes());
    }

    @Test
    void aRunsModelsAreNamedByTheRunNotByTheirFileName() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        RunRecorder first = record(store, small(2));
        RunRecorder second = record(store, small(2));
        java.time.ZoneId utc = java.time.ZoneOffset.UTC;
        RunSummary a = store.find(first.id()), b = store.find(second.id());
        Path aModel = store.model(a).orElseThrow(), bModel = store.model(b).orElseThrow();
        assertEquals(aModel.getFileName(), bModel.getFileName(), "both files are model.npz");
        String aTitle = RunStore.modelTitle(aModel, utc).orElseThrow();
        assertEquals("run " + a.id() + " · " + java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT)
                .withZone(utc).format(a.created()), aTitle);
        assertNotEquals(aTitle, RunStore.modelTitle(bModel, utc).orElseThrow(), "two runs' models are told apart");
        // the best epoch's model says so; a name the user gave the run comes first
        assertTrue(a.bestEpoch() >= 1, "a best epoch was kept");
        assertEquals(aTitle + " · best epoch " + a.bestEpoch(), RunStore.modelTitle(store.bestModel(a).orElseThrow(), utc).orElseThrow());
        store.describe(b.id(), "wider net", "");
        assertTrue(RunStore.modelTitle(bModel, utc).orElseThrow().startsWith("wider net · run " + b.id() + " · "));
        // any other file keeps its own name: a copy outside the history, a snapshot, a missing run record
        Path copy = Files.copy(aModel, dir.resolve("model.npz"));
        assertEquals(java.util.Optional.empty(), RunStore.modelTitle(copy, utc));
        assertEquals(java.util.Optional.empty(), RunStore.modelTitle(a.folder().resolve("snapshot_epoch_0001.npz"), utc));
        Files.delete(a.folder().resolve("run.json"));
        assertEquals(java.util.Optional.empty(), RunStore.modelTitle(aModel, utc), "a damaged run's model: its file name");
    }

    @Test
    void stoppedAndDivergedRunsSayHowTheyEnded() throws Exception {
        RunStore store = new RunStore(dir);
        TrainingLoop stopped = TrainingLoop.create(small(5), train, test, "t");
        RunRecorder a = RunRecorder.start(store, stopped, origin(RunOptions.NONE));
        new io.digitstudio.train.Watch().epoch(r -> stopped.control().requestStop()).on(stopped);
        stopped.run();
        TrainingLoop diverged = TrainingLoop.create(small(2).withOptimizer("sgd", 1e6, null), train, test, "t");
        RunRecorder b = RunRecorder.start(store, diverged, origin(RunOptions.NONE));
        assertEquals(TrainingResult.Outcome.DIVERGED, diverged.run().outcome());
        RunSummary s = store.find(a.id());
        assertEquals(RunStatus.STOPPED, s.status());
        assertEquals(1, s.epochsDone());
        assertTrue(store.model(s).isPresent(), "a stopped run's model is kept");
        RunSummary d = store.find(b.id());
        assertEquals(RunStatus.DIVERGED, d.status());
        assertTrue(d.message().startsWith("training diverged"), d.message());
        assertTrue(store.model(d).isEmpty(), "a diverged run saves no model");
    }

    @Test
    void aRunWhoseProcessDiedIsInterruptedAndADamagedFolderIsListedWithItsReason() throws Exception {
        RunStore store = new RunStore(dir);
        RunRecorder good = record(store, small(1));
        // a run that said "running" when its process died: nobody holds its lock
        Path dead = Files.createDirectory(dir.resolve("0badc0de"));
        Files.copy(good.folder().resolve("run.json"), dead.resolve("run.json"));
        Files.writeString(dead.resolve("run.json"), Files.readString(dead.resolve("run.json")).replace(good.id(), "0badc0de"));
        Files.writeString(dead.resolve("status.json"), Files.readString(good.folder().resolve("status.json")).replace("\"finished\"", "\"running\""));
        Files.createFile(dead.resolve("lock"));
        // damaged: settings that are not JSON, or missing
        Path broken = Files.createDirectory(dir.resolve("deadbeef"));
        Files.writeString(broken.resolve("run.json"), "{\"id\": \"deadbeef\", \"net");
        Files.createDirectory(dir.resolve("feedface"));
        // not a run at all: ignored
        Files.createDirectory(dir.resolve("notes"));
        Map<String, RunSummary> byId = new java.util.HashMap<>();
        store.list().forEach(r -> byId.put(r.id(), r));
        assertEquals(Set.of(good.id(), "0badc0de", "deadbeef", "feedface"), byId.keySet());
        assertEquals(RunStatus.FINISHED, byId.get(good.id()).status());
        assertEquals(RunStatus.INTERRUPTED, byId.get("0badc0de").status());
        assertEquals(RunStatus.DAMAGED, byId.get("deadbeef").status());
        assertTrue(byId.get("deadbeef").problem().startsWith("run.json cannot be read: not valid JSON at line "), byId.get("deadbeef").problem());
        assertEquals("run.json is missing", byId.get("feedface").problem());
        // a damaged run can still be deleted
        store.delete("deadb");
        assertFalse(Files.exists(broken));
    }

    @Test
    void aRunInProgressIsRunningAndCannotBeDeleted() throws Exception {
        RunStore store = new RunStore(dir);
        TrainingLoop loop = TrainingLoop.create(small(2), train, test, "t");
        RunRecorder rec = RunRecorder.start(store, loop, origin(RunOptions.NONE));
        // before the loop runs, the run is recorded and alive (this process holds its lock)
        assertEquals(RunStatus.RUNNING, store.find(rec.id()).status());
        RunsException e = assertThrows(RunsException.class, () -> store.delete(rec.id()));
        assertEquals("run " + rec.id() + " is still running; stop it first", e.getMessage());
        loop.run();
        assertEquals(RunStatus.FINISHED, store.find(rec.id()).status());
        store.delete(rec.id());
        assertTrue(store.list().isEmpty());
    }

    @Test
    void runsRecordedAtOnceNeverShareAFolder() throws Exception {
        RunStore store = new RunStore(dir);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<RunRecorder>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                long seed = i;
                fs.add(pool.submit(() -> record(new RunStore(dir), small(1).withSeed(seed))));
            }
            Set<String> ids = new java.util.HashSet<>();
            for (Future<RunRecorder> f : fs) ids.add(f.get().id());
            assertEquals(3, ids.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(3, store.list().stream().filter(r -> r.status() == RunStatus.FINISHED).count());
    }

    @Test
    void idsAbbreviateAsGitsDoAndAmbiguityIsSaid() throws Exception {
        RunStore store = new RunStore(dir);
        RunRecorder a = record(store, small(1));
        Path copy = dir.resolve(a.id().substring(0, 2) + "000000".substring(0, 6));
        if (!copy.getFileName().toString().equals(a.id())) {
            Files.createDirectory(copy);
            RunsException amb = assertThrows(RunsException.class, () -> store.find(a.id().substring(0, 2)));
            assertTrue(amb.getMessage().contains("is ambiguous"), amb.getMessage());
        }
        assertEquals(a.id(), store.find(a.id().substring(0, 7)).id());
        assertEquals(a.id(), store.find(a.id().toUpperCase()).id());
        assertTrue(assertThrows(RunsException.class, () -> store.find("zz")).getMessage().contains("is not a run id"));
        assertTrue(assertThrows(RunsException.class, () -> store.find(a.id().charAt(0) == 'f' ? "e" : "f")).getMessage().startsWith("no run"));
    }

    @Test
    void anExportIsAZipOfTheRunsFiles() throws Exception {
        RunStore store = new RunStore(dir.resolve("runs"));
        RunRecorder a = record(store, small(1));
        Path zip = dir.resolve("out.zip");
        store.export(a.id(), zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Set<String> names = new java.util.HashSet<>();
            z.stream().forEach(e -> names.add(e.getName()));
            assertTrue(names.containsAll(Set.of(a.id() + "/run.json", a.id() + "/status.json", a.id() + "/log", a.id() + "/model.npz",
                    a.id() + "/best.npz", a.id() + "/confusion/epoch_0001.csv")), names.toString());
            assertFalse(names.contains(a.id() + "/lock"));
        }
    }

    @Test
    void theHistoryLivesWhereTheEnvironmentSays() {
        String home = System.getProperty("user.home");
        assertEquals(Path.of("/x/runs"), RunStore.defaultRoot(Map.of("DIGITSTUDIO_RUNS", "/x/runs", "XDG_DATA_HOME", "/y")));
        assertEquals(Path.of("/y/digitstudio/runs"), RunStore.defaultRoot(Map.of("XDG_DATA_HOME", "/y")));
        assertEquals(Path.of(home, ".local/share/digitstudio/runs"), RunStore.defaultRoot(Map.of("XDG_DATA_HOME", "relative")));
        assertEquals(Path.of(home, ".local/share/digitstudio/runs"), RunStore.defaultRoot(Map.of()));
        // and the tests themselves never record into the user's folder
        assertFalse(RunStore.defaultRoot().startsWith(Path.of(home, ".local")), RunStore.defaultRoot().toString());
    }

    @Test
    void jsonReadsWhatItWritesAndRefusesDamage() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("a", 1.5);
        m.put("b", List.of(1.0, "x\"y\n", true));
        m.put("c", null);
        m.put("d", Map.of());
        assertEquals(m, Json.parse(Json.write(m)));
        for (String bad : List.of("", "{", "{\"a\" 1}", "[1,]", "{\"a\": 1} x", "\"\\q\"", "nul", "01x")) {
            assertThrows(io.digitstudio.io.FormatException.class, () -> Json.parse(bad), bad);
        }
    }

    /**
     * A run paused in the window is "paused" in its record, as the toast says, not "running"; it is not deleted (the
     * refusal says it is paused), and once it goes on its record says running again.
     */
    @Test
    void aPausedRunIsRecordedPausedAndNotDeleted() throws Exception {
        RunStore store = new RunStore(dir);
        TrainingLoop loop = TrainingLoop.create(small(1), train, test, "t");
        RunRecorder rec = RunRecorder.start(store, loop, origin(RunOptions.NONE));
        RunStatus[] afterwards = new RunStatus[1];
        new io.digitstudio.train.Watch().iteration(e -> {
            if (e.iteration() == 2) loop.control().pause(); // as the window's Pause, made exact
            if (e.iteration() == 3) afterwards[0] = store.find(rec.id()).status();
        }).on(loop);
        Thread worker = new Thread(loop::run);
        worker.start();
        while (!loop.control().isParked()) {
            assertTrue(worker.isAlive(), "the run parks in its pause");
            Thread.onSpinWait();
        }
        RunSummary paused = store.find(rec.id());
        assertEquals(RunStatus.PAUSED, paused.status());
        assertEquals("paused", paused.status().label());
        RunsException refused = assertThrows(RunsException.class, () -> store.delete(rec.id()));
        assertEquals("run " + rec.id() + " is paused; stop it first", refused.getMessage());
        loop.control().resume();
        worker.join();
        assertEquals(RunStatus.RUNNING, afterwards[0], "going on, it is running again");
        assertEquals(RunStatus.FINISHED, store.find(rec.id()).status());
        assertTrue(Files.isDirectory(rec.folder()), "the paused run was not deleted");
    }
}
