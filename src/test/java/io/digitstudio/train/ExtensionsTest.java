package io.digitstudio.train;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Parameter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class ExtensionsTest {
    static LabeledImages train;
    static LabeledImages test;

    @TempDir
    Path dir;

    @BeforeAll
    static void data() {
        Nd4jSetup.init();
        train = Mnist.bundled().train().head(1000);
        test = Mnist.bundled().test().head(200);
    }

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.tutorial().withEpochs(epochs).withUnits(16).withBatchSize(100);
    }

    private static Map<String, float[]> weights(TrainingLoop loop) {
        Map<String, float[]> w = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, Parameter> e : loop.model().namedParams().entrySet()) w.put(e.getKey(), Host.toArray(e.getValue().data()));
        return w;
    }

    @Test
    void whatWritersReportAtAnEpochsEndIsInItsEntryForTheReadersAndTheLog() throws Exception {
        TrainingLoop loop = TrainingLoop.create(config(2), train, test, "t");
        // a writer (an evaluation of its own) reports at each epoch's end, before the entry is made
        loop.addExtension(new Extension() {
            public String name() {
                return "extra";
            }

            public int priority() {
                return PRIORITY_WRITER;
            }

            public void call(TrainingLoop l) {
                l.reporter().report("validation/extra/twice_accuracy", 2 * l.observation().get("validation/main/accuracy"));
            }
        });
        List<Double> seenByReader = new java.util.ArrayList<>();
        loop.addExtension(new Extension() {
            public String name() {
                return "reader";
            }

            public void call(TrainingLoop l) {
                seenByReader.add(l.reports().get(l.reports().size() - 1).get("validation/extra/twice_accuracy"));
            }
        });
        loop.addExtension(new LogReport(dir.resolve("log")));
        loop.run();
        assertEquals(2, loop.reports().size());
        for (int e = 0; e < 2; e++) {
            EpochReport r = loop.reports().get(e);
            assertEquals(2 * r.valAccuracy(), r.get("validation/extra/twice_accuracy"), 1e-12);
            assertEquals(r.get("validation/extra/twice_accuracy"), seenByReader.get(e));
        }
        assertEquals(List.of("epoch", "iteration", "main/loss", "main/accuracy", "lr", "validation/main/loss", "validation/main/accuracy",
                "validation/extra/twice_accuracy", "train_seconds", "validation_seconds"), List.copyOf(loop.reports().get(0).values().keySet()));
        List<?> log = (List<?>) io.digitstudio.io.Json.parse(Files.readString(dir.resolve("log")));
        assertTrue(((Map<?, ?>) log.get(1)).containsKey("validation/extra/twice_accuracy"), "Chainer's log has it too");
    }

    @Test
    void schedulesFollowChainersFormulas() {
        // ExponentialShift: init * rate^t, held at the target once passed
        assertEquals(0.01 * Math.pow(0.5, 3), ExponentialShift.valueAt(0.01, 0.5, null, 3), 0);
        assertEquals(0.002, ExponentialShift.valueAt(0.01, 0.5, 0.002, 3), 0);
        assertEquals(0.04, ExponentialShift.valueAt(0.01, 2, 0.04, 5), 0);
        // LinearShift: v1 until t1, linear to v2 at t2, v2 after
        assertEquals(0.1, LinearShift.valueAt(0.1, 0.0, 2, 6, 1), 0);
        assertEquals(0.1 + (3 - 2) / 4.0 * (0.0 - 0.1), LinearShift.valueAt(0.1, 0.0, 2, 6, 3), 0);
        assertEquals(0.0, LinearShift.valueAt(0.1, 0.0, 2, 6, 9), 0);
        // WarmupShift: (t init + (T - t) start) / T
        assertEquals((3 * 0.01 + (10 - 3) * 0.0) / 10, WarmupShift.valueAt(0.0, 0.01, 10, 3), 0);

        // in a run: the lr used in each epoch, as the log reports it
        TrainingLoop exp = TrainingLoop.create(config(3), train, test, "t");
        exp.apply(new RunOptions("exponential:0.5", 0, 0, false, ""), "t", null);
        LogReport log = new LogReport(null);
        exp.addExtension(log);
        exp.run();
        List<Double> halving = log.log().stream().map(e -> e.get("lr")).toList();
        assertEquals(0.01, halving.get(0), 1e-15); // a mean over the epoch's iterations, as Chainer's LogReport takes it
        assertEquals(0.005, halving.get(1), 1e-15);
        assertEquals(0.0025, halving.get(2), 1e-15);

        TrainingLoop step = TrainingLoop.create(config(4), train, test, "t");
        step.apply(new RunOptions("step:0.1@2,3", 0, 0, false, ""), "t", null);
        LogReport stepLog = new LogReport(null);
        step.addExtension(stepLog);
        step.run();
        List<Double> lrs = stepLog.log().stream().map(e -> e.get("lr")).toList();
        assertEquals(0.01, lrs.get(0), 1e-15); // step:0.1@2,3: times 0.1 from epoch 2, again from epoch 3
        assertEquals(0.001, lrs.get(1), 1e-15);
        assertEquals(0.0001, lrs.get(2), 1e-15);
        assertEquals(0.0001, lrs.get(3), 1e-15);
    }

    @Test
    void aLiveChangeAtIterationKGivesTheWeightsOfTheSameChangeScriptedAtK() {
        long k = 15;
        TrainingLoop scripted = TrainingLoop.create(config(3), train, test, "t");
        scripted.addExtension(new Extension() {
            @Override
            public String name() {
                return "scripted";
            }

            @Override
            public Trigger trigger() {
                return loop -> loop.iteration() == k;
            }

            @Override
            public void call(TrainingLoop loop) {
                loop.optimizer().set("lr", 0.003);
                loop.optimizer().set("momentum", 0.5);
            }
        });
        scripted.run();

        TrainingLoop live = TrainingLoop.create(config(3), train, test, "t");
        new Watch().iteration(e -> {
            // asked from "another thread" during iteration k: applied before iteration k + 1, like the GUI's Apply
            if (e.iteration() == k) {
                live.control().requestChange("lr", 0.003);
                live.control().requestChange("momentum", 0.5);
            }
        }).on(live);
        live.run();
        Map<String, float[]> a = weights(scripted), b = weights(live);
        for (String key : a.keySet()) assertArrayEquals(a.get(key), b.get(key), 0f, key);
        assertEquals(List.of(new HyperparameterChange(k, "lr", 0.003), new HyperparameterChange(k, "momentum", 0.5)), live.changes());
        assertEquals(0.003, live.optimizer().get("lr"));
    }

    @Test
    void earlyStoppingStopsAfterPatienceChecksWithoutImprovement() {
        // a learning rate this high makes the validation loss worse every epoch after the first
        TrainingConfig wild = config(20).withOptimizer("sgd", Map.of("lr", 3.0));
        TrainingLoop loop = TrainingLoop.create(wild, train, test, "t");
        loop.apply(new RunOptions("", 0, 2, false, ""), "t", null);
        TrainingResult r = loop.run();
        List<Double> losses = r.epochs().stream().map(EpochReport::valLoss).toList();
        int best = 0;
        for (int i = 1; i < losses.size(); i++) if (losses.get(i) < losses.get(best)) best = i;
        assertEquals(best + 1 + 2, r.epochs().size(), "stops two epochs after the best one: " + losses);
        assertTrue(r.message().startsWith("stopped early at epoch " + r.epochs().size()), r.message());
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome());
    }

    @Test
    void maxAndMinValueTriggersFireAtEachNewBest() {
        TrainingLoop loop = TrainingLoop.create(config(6), train, test, "t");
        List<Integer> maxEpochs = new ArrayList<>(), minEpochs = new ArrayList<>();
        for (boolean max : new boolean[]{true, false}) {
            Trigger t = max ? BestValueTrigger.max("validation/main/accuracy") : BestValueTrigger.min("validation/main/loss");
            loop.addExtension(new Extension() {
                @Override
                public String name() {
                    return max ? "max" : "min";
                }

                @Override
                public Trigger trigger() {
                    return t;
                }

                @Override
                public void call(TrainingLoop l) {
                    (max ? maxEpochs : minEpochs).add(l.iterator().epoch());
                }
            });
        }
        TrainingResult r = loop.run();
        List<Integer> expectMax = new ArrayList<>(), expectMin = new ArrayList<>();
        double bestAcc = Double.NEGATIVE_INFINITY, bestLoss = Double.POSITIVE_INFINITY;
        for (EpochReport e : r.epochs()) {
            if (e.valAccuracy() > bestAcc) {
                bestAcc = e.valAccuracy();
                expectMax.add(e.epoch());
            }
            if (e.valLoss() < bestLoss) {
                bestLoss = e.valLoss();
                expectMin.add(e.epoch());
            }
        }
        assertEquals(expectMax, maxEpochs);
        assertEquals(expectMin, minEpochs);
    }

    @Test
    void extensionsAreFinalizedAndListenersToldEvenWhenAnExtensionThrows() {
        TrainingLoop loop = TrainingLoop.create(config(3), train, test, "t");
        List<String> events = new ArrayList<>();
        loop.addExtension(new Extension() {
            @Override
            public String name() {
                return "bomb";
            }

            @Override
            public void call(TrainingLoop l) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public void finalize(TrainingLoop l) {
                events.add("bomb finalized");
            }
        });
        loop.addExtension(new Extension() {
            @Override
            public String name() {
                return "watcher";
            }

            @Override
            public void call(TrainingLoop l) {
                events.add("watcher called");
            }

            @Override
            public void finalize(TrainingLoop l) {
                events.add("watcher finalized");
            }
        });
        new Watch().end(result -> events.add("end: " + result.message())).on(loop);
        IllegalStateException e = assertThrows(IllegalStateException.class, loop::run);
        assertEquals("disk full", e.getMessage());
        // the run failed, and says where: the extension that threw, at the end of the first epoch
        assertEquals(List.of("bomb finalized", "watcher finalized", "end: failed at epoch 1.00 (in bomb): disk full"), events);
        assertEquals(TrainingResult.Outcome.FAILED, loop.result().outcome());
        assertEquals(1, loop.iterator().epoch(), "it stopped at the first epoch's end");
    }

    /** An extension that fails as the run ends; one that records the end when {@code records}, listing what it saw. */
    private static Extension failingAtTheEnd(String name, boolean records, List<String> events) {
        return new Extension() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void call(TrainingLoop l) {
            }

            @Override
            public void finalize(TrainingLoop l) {
                events.add(name + " finalized: " + l.result().outcome() + " " + l.result().warnings());
                throw new IllegalStateException("disk full");
            }

            @Override
            public boolean recordsTheEnd() {
                return records;
            }
        };
    }

    @Test
    void anExtensionFailingAsAGoodRunEndsIsAWarningAndTheRecordOfTheEndSeesIt() {
        TrainingLoop loop = TrainingLoop.create(config(1), train, test, "t");
        List<String> events = new ArrayList<>();
        loop.addExtension(new Extension() { // added first: still finalized after the others, as it records the end
            @Override
            public String name() {
                return "record";
            }

            @Override
            public void call(TrainingLoop l) {
            }

            @Override
            public void finalize(TrainingLoop l) {
                events.add("record finalized: " + l.result().outcome() + " " + l.result().warnings());
            }

            @Override
            public boolean recordsTheEnd() {
                return true;
            }
        });
        loop.addExtension(failingAtTheEnd("log", false, events));
        TrainingResult r = loop.run();
        assertEquals(TrainingResult.Outcome.COMPLETED, r.outcome(), "the model is whole: the run keeps its outcome");
        assertEquals(List.of("log failed as the run ended: disk full"), r.warnings());
        assertEquals(List.of("log finalized: COMPLETED []", "record finalized: COMPLETED [log failed as the run ended: disk full]"), events);
    }

    @Test
    void theRecordOfTheEndFailingFailsTheRun() {
        TrainingLoop loop = TrainingLoop.create(config(1), train, test, "t");
        List<String> events = new ArrayList<>();
        loop.addExtension(failingAtTheEnd("record", true, events));
        IllegalStateException e = assertThrows(IllegalStateException.class, loop::run);
        assertEquals("disk full", e.getMessage());
        assertEquals(TrainingResult.Outcome.FAILED, loop.result().outcome());
        assertEquals("failed as the run ended (in record): disk full", loop.result().message());
    }

    @Test
    void aResumedRunWithAScheduleALiveChangeAndALogIsBitExact() throws Exception {
        RunOptions options = new RunOptions("exponential:0.7", 1, 3, false, dir.resolve("log.json").toString());
        TrainingLoop straight = TrainingLoop.create(config(4), train, test, "t");
        straight.apply(options, "t", null);
        straight.control().requestChange("momentum", 0.8);
        straight.run();

        TrainingLoop first = TrainingLoop.create(config(2), train, test, "t");
        first.apply(new RunOptions("exponential:0.7", 1, 3, false, dir.resolve("log2.json").toString()), "t", null);
        first.control().requestChange("momentum", 0.8);
        first.addExtension(new SnapshotWriter(first, dir, 1, 2));
        first.run();
        Map<String, io.digitstudio.io.NpyArray> snap = Snapshot.read(dir.resolve("snapshot_epoch_0002.npz"));
        TrainingLoop resumed = Snapshot.resume(snap, "snap", train, test, "t", 4);
        RunOptions saved = Snapshot.runOptions(snap, "snap");
        assertEquals(options.lrShift(), saved.lrShift());
        resumed.apply(saved, "t", null);
        assertEquals(0.8, resumed.optimizer().get("momentum"), "the live change travels with the snapshot");
        assertEquals(0.01 * 0.7 * 0.7, resumed.optimizer().get("lr"), 1e-15, "and so does the scheduled rate");
        resumed.run();
        Map<String, float[]> a = weights(straight), b = weights(resumed);
        for (String key : a.keySet()) assertArrayEquals(a.get(key), b.get(key), 0f, key);
        String json = Files.readString(dir.resolve("log2.json"));
        // the times aside: the clock's, not the run's
        String times = "\"(elapsed_time|train_seconds|validation_seconds)\": [0-9.E-]+";
        assertEquals(Files.readString(dir.resolve("log.json")).replaceAll(times, ""), json.replaceAll(times, ""), "the resumed log continues the first one");
    }

    @Test
    void triggerAndExtensionStateTravelsThroughTheSerializerAndOldSnapshotsKeysStillRead() {
        // snapshots written before serialize() kept every value as a float64 scalar under the same keys
        Map<String, io.digitstudio.io.NpyArray> old = new java.util.LinkedHashMap<>();
        old.put("stop_trigger/sum", io.digitstudio.io.NpyArray.scalar(1.5));
        old.put("stop_trigger/count", io.digitstudio.io.NpyArray.scalar(3.0));
        old.put("stop_trigger/best", io.digitstudio.io.NpyArray.scalar(0.25));
        old.put("stop_trigger/bad", io.digitstudio.io.NpyArray.scalar(2.0));
        old.put("keep/best", io.digitstudio.io.NpyArray.scalar(0.97));
        old.put("keep/best_epoch", io.digitstudio.io.NpyArray.scalar(4.0));
        io.digitstudio.io.NpzDeserializer in = new io.digitstudio.io.NpzDeserializer(old, "", "old.npz");
        EarlyStoppingTrigger stop = new EarlyStoppingTrigger("validation/main/loss", 3, "min");
        stop.serialize(in.child("stop_trigger"));
        KeepBest keep = new KeepBest(dir.resolve("best.npz"), "t", null, "keep");
        keep.serialize(in.child("keep"));

        Map<String, io.digitstudio.io.NpyArray> now = new java.util.LinkedHashMap<>();
        io.digitstudio.io.NpzSerializer out = new io.digitstudio.io.NpzSerializer(now, "");
        stop.serialize(out.child("stop_trigger"));
        keep.serialize(out.child("keep"));
        assertEquals(old.keySet(), now.keySet());
        for (String k : old.keySet()) assertEquals(old.get(k).toDoubles()[0], now.get(k).toDoubles()[0], 0, k);

        // a part a snapshot does not hold leaves a fresh trigger as it is
        EarlyStoppingTrigger fresh = new EarlyStoppingTrigger("validation/main/loss", 3, "min");
        fresh.serialize(new io.digitstudio.io.NpzDeserializer(Map.of(), "stop_trigger/", "new.npz"));
        Map<String, io.digitstudio.io.NpyArray> freshOut = new java.util.LinkedHashMap<>();
        fresh.serialize(new io.digitstudio.io.NpzSerializer(freshOut, ""));
        assertEquals(0.0, freshOut.get("count").toDoubles()[0]);
    }
}
