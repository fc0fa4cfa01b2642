package io.digitstudio.ui.draw;

/**
 * What of a model's text ("Model: name · layers · data · test accuracy") a line with less room shows: the text shortened
 * where it says least, the name in its middle (its start and end tell most names apart), then the last parts, whose
 * place "…" marks.
 */
final class ModelText {
    /** A shortened name keeps at least this many of its characters before the last parts are left out. */
    static final int NAME_FLOOR = 12;
    static final String PARTS = " · ";
    static final String PREFIX = "Model: ";

    private ModelText() {
    }

    /**
     * What of {@code text} (the model {@code name}'s: the parts after it are those " · " separates) fits, by
     * {@code fits}: the whole text; else its name shortened in the middle (to no fewer than {@link #NAME_FLOOR}
     * characters) with as many of its other parts as fit after it, and "…" for those left out; else the name alone,
     * shortened.
     */
    static String fit(String text, String name, java.util.function.Predicate<String> fits) {
        if (fits.test(text)) return text;
        String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        String prefix = text.substring(0, text.length() - body.length());
        if (name == null || name.isEmpty() || !body.startsWith(name)) name = body.split(java.util.regex.Pattern.quote(PARTS))[0];
        String after = body.substring(name.length());
        java.util.List<String> parts = after.startsWith(PARTS) ? java.util.List.of(after.substring(PARTS.length()).split(java.util.regex.Pattern.quote(PARTS)))
                : java.util.List.of();
        for (int keep = parts.size(); keep >= 0; keep--) {
            String rest = (keep == 0 ? "" : PARTS + String.join(PARTS, parts.subList(0, keep))) + (keep < parts.size() ? PARTS + "…" : "");
            String s = shortest(name, Math.min(name.length(), NAME_FLOOR), n -> fits.test(prefix + n + rest));
            if (s != null) return prefix + s + rest;
        }
        String s = shortest(name, 0, n -> fits.test(prefix + n));
        return prefix + (s != null ? s : "…");
    }

    /**
     * The longest shortening of {@code name} (its middle left out for "…", at least {@code floor} of its characters
     * kept) that {@code fits}, or null when even the shortest does not.
     */
    private static String shortest(String name, int floor, java.util.function.Predicate<String> fits) {
        if (fits.test(name)) return name;
        int lo = floor, hi = name.length() - 1; // characters kept; a binary search for the most that fit
        String best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            String s = middle(name, mid);
            if (fits.test(s)) {
                best = s;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    /** {@code name} with {@code keep} of its characters: its start and end, "…" between. */
    static String middle(String name, int keep) {
        int head = (keep + 1) / 2 + keep / 6, tail = keep - head;
        return name.substring(0, head).stripTrailing() + "…" + name.substring(name.length() - tail).stripLeading();
    }
}
