package io.digitstudio.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One place that starts ND4J the way this project needs it: float32 by default and a fixed number of threads (one
 * is fastest for these small matrices; a jpackage launcher cannot set environment variables, so it is set in code).
 * The first call unpacks the native libraries, which takes seconds once: call it off any UI thread.
 */
public final class Nd4jSetup {
    private static final String CACHE_PROPERTY = "org.bytedeco.javacpp.cachedir";
    private static volatile boolean done;

    private Nd4jSetup() {
    }

    /** JavaCPP unpacks ND4J's native libraries here (per user, ours) unless told otherwise. */
    public static Path nativeCache() {
        String set = System.getProperty(CACHE_PROPERTY);
        if (set != null) return Path.of(set);
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("digitstudio").resolve("javacpp");
    }

    /** True before the native libraries have ever been unpacked for this user (the first start is slower). */
    public static boolean firstStart() {
        return !Files.isDirectory(nativeCache());
    }

    public static synchronized void init() {
        if (done) return;
        // A launcher cannot set environment variables or JVM flags for us: point JavaCPP at our cache in code.
        if (System.getProperty(CACHE_PROPERTY) == null) System.setProperty(CACHE_PROPERTY, nativeCache().toString());
        quietLogging();
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
        setThreads(Integer.getInteger("digitstudio.threads", 1));
        done = true;
    }

    /** Sets ND4J's and OpenBLAS's thread count. */
    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be at least 1, got " + n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
    }

    /**
     * Threads for OpenBLAS's matrix products alone (ND4J's own ops keep {@link #setThreads}'s count): the 128x784
     * products gain from a second core where ND4J's small ops lose.
     */
    public static synchronized void setBlasThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("BLAS threads must be at least 1, got " + n);
        org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads(n);
    }

    public static int blasThreads() {
        return org.bytedeco.openblas.global.openblas_nolapack.blas_get_num_threads();
    }


    private static void quietLogging() {
        // ND4J logs its backend banner at INFO through slf4j-simple; users of the CLI should not see it.
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
    }
}
