package io.digitstudio.io;

import java.nio.file.Path;
import java.util.Map;

/** Where the app keeps the user's own files, after the XDG base directory specification. */
public final class UserFolders {
    private UserFolders() {
    }

    /**
     * {@code $OVERRIDE} when set, else {@code $XDG_DATA_HOME/digitstudio/NAME} (an absolute XDG_DATA_HOME only, as the
     * specification says), else {@code ~/.local/share/digitstudio/NAME}.
     */
    public static Path data(Map<String, String> env, String override, String name) {
        String dir = env.get(override);
        if (dir != null && !dir.isBlank()) return Path.of(dir);
        String xdg = env.get("XDG_DATA_HOME");
        Path data = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return data.resolve("digitstudio").resolve(name);
    }

    /**
     * {@code $XDG_CACHE_HOME/digitstudio/NAME} (an absolute XDG_CACHE_HOME only), else {@code ~/.cache/digitstudio/NAME}:
     * files the app can make again, kept to start faster.
     */
    public static Path cache(Map<String, String> env, String name) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return cache.resolve("digitstudio").resolve(name);
    }

    /**
     * {@code $XDG_CONFIG_HOME/digitstudio} (an absolute XDG_CONFIG_HOME only), else {@code ~/.config/digitstudio}: the
     * user's settings.
     */
    public static Path config(Map<String, String> env) {
        return config(env, System.getProperty("user.home"));
    }

    /** {@link #config(Map)} for the user whose home folder is {@code home}. */
    public static Path config(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".config");
        return config.resolve("digitstudio");
    }
}
