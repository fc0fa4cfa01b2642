package io.digitstudio.ui.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

    /**
     * The real reading path: the gsettings command run by {@link DesktopTheme} in a session whose settings are a private
     * key file (GLib's keyfile backend under a temporary XDG_CONFIG_HOME), set as a user sets them with gsettings; and
     * the window's first theme from it, as the app makes it.
     */
    @Test
    void aRealGsettingsSaysDarkAndTheFirstLaunchIsDark() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeAll(List.of("GTK_THEME", "DBUS_SESSION_BUS_ADDRESS"));
        env.put("GSETTINGS_BACKEND", "keyfile");
        env.put("XDG_CONFIG_HOME", config.toString());
        assumeTrue(hasSchema(env), "gsettings with GNOME's org.gnome.desktop.interface schema (color-scheme)");
        DesktopTheme desktop = DesktopTheme.of(env);
        assertEquals(Optional.of(false), desktop.prefersDark(), "a fresh session: 'default', Adwaita, light");
        gsettings(env, "set", "org.gnome.desktop.interface", "color-scheme", "prefer-dark");
        assertEquals(Optional.of(true), desktop.prefersDark());
        assertEquals(io.digitstudio.ui.widgets.Theme.DARK, Appearance.firstTheme(LastSession.inMemory(), desktop::prefersDark));
        gsettings(env, "set", "org.gnome.desktop.interface", "color-scheme", "default");
        assertEquals(Optional.of(false), desktop.prefersDark());
        assertEquals(io.digitstudio.ui.widgets.Theme.LIGHT, Appearance.firstTheme(LastSession.inMemory(), desktop::prefersDark));
        gsettings(env, "set", "org.gnome.desktop.interface", "gtk-theme", "Adwaita-dark");
        assertEquals(Optional.of(true), desktop.prefersDark(), "'default' leaves it to GTK's theme");
    }

    /** Whether gsettings is here and knows GNOME's interface settings with their color-scheme (GNOME 42+). */
    private static boolean hasSchema(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("gsettings", "list-keys", "org.gnome.desktop.interface").redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && out.lines().anyMatch("color-scheme"::equals);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** gsettings run in {@code env}: what it prints (it must succeed). */
    private static String gsettings(Map<String, String> env, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("gsettings"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), "gsettings " + String.join(" ", args) + " ends");
        assertEquals(0, p.exitValue(), "gsettings " + String.join(" ", args) + ": " + out);
        return out;
    }
}
