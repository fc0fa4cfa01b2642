package io.digitstudio.ui.train;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One optimizer setting shown in the form: Chainer's name, its default, and the text the user typed. */
public record HyperParam(String key, double defaultValue, StringProperty text) {
    public static HyperParam of(String key, double defaultValue) {
        return new HyperParam(key, defaultValue, new SimpleStringProperty(format(defaultValue)));
    }

    static String format(double v) {
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return String.format(java.util.Locale.ROOT, "%.0e", v);
        String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s;
    }
}
