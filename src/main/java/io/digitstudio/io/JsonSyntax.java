package io.digitstudio.io;

/**
 * What is wrong with a JSON text that does not parse, in the project's words: where (line and column, from 1, at the
 * start of what is wrong) and what was expected there ("at line 3, column 1: expected a name in double quotes, found
 * '}'"). {@link Json} reads with Jackson and asks this only when Jackson refuses a text, so that a user reads neither
 * Jackson's sentences nor its count of characters. It follows the JSON grammar (RFC 8259) with {@link Json}'s limit of
 * nesting.
 */
final class JsonSyntax {
    /** What may start a value, said where one was expected. */
    private static final String VALUE = "expected a value (an object {...}, an array [...], a text in double quotes, a number, true, false or null)";

    private final String s;
    private final int maxDepth;
    private int i;

    private JsonSyntax(String s, int maxDepth) {
        this.s = s;
        this.maxDepth = maxDepth;
    }

    /**
     * The problem of {@code text} after "not valid JSON" (" at line 1, column 5: expected …", or ": the text is empty"),
     * or null when the grammar finds none.
     */
    static String problem(String text, int maxDepth) {
        try {
            new JsonSyntax(text, maxDepth).document();
            return null;
        } catch (Problem p) {
            return p.getMessage();
        }
    }

    private void document() {
        space();
        if (i == s.length()) throw new Problem(": the text is empty");
        value(0);
        space();
        if (i < s.length()) throw at(i, "expected nothing after the value, found " + found(i));
    }

    private void value(int depth) {
        if (i >= s.length()) throw at(i, VALUE + ", found the end");
        char c = s.charAt(i);
        if (c == '{') object(depth + 1);
        else if (c == '[') array(depth + 1);
        else if (c == '"') string();
        else if (c == '-' || digit(i)) number();
        else if (literal("true") || literal("false") || literal("null")) return;
        else throw at(i, VALUE + ", found " + found(i));
    }

    private void object(int depth) {
        if (depth > maxDepth) throw at(i, "nested deeper than " + maxDepth + " levels");
        i++;
        space();
        if (is('}')) {
            i++;
            return;
        }
        while (true) {
            space();
            if (!is('"')) throw at(i, "expected a name in double quotes, found " + found(i));
            string();
            space();
            if (!is(':')) throw at(i, "expected ':' after the name, found " + found(i));
            i++;
            space();
            value(depth);
            space();
            if (is(',')) {
                i++;
            } else if (is('}')) {
                i++;
                return;
            } else {
                throw at(i, "expected ',' or '}' after the value, found " + found(i));
            }
        }
    }

    private void array(int depth) {
        if (depth > maxDepth) throw at(i, "nested deeper than " + maxDepth + " levels");
        i++;
        space();
        if (is(']')) {
            i++;
            return;
        }
        while (true) {
            space();
            value(depth);
            space();
            if (is(',')) {
                i++;
            } else if (is(']')) {
                i++;
                return;
            } else {
                throw at(i, "expected ',' or ']' after the value, found " + found(i));
            }
        }
    }

    private void string() {
        int start = i++;
        while (true) {
            if (i >= s.length()) throw at(start, "a text in double quotes is not closed before the end");
            char c = s.charAt(i);
            if (c == '"') {
                i++;
                return;
            }
            if (c < 0x20) throw at(i, "a line break or control character inside a text; write it escaped (\\n, \\t, \\u0001)");
            if (c == '\\') {
                if (i + 1 >= s.length()) throw at(start, "a text in double quotes is not closed before the end");
                char e = s.charAt(i + 1);
                if ("\"\\/bfnrt".indexOf(e) >= 0) {
                    i += 2;
                    continue;
                }
                if (e == 'u' && i + 6 <= s.length() && s.substring(i + 2, i + 6).matches("[0-9A-Fa-f]{4}")) {
                    i += 6;
                    continue;
                }
                String escape = s.substring(i, Math.min(s.length(), i + (e == 'u' ? 6 : 2)));
                throw at(i, "expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits), found '" + escape + "'");
            }
            i++;
        }
    }

    private void number() {
        int start = i;
        if (is('-')) i++;
        if (!digit(i)) throw at(i, "expected a digit, found " + found(i));
        if (is('0')) {
            i++;
            if (digit(i)) throw at(start, "expected a number without leading zeros, found '" + word(start) + "'");
        } else {
            while (digit(i)) i++;
        }
        if (is('.')) {
            i++;
            if (!digit(i)) throw at(i, "expected a digit, found " + found(i));
            while (digit(i)) i++;
        }
        if (is('e') || is('E')) {
            i++;
            if (is('+') || is('-')) i++;
            if (!digit(i)) throw at(i, "expected a digit, found " + found(i));
            while (digit(i)) i++;
        }
    }

    /** Whether {@code word} (true, false, null) is here as a whole word; if so, it is passed over. */
    private boolean literal(String word) {
        if (!s.startsWith(word, i) || !word(i).equals(word)) return false;
        i += word.length();
        return true;
    }

    private void space() {
        while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) i++;
    }

    private boolean is(char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private boolean digit(int at) {
        return at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9';
    }

    /** The letters, digits and number signs from {@code at} on ("hello", "NaN", "01"), or the one character there. */
    private String word(int at) {
        int end = at;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || "_+-.".indexOf(s.charAt(end)) >= 0)) end++;
        return s.substring(at, Math.max(end, Math.min(at + 1, s.length())));
    }

    /** What is at {@code at}, as a user reads it after "found": 'hello', '}', "'", a control character, or the end. */
    private String found(int at) {
        if (at >= s.length()) return "the end";
        char c = s.charAt(at);
        if (c == '\'') return "\"'\"";
        if (Character.isISOControl(c) || Character.isWhitespace(c) || c == '\uFEFF') {
            return String.format(java.util.Locale.ROOT, "an invisible character (U+%04X)", (int) c);
        }
        return "'" + (Character.isLetterOrDigit(c) ? word(at) : String.valueOf(Character.toChars(s.codePointAt(at)))) + "'";
    }

    private Problem at(int at, String what) {
        int line = 1, lineStart = 0;
        for (int k = 0; k < at && k < s.length(); k++) {
            if (s.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new Problem(" at line " + line + ", column " + (at - lineStart + 1) + ": " + what);
    }

    /** The problem found, ending the reading. */
    private static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }
}
