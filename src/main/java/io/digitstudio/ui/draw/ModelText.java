package io.digitstudio.ui.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What of a model's text ("Model: name · layers · data · test accuracy") a line with less room shows: whole parts left
 * out, those that say least first. The name, a run's id and the test accuracy always stay, whole: a name is never cut
 * (half a name, a date or an id says nothing and reads as wrong), and no "…" stands in the middle of the line; the
 * whole text is the line's tooltip and accessible text.
 */
final class ModelText {
    static final String PARTS = " · ";
    static final String PREFIX = "Model: ";
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d.*");
    /** A run's id as a run's model is named: "run 6124d321". */
    private static final Pattern RUN_ID = Pattern.compile("run [0-9a-f]{8}");
    private static final String ACCURACY = "test accuracy";

    private ModelText() {
    }

    /**
     * What of {@code text} (the model {@code name}'s: the name may itself hold " · ", a run's title, id, date and epoch;
     * the model's parts follow it) fits, by {@code fits}: the whole text; else the text without its parts that say
     * least, one at a time and whole, in this order: the name's date, the model's layers, the name's other parts after
     * its first from the last (a best epoch), the model's data set. The name's first part, a run's id and the test
     * accuracy stay: when even they do not fit, they are what is shown, and the line takes the lines they need.
     */
    static String fit(String text, String name, Predicate<String> fits) {
        if (fits.test(text)) return text;
        String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : text;
        String prefix = text.substring(0, text.length() - body.length());
        List<String> parts = List.of(body.split(Pattern.quote(PARTS)));
        int inName = name == null || name.isEmpty() || !body.startsWith(name) ? 1
                : Math.max(1, name.split(Pattern.quote(PARTS)).length);
        boolean[] left = new boolean[parts.size()];
        String s = text;
        for (int i : dropOrder(parts, inName)) {
            left[i] = true;
            s = prefix + joined(parts, left);
            if (fits.test(s)) return s;
        }
        return s;
    }

    /** The parts' indexes in the order they are left out: all but the first, a run's id and the test accuracy. */
    private static List<Integer> dropOrder(List<String> parts, int inName) {
        List<Integer> order = new ArrayList<>();
        int named = Math.min(inName, parts.size());
        for (int i = 1; i < named; i++) if (DATE.matcher(parts.get(i)).matches()) order.add(i);
        // the layers (the first part after the name) before the data set: "MNIST + my digits" tells a fine-tune on
        // the user's digits from a model of the bundled ones, which the layers do not
        if (named < parts.size() && !parts.get(named).startsWith(ACCURACY)) order.add(named);
        for (int i = named - 1; i >= 1; i--) if (!order.contains(i) && !RUN_ID.matcher(parts.get(i)).matches()) order.add(i);
        for (int i = named + 1; i < parts.size(); i++) if (!parts.get(i).startsWith(ACCURACY)) order.add(i);
        return order;
    }

    /** The parts not {@code left} out. */
    private static String joined(List<String> parts, boolean[] left) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) if (!left[i]) shown.add(parts.get(i));
        return String.join(PARTS, shown);
    }
}
