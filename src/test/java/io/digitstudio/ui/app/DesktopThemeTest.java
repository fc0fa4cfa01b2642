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
import static org.junit.jupiter.api.Assertions.assertNotSame;
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

    @Test
    void whatTheStartScriptSetIsLeftOutOfGsettingsEnvironmentAndTheUsersOwnIsKept() {
        Map<String, String> launched = Map.of("GSETTINGS_BACKEND", "memory", DesktopTheme.LAUNCHER_SET, "GSETTINGS_BACKEND", "HOME", "/home/u");
        assertEquals(Map.of("HOME", "/home/u"), DesktopTheme.desktopsOwn(launched));
        Map<String, String> users = Map.of("GSETTINGS_BACKEND", "memory", "HOME", "/home/u");
        assertEquals(users, DesktopTheme.desktopsOwn(users), "the user's own back-end stands");
        Map<String, String> withBus = Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus", "HOME", "/home/u");
        assertEquals(withBus, DesktopTheme.desktopsOwn(withBus), "a desktop session: nothing set, nothing changed");
    }

    /**
     * A desktop whose settings live in dconf, as GNOME keeps them, started without a session bus (Xvfb, ssh): the start
     * script gives the app GSettings' memory back-end, which holds only the defaults, and the dark preference is still
     * read from the desktop's dconf database. A memory back-end the user chose is theirs: gsettings reads it.
     */
    @Test
    void withoutABusTheStartScriptsMemoryBackEndStillReadsTheDesktopsDconf() throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.keySet().removeAll(List.of("GTK_THEME", "DBUS_SESSION_BUS_ADDRESS", "GSETTINGS_BACKEND", DesktopTheme.LAUNCHER_SET));
        env.put("XDG_CONFIG_HOME", config.toString());
        env.put("XDG_CACHE_HOME", config.resolve("cache").toString());
        Path runtime = Files.createDirectories(config.resolve("run"));
        env.put("XDG_RUNTIME_DIR", runtime.toString());
        assumeTrue(hasSchema(env), "gsettings with GNOME's org.gnome.desktop.interface schema (color-scheme)");
        assumeTrue(onPath("dbus-run-session"), "dbus-run-session, to write the desktop's dconf settings as a session does");
        // written in a session with a bus, as the desktop writes them; read below without one
        String written = run(env, "dbus-run-session", "--", "sh", "-c",
                "gsettings set org.gnome.desktop.interface color-scheme prefer-dark && gsettings get org.gnome.desktop.interface color-scheme");
        assumeTrue(written.contains("'prefer-dark'") && Files.isRegularFile(config.resolve("dconf/user")),
                "GSettings' dconf back-end and its service (a desktop's settings in dconf): " + written);

        assertEquals(Optional.of(true), DesktopTheme.of(env).prefersDark(), "no bus, nothing set: dconf read as it is");
        Map<String, String> launched = new HashMap<>(env);
        launched.put("GSETTINGS_BACKEND", "memory");
        launched.put(DesktopTheme.LAUNCHER_SET, "GSETTINGS_BACKEND");
        assertEquals(Optional.of(true), DesktopTheme.of(launched).prefersDark(), "the start script's memory back-end holds only defaults");
        Map<String, String> users = new HashMap<>(env);
        users.put("GSETTINGS_BACKEND", "memory");
        assertEquals(Optional.of(false), DesktopTheme.of(users).prefersDark(), "the user's memory back-end: its default, light");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
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
        return run(env, command.toArray(String[]::new));
    }

    /** A command run in {@code env}: what it prints (it must succeed). */
    private static String run(Map<String, String> env, String... args) throws Exception {
        List<String> command = List.of(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS), String.join(" ", args) + " ends");
        assertEquals(0, p.exitValue(), String.join(" ", args) + ": " + out);
        return out;
    }

    @Test
    void theLaunchersEarlyQuestionIsAskedOnAThreadOfItsOwnAndItsAnswerTakenOnce() throws Exception {
        java.util.concurrent.CountDownLatch asked = new java.util.concurrent.CountDownLatch(1);
        Thread[] on = new Thread[1];
        DesktopTheme.askEarly(() -> {
            on[0] = Thread.currentThread();
            asked.countDown();
            return Optional.of(true);
        });
        // asked while the launcher goes on (to start the toolkit), not when the window's start wants the answer
        assertTrue(asked.await(30, TimeUnit.SECONDS), "the question was asked before anyone waited for its answer");
        assertNotSame(Thread.currentThread(), on[0], "asked on the launcher's thread");
        assertEquals(Optional.of(true), DesktopTheme.take(() -> Optional.of(false)), "the early answer is taken");
        assertEquals(Optional.of(false), DesktopTheme.take(() -> Optional.of(false)), "once: a later window asks anew");
    }

    @Test
    void anEarlyQuestionLeftUnansweredIsAskedWhenItsAnswerIsWanted() {
        // a theme was chosen (the early question says nothing), or asking failed: the answer is asked for when wanted
        DesktopTheme.askEarly(() -> null);
        assertEquals(Optional.of(true), DesktopTheme.take(() -> Optional.of(true)));
        DesktopTheme.askEarly(() -> {
            throw new IllegalStateException("no gsettings");
        });
        assertEquals(Optional.of(false), DesktopTheme.take(() -> Optional.of(false)));
    }
}
