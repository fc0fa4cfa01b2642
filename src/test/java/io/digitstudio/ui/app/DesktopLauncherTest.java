package io.digitstudio.ui.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the launcher sets before the toolkit starts (the property itself is left alone: AWT reads it once per JVM). */
class DesktopLauncherTest {
    @Test
    void awtIsHeadlessUnlessTheUserSaidOtherwise() {
        assertEquals("true", DesktopLauncher.headless(null), "no AWT X11 connection beside GTK's: no Gdk-WARNING at launch");
        assertEquals("false", DesktopLauncher.headless("false"), "the user's choice stands");
    }
}
