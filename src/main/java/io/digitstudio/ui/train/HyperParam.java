package io.digitstudio.ui.train;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;

/** One optimizer setting shown in the form: Chainer's name, its default, and the text the user typed. */
public record HyperParam(String key, double defaultValue, StringProperty text) {
    public static HyperParam of(String key, double defaultValue) {
        return new HyperParam(key, defaultValue, new SimpleStringProperty(format(defaultValue)));
    }

    /**
     * The shortest text that reads back as exactly {@code v} (Java's own double-to-text): 0.01, 0.9, 1.5e-4, 1e-8. Never
     * rounded, so that a value shown after a resume trains exactly as before.
     */
    static String format(double v) {
        if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e7)) {
            String s = Double.toString(v).replace("E", "e");
            return s.replace(".0e", "e");
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
