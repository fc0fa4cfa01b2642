package io.digitstudio.ui.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What Linux desktops say about dark, read in the order GNOME, GTK_THEME, GTK's theme name, GTK's settings file. */
class DesktopThemeTest {
    @TempDir
    Path config;

    private Optional<Boolean> dark(Map<String, String> env, Map<String, String> gsettings) {
        return DesktopTheme.of(env, gsettings, config).prefersDark();
    }

    @Test
    void gnomesColourSchemeDecidesFirst() {
        assertEquals(Optional.of(true), dark(Map.of(), Map.of("color-scheme", "'prefer-dark'", "gtk-theme", "'Adwaita'")));
        assertEquals(Optional.of(false), dark(Map.of("GTK_THEME", "Adwaita:dark"), Map.of("color-scheme", "'prefer-light'")));
    }

    @Test
    void aDefaultSchemeLeavesItToTheGtkTheme() {
        assertEquals(Optional.of(true), dark(Map.of(), Map.of("color-scheme", "'default'", "gtk-theme", "'Yaru-dark'")));
        assertEquals(Optional.of(false), dark(Map.of(), Map.of("color-scheme", "'default'", "gtk-theme", "'Adwaita'")));
        assertEquals(Optional.of(true), dark(Map.of("GTK_THEME", "Adwaita:dark"), Map.of("color-scheme", "'default'")));
        assertEquals(Optional.of(false), dark(Map.of(), Map.of("color-scheme", "'default'")));
    }

    @Test
    void withoutGsettingsGtksSettingsFileSays() throws Exception {
        assertEquals(Optional.empty(), dark(Map.of(), Map.of()), "nothing to read: unknown");
        Files.createDirectories(config.resolve("gtk-3.0"));
        Files.writeString(config.resolve("gtk-3.0/settings.ini"), "[Settings]\ngtk-application-prefer-dark-theme=1\n");
        assertEquals(Optional.of(true), dark(Map.of(), Map.of()));
        Files.writeString(config.resolve("gtk-3.0/settings.ini"), "[Settings]\ngtk-theme-name=Breeze\n");
        assertEquals(Optional.of(false), dark(Map.of(), Map.of()));
        Files.writeString(config.resolve("gtk-3.0/settings.ini"), "[Settings]\ngtk-theme-name=HighContrastInverse\n");
        assertEquals(Optional.of(true), dark(Map.of(), Map.of()));
    }
}
