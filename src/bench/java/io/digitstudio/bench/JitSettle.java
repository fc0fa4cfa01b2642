package io.digitstudio.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Watches the JIT compiler's total time, for the GUI bench: quiet once it has not grown for a second (or after 60 s,
 * whatever it does), as when a user looks at the window before pressing Train. Benchmark code: it reads the clock
 * because the JIT's quiet is a span of time.
 */
public final class JitSettle {
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final long begun = System.nanoTime();
    private long last = -1;
    private long since = System.nanoTime();

    public boolean quiet() {
        long now = System.nanoTime();
        long total = jit == null || !jit.isCompilationTimeMonitoringSupported() ? 0 : jit.getTotalCompilationTime();
        if (total != last) {
            last = total;
            since = now;
        }
        return now - since >= 1_000_000_000L || now - begun >= 60_000_000_000L;
    }

    public double seconds() {
        return (System.nanoTime() - begun) / 1e9;
    }
}
