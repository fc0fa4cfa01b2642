package io.digitstudio.io;

/**
 * A file that is not what it should be; the message names the file or entry and what is wrong, in one line. Names and
 * texts quoted from a damaged file may hold any bytes, so control characters are shown escaped ({@code \n}), never
 * printed.
 */
public class FormatException extends RuntimeException {
    public FormatException(String message) {
        super(oneLine(message));
    }

    public FormatException(String message, Throwable cause) {
        super(oneLine(message), cause);
    }

    static String oneLine(String s) {
        if (s == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085';
            if (control && sb == null) sb = new StringBuilder(s.substring(0, i));
            if (sb == null) continue;
            if (!control) {
                sb.append(c);
            } else {
                sb.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\x%02x", (int) c);
                });
            }
        }
        return sb == null ? s : sb.toString();
    }
}
