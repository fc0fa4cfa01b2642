package io.digitstudio.ui.widgets;

import javafx.scene.Node;

/**
 * Names and descriptions for the platform's screen reader (JavaFX's {@code accessibleText} and {@code accessibleHelp}):
 * what a control or picture is, and what it does or shows. Read on Windows and macOS; JavaFX has no bridge on Linux.
 */
public final class ScreenReader {
    private ScreenReader() {
    }

    /** Gives {@code node} a name and a description, and returns it (for use where the node is built). */
    public static <T extends Node> T describe(T node, String name, String help) {
        node.setAccessibleText(name);
        node.setAccessibleHelp(help);
        return node;
    }

    /** Gives {@code node} a description (its name comes from elsewhere: its text, or a label), and returns it. */
    public static <T extends Node> T help(T node, String help) {
        node.setAccessibleHelp(help);
        return node;
    }

    /** A value as a reader says it: three significant digits (0.123, 0.973, 12.3), scientific when very small or large. */
    public static String spoken(double v) {
        if (!Double.isFinite(v)) return Formats.figure(v, 0);
        double a = Math.abs(v);
        if (a == 0) return "0";
        if (a < 1e-3 || a >= Formats.SCIENTIFIC_FROM) return Formats.scientific(v, 3);
        int decimals = Math.max(0, 2 - (int) Math.floor(Math.log10(a)));
        return trimmed(Formats.fixed(v, decimals));
    }

    /** A position on an axis (an epoch, seconds) as a reader says it: up to two decimals, 3 rather than 3.00. */
    public static String spokenX(double x) {
        return trimmed(Formats.fixed(x, 2));
    }

    /** 0.10 as 0.1, 3.00 as 3. */
    private static String trimmed(String fixed) {
        if (!fixed.contains(".")) return fixed;
        return fixed.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
