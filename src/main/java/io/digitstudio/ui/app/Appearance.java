package io.digitstudio.ui.app;

import io.digitstudio.ui.widgets.Theme;
import javafx.application.Application;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The window's theme and UI scale. The theme is AtlantaFX's sheet for every control (the application's user agent
 * stylesheet) plus our sheet and the theme's colours on each scene; the scale is the root's font size, which every size in
 * em follows. Both are remembered once chosen; until a theme is chosen, the desktop's dark preference decides at each
 * launch (a desktop turned dark since brings the app along), and choosing only a scale chooses no theme.
 */
public final class Appearance {
    public static final int MIN_SCALE = 100;
    public static final int MAX_SCALE = 200;
    /** The root font size at 100 %. */
    public static final double BASE_FONT_SIZE = 13;

    private final LastSession last;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final IntegerProperty scale = new SimpleIntegerProperty(MIN_SCALE);
    /** The scenes styled (the window's and each open dialog's), in the order they came. */
    private final java.util.Set<Scene> scenes = new java.util.LinkedHashSet<>();
    /** The theme the desktop gave this launch while none has been chosen; null once one has. */
    private Theme followed;

    /** With what the last session chose, else the desktop's preference ({@code desktopDark} is asked only then). */
    public Appearance(LastSession last, java.util.function.Supplier<java.util.Optional<Boolean>> desktopDark) {
        this.last = last;
        theme.set(firstTheme(last, desktopDark));
        followed = last.theme().isPresent() ? null : theme.get();
        scale.set(last.uiScale().orElse(MIN_SCALE));
        theme.addListener((o, a, t) -> restyle());
        scale.addListener((o, a, s) -> restyle());
        restyle();
    }

    /** The theme a launch opens in: the one chosen last, else the desktop's dark or light (light if it does not say). */
    static Theme firstTheme(LastSession last, java.util.function.Supplier<java.util.Optional<Boolean>> desktopDark) {
        return last.theme().orElseGet(() -> desktopDark.get().orElse(false) ? Theme.DARK : Theme.LIGHT);
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The UI scale in percent, 100 to 200. */
    public IntegerProperty scaleProperty() {
        return scale;
    }

    /**
     * Sets and remembers the user's choice. The theme is remembered only if it is one: kept as the desktop gave it (the
     * user changed only the scale), it goes on following the desktop.
     */
    public void choose(Theme t, int percent) {
        Objects.requireNonNull(t);
        int p = Math.max(MIN_SCALE, Math.min(MAX_SCALE, percent));
        theme.set(t);
        scale.set(p);
        if (t != followed) {
            last.theme(t);
            followed = null;
        }
        last.uiScale(p);
    }

    /** Styles this scene now and whenever the theme or scale change (the window's, and each dialog's). */
    public void style(Scene scene) {
        scenes.add(scene);
        restyle(scene);
    }

    /** Stops styling a scene that is gone (a closed dialog). */
    public void forget(Scene scene) {
        scenes.remove(scene);
    }

    /** The root's style for the current scale: its font size, which AtlantaFX's and our em sizes follow. */
    public String rootStyle() {
        return rootStyle(scale.get());
    }

    private static String rootStyle(int percent) {
        return String.format(Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT_SIZE * percent / 100.0);
    }

    /**
     * The root's inline style at {@code percent}: none at 100 %, where our sheet's {@code .root} rule gives the same
     * size, because JavaFX parses an inline style as text (its CSS parser's classes and the parse itself, before the
     * first frame) where our sheets come read in binary form.
     */
    static String rootStyleAt(int percent) {
        return percent == MIN_SCALE ? "" : rootStyle(percent);
    }

    private void restyle() {
        Theme t = theme.get();
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
        Theme.activeProperty().set(t);
        for (Scene s : List.copyOf(scenes)) restyle(s);
    }

    private void restyle(Scene s) {
        Theme t = theme.get();
        List<String> sheets = List.of(url(Theme.SHEET), url(t.colours()));
        if (!s.getStylesheets().equals(sheets)) s.getStylesheets().setAll(sheets);
        if (s.getRoot() != null) {
            s.getRoot().setStyle(rootStyleAt(scale.get()));
            s.getRoot().getStyleClass().removeIf(c -> c.startsWith("theme-"));
            s.getRoot().getStyleClass().add("theme-" + t.id());
        }
    }

    private static String url(String resource) {
        return Objects.requireNonNull(Appearance.class.getResource(resource), resource).toExternalForm();
    }
}
