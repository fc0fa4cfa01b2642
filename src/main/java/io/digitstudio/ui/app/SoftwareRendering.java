package io.digitstudio.ui.app;

import io.digitstudio.io.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Remembers the displays on which JavaFX's graphics pipeline fell back to software drawing, and starts there in
 * software at once. JavaFX tries its OpenGL pipeline first: where the only OpenGL is a software one (Mesa's llvmpipe in a
 * virtual machine, a remote desktop, Xvfb), it loads Mesa and LLVM, makes a context, finds the renderer below its
 * requirements and falls back, and the window waits for all of it (about 0.7 s of a two-core machine's start, JFR,
 * decision 0012). The display's answer is found again after {@link #RETRY_DAYS} days, so that a new graphics driver is
 * used once it is there. A pipeline the user names ({@code -Dprism.order}) is left alone, as are displays not seen
 * before and headless tests.
 * <p>
 * The displays are kept in the cache folder ({@code $XDG_CACHE_HOME/digitstudio/software-rendering}), one a line: the
 * display's name, a tab, and the day (days since 1970) its pipeline was last seen to fall back.
 */
final class SoftwareRendering {
    /** Days after which a display's fallback is tried again with the OpenGL pipeline. */
    static final long RETRY_DAYS = 7;
    static final String FILE = "software-rendering";

    private final Path file;
    private final String display;
    private final long today;

    SoftwareRendering(Path file, String display, long today) {
        this.file = file;
        this.display = display;
        this.today = today;
    }

    /** For the user's display and cache folder, today; null where it does not apply (no X display, or Monocle). */
    static SoftwareRendering ofThisSession(Map<String, String> env, Properties properties) {
        String display = env.get("DISPLAY");
        if (display == null || display.isBlank() || "Monocle".equals(properties.getProperty("glass.platform"))) return null;
        return new SoftwareRendering(io.digitstudio.io.UserFolders.cache(env, FILE), display, java.time.LocalDate.now().toEpochDay());
    }

    /**
     * Asks for software drawing ({@code prism.order=sw}) when this display fell back within the last {@link #RETRY_DAYS}
     * days and no pipeline was named; returns whether it did.
     */
    boolean chooseBefore(Properties properties) {
        if (properties.getProperty("prism.order") != null) return false;
        Long day = displays().get(display);
        if (day == null || today - day >= RETRY_DAYS || day > today) return false;
        properties.setProperty("prism.order", "sw");
        return true;
    }

    /**
     * What the first frame showed: whether the pipeline in use draws in hardware ({@code hardware}, JavaFX's 3D
     * support, which only its hardware pipelines give). Not asked for software ({@code chose} false) and drawn in
     * software: the display is remembered; drawn in hardware: forgotten. Asked for software, nothing was learnt.
     */
    void learn(boolean chose, boolean hardware) throws IOException {
        if (chose) return;
        Map<String, Long> displays = displays();
        boolean changed = hardware ? displays.remove(display) != null : !Long.valueOf(today).equals(displays.put(display, today));
        if (!changed) return;
        Files.createDirectories(file.getParent());
        StringBuilder out = new StringBuilder();
        displays.forEach((d, day) -> out.append(d).append('\t').append(day).append('\n'));
        AtomicFiles.write(file, o -> o.write(out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The remembered displays and their days; lines that do not read as such are dropped. */
    Map<String, Long> displays() {
        Map<String, Long> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int tab = line.lastIndexOf('\t');
                if (tab <= 0) continue;
                try {
                    out.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1).trim()));
                } catch (NumberFormatException e) {
                    // a damaged line: that display is found again
                }
            }
        } catch (IOException e) {
            // none yet, or unreadable: every display is found again
        }
        return out;
    }
}
