package io.digitstudio.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A building block that owns parameters (Chainer's {@code Link}). */
public abstract class Link {
    private final Map<String, Parameter> params = new LinkedHashMap<>();
    private final Map<String, Persistent> persistents = new LinkedHashMap<>();

    protected final Parameter addParam(String name, Parameter p) {
        if (params.containsKey(name)) throw new IllegalArgumentException("duplicate parameter " + name);
        params.put(name, p);
        return p;
    }

    /** Registers a value that is saved with the model but not trained (Chainer's {@code add_persistent}). */
    protected final Persistent addPersistent(String name, Persistent p) {
        if (persistents.containsKey(name) || params.containsKey(name)) throw new IllegalArgumentException("duplicate name " + name);
        persistents.put(name, p);
        return p;
    }

    /** Every persistent value below this link keyed by its path ({@code bn1/avg_mean}), as Chainer serializes them. */
    public Map<String, Persistent> namedPersistents() {
        Map<String, Persistent> out = new LinkedHashMap<>();
        collectPersistents("", out);
        return out;
    }

    void collectPersistents(String prefix, Map<String, Persistent> out) {
        persistents.forEach((name, p) -> out.put(prefix + name, p));
    }

    /** Own parameters, by name, in registration order. */
    protected Map<String, Parameter> ownParams() {
        return Collections.unmodifiableMap(params);
    }

    /** Every parameter below this link keyed by its path, like Chainer's {@code namedparams()} without the leading '/'. */
    public Map<String, Parameter> namedParams() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out);
        return out;
    }

    void collect(String prefix, Map<String, Parameter> out) {
        params.forEach((name, p) -> out.put(prefix + name, p));
    }

    public List<Parameter> params() {
        return new ArrayList<>(namedParams().values());
    }

    /** Chainer's {@code cleargrads()}: every parameter's gradient to none. Walks the links (no list of names each step). */
    public void cleargrads() {
        for (Parameter p : params.values()) p.cleargrad();
    }

    /**
     * Chainer's {@code Link.serialize}: every parameter and persistent value below this link under its path
     * ({@code l1/W} as (out, in), {@code bn1/avg_mean}), written as they are or read back into place.
     */
    public void serialize(io.digitstudio.serial.Serializer s) {
        for (Map.Entry<String, Parameter> e : namedParams().entrySet()) {
            Parameter p = e.getValue();
            if (!p.isInitialized()) throw new IllegalStateException(e.getKey() + " is not initialised; nothing to save");
            float[] v = s.floats(e.getKey(), s.isReader() ? new float[p.size()] : Host.toArray(p.data()), p.shape());
            if (s.isReader()) p.copyFrom(v);
        }
        for (Map.Entry<String, Persistent> e : namedPersistents().entrySet()) {
            Persistent p = e.getValue();
            if (p.isScalar()) {
                p.setScalar(s.value(e.getKey(), p.scalar()));
            } else {
                float[] v = s.floats(e.getKey(), s.isReader() ? new float[p.values().length] : p.values(), new long[]{p.values().length});
                if (s.isReader()) p.copyFrom(v);
            }
        }
    }

    /** Total number of parameter values (initialised parameters only). */
    public long countParams() {
        long n = 0;
        for (Parameter p : params()) n += p.size();
        return n;
    }
}
