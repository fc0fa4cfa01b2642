package io.digitstudio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The classes the window loads before it is mapped (JavaFX's, ControlsFX's and the views'), named in a resource. The
 * build's class-data sharing run is a training run on the command line, which opens no window: with
 * {@code -Ddigitstudio.archiveWindowClasses=true} it first loads these classes, without initialising them (which needs
 * no display), so the archive it writes at exit holds them too and a window start maps them instead of loading, parsing
 * and verifying them. The list also names the window's lambdas: their classes are spun at a call site's first call, so
 * an archive holds them only when its run made them, and the run makes them here (about 1,050, which a window start
 * would otherwise spin on the JavaFX thread). Names the build no longer has are skipped: the list speeds a start up, it
 * is never needed.
 */
final class WindowClasses {
    static final String PROPERTY = "digitstudio.archiveWindowClasses";
    static final String RESOURCE = "/io/digitstudio/window-classes.txt";

    private WindowClasses() {
    }

    /** Loads the listed classes when the system property asks for it (the build's archive run only). */
    static void loadIfAsked() {
        if (!Boolean.getBoolean(PROPERTY)) return;
        try (InputStream in = WindowClasses.class.getResourceAsStream(RESOURCE)) {
            if (in != null) load(in, WindowClasses.class.getClassLoader());
        } catch (IOException e) {
            // the archive is an optimisation: the run it belongs to goes on without the window's classes
        }
    }

    /** How a line of the list names a lambda, as the JVM's own class lists do ({@code -XX:DumpLoadedClassList}). */
    static final String LAMBDA = "@lambda-proxy ";

    /**
     * Makes the class of one lambda expression or method reference of {@code f[0]}'s, as its call site's first call
     * would (the JVM's class list's fields: caller, method name, call site type, interface method type, reference
     * kind, class, name and type of the implementation, instantiated type), without running it or initialising any
     * class but the lambda's own: a run that writes an archive at exit archives the lambda's class with the caller, and
     * the window's first call of it maps that class instead of spinning one. False when it cannot be made here.
     */
    static boolean link(String[] f, ClassLoader loader) {
        if (f.length != 9) return false;
        try {
            Class<?> caller = Class.forName(f[0].replace('/', '.'), false, loader);
            java.lang.invoke.MethodHandles.Lookup lookup = lookupIn(caller);
            if (lookup == null) return false;
            java.lang.invoke.MethodType site = java.lang.invoke.MethodType.fromMethodDescriptorString(f[2], loader);
            java.lang.invoke.MethodType sam = java.lang.invoke.MethodType.fromMethodDescriptorString(f[3], loader);
            Class<?> owner = Class.forName(f[5].replace('/', '.'), false, loader);
            java.lang.invoke.MethodType type = java.lang.invoke.MethodType.fromMethodDescriptorString(f[7], loader);
            java.lang.invoke.MethodHandle impl = switch (f[4]) {
                case "REF_invokeStatic" -> lookup.findStatic(owner, f[6], type);
                case "REF_invokeVirtual", "REF_invokeInterface" -> lookup.findVirtual(owner, f[6], type);
                case "REF_invokeSpecial" -> lookup.findSpecial(owner, f[6], type, caller);
                case "REF_newInvokeSpecial" -> lookup.findConstructor(owner, type);
                default -> null;
            };
            if (impl == null) return false;
            java.lang.invoke.LambdaMetafactory.metafactory(lookup, f[1], site, sam, impl, java.lang.invoke.MethodType.fromMethodDescriptorString(f[8], loader));
            return true;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException | java.lang.invoke.LambdaConversionException e) {
            // renamed or gone since the list was made, or not open to this module: the archive goes without it
            return false;
        }
    }

    /**
     * A lookup with full privilege in {@code caller}, which a lambda's class needs, or null. A private lookup has it for
     * a class of the app's own module (everything on the class path, JavaFX too when run from the jar). JavaFX on a
     * module path (the installed app) gives a private lookup from outside no module access, however open its packages:
     * there the JDK's own trusted lookup serves, readable only when java.base opens java.lang.invoke to the app
     * ({@code installer/cds-archive.sh} opens it for its archive run, and no launch does).
     */
    static java.lang.invoke.MethodHandles.Lookup lookupIn(Class<?> caller) {
        try {
            java.lang.invoke.MethodHandles.Lookup own = java.lang.invoke.MethodHandles.privateLookupIn(caller, java.lang.invoke.MethodHandles.lookup());
            if (own.hasFullPrivilegeAccess()) return own;
        } catch (IllegalAccessException notOpen) {
            // a package of a named module not opened to the app: the trusted lookup may still serve
        }
        try {
            java.lang.reflect.Field trusted = java.lang.invoke.MethodHandles.Lookup.class.getDeclaredField("IMPL_LOOKUP");
            trusted.setAccessible(true);
            return ((java.lang.invoke.MethodHandles.Lookup) trusted.get(null)).in(caller);
        } catch (ReflectiveOperationException | RuntimeException closed) {
            return null;
        }
    }

    /**
     * Loads, without initialising, every class named in {@code list} (one a line; blank lines and lines starting with #
     * are skipped) that {@code loader} can find, makes the classes of the lambdas it names ({@link #LAMBDA} lines), and
     * returns how many classes it loaded and lambdas it made.
     */
    static int load(InputStream list, ClassLoader loader) throws IOException {
        int loaded = 0;
        BufferedReader names = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8));
        for (String line; (line = names.readLine()) != null; ) {
            String name = line.strip();
            if (name.isEmpty() || name.startsWith("#")) continue;
            if (name.startsWith(LAMBDA)) {
                if (link(name.substring(LAMBDA.length()).split(" "), loader)) loaded++;
                continue;
            }
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError e) {
                // renamed or gone since the list was made, or not loadable on its own: the archive goes without it
            }
        }
        return loaded;
    }
}
