package io.digitstudio.ui.widgets;

import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The app's stylesheets come with their binary form beside them (the build converts each), which JavaFX loads instead
 * of parsing the .css at start: it must say exactly what the .css says, so an edited sheet is never shown stale.
 */
class BinaryStylesheetsTest {
    @Test
    void everySheetHasABinaryFormWithTheSameRules() throws IOException {
        List<String> sheets = new ArrayList<>(List.of(Theme.SHEET));
        for (Theme t : Theme.values()) sheets.add(t.colours());
        for (String css : sheets) {
            URL source = Theme.class.getResource(css);
            assertNotNull(source, css);
            String bss = css.substring(0, css.length() - ".css".length()) + ".bss";
            URL binary = Theme.class.getResource(bss);
            assertNotNull(binary, bss + " is built beside " + css + " (mvn process-classes)");
            assertEquals(rules(new CssParser().parse(source)), rules(Stylesheet.loadBinary(binary)), bss + " says what " + css + " says");
        }
    }

    private static List<String> rules(Stylesheet sheet) {
        List<String> out = new ArrayList<>();
        for (Rule r : sheet.getRules()) out.add(r.getSelectors() + " " + r.getDeclarations());
        return out;
    }
}
