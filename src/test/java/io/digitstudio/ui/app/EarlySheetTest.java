package io.digitstudio.ui.app;

import io.digitstudio.ui.widgets.Theme;
import javafx.application.Application;
import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** AtlantaFX's sheet read once, ahead of the window: the window's start finds it read. */
@ExtendWith(ApplicationExtension.class)
class EarlySheetTest {
    /** The user agent sheets JavaFX's style manager holds now, by name, and the sheet read for the first. */
    private static List<Object> held() throws ReflectiveOperationException {
        Object manager = com.sun.javafx.css.StyleManager.getInstance();
        java.lang.reflect.Field containers = manager.getClass().getDeclaredField("platformUserAgentStylesheetContainers");
        containers.setAccessible(true);
        Object first = ((List<?>) containers.get(manager)).get(0);
        java.lang.reflect.Field name = first.getClass().getDeclaredField("fname");
        java.lang.reflect.Field sheet = first.getClass().getDeclaredField("stylesheet");
        name.setAccessible(true);
        sheet.setAccessible(true);
        return List.of(name.get(first), sheet.get(first));
    }

    private static List<Object> heldOnFxThread(FxRobot robot) {
        Object[] h = new Object[1];
        robot.interact(() -> {
            try {
                h[0] = held();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
        @SuppressWarnings("unchecked") List<Object> l = (List<Object>) h[0];
        return l;
    }

    @Test
    void theWindowFindsTheSheetReadAheadAndReadsItNoMore(FxRobot robot) {
        String before = Application.getUserAgentStylesheet();
        try {
            robot.interact(() -> Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet()));
            // read ahead on the JavaFX thread here (the launcher's own thread runs before any scene exists)
            EarlySheet.load(() -> Theme.DARK, Platform::runLater);
            EarlySheet.await();
            List<Object> early = heldOnFxThread(robot);
            assertEquals(Theme.DARK.userAgentStylesheet(), early.get(0), "the window's theme's sheet is in JavaFX's hands");
            assertNotNull(early.get(1));
            // the window's start sets the same sheet: JavaFX keeps the one read ahead
            robot.interact(() -> Application.setUserAgentStylesheet(Theme.DARK.userAgentStylesheet()));
            assertSame(early.get(1), heldOnFxThread(robot).get(1), "the sheet is not read again");
        } finally {
            robot.interact(() -> Application.setUserAgentStylesheet(before));
        }
    }

    @Test
    void theWindowOpensInTheChosenThemeElseTheDesktops() {
        CompletableFuture<Optional<Boolean>> dark = CompletableFuture.completedFuture(Optional.of(true));
        assertEquals(Theme.HIGH_CONTRAST, DesktopLauncher.firstTheme(Optional.of(Theme.HIGH_CONTRAST), dark), "a chosen theme stands");
        assertEquals(Theme.DARK, DesktopLauncher.firstTheme(Optional.empty(), dark));
        assertEquals(Theme.LIGHT, DesktopLauncher.firstTheme(Optional.empty(), CompletableFuture.completedFuture(Optional.empty())), "a desktop that does not say");
        assertEquals(Theme.LIGHT, DesktopLauncher.firstTheme(Optional.empty(), CompletableFuture.completedFuture(null)), "not asked");
    }

    @Test
    void eachThemesSheetHasItsBinaryFormBesideIt() throws Exception {
        // where JavaFX's style manager is out of reach the sheet is read ahead from its binary form and dropped, which
        // warms up the code that reads it: a renamed sheet would make that do nothing, silently
        for (Theme t : Theme.values()) {
            String bss = t.userAgentStylesheet().replace(".css", ".bss");
            java.net.URL url = EarlySheet.class.getResource(bss);
            assertNotNull(url, bss + " is there");
            assertFalse(javafx.css.Stylesheet.loadBinary(url).getRules().isEmpty(), bss + " has rules");
        }
    }
}
