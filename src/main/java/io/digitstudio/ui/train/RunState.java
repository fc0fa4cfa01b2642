package io.digitstudio.ui.train;

/** Where a training run in the Train view is. IDLE before the first run, FINISHED after any run (completed or not). */
public enum RunState {
    IDLE, PREPARING, RUNNING, PAUSED, STOPPING, FINISHED;

    /** A new run may start (and the settings may be edited). */
    public boolean canStart() {
        return this == IDLE || this == FINISHED;
    }

    /** A run is under way (Stop applies). */
    public boolean active() {
        return this == PREPARING || this == RUNNING || this == PAUSED;
    }
}
