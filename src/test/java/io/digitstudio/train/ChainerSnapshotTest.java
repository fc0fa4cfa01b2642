package io.digitstudio.train;

import io.digitstudio.data.ExampleBatch;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.SerialIterator;
import io.digitstudio.io.FormatException;
import io.digitstudio.io.Fixtures;
import io.digitstudio.io.NpyArray;
import io.digitstudio.io.Npz;
import io.digitstudio.nn.F;
import io.digitstudio.nn.Host;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Parameter;
import io.digitstudio.nn.Variable;
import io.digitstudio.nn.Workspace;
import io.digitstudio.optim.Adam;
import io.digitstudio.optim.MomentumSgd;
import io.digitstudio.optim.Sgd;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A trainer snapshot that real Chainer 7.8.1 wrote (src/test/scripts/chainer_trainer_snapshot.py: the tutorial's MLP at
 * 784-16-16-10 in L.Classifier, MomentumSGD(lr=0.01, momentum=0.9), batches of 128 from the first 640 MNIST training
 * images, snapshot after 7 iterations) and the weights Chainer had after one more update on a known batch.
 */
class ChainerSnapshotTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void init() {
        Nd4jSetup.init();
    }

    private ChainerSnapshot snapshot() throws IOException {
        return ChainerSnapshot.read(Fixtures.chainer("snapshot_iter_7", dir));
    }

    @Test
    void readsChainersCountersStateNamesAndIterator() throws IOException {
        ChainerSnapshot s = snapshot();
        assertEquals(7, s.iteration());
        assertEquals(7, s.optimizerT());
        assertEquals(1, s.optimizerEpoch(), "5 iterations of 128 make the first epoch of 640");
        assertEquals(List.of("v"), List.copyOf(s.stateNames()));
        SerialIterator.State it = s.iteratorState(42);
        assertEquals(256, it.currentPosition());
        assertEquals(1, it.epoch());
        assertFalse(it.isNewEpoch());
        assertEquals(1.2, it.previousEpochDetail(), 1e-12);
        assertEquals(640, it.order().length);
        assertEquals(42, it.rngState());
        Map<String, NpyArray> next = Npz.read(Fixtures.chainer("next_step.npz", dir));
        int[] batch = next.get("batch").toInts();
        for (int i = 0; i < batch.length; i++) assertEquals(it.order()[256 + i], batch[i], "Chainer's next batch is order[256:384]");
        // DigitStudio's iterator takes the position and the order as they are
        SerialIterator iterator = new SerialIterator(640, 128, true, true, 3);
        s.restoreIterator(iterator);
        assertArrayEquals(batch, iterator.next());
        String other = assertThrows(FormatException.class, () -> s.restoreIterator(new SerialIterator(600, 128, true, true, 3))).getMessage();
        assertEquals("snapshot_iter_7: snapshot order has 640 entries, dataset has 600", other);
    }

    @Test
    void oneMoreStepFromTheSnapshotGivesChainersNextWeights() throws IOException {
        ChainerSnapshot s = snapshot();
        Network model = s.model().model();
        assertEquals("784-16-16-10", model.architecture());
        MomentumSgd optimizer = new MomentumSgd(0.01, 0.9);
        optimizer.setup(model);
        s.restoreOptimizer(optimizer);
        assertEquals(7, optimizer.t());
        optimizer.rules().values().forEach(r -> assertEquals(7, r.t()));

        Map<String, NpyArray> next = Npz.read(Fixtures.chainer("next_step.npz", dir));
        LabeledImages train = Mnist.bundled().train().head(640);
        ExampleBatch b = new ExampleBatch().concatExamples(train, next.get("batch").toInts());
        float loss;
        try (Workspace.Scope scope = new Workspace().enter()) {
            Variable l = F.softmaxCrossEntropy(model.forward(Variable.of(b.x(), model.batchShape(b.size()))), b.t());
            loss = l.item();
            model.cleargrads();
            l.backward();
            optimizer.update();
        }
        assertEquals(next.get("loss").toFloats()[0], loss, 2e-6f, "the same loss on the same batch");
        // The update is Chainer's to the bit given the same gradient; the gradients come from other sums (ND4J's BLAS,
        // not NumPy's), so most weights are the same bits and the rest are a few units in the last place off.
        for (Map.Entry<String, Parameter> e : model.namedParams().entrySet()) {
            float[] chainer = next.get(e.getKey()).toFloats();
            float[] ours = Host.toArray(e.getValue().data());
            float[] v = optimizer.rules().get(e.getKey()).state().get("v");
            float[] chainerV = next.get("v/" + e.getKey()).toFloats();
            for (int i = 0; i < chainer.length; i++) {
                assertEquals(chainer[i], ours[i], 1e-8f + 1e-6f * Math.abs(chainer[i]), e.getKey() + "[" + i + "]");
                assertEquals(chainerV[i], v[i], 1e-9f + 1e-5f * Math.abs(chainerV[i]), e.getKey() + "/v[" + i + "]");
            }
        }
    }

    @Test
    void theMomentumIsNeededToMatch() throws IOException {
        // without the snapshot's v the same step lands elsewhere: the state is what makes the continuation Chainer's
        ChainerSnapshot s = snapshot();
        Network model = s.model().model();
        MomentumSgd fresh = new MomentumSgd(0.01, 0.9);
        fresh.setup(model);
        Map<String, NpyArray> next = Npz.read(Fixtures.chainer("next_step.npz", dir));
        ExampleBatch b = new ExampleBatch().concatExamples(Mnist.bundled().train().head(640), next.get("batch").toInts());
        try (Workspace.Scope scope = new Workspace().enter()) {
            Variable l = F.softmaxCrossEntropy(model.forward(Variable.of(b.x(), model.batchShape(b.size()))), b.t());
            model.cleargrads();
            l.backward();
            fresh.update();
        }
        float[] chainer = next.get("l3/b").toFloats();
        float[] ours = Host.toArray(model.namedParams().get("l3/b").data());
        double far = 0;
        for (int i = 0; i < chainer.length; i++) far = Math.max(far, Math.abs(chainer[i] - ours[i]));
        assertTrue(far > 1e-4, "a fresh optimizer's step differs from Chainer's by " + far);
    }

    @Test
    void restoresTheModelIntoAnExistingNetworkAsLoadNpzDoes() throws IOException {
        ChainerSnapshot s = snapshot();
        Network model = Network.mlp(new io.digitstudio.data.Rng(9), 784, 16, 16, 10);
        s.restoreModel(model);
        Map<String, NpyArray> a = Npz.read(Fixtures.chainer("snapshot_iter_7", dir));
        assertArrayEquals(a.get("updater/model:main/predictor/l2/W").toFloats(), Host.toArray(model.namedParams().get("l2/W").data()));
        Network wrong = Network.mlp(new io.digitstudio.data.Rng(9), 784, 20, 10);
        assertThrows(FormatException.class, () -> s.restoreModel(wrong));
    }

    @Test
    void anotherOptimizersStateIsRefusedNamingBoth() throws IOException {
        ChainerSnapshot s = snapshot();
        Network model = s.model().model();
        String adam = assertThrows(FormatException.class, () -> s.restoreOptimizer(new Adam().setup(model))).getMessage();
        assertEquals("snapshot_iter_7: its optimizer kept v per parameter, but adam keeps m and v; continue it with the optimizer it was trained with", adam);
        String sgd = assertThrows(FormatException.class, () -> s.restoreOptimizer(new Sgd(0.01).setup(model))).getMessage();
        assertTrue(sgd.contains("but sgd keeps no state"), sgd);
    }

    @Test
    void damagedStateGetsOneLineThatNamesTheKey() throws IOException {
        Map<String, NpyArray> a = new LinkedHashMap<>(Npz.read(Fixtures.chainer("snapshot_iter_7", dir)));
        a.put("updater/optimizer:main/predictor/l2/W/v", NpyArray.ofFloats(new float[16], 16));
        ChainerSnapshot s = ChainerSnapshot.of(a, "bad");
        MomentumSgd optimizer = new MomentumSgd();
        optimizer.setup(s.model().model());
        String m = assertThrows(FormatException.class, () -> s.restoreOptimizer(optimizer)).getMessage();
        assertEquals("bad: updater/optimizer:main/predictor/l2/W/v has shape (16,) but l2/W has shape (16, 16)", m);

        Map<String, NpyArray> model = new LinkedHashMap<>();
        a.forEach((k, v) -> {
            if (!k.startsWith("updater/")) model.put(k, v);
        });
        m = assertThrows(FormatException.class, () -> ChainerSnapshot.of(model, "plain.npz")).getMessage();
        assertEquals("plain.npz: not a trainer snapshot (no updater/model:main/ entries)", m);
    }
}
