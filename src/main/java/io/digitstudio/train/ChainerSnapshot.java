package io.digitstudio.train;

import io.digitstudio.data.SerialIterator;
import io.digitstudio.io.FormatException;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.NpyArray;
import io.digitstudio.io.NpzDeserializer;
import io.digitstudio.io.Npz;
import io.digitstudio.nn.Link;
import io.digitstudio.nn.Parameter;
import io.digitstudio.optim.Optimizer;
import io.digitstudio.optim.UpdateRule;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * A trainer snapshot as Chainer writes it ({@code extensions.snapshot()}, i.e. {@code serializers.save_npz(file,
 * trainer)}), read for what carries over to DigitStudio's engine: the model ({@code updater/model:main/predictor/l1/W},
 * ...; {@code predictor/} when the network is wrapped in {@code L.Classifier}), the optimizer's counters
 * ({@code updater/optimizer:main/t}, {@code epoch}) and each parameter's update-rule state and count
 * ({@code updater/optimizer:main/predictor/l1/W/v}, {@code .../t}), the iterator ({@code updater/iterator:main/order},
 * {@code current_position}, {@code epoch}, {@code is_new_epoch}, {@code previous_epoch_detail}) and
 * {@code updater/iteration}. Chainer keeps no hyper-parameters and no random state in a snapshot: the learning rate and
 * momentum come from the settings of the run that continues it, as in Chainer, where the script builds the optimizer.
 * The extensions' entries ({@code extensions/LogReport/...}) are left alone.
 */
public final class ChainerSnapshot {
    static final String OPTIMIZER = "updater/optimizer:main/";
    static final String ITERATOR = "updater/iterator:main/";
    static final String ITERATION = "updater/iteration";

    private final Map<String, NpyArray> arrays;
    private final String name;
    private final String modelPrefix;
    private final String statePrefix;

    private ChainerSnapshot(Map<String, NpyArray> arrays, String name) {
        this.arrays = arrays;
        this.name = name;
        String prefix = ModelFiles.snapshotModelPrefix(arrays, name);
        if (prefix == null) throw new FormatException(name + ": not a trainer snapshot (no " + ModelFiles.SNAPSHOT_MODEL_PREFIX + " entries)");
        this.modelPrefix = prefix;
        this.statePrefix = OPTIMIZER + prefix.substring(ModelFiles.SNAPSHOT_MODEL_PREFIX.length());
    }

    public static ChainerSnapshot read(Path file) {
        return of(Npz.read(file), String.valueOf(file.getFileName()));
    }

    public static ChainerSnapshot of(Map<String, NpyArray> arrays, String name) {
        return new ChainerSnapshot(arrays, name);
    }

    /** The network the snapshot holds, with its weights. */
    public ModelFiles.LoadedModel model() {
        return ModelFiles.fromArrays(arrays, name);
    }

    /** Chainer's {@code load_npz} of the snapshot's model into an existing one, which must have the same keys and shapes. */
    public void restoreModel(Link model) {
        Map<String, NpyArray> own = new LinkedHashMap<>();
        arrays.forEach((k, v) -> {
            if (k.startsWith(modelPrefix)) own.put(k.substring(modelPrefix.length()), v);
        });
        ModelFiles.loadInto(own, model, name);
    }

    /** The updates the trainer had made ({@code updater/iteration}). */
    public long iteration() {
        return longAt(ITERATION);
    }

    /** The optimizer's update count ({@code updater/optimizer:main/t}). */
    public long optimizerT() {
        return longAt(OPTIMIZER + "t");
    }

    /** The epochs the optimizer had seen end ({@code updater/optimizer:main/epoch}). */
    public long optimizerEpoch() {
        return longAt(OPTIMIZER + "epoch");
    }

    /**
     * The names of the per-parameter state the snapshot's update rules kept: {@code v} for MomentumSGD, {@code m} and
     * {@code v} for Adam, {@code h} for AdaGrad, {@code ms} for RMSprop, none for SGD.
     */
    public java.util.SortedSet<String> stateNames() {
        TreeSet<String> names = new TreeSet<>();
        for (String key : arrays.keySet()) {
            if (!key.startsWith(statePrefix)) continue;
            String rest = key.substring(statePrefix.length());
            int slash = rest.lastIndexOf('/');
            if (slash > 0 && arrays.containsKey(modelPrefix + rest.substring(0, slash)) && !rest.endsWith("/t")) names.add(rest.substring(slash + 1));
        }
        return names;
    }

    /**
     * Puts the snapshot's optimizer state into {@code optimizer}, set up on the snapshot's model: each update rule's
     * state arrays and update count, and the optimizer's count, so that its next update continues Chainer's. An
     * optimizer that keeps other state than the snapshot's is refused, naming both.
     */
    public void restoreOptimizer(Optimizer optimizer) {
        if (optimizer.rules().isEmpty()) throw new IllegalArgumentException("set the optimizer up on the model first");
        java.util.Set<String> wanted = new TreeSet<>();
        optimizer.rules().values().forEach(r -> wanted.addAll(r.state().keySet()));
        java.util.SortedSet<String> held = stateNames();
        if (!held.equals(wanted)) {
            throw new FormatException(name + ": its optimizer kept " + describe(held) + " per parameter, but " + optimizer.name()
                    + " keeps " + describe(wanted) + "; continue it with the optimizer it was trained with");
        }
        for (Map.Entry<String, UpdateRule> e : optimizer.rules().entrySet()) {
            String key = statePrefix + e.getKey() + "/";
            Parameter p = optimizer.target().namedParams().get(e.getKey());
            for (String s : e.getValue().state().keySet()) {
                NpyArray a = arrays.get(key + s);
                if (a == null) throw new FormatException(name + ": missing key '" + key + s + "'");
                if (!Arrays.equals(a.shape(), p.shape())) {
                    throw new FormatException(name + ": " + key + s + " has shape " + a.shapeString() + " but " + e.getKey() + " has shape " + shapeString(p.shape()));
                }
                if (!a.dtype().isFloat()) throw new FormatException(name + ": " + key + s + " has dtype " + a.dtype().descr() + ", expected float32 (<f4)");
            }
            // the rule reads itself, as from DigitStudio's own snapshots, from where Chainer put this parameter's state
            try {
                e.getValue().serialize(new NpzDeserializer(arrays, key, name));
            } catch (IllegalArgumentException ex) {
                throw new FormatException(name + ": " + ex.getMessage());
            }
        }
        optimizer.setT(optimizerT());
    }

    /**
     * The iterator's position in the snapshot as DigitStudio's {@link SerialIterator} keeps it. Chainer's iterator
     * shuffles with NumPy's global random state, which the snapshot does not hold: {@code rngState} seeds the orders of
     * the epochs to come.
     */
    public SerialIterator.State iteratorState(long rngState) {
        NpyArray order = arrays.get(ITERATOR + "order");
        long position = longAt(ITERATOR + "current_position");
        long epoch = longAt(ITERATOR + "epoch");
        if (position < 0 || position > Integer.MAX_VALUE || epoch < 0 || epoch > Integer.MAX_VALUE) {
            throw new FormatException(name + ": iterator position " + position + " / epoch " + epoch + " out of range");
        }
        NpyArray detail = require(ITERATOR + "previous_epoch_detail");
        return new SerialIterator.State((int) position, (int) epoch, longAt(ITERATOR + "is_new_epoch") != 0, detail.toDoubles()[0],
                order == null ? null : order.toInts(), rngState);
    }

    /** Puts the iterator where Chainer's was: this epoch's order and the position in it; it keeps its own random state. */
    public void restoreIterator(SerialIterator iterator) {
        try {
            iterator.restore(iteratorState(iterator.state().rngState()));
        } catch (IllegalArgumentException ex) {
            throw new FormatException(name + ": " + ex.getMessage());
        }
    }

    private static String shapeString(long[] shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sb.append(i == 0 ? "" : ", ").append(shape[i]);
        return sb.append(shape.length == 1 ? ",)" : ")").toString();
    }

    private static String describe(java.util.Set<String> names) {
        return names.isEmpty() ? "no state" : String.join(" and ", names);
    }

    private NpyArray require(String key) {
        NpyArray a = arrays.get(key);
        if (a == null) throw new FormatException(name + ": missing key '" + key + "'");
        if (a.count() != 1) throw new FormatException(name + ": '" + key + "' should hold one value, has shape " + a.shapeString());
        return a;
    }

    private long longAt(String key) {
        NpyArray a = require(key);
        return a.dtype().isFloat() ? (long) a.toDoubles()[0] : a.toLongs()[0];
    }
}
