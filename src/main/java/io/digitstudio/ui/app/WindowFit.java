package io.digitstudio.ui.app;

import java.util.List;
import java.util.Optional;

/**
 * Where the window opens and how large, as arithmetic on rectangles (a screen's visual bounds, the window's saved place):
 * the window is never larger than the screen it opens on, and all of it is on that screen.
 */
public final class WindowFit {
    private WindowFit() {
    }

    /** A rectangle in screen coordinates. */
    public record Rect(double x, double y, double width, double height) {
        double area(Rect o) {
            double w = Math.min(x + width, o.x + o.width) - Math.max(x, o.x);
            double h = Math.min(y + height, o.y + o.height) - Math.max(y, o.y);
            return w > 0 && h > 0 ? w * h : 0;
        }
    }

    /**
     * A first window on {@code screen}: {@code width}×{@code height} (at least {@code minWidth}×{@code minHeight}), no
     * larger than the screen, centred on it. On a screen smaller than the minimum the window takes the whole screen.
     */
    public static Rect first(Rect screen, double width, double height, double minWidth, double minHeight) {
        double w = Math.min(Math.max(width, minWidth), screen.width());
        double h = Math.min(Math.max(height, minHeight), screen.height());
        return new Rect(screen.x() + (screen.width() - w) / 2, screen.y() + (screen.height() - h) / 2, w, h);
    }

    /**
     * The window's saved place moved onto the screen it mostly lies on: shrunk to that screen where it is larger, at
     * least the minimum where the screen allows, and moved so that all of it is on the screen. Empty when it lies on
     * none of {@code screens} (the monitor it was on is gone).
     */
    public static Optional<Rect> saved(Rect saved, List<Rect> screens, double minWidth, double minHeight) {
        Rect on = null;
        double most = 0;
        for (Rect s : screens) {
            double a = saved.area(s);
            if (a > most) {
                most = a;
                on = s;
            }
        }
        if (on == null) return Optional.empty();
        double w = Math.min(Math.max(saved.width(), minWidth), on.width());
        double h = Math.min(Math.max(saved.height(), minHeight), on.height());
        double x = Math.max(on.x(), Math.min(saved.x(), on.x() + on.width() - w));
        double y = Math.max(on.y(), Math.min(saved.y(), on.y() + on.height() - h));
        return Optional.of(new Rect(x, y, w, h));
    }
}
