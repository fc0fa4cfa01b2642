package io.digitstudio.ui.widgets;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.control.Label;
import javafx.scene.text.Font;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;

/**
 * A status line: a message and figures (progress, epoch, speed), the message always whole, never cut to its first words
 * nor to "…". The line is two lines of text high: the figures keep its bottom right corner, the message's last line
 * lies beside them and ends before them, and a message too long for that one line breaks between words onto the line
 * above, which runs across the whole width. A message of one line or two moves nothing, neither the figures nor the
 * views above the line; only a message longer than that (a long path in an error) takes more lines above, and the line
 * grows for it rather than hide its end.
 */
public final class StatusLine extends Region {
    private static final double GAP = 8;
    private final javafx.beans.value.ObservableValue<String> text;
    private final Label message;
    private final Region figures;
    /** The figures' own place, where a change of theirs stops unless it changes their size. */
    private final FiguresBox box;
    /** The figures' size when the line was last laid out: while it stays, a change of theirs moves nothing else. */
    private double laidWidth = Double.NaN, laidHeight = Double.NaN;

    /** A line showing {@code text} in {@code message} (which it sets), beside {@code figures}. */
    public StatusLine(javafx.beans.value.ObservableValue<String> text, Label message, Region figures) {
        this.text = text;
        this.message = message;
        this.figures = figures;
        message.setWrapText(true);
        // a screen reader reads the message as one text, without the breaks the line makes in it
        message.accessibleTextProperty().bind(text);
        text.addListener((o, a, b) -> requestLayout());
        this.box = new FiguresBox();
        getChildren().addAll(message, box);
        sceneProperty().addListener((o, was, is) -> {
            if (was != null) was.removePreLayoutPulseListener(sizeCheck);
            if (is != null) is.addPreLayoutPulseListener(sizeCheck);
        });
    }

    /**
     * Before a pulse's layout pass: figures whose texts changed their size have the line laid out in this pass. Found
     * only when the figures lay themselves out, the line's layout came a pulse later, a frame of its own (the software
     * pipeline renders and uploads the whole window for each), each time a run's figures grow a digit.
     */
    private final Runnable sizeCheck = this::checkFiguresSize;

    private void checkFiguresSize() {
        if (box.isNeedsLayout() && !isNeedsLayout() && (figures.prefWidth(-1) != laidWidth || figures.prefHeight(-1) != laidHeight)) {
            requestLayout();
        }
    }

    /**
     * Figures that can make do with fewer of themselves: where the line is too narrow for its message on one line
     * beside them, the line asks them to give way, one figure at a time, before it breaks the message.
     */
    public interface GivesWay {
        /** Hides one more figure; false when none may go (now). */
        boolean giveWay();

        /**
         * A message the line is to find room for on one line beside the figures, besides the one it shows: one that
         * comes when the figures may no longer give way (a run's end), so that they make its room while they still
         * may. Empty for none.
         */
        default String roomFor() {
            return "";
        }
    }

    /**
     * Hides the message ({@code true}) while something else lies over the line's start (the engine's start, said over
     * the open view's status line), or shows it again: a message longer than what lies over it showed its end past it.
     * The line keeps its place and height.
     */
    public void makeWay(boolean covered) {
        message.setVisible(!covered);
    }

    /** A view's status bar at the window's bottom edge: this line with the bar's id, style class and padding. */
    public static StatusLine bar(String id, javafx.beans.value.ObservableValue<String> text, Label message, Region figures) {
        StatusLine line = new StatusLine(text, message, figures);
        line.setId(id);
        line.getStyleClass().add("status-bar");
        line.setPadding(new Insets(4, 8, 4, 8));
        return line;
    }

    /**
     * The figures' place in the line, out of the line's layout (unmanaged): the figures change their texts several
     * times a second during a run, and a managed node's change lays out every parent up to the tab, though most changes
     * leave the figures as wide and high as they were. Here such a change lays out the figures alone; one that changes
     * their size lays out the line (and what holds it) at once, as before.
     */
    private final class FiguresBox extends Region {
        FiguresBox() {
            setManaged(false);
            getStyleClass().add("status-figures");
            getChildren().add(figures);
        }

        @Override
        protected double computePrefWidth(double height) {
            return figures.prefWidth(-1);
        }

        @Override
        protected double computePrefHeight(double width) {
            return figures.prefHeight(-1);
        }

        @Override
        protected void layoutChildren() {
            if (figures.prefWidth(-1) != laidWidth || figures.prefHeight(-1) != laidHeight) StatusLine.this.requestLayout();
            layoutInArea(figures, 0, 0, getWidth(), getHeight(), 0, HPos.RIGHT, VPos.CENTER);
        }
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    private String full() {
        String t = text.getValue();
        return t == null ? "" : t;
    }

    /** Texts measured so far: each is a text layout on the UI thread. */
    private int measured;

    /** How many texts the line has measured so far (tests count them). */
    int measured() {
        return measured;
    }

    /**
     * A text node to measure with as the label measures its own text: in its font and with its bounds (a line as high
     * as its ascent or descent, whichever is larger, twice; plain logical bounds are a pixel or two lower, and a label
     * given that height shows its first line and "…").
     */
    private javafx.scene.text.Text measuring() {
        javafx.scene.text.Text t = new javafx.scene.text.Text();
        t.setFont(message.getFont());
        t.setBoundsType(javafx.scene.text.TextBoundsType.LOGICAL_VERTICAL_CENTER);
        return t;
    }

    /** How wide {@code s} is on one line in {@code measure}'s font. */
    private double widthOf(javafx.scene.text.Text measure, String s) {
        measured++;
        measure.setWrappingWidth(0);
        measure.setText(s);
        return Math.ceil(measure.getLayoutBounds().getWidth()) + 1;
    }

    /** The height of one line of the message, whatever it says: measured once for each font. */
    private double lineHeight() {
        Font font = message.getFont();
        if (font.equals(lineFont)) return lineHeight;
        javafx.scene.text.Text measure = measuring();
        measured++;
        measure.setText("Ag");
        lineHeight = Math.ceil(measure.getLayoutBounds().getHeight());
        lineFont = font;
        return lineHeight;
    }

    private Font lineFont;
    private double lineHeight;

    /** How high {@code s} is wrapped in the message's width {@code width} (the label's insets left out). */
    private double heightOf(String s, double width) {
        javafx.scene.text.Text measure = measuring();
        measured++;
        measure.setText(s);
        measure.setWrappingWidth(Math.max(1, width));
        return Math.ceil(measure.getLayoutBounds().getHeight());
    }

    /**
     * The message laid out for a line {@code width} wide: its lines broken where the words meet, each as wide as the
     * line, the last one only as wide as the room left of the figures; {@code below} when a single word is wider than
     * that room (the figures then take a row under the message, which the label wraps itself).
     */
    private record Plan(String text, int lines, boolean below) {
    }

    /**
     * What a plan is made from: the message, its font, the whole width and the last line's room. A layout asks for the
     * plan three or four times, and during a run the figures change their texts several times a second while these
     * stay the same, so a plan is made only when one of them changes.
     */
    private static final class PlanFor {
        // a class, not a record: a record's equals, hashCode and toString are linked at their first call through
        // ObjectMethods' bootstrap, which spins about 45 method-handle classes (and runs ASM hot enough for the compiler
        // to take it up); the Train view's status line makes that first call on the JavaFX thread before the first frame
        final String text;
        final Font font;
        final double all;
        final double last;

        PlanFor(String text, Font font, double all, double last) {
            this.text = text;
            this.font = font;
            this.all = all;
            this.last = last;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PlanFor p && text.equals(p.text) && java.util.Objects.equals(font, p.font)
                    && Double.compare(all, p.all) == 0 && Double.compare(last, p.last) == 0;
        }

        @Override
        public int hashCode() {
            return (text.hashCode() * 31 + java.util.Objects.hashCode(font)) * 31 + Double.hashCode(all) * 17 + Double.hashCode(last);
        }
    }

    private PlanFor plannedFor;
    private Plan planned;

    private Plan plan(double width) {
        Insets in = getInsets();
        double all = width - in.getLeft() - in.getRight() - message.snappedLeftInset() - message.snappedRightInset();
        if (figures instanceof GivesWay g && !full().isBlank()) {
            double one = Math.max(oneLineWidth(), roomWidth(g.roomFor()));
            while (one > all - GAP - figures.prefWidth(-1) && g.giveWay()) {
                // one figure fewer: measured again
            }
        }
        PlanFor key = new PlanFor(full().strip(), message.getFont(), all, all - GAP - figures.prefWidth(-1));
        if (!key.equals(plannedFor)) {
            planned = plan(key);
            plannedFor = key;
        }
        return planned;
    }

    private Plan plan(PlanFor key) {
        String t = key.text;
        double all = key.all, last = key.last;
        if (t.isEmpty()) return new Plan("", 1, false);
        javafx.scene.text.Text measure = measuring();
        List<String> words = java.util.Arrays.asList(t.split("\\s+"));
        for (String w : words) if (widthOf(measure, w) > last) return new Plan(t, 1, true);
        // greedily across the whole width; a last line that runs past the figures' start breaks in two, its end beside
        // the figures and the rest on the line above (which spans the whole width, as the line did)
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            String longer = line.isEmpty() ? w : line + " " + w;
            if (!line.isEmpty() && widthOf(measure, longer) > all) {
                lines.add(line.toString());
                line = new StringBuilder(w);
            } else {
                line = new StringBuilder(longer);
            }
        }
        lines.add(line.toString());
        String end = lines.get(lines.size() - 1);
        if (widthOf(measure, end) > last) {
            List<String> endWords = java.util.Arrays.asList(end.split(" "));
            int at = split(measure, endWords, last);
            lines.set(lines.size() - 1, String.join(" ", endWords.subList(0, at)));
            lines.add(String.join(" ", endWords.subList(at, endWords.size())));
        }
        return new Plan(String.join("\n", lines), lines.size(), false);
    }

    /**
     * Where a line of {@code words} too long to end before the figures breaks: the line above takes as many words as
     * fit the figures' room too, so that both lines end before the figures, when the rest then fits there; otherwise
     * the last line takes as many words as fit that room. Every word fits it, so both parts keep at least one word.
     */
    private int split(javafx.scene.text.Text measure, List<String> words, double room) {
        int above = words.size() - 1;
        while (above > 1 && widthOf(measure, String.join(" ", words.subList(0, above))) > room) above--;
        if (widthOf(measure, String.join(" ", words.subList(above, words.size()))) <= room) return above;
        int below = words.size() - 1;
        while (below > 1 && widthOf(measure, String.join(" ", words.subList(below - 1, words.size()))) <= room) below--;
        return below;
    }

    /** The row the figures keep at the bottom: as high as a line of the message or as they are, whichever is higher. */
    private double figuresRow() {
        return Math.max(lineHeight(), figures.prefHeight(-1));
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + oneLineWidth() + message.snappedLeftInset() + message.snappedRightInset() + GAP + figures.prefWidth(-1) + in.getRight();
    }

    /** The message's width on one line, measured again only when it or its font changes. */
    private double oneLineWidth() {
        return messageWidth.of(full(), message.getFont());
    }

    /** How wide the figures' {@link GivesWay#roomFor} message is on one line (0 for none). */
    private double roomWidth(String t) {
        return t.isEmpty() ? 0 : roomWidth.of(t, message.getFont());
    }

    private final OneLine messageWidth = new OneLine();
    private final OneLine roomWidth = new OneLine();

    /** A text's width on one line, kept until the text or its font changes: each measure is a text layout. */
    private final class OneLine {
        private String text;
        private Font font;
        private double width;

        double of(String t, Font f) {
            if (!t.equals(text) || !f.equals(font)) {
                width = widthOf(measuring(), t);
                text = t;
                font = f;
            }
            return width;
        }
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + figures.minWidth(-1) + in.getRight();
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double twoLines = lineHeight() + message.snappedTopInset() + message.snappedBottomInset() + figuresRow();
        if (width < 0) return in.getTop() + twoLines + in.getBottom();
        Plan p = plan(width);
        double content = p.below
                ? messageHeight(p, width) + GAP / 2 + figures.prefHeight(-1)
                : Math.max(twoLines, (p.lines - 1) * lineHeight() + message.snappedTopInset() + message.snappedBottomInset() + figuresRow());
        return in.getTop() + content + in.getBottom();
    }

    /** The message's label's height for this plan in a line {@code width} wide. */
    private double messageHeight(Plan p, double width) {
        Insets in = getInsets();
        double w = width - in.getLeft() - in.getRight() - message.snappedLeftInset() - message.snappedRightInset();
        String s = p.text.isEmpty() ? "Ag" : p.text;
        Font font = message.getFont();
        if (!s.equals(heightText) || w != heightWidth || !font.equals(heightFont)) {
            height = heightOf(s, w);
            heightText = s;
            heightWidth = w;
            heightFont = font;
        }
        return height + message.snappedTopInset() + message.snappedBottomInset();
    }

    /** The message's wrapped height as last measured, and for which text, width and font. */
    private double height;
    private String heightText;
    private double heightWidth = Double.NaN;
    private Font heightFont;

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double x = in.getLeft(), y = in.getTop();
        double w = getWidth() - in.getLeft() - in.getRight();
        double h = getHeight() - in.getTop() - in.getBottom();
        laidWidth = figures.prefWidth(-1);
        laidHeight = figures.prefHeight(-1);
        double fw = Math.min(w, laidWidth);
        double fh = laidHeight;
        Plan p = plan(getWidth());
        if (!p.text.equals(message.getText())) message.setText(p.text);
        double mh = messageHeight(p, getWidth());
        if (p.below) {
            layoutInArea(message, x, y, w, mh, 0, HPos.LEFT, VPos.TOP);
            layoutInArea(box, x + w - fw, y + h - fh, fw, fh, 0, HPos.RIGHT, VPos.CENTER);
        } else {
            // the message's last line and the figures share the bottom row, centred on it
            double row = figuresRow();
            double lastLine = y + h - row / 2 - lineHeight() / 2 - message.snappedTopInset();
            double top = Math.max(y, lastLine - (Math.max(1, p.lines) - 1) * lineHeight());
            layoutInArea(message, x, top, w, mh, 0, HPos.LEFT, VPos.TOP);
            layoutInArea(box, x + w - fw, y + h - row, fw, row, 0, HPos.RIGHT, VPos.CENTER);
        }
    }
}
