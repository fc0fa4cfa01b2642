package io.digitstudio.ui.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UiCompilationTest {
    @Test
    void theJvmKeepsTheToolkitOffItsOptimisingCompiler() throws Exception {
        assertFalse(UiCompilation.directives().contains("javafx/*.*"), "no directive before");
        assertTrue(UiCompilation.apply());
        try {
            String listed = UiCompilation.directives();
            int ours = listed.indexOf("matching: ");
            String first = listed.substring(ours, listed.indexOf("Directive:", ours)); // the newest directive comes first
            for (String pattern : new String[]{"javafx/*.*", "com/sun/javafx/*.*", "com/sun/prism/*.*", "org/controlsfx/*.*"}) {
                assertTrue(first.contains(pattern), pattern + " in " + first);
            }
            String c2 = first.substring(first.indexOf("c2 directives:"));
            assertTrue(c2.contains("Exclude:true"), c2);
            assertTrue(first.substring(0, first.indexOf("c2 directives:")).contains("Exclude:false"), "C1 still compiles it");
        } finally {
            UiCompilation.removeNewest();
        }
        assertFalse(UiCompilation.directives().contains("javafx/*.*"), "removed again");
    }

    @Test
    void aPropertyKeepsTheDefaultPolicyForMeasuring() throws Exception {
        System.setProperty("digitstudio.uiC2", "true");
        try {
            assertFalse(UiCompilation.apply());
            assertFalse(UiCompilation.directives().contains("javafx/*.*"));
        } finally {
            System.clearProperty("digitstudio.uiC2");
        }
    }
}
