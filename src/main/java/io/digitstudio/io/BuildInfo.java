package io.digitstudio.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What the build says about itself (a resource Maven fills in). */
public final class BuildInfo {
    private BuildInfo() {
    }

    /** The version from the build, or "dev" when run from classes Maven did not filter. */
    public static String version() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/digitstudio/digitstudio.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
