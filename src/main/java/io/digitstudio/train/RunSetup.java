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
}
