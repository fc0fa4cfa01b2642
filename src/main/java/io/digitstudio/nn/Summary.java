package io.digitstudio.nn;

import java.util.List;
import java.util.Locale;

/** A network's layer table, as Keras' {@code model.summary()}: name, type, output shape (per example), parameters. */
public record Summary(List<Row> rows, long totalParams) {
    public record Row(String name, String type, int[] outputShape, long params) {
        public String shapeText() {
            return shape(outputShape);
        }
    }

    /** "(20, 24, 24)", or "(10,)" for one axis as numpy writes it. */
    public static String shape(int[] s) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < s.length; i++) sb.append(i == 0 ? "" : ", ").append(s[i]);
        return sb.append(s.length == 1 ? ",)" : ")").toString();
    }

    /** The table as aligned text, ending with the total. */
    public String table() {
        int nw = 5, tw = 4, sw = 12;
        for (Row r : rows) {
            nw = Math.max(nw, r.name().length());
            tw = Math.max(tw, r.type().length());
            sw = Math.max(sw, r.shapeText().length());
        }
        String fmt = "%-" + nw + "s  %-" + tw + "s  %-" + sw + "s  %,12d%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-" + nw + "s  %-" + tw + "s  %-" + sw + "s  %12s%n", "layer", "type", "output shape", "params"));
        for (Row r : rows) sb.append(String.format(Locale.ROOT, fmt, r.name(), r.type(), r.shapeText(), r.params()));
        sb.append(String.format(Locale.ROOT, "total parameters: %,d%n", totalParams));
        return sb.toString();
    }
}
