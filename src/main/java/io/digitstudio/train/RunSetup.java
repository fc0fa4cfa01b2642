package io.digitstudio.train;

/**
 * Where a run reads and writes, beyond its hyper-parameters: the run it is (its id in the run history, or a fresh id when
 * it is not recorded), the data folder (empty for the bundled MNIST), the model file it saves at the end, and its
 * snapshot schedule. Snapshots carry it, so a resumed run goes on as it was set up and a snapshot names the run it
 * belongs to. Empty strings and 0 mean "none".
 */
public record RunSetup(String runId, String dataDir, String out, String snapshotDir, int snapshotEvery, int keep) {
    public static final RunSetup NONE = new RunSetup("", "", "", "", 0, 0);

    public RunSetup {
        runId = runId == null ? "" : runId;
        dataDir = dataDir == null ? "" : dataDir;
        out = out == null ? "" : out;
        snapshotDir = snapshotDir == null ? "" : snapshotDir;
    }

    /** Where the run reads and writes, as a snapshot's settings keep it (the id is kept on its own, for quick reads). */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("data", dataDir);
        m.put("out", out);
        m.put("snapshot_dir", snapshotDir);
        m.put("snapshot_every", snapshotEvery);
        m.put("keep", keep);
        return m;
    }

    public static RunSetup fromJson(String runId, io.digitstudio.io.JsonFields f) {
        return new RunSetup(runId, f.string("data"), f.string("out"), f.string("snapshot_dir"), f.integer("snapshot_every"), f.integer("keep"));
    }
}
