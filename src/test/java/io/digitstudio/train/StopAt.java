package io.digitstudio.train;

/** Stops a run after the given iteration, as a user's Stop (or "Branch from here" on a pause) does between two iterations. */
public record StopAt(long iteration) implements Extension {
    @Override
    public String name() {
        return "StopAt";
    }

    @Override
    public Trigger trigger() {
        return Trigger.EVERY_ITERATION;
    }

    @Override
    public void call(TrainingLoop loop) {
        if (loop.iteration() == iteration) loop.control().requestStop();
    }
}
