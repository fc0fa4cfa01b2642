package io.digitstudio.ui.explain;

import io.digitstudio.explain.AnswerProfile;
import io.digitstudio.explain.Transform;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

import java.util.List;
import java.util.Locale;

/**
 * Four small charts, one per transform: each class's probability along the transform's nine values (the answer's
 * class in teal and thick, any other class that rises above 20 % in orange with its name, the rest faint grey), the
 * untouched digit marked in the middle. Under each, where the answer holds and where it flips.
 */
public final class ProfilePane extends VBox {
    static final double WIDTH = 150;
    static final double HEIGHT = 92;
    private static final Color ANSWER = Color.web("#0f766e");
    private static final Color RIVAL = Color.web("#d97706");
    private static final Color OTHER = Color.web("#cbd5e1");
    private final ExplainViewModel vm;
    private final Canvas[] charts = new Canvas[Transform.values().length];
    private final Label[] notes = new Label[Transform.values().length];

    public ProfilePane(ExplainViewModel vm) {
        super(6);
        this.vm = vm;
        setId("profilePane");
        Label title = new Label("How the answer moves: each class's probability as the digit is shifted, turned, scaled and thickened");
        title.setWrapText(true);
        title.getStyleClass().add("hint");
        HBox row = new HBox(10);
        for (Transform t : Transform.values()) {
            Canvas c = new Canvas(WIDTH, HEIGHT);
            c.setId("profileChart-" + t.name().toLowerCase(Locale.ROOT));
            c.setFocusTraversable(true);
            c.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW); // read with the text set below; a plain canvas is skipped
            charts[t.ordinal()] = c;
            Label name = new Label(t.title());
            name.setStyle("-fx-font-weight: bold;");
            name.setMinWidth(Region.USE_PREF_SIZE);
            Label note = new Label();
            note.setId("profileNote-" + t.name().toLowerCase(Locale.ROOT));
            note.getStyleClass().add("hint");
            note.setWrapText(true);
            note.setMaxWidth(WIDTH);
            note.setMinHeight(Region.USE_PREF_SIZE);
            notes[t.ordinal()] = note;
            VBox box = new VBox(2, name, c, note);
            box.setAlignment(Pos.TOP_LEFT);
            row.getChildren().add(box);
        }
        getChildren().addAll(title, row);
        vm.profileProperty().addListener((o, a, p) -> show(p));
        show(vm.profileProperty().get());
    }

    private void show(AnswerProfile p) {
        List<String> names = vm.classNames();
        for (Transform t : Transform.values()) {
            Canvas c = charts[t.ordinal()];
            draw(c.getGraphicsContext2D(), p == null ? null : p.curve(t), names);
            String note = p == null ? "" : note(p.curve(t), names);
            notes[t.ordinal()].setText(note);
            c.setAccessibleText(t.title() + ": " + note);
            Tooltip.install(c, new Tooltip(note));
        }
    }

    /** "holds 7 throughout", or "7 → 1 at +3 px" for the first value each side where the answer changes. */
    static String note(AnswerProfile.Curve c, List<String> names) {
        int mid = c.values().length / 2;
        int answer = c.label(mid);
        if (c.changes() == 0) return "holds " + name(names, answer) + " throughout";
        StringBuilder sb = new StringBuilder();
        for (int dir : new int[]{-1, 1}) {
            for (int i = mid + dir; i >= 0 && i < c.values().length; i += dir) {
                if (c.label(i) != answer) {
                    if (sb.length() > 0) sb.append("; ");
                    sb.append(name(names, answer)).append(" → ").append(name(names, c.label(i))).append(" at ").append(c.transform().format(c.values()[i]));
                    break;
                }
            }
        }
        return sb.toString();
    }

    private static String name(List<String> names, int label) {
        return label < names.size() ? names.get(label) : String.valueOf(label);
    }

    private static void draw(GraphicsContext g, AnswerProfile.Curve c, List<String> names) {
        double w = WIDTH, h = HEIGHT, left = 4, right = w - 4, top = 4, bottom = h - 14;
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#e2e8f0"));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        g.strokeLine(left, top + (bottom - top) / 2, right, top + (bottom - top) / 2);
        double mid = (left + right) / 2;
        g.setStroke(Color.web("#94a3b8"));
        g.setLineDashes(3, 3);
        g.strokeLine(mid, top, mid, bottom);
        g.setLineDashes();
        if (c == null) return;
        int n = c.values().length;
        g.setFont(Font.font(10));
        g.setFill(Color.web("#64748b"));
        g.fillText(c.transform().format(c.values()[0]), left, h - 3);
        String end = c.transform().format(c.values()[n - 1]);
        g.fillText(end, right - 6 * end.length(), h - 3);
        int answer = c.label(n / 2);
        int classes = c.predictions()[0].probabilities().length;
        // faint classes first, so the answer and its rivals are drawn over them
        for (int pass = 0; pass < 3; pass++) {
            for (int k = 0; k < classes; k++) {
                double peak = 0;
                for (int i = 0; i < n; i++) peak = Math.max(peak, c.probability(i, k));
                int kind = k == answer ? 2 : peak > 0.2 ? 1 : 0;
                if (kind != pass) continue;
                g.setStroke(kind == 2 ? ANSWER : kind == 1 ? RIVAL : OTHER);
                g.setLineWidth(kind == 2 ? 2.5 : kind == 1 ? 1.8 : 1);
                g.beginPath();
                int at = 0;
                for (int i = 0; i < n; i++) {
                    double x = left + (right - left) * i / (n - 1);
                    double y = bottom - (bottom - top) * c.probability(i, k);
                    if (i == 0) g.moveTo(x, y);
                    else g.lineTo(x, y);
                    if (c.probability(i, k) > c.probability(at, k)) at = i;
                }
                g.stroke();
                if (kind > 0) {
                    double x = left + (right - left) * at / (n - 1);
                    double y = bottom - (bottom - top) * c.probability(at, k);
                    g.setFill(kind == 2 ? ANSWER : RIVAL);
                    g.fillText(name(names, k), Math.min(right - 10, x + 2), Math.max(top + 9, y - 2));
                }
            }
        }
    }
}
