package io.digitstudio.installer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The installed app's start script, installer/digitstudio, as the package lays it out: in bin/ beside the jpackage
 * launcher DigitStudio, which it starts. Here that launcher is the system's {@code env}, which prints the environment it
 * was started with, and then its arguments' output ({@code env} runs them): what the app's JVM would get.
 */
class LauncherScriptTest {
    @TempDir
    Path dir;
    private Path script;

    @BeforeEach
    void layOut() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("opt/digitstudio/bin"));
        script = bin.resolve("digitstudio");
        Files.copy(Path.of("installer/digitstudio"), script);
        Path env = Path.of("/usr/bin/env");
        Files.copy(env, bin.resolve("DigitStudio"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(dir.resolve("run"));
    }

    /** The environment the launcher got when the script ran with {@code set} (null values: unset) and no arguments. */
    private Map<String, String> launched(Path how, Map<String, String> set) throws Exception {
        Map<String, String> env = new TreeMap<>();
        for (String line : run(how, set, List.of()).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) env.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return env;
    }

    private String run(Path how, Map<String, String> set, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", how.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // a session without a bus, as under Xvfb or over ssh, unless the case says otherwise
        pb.environment().remove("DBUS_SESSION_BUS_ADDRESS");
        pb.environment().remove("GSETTINGS_BACKEND");
        pb.environment().put("XDG_RUNTIME_DIR", dir.resolve("run").toString());
        set.forEach((k, v) -> {
            if (v == null) pb.environment().remove(k);
            else pb.environment().put(k, v);
        });
        return output(pb);
    }

    /** What a script printed (stdout with stderr), which must end with exit code 0. */
    static String output(ProcessBuilder pb) throws Exception {
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    @Test
    void withoutASessionBusGSettingsKeepsItsSettingsInMemory() throws Exception {
        Map<String, String> noBus = launched(script, Map.of());
        assertEquals("memory", noBus.get("GSETTINGS_BACKEND"), "no bus: the file chooser's dconf would print dbus-launch warnings");
        assertEquals("GSETTINGS_BACKEND", noBus.get("DIGITSTUDIO_LAUNCHER_SET"), "the app tells the script's value from the user's");
        Map<String, String> noRuntimeDir = new java.util.HashMap<>();
        noRuntimeDir.put("XDG_RUNTIME_DIR", null);
        assertEquals("memory", launched(script, noRuntimeDir).get("GSETTINGS_BACKEND"), "no bus and no runtime folder");
    }

    @Test
    void aSessionBusOrTheUsersOwnChoiceIsLeftAsItIs() throws Exception {
        Map<String, String> bus = launched(script, Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus"));
        assertFalse(bus.containsKey("GSETTINGS_BACKEND"), "a desktop session's bus: dconf works, GSettings as the desktop has it");
        assertEquals("unix:path=/run/user/1000/bus", bus.get("DBUS_SESSION_BUS_ADDRESS"));
        assertFalse(bus.containsKey("DIGITSTUDIO_LAUNCHER_SET"), "nothing set");
        // a name left over from an outer start says nothing about this one
        Map<String, String> users = launched(script, Map.of("GSETTINGS_BACKEND", "dconf", "DIGITSTUDIO_LAUNCHER_SET", "GSETTINGS_BACKEND"));
        assertEquals("dconf", users.get("GSETTINGS_BACKEND"), "the user's value stands");
        assertFalse(users.containsKey("DIGITSTUDIO_LAUNCHER_SET"), "and is not called the script's");
        assertEquals("", launched(script, Map.of("GSETTINGS_BACKEND", "")).get("GSETTINGS_BACKEND"), "even an empty one");
        // systemd's user bus, which GLib finds in the runtime folder without the variable
        try (ServerSocketChannel socket = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(dir.resolve("run/bus")));
            assertFalse(launched(script, Map.of()).containsKey("GSETTINGS_BACKEND"), "a user bus in $XDG_RUNTIME_DIR");
        }
    }

    @Test
    void theArgumentsReachTheLauncherWholeAlsoThroughALink() throws Exception {
        // env runs its arguments: printf shows each one on its own line, spaces and all
        String out = run(script, Map.of(), List.of("printf", "[%s]\\n", "train", "--out", "my model.npz"));
        assertEquals("[train]\n[--out]\n[my model.npz]\n", out);
        Path link = Files.createDirectories(dir.resolve("usr/local/bin")).resolve("digitstudio");
        Files.createSymbolicLink(link, script);
        assertEquals("memory", launched(link, Map.of()).get("GSETTINGS_BACKEND"), "started through a link, the launcher beside the script is found");
    }
}
