package io.digitstudio.cli;

import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi.Text;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.List;
import java.util.Map;

/**
 * picocli's help, wrapped only between words. picocli wraps with the JDK's line {@link java.text.BreakIterator}, which
 * breaks after a dot, a hyphen, a slash or a colon inside a word, so a name such as {@code .gz}, {@code ~/.local/share},
 * {@code NAME-best.npz} or {@code log:LOW:HIGH} could be cut across two lines. While the text is laid out, each of those
 * four characters that a word goes on after is replaced by a private-use letter (which the iterator never breaks
 * around); the written text has the characters back.
 * <p>
 * The usage synopsis is laid out here too, and wraps only between its items ({@code [--data=DIR|FILE.csv]}, {@code
 * ID...}), never inside one: the iterator would cut an option's value label, which has no space to break at.
 */
final class WholeNamesHelp extends Help {
    /** Private-use stand-ins for '.', '-', '/' and ':' inside a word, each as wide as the character it stands for. */
    /** picocli's own bound on the indent of a synopsis's later lines, as a fraction of the width. */
    private static final double MAX_SYNOPSIS_AUTO_INDENT_THRESHOLD = 0.9;

    private static final char DOT = '\uE000', HYPHEN = '\uE001', SLASH = '\uE002', COLON = '\uE003';

    WholeNamesHelp(CommandSpec spec, ColorScheme colors) {
        super(spec, colors);
    }

    /** Installs it for a command and every subcommand it has now. */
    static void install(CommandLine cl) {
        cl.setHelpFactory(WholeNamesHelp::new);
    }

    @Override
    public Layout createDefaultLayout(List<OptionSpec> options, List<PositionalParamSpec> positionals, ColorScheme colors) {
        Layout layout = super.createDefaultLayout(options, positionals, colors);
        return new Layout(colors, copy(layout.textTable(), colors), layout.optionRenderer(), layout.parameterRenderer());
    }

    @Override
    public TextTable createTextTable(Map<?, ?> map) {
        return copy(super.createTextTable(map), colorScheme());
    }

    @Override
    public String description(Object... params) {
        String[] lines = commandSpec().usageMessage().description();
        if (lines == null || lines.length == 0) return "";
        TextTable table = new WordTable(colorScheme(), new Column[]{new Column(commandSpec().usageMessage().width(), 0, Column.Overflow.WRAP)});
        table.setAdjustLineBreaksForWideCJKCharacters(commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        table.indentWrappedLines = 0;
        for (String line : lines) {
            for (Text part : colorScheme().ansi().new Text(String.format(line, params), colorScheme()).splitLines()) table.addRowValues(part);
        }
        return table.toString();
    }

    @Override
    public String commandList(Map<String, Help> subcommands) {
        // as picocli lays it out (names, then each command's first line of header or description), in a WordTable
        if (subcommands.isEmpty()) return "";
        int width = commandSpec().usageMessage().width();
        int names = Math.min(subcommands.keySet().stream().mapToInt(String::length).max().orElse(0), width / 2);
        TextTable table = new WordTable(colorScheme(), new Column[]{new Column(names + 2, 2, Column.Overflow.SPAN),
                new Column(width - (names + 2), 2, Column.Overflow.WRAP)});
        table.setAdjustLineBreaksForWideCJKCharacters(commandSpec().usageMessage().adjustLineBreaksForWideCJKCharacters());
        for (Help help : subcommands.values()) {
            CommandLine.Model.UsageMessageSpec usage = help.commandSpec().usageMessage();
            String first = usage.header().length > 0 ? usage.header()[0] : usage.description().length > 0 ? usage.description()[0] : "";
            Text[] lines = colorScheme().text(String.format(first)).splitLines();
            for (int i = 0; i < lines.length; i++) table.addRowValues(i == 0 ? help.commandNamesText(", ") : colorScheme().ansi().new Text(0), lines[i]);
        }
        return table.toString();
    }

    /**
     * The command's name and its synopsis items, filled into lines no wider than the help, each line after the first
     * indented under the first item as picocli indents them (or by picocli's fallback indent when the name is long).
     * An item is what lies between two spaces outside every bracket; an item wider than a whole line is cut as
     * picocli cuts it, which none of this program's items is.
     */
    @Override
    protected String insertSynopsisCommandName(int headingLength, Text details) {
        CommandLine.Model.UsageMessageSpec usage = commandSpec().usageMessage();
        int width = usage.width();
        String name = commandSpec().qualifiedName();
        int indent = headingLength + name.length() + 1;
        if (indent > usage.synopsisAutoIndentThreshold() * width) {
            indent = usage.synopsisIndent() < 0 ? headingLength : usage.synopsisIndent();
            indent = Math.min(indent, (int) (MAX_SYNOPSIS_AUTO_INDENT_THRESHOLD * width));
        }
        StringBuilder out = new StringBuilder(colorScheme().commandText(name).toString());
        int column = headingLength + name.length();
        String plain = details.plainString();
        for (int[] item : items(plain)) {
            int length = item[1] - item[0];
            if (column + 1 + length > width) {
                out.append(System.lineSeparator()).append(" ".repeat(indent));
                column = indent;
                while (column + length > width && width - column > 0) {
                    // an item wider than a line: as much of it as fits, the rest on the next line
                    int fits = width - column;
                    out.append(details.substring(item[0], item[0] + fits)).append(System.lineSeparator()).append(" ".repeat(indent));
                    item = new int[]{item[0] + fits, item[1]};
                    length -= fits;
                }
                out.append(details.substring(item[0], item[1]));
            } else {
                out.append(' ').append(details.substring(item[0], item[1]));
                column++;
            }
            column += length;
        }
        return out.append(System.lineSeparator()).toString();
    }

    /** The start and end of each item of a synopsis: the text between spaces that are outside every bracket. */
    static List<int[]> items(String synopsis) {
        List<int[]> items = new java.util.ArrayList<>();
        int depth = 0, start = -1;
        for (int i = 0; i <= synopsis.length(); i++) {
            char c = i < synopsis.length() ? synopsis.charAt(i) : ' ';
            if (c == ' ' && depth <= 0) {
                if (start >= 0) items.add(new int[]{start, i});
                start = -1;
                continue;
            }
            if (start < 0) start = i;
            if (c == '[' || c == '(' || c == '<' || c == '{') depth++;
            else if (c == ']' || c == ')' || c == '>' || c == '}') depth--;
        }
        return items;
    }

    private static TextTable copy(TextTable original, ColorScheme colors) {
        WordTable t = new WordTable(colors, original.columns());
        t.indentWrappedLines = original.indentWrappedLines;
        t.setAdjustLineBreaksForWideCJKCharacters(original.isAdjustLineBreaksForWideCJKCharacters());
        return t;
    }

    /** '.', '-', '/' and ':' followed by a character that is not a space (a word goes on), replaced by their stand-ins. */
    static String protect(String s) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 0; i < b.length() - 1; i++) {
            char c = b.charAt(i);
            if ((c == '.' || c == '-' || c == '/' || c == ':') && !Character.isWhitespace(b.charAt(i + 1))) {
                b.setCharAt(i, c == '.' ? DOT : c == '-' ? HYPHEN : c == '/' ? SLASH : COLON);
            }
        }
        return b.toString();
    }

    static String restore(String s) {
        return s.replace(DOT, '.').replace(HYPHEN, '-').replace(SLASH, '/').replace(COLON, ':');
    }

    /** A table that lays out the protected text and writes the restored one. */
    private static final class WordTable extends TextTable {
        private final ColorScheme colors;

        WordTable(ColorScheme colors, Column[] columns) {
            super(colors, columns);
            this.colors = colors;
        }

        @Override
        public Cell putValue(int row, int col, Text value) {
            String plain = value.plainString();
            // only text without styles is rewritten (a styled Text would lose its styles); descriptions have none
            if (value.toString().equals(plain)) {
                String safe = protect(plain);
                if (!safe.equals(plain)) return super.putValue(row, col, colors.ansi().new Text(safe, colors));
            }
            return super.putValue(row, col, value);
        }

        @Override
        public StringBuilder toString(StringBuilder text) {
            int start = text.length();
            super.toString(text);
            String restored = restore(text.substring(start));
            text.setLength(start);
            return text.append(restored);
        }

        @Override
        public String toString() {
            return toString(new StringBuilder()).toString();
        }
    }
}
