package io.digitstudio.train;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Chainer's {@code Reporter}: the observations of the current iteration, by name. An observer (the model, under
 * {@code main}) reports values that are named after it ({@code main/loss}); a scope puts everything reported inside it
 * under a prefix, as Chainer's Evaluator does ({@code validation/main/accuracy}). Extensions read the observation, and
 * may report their own values ({@code lr}).
 */
public final class Reporter {
    private final Map<String, Double> observation = new LinkedHashMap<>();
    private final Map<String, Double> view = Collections.unmodifiableMap(observation);
    private final Map<Object, String> observers = new IdentityHashMap<>();
    /** Names already composed, by scope, observer and value name: reporting every iteration makes no new strings. */
    private final Map<String, Map<String, String>> keys = new HashMap<>();
    private String scope = "";

    /** Names an observer: what it reports goes under {@code name/}. */
    public void addObserver(String name, Object observer) {
        observers.put(observer, name);
    }

    /** Reports {@code value} under {@code name}, inside the current scope. */
    public void report(String name, double value) {
        observation.put(key(scope, name), value);
    }

    /** Reports {@code value} of a named observer: {@code main/loss} for the model's {@code loss}. */
    public void report(Object observer, String name, double value) {
        String who = observers.get(observer);
        if (who == null) throw new IllegalArgumentException("not an observer of this reporter: " + observer);
        observation.put(key(scope.isEmpty() ? who + "/" : scope + who + "/", name), value);
    }

    private String key(String prefix, String name) {
        if (prefix.isEmpty()) return name;
        return keys.computeIfAbsent(prefix, p -> new HashMap<>()).computeIfAbsent(name, n -> prefix + n);
    }

    /** Reports inside {@code name}: until the scope is closed, keys start with {@code name/}. */
    public Scope scope(String name) {
        String before = scope;
        scope = before + name + "/";
        return () -> scope = before;
    }

    /** A scope of the reporter; closing it returns to the one around it. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** The observation so far, read-only. */
    public Map<String, Double> observation() {
        return view;
    }

    /** The value reported under {@code key}, or null. */
    public Double get(String key) {
        return observation.get(key);
    }

    /** Starts a new iteration's observation. */
    void clear() {
        observation.clear();
    }
}
