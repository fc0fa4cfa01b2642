package io.digitstudio.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The window as the desktop starts it, not as Monocle fakes it: the shipped app in a process of its own, on GTK under
 * Xvfb, in a session whose settings are a private GSettings key file ({@link SystemLooksProbe} prints what it shows).
 * <ul>
 * <li>The desktop's dark preference, set with gsettings as a user sets it, opens a first launch dark, and GNOME's
 * "default" opens it light: the real path, {@code DesktopTheme.ofThisDesktop()} running gsettings in the app's own
 * environment.</li>
 * <li>The desktop's scale is honoured: with {@code -Dglass.gtk.uiScale=1.5} or {@code GDK_SCALE=2} the screen reports
 * that output scale and the window renders at it, while the scene keeps its size in its own pixels (1024×700) and the
 * app's UI scale stays what the user set (100 %: 13 px labels; 150 %: 19.5 px): the two multiply, and neither undoes the
 * other. At that render scale no label of any view of a fresh session is cut to "…" in the smallest window.</li>
 * </ul>
 * Needs xvfb-run and gsettings with GNOME's interface schema; without them there is no desktop to ask, and it is skipped.
 */
class SystemLooksTest {
    @TempDir
    Path home;

    @Test
    void aDarkDesktopAtOneAndAHalfOpensTheFirstLaunchDarkAndRendersAtThatScale() throws Exception {
        Map<String, String> out = probe("prefer-dark", null, Map.of(), List.of("-Dglass.gtk.uiScale=1.5"), "1600x1100x24");
        assertEquals("dark", out.get("theme"), "a dark desktop's first launch");
        assertScale(out, "1.50x1.50", "100", "13.00");
    }

    @Test
    void aDefaultDesktopAtGdkScaleTwoWithTheUiAtOneAndAHalfOpensLightAndRendersAtBoth() throws Exception {
        // a UI scale chosen before, and no theme: the desktop still decides the theme
        Map<String, String> out = probe("default", "{\"uiScale\": \"150\"}", Map.of("GDK_SCALE", "2"), List.of(), "2100x1500x24");
        assertEquals("light", out.get("theme"), "GNOME's default: light");
        assertScale(out, "2.00x2.00", "150", "19.50");
    }

    private static void assertScale(Map<String, String> out, String scale, String uiScale, String labelFont) {
        assertEquals("active", out.get("model"), "the built-in model came up: the views show what they show with it");
        assertEquals(scale, out.get("screen-output-scale"), "the screen's output scale");
        assertEquals(scale, out.get("window-render-scale"), "the window renders at the desktop's scale");
        assertEquals("1024x700", out.get("window"), "the scene's size in its own pixels");
        assertEquals(uiScale, out.get("ui-scale"), "the app's own scale is not changed by the desktop's");
        assertEquals(labelFont, out.get("label-font"), "labels at the app's own scale, in the scene's pixels");
        List<String> cut = new ArrayList<>();
        int views = 0;
        for (Map.Entry<String, String> e : out.entrySet()) {
            if (e.getKey().startsWith("view ")) {
                views++;
                assertTrue(Integer.parseInt(e.getValue().replaceAll(".*labels=(\\d+).*", "$1")) > 0, e.getKey() + " shows labels");
                if (!e.getValue().endsWith("cut=0")) cut.add(e.getKey() + ": " + e.getValue());
            }
            if (e.getKey().startsWith("cut ")) cut.add(e.getValue());
        }
        assertEquals(8, views, "every view walked: " + out);
        assertTrue(cut.isEmpty(), "cut at render scale " + scale + ":\n" + String.join("\n", cut));
    }

    /**
     * Runs the probe in a fresh session: its own settings ({@code settings}: the settings file's text, null: none yet),
     * history and collection under {@link #home}, GSettings' key file backend there with the colour scheme set,
     * {@code env} and {@code jvm} added; what it printed, by key (views as "view NAME", cut labels as "cut N").
     */
    private Map<String, String> probe(String colourScheme, String settings, Map<String, String> extraEnv, List<String> jvm, String screen)
            throws Exception {
        assumeTrue(onPath("xvfb-run"), "xvfb-run (apt-get install xvfb)");
        Map<String, String> env = new HashMap<>(System.getenv());
        // the desktop is only what this test sets
        env.keySet().removeAll(List.of("GTK_THEME", "GDK_SCALE", "GDK_DPI_SCALE", "DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY"));
        env.put("GSETTINGS_BACKEND", "keyfile");
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("DIGITSTUDIO_RUNS", home.resolve("runs").toString());
        env.put("DIGITSTUDIO_MYDIGITS", home.resolve("mydigits").toString());
        env.putAll(extraEnv);
        Files.createDirectories(home.resolve("config"));
        if (settings != null) {
            Files.createDirectories(home.resolve("config/digitstudio"));
            Files.writeString(home.resolve("config/digitstudio/settings.json"), settings);
        }
        String keys;
        try {
            keys = run(env, 30, "gsettings", "list-keys", "org.gnome.desktop.interface");
        } catch (IOException | AssertionError e) {
            keys = ""; // no gsettings, or no such schema
        }
        assumeTrue(keys.lines().anyMatch("color-scheme"::equals), "gsettings with GNOME's org.gnome.desktop.interface schema");
        run(env, 30, "gsettings", "set", "org.gnome.desktop.interface", "color-scheme", colourScheme);

        List<String> command = new ArrayList<>(List.of("xvfb-run", "-a", "-s", "-screen 0 " + screen, javaBin(), "-Xmx768m",
                "-Djava.util.prefs.userRoot=" + home.resolve("prefs")));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SystemLooksProbe.class.getName()));
        String printed = run(env, 900, command.toArray(String[]::new));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        int cuts = 0;
        boolean ended = false;
        for (String line : printed.lines().toList()) {
            if (line.equals("end")) ended = true;
            else if (line.startsWith("view=")) out.put("view " + line.substring(5, line.indexOf(" labels=")), line);
            else if (line.startsWith("cut=")) out.put("cut " + cuts++, line.substring(4));
            else if (line.matches("[a-z-]+=.*")) out.putIfAbsent(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
        assertTrue(ended, "the probe ran to its end:\n" + printed);
        return out;
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) return true;
        }
        return false;
    }

    /** Runs a command in {@code env}; what it printed (it must end well within {@code seconds} and succeed). */
    private static String run(Map<String, String> env, int seconds, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Path log = Files.createTempFile("system-looks", ".log");
        try {
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                fail(String.join(" ", command) + " did not end in " + seconds + " s:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + out);
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
