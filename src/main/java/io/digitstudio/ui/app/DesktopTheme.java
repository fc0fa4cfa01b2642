package io.digitstudio.ui.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Whether the desktop prefers dark, as far as Linux lets an app read it (JavaFX 21 has no API for it; 22's
 * Platform.Preferences does). In order: GNOME's and the freedesktop portal's {@code color-scheme} setting
 * ({@code gsettings get org.gnome.desktop.interface color-scheme}, "prefer-dark"), the {@code GTK_THEME} variable
 * ("Adwaita:dark"), GTK's theme name in gsettings and in {@code ~/.config/gtk-3.0/settings.ini} ("…-dark", or
 * {@code gtk-application-prefer-dark-theme=1}). KDE writes the GTK settings file too. Nothing found: unknown.
 */
public final class DesktopTheme {
    private final Function<String, String> env;
    private final Function<String, Optional<String>> gsettings;
    private final Path configHome;

    DesktopTheme(Function<String, String> env, Function<String, Optional<String>> gsettings, Path configHome) {
        this.env = env;
        this.gsettings = gsettings;
        this.configHome = configHome;
    }

    /** This machine's desktop: the one this process was started in. */
    public static DesktopTheme ofThisDesktop() {
        return of(System.getenv());
    }

    /**
     * The desktop of a session with this environment: its variables, and gsettings run with them, so that it reads the
     * settings that session's backend holds ({@code GSETTINGS_BACKEND}, {@code XDG_CONFIG_HOME}, the D-Bus address …),
     * less what the start script set for the app alone ({@link #desktopsOwn}).
     */
    static DesktopTheme of(Map<String, String> environment) {
        Map<String, String> env = Map.copyOf(environment);
        Map<String, String> gsettingsEnv = desktopsOwn(env);
        String xdg = env.get("XDG_CONFIG_HOME");
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config");
        return new DesktopTheme(env::get, key -> gsettings(gsettingsEnv, key), config);
    }

    /** Names the variables the start script set (installer/digitstudio), not the user: a space-separated list. */
    static final String LAUNCHER_SET = "DIGITSTUDIO_LAUNCHER_SET";

    /**
     * The session's environment without what the start script set for the app alone: without a session bus it gives
     * GSettings its memory back-end, which keeps GTK's file chooser quiet but holds only the schemas' defaults; gsettings
     * run without it reads the desktop's real settings (dconf reads its database without a bus). A value the user set is
     * kept, so gsettings reads what they chose.
     */
    static Map<String, String> desktopsOwn(Map<String, String> env) {
        String set = env.get(LAUNCHER_SET);
        if (set == null || set.isBlank()) return env;
        Map<String, String> own = new java.util.HashMap<>(env);
        own.remove(LAUNCHER_SET);
        for (String name : set.strip().split("\\s+")) own.remove(name);
        return Map.copyOf(own);
    }

    /** True: the desktop prefers dark; false: light; empty: it does not say. */
    public Optional<Boolean> prefersDark() {
        Optional<String> scheme = gsettings.apply("color-scheme");
        if (scheme.isPresent()) {
            String s = unquote(scheme.get());
            if (s.equals("prefer-dark")) return Optional.of(true);
            if (s.equals("prefer-light")) return Optional.of(false);
            // "default": GNOME's light, unless the GTK theme says otherwise
        }
        String gtkTheme = env.apply("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) return Optional.of(darkName(gtkTheme));
        Optional<String> name = gsettings.apply("gtk-theme");
        if (name.isPresent() && !unquote(name.get()).isEmpty()) return Optional.of(darkName(unquote(name.get())));
        Path ini = configHome.resolve("gtk-3.0").resolve("settings.ini");
        if (Files.isRegularFile(ini)) {
            try {
                for (String line : Files.readAllLines(ini, StandardCharsets.UTF_8)) {
                    String[] kv = line.split("=", 2);
                    if (kv.length != 2) continue;
                    String key = kv[0].strip(), value = kv[1].strip();
                    if (key.equals("gtk-application-prefer-dark-theme")) return Optional.of(value.equals("1") || value.equalsIgnoreCase("true"));
                    if (key.equals("gtk-theme-name")) return Optional.of(darkName(value));
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                // unreadable settings say nothing
            }
        }
        return scheme.isPresent() ? Optional.of(false) : Optional.empty();
    }

    /** A GTK theme name that means dark: "Adwaita:dark", "Yaru-dark", "Breeze-Dark", "HighContrastInverse". */
    static boolean darkName(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        return s.contains("dark") || s.contains("inverse");
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && (t.startsWith("'") && t.endsWith("'") || t.startsWith("\"") && t.endsWith("\""))) t = t.substring(1, t.length() - 1);
        return t;
    }

    /** A key of org.gnome.desktop.interface, if gsettings is there and answers within a second in this environment. */
    private static Optional<String> gsettings(Map<String, String> env, String key) {
        try {
            ProcessBuilder pb = new ProcessBuilder("gsettings", "get", "org.gnome.desktop.interface", key).redirectErrorStream(true);
            pb.environment().clear();
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(1, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The answer asked early by the launcher, until it is taken (null: none asked, or taken). */
    private static final java.util.concurrent.atomic.AtomicReference<java.util.concurrent.CompletableFuture<Optional<Boolean>>> EARLY =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Asks {@code question} on a thread of its own, so that its answer is there when the window's start wants it: the
     * launcher asks this desktop before the toolkit starts. gsettings is a process or two (0.05–0.15 s each on a
     * two-core machine) that the JavaFX thread otherwise waited for while the window was built. A question that
     * answers null (a theme was chosen, which the app uses instead) or fails is asked again when it is wanted.
     */
    static void askEarly(java.util.function.Supplier<Optional<Boolean>> question) {
        java.util.concurrent.CompletableFuture<Optional<Boolean>> answer = new java.util.concurrent.CompletableFuture<>();
        EARLY.set(answer);
        Thread t = new Thread(() -> {
            try {
                answer.complete(question.get());
            } catch (RuntimeException e) {
                answer.complete(null);
            }
        }, "desktop-theme");
        t.setDaemon(true);
        t.start();
    }

    /** Whether this desktop prefers dark: the launcher's early answer the first time (waited for), else asked now. */
    public static Optional<Boolean> thisDesktopPrefersDark() {
        return take(() -> ofThisDesktop().prefersDark());
    }

    /** The early answer if one was asked and not yet taken, else {@code now}'s. */
    static Optional<Boolean> take(java.util.function.Supplier<Optional<Boolean>> now) {
        java.util.concurrent.CompletableFuture<Optional<Boolean>> early = EARLY.getAndSet(null);
        Optional<Boolean> answer = early == null ? null : early.join();
        return answer != null ? answer : now.get();
    }

    /** For tests: a desktop made of these answers. */
    static DesktopTheme of(Map<String, String> env, Map<String, String> gsettings, Path configHome) {
        return new DesktopTheme(env::get, k -> Optional.ofNullable(gsettings.get(k)), configHome);
    }
}
