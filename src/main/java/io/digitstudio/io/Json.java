package io.digitstudio.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader for the files this app writes and reads back (Chainer's {@code log}, a run's settings):
 * objects become {@link LinkedHashMap}s (order kept), arrays {@link List}s, numbers {@link Double}s, and
 * {@code true}/{@code false}/{@code null} themselves. Anything else, or trailing text, is a {@link FormatException}
 * naming the position: a damaged file is reported, never half-read.
 */
public final class Json {
    private final String s;
    private int i;

    private Json(String s) {
        this.s = s;
    }

    /** Parses a whole JSON document. */
    public static Object parse(String text) {
        Json j = new Json(text);
        j.space();
        Object v = j.value(0);
        j.space();
        if (j.i != text.length()) throw j.error("unexpected text after the value");
        return v;
    }

    /** Parses a document that must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object v = parse(text);
        if (!(v instanceof Map)) throw new FormatException("expected a JSON object");
        return (Map<String, Object>) v;
    }

    private static final int MAX_DEPTH = 64;

    private Object value(int depth) {
        if (depth > MAX_DEPTH) throw error("nested too deeply");
        if (i >= s.length()) throw error("unexpected end");
        char c = s.charAt(i);
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw error("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        i++;
        space();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            space();
            if (peek() != '"') throw error("expected a name in quotes");
            String key = string();
            space();
            expect(':');
            space();
            m.put(key, value(depth + 1));
            space();
            char c = next();
            if (c == '}') return m;
            if (c != ',') throw error("expected ',' or '}'");
        }
    }

    private List<Object> array(int depth) {
        List<Object> l = new ArrayList<>();
        i++;
        space();
        if (peek() == ']') {
            i++;
            return l;
        }
        while (true) {
            space();
            l.add(value(depth + 1));
            space();
            char c = next();
            if (c == ']') return l;
            if (c != ',') throw error("expected ',' or ']'");
        }
    }

    private String string() {
        i++; // the opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') return sb.toString();
            if (c < 0x20) throw error("a control character in a string");
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (i + 4 > s.length()) throw error("a short \\u escape");
                    try {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("a bad \\u escape");
                    }
                    i += 4;
                }
                default -> throw error("a bad escape \\" + e);
            }
        }
    }

    private Double number() {
        int start = i;
        if (peek() == '-') i++;
        while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) i++;
        try {
            return Double.valueOf(s.substring(start, i));
        } catch (NumberFormatException e) {
            throw error("a bad number '" + s.substring(start, i) + "'");
        }
    }

    private Object literal(String word, Object v) {
        if (!s.startsWith(word, i)) throw error("unexpected text");
        i += word.length();
        return v;
    }

    private void space() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : '\0';
    }

    private char next() {
        if (i >= s.length()) throw error("unexpected end");
        return s.charAt(i++);
    }

    private void expect(char c) {
        if (next() != c) throw error("expected '" + c + "'");
    }

    private FormatException error(String what) {
        return new FormatException("not valid JSON at character " + i + ": " + what);
    }

    /**
     * Writes maps, lists, strings, numbers, booleans and null as indented JSON; a whole double is written without a
     * fraction, NaN and infinities as null (as Chainer's log has them).
     */
    public static String write(Object v) {
        StringBuilder sb = new StringBuilder();
        write(v, sb, "");
        return sb.append('\n').toString();
    }

    private static void write(Object v, StringBuilder sb, String indent) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String str) {
            sb.append(TextFormats.jsonString(str));
        } else if (v instanceof Boolean b) {
            sb.append(b);
        } else if (v instanceof Integer || v instanceof Long) {
            sb.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) sb.append("null");
            else if (d == Math.rint(d) && Math.abs(d) < 1e15) sb.append((long) d);
            else sb.append(d);
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            String inner = indent + "  ";
            int k = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(k++ == 0 ? "\n" : ",\n").append(inner).append(TextFormats.jsonString(String.valueOf(e.getKey()))).append(": ");
                write(e.getValue(), sb, inner);
            }
            sb.append('\n').append(indent).append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            String inner = indent + "  ";
            for (int k = 0; k < l.size(); k++) {
                sb.append(k == 0 ? "\n" : ",\n").append(inner);
                write(l.get(k), sb, inner);
            }
            sb.append('\n').append(indent).append(']');
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getSimpleName() + " as JSON");
        }
    }
}
