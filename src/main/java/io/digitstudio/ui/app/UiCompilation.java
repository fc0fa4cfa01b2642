package io.digitstudio.ui.app;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.ObjectName;

/**
 * Has HotSpot compile the UI toolkit's code (JavaFX, its renderer, ControlsFX) with its quick compiler, C1, and never
 * with its optimising one, C2. Why: a training run on a two-core machine holds both cores, and a data-parallel step
 * waits for its slower half. C2 compiling JavaFX's CSS and text code for the first time took 1-2 s of a core in a
 * run's first seconds (the largest compile, {@code CssStyleHelper.transitionToState}, 1.1-1.3 s) from a training
 * thread. C1's code is fast enough for a window's work: measured, the FX threads' CPU per run stayed the same, and so did
 * the time to the first window. The C2 thread's CPU in a first run fell by about a second. On the noisy test VM the
 * window's training time did not change measurably (README, "Every core"). Our own code, the engine included, is left
 * to the default policy.
 * <p>
 * It is a compiler directive added through the JVM's diagnostic-command MBean (the same as {@code jcmd PID
 * Compiler.directives_add FILE}), so it needs no launcher flag. A JVM without that command is left as it is.
 * {@code -Ddigitstudio.uiC2=true} keeps the default policy, to measure the difference.
 */
final class UiCompilation {
    /** Class patterns of the toolkit: HotSpot allows a wildcard at a pattern's end. */
    static final String DIRECTIVE = """
            [{ match: ["javafx/*.*", "com/sun/javafx/*.*", "com/sun/prism/*.*", "com/sun/glass/*.*",
                       "com/sun/scenario/*.*", "com/sun/marlin/*.*", "com/sun/pisces/*.*", "com/sun/openpisces/*.*",
                       "org/controlsfx/*.*", "impl/org/controlsfx/*.*"],
               c2: { Exclude: true } }]
            """;
    private static final String[] SIGNATURE = {String[].class.getName()};

    private UiCompilation() {
    }

    /** Adds the directive unless asked not to; true when the JVM took it. */
    static boolean apply() {
        if (Boolean.getBoolean("digitstudio.uiC2")) return false;
        Path file = null;
        try {
            file = Files.createTempFile("digitstudio-jit", ".json"); // the command reads its directive from a file
            Files.writeString(file, DIRECTIVE);
            Object reply = command("compilerDirectivesAdd", file.toString());
            return String.valueOf(reply).contains("1 compiler directives added");
        } catch (Exception | LinkageError e) { // no such MBean or command (another JVM): the default policy stays
            return false;
        } finally {
            if (file != null) file.toFile().delete();
        }
    }

    /** The JVM's compiler directives as {@code jcmd PID Compiler.directives_print} lists them. */
    static String directives() throws Exception {
        return String.valueOf(command("compilerDirectivesPrint"));
    }

    /** Removes the newest directive (tests restore the JVM they share). */
    static void removeNewest() throws Exception {
        command("compilerDirectivesRemove");
    }

    private static Object command(String operation, String... args) throws Exception {
        return ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                operation, new Object[]{args}, SIGNATURE);
    }
}
