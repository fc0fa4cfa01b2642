package io.digitstudio;

import io.digitstudio.cli.Cli;

/**
 * Entry point of the jar: with no arguments it opens the desktop app, with a subcommand it runs the command line.
 * This class does not extend JavaFX's Application (and names the UI only by reflection), so the jar runs from the
 * class path and the command line works without JavaFX on the machine.
 */
public final class Main {
    static final String APP_CLASS = "io.digitstudio.ui.app.DesktopLauncher";

    private Main() {
    }

    /** No arguments open the window; anything else is the command line's (which answers unknown options itself). */
    static boolean opensWindow(String[] args) {
        return args.length == 0;
    }

    public static void main(String[] args) {
        WindowClasses.loadIfAsked();
        try {
            run(args);
        } catch (NoClassDefFoundError e) {
            // the jar names its libraries in lib/ beside it (Class-Path in the manifest); copied alone it has none
            System.err.println(missingLibraries(e));
            System.exit(1);
        }
    }

    static String missingLibraries(NoClassDefFoundError e) {
        String missing = String.valueOf(e.getMessage()).replace('/', '.');
        return "digitstudio: error: a library is missing (" + missing + "): digitstudio.jar needs the lib/ folder built beside it;"
                + " copy both, or install DigitStudio with the installer";
    }

    /** What to install when JavaFX finds no GTK 3 (a bare system; every desktop has it). */
    static String gtkHint(String message) {
        return message != null && message.contains("GTK") ? " (the window needs GTK 3: on Debian or Ubuntu, apt-get install libgtk-3-0)" : "";
    }

    private static void run(String[] args) {
        if (opensWindow(args)) {
            try {
                Class.forName(APP_CLASS).getMethod("launch", String[].class).invoke(null, (Object) args);
                return;
            } catch (ClassNotFoundException e) {
                System.err.println("digitstudio: this build has no desktop app; use a subcommand (see --help)");
                Cli.run("--help");
                System.exit(2);
            } catch (ReflectiveOperationException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof NoClassDefFoundError missing) throw missing;
                System.err.println("digitstudio: cannot open the desktop app: " + cause.getMessage() + gtkHint(cause.getMessage()));
                System.exit(1);
            }
        }
        Cli.prepare(args);
        System.exit(Cli.run(args));
    }
}
