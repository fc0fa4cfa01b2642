package io.digitstudio.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A link made of named child links (Chainer's {@code Chain}); parameter paths are {@code child/param}. */
public abstract class Chain extends Link {
    private final Map<String, Link> children = new LinkedHashMap<>();

    protected final <L extends Link> L addLink(String name, L link) {
        if (children.containsKey(name)) throw new IllegalArgumentException("duplicate child " + name);
        children.put(name, link);
        return link;
    }

    public Map<String, Link> children() {
        return Collections.unmodifiableMap(children);
    }

    @Override
    void collectPersistents(String prefix, Map<String, Persistent> out) {
        super.collectPersistents(prefix, out);
        children.forEach((name, child) -> child.collectPersistents(prefix + name + "/", out));
    }

    @Override
    public void cleargrads() {
        super.cleargrads();
        for (Link child : children.values()) child.cleargrads();
    }

    @Override
    void collect(String prefix, Map<String, Parameter> out) {
        super.collect(prefix, out);
        children.forEach((name, child) -> child.collect(prefix + name + "/", out));
    }
}
