package io.digitstudio.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * A network and copies of it that share its weights, one per core, each with a workspace of its own: what
 * data-parallel work needs (each core runs its part of the examples through its copy; the weights are the same
 * arrays, so an optimizer update through the network is seen by every copy). Copy 0 is the network itself. Copies are
 * made when first asked for.
 */
public final class Replicas {
    private final Network main;
    private final List<Network> nets = new ArrayList<>();
    private final List<Workspace> spaces = new ArrayList<>();

    public Replicas(Network main) {
        if (!main.dataParallel()) throw new IllegalArgumentException("a network with batch normalization or dropout trains on one core");
        this.main = main;
        nets.add(main);
        spaces.add(new Workspace());
    }

    /** How many parts {@code n} examples split into: one per core in use, each at least {@code minPart} examples. */
    public static int parts(int n, int minPart) {
        return Math.max(1, Math.min(Cores.count(), n / Math.max(1, minPart)));
    }

    public Network main() {
        return main;
    }

    /** Copy {@code i} (0: the network itself). Call from one thread before handing copies to parallel parts. */
    public synchronized Network get(int i) {
        while (nets.size() <= i) {
            nets.add(main.replica());
            spaces.add(new Workspace());
        }
        return nets.get(i);
    }

    /** The workspace of copy {@code i}. */
    public synchronized Workspace workspace(int i) {
        get(i);
        return spaces.get(i);
    }

    /** Native arrays the workspaces have allocated (stops growing once every copy is warm). */
    public synchronized long allocations() {
        long n = 0;
        for (Workspace w : spaces) n += w.allocations();
        return n;
    }
}
