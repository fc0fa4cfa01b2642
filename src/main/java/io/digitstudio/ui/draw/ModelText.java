package io.digitstudio.ui.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What of a model's text ("Model: name · layers · data · test accuracy") a line with less room shows: whole parts left
 * out, those that say least first, each run of them marked by one "…". A part is never cut in its middle (half a date
 * or an id says nothing and reads as wrong): only a first part that alone does not fit is shortened.
 */
final class ModelText {
    static final String PARTS = " · ";
    static final String PREFIX = "Model: ";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d.*");
    private static final String ACCURACY = "test accuracy";

    private ModelText() {
    }

    /**
     * What of {@code text} (the model {@code name}'s: the name may itself hold " · ", a run's title, id, date and epoch;
     * the model's parts follow it) fits, by {@code fits}: the whole text; else the text without its parts that say
     * least, one at a time and whole, in this order: the name's date, the name's other parts after its first from the
     * last, the model's layers, its data set; the first part and the test accuracy stay. Else the first part alone,
     * shortened in its middle if need be.
     */
    static String fit(String text, String name, Predicate<String> fits) {
        if (fits.test(text)) return text;
        String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        String prefix = text.substring(0, text.length() - body.length());
        List<String> parts = List.of(body.split(Pattern.quote(PARTS)));
        int inName = name == null || name.isEmpty() || !body.startsWith(name) ? 1
                : Math.max(1, name.split(Pattern.quote(PARTS)).length);
        boolean[] left = new boolean[parts.size()];
        for (int i : dropOrder(parts, inName)) {
            left[i] = true;
            String s = prefix + joined(parts, left);
            if (fits.test(s)) return s;
        }
        String first = parts.get(0);
        String s = shortest(first, n -> fits.test(prefix + n));
        return prefix + (s != null ? s : "…");
    }

    /** The parts' indexes in the order they are left out: all but the first and the test accuracy. */
    private static List<Integer> dropOrder(List<String> parts, int inName) {
        List<Integer> order = new ArrayList<>();
        for (int i = 1; i < inName && i < parts.size(); i++) if (DATE.matcher(parts.get(i)).matches()) order.add(i);
        for (int i = Math.min(inName, parts.size()) - 1; i >= 1; i--) if (!order.contains(i)) order.add(i);
        // the layers before the data set: "MNIST + my digits" tells a fine-tune on the user's digits from a model of
        // the bundled ones, which the layers do not
        for (int i = inName; i < parts.size(); i++) if (!parts.get(i).startsWith(ACCURACY)) order.add(i);
        for (int i = inName; i < parts.size(); i++) if (parts.get(i).startsWith(ACCURACY)) order.add(i);
        return order;
    }

    /** The parts not {@code left} out, each run of those left out as one "…". */
    private static String joined(List<String> parts, boolean[] left) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (!left[i]) shown.add(parts.get(i));
            else if (i == 0 || !left[i - 1]) shown.add("…");
        }
        return String.join(PARTS, shown);
    }

    /**
     * The longest shortening of {@code name} (its middle left out for "…") that {@code fits}, or null when even the
     * shortest does not.
     */
    private static String shortest(String name, Predicate<String> fits) {
        if (fits.test(name)) return name;
        int lo = 0, hi = name.length() - 1; // characters kept; a binary search for the most that fit
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
