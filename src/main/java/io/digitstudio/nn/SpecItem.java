package io.digitstudio.nn;

import java.util.List;
import java.util.Locale;

/**
 * One comma-separated item of a network spec ({@code conv 20 5 stride 2}) as a layer type reads it: its tokens, lower
 * case, and errors that quote the item and point at the bad token, so an editor can mark it.
 */
public final class SpecItem {
    private final int index;
    private final String text;
    private final List<String> tokens;
    private final List<int[]> spans;
    private final int start;

    SpecItem(int index, String text, List<String> tokens, List<int[]> spans, int start) {
        this.index = index;
        this.text = text;
        this.tokens = List.copyOf(tokens);
        this.spans = List.copyOf(spans);
        this.start = start;
    }

    /** The layer's word, as written (lower case): {@code conv}, {@code fc}, {@code max_pooling_2d}. */
    public String word() {
        return tokens.get(0);
    }

    /** How many tokens the item has, its word included. */
    public int size() {
        return tokens.size();
    }

    public String token(int i) {
        return tokens.get(i);
    }

    /** An error about token {@code token} (or the whole item, when there is no such token). */
    public SpecException error(String what, int token) {
        int[] span = token < spans.size() ? spans.get(token) : new int[]{start, start + text.length()};
        return new SpecException("layer " + index + " \"" + text + "\": " + what, index, span[0], span[1]);
    }

    /** Refuses any token from {@code from} on, saying what the layer takes instead. */
    public void noMoreAfter(int from, String takes) {
        if (tokens.size() > from) throw error("unexpected \"" + tokens.get(from) + "\" (" + takes + ")", from);
    }

    /** A whole number from {@code min} to {@code max}; {@code example} shows how the item is written. */
    public int number(int token, String what, String example, int min, int max) {
        if (token >= tokens.size()) throw error(word() + " needs its " + what + ", e.g. \"" + example + "\"", token);
        String s = tokens.get(token);
        int v;
        try {
            v = Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw error("\"" + s + "\" is not a whole number (the " + what + ")", token);
        }
        if (v < min || v > max) throw error("the " + what + " must be between " + min + " and " + max + ", got " + v, token);
        return v;
    }

    /** A number from 0 up to, not including, 1 (a ratio, a slope). */
    public double fraction(int token, String what, String example) {
        if (token >= tokens.size()) throw error(word() + " needs a " + what + ", e.g. \"" + example + "\"", 0);
        double r;
        try {
            r = Double.parseDouble(tokens.get(token));
        } catch (NumberFormatException e) {
            throw error("\"" + tokens.get(token) + "\" is not a " + what + " (a number from 0 up to, not including, 1)", token);
        }
        if (!(r >= 0 && r < 1)) throw error("the " + word() + " " + what + " must be from 0 up to (not including) 1, got " + tokens.get(token), token);
        return r;
    }

    /** {@code stride S} and {@code pad P} in any order from token {@code from} on; the defaults are given. */
    public int[] options(int from, String name, int stride, int pad) {
        int[] sp = {stride, pad};
        boolean[] seen = new boolean[2];
        for (int i = from; i < tokens.size(); i += 2) {
            String key = tokens.get(i);
            int which = switch (key) {
                case "stride" -> 0;
                case "pad" -> 1;
                default -> throw error("unexpected \"" + key + "\" (after the sizes " + name + " takes \"stride S\" and \"pad P\")", i);
            };
            if (seen[which]) throw error(key + " is given twice", i);
            seen[which] = true;
            sp[which] = number(i + 1, key, name + " ... " + key + " 1", which == 0 ? 1 : 0, NetworkSpec.MAX_KSIZE);
        }
        return sp;
    }

    /** A number as a spec writes it: up to six decimals, no trailing zeros ({@code 0.5}, {@code 0.25}). */
    public static String decimal(double r) {
        String s = String.format(Locale.ROOT, "%.6f", r);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s + "0" : s;
    }
}
