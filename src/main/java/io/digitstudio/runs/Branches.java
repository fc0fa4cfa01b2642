package io.digitstudio.runs;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The branches of a run, and what deleting it leaves them. A branch needs nothing of its parent's folder once it has
 * started: it began from a snapshot whose state goes on in its own folder (its log begins with its parent's epochs up
 * to the branch point, its snapshots and models are its own), so with its parent gone a branch is still shown, drawn
 * and branched from. What it loses is where it came from: its record names a run that is no longer there.
 */
public final class Branches {
    private Branches() {
    }

    /** The runs of {@code history} branched from run {@code parent}, in the order of their branch points, then of their start. */
    public static List<RunSummary> of(Collection<RunSummary> history, String parent) {
        return history.stream()
                .filter(b -> b.settings() != null && b.settings().isBranch() && b.settings().branchedFrom().run().equals(parent))
                .sorted(Comparator.<RunSummary>comparingLong(b -> b.settings().branchedFrom().iteration()).thenComparing(RunSummary::created))
                .toList();
    }

    /** Whether {@code run} is a branch whose parent is none of {@code history}'s runs (it was deleted). */
    public static boolean parentGone(RunSummary run, Collection<RunSummary> history) {
        if (run.settings() == null || !run.settings().isBranch()) return false;
        String parent = run.settings().branchedFrom().run();
        return history.stream().noneMatch(r -> r.id().equals(parent));
    }

    /**
     * The run {@code run} was branched from, by its id, followed by "(deleted)" when it is none of {@code history}'s
     * runs: "1a2b3c4d", "1a2b3c4d (deleted)". Empty for a run that is no branch.
     */
    public static String parentOf(RunSummary run, Collection<RunSummary> history) {
        if (run.settings() == null || !run.settings().isBranch()) return "";
        return run.settings().branchedFrom().run() + (parentGone(run, history) ? " (deleted)" : "");
    }

    /**
     * The settings a run's details and a comparison line up ({@link RunSummary#comparable()}), where a branch's
     * {@code branched_from} says its parent is deleted when it is none of {@code history}'s runs: "1a2b3c4d (deleted) at
     * epoch 1 (iteration 4)".
     */
    public static Map<String, String> comparable(RunSummary run, Collection<RunSummary> history) {
        Map<String, String> m = run.comparable();
        if (!parentGone(run, history)) return m;
        Map<String, String> said = new LinkedHashMap<>(m);
        said.put(RunSettings.BRANCHED_FROM, parentOf(run, history) + " at " + run.settings().branchedFrom().point());
        return said;
    }

    /**
     * What deleting their parent leaves {@code branches}, as the question before it says: "Its branch be9779d7 keeps its
     * own files (…), but will show its parent as deleted." Empty when there are none.
     */
    public static String keptOnDelete(List<RunSummary> branches) {
        if (branches.isEmpty()) return "";
        if (branches.size() == 1) {
            return "Its branch " + branches.get(0).id() + " keeps its own files (its log and models, the epochs before it branched included),"
                    + " but will show its parent as deleted.";
        }
        return "Its " + branches.size() + " branches, " + ids(branches) + ", keep their own files (their logs and models, the epochs before"
                + " they branched included), but will show their parent as deleted.";
    }

    /** The same, in a few words, for what is said once the run is deleted: "its branch be9779d7 keeps its own files". */
    public static String keptBriefly(List<RunSummary> branches) {
        if (branches.isEmpty()) return "";
        return branches.size() == 1 ? "its branch " + branches.get(0).id() + " keeps its own files"
                : "its branches " + ids(branches) + " keep their own files";
    }

    /** "a, b and c". */
    private static String ids(List<RunSummary> runs) {
        List<String> ids = runs.stream().map(RunSummary::id).toList();
        return ids.size() == 1 ? ids.get(0) : String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.get(ids.size() - 1);
    }
}
