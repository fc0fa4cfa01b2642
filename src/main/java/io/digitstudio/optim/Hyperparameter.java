package io.digitstudio.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chainer's {@code Hyperparameter}: named values with a parent. An update rule's hyper-parameters read through to the
 * optimizer's unless the rule sets its own, so {@code optimizer.set("lr", 0.005)} reaches every parameter at the next
 * update. Values are read when an update runs, never copied at setup.
 */
public final class Hyperparameter {
    private final Hyperparameter parent;
    private final Map<String, Double> own = new LinkedHashMap<>();

    public Hyperparameter(Hyperparameter parent) {
        this.parent = parent;
    }

    public double get(String name) {
        Double v = own.get(name);
        if (v != null) return v;
        if (parent != null) return parent.get(name);
        throw new IllegalArgumentException("no hyper-parameter '" + name + "'");
    }

    public boolean has(String name) {
        return own.containsKey(name) || parent != null && parent.has(name);
    }

    public void set(String name, double value) {
        own.put(name, value);
    }

    /** Every value this one can see, the parent's first, by name. */
    public Map<String, Double> values() {
        Map<String, Double> all = new LinkedHashMap<>();
        if (parent != null) all.putAll(parent.values());
        all.putAll(own);
        return Collections.unmodifiableMap(all);
    }

    public Hyperparameter parent() {
        return parent;
    }
}
