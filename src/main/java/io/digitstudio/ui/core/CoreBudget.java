package io.digitstudio.ui.core;

import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine's cores, shared by what trains at once in the app: the Train view's run in this process, and a sweep's
 * runs, each a process of its own. Each takes its cores when it starts and gives them back when it ends. One that
 * would make the two together use more cores than the machine has is refused, with a sentence that names what holds
 * them, instead of starting and slowing both down. Used on the FX thread.
 */
public final class CoreBudget {
    private record Claim(int cores, String what, String until) {
    }

    private final int cores;
    private final Map<String, Claim> claims = new LinkedHashMap<>();
    private final ReadOnlyLongWrapper changes = new ReadOnlyLongWrapper();

    /** A budget of {@code cores} cores (at least 1). */
    public CoreBudget(int cores) {
        if (cores < 1) throw new IllegalArgumentException("cores must be at least 1, got " + cores);
        this.cores = cores;
    }

    /** The cores this machine has. */
    public static CoreBudget ofThisMachine() {
        return new CoreBudget(Runtime.getRuntime().availableProcessors());
    }

    public int cores() {
        return cores;
    }

    /**
     * Why {@code holder} cannot take {@code n} cores now, or null when it can: "{@code subject} needs 2 cores, and the
     * sweep (1 run at once) uses 1 of this machine's 2". Its own claim counts as free; alone, it may take what it asks
     * (how many threads one run may use is checked where it is set).
     */
    public String refusal(String holder, int n, String subject) {
        int others = 0;
        List<String> who = new ArrayList<>();
        for (Map.Entry<String, Claim> e : claims.entrySet()) {
            if (e.getKey().equals(holder)) continue;
            others += e.getValue().cores();
            who.add(e.getValue().what() + " uses " + e.getValue().cores());
        }
        if (others == 0 || others + n <= cores) return null;
        return subject + " needs " + n + (n == 1 ? " core" : " cores") + ", and " + String.join(" and ", who) + " of this machine's " + cores;
    }

    /**
     * When what holds the cores now, other than {@code holder}, gives them back and how to end it sooner, to follow a
     * {@link #refusal} and a verb ("Start " + this): "when the sweep ends, or stop it in Sweeps"; null when nothing
     * else holds any.
     */
    public String until(String holder) {
        List<String> when = new ArrayList<>();
        for (Map.Entry<String, Claim> e : claims.entrySet()) {
            if (!e.getKey().equals(holder)) when.add(e.getValue().until());
        }
        return when.isEmpty() ? null : String.join(" and ", when);
    }

    /**
     * Takes {@code n} cores for {@code holder}; false, taking none, when refused. Others' refusals name it by
     * {@code what} ("the sweep (1 run at once)") and say {@code until} it holds them and how to end it ("when the sweep
     * ends, or stop it in Sweeps").
     */
    public boolean take(String holder, int n, String what, String until) {
        if (refusal(holder, n, "") != null) return false;
        claims.put(holder, new Claim(n, what, until));
        changes.set(changes.get() + 1);
        return true;
    }

    /** Gives back what {@code holder} took (nothing when it took nothing). */
    public void give(String holder) {
        if (claims.remove(holder) != null) changes.set(changes.get() + 1);
    }

    /** The cores taken now. */
    public int used() {
        return claims.values().stream().mapToInt(Claim::cores).sum();
    }

    /** Counts the takes and gives, for what must say again whether it may start. */
    public ReadOnlyLongProperty changesProperty() {
        return changes.getReadOnlyProperty();
    }
}
