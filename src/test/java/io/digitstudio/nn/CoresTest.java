package io.digitstudio.nn;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CoresTest {
    @Test
    void aWaitSpinsBrieflyThenYieldsTheCoreThenParks() {
        assertEquals(Cores.Wait.SPIN, Cores.waitRound(0));
        assertEquals(Cores.Wait.SPIN, Cores.waitRound(Cores.YIELD_AFTER_NANOS - 1));
        assertEquals(Cores.Wait.YIELD, Cores.waitRound(Cores.YIELD_AFTER_NANOS));
        assertEquals(Cores.Wait.YIELD, Cores.waitRound(Cores.SPIN_NANOS - 1));
        assertEquals(Cores.Wait.PARK, Cores.waitRound(Cores.SPIN_NANOS));
        assertEquals(20_000L, Cores.YIELD_AFTER_NANOS, "spins 20 us unless -Ddigitstudio.spinOnly=true");
    }

    @Test
    void everyPartRunsOnceWhenAPartWaitsLongEnoughToYieldAndPark() {
        int before = Cores.count();
        Cores.setCount(2);
        try {
            for (int round = 0; round < 20; round++) {
                AtomicIntegerArray runs = new AtomicIntegerArray(4);
                int slow = round % 4;
                Cores.parallel(4, p -> {
                    runs.incrementAndGet(p);
                    // the slow part holds on until every other thread of the pool has gone through its waits and parked
                    if (p == slow) awaitOthersParked();
                });
                for (int p = 0; p < 4; p++) assertEquals(1, runs.get(p), "part " + p + " in round " + round);
                awaitOthersParked(); // the next round hands work to a parked helper
            }
        } finally {
            Cores.setCount(before);
        }
    }

    /** Waits until every helper thread of the pool other than this one is parked (its spin and yield are behind it). */
    private static void awaitOthersParked() {
        while (true) {
            boolean parked = true;
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t == Thread.currentThread() || !t.getName().startsWith("digitstudio-core-")) continue;
                Thread.State st = t.getState();
                parked &= st == Thread.State.WAITING || st == Thread.State.TIMED_WAITING;
            }
            if (parked) return;
            Thread.onSpinWait();
        }
    }
}
