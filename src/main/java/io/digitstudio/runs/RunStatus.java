package io.digitstudio.runs;

import java.util.Locale;

/**
 * Where a run stands. A run whose status file still says running but whose process no longer holds its lock was
 * killed (SIGKILL, a power cut): it is {@link #INTERRUPTED}. A run that completed at chance level, or whose loss is not
 * finite, {@link #FAILED_TO_LEARN}: its model never replaces a good one by itself. A run that an exception or an error (running out of memory)
 * ended is {@link #FAILED}: its status says where and why, and it keeps no model. A folder whose settings cannot be read is {@link #DAMAGED}.
 * A run whose loop waits in a pause (the window's Pause) is {@link #PAUSED}: held by its process as a running one is.
 */
public enum RunStatus {
    RUNNING, PAUSED, FINISHED, FAILED_TO_LEARN, STOPPED, DIVERGED, FAILED, INTERRUPTED, DAMAGED;

    /** Whether a process holds the run now, training it or paused: it is neither deleted nor resumed until it ends. */
    public boolean active() {
        return this == RUNNING || this == PAUSED;
    }

    /**
     * Why an active run is not deleted or resumed now, after its id: "is still running", "is paused". Empty for a run
     * that is not {@link #active()}.
     */
    public String held() {
        return this == RUNNING ? "is still running" : this == PAUSED ? "is paused" : "";
    }

    /** As the files and the command line write it: "finished", "failed to learn". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static RunStatus of(String label) {
        for (RunStatus s : values()) if (s.label().equals(label)) return s;
        throw new IllegalArgumentException("unknown run status '" + label + "'");
    }
}
