package io.digitstudio.ui.widgets;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.util.Locale;
import java.util.Optional;

/**
 * The app's looks: AtlantaFX's Primer Light or Primer Dark for every control, and on top of it our own sheet
 * ({@code theme.css}: charts, heat map, tiles) with the colours of the theme ({@code theme-light.css} …). High contrast is
 * Primer Dark with its colour variables set to pure black, white and yellow: AtlantaFX 2.0.1 ships no high-contrast
 * theme, and its controls take every colour from those variables.
 */
public enum Theme {
    LIGHT("light", "Primer Light", false, PrimerSheets.LIGHT),
    DARK("dark", "Primer Dark", true, PrimerSheets.DARK),
    HIGH_CONTRAST("high-contrast", "High contrast", true, PrimerSheets.DARK);

    /** The sheet with the colours that are ours, the same for every theme. */
    public static final String SHEET = "/io/digitstudio/ui/theme.css";

    private static final ObjectProperty<Theme> ACTIVE = new SimpleObjectProperty<>(LIGHT);

    private final String id;
    private final String title;
    private final boolean dark;
    private final String userAgentStylesheet;

    Theme(String id, String title, boolean dark, String userAgentStylesheet) {
        this.id = id;
        this.title = title;
        this.dark = dark;
        this.userAgentStylesheet = userAgentStylesheet;
    }

    /** The name stored in the preferences ("dark"). */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public boolean dark() {
        return dark;
    }

    /**
     * AtlantaFX's sheet for every control (the application's user agent stylesheet), without the rules no node of the
     * app can match ({@link PrimerSheets}).
     */
    public String userAgentStylesheet() {
        return userAgentStylesheet;
    }

    /** The resource with this theme's own colours (series, heat map, right and wrong). */
    public String colours() {
        return "/io/digitstudio/ui/theme-" + id + ".css";
    }

    public static Optional<Theme> byId(String id) {
        if (id == null) return Optional.empty();
        String s = id.strip().toLowerCase(Locale.ROOT);
        for (Theme t : values()) if (t.id.equals(s)) return Optional.of(t);
        return Optional.empty();
    }

    /**
     * The theme the window shows now (FX thread). Views that paint pixels themselves (the confusion matrix, the weight
     * tiles) listen to it; everything else follows through CSS.
     */
    public static ObjectProperty<Theme> activeProperty() {
        return ACTIVE;
    }

    public static Theme active() {
        return ACTIVE.get();
    }

    @Override
    public String toString() {
        return title;
    }
}
