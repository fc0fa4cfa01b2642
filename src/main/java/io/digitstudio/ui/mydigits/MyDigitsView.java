package io.digitstudio.ui.mydigits;

import io.digitstudio.mydigits.MyDigit;
import io.digitstudio.train.FineTune;
import io.digitstudio.ui.widgets.DigitImages;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * My digits: the collection grouped by label with a count per label; click a digit to select it (Ctrl-click for more),
 * then press 0-9 to relabel or Delete to remove (Undo brings it back); import a folder or a zip, export a zip; and
 * "Fine-tune on my digits", whose before/after figures stay on screen until the model is accepted or discarded.
 */
public final class MyDigitsView extends BorderPane {
    private final MyDigitsViewModel vm;
    private final VBox groups = new VBox(10);
    private final Set<String> selected = new LinkedHashSet<>();
    /** How many digits are selected (Delete is off while none is). */
    private final javafx.beans.property.IntegerProperty selectedCount = new javafx.beans.property.SimpleIntegerProperty();
    private final GridPane result = new GridPane();
    private final VBox resultBox;

    public MyDigitsView(MyDigitsViewModel vm) {
        this.vm = vm;
        getStyleClass().add("mydigits-view");
        Button fine = new Button("_Fine-tune on my digits");
        fine.setId("fineTuneButton");
        fine.getStyleClass().add("accent");
        fine.setTooltip(new Tooltip("Train the active model further on MNIST mixed with your digits, and compare before and after"));
        fine.disableProperty().bind(vm.busyProperty());
        fine.setOnAction(e -> vm.fineTune());
        Button undo = button("_Undo", "undoDigitsButton", vm::undo);
        Button delete = button("_Delete", "deleteDigitsButton", this::deleteSelected);
        // each is on only when there is something for it to act on; the hint beside them says what turns them on
        undo.disableProperty().bind(vm.canUndoProperty().not());
        delete.disableProperty().bind(selectedCount.isEqualTo(0));
        undo.setTooltip(new Tooltip("Takes back the last deletion or relabel (Ctrl+Z)"));
        delete.setTooltip(new Tooltip("Removes the selected digits (Undo brings them back)"));
        Button importFolder = button("I_mport folder…", "importDigitsButton", vm::importFolder);
        importFolder.setAccessibleHelp("Add the images of a folder to your digits: files named 7.png, 7_a.png, … or folders named 0 to 9");
        Button importZip = button("Import _zip…", "importDigitsZipButton", vm::importZip);
        importZip.setAccessibleHelp("Add the digits of a zip made by Export zip");
        Button export = button("_Export zip…", "exportDigitsButton", vm::exportZip);
        export.setAccessibleHelp("Save all your digits in a zip, to keep or to import elsewhere");
        Label hint = new Label();
        hint.setId("myDigitsHint");
        hint.getStyleClass().add("hint");
        hint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> hint(vm.digits().isEmpty(), selectedCount.get(), vm.canUndoProperty().get()),
                vm.digits(), selectedCount, vm.canUndoProperty()));
        // the hint keeps a line of its own under the buttons: in their row, a selection's shorter hint fitted beside
        // them, and the collection below jumped up a line and back as digits were selected and let go
        FlowPane buttons = io.digitstudio.ui.widgets.Bars.whole(fine, undo, delete, importFolder, importZip, export);
        buttons.getStyleClass().remove("tool-bar");
        hint.setWrapText(true);
        hint.setMaxWidth(Double.MAX_VALUE);
        VBox top = new VBox(buttons, hint);
        top.getStyleClass().addAll("tool-bar", "bar-with-hint");
        setTop(top);

        groups.setPadding(new Insets(8));
        groups.setId("myDigitsGroups");
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        // a button that turns itself off (Fine-tune while it runs, Undo with nothing left) gives the keyboard back to
        // the digit it was on, not to the next button, which may be Delete
        io.digitstudio.ui.widgets.FocusHome.set(this, () -> tiles().stream().filter(javafx.scene.Node::isFocusTraversable)
                .findFirst().orElse(scroll));

        result.setId("fineTuneResult");
        result.setHgap(16);
        result.setVgap(4);
        Button accept = new Button("_Accept");
        accept.setId("acceptFineTuneButton");
        accept.getStyleClass().add("accent");
        accept.setOnAction(e -> vm.accept());
        Button discard = new Button("D_iscard");
        discard.setId("discardFineTuneButton");
        discard.setOnAction(e -> vm.discard());
        Label title = new Label("Fine-tuned: before and after");
        title.getStyleClass().add("section");
        title.setWrapText(true);
        title.setId("fineTuneTitle");
        accept.setMinWidth(Region.USE_PREF_SIZE);
        discard.setMinWidth(Region.USE_PREF_SIZE);
        // the names of the rows take the room the figures leave, and wrap in it; the figures keep their widths
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints figure = new javafx.scene.layout.ColumnConstraints();
        figure.setMinWidth(Region.USE_PREF_SIZE);
        result.getColumnConstraints().setAll(names, figure, figure);
        resultBox = new VBox(8, title, result, new HBox(8, accept, discard));
        resultBox.setPadding(new Insets(12));
        resultBox.setId("fineTunePane");
        // as wide as its text needs at any UI scale (em, in the theme): 330 px at 100 % cut every text at 150 %
        resultBox.getStyleClass().addAll("detail-pane", "fine-tune-pane");
        resultBox.visibleProperty().bind(vm.proposalProperty().isNotNull());
        resultBox.managedProperty().bind(resultBox.visibleProperty());
        setRight(resultBox);

        Label status = new Label();
        status.setId("myDigitsStatus");
        // a fine-tuning takes up to a minute: how far it is, beside what it does
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
        bar.setId("fineTuneProgress");
        bar.setPrefWidth(180);
        bar.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.busyProperty());
        bar.managedProperty().bind(vm.busyProperty());
        // the phase beside the bar: one bar for the measurements before and after and the epochs between
        Label phase = new PhaseLabel();
        phase.setId("fineTuneProgressText");
        phase.textProperty().bind(vm.progressTextProperty());
        phase.visibleProperty().bind(vm.busyProperty());
        phase.managedProperty().bind(vm.busyProperty());
        io.digitstudio.ui.widgets.ScreenReader.describe(bar, "Fine-tuning progress", "How much of the fine-tuning is done");
        bar.accessibleHelpProperty().bind(vm.progressTextProperty());
        // the line the Train view has: two lines high, its message whole (a fine-tuning's result and the collection's
        // folder were cut to "…" on one line), the bar at its bottom right while it fine-tunes
        HBox figures = new HBox(8, phase, bar);
        figures.setAlignment(Pos.CENTER_RIGHT);
        setBottom(io.digitstudio.ui.widgets.StatusLine.bar("myDigitsStatusBar", vm.statusProperty(), status, figures));

        sceneProperty().addListener((o, old, scene) -> {
            if (scene != null) scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, this::key);
        });
        vm.digits().addListener((ListChangeListener<MyDigit>) c -> rebuild());
        vm.undoneProperty().addListener((o, a, ids) -> giveBack(ids));
        vm.proposalProperty().addListener((o, a, p) -> showResult(p));
        // a fine-tuning offered again by a launch waits before this view is first built
        showResult(vm.proposalProperty().get());
        rebuild();
    }

    /**
     * While this view shows: 0-9 relabels the selected digits, Delete removes them, Ctrl+Z takes back the last relabel
     * or deletion (as Undo does, and as Ctrl+Z does in Draw).
     */
    private void key(javafx.scene.input.KeyEvent e) {
        if (!showing() || getScene().getFocusOwner() instanceof javafx.scene.control.TextInputControl) return;
        if (io.digitstudio.ui.widgets.Keys.UNDO.match(e)) {
            if (vm.canUndoProperty().get()) vm.undo();
            e.consume();
            return;
        }
        if (selected.isEmpty() || e.isShortcutDown()) return;
        {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                deleteSelected();
                e.consume();
            } else if (io.digitstudio.ui.widgets.Keys.digit(e) >= 0) {
                int label = io.digitstudio.ui.widgets.Keys.digit(e);
                vm.relabel(chosen(), label);
                e.consume();
            }
        }
    }

    private boolean showing() {
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return getScene() != null;
    }

    private Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /** What the toolbar's hint says: what Delete and Undo act on, and why they are off when they are. */
    static String hint(boolean empty, int selected, boolean canUndo) {
        if (empty) return canUndo ? "No digits left: Undo brings back the ones deleted last" : "Nothing to delete or undo: the collection is empty";
        if (selected == 0) return "Select a digit, then press 0-9 to relabel it or Delete to remove it";
        return selected + " selected: press 0-9 to relabel " + (selected == 1 ? "it" : "them") + ", Delete to remove " + (selected == 1 ? "it" : "them");
    }

    private List<MyDigit> chosen() {
        List<MyDigit> out = new ArrayList<>();
        for (MyDigit d : vm.digits()) if (selected.contains(d.id())) out.add(d);
        return out;
    }

    private void deleteSelected() {
        List<MyDigit> gone = chosen();
        selected.clear();
        selectedCount.set(0);
        vm.delete(gone);
    }

    /** The digit the keyboard is on (the collection's one Tab stop; null: the first). */
    private String current;
    /** The digit an Undo under way gives back, which the keyboard goes to once the collection shows it (null: none). */
    private String givenBack;

    /**
     * Undo was pressed: the digits it gives back (their labels, or themselves) are the selection, and the first the
     * keyboard's place, as they were when the change was made. Left where the change put them, the keyboard went to the
     * collection's first digit as Undo turned itself off, and a keyboard user had lost their place.
     */
    private void giveBack(List<String> ids) {
        if (ids.isEmpty()) return;
        selected.clear();
        selected.addAll(ids);
        selectedCount.set(selected.size());
        givenBack = ids.get(0);
        List<javafx.scene.Node> all = tiles();
        // a relabelled digit is still on screen: it is the Tab stop at once, where Undo hands the keyboard as it turns off
        boolean shown = all.stream().anyMatch(n -> n.getId().equals("digit-" + givenBack));
        if (shown) current = givenBack;
        for (javafx.scene.Node n : all) {
            boolean mine = selected.contains(n.getId().substring("digit-".length()));
            n.getStyleClass().remove("selected");
            if (mine) n.getStyleClass().add("selected");
            if (shown) n.setFocusTraversable(n.getId().equals("digit-" + current));
        }
    }

    private void rebuild() {
        javafx.scene.Node owner = getScene() == null ? null : getScene().getFocusOwner();
        boolean keyboardOnTile = owner != null && owner.getStyleClass().contains("digit-tile") && owner.getParent() != null;
        // a deleted digit Undo brings back is the keyboard's place once it is listed again
        String back = givenBack;
        givenBack = null;
        if (back != null && vm.digits().stream().anyMatch(d -> d.id().equals(back))) current = back;
        groups.getChildren().clear();
        selected.retainAll(vm.digits().stream().map(MyDigit::id).toList());
        selectedCount.set(selected.size());
        Map<Integer, List<MyDigit>> byLabel = new TreeMap<>();
        for (MyDigit d : vm.digits()) byLabel.computeIfAbsent(d.label(), k -> new ArrayList<>()).add(d);
        if (byLabel.isEmpty()) {
            Label empty = new Label("No digits yet. In Draw, after a prediction: Enter keeps the drawing with the model's answer, a digit key with the right one.");
            empty.getStyleClass().add("hint");
            empty.setWrapText(true);
            groups.getChildren().add(empty);
            return;
        }
        byLabel.forEach((label, list) -> {
            Label head = new Label(String.format(Locale.ROOT, "%d — %d digit%s", label, list.size(), list.size() == 1 ? "" : "s"));
            head.getStyleClass().add("section");
            head.setId("group-" + label);
            // no gaps: each tile's edge is the room its focus ring takes (theme.css), 8 px between two digits
            FlowPane tiles = new FlowPane(0, 0);
            for (MyDigit d : list) tiles.getChildren().add(tile(d));
            groups.getChildren().add(new VBox(4, head, tiles));
        });
        List<javafx.scene.Node> all = tiles();
        if (all.stream().noneMatch(javafx.scene.Node::isFocusTraversable)) all.get(0).setFocusTraversable(true);
        // a relabelled digit moves to its new group: the keyboard goes with it
        if (keyboardOnTile) all.stream().filter(javafx.scene.Node::isFocusTraversable).findFirst().ifPresent(javafx.scene.Node::requestFocus);
    }

    private List<javafx.scene.Node> tiles() {
        return new ArrayList<>(groups.lookupAll(".digit-tile"));
    }

    /**
     * The keyboard in the collection: the arrow keys go to the next digit (Left and Right in reading order, Up and
     * Down to the nearest one in the row above or below) and select it, with Ctrl they move without selecting;
     * Space selects the digit the keyboard is on, Ctrl+Space adds it to the selection or takes it out.
     */
    private void tileKey(javafx.scene.input.KeyEvent e, MyDigit d, Region t) {
        List<javafx.scene.Node> all = tiles();
        int at = all.indexOf(t);
        javafx.scene.Node next = switch (e.getCode()) {
            case LEFT -> at > 0 ? all.get(at - 1) : t;
            case RIGHT -> at < all.size() - 1 ? all.get(at + 1) : t;
            case UP, DOWN -> nearestInNextRow(all, t, e.getCode() == KeyCode.UP);
            case HOME -> all.get(0);
            case END -> all.get(all.size() - 1);
            case SPACE -> {
                toggle(d, t, e.isShortcutDown());
                yield null;
            }
            default -> t;
        };
        if (next == t && e.getCode() != KeyCode.LEFT && e.getCode() != KeyCode.RIGHT && e.getCode() != KeyCode.UP && e.getCode() != KeyCode.DOWN) return;
        e.consume();
        if (next == null || next == t) return;
        next.requestFocus();
        if (!e.isShortcutDown()) {
            String id = next.getId().substring("digit-".length());
            vm.digits().stream().filter(x -> x.id().equals(id)).findFirst().ifPresent(x -> toggle(x, (Region) next, false));
        }
    }

    private static javafx.scene.Node nearestInNextRow(List<javafx.scene.Node> all, javafx.scene.Node from, boolean up) {
        javafx.geometry.Bounds b = from.localToScene(from.getBoundsInLocal());
        javafx.scene.Node best = from;
        double bestRow = up ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, bestDx = Double.POSITIVE_INFINITY;
        for (javafx.scene.Node n : all) {
            javafx.geometry.Bounds o = n.localToScene(n.getBoundsInLocal());
            boolean beyond = up ? o.getMaxY() <= b.getMinY() : o.getMinY() >= b.getMaxY();
            if (!beyond) continue;
            double dx = Math.abs(o.getCenterX() - b.getCenterX());
            boolean nearerRow = up ? o.getMinY() > bestRow + 0.5 : o.getMinY() < bestRow - 0.5;
            boolean sameRow = Math.abs(o.getMinY() - bestRow) <= 0.5;
            if (nearerRow || sameRow && dx < bestDx) {
                best = n;
                bestRow = o.getMinY();
                bestDx = dx;
            }
        }
        return best;
    }

    /** Selects this digit alone, or (adding) adds it to the selection or takes it out. */
    private void toggle(MyDigit d, Region t, boolean adding) {
        if (!adding) {
            selected.clear();
            groups.lookupAll(".digit-tile").forEach(n -> n.getStyleClass().remove("selected"));
        }
        if (!selected.remove(d.id())) selected.add(d.id());
        if (selected.contains(d.id())) t.getStyleClass().add("selected");
        else t.getStyleClass().remove("selected");
        selectedCount.set(selected.size());
    }

    private Region tile(MyDigit d) {
        ImageView v = new ImageView(DigitImages.of(d.input()));
        v.setAccessibleText("A " + d.label() + ", " + d.origin() + ", added " + d.added());
        v.setFitWidth(48);
        v.setFitHeight(48);
        StackPane t = new StackPane(v);
        t.setId("digit-" + d.id());
        t.getStyleClass().add("digit-tile");
        if (selected.contains(d.id())) t.getStyleClass().add("selected");
        t.setPadding(new Insets(2));
        t.setAlignment(Pos.CENTER);
        Tooltip.install(t, new Tooltip(d.label() + " · " + d.origin() + " · " + d.added()));
        t.setOnMouseClicked(e -> toggle(d, t, e.isShortcutDown()));
        t.setFocusTraversable(d.id().equals(current));
        t.focusedProperty().addListener((o, a, f) -> {
            if (!f) return;
            current = d.id();
            for (javafx.scene.Node n : tiles()) n.setFocusTraversable(n == t);
        });
        t.setOnKeyPressed(e -> tileKey(e, d, t));
        return t;
    }

    private void showResult(MyDigitsViewModel.Proposal p) {
        result.getChildren().clear();
        if (p == null) return;
        FineTune.Result r = p.result();
        result.addRow(0, bold(""), bold("before"), bold("after"));
        result.addRow(1, name(p.mineRow()), cell("mineBefore", r.mineBefore()), cell("mineAfter", r.mineAfter()));
        result.addRow(2, name("MNIST test set"), cell("mnistBefore", r.mnistBefore()), cell("mnistAfter", r.mnistAfter()));
        Label note = new Label(p.note());
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        note.setId("fineTuneNote");
        result.add(note, 0, 3, 3, 1);
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** A row's name: it wraps between its words where the figures leave it too little room for one line. */
    private static Label name(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        return l;
    }

    private static Label cell(String id, double v) {
        Label l = new Label(Double.isNaN(v) ? "–" : FineTune.percent(v));
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    public MyDigitsViewModel viewModel() {
        return vm;
    }

    /**
     * The fine-tuning's phase, as wide as the widest it says ("Measuring before · 100 %") whatever it says now: a width
     * that changed with each phase and figure would move the bar and break the status message anew as it goes.
     */
    private static final class PhaseLabel extends Label {
        private static final String WIDEST = "Measuring before · 100 %";
        private final javafx.scene.text.Text probe = new javafx.scene.text.Text(WIDEST);

        PhaseLabel() {
            setMinWidth(Region.USE_PREF_SIZE);
            getStyleClass().add("status-info");
        }

        @Override
        protected double computePrefWidth(double height) {
            probe.setFont(getFont());
            double widest = Math.ceil(probe.getLayoutBounds().getWidth()) + snappedLeftInset() + snappedRightInset();
            return Math.max(super.computePrefWidth(height), widest);
        }
    }
}
