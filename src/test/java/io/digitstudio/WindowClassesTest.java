package io.digitstudio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's class list that the build's class-data sharing run loads: current, and loaded without side effects. */
class WindowClassesTest {
    static boolean probeInitialised;

    static final class Probe {
        static {
            probeInitialised = true;
        }
    }

    @Test
    void loadsTheNamedClassesWithoutInitialisingThemAndSkipsWhatIsGone() throws IOException {
        String list = "# a comment\n\n" + Probe.class.getName() + "\n  java.util.ArrayList  \nio.digitstudio.NoSuchClass\n";
        int loaded = WindowClasses.load(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), getClass().getClassLoader());
        assertEquals(2, loaded);
        assertFalse(probeInitialised, "loading must not run static initialisers (JavaFX's need a display)");
    }

    static boolean callerInitialised;

    /** A class with one lambda, as the window's classes have many: its body is the static method lambda$task$0. */
    static final class Caller {
        static {
            callerInitialised = true;
        }

        static Runnable task() {
            return () -> {
            };
        }
    }

    @Test
    void makesTheClassesOfListedLambdasWithoutInitialisingTheirClassesAndSkipsWhatIsGone() throws IOException {
        String caller = Caller.class.getName().replace('.', '/');
        String list = WindowClasses.LAMBDA + caller + " run ()Ljava/lang/Runnable; ()V REF_invokeStatic " + caller + " lambda$task$0 ()V ()V\n"
                + WindowClasses.LAMBDA + caller + " run ()Ljava/lang/Runnable; ()V REF_invokeStatic " + caller + " lambda$gone$0 ()V ()V\n"
                + WindowClasses.LAMBDA + "io/digitstudio/NoSuchClass run ()Ljava/lang/Runnable; ()V REF_invokeStatic io/digitstudio/NoSuchClass lambda$x$0 ()V ()V\n"
                + WindowClasses.LAMBDA + "too few fields\n";
        int made = WindowClasses.load(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)), getClass().getClassLoader());
        assertEquals(1, made, "the lambda whose class and body exist");
        assertFalse(callerInitialised, "making a lambda's class must not run its class's static initialiser (JavaFX's need a display)");
    }

    @Test
    void theListNamesTheWindowsClassesAndAlmostAllStillExist() throws IOException {
        List<String> names;
        try (InputStream in = WindowClasses.class.getResourceAsStream(WindowClasses.RESOURCE)) {
            assertNotNull(in, "the jar carries " + WindowClasses.RESOURCE);
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        }
        for (String needed : new String[]{"javafx.scene.control.TabPane", "com.sun.javafx.tk.quantum.QuantumToolkit",
                "io.digitstudio.ui.app.MainView", "io.digitstudio.ui.train.TrainView"}) {
            assertTrue(names.contains(needed), needed + " is loaded by every window start");
        }
        int loaded;
        try (InputStream in = WindowClasses.class.getResourceAsStream(WindowClasses.RESOURCE)) {
            loaded = WindowClasses.load(in, getClass().getClassLoader());
        }
        // a list gone stale (views renamed or rebuilt) archives less: make it again with window-breakdown.sh --write-classes
        assertTrue(loaded >= names.size() * 0.95, loaded + " of " + names.size() + " listed classes and lambdas exist");
        assertTrue(names.stream().filter(l -> l.startsWith(WindowClasses.LAMBDA) && l.contains(" io/digitstudio/ui/train/TrainView ")).count() > 10,
                "the list names the window's lambdas, whose classes an archive holds only when its run made them");
    }

    /** The window's class list's lines that {@code keep} keeps, stripped. */
    private static List<String> listed(java.util.function.Predicate<String> keep) throws IOException {
        try (InputStream in = WindowClasses.class.getResourceAsStream(WindowClasses.RESOURCE)) {
            assertNotNull(in, "the jar carries " + WindowClasses.RESOURCE);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip).filter(keep).toList();
        }
    }

    /**
     * The app's own lines go stale first: a lambda's body is named by its place among its class's lambdas
     * ({@code lambda$new$12}), so an edit above it renames it, and the window then spins its class at start again. A
     * class of the app's own that the list names must exist; of its lambdas, a few stale ones cost a few classes spun
     * at start and come with most edits of a view, so the list is made again once more than one in twenty has gone
     * (85 had when the window's start was found spinning 266 classes outside the archive).
     */
    @Test
    void everyClassAndLambdaOfTheAppsOwnThatTheListNamesStillExists() throws IOException {
        List<String> own = listed(l -> l.startsWith("io.digitstudio.") || l.startsWith(WindowClasses.LAMBDA + "io/digitstudio/"));
        List<String> gone = own.stream().filter(l -> {
            try {
                return WindowClasses.load(new ByteArrayInputStream(l.getBytes(StandardCharsets.UTF_8)), getClass().getClassLoader()) == 0;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
        assertTrue(own.size() > 300, own.size() + " lines name the app's own classes and lambdas");
        // make the list again: src/test/scripts/window-breakdown.sh --write-classes, merged as the file's comments say
        assertEquals(List.of(), gone.stream().filter(l -> !l.startsWith(WindowClasses.LAMBDA)).toList(), "classes of the app's own that are gone");
        long lambdas = own.stream().filter(l -> l.startsWith(WindowClasses.LAMBDA)).count();
        List<String> goneLambdas = gone.stream().filter(l -> l.startsWith(WindowClasses.LAMBDA)).toList();
        assertTrue(goneLambdas.size() * 20 <= lambdas, goneLambdas.size() + " of the list's " + lambdas + " lambdas of the app's own are gone: " + goneLambdas);
    }

    /**
     * An invokedynamic is linked at its first call, and two kinds spin method-handle classes then, which no archive
     * holds: a string concatenation (StringConcatFactory) and a record's generated equals, hashCode or toString
     * (ObjectMethods). Before the window's first frame that is work on the JavaFX thread, and ASM run often enough for
     * the compiler to take it up besides. The app's classes that the window loads carry no concatenation of that kind
     * (the build compiles with -XDstringConcat=inline), and the records the first frame compares write their equals out.
     */
    @Test
    void theWindowsOwnClassesSpinNoMethodHandleClassesAtTheirFirstCall() throws IOException {
        List<String> own = listed(l -> l.startsWith("io.digitstudio."));
        List<String> concatenating = new java.util.ArrayList<>();
        for (String name : own) {
            if (references(name, "java/lang/invoke/StringConcatFactory")) concatenating.add(name);
        }
        assertTrue(own.size() > 200, own.size() + " classes of the app's own");
        assertEquals(List.of(), concatenating, "classes of the window that link a string concatenation at run time");
        // the status line's plan is looked up by its key at the first layout of the Train view
        for (String compared : List.of("io.digitstudio.ui.widgets.StatusLine$PlanFor")) {
            assertTrue(own.contains(compared), compared + " is one of the window's classes");
            assertFalse(references(compared, "java/lang/runtime/ObjectMethods"), compared + " links its equals through ObjectMethods");
        }
    }

    /** Whether the class file of {@code name} (none: false) names {@code internalName} in its constant pool. */
    private static boolean references(String name, String internalName) throws IOException {
        try (InputStream in = WindowClasses.class.getResourceAsStream("/" + name.replace('.', '/') + ".class")) {
            if (in == null) return false;
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(internalName);
        }
    }

    @Test
    void aLambdasCallerOfTheAppsOwnModuleIsLookedUpPrivatelyAndTheInstallersRunOpensTheRest() throws IOException {
        // on the class path (the jar, and JavaFX with it) a private lookup has full privilege
        Class<?> skin;
        try {
            skin = Class.forName("javafx.scene.control.skin.TabPaneSkin", false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        java.lang.invoke.MethodHandles.Lookup own = WindowClasses.lookupIn(skin);
        assertNotNull(own);
        assertTrue(own.hasFullPrivilegeAccess(), "a lambda's class is made only with a lookup of full privilege");
        assertEquals(skin, own.lookupClass());
        // installed, JavaFX is a named module: its callers need the trusted lookup, which the archive run may read only
        // because installer/cds-archive.sh opens java.lang.invoke to it
        String script = java.nio.file.Files.readString(java.nio.file.Path.of("installer/cds-archive.sh"));
        assertTrue(script.contains("--add-opens=java.base/java.lang.invoke=ALL-UNNAMED"), "the installer's archive run opens java.lang.invoke");
    }
}
