package io.digitstudio.optim;

import io.digitstudio.nn.Cores;
import io.digitstudio.nn.Link;
import io.digitstudio.nn.Parameter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Chainer's {@code Optimizer}: {@code setup(model)} once, then {@code update()} after each backward pass. */
public abstract class Optimizer {
    private final Map<String, UpdateRule> rules = new LinkedHashMap<>();
    /** The optimizer's hyper-parameters; every update rule's read through to these (Chainer's {@code hyperparam}). */
    protected final Hyperparameter hyperparam = new Hyperparameter(null);
    private Link target;
    private long t;

    public Optimizer setup(Link link) {
        rules.clear();
        for (Map.Entry<String, Parameter> e : link.namedParams().entrySet()) {
            if (!e.getValue().isInitialized()) {
                throw new IllegalStateException(e.getKey() + " is not initialised yet: give Linear its input size or run one forward pass first");
            }
            rules.put(e.getKey(), createUpdateRule(e.getValue()));
        }
        this.target = link;
        this.t = 0;
        return this;
    }

    protected abstract UpdateRule createUpdateRule(Parameter p);

    /**
     * Applies one step to every parameter that has a gradient. All new values are computed first and written only if
     * every one is finite; otherwise nothing is written and {@link DivergedException} says which parameter blew up.
     */
    public void update() {
        update(null);
    }

    /**
     * Fills a range of a parameter's gradient just before the update reads it: a data-parallel step combines its
     * parts' gradients this way, on the same cores and in the same pass as the update. It writes elements {@code from}
     * to {@code to} into {@code into} (at the same indices), which the update then uses as they are, and leaves them in
     * the parameter's own gradient too. {@code part} numbers the core's share (0 up to the parts of this update), for
     * scratch space.
     */
    @FunctionalInterface
    public interface GradientRange {
        void fill(Parameter p, int from, int to, int part, float[] into);
    }

    /**
     * {@link #update()}, with each parameter's gradient range filled by {@code gradients} (if not null) right before
     * it is used. The cores share out every parameter's elements (each element's new value is the same bits whoever
     * computes it); if any new value is not finite, every parameter gets its old values back.
     */
    public void update(GradientRange gradients) {
        if (target == null) throw new IllegalStateException("call setup(model) before update()");
        t++;
        long total = 0;
        for (UpdateRule r : rules.values()) if (r.begin()) total += r.size();
        int parts = (int) Math.max(1, Math.min(Cores.count(), total / MIN_PART));
        boolean[] fine = this.fine.length >= parts ? this.fine : (this.fine = new boolean[parts]);
        Cores.parallel(parts, c -> {
            boolean ok = true;
            for (UpdateRule r : rules.values()) {
                int n = r.size();
                int from = (int) ((long) c * n / parts), to = (int) ((long) (c + 1) * n / parts);
                ok &= r.apply(from, to, gradients, c);
            }
            fine[c] = ok;
        });
        boolean allFine = true;
        for (int c = 0; c < parts; c++) allFine &= fine[c];
        if (!allFine) {
            String bad = null;
            for (Map.Entry<String, UpdateRule> e : rules.entrySet()) {
                if (bad == null && !e.getValue().finite()) bad = e.getKey();
                e.getValue().restore(0, e.getValue().size());
            }
            rules.values().forEach(UpdateRule::end);
            throw new DivergedException(bad);
        }
        rules.values().forEach(UpdateRule::end);
    }

    /** Fewer elements than this per core are updated faster by one core than shared out. */
    static final int MIN_PART = 16_384;
    private boolean[] fine = new boolean[1];

    public Link target() {
        return target;
    }

    /** Number of {@link #update()} calls since setup. */
    public long t() {
        return t;
    }

    public void setT(long t) {
        this.t = t;
    }

    /**
     * Chainer's {@code Optimizer.serialize}: the update count, the hyper-parameters in force (a schedule or a live change
     * may have moved them from the settings) and each parameter's update rule under the parameter's name.
     */
    public void serialize(io.digitstudio.serial.Serializer s) {
        t = s.value("t", t);
        io.digitstudio.serial.Serializer h = s.child("hyperparam");
        for (String name : java.util.List.copyOf(hyperparams().keySet())) {
            if (!h.contains(name)) continue; // state from before the values in force were kept
            double v = h.value(name, get(name));
            if (h.isReader()) set(name, v);
        }
        for (Map.Entry<String, UpdateRule> e : rules.entrySet()) e.getValue().serialize(s.child(e.getKey()));
    }

    public Map<String, UpdateRule> rules() {
        return Collections.unmodifiableMap(rules);
    }

    /** What this optimizer is: its name, label, help and hyper-parameters (the class's {@code TYPE}). */
    public abstract OptimizerType type();

    /** Short name used by the CLI and in reports, e.g. "momentum-sgd". */
    public String name() {
        return type().name();
    }

    /** The current hyper-parameters by Chainer's names, for reports, snapshots and the UI. */
    public Map<String, Double> hyperparams() {
        return hyperparam.values();
    }

    /** One hyper-parameter's current value, e.g. {@code get("lr")} (Chainer's {@code optimizer.lr}). */
    public double get(String name) {
        return hyperparam.get(name);
    }

    /**
     * Changes a hyper-parameter (Chainer's {@code optimizer.lr = x}): the next {@link #update()} uses it for every
     * parameter. Call between iterations; a value that is not finite and positive (zero is fine for a momentum) is
     * refused (a learning rate of exactly 0 is allowed: a warm-up starts there).
     */
    public void set(String name, double value) {
        if (!hyperparam.has(name)) throw new IllegalArgumentException(name() + " has no hyper-parameter '" + name + "'");
        // a schedule may take a learning rate to 0 (a warm-up starts there); anything else is checked as a setting is
        if (!(value == 0 && name.equals(lrName()))) Optimizers.check(name(), name, value);
        hyperparam.set(name, value);
    }

    /** The learning rate's name for this optimizer ("lr", or Adam's "alpha"). */
    public String lrName() {
        return type().learningRate().key();
    }
}
