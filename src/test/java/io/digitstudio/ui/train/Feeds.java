package io.digitstudio.ui.train;

import io.digitstudio.train.IterationEvent;

/** What a run's training thread puts in its feed, for stories that show the Train view a run's figures of their choosing. */
public final class Feeds {
    private Feeds() {
    }

    /** The feed as a run's training thread leaves it after iteration {@code e}, which ends no epoch. */
    public static void iterated(TrainingFeed feed, IterationEvent e) {
        feed.iterated(e);
    }
}
