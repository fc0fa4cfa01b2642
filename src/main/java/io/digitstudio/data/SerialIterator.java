package io.digitstudio.data;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * Chainer's {@code SerialIterator} over example indices: each {@link #next()} gives the indices of one batch.
 *
 * <p>With {@code repeat} the iterator never ends and an epoch's last short batch is filled from the start of the next
 * epoch's order (re-shuffled first when shuffling). Without it the last batch is short and afterwards
 * {@link #hasNext()} is false. State is position, epoch, isNewEpoch and the order; {@link #epochDetail()} is derived.
 */
public final class SerialIterator {
    private final int size;
    private final int batchSize;
    private final boolean repeat;
    private final boolean shuffle;
    private final Rng rng;

    private int currentPosition;
    private int epoch;
    private boolean isNewEpoch;
    private double previousEpochDetail;
    private int[] order; // null when not shuffling

    public SerialIterator(int datasetSize, int batchSize, boolean repeat, boolean shuffle, long seed) {
        if (datasetSize <= 0) throw new IllegalArgumentException("dataset is empty");
        if (batchSize <= 0) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        this.size = datasetSize;
        this.batchSize = batchSize;
        this.repeat = repeat;
        this.shuffle = shuffle;
        this.rng = new Rng(seed);
        reset();
    }

    /** Chainer's defaults: repeat and shuffle. */
    public SerialIterator(int datasetSize, int batchSize, long seed) {
        this(datasetSize, batchSize, true, true, seed);
    }

    public boolean hasNext() {
        return repeat || epoch == 0;
    }

    /**
     * The next batch's indices, as Chainer's iterator state machine gives them: when the batch reaches the end of the
     * epoch the order is drawn anew and, with repeat, the batch goes on from the start of the next epoch, as many epochs
     * as it takes: {@code SerialIterator(range(5), 12)} gives 12 indices at once and is then at epoch 2.
     */
    public int[] next() {
        if (!hasNext()) throw new NoSuchElementException("the iterator has gone through its one epoch (repeat=false)");
        previousEpochDetail = epochDetail();
        int i = currentPosition;
        long iEnd = (long) i + batchSize;
        int[] batch = new int[repeat ? batchSize : (int) Math.min(batchSize, size - i)];
        int filled = 0;
        boolean newEpoch = false;
        while (iEnd >= size) {
            filled = append(batch, filled, i, size);
            if (shuffle) order = rng.permutation(size);
            epoch++;
            newEpoch = true;
            i = 0;
            if (repeat) {
                iEnd -= size;
            } else {
                iEnd = 0;
                break;
            }
        }
        filled = append(batch, filled, i, (int) iEnd);
        currentPosition = (int) iEnd;
        isNewEpoch = newEpoch;
        return filled == batch.length ? batch : Arrays.copyOf(batch, filled);
    }

    private int append(int[] batch, int filled, int from, int to) {
        for (int k = from; k < to; k++) batch[filled++] = order == null ? k : order[k];
        return filled;
    }

    /**
     * The indices the next {@link #next()} will return, when that is already decided: null if the next batch reaches
     * the end of the epoch (with shuffling its tail comes from an order not drawn yet) or the iterator is exhausted.
     * Does not change the iterator.
     */
    public int[] peekNext() {
        if (!hasNext()) return null;
        int iEnd = currentPosition + batchSize;
        if (iEnd >= size) return null;
        return slice(currentPosition, iEnd);
    }

    private int[] slice(int from, int to) {
        if (order == null) {
            int[] b = new int[to - from];
            for (int k = 0; k < b.length; k++) b[k] = from + k;
            return b;
        }
        return Arrays.copyOfRange(order, from, to);
    }

    public int epoch() {
        return epoch;
    }

    public boolean isNewEpoch() {
        return isNewEpoch;
    }

    public int currentPosition() {
        return currentPosition;
    }

    public int batchSize() {
        return batchSize;
    }

    public int datasetSize() {
        return size;
    }

    public boolean repeat() {
        return repeat;
    }

    public boolean shuffle() {
        return shuffle;
    }

    public double epochDetail() {
        return epoch + (double) currentPosition / size;
    }

    /** The epochDetail before the last {@link #next()}, or NaN before the first (Chainer returns None). */
    public double previousEpochDetail() {
        return previousEpochDetail < 0 ? Double.NaN : previousEpochDetail;
    }

    /** Batches in one epoch, counting the last short (or filled) one. */
    public int batchesPerEpoch() {
        return (size + batchSize - 1) / batchSize;
    }

    /**
     * Iterations from the start until {@link #epoch()} reaches {@code epochs}: with repeat an epoch's last batch is
     * filled from the next epoch, so 10 epochs of 60000 in batches of 128 take ceil(600000 / 128) = 4688, not 10 x 469.
     */
    public long iterationsUntilEpoch(int epochs) {
        if (!repeat) return batchesPerEpoch();
        return ((long) epochs * size + batchSize - 1) / batchSize;
    }

    public void reset() {
        currentPosition = 0;
        epoch = 0;
        isNewEpoch = false;
        previousEpochDetail = -1;
        order = shuffle ? rng.permutation(size) : null;
    }

    /** The whole state, for snapshots: restoring it continues exactly where this iterator stood. */
    public State state() {
        return new State(currentPosition, epoch, isNewEpoch, previousEpochDetail, order == null ? null : order.clone(), rng.state());
    }

    public void restore(State s) {
        if (shuffle != (s.order() != null)) throw new IllegalArgumentException("snapshot was taken with shuffle=" + (s.order() != null));
        if (s.order() != null && s.order().length != size) {
            throw new IllegalArgumentException("snapshot order has " + s.order().length + " entries, dataset has " + size);
        }
        if (s.order() != null) {
            boolean[] seen = new boolean[size];
            for (int v : s.order()) {
                if (v < 0 || v >= size || seen[v]) throw new IllegalArgumentException("snapshot order is not a permutation");
                seen[v] = true;
            }
        }
        if (s.currentPosition() < 0 || s.currentPosition() >= size || s.epoch() < 0) {
            throw new IllegalArgumentException("snapshot position " + s.currentPosition() + " / epoch " + s.epoch() + " out of range");
        }
        currentPosition = s.currentPosition();
        epoch = s.epoch();
        isNewEpoch = s.isNewEpoch();
        previousEpochDetail = s.previousEpochDetail();
        order = s.order() == null ? null : s.order().clone();
        rng.setState(s.rngState());
    }

    /**
     * Chainer's {@code SerialIterator.serialize}: the position, epoch, {@code is_new_epoch}, previous epoch detail, the
     * order of this epoch and the random state; reading restores them (an inconsistent state is refused).
     */
    public void serialize(io.digitstudio.serial.Serializer s) {
        State st = state();
        State read = new State((int) s.value("current_position", (long) st.currentPosition()), (int) s.value("epoch", (long) st.epoch()),
                s.value("is_new_epoch", st.isNewEpoch()), s.value("previous_epoch_detail", st.previousEpochDetail()),
                s.ints("order", st.order()), s.value("rng_state", st.rngState()));
        if (s.isReader()) restore(read);
    }

    /** A snapshot of the iterator's state (Chainer serializes the same fields). */
    public record State(int currentPosition, int epoch, boolean isNewEpoch, double previousEpochDetail, int[] order, long rngState) {
    }
}
