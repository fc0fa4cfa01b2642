package io.digitstudio.ui.train;

import io.digitstudio.train.EpochReport;
import io.digitstudio.train.IterationEvent;
import io.digitstudio.train.TrainingConfig;
import io.digitstudio.train.TrainingStart;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The Train view's progress figures while a run validates, under plain JUnit: a feed played as a run's training
 * thread fills it (three epochs of ten iterations, one second each, and a validation of five seconds after each
 * epoch), a presenter with a clock moved by hand. The trial saw the time left jump as each epoch's validation ended
 * (the validation's seconds counted in the speed), and the status say "Validating epoch 1… 0%" to the validation's end.
 */
class RunProgressTest {
    private final long[] now = {0};
    private final TrainingFeed feed = new TrainingFeed(() -> now[0]);
    private final RunPresenter p = new RunPresenter(() -> now[0]);
    /** The time left after each step of the run, in seconds, and the speed then. */
    private final List<Integer> etas = new ArrayList<>();
    private final List<String> speeds = new ArrayList<>();

    private void iteration(long it, double elapsed, EpochReport ended) {
        int epoch = (int) ((it - 1) / 10) + 1;
        feed.step(new IterationEvent(epoch, it, 30, it / 10.0, 0.5, 0.9, elapsed, 0.01), ended, null);
        tick();
    }

    /** Epoch {@code epoch}'s validation, its last iteration trained though not yet published. */
    private void validating(int epoch, double fraction) {
        feed.validating(new TrainingFeed.Validating(epoch, epoch * 10L, fraction));
        tick();
    }

    private void tick() {
        now[0] += 1_000_000_000L;
        p.pulse();
        String t = p.timeTextProperty().get();
        String eta = t.substring(t.indexOf("ETA ") + 4);
        String[] ms = eta.split(":");
        etas.add(Integer.parseInt(ms[0]) * 60 + Integer.parseInt(ms[1]));
        speeds.add(p.speedTextProperty().get());
    }

    private static EpochReport report(int epoch, long iteration) {
        return EpochReport.of(epoch, iteration, 0.5, 0.9, 0.4, 0.9, 10, 5, 0.01);
    }

    @Test
    void theTimeLeftCountsDownThroughEachValidationAndTheSpeedIsOfTrainingAlone() {
        feed.started(new TrainingStart(TrainingConfig.tutorial().withEpochs(3), "784-100-100-10", 1, 1280, 200, 10, 30, 0, "t"));
        p.begin(feed, 3, "Loading data…");
        for (int it = 1; it <= 9; it++) iteration(it, it, null);
        assertEquals(21, etas.get(etas.size() - 1), "21 iterations left at 1 it/s: " + etas);
        // epoch 1's tenth iteration trains, then its validation runs: the run says that iteration once it is done
        validating(1, 0.5);
        assertEquals("Validating epoch 1… 50%", p.statusProperty().get());
        assertEquals(20, etas.get(etas.size() - 1), "the epoch's iterations are done; how long a validation takes is not known yet: " + etas);
        feed.validating(null);
        iteration(10, 15, report(1, 10));
        int known = etas.size() - 1;
        // 20 iterations and two validations of five seconds each
        assertEquals(30, etas.get(known), etas.toString());
        for (int it = 11; it <= 19; it++) iteration(it, it + 5, null);
        for (double f : new double[]{0, 0.2, 0.6, 1}) validating(2, f);
        feed.validating(null);
        iteration(20, 30, report(2, 20));
        for (int it = 21; it <= 29; it++) iteration(it, it + 10, null);
        validating(3, 0.4);
        feed.validating(null);
        iteration(30, 45, report(3, 30));

        // from the first validation's end on, the time left never goes up, and reaches 0 with the run
        for (int i = known + 1; i < etas.size(); i++) assertTrue(etas.get(i) <= etas.get(i - 1), "the time left at step " + i + ": " + etas);
        assertEquals(0, etas.get(etas.size() - 1), etas.toString());
        assertEquals(List.of("1 it/s"), speeds.stream().distinct().toList(), "the speed of training, validations left out");
    }

    @Test
    void theFiguresAreAllInOneLineForTheProgressBar() {
        feed.started(new TrainingStart(TrainingConfig.tutorial().withEpochs(3), "784-100-100-10", 1, 1280, 200, 10, 30, 0, "t"));
        p.begin(feed, 3, "Loading data…");
        assertEquals("", p.progressSummaryProperty().get(), "nothing to say before the first iteration");
        for (int it = 1; it <= 4; it++) iteration(it, it, null);
        assertEquals("Epoch 1/3 · Iteration 4/30 · Elapsed 0:04 · ETA 0:26 · 1 it/s", p.progressSummaryProperty().get());
        p.setPaused(true);
        assertEquals("Epoch 1/3 · Iteration 4/30 · Elapsed 0:04 · ETA 0:26 · paused", p.progressSummaryProperty().get());
        p.setPaused(false);
        p.end(4, false);
        assertEquals("Epoch 1/3 · Iteration 4/30 · Took 0:04", p.progressSummaryProperty().get());
    }
}
