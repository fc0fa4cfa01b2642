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
                    if (p == slow) { // long enough that the others go through every kind of wait
                        long end = System.nanoTime() + Cores.SPIN_NANOS + 200_000L;
                        while (System.nanoTime() < end) Thread.onSpinWait();
                    }
                });
                for (int p = 0; p < 4; p++) assertEquals(1, runs.get(p), "part " + p + " in round " + round);
                long idle = System.nanoTime() + Cores.SPIN_NANOS / 2; // the helper is between a spin and a park now
                while (System.nanoTime() < idle) Thread.onSpinWait();
            }
        } finally {
            Cores.setCount(before);
        }
    }
}
