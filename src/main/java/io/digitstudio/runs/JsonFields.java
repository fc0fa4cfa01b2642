package io.digitstudio.runs;

import java.util.Map;

/** Typed access to a parsed JSON object, with errors that name the file and the field. */
final class JsonFields {
    private final Map<String, Object> m;
    private final String where;

    JsonFields(Map<String, Object> m, String where) {
        this.m = m;
        this.where = where;
    }

    private Object get(String key) {
        if (!m.containsKey(key)) throw new IllegalArgumentException(where + " has no " + key);
        return m.get(key);
    }

    String string(String key) {
        Object v = get(key);
        if (!(v instanceof String s)) throw new IllegalArgumentException(where + ": " + key + " is not a text");
        return s;
    }

    String optionalString(String key) {
        Object v = m.get(key);
        return v instanceof String s ? s : "";
    }

    double number(String key) {
        return number(get(key), where + ": " + key);
    }

    static double number(Object v, String what) {
        if (!(v instanceof Double d)) throw new IllegalArgumentException(what + " is not a number");
        return d;
    }

    double optionalNumber(String key) {
        Object v = m.get(key);
        return v instanceof Double d ? d : Double.NaN;
    }

    int integer(String key) {
        double d = number(key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw new IllegalArgumentException(where + ": " + key + " is not a whole number");
        return (int) d;
    }

    boolean bool(String key) {
        Object v = get(key);
        if (!(v instanceof Boolean b)) throw new IllegalArgumentException(where + ": " + key + " is not true or false");
        return b;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key) {
        Object v = get(key);
        if (!(v instanceof Map)) throw new IllegalArgumentException(where + ": " + key + " is not an object");
        return (Map<String, Object>) v;
    }

    JsonFields child(String key) {
        return new JsonFields(object(key), where + ": " + key);
    }

    /** The value as parsed, or null when absent. */
    Object raw(String key) {
        return m.get(key);
    }
}
