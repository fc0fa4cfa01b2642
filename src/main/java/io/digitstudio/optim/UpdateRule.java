package io.digitstudio.optim;

import io.digitstudio.nn.NativeFloats;
import io.digitstudio.nn.Parameter;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Updates one parameter from its gradient and keeps that parameter's state (Chainer's {@code UpdateRule}). The values
 * are brought to the Java side once, updated in one fused loop, and written back: one pass instead of several native
 * calls per parameter.
 */
public abstract class UpdateRule {
    protected final Parameter param;
    /** This parameter's hyper-parameters: the optimizer's unless set here. */
    protected final Hyperparameter hyperparam;
    private long t;

    protected UpdateRule(Parameter param, Hyperparameter parent) {
        this.param = param;
        this.hyperparam = new Hyperparameter(parent);
    }

    /** Number of updates this rule has made (Chainer's {@code t}, used by Adam's bias correction). */
    public long t() {
        return t;
    }

    private float[] next = new float[0];
    private float[] grad = new float[0];
    private float[] old = new float[0];
    private boolean pending;

    public void update() {
        if (!begin()) return;
        if (!apply(0, param.size(), null, 0)) restore(0, param.size());
        pending = false;
    }

    /**
     * Starts an update: false (and nothing to do) when the parameter got no gradient, as Chainer skips it. The new
     * values are then computed and written range by range ({@link #apply}), so that the cores can share one
     * parameter's elements: each element's new value is the same whoever computes it.
     */
    boolean begin() {
        pending = false;
        if (param.grad() == null) return false;
        t++;
        int n = param.size();
        if (next.length != n) {
            next = new float[n];
            grad = new float[n];
            old = new float[n];
        }
        pending = true;
        return true;
    }

    /**
     * Updates elements {@code from} to {@code to} in place, keeping their old values: returns false if any new value is
     * not finite, and the optimizer then puts every old value back ({@link #restore}), so the model keeps the weights
     * it had before the update that blew up. The gradient comes from {@code gradients} when given (a data-parallel
     * step's combined gradient, handed over as Java floats), else from the parameter.
     */
    boolean apply(int from, int to, Optimizer.GradientRange gradients, int part) {
        if (!pending || to <= from) return true;
        int m = to - from;
        NativeFloats.read(param.data(), from, old, from, m);
        if (gradients != null) gradients.fill(param, from, to, part, grad);
        else NativeFloats.read(param.grad(), from, grad, from, m);
        System.arraycopy(old, from, next, from, m);
        updateCore(next, grad, from, to);
        NativeFloats.write(next, from, param.data(), from, m);
        // the largest magnitude is infinite or NaN iff some value is: a max reduction, which compiles to vector code
        float largest = 0f;
        for (int i = from; i < to; i++) largest = Math.max(largest, Math.abs(next[i]));
        return largest <= Float.MAX_VALUE;
    }

    /** Whether every value of the last update is finite (checked in order, to name the first parameter that is not). */
    boolean finite() {
        if (!pending) return true;
        for (int i = 0; i < param.size(); i++) if (!Float.isFinite(next[i])) return false;
        return true;
    }

    /** Puts back the values elements {@code from} to {@code to} had before this update, and this rule's count. */
    void restore(int from, int to) {
        if (pending && to > from) NativeFloats.write(old, from, param.data(), from, to - from);
    }

    void end() {
        pending = false;
    }

    int size() {
        return param.size();
    }

    Parameter param() {
        return param;
    }

    /** Updates elements {@code from} to {@code to} of {@code w} in place from {@code g} (and this rule's state). */
    protected abstract void updateCore(float[] w, float[] g, int from, int to);

    /** The per-parameter state arrays by Chainer's names ("v", "m", ...); empty for plain SGD. */
    public Map<String, float[]> state() {
        return new LinkedHashMap<>();
    }

    /** Chainer's {@code UpdateRule.serialize}: the update count {@code t} and the per-parameter state ({@code v}, {@code m}, …). */
    public void serialize(io.digitstudio.serial.Serializer s) {
        long count = s.value("t", t);
        Map<String, float[]> read = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> e : state().entrySet()) {
            float[] v = s.isReader() ? new float[e.getValue().length] : e.getValue();
            // state shaped as its parameter (l1/W/v as (out, in)) is stored with that shape, as Chainer stores it
            read.put(e.getKey(), v.length == param.size() ? s.floats(e.getKey(), v, param.shape()) : s.floats(e.getKey(), v));
        }
        if (s.isReader()) restore(read, count);
    }

    /** Restores state saved from {@link #state()} and the update count. */
    public void restore(Map<String, float[]> state, long t) {
        Map<String, float[]> mine = state();
        for (Map.Entry<String, float[]> e : mine.entrySet()) {
            float[] src = state.get(e.getKey());
            if (src == null) throw new IllegalArgumentException(param.name() + ": missing optimizer state '" + e.getKey() + "'");
            if (src.length != e.getValue().length) {
                throw new IllegalArgumentException(param.name() + "/" + e.getKey() + ": " + src.length + " values, expected " + e.getValue().length);
            }
            System.arraycopy(src, 0, e.getValue(), 0, src.length);
        }
        this.t = t;
    }
}
