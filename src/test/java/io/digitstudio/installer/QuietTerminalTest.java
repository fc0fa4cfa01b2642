package io.digitstudio.installer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The installed app started as a user starts it without a D-Bus session bus (under Xvfb; over ssh -X alike), its GTK
 * file chooser opened from the keyboard (Draw's Open image…, Alt+I) and closed with Esc, twice: what the terminal
 * shows. The start script installer/digitstudio is laid out as the package lays it out, in bin/ beside the launcher
 * DigitStudio; that launcher is here a script that starts the app's JVM from the build's class path, as jpackage's
 * launcher starts it from the jar, with the environment it was given (installer/check.sh checks the real one gets it).
 * <p>
 * Started directly, the launcher shows the dconf warnings the start script keeps away: that run shows the chooser opened
 * and the warnings are caught here. On a machine whose GSettings prints nothing without a bus (no dconf module, or a
 * dbus-launch that starts a bus) there is nothing to keep away, and the test is skipped.
 */
class QuietTerminalTest {
    /** A GLib log line: "(java:1234): dconf-WARNING **: …", "Gdk-CRITICAL **", "GLib-GIO-WARNING **" … */
    private static final Pattern GLIB_LOG = Pattern.compile("(?m)^.*-(WARNING|CRITICAL) \\*\\*.*$");

    /** Runs in Xvfb: starts $1, opens and closes the chooser twice from the keyboard, quits; says how far it got. */
    private static final String DRIVER = """
            #!/bin/sh
            "$1" >"$2" 2>"$3" &
            app=$!
            step() { echo "$1"; }
            # the main window, given the focus (no window manager here gives it)
            w=$(timeout 600 xdotool search --sync --onlyvisible --name '^DigitStudio$' | head -n 1)
            [ -n "$w" ] || { step "no window"; kill "$app"; exit 1; }
            step window
            xdotool windowfocus --sync "$w"
            xdotool key ctrl+4
            for round in 1 2; do
              # Alt+I answers once the Draw view has been laid out: pressed again every 10 s until the chooser shows
              c=
              n=0
              while [ -z "$c" ]; do
                n=$((n + 1)); [ $n -le 30 ] || { step "no chooser"; kill "$app"; exit 1; }
                xdotool windowfocus --sync "$w" key alt+i
                c=$(timeout 10 xdotool search --sync --onlyvisible --name '^Open image to classify$' | head -n 1)
              done
              step "chooser open $round"
              xdotool windowfocus --sync "$c" key Escape
              n=0
              while xdotool search --onlyvisible --name '^Open image to classify$' >/dev/null 2>&1; do
                n=$((n + 1)); [ $n -lt 3000 ] || { step "chooser stays"; kill "$app"; exit 1; }
                sleep 0.1
              done
              step "chooser closed $round"
              xdotool windowfocus --sync "$w"
            done
            xdotool key ctrl+q
            n=0
            while kill -0 "$app" 2>/dev/null; do
              n=$((n + 1)); [ $n -lt 600 ] || { step "no quit"; kill "$app"; break; }
              sleep 0.1
            done
            wait "$app"
            step "ended $?"
            """;

    @TempDir
    Path dir;
    private Path bin;

    @BeforeEach
    void layOut() throws IOException {
        bin = Files.createDirectories(dir.resolve("opt/digitstudio/bin"));
        Files.copy(Path.of("installer/digitstudio"), bin.resolve("digitstudio"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        executable(bin.resolve("DigitStudio"), "#!/bin/sh\nexec '" + java + "' -Xmx512m -Djava.util.prefs.userRoot='" + dir.resolve("prefs")
                + "' -cp '" + System.getProperty("java.class.path") + "' io.digitstudio.Main \"$@\"\n");
        executable(dir.resolve("driver.sh"), DRIVER);
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void withoutASessionBusTheFileChooserLeavesTheTerminalQuietThroughTheStartScript() throws Exception {
        assumeTrue(onPath("xvfb-run") && onPath("xdotool"), "xvfb-run and xdotool (apt-get install xvfb xdotool)");
        String direct = terminal("DigitStudio", "direct");
        assumeTrue(direct.contains("dconf-WARNING"), "this machine's GSettings prints nothing without a bus:\n" + direct);

        String started = terminal("digitstudio", "script");
        assertFalse(GLIB_LOG.matcher(started).find(), "the terminal of the app started by its start script:\n" + started);
    }

    /** What the app printed on the terminal (stderr) when started by {@code launcher} in bin/, with no session bus. */
    private String terminal(String launcher, String name) throws Exception {
        Path home = Files.createDirectories(dir.resolve(name));
        ProcessBuilder pb = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "sh", dir.resolve("driver.sh").toString(),
                bin.resolve(launcher).toString(), home.resolve("out.txt").toString(), home.resolve("err.txt").toString())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        // no bus, no back-end chosen: as under Xvfb or over ssh; the rest of the session is this test's own
        env.keySet().removeAll(List.of("DBUS_SESSION_BUS_ADDRESS", "GSETTINGS_BACKEND", "DIGITSTUDIO_LAUNCHER_SET", "DISPLAY", "WAYLAND_DISPLAY"));
        env.put("XDG_RUNTIME_DIR", Files.createDirectories(home.resolve("run")).toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CACHE_HOME", home.resolve("cache").toString());
        env.put("DIGITSTUDIO_RUNS", home.resolve("runs").toString());
        env.put("DIGITSTUDIO_MYDIGITS", home.resolve("mydigits").toString());
        Process p = pb.start();
        String steps = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail(launcher + " did not end:\n" + steps);
        }
        String err = Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), launcher + ": " + steps + "\nstderr:\n" + err);
        assertTrue(steps.contains("chooser closed 2") && steps.contains("ended 0"), launcher + ": the chooser opened and closed twice, and Ctrl+Q quit: "
                + steps + "\nstderr:\n" + err);
        return err;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) return true;
        }
        return false;
    }
}
