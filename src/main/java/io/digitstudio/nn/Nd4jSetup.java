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
    /** What went wrong in {@link #initInBackground}, for the first caller of {@link #init} to throw as its own. */
    private static volatile Throwable backgroundFailure;

    private Nd4jSetup() {
    }

    /**
     * Where JavaCPP finds ND4J's native libraries unpacked, or unpacks them: where the launcher says, else the
     * {@code native} folder beside the app's jar when the build or the installer filled one (so that no first launch
     * unpacks 400 MB), else the user's cache folder.
     */
    public static Path nativeCache() {
        return nativeCache(System.getProperty(CACHE_PROPERTY), codeLocation(), System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    /** {@link #nativeCache()} from the property, where this class was loaded from, XDG_CACHE_HOME and the home folder. */
    static Path nativeCache(String property, Path codeLocation, String xdgCache, String home) {
        if (property != null) return Path.of(property);
        Path parent = codeLocation == null ? null : codeLocation.toAbsolutePath().getParent();
        if (parent != null && Files.isDirectory(parent.resolve("native"))) return parent.resolve("native");
        Path base = xdgCache != null && !xdgCache.isBlank() ? Path.of(xdgCache) : Path.of(home, ".cache");
        return base.resolve("digitstudio").resolve("javacpp");
    }

    /** The jar (or class folder) this class came from; null when unknown. */
    private static Path codeLocation() {
        try {
            java.security.CodeSource source = Nd4jSetup.class.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** True before the native libraries have ever been unpacked for this user (the first start is slower). */
    public static boolean firstStart() {
        return !Files.isDirectory(nativeCache());
    }

    /**
     * Starts {@link #init} on a thread of its own and returns at once, so that loading the native library (most of a
     * command's start-up) overlaps with what the caller does meanwhile, such as reading its command line. A later
     * {@link #init} waits for it and throws what it threw.
     */
    public static void initInBackground() {
        if (done) return;
        Thread thread = new Thread(() -> {
            try {
                init();
            } catch (Throwable e) {
                backgroundFailure = e;
            }
        }, "start-nd4j");
        thread.setDaemon(true);
        thread.start();
    }

    public static synchronized void init() {
        if (done) return;
        Throwable failed = backgroundFailure;
        if (failed != null) {
            backgroundFailure = null;
            if (failed instanceof RuntimeException e) throw e;
            if (failed instanceof Error e) throw e;
            throw new IllegalStateException(failed);
        }
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

    /**
     * Which OpenBLAS kernels this process runs, in words: OpenBLAS picks them for the CPU when it loads, unless the
     * environment variable {@code OPENBLAS_CORETYPE} names others. It matters for figures and numbers alike: on an
     * AVX-512 machine OpenBLAS's own choice and forced Haswell kernels differ in speed and in the bits they give
     * (decision record 0001 has the figures).
     */
    public static String blasKernels() {
        return blasKernels(System.getenv("OPENBLAS_CORETYPE"));
    }

    /** {@link #blasKernels()} for a value of {@code OPENBLAS_CORETYPE} (null when it is not set). */
    static String blasKernels(String coretype) {
        if (coretype == null || coretype.isBlank()) return "OpenBLAS's own choice for this CPU (OPENBLAS_CORETYPE not set)";
        return "forced by OPENBLAS_CORETYPE=" + coretype.strip();
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
