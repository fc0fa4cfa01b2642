package io.digitstudio.io;

import java.util.Map;

/** Typed access to a parsed JSON object, with errors that name the file and the field. */
public final class JsonFields {
    private final Map<String, Object> m;
    private final String where;

    /** {@code where} names the file (and the object in it) at the start of each error; "" starts them with the field. */
    public JsonFields(Map<String, Object> m, String where) {
        this.m = m;
        this.where = where;
    }

    /** The start of an error about a field: "run.json: ", or nothing where the caller names the file. */
    private String at() {
        return where.isEmpty() ? "" : where + ": ";
    }

    private Object get(String key) {
        if (!m.containsKey(key)) throw new IllegalArgumentException((where.isEmpty() ? "it" : where) + " has no " + key);
        return m.get(key);
    }

    public String string(String key) {
        Object v = get(key);
        if (!(v instanceof String s)) throw new IllegalArgumentException(at() + key + " is not a text");
        return s;
    }

    public String optionalString(String key) {
        Object v = m.get(key);
        return v instanceof String s ? s : "";
    }

    public double number(String key) {
        return number(get(key), at() + key);
    }

    public static double number(Object v, String what) {
        if (!(v instanceof Double d)) throw new IllegalArgumentException(what + " is not a number");
        return d;
    }

    public double optionalNumber(String key) {
        Object v = m.get(key);
        return v instanceof Double d ? d : Double.NaN;
    }

    public int integer(String key) {
        double d = number(key);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) throw new IllegalArgumentException(at() + key + " is not a whole number");
        return (int) d;
    }

    public boolean bool(String key) {
        Object v = get(key);
        if (!(v instanceof Boolean b)) throw new IllegalArgumentException(at() + key + " is not true or false");
        return b;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String key) {
        Object v = get(key);
        if (!(v instanceof Map)) throw new IllegalArgumentException(at() + key + " is not an object");
        return (Map<String, Object>) v;
    }

    public JsonFields child(String key) {
        return new JsonFields(object(key), at() + key);
    }

    /** The value as parsed, or null when absent. */
    public Object raw(String key) {
        return m.get(key);
    }

    /**
     * A whole number that may exceed what a JSON number holds exactly (a seed): written as a number when it fits in
     * 53 bits, else as text; both are read.
     */
    public long wholeNumber(String key) {
        Object v = get(key);
        if (v instanceof String s) {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(at() + key + " is not a whole number");
            }
        }
        double d = number(key);
        if (d != Math.rint(d)) throw new IllegalArgumentException(at() + key + " is not a whole number");
        return (long) d;
    }

    /** How {@link #wholeNumber} is written. */
    public static Object wholeNumberValue(long v) {
        return Math.abs(v) < (1L << 53) ? (Object) v : Long.toString(v);
    }
}
