package io.digitstudio.cli;

import io.digitstudio.data.Mnist;
import io.digitstudio.io.UserFolders;
import io.digitstudio.nn.Nd4jSetup;

/**
 * Starts the engine, saying so on stderr the first time (native libraries take a few seconds to unpack once), with the
 * bundled MNIST kept decompressed in the user's cache folder.
 */
final class Startup {
    private Startup() {
    }

    /** The commands that start the engine: each calls {@link #engine} or {@link #engineAndData} once its options are read. */
    private static final java.util.Set<String> ENGINE_COMMANDS = java.util.Set.of("train", "bench", "eval", "predict", "export", "summary", "inspect", "explain", "lr-find");

    /**
     * Whether a command line will start the engine, so that its native library can load while the command line is
     * read: a command that uses it, without a request for help or the version. The first start is left to
     * {@link #engine}, which says on stderr that it is unpacking.
     */
    static boolean startsEngine(String[] args, boolean firstStart) {
        if (firstStart || args.length == 0 || !ENGINE_COMMANDS.contains(args[0])) return false;
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) return false;
        }
        return true;
    }

    /** Starts loading the engine on a thread of its own when the command line will need it (see {@link #startsEngine}). */
    static void early(String[] args) {
        if (startsEngine(args, Nd4jSetup.firstStart())) Nd4jSetup.initInBackground();
    }

    static void engine() {
        Mnist.cacheIn(UserFolders.cache(System.getenv(), "mnist"));
        if (Nd4jSetup.firstStart()) {
            System.err.println("digitstudio: first start: unpacking native libraries into " + Nd4jSetup.nativeCache() + " (about 410 MB, once)");
        }
        try {
            Nd4jSetup.init();
        } catch (LinkageError | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw new IllegalStateException("could not start the native engine (ND4J): " + root.getMessage(), e);
        }
    }

    /**
     * The engine and, when the run reads the bundled MNIST, the data, side by side: loading the native library keeps
     * one core busy and reading the data the other. A failure to load the data is left for the run to report.
     */
    static void engineAndData(boolean bundledData) {
        Thread data = null;
        if (bundledData) {
            Mnist.cacheIn(UserFolders.cache(System.getenv(), "mnist"));
            data = new Thread(() -> {
                try {
                    Mnist.bundled();
                } catch (RuntimeException e) {
                    // the run loads the data again and says what is wrong, in its own words
                }
            }, "load-mnist");
            data.setDaemon(true);
            data.start();
        }
        engine();
        if (data != null) {
            try {
                data.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
