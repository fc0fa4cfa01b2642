package io.digitstudio.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StartupTest {
    @Test
    void theEngineStartsEarlyOnlyForCommandsThatUseIt() {
        assertTrue(Startup.startsEngine(new String[]{"train"}, false));
        assertTrue(Startup.startsEngine(new String[]{"train", "--epochs", "2"}, false));
        assertTrue(Startup.startsEngine(new String[]{"predict", "seven.png"}, false));
        assertTrue(Startup.startsEngine(new String[]{"bench", "--model", "lenet"}, false));
        assertFalse(Startup.startsEngine(new String[]{}, false));
        assertFalse(Startup.startsEngine(new String[]{"runs", "list"}, false));
        assertFalse(Startup.startsEngine(new String[]{"sweep", "--lr", "0.1,0.01"}, false), "a sweep's runs are processes of their own");
        assertFalse(Startup.startsEngine(new String[]{"--epochs", "2", "train"}, false), "only a command in first place counts");
    }

    @Test
    void helpVersionAndTheFirstStartLeaveTheEngineAlone() {
        assertFalse(Startup.startsEngine(new String[]{"train", "--help"}, false));
        assertFalse(Startup.startsEngine(new String[]{"train", "-h"}, false));
        assertFalse(Startup.startsEngine(new String[]{"eval", "--version"}, false));
        // the first start unpacks the native libraries, and says so before it does
        assertFalse(Startup.startsEngine(new String[]{"train"}, true));
    }
}
