package io.digitstudio.optim;

import io.digitstudio.nn.Host;
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
    private boolean pending;

    public void update() {
        if (prepare()) commit();
    }

    /**
     * Computes this parameter's new values without writing them yet (Chainer skips parameters that got no gradient).
     * Returns false if any new value is not finite: the optimizer then writes none of them, so the model keeps the
     * weights it had before the update that blew up.
     */
    boolean prepare() {
        pending = false;
        if (param.grad() == null) return true;
        t++;
        int n = param.size();
        if (next.length != n) next = new float[n];
        Host.read(param.data(), next);
        float[] g = Host.read(param.grad(), 1);
        updateCore(next, g, n);
        pending = true;
        int bad = 0;
        for (int i = 0; i < n; i++) bad |= ((Float.floatToRawIntBits(next[i]) >>> 23 & 0xff) + 1) >>> 8; // 1 iff exponent is all ones
        return bad == 0;
    }

    void commit() {
        if (pending) Host.write(next, param.data());
        pending = false;
    }

    /** Updates {@code w[0..n)} in place from {@code g}. */
    protected abstract void updateCore(float[] w, float[] g, int n);

    /** The per-parameter state arrays by Chainer's names ("v", "m", ...); empty for plain SGD. */
    public Map<String, float[]> state() {
        return new LinkedHashMap<>();
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
