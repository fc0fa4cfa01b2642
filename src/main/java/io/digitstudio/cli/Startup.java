package io.digitstudio.cli;

import io.digitstudio.nn.Nd4jSetup;

/** Starts the engine, saying so on stderr the first time (native libraries take a few seconds to unpack once). */
final class Startup {
    private Startup() {
    }

    static void engine() {
        if (Nd4jSetup.firstStart()) {
            System.err.println("digitstudio: first start: unpacking native libraries into " + Nd4jSetup.nativeCache() + " (a few seconds, once)");
        }
        try {
            Nd4jSetup.init();
        } catch (LinkageError | RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) root = root.getCause();
            throw new IllegalStateException("could not start the native engine (ND4J): " + root.getMessage(), e);
        }
    }
}
