package io.digitstudio.ui.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** What the launcher sets before the toolkit starts (the property itself is left alone: AWT reads it once per JVM). */
class DesktopLauncherTest {
    @Test
    void awtIsHeadlessUnlessTheUserSaidOtherwise() {
        assertEquals("true", DesktopLauncher.headless(null), "no AWT X11 connection beside GTK's: no Gdk-WARNING at launch");
        assertEquals("false", DesktopLauncher.headless("false"), "the user's choice stands");
    }

    @Test
    void theSheetsReadAheadAreTheOnesTheWindowReads() throws Exception {
        // read ahead only to warm up the code that reads them: a renamed sheet would make the warm-up do nothing, silently
        assertEquals(2, DesktopLauncher.WARM_UP_SHEETS.size());
        assertEquals(io.digitstudio.ui.widgets.Theme.LIGHT.userAgentStylesheet().replace(".css", ".bss"), DesktopLauncher.WARM_UP_SHEETS.get(0),
                "AtlantaFX's sheet in the binary form JavaFX reads instead of the theme's .css");
        assertEquals(io.digitstudio.ui.widgets.Theme.SHEET.replace(".css", ".bss"), DesktopLauncher.WARM_UP_SHEETS.get(1));
        for (String sheet : DesktopLauncher.WARM_UP_SHEETS) {
            java.net.URL url = DesktopLauncher.class.getResource(sheet);
            assertNotNull(url, sheet + " is there");
            // read without the toolkit, as the launcher reads it before the toolkit starts
            assertFalse(javafx.css.Stylesheet.loadBinary(url).getRules().isEmpty(), sheet + " has rules");
        }
    }
}
