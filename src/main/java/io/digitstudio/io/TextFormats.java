package io.digitstudio.io;

/** Quoting for the text formats the app writes by hand (JSON logs and reports, CSV exports). */
public final class TextFormats {
    private TextFormats() {
    }

    /** A JSON string literal: quotes and backslashes escaped, control characters escaped (written by Jackson). */
    public static String jsonString(String s) {
        return Json.quote(s);
    }

    /** A CSV field: quoted (with quotes doubled) only when it holds a comma, a quote or a line break (RFC 4180). */
    public static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
