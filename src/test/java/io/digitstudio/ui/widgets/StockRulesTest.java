package io.digitstudio.ui.widgets;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.css.CompoundSelector;
import javafx.css.CssParser;
import javafx.css.Declaration;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Our sheets keep only what is ours (issue 37): AtlantaFX draws the stock controls, and we choose its colours by its
 * looked-up variables at the theme's root. A rule whose selector names no class of ours and no id, a rule "on a stock
 * control", is allowed only if decision record 0014 lists it, with why the library's variables cannot do it and the
 * test that checks it; one that sets anything but colour variables ({@code -fx-…}) must be listed as one that draws.
 * The record must not list a rule the sheets no longer have. Stock classes are those JavaFX's Modena, AtlantaFX's
 * Primer or ControlsFX's sheets name; the theme's root ({@code .root}, {@code .theme-…}) is where the variables go.
 */
class StockRulesTest {
    static final Path RECORDS = Path.of("src/site/markdown/decisions");
    /** A row of the record's lists: the selectors in backticks, the sheet, what the rule does. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*`?([\\w.-]+\\.css)`?\\s*\\|\\s*(draws|colours)\\s*\\|");

    /** A stock selector of one of our sheets, and whether its rule draws (sets an {@code -fx-} property). */
    record StockRule(String sheet, int rule, String selector, boolean draws) {
    }

    @Test
    void everyRuleOnAStockControlIsInTheRecordWithWhyAndItsTest() throws IOException {
        List<StockRule> found = stockRules();
        for (String sheet : sheets()) {
            String name = sheet.substring(sheet.lastIndexOf('/') + 1);
            List<StockRule> in = found.stream().filter(r -> r.sheet().equals(name)).toList();
            // the figures decision 0014 gives
            System.out.printf("%s: %d rules on stock controls (%d selectors), %d of them drawing%n", name,
                    in.stream().map(StockRule::rule).distinct().count(), in.size(),
                    in.stream().filter(StockRule::draws).map(StockRule::rule).distinct().count());
            for (StockRule r : in) System.out.println("  " + (r.draws() ? "draws   " : "colours ") + r.selector());
        }
        Map<String, Boolean> listed = listed();
        List<String> failures = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (StockRule r : found) {
            String key = r.sheet() + " " + r.selector();
            seen.add(key);
            Boolean draws = listed.get(key);
            if (draws == null) failures.add(key + " is a rule on a stock control that decision 0014 does not list");
            else if (r.draws() && !draws) failures.add(key + " draws (sets -fx- properties) but decision 0014 lists it as choosing colours only");
        }
        for (String key : listed.keySet()) if (!seen.contains(key)) failures.add(key + " is listed in decision 0014 but no sheet has it");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The classifier itself: ours, the theme's root, and stock, as the record counts them. */
    @Test
    void aSelectorIsStockUnlessItNamesAClassOfOursOrAnId() {
        Set<String> stock = stockClasses();
        assertTrue(stock.containsAll(List.of("button", "table-row-cell", "list-cell", "menu-item", "accent", "tool-bar", "dialog-pane", "grid-view")));
        assertFalse(stock.contains("live-chart"), "live-chart is ours");
        assertEquals(Kind.STOCK, kind(selector(".tool-bar .button.accent:hover"), stock));
        assertEquals(Kind.STOCK, kind(selector(".theme-high-contrast .list-cell:selected"), stock));
        assertEquals(Kind.OURS, kind(selector(".toast .button"), stock));
        assertEquals(Kind.OURS, kind(selector(".button.on-picture:disabled"), stock));
        assertEquals(Kind.OURS, kind(selector("#samplesGrid"), stock));
        assertEquals(Kind.ROOT, kind(selector(".root"), stock));
        assertEquals(Kind.ROOT, kind(selector(".root.theme-dark"), stock));
        assertTrue(draws(List.of(declaration("-fx-border-width: 2px"))));
        assertFalse(draws(List.of(declaration("-color-base-7: #666666"))));
    }

    enum Kind { OURS, ROOT, STOCK }

    static List<String> sheets() {
        List<String> sheets = new ArrayList<>(List.of(Theme.SHEET));
        for (Theme t : Theme.values()) sheets.add(t.colours());
        return sheets;
    }

    /** Every stock selector of our sheets, in the sheets' order. */
    static List<StockRule> stockRules() throws IOException {
        Set<String> stock = stockClasses();
        List<StockRule> out = new ArrayList<>();
        for (String sheet : sheets()) {
            URL url = Objects.requireNonNull(Theme.class.getResource(sheet), sheet);
            String name = sheet.substring(sheet.lastIndexOf('/') + 1);
            List<Rule> rules = new CssParser().parse(url).getRules();
            for (int i = 0; i < rules.size(); i++) {
                for (Selector s : rules.get(i).getSelectors()) {
                    if (kind(s, stock) == Kind.STOCK) out.add(new StockRule(name, i, s.toString(), draws(rules.get(i).getDeclarations())));
                }
            }
        }
        return out;
    }

    /** What the record lists, by sheet and selector: true for a rule that draws. */
    static Map<String, Boolean> listed() throws IOException {
        Path record;
        try (Stream<Path> s = Files.list(RECORDS)) {
            record = s.filter(p -> p.getFileName().toString().startsWith("0014-")).findFirst().orElseThrow(() -> new AssertionError("no decision 0014 in " + RECORDS));
        }
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(record, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (!m.find()) continue;
            Stylesheet parsed = new CssParser().parse(m.group(1) + " {}");
            assertEquals(1, parsed.getRules().size(), "one rule in " + line);
            for (Selector s : parsed.getRules().get(0).getSelectors()) out.put(m.group(2) + " " + s, m.group(3).equals("draws"));
        }
        assertFalse(out.isEmpty(), record + " lists no rule");
        return out;
    }

    static Kind kind(Selector s, Set<String> stock) {
        List<SimpleSelector> parts = s instanceof CompoundSelector c ? c.getSelectors() : List.of((SimpleSelector) s);
        boolean rootOnly = true;
        for (SimpleSelector p : parts) {
            if (p.getId() != null && !p.getId().isEmpty()) return Kind.OURS;
            for (String c : p.getStyleClasses()) {
                boolean root = c.equals("root") || c.startsWith("theme-");
                if (!root && !stock.contains(c)) return Kind.OURS;
                if (!root) rootOnly = false;
            }
            if (!p.getName().isEmpty() && !p.getName().equals("*")) rootOnly = false;
        }
        return rootOnly ? Kind.ROOT : Kind.STOCK;
    }

    /** A rule draws if it sets a property of JavaFX's ({@code -fx-…}) rather than only choosing looked-up colours. */
    static boolean draws(List<Declaration> declarations) {
        return declarations.stream().anyMatch(d -> d.getProperty().startsWith("-fx-"));
    }

    /** The style classes JavaFX's Modena, AtlantaFX's Primer and ControlsFX's sheets name: the stock controls' and their parts'. */
    static Set<String> stockClasses() {
        Set<String> out = new LinkedHashSet<>();
        List<URL> sheets = new ArrayList<>();
        sheets.add(Objects.requireNonNull(javafx.scene.control.Control.class.getResource("/com/sun/javafx/scene/control/skin/modena/modena.css")));
        for (String ua : List.of(new PrimerLight().getUserAgentStylesheet(), new PrimerDark().getUserAgentStylesheet())) {
            URL u = PrimerLight.class.getResource(ua.startsWith("/") ? ua : "/" + ua);
            sheets.add(Objects.requireNonNull(u, ua));
        }
        // ControlsFX's controls (the gallery's GridView) bring sheets of their own
        try (var jar = new java.util.jar.JarFile(Path.of(org.controlsfx.control.GridView.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile())) {
            jar.stream().filter(e -> e.getName().endsWith(".css"))
                    .forEach(e -> sheets.add(Objects.requireNonNull(org.controlsfx.control.GridView.class.getResource("/" + e.getName()), e.getName())));
        } catch (IOException | java.net.URISyntaxException e) {
            throw new AssertionError("ControlsFX's sheets: " + e, e);
        }
        for (URL u : sheets) {
            try {
                for (Rule r : new CssParser().parse(u).getRules()) {
                    for (Selector s : r.getSelectors()) {
                        List<SimpleSelector> parts = s instanceof CompoundSelector c ? c.getSelectors() : List.of((SimpleSelector) s);
                        for (SimpleSelector p : parts) out.addAll(p.getStyleClasses());
                    }
                }
            } catch (IOException e) {
                throw new AssertionError(u + ": " + e, e);
            }
        }
        return out;
    }

    private static Selector selector(String text) {
        return new CssParser().parse(text + " {}").getRules().get(0).getSelectors().get(0);
    }

    private static Declaration declaration(String text) {
        return new CssParser().parse(".x { " + text + "; }").getRules().get(0).getDeclarations().get(0);
    }
}
