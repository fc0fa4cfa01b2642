package io.digitstudio.ui.widgets;

import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The window's Primer sheets are AtlantaFX's, rule for rule, less only the selectors that name a style class no node of
 * the app can carry; the themes name them. Read without the toolkit, as the build writes them.
 */
class PrimerSheetsTest {
    @Test
    void theThemesNameTheTrimmedSheetsInTheirBinaryForm() throws Exception {
        assertEquals(PrimerSheets.LIGHT, Theme.LIGHT.userAgentStylesheet());
        assertEquals(PrimerSheets.DARK, Theme.DARK.userAgentStylesheet());
        assertEquals(PrimerSheets.DARK, Theme.HIGH_CONTRAST.userAgentStylesheet());
        for (String sheet : PrimerSheets.SHEETS.values()) {
            assertTrue(sheet.endsWith(".bss"), sheet);
            assertNotNull(PrimerSheets.class.getResource(sheet), sheet + " is made by the build");
        }
    }

    @Test
    void eachSheetIsAtlantaFxsLessOnlySelectorsNamingAClassNoNodeCanCarry() throws Exception {
        for (Map.Entry<String, String> e : PrimerSheets.SHEETS.entrySet()) {
            java.net.URL primerUrl = PrimerSheets.class.getResource(e.getKey());
            java.net.URL oursUrl = PrimerSheets.class.getResource(e.getValue());
            Stylesheet primer = Stylesheet.loadBinary(primerUrl);
            Stylesheet ours = Stylesheet.loadBinary(oursUrl);
            Set<String> unused = unusedInBuild(primer, ours);
            // rule for rule in Primer's order, each with Primer's declarations, and its selectors less the unused ones
            int i = 0;
            List<Selector> dropped = new ArrayList<>();
            for (Rule r : primer.getRules()) {
                List<Selector> kept = r.getSelectors().stream().filter(s -> !PrimerSheets.namesAny(s, unused)).toList();
                r.getSelectors().stream().filter(s -> PrimerSheets.namesAny(s, unused)).forEach(dropped::add);
                if (kept.isEmpty()) continue;
                Rule o = ours.getRules().get(i++);
                assertEquals(kept, o.getSelectors(), e.getValue() + ": the selectors of Primer's rule " + r);
                // a url() value names the sheet it was read from (Primer's are absolute: data: and JavaFX's resources)
                assertEquals(r.getDeclarations().toString().replace(primerUrl.toString(), oursUrl.toString()), o.getDeclarations().toString(),
                        e.getValue() + ": the declarations of " + r.getSelectors());
            }
            assertEquals(ours.getRules().size(), i, e.getValue() + " has no rule of its own");
            // the bulk of what a window need not match: a little under half of the rules
            assertTrue(ours.getRules().size() < primer.getRules().size() * 0.6,
                    e.getValue() + ": " + ours.getRules().size() + " of " + primer.getRules().size() + " rules kept");
            // Primer's colours (the variables at its root) stay whole
            assertEquals(primer.getRules().get(0).getDeclarations().toString(), ours.getRules().get(0).getDeclarations().toString());
            assertFalse(dropped.isEmpty());
        }
    }

    /** The classes the build found unused: those Primer's selectors name and ours never do. */
    private static Set<String> unusedInBuild(Stylesheet primer, Stylesheet ours) {
        Set<String> named = new HashSet<>();
        for (Rule r : ours.getRules()) for (Selector s : r.getSelectors()) for (var p : PrimerSheets.parts(s)) named.addAll(p.getStyleClasses());
        Set<String> unused = new HashSet<>();
        for (Rule r : primer.getRules()) for (Selector s : r.getSelectors()) for (var p : PrimerSheets.parts(s)) {
            for (String c : p.getStyleClasses()) if (!named.contains(c)) unused.add(c);
        }
        // the controls the app never makes are among them
        for (String c : PrimerSheets.UNUSED_CONTROLS.values()) assertTrue(unused.contains(c), c + " is left out");
        // and what the window shows is not: the stock controls the views make, AtlantaFX's accent button, the tabs
        for (String c : List.of("button", "accent", "flat", "combo-box", "text-field", "text-area", "table-view", "tab-pane", "tab",
                "scroll-pane", "progress-bar", "check-box", "slider", "tooltip", "context-menu", "menu-item", "list-cell", "dialog-pane",
                "hyperlink", "toggle-button", "menu-button", "split-pane", "chart", "default-color0", "segment0")) {
            assertFalse(unused.contains(c), c + " is kept");
        }
        return unused;
    }

    @Test
    void aClassTheCodeCompletesIsNamedAClassItOnlyBeginsIsNot() {
        Set<String> named = Set.of("default-color", "segment", "tab-", "text");
        assertTrue(PrimerSheets.named("default-color3", named), "\"default-color\" + i, as JavaFX's charts name their series");
        assertTrue(PrimerSheets.named("segment11", named));
        assertTrue(PrimerSheets.named("tab-top", named), "a constant that ends in a dash, completed by code");
        assertFalse(PrimerSheets.named("text-muted", named), "\"text\" alone does not make \"text-muted\"");
        assertFalse(PrimerSheets.named("segments", named));
    }

    @Test
    void theStringsOfAClassFileAreReadFromItsConstantPool() throws Exception {
        Set<String> found = new HashSet<>();
        try (var in = PrimerSheetsTest.class.getResourceAsStream("PrimerSheetsTest$Styled.class")) {
            PrimerSheets.constants(in, found);
        }
        assertTrue(found.contains("a-class-of-its-own"), "a string constant");
        assertTrue(found.contains("series-"), "the constant part of a string concatenation: " + found);
    }

    /** A class that gives a node a class of its own and one it completes. */
    static final class Styled {
        static final int N = Integer.getInteger("n", 3);

        List<String> classes() {
            return List.of("a-class-of-its-own", "series-" + N);
        }
    }

    @Test
    void theWrittenSheetReadsBackAsTheSameRules() throws Exception {
        Stylesheet primer = Stylesheet.loadBinary(PrimerSheets.class.getResource("/atlantafx/base/theme/primer-light.bss"));
        PrimerSheets.trim(primer, Set.of("date-picker", "spinner"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrimerSheets.write(primer, out);
        Stylesheet back = Stylesheet.loadBinary(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(primer.getRules().size(), back.getRules().size());
        for (int i = 0; i < primer.getRules().size(); i++) {
            assertEquals(primer.getRules().get(i).getSelectors(), back.getRules().get(i).getSelectors());
            assertEquals(primer.getRules().get(i).getDeclarations().toString(), back.getRules().get(i).getDeclarations().toString());
        }
        for (Rule r : back.getRules()) for (Selector s : r.getSelectors()) assertFalse(PrimerSheets.namesAny(s, Set.of("date-picker", "spinner")), s.toString());
    }
}
