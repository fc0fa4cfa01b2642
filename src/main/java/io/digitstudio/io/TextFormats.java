package io.digitstudio.io;

import java.util.Locale;

/** Quoting for the text formats the app writes by hand (JSON logs and reports, CSV exports). */
public final class TextFormats {
    private TextFormats() {
    }

    /** A JSON string literal: quotes and backslashes escaped, control characters as {@code \\uXXXX}. */
    public static String jsonString(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    /** A CSV field: quoted (with quotes doubled) only when it holds a comma, a quote or a line break (RFC 4180). */
    public static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
