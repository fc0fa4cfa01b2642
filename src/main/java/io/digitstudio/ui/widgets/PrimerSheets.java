package io.digitstudio.ui.widgets;

import javafx.css.CompoundSelector;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.SimpleSelector;
import javafx.css.Stylesheet;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * AtlantaFX's Primer sheets without the rules no node of the app can match, made at build time
 * ({@code mvn package} runs {@link #main}): {@code primer-light.bss} and {@code primer-dark.bss} beside our own sheets.
 * <p>
 * JavaFX's style manager partitions every selector of the user agent sheet when the sheet is set, and matches each new
 * kind of node against every partition of style classes: the work grows with the sheet, not with the window. Primer
 * has 1,013 rules, about half of them for controls and style classes the app never shows (date pickers, spinners,
 * tree views, AtlantaFX's cards and tiles, its text and colour utility classes). A selector that names a style class
 * no node carries never matches, so leaving it out changes no style: it is left out when the class is
 * <ul>
 *     <li>named by no string constant of the classes that set style classes (ours, JavaFX's, ControlsFX's): no code
 *     can give a node that class, or</li>
 *     <li>the own class of a control the app never makes ({@link #UNUSED_CONTROLS}; {@code ArchitectureTest} keeps
 *     the app from making one; JavaFX's skins of the controls the app makes create none of them).</li>
 * </ul>
 * The sheets are written in JavaFX's binary form by JavaFX's own writer, as {@code Css2Bin} writes ours.
 */
public final class PrimerSheets {
    /** The controls the app never makes, by class name, with the style class each gives itself. */
    public static final Map<String, String> UNUSED_CONTROLS = Map.ofEntries(
            Map.entry("javafx.scene.control.Accordion", "accordion"),
            Map.entry("javafx.scene.control.ChoiceBox", "choice-box"),
            Map.entry("javafx.scene.control.ColorPicker", "color-picker"),
            Map.entry("javafx.scene.control.DatePicker", "date-picker"),
            Map.entry("javafx.scene.control.MenuBar", "menu-bar"),
            Map.entry("javafx.scene.control.Pagination", "pagination"),
            Map.entry("javafx.scene.control.PasswordField", "password-field"),
            Map.entry("javafx.scene.control.RadioButton", "radio-button"),
            Map.entry("javafx.scene.control.Spinner", "spinner"),
            Map.entry("javafx.scene.control.SplitMenuButton", "split-menu-button"),
            Map.entry("javafx.scene.control.TitledPane", "titled-pane"),
            Map.entry("javafx.scene.control.TreeTableView", "tree-table-view"),
            Map.entry("javafx.scene.control.TreeView", "tree-view"),
            Map.entry("org.controlsfx.control.PopOver", "popover"),
            Map.entry("org.controlsfx.control.ToggleSwitch", "toggle-switch"));

    /**
     * The light sheet as the window names it. Binary only, named by its binary name: JavaFX reads a {@code .bss} it is
     * given as one, even with {@code -Dbinary.css=false}, where it would look for a {@code .css} of a name in
     * {@code .css} (which does not exist).
     */
    public static final String LIGHT = "/io/digitstudio/ui/primer-light.bss";

    /** The dark sheet, which high contrast also takes. */
    public static final String DARK = "/io/digitstudio/ui/primer-dark.bss";

    /** AtlantaFX's sheets, as its themes name them, each with ours made from it. */
    public static final Map<String, String> SHEETS = Map.of("/atlantafx/base/theme/primer-light.bss", LIGHT,
            "/atlantafx/base/theme/primer-dark.bss", DARK);

    /** Where JavaFX's and ControlsFX's classes come from (each a class of a jar to read). */
    private static final List<String> STYLING_JARS = List.of("javafx.scene.Node", "javafx.scene.control.Control",
            "javafx.embed.swing.SwingNode", "org.controlsfx.control.GridView");

    private PrimerSheets() {
    }

    /** Writes the sheets into the class folder {@code args[0]} (the build's), from the classes found there and beside. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Set<String> named = new HashSet<>();
        strings(out, named);
        for (String c : STYLING_JARS) strings(codeSource(c), named);
        for (Map.Entry<String, String> e : SHEETS.entrySet()) {
            Stylesheet primer = Stylesheet.loadBinary(PrimerSheets.class.getResource(e.getKey()));
            Set<String> unused = unusedClasses(primer, named);
            trim(primer, unused);
            Path target = out.resolve(e.getValue().substring(1));
            Files.createDirectories(target.getParent());
            try (OutputStream o = Files.newOutputStream(target)) {
                write(primer, o);
            }
        }
    }

    /** The style classes Primer's selectors name that no node of the app can carry. */
    public static Set<String> unusedClasses(Stylesheet primer, Set<String> named) {
        Set<String> unused = new TreeSet<>();
        for (Rule r : primer.getRules()) {
            for (Selector s : r.getSelectors()) {
                for (SimpleSelector p : parts(s)) {
                    for (String c : p.getStyleClasses()) if (!named(c, named)) unused.add(c);
                }
            }
        }
        unused.addAll(UNUSED_CONTROLS.values());
        return unused;
    }

    /**
     * Whether code can give a node the class: a string constant names it, or names its start where code may complete it
     * (JavaFX's charts give their series {@code "default-color" + i}, a progress indicator its {@code "segment" + i}): a
     * constant followed by digits, or a constant ending in a dash followed by anything.
     */
    static boolean named(String styleClass, Set<String> named) {
        if (named.contains(styleClass)) return true;
        for (int i = styleClass.length() - 1; i > 0; i--) {
            String start = styleClass.substring(0, i);
            boolean digits = styleClass.substring(i).chars().allMatch(Character::isDigit);
            if ((digits || start.endsWith("-")) && named.contains(start)) return true;
        }
        return false;
    }

    /** Leaves out of {@code sheet} every selector that names one of {@code unused}, and every rule left without one. */
    public static void trim(Stylesheet sheet, Set<String> unused) {
        sheet.getRules().removeIf(r -> {
            List<Selector> kept = new ArrayList<>();
            for (Selector s : r.getSelectors()) if (!namesAny(s, unused)) kept.add(s);
            if (kept.size() != r.getSelectors().size() && !kept.isEmpty()) r.getSelectors().setAll(kept);
            return kept.isEmpty();
        });
    }

    /** Whether any part of the selector names one of the classes. */
    public static boolean namesAny(Selector s, Set<String> classes) {
        for (SimpleSelector p : parts(s)) for (String c : p.getStyleClasses()) if (classes.contains(c)) return true;
        return false;
    }

    /** A selector's simple selectors (itself, or a compound's parts). */
    public static List<SimpleSelector> parts(Selector s) {
        return s instanceof CompoundSelector c ? c.getSelectors() : List.of((SimpleSelector) s);
    }

    /**
     * The sheet in JavaFX's binary form, as {@code Stylesheet.convertToBinary} writes a parsed one: the format's
     * version, the string table, the rules. The writers are JavaFX's own, not public, so they are called reflectively.
     */
    static void write(Stylesheet sheet, OutputStream out) throws IOException {
        try {
            Class<?> storeClass = Class.forName("javafx.css.StyleConverter$StringStore");
            var make = storeClass.getDeclaredConstructor();
            make.setAccessible(true);
            Object store = make.newInstance();
            var writeSheet = Stylesheet.class.getDeclaredMethod("writeBinary", DataOutputStream.class, storeClass);
            writeSheet.setAccessible(true);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            try (DataOutputStream d = new DataOutputStream(body)) {
                writeSheet.invoke(sheet, d, store);
            }
            var version = Stylesheet.class.getDeclaredField("BINARY_CSS_VERSION");
            version.setAccessible(true);
            var writeStore = storeClass.getDeclaredMethod("writeBinary", DataOutputStream.class);
            writeStore.setAccessible(true);
            DataOutputStream d = new DataOutputStream(out);
            d.writeShort(version.getInt(null));
            writeStore.invoke(store, d);
            d.write(body.toByteArray());
            d.flush();
        } catch (ReflectiveOperationException e) {
            throw new IOException("JavaFX's binary stylesheet writer is not where it was: " + e, e);
        }
    }

    private static Path codeSource(String className) throws IOException {
        try {
            URL u = Class.forName(className, false, PrimerSheets.class.getClassLoader()).getProtectionDomain().getCodeSource().getLocation();
            return Path.of(u.toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IOException("cannot find the classes of " + className + ": " + e, e);
        }
    }

    /** Adds the string constants of every class in a folder or jar to {@code into}. */
    static void strings(Path classes, Set<String> into) throws IOException {
        if (Files.isDirectory(classes)) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    try (InputStream in = Files.newInputStream(p)) {
                        constants(in, into);
                    }
                }
            }
            return;
        }
        try (ZipFile jar = new ZipFile(classes.toFile())) {
            for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                var e = entries.nextElement();
                if (!e.getName().endsWith(".class")) continue;
                try (InputStream in = jar.getInputStream(e)) {
                    constants(in, into);
                }
            }
        }
    }

    /** The UTF-8 entries of a class file's constant pool (JVMS 4.4): every string constant, name and descriptor. */
    static void constants(InputStream classFile, Set<String> into) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> {
                    String s = in.readUTF();
                    into.add(s);
                    // a string concatenation's recipe (StringConcatFactory): its constant parts between the arguments
                    if (s.indexOf('\u0001') >= 0 || s.indexOf('\u0002') >= 0) into.addAll(List.of(s.split("[\u0001\u0002]")));
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
    }
}
