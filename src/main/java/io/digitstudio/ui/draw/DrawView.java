package io.digitstudio.ui.draw;

import io.digitstudio.read.DigitBox;
import io.digitstudio.data.GreyImage;
import io.digitstudio.data.PenStroke;
import io.digitstudio.nn.Prediction;
import io.digitstudio.read.ReadDigit;
import io.digitstudio.read.Reading;
import io.digitstudio.ui.model.ModelManager;
import io.digitstudio.ui.widgets.DigitImages;
import io.digitstudio.ui.widgets.ProbabilityBars;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Draw a digit and see what the model reads: the canvas on the left; on the right the predicted digit, its confidence,
 * the ten probabilities, and the 28x28 input the network actually gets. Also opens images (button or drop) and models.
 */
public final class DrawView extends BorderPane {
    public static final KeyCombination UNDO = io.digitstudio.ui.widgets.Keys.UNDO;
    public static final KeyCombination CLEAR = new KeyCodeCombination(KeyCode.ESCAPE);
    /** Pins the digit shown, to watch a run learn it (also Samples' Pin, each while its view is shown). */
    public static final KeyCombination PIN = io.digitstudio.ui.pins.Pins.SHORTCUT;

    private final DrawViewModel vm;
    private final ModelManager models;
    private final Canvas canvas = new Canvas(DrawViewModel.CANVAS, DrawViewModel.CANVAS);
    /** The canvas's frame, with the colours it is painted in: the theme's, or MNIST's white on black. */
    private final CanvasFrame frame = new CanvasFrame();
    /** The labels of a number's digits, over the canvas. */
    private final NumberLabels numberLabels = new NumberLabels(DrawViewModel.CANVAS);
    private final io.digitstudio.ui.explain.ExplainViewModel explain;

    public DrawView(DrawViewModel vm) {
        this(vm, null);
    }

    /** With {@code explain}: the nearest training examples and the answer's profile under the canvas. */
    public DrawView(DrawViewModel vm, io.digitstudio.ui.explain.ExplainViewModel explain) {
        this.vm = vm;
        this.explain = explain;
        this.models = vm.models();
        getStyleClass().add("draw-view");
        canvas.setId("drawCanvas");
        canvas.setFocusTraversable(true);
        describeCanvas();

        setTop(toolbar());
        setCenter(explain == null ? canvasPane() : scrolling(io.digitstudio.ui.explain.ExplainTabs.below(canvasPane(), explain)));
        // an answer shown while the pen moves is for part of the stroke: explaining it would hold the worker that the
        // answer for the whole drawing waits on, and that answer then came seconds after the pen was lifted
        if (explain != null) vm.inputProperty().addListener((o, a, x) -> {
            if (vm.answersTheCanvas()) explain.look(x, "the drawn digit");
        });
        javafx.scene.control.ScrollPane right = scrolling(results());
        right.setId("drawResultsScroll");
        right.setMinWidth(Region.USE_PREF_SIZE);
        setRight(right);
        vm.strokes().addListener((ListChangeListener<PenStroke>) c -> repaint());
        vm.imageProperty().addListener((o, a, b) -> repaint());
        frame.mnistProperty().bind(vm.mnistCanvasProperty());
        // a theme switched or the option changed: the frame's colours change (CSS), and the canvas is painted again
        frame.paperProperty().addListener((o, a, b) -> repaint());
        frame.inkProperty().addListener((o, a, b) -> repaint());
        frame.boxProperty().addListener((o, a, b) -> repaint());
        vm.readingProperty().addListener((o, a, b) -> repaint());
        vm.selectedDigitProperty().addListener((o, a, b) -> repaint());
        repaint();
        sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) return;
            scene.getAccelerators().put(UNDO, () -> {
                if (showing()) vm.undo();
            });
            // teaching it your hand: while the canvas shows, Enter keeps the drawing with the model's answer and a digit
            // key keeps it as that digit (wherever the focus is, unless it is in a text field)
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (showing() && PIN.match(e)) {
                    vm.pin();
                    e.consume();
                    return;
                }
                if (!showing() || scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl || e.isShortcutDown()) return;
                // Esc clears whatever has the focus (a menu button chosen from keeps it, and takes Esc for itself);
                // an open drop-down's list is closed by it instead
                if (CLEAR.match(e)) {
                    if (scene.getFocusOwner() instanceof javafx.scene.control.ComboBoxBase<?> box && box.isShowing()) return;
                    vm.clear();
                    e.consume();
                    return;
                }
                if (e.getCode() == KeyCode.ENTER && !(scene.getFocusOwner() instanceof javafx.scene.control.ButtonBase)) {
                    if (vm.keep()) e.consume();
                } else if (io.digitstudio.ui.widgets.Keys.digit(e) >= 0) {
                    if (vm.correct(io.digitstudio.ui.widgets.Keys.digit(e))) e.consume();
                }
            });
        });
    }

    /**
     * The canvas to a screen reader: a picture, its text what is on it and what the model reads there, its help the
     * keys that work on it.
     */
    private void describeCanvas() {
        canvas.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        canvas.accessibleTextProperty().bind(Bindings.createStringBinding(() -> {
            int n = vm.strokes().size();
            String shown = vm.imageProperty().get() != null ? "an opened picture" : n == 0 ? "empty" : n == 1 ? "1 stroke" : n + " strokes";
            String answer = vm.answerProperty().get();
            // a number's digits one by one, as their labels on the canvas say them (a label may show the digit alone)
            Reading r = vm.readingProperty().get();
            StringBuilder digits = new StringBuilder();
            for (int i = 0; r != null && r.digits().size() > 1 && i < r.digits().size(); i++) {
                var p = r.digits().get(i).prediction();
                digits.append(i == 0 ? "; its digits: " : ", ").append(vm.className(p.label())).append(' ').append(DrawViewModel.sure(p.confidence()));
            }
            return "Drawing canvas: " + shown + (n == 0 && vm.imageProperty().get() == null || answer == null || answer.isBlank()
                    || answer.equals(DrawViewModel.NO_ANSWER) ? "" : "; the model reads " + answer + " (" + vm.detailProperty().get() + ")" + digits);
        }, vm.strokes(), vm.imageProperty(), vm.answerProperty(), vm.detailProperty(), vm.readingProperty()));
        canvas.setAccessibleHelp("Draw a digit with the mouse or a pen. Enter keeps the drawing with the model's answer, a digit key "
                + "keeps it as that digit, Esc clears, Ctrl+Z takes back the last stroke");
    }

    /** True when this view is on screen (its tab selected). */
    private boolean showing() {
        for (Node n = this; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return getScene() != null;
    }

    private Region toolbar() {
        Button clear = new Button("_Clear");
        clear.setId("clearButton");
        clear.setTooltip(new Tooltip("Clear the canvas (Esc or right-click)"));
        clear.setOnAction(e -> vm.clear());
        Button undo = new Button("_Undo");
        undo.setId("undoButton");
        undo.setTooltip(new Tooltip("Take back the last stroke, clear or opened picture (Ctrl+Z)"));
        // while a picture is opened, the canvas is its: no clear, undo or second picture races it there
        clear.disableProperty().bind(vm.busyProperty());
        undo.disableProperty().bind(vm.canUndoProperty().not().or(vm.busyProperty()));
        undo.setOnAction(e -> vm.undo());
        // the canvas follows the theme; MNIST's white on black is the option, whatever the theme (remembered by the app)
        javafx.scene.control.CheckBox ink = new io.digitstudio.ui.widgets.MnemonicCheckBox("MNIST _white on black");
        ink.setId("mnistCanvasCheck");
        ink.selectedProperty().bindBidirectional(vm.mnistCanvasProperty());
        ink.setTooltip(new Tooltip("Show the canvas as MNIST's digits are, white ink on black, whatever the theme"));
        ink.setAccessibleHelp("Ticked, the canvas is white ink on black, as MNIST's digits are, whatever the theme; cleared, it takes the "
                + "theme's colours. The network's input is the same either way");
        Slider width = new Slider(6, 48, vm.penWidthProperty().get());
        width.setId("penWidth");
        width.setAccessibleHelp("The width of the pen's stroke, in canvas pixels");
        width.setPrefWidth(72);
        width.valueProperty().bindBidirectional(vm.penWidthProperty());
        Label widthLabel = new Label("Pen");
        widthLabel.setLabelFor(width); // the slider is read as "Pen"
        Button openImage = new Button("Open _image…");
        openImage.setId("openImageButton");
        openImage.setAccessibleHelp("Open a picture of a digit, or of a number, to read it as if drawn here");
        openImage.setOnAction(e -> vm.dialogs().openImage().ifPresent(file -> {
            // the button is off while the picture is read, and would hand the focus to the Model menu; on the canvas,
            // Enter keeps the picture as the hint under its answer says
            canvas.requestFocus();
            vm.classifyImage(file);
        }));
        openImage.disableProperty().bind(vm.busyProperty());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        return io.digitstudio.ui.widgets.Bars.whole(clear, undo, ink, widthLabel, width, openImage, grow, modelMenu());
    }

    /**
     * What is done with the model, apart from the drawing, in one menu: open, save and export it, and go back to a
     * built-in model or one used before. As buttons of their own they take a second row of the toolbar at 150 % in the
     * smallest window; one menu keeps the toolbar on one row at any scale, and each action in one place whatever the
     * window's width (a toolbar's overflow would move them in and out of sight as the window changes). Alt+L opens it: the
     * window's other mnemonics on M, O, D and E are in the other case ("Save _model…", "_Open snapshot…"), and a letter
     * has one case in the whole window.
     */
    private MenuButton modelMenu() {
        MenuButton menu = new MenuButton("Mode_l");
        menu.setId("modelMenu");
        menu.setTooltip(new Tooltip("Open, save or export the model in use, or use a built-in model or one opened before"));
        menu.setAccessibleHelp("Open a model, save or export the model in use, or use a built-in model or one opened before");
        MenuItem openModel = new MenuItem("_Open model…");
        openModel.setId("openModelItem");
        openModel.setOnAction(e -> vm.dialogs().openModel().ifPresent(models::open));
        MenuItem saveModel = new MenuItem("Sa_ve model…");
        saveModel.setId("saveModelItem");
        saveModel.disableProperty().bind(models.activeProperty().isNull());
        saveModel.setOnAction(e -> vm.dialogs().saveModel("model.npz").ifPresent(models::save));
        List<MenuItem> actions = new java.util.ArrayList<>(List.of(openModel, saveModel));
        for (ModelManager.ExportFormat f : ModelManager.ExportFormat.values()) {
            // E_xport and _safetensors: O and V are the open's and the save's
            MenuItem item = new MenuItem(f == ModelManager.ExportFormat.ONNX ? "E_xport as " + f.title + "…" : "Export as _" + f.title + "…");
            item.setId("export" + f.name().charAt(0) + f.name().substring(1).toLowerCase(java.util.Locale.ROOT) + "Item");
            item.disableProperty().bind(models.activeProperty().isNull());
            item.setOnAction(e -> models.export(f));
            actions.add(item);
        }
        Runnable fill = () -> {
            menu.getItems().setAll(actions);
            MenuItem builtIn = new MenuItem("Built-in _MLP (784-400-400-10)");
            builtIn.setId("useBuiltIn");
            builtIn.setOnAction(e -> models.useBuiltIn());
            MenuItem cnn = new MenuItem("Built-in _CNN (LeNet)");
            cnn.setId("useBuiltInCnn");
            cnn.setOnAction(e -> models.useBuiltInCnn());
            menu.getItems().addAll(new SeparatorMenuItem(), builtIn, cnn, new SeparatorMenuItem());
            if (models.recent().isEmpty()) {
                MenuItem none = new MenuItem("_No recent models");
                none.setDisable(true);
                menu.getItems().add(none);
            }
            int n = 0;
            for (Path p : models.recent()) {
                // a run's model by its run (every run's file is model.npz), any other by its name and folder; the
                // whole path in the tooltip
                String title = models.recentTitles().get(p);
                String text = title != null && !title.equals(String.valueOf(p.getFileName())) ? title
                        : p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent());
                // numbered 1…8, the Alt key of each (a name's own underscores are doubled so that they show)
                String numbered = "_" + ++n + "  " + text.replace("_", "__");
                Label shown = new Label(numbered);
                // the label carries the Alt key, acting on the node it labels: itself, whose action the menu's row
                // takes as a choice of the item. The item's own text has none: JavaFX underlines an item's mnemonic
                // on a label of its own making, which a custom item has not (it fails as the menu opens)
                shown.setMnemonicParsing(true);
                shown.setLabelFor(shown);
                Tooltip.install(shown, new Tooltip(p.toString()));
                javafx.scene.control.CustomMenuItem item = new javafx.scene.control.CustomMenuItem(shown);
                item.setId("recentModel-" + n);
                item.setText(text);
                item.setMnemonicParsing(false);
                item.setOnAction(e -> models.openRecent(p));
                menu.getItems().add(item);
            }
        };
        models.recent().addListener((ListChangeListener<Path>) c -> fill.run());
        models.recentTitles().addListener((javafx.collections.MapChangeListener<Path, String>) c -> fill.run());
        fill.run();
        return menu;
    }

    private Node canvasPane() {
        canvas.setOnMousePressed(e -> {
            canvas.requestFocus();
            if (e.getButton() == MouseButton.SECONDARY) {
                vm.clear();
                return;
            }
            if (e.getButton() != MouseButton.PRIMARY) return;
            vm.beginStroke(clampX(e.getX()), clampY(e.getY()));
            repaint();
        });
        canvas.setOnMouseDragged(e -> {
            if (!e.isPrimaryButtonDown()) return;
            vm.extendStroke(clampX(e.getX()), clampY(e.getY()));
            paintCurrentSegment();
        });
        canvas.setOnMouseReleased(e -> {
            if (e.getButton() == MouseButton.PRIMARY) vm.endStroke();
        });
        canvas.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        canvas.setOnDragDropped(e -> {
            List<File> files = e.getDragboard().getFiles();
            boolean ok = files != null && !files.isEmpty();
            if (ok) vm.classifyImage(files.get(0).toPath());
            e.setDropCompleted(ok);
            e.consume();
        });
        Label hint = new Label();
        hint.setId("canvasHint");
        hint.getStyleClass().add("canvas-hint");
        hint.setMouseTransparent(true);
        hint.textProperty().bind(vm.hintProperty());
        hint.visibleProperty().bind(Bindings.isEmpty(vm.strokes()).and(vm.imageProperty().isNull()).and(vm.busyProperty().not()));
        // while a picture is opened the canvas takes no stroke or drop (the answer's column says so, openingSign);
        // strokes wait with the picture, and the canvas keeps the focus it took (a disabled one handed it to the stages
        // below, and at 150 % the column scrolled the canvas out of sight to show that tile)
        canvas.mouseTransparentProperty().bind(vm.busyProperty());
        frame.getChildren().setAll(canvas, numberLabels, hint);
        frame.setMaxSize(DrawViewModel.CANVAS + 4, DrawViewModel.CANVAS + 4);
        Label tip = new Label("Left button draws · right-click or Esc clears · Ctrl+Z undoes · drop an image to classify it");
        tip.getStyleClass().add("hint");
        tip.setWrapText(true);
        tip.setMinHeight(Region.USE_PREF_SIZE);
        tip.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox box = new VBox(10, frame, tip, new StagesPane(vm.preparationProperty()));
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(16));
        return box;
    }

    /**
     * A column that scrolls as one when the window is lower than it is (1024x700, a large UI scale), so that nothing in
     * it is squeezed or cut at the window's bottom (the canvas, its preparation and the explanation's tabs; the answer
     * and its bars); it fills the window's height when there is room.
     */
    private static javafx.scene.control.ScrollPane scrolling(Region content) {
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(content);
        pane.setId("drawScroll");
        pane.setFitToWidth(true);
        // its full height, or the window's when that is more (fitToHeight would squeeze it to the window's instead)
        pane.viewportBoundsProperty().addListener((o, a, b) -> content.setMinHeight(b.getHeight()));
        pane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        pane.getStyleClass().add("edge-to-edge");
        return pane;
    }

    private static double clampX(double v) {
        return Math.max(0, Math.min(DrawViewModel.CANVAS, v));
    }

    private static double clampY(double v) {
        return clampX(v);
    }

    /** The ink, the theme's or MNIST's: only what the canvas shows (the network's input is rendered apart, white on black). */
    private Color ink() {
        return frame.ink();
    }

    private void repaint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(frame.paper());
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        GreyImage img = vm.imageProperty().get();
        double[] fit = fit(img, canvas.getWidth(), canvas.getHeight());
        if (img != null) {
            // the picture keeps its proportions: the canvas's paper shows around it; the picture is shown as it is, in
            // every theme (its own colours are what is read)
            g.drawImage(DigitImages.of(img), fit[1], fit[2], img.width() * fit[0], img.height() * fit[0]);
        } else {
            g.setStroke(ink());
            g.setLineCap(StrokeLineCap.ROUND);
            g.setLineJoin(StrokeLineJoin.ROUND);
            for (PenStroke s : vm.strokes()) paint(g, s.points(), s.width());
            if (!vm.currentStroke().isEmpty()) paint(g, vm.currentStroke(), vm.penWidthProperty().get());
        }
        paintNumber(g, fit);
    }

    /**
     * How a picture of {@code img}'s size is shown in a {@code w} x {@code h} area: {scale, left, top}, whole and with
     * its proportions, centred. A drawing (null) is the canvas itself: {1, 0, 0}.
     */
    static double[] fit(GreyImage img, double w, double h) {
        if (img == null) return new double[]{1, 0, 0};
        double s = Math.min(w / img.width(), h / img.height());
        return new double[]{s, (w - img.width() * s) / 2, (h - img.height() * s) / 2};
    }

    /**
     * A number's digits: a box around each (the selected one bolder), and its top guess and how sure under the box, or
     * where {@link BoxLabels} finds room when digits stand close (never one label over another), in labels over the
     * canvas ({@link NumberLabels}).
     */
    private void paintNumber(GraphicsContext g, double[] fit) {
        Reading r = vm.readingProperty().get();
        if (r == null || r.digits().size() < 2) {
            numberLabels.show(List.of(), List.of(), List.of());
            return;
        }
        double sc = fit[0];
        g.setLineCap(StrokeLineCap.BUTT);
        List<double[]> boxes = new java.util.ArrayList<>();
        List<String> full = new java.util.ArrayList<>(), brief = new java.util.ArrayList<>();
        for (int i = 0; i < r.digits().size(); i++) {
            ReadDigit d = r.digits().get(i);
            DigitBox b = d.box();
            double x = fit[1] + b.x0() * sc - 2, y = fit[2] + b.y0() * sc - 2, w = (b.x1() - b.x0()) * sc + 4, h = (b.y1() - b.y0()) * sc + 4;
            double line = i == vm.selectedDigitProperty().get() ? 3 : 1.5;
            // edged, 2 px each side, in the paper's colour, which the box's stands out on: the box reads over ink and an
            // opened picture's own colours (a photo's white paper in the dark theme) as well as on the paper
            g.setLineWidth(line + 4);
            g.setStroke(frame.paper());
            g.strokeRect(x, y, w, h);
            g.setLineWidth(line);
            g.setStroke(frame.box());
            g.strokeRect(x, y, w, h);
            boxes.add(new double[]{x, y, w, h});
            brief.add(vm.className(d.prediction().label()));
            full.add(brief.get(i) + " " + DrawViewModel.sure(d.prediction().confidence()));
        }
        numberLabels.show(boxes, full, brief);
    }

    /** For tests: the labels over the number's boxes (text and place in canvas pixels: x, y, w, h), once laid out. */
    public List<String> numberLabels() {
        numberLabels.applyCss();
        numberLabels.layout();
        return numberLabels.placed();
    }

    private static void paint(GraphicsContext g, List<double[]> pts, double width) {
        g.setLineWidth(width);
        g.beginPath();
        g.moveTo(pts.get(0)[0], pts.get(0)[1]);
        if (pts.size() == 1) g.lineTo(pts.get(0)[0] + 0.01, pts.get(0)[1]);
        for (int i = 1; i < pts.size(); i++) g.lineTo(pts.get(i)[0], pts.get(i)[1]);
        g.stroke();
    }

    private void paintCurrentSegment() {
        List<double[]> pts = vm.currentStroke();
        if (pts.size() < 2) return;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setStroke(ink());
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(vm.penWidthProperty().get());
        double[] a = pts.get(pts.size() - 2);
        double[] b = pts.get(pts.size() - 1);
        g.strokeLine(a[0], a[1], b[0], b[1]);
    }

    /** Why Keep is off for a number. */
    private static final String KEEP_ONE = "Keep takes one digit at a time: clear, then draw just one.";

    /** The answer's largest type; a long number is set smaller until it fits its room. */
    static final double ANSWER_SIZE = 96;
    static final double ANSWER_MIN_SIZE = 20;

    private Region results() {
        Label digit = new Label();
        digit.setId("predictedDigit");
        digit.getStyleClass().add("predicted-digit");
        digit.textProperty().bind(vm.answerProperty());
        // no answer yet: no mark in the accent colour (a large dash reads as a bar); the hint beneath says what to do,
        // and the room stays reserved so that the first answer does not move the view
        digit.visibleProperty().bind(vm.answerProperty().isNotEqualTo(DrawViewModel.NO_ANSWER));
        digit.setMinWidth(0);
        digit.setMaxWidth(Double.MAX_VALUE);
        Label confidence = new Label();
        confidence.setId("confidenceLabel");
        confidence.getStyleClass().add("confidence");
        confidence.setWrapText(true);
        confidence.textProperty().bind(vm.detailProperty());
        ProbabilityBars bars = new ProbabilityBars();
        bars.setId("drawBars");
        bars.setPrefSize(300, 200);
        // why the chart is empty; what to do is said once, on the empty canvas
        bars.setPlaceholder("No answer yet");
        StackPane inputFrame = DigitImages.framedView("networkInput", 140);
        ImageView input = (ImageView) inputFrame.getChildren().get(0);
        // the input as it is: white on black, as MNIST's digits, whatever the canvas looks like (the theme's colours)
        input.setAccessibleText("The network's input: the drawing as the network sees it, 28 by 28 pixels, white on black as MNIST's digits");
        Tooltip.install(inputFrame, new Tooltip("What the network is given: 28×28 pixels, white on black as MNIST's digits are, "
                + "whatever the canvas looks like"));
        Label inputCaption = new Label();
        inputCaption.setId("inputCaption");
        inputCaption.getStyleClass().add("hint");
        inputCaption.setWrapText(true);
        inputCaption.setMaxWidth(144);
        inputCaption.textProperty().bind(Bindings.createStringBinding(() -> {
            Reading r = vm.readingProperty().get();
            int i = vm.selectedDigitProperty().get();
            return r == null || r.digits().size() < 2 || i < 0 ? "What the network sees (28×28)"
                    : "Digit " + (i + 1) + " of " + r.digits().size() + ", as the network sees it";
        }, vm.readingProperty(), vm.selectedDigitProperty()));
        // as tall as a run's model's text takes at any scale: a longer text leaves out what says least, whole in the
        // tooltip; a name too long for that room takes another line, whole
        ModelLine model = new ModelLine();
        model.setId("activeModelLabel");
        model.setMaxWidth(300);
        model.nameProperty().bind(Bindings.createStringBinding(() -> models.activeProperty().get() == null ? ""
                : models.activeProperty().get().name(), models.activeProperty()));
        model.fullProperty().bind(vm.modelTextProperty());
        Tooltip where = new Tooltip();
        where.setWrapText(true);
        where.setMaxWidth(520);
        where.textProperty().bind(Bindings.createStringBinding(() -> {
            var m = models.activeProperty().get();
            String file = m == null ? "No model" : m.file() == null ? "Built into DigitStudio" : m.file().toString();
            return model.fullProperty().get() + "\n" + file;
        }, models.activeProperty(), model.fullProperty()));
        model.setTooltip(where);
        Label latency = new Label();
        latency.setId("latencyLabel");
        latency.getStyleClass().add("hint");
        latency.textProperty().bind(Bindings.createStringBinding(() -> Double.isNaN(vm.latencyMillisProperty().get()) ? ""
                : String.format(Locale.ROOT, "prediction took %.1f ms", vm.latencyMillisProperty().get()), vm.latencyMillisProperty()));
        models.activeProperty().addListener((o, a, m) -> {
            if (m != null) bars.setClasses(m.classNames());
        });
        if (models.activeProperty().get() != null) bars.setClasses(models.activeProperty().get().classNames());
        vm.shownPredictionProperty().addListener((o, a, p) -> bars.show(p));
        vm.inputProperty().addListener((o, a, x) -> input.setImage(x == null ? null : DigitImages.of(x)));
        Button keep = new Button("_Keep");
        keep.setId("keepButton");
        keep.setMinWidth(Region.USE_PREF_SIZE);
        keep.setTooltip(new Tooltip("Add this drawing to My digits with the model's answer (Enter); if the answer is wrong, press the right digit 0-9 instead"));
        keep.disableProperty().bind(vm.predictionProperty().isNull());
        keep.setOnAction(e -> vm.keep());
        Label collectHint = new Label();
        collectHint.setId("keepHint");
        // a number has no one answer to keep: Keep is off, and why is said beside it and on its place (a disabled
        // button shows no tooltip of its own)
        javafx.beans.binding.BooleanBinding number = Bindings.createBooleanBinding(() -> vm.readingProperty().get() != null
                && vm.readingProperty().get().digits().size() > 1, vm.readingProperty());
        collectHint.textProperty().bind(Bindings.when(number).then(KEEP_ONE)
                .otherwise("Right? Keep it (Enter). Wrong? Press the right digit, 0–9."));
        Tooltip keepTip = keep.getTooltip();
        keepTip.setWrapText(true);
        keepTip.setMaxWidth(420);
        keepTip.textProperty().bind(Bindings.when(number).then(KEEP_ONE + " Each digit of the number is shown above, as the network sees it.")
                .otherwise(keepTip.getText()));
        StackPane keepPlace = new StackPane(keep);
        keepPlace.setId("keepButtonPlace");
        keepPlace.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(keepPlace, keepTip);
        collectHint.getStyleClass().add("hint");
        collectHint.setWrapText(true);
        collectHint.setMinWidth(0);
        HBox.setHgrow(collectHint, Priority.ALWAYS);
        Label collected = new Label();
        collected.setId("collectedLabel");
        collected.setWrapText(true);
        collected.textProperty().bind(vm.collectedProperty());
        inSightWhenSaid(collected);
        HBox keepRow = new HBox(8, keepPlace, collectHint);
        keepRow.setAlignment(Pos.CENTER_LEFT);
        collected.setMinHeight(Region.USE_PREF_SIZE);
        VBox collect = new VBox(4, keepRow, collected);
        // the row keeps its room before the first answer (Keep off, no hint), so that the answer moves nothing below it
        collectHint.visibleProperty().bind(vm.predictionProperty().isNotNull().or(number));
        Label pinned = new Label();
        pinned.setId("pinnedLabel");
        pinned.setWrapText(true);
        pinned.setMinHeight(Region.USE_PREF_SIZE);
        pinned.textProperty().bind(vm.pinnedProperty());
        pinned.visibleProperty().bind(vm.pinnedProperty().isNotEmpty());
        pinned.managedProperty().bind(pinned.visibleProperty());
        inSightWhenSaid(pinned);
        // what the answer waits for, in one place: a newer drawing's reading, or a picture being opened
        StackPane waiting = new StackPane(pendingSign(), openingSign());
        waiting.setAlignment(Pos.TOP_LEFT);
        VBox answer = new VBox(0, digit, confidence, waiting);
        answer.setMinWidth(0);
        // while the newest drawing is being read, what is shown is an older drawing's answer: greyed until its own comes
        javafx.beans.binding.DoubleBinding stale = Bindings.when(vm.pendingProperty()).then(STALE_OPACITY).otherwise(1.0);
        digit.opacityProperty().bind(stale);
        confidence.opacityProperty().bind(stale);
        bars.opacityProperty().bind(stale);
        inputFrame.opacityProperty().bind(stale);
        HBox.setHgrow(answer, Priority.ALWAYS);
        Button pin = new Button("_Pin");
        pin.setId("pinButton");
        pin.setMinWidth(Region.USE_PREF_SIZE);
        pin.setTooltip(new Tooltip("Pin this digit: while a run trains, the Train view shows how the network learns it (Ctrl+Shift+P; up to "
                + io.digitstudio.ui.pins.Pins.MAX + " pins)"));
        pin.disableProperty().bind(vm.inputProperty().isNull());
        pin.setOnAction(e -> vm.pin());
        pin.setVisible(vm.pins() != null);
        pin.setManaged(vm.pins() != null);
        VBox inputBox = new VBox(4, inputFrame, inputCaption, pin);
        inputBox.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(18, answer, inputBox);
        top.setAlignment(Pos.CENTER_LEFT);
        // the answer's type shrinks to fit its room (a number of several digits), never cut to "…"
        Runnable fitAnswer = () -> fitFont(digit, digit.getWidth());
        digit.widthProperty().addListener((o, a, b) -> fitAnswer.run());
        digit.textProperty().addListener((o, a, b) -> fitAnswer.run());
        // 10 px apart: the model's line takes a third line for a run's model at 100 %, and the chart stays inside the
        // smallest window (1024x700) all the same
        VBox box = new VBox(10, model, top, numberDigits(), collect, pinned, bars, latency);
        box.setPadding(new Insets(16));
        box.setPrefWidth(340);
        box.setMinWidth(340);
        box.getStyleClass().add("detail-pane");
        return box;
    }

    /** How an answer shows while a newer drawing's answer is on its way: greyed, still legible. */
    static final double STALE_OPACITY = 0.45;

    /**
     * "Reading…" under the answer while the answer for the newest drawing is computed (under load it comes well after
     * the pen is lifted). It keeps its room when hidden, in the answer's column, which is shorter than the network's
     * input beside it: showing and hiding it moves nothing. Words, with the answer greyed, and no spinning indicator: an
     * indeterminate one animates, and the window pulses 60 times a second while it shows (decision 0005).
     */
    private Node pendingSign() {
        Label says = new Label("Reading…");
        says.setId("drawPendingLabel");
        says.getStyleClass().add("hint");
        says.setMinWidth(Region.USE_PREF_SIZE);
        says.setAccessibleText("Reading the newest drawing: the answer shown is for the drawing before it");
        HBox sign = new HBox(says);
        sign.setId("drawPending");
        sign.setAlignment(Pos.CENTER_LEFT);
        sign.setMinHeight(Region.USE_PREF_SIZE);
        sign.setMouseTransparent(true);
        // a picture being opened says so itself (openingSign), in the same place
        sign.visibleProperty().bind(vm.pendingProperty().and(vm.busyProperty().not()));
        return sign;
    }

    /**
     * "Opening seven.png…" with a bar, under the answer while an opened picture is read (its file, then the number in
     * it: seconds under load), where "Reading…" says an answer is on its way and status lines of this view sit, not over
     * the canvas, whose picture it covered. It takes room only while it shows, in the answer's column, which is shorter
     * than the network's input beside it: it moves nothing.
     */
    private Node openingSign() {
        javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar(javafx.scene.control.ProgressBar.INDETERMINATE_PROGRESS);
        bar.setId("openImageProgress");
        io.digitstudio.ui.widgets.ScreenReader.describe(bar, "Opening a picture", "The picture is being read and the number in it recognised");
        bar.setPrefWidth(120);
        bar.setMinWidth(0);
        Label line = new Label();
        line.setId("openImageBusyLabel");
        line.getStyleClass().add("hint");
        line.setWrapText(true);
        line.setMinWidth(0);
        line.setMinHeight(Region.USE_PREF_SIZE); // a long file name on as many lines as it takes, not cut
        line.textProperty().bind(vm.busyTextProperty());
        VBox sign = new VBox(4, bar, line);
        // 4 px under the answer's "… sure", as the column's other stacked lines keep, so that the bar does not touch it
        sign.setPadding(new Insets(4, 0, 0, 0));
        sign.setId("openImageBusy");
        sign.setAlignment(Pos.TOP_LEFT);
        sign.setMouseTransparent(true);
        sign.visibleProperty().bind(vm.busyProperty());
        sign.managedProperty().bind(sign.visibleProperty());
        return sign;
    }

    /**
     * Brings what Keep, a digit key or Pin has just said whole into sight, scrolling its column as little as needed: at
     * a large UI scale the column is taller than the window, and these lines lie at the edge of what it shows, where a
     * second line of a longer message fell out of sight. Once laid out with the new text, whose lines it now needs.
     */
    private static void inSightWhenSaid(Label said) {
        said.textProperty().addListener((o, a, text) -> {
            javafx.scene.Scene scene = said.getScene();
            if (text == null || text.isEmpty() || scene == null) return;
            Runnable[] once = new Runnable[1];
            once[0] = () -> {
                scene.removePostLayoutPulseListener(once[0]);
                for (javafx.scene.Parent p = said.getParent(); p != null; p = p.getParent()) {
                    if (!(p instanceof javafx.scene.control.ScrollPane pane) || pane.getContent() == null) continue;
                    Node content = pane.getContent();
                    javafx.geometry.Bounds b = content.sceneToLocal(said.localToScene(said.getLayoutBounds()));
                    double view = pane.getViewportBounds().getHeight(), room = content.getLayoutBounds().getHeight() - view;
                    if (room <= 0 || !said.isVisible()) return;
                    double top = pane.getVvalue() * room;
                    if (b.getMaxY() > top + view) top = b.getMaxY() - view;
                    if (b.getMinY() < top) top = b.getMinY();
                    pane.setVvalue(Math.max(0, Math.min(1, top / room)));
                    return;
                }
            };
            scene.addPostLayoutPulseListener(once[0]);
            javafx.application.Platform.requestNextPulse();
        });
    }

    /** Sets {@code label}'s type as large as {@link #ANSWER_SIZE} allows while its text fits {@code width}. */
    private static void fitFont(Label label, double width) {
        if (width <= 0) return;
        javafx.scene.text.Text probe = new javafx.scene.text.Text(label.getText());
        probe.setFont(Font.font(label.getFont().getFamily(), javafx.scene.text.FontWeight.BOLD, ANSWER_SIZE));
        double natural = probe.getLayoutBounds().getWidth();
        // a few pixels spare: the label's own padding and rounding
        double size = natural <= 0 ? ANSWER_SIZE : Math.max(ANSWER_MIN_SIZE, Math.min(ANSWER_SIZE, Math.floor(ANSWER_SIZE * (width - 6) / natural)));
        String style = String.format(Locale.ROOT, "-fx-font-size: %.0fpx;", size);
        if (!style.equals(label.getStyle())) label.setStyle(style);
    }

    /**
     * A number's digits side by side, each as the network sees it with its name beside it: a click shows that digit's
     * input and bars. They stay on one line, which scrolls sideways when they are more than its width: the row is as
     * tall as a digit and a scroll bar whatever it holds, so that a long number moves neither Keep nor the chart below
     * it (each digit's name beside its picture keeps the two within the room one digit with its name beneath took).
     */
    private Node numberDigits() {
        HBox row = new HBox(4);
        row.setId("numberDigitsRow");
        row.setFillHeight(false);
        javafx.scene.control.ScrollPane line = new javafx.scene.control.ScrollPane(row) {
            /** The room of one line of digits and of the scroll bar that a longer line shows beneath them. */
            private double reserved() {
                double bar = 0;
                for (Node n : lookupAll(".scroll-bar")) {
                    if (n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL) {
                        bar = b.prefHeight(-1);
                    }
                }
                return snapSizeY(snappedTopInset() + row.prefHeight(-1) + bar + snappedBottomInset());
            }

            @Override
            protected double computeMinHeight(double width) {
                return reserved();
            }

            @Override
            protected double computePrefHeight(double width) {
                return reserved();
            }

            @Override
            protected double computeMaxHeight(double width) {
                return reserved();
            }
        };
        line.setId("numberDigits");
        line.getStyleClass().addAll("edge-to-edge", "number-digits");
        line.setFocusTraversable(false);
        line.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        line.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
        // the wheel scrolls the line sideways (it has nothing to scroll up or down)
        line.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            double extra = row.getWidth() - line.getViewportBounds().getWidth();
            if (extra <= 0 || e.getDeltaY() == 0 || e.getDeltaX() != 0) return;
            line.setHvalue(Math.max(0, Math.min(1, line.getHvalue() - e.getDeltaY() / extra)));
            e.consume();
        });
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        javafx.beans.property.BooleanProperty shown = new javafx.beans.property.SimpleBooleanProperty();
        Runnable fill = () -> {
            row.getChildren().clear();
            group.getToggles().clear();
            line.setHvalue(0);
            Reading r = vm.readingProperty().get();
            shown.set(r != null && r.digits().size() > 1);
            if (!shown.get()) {
                // the row keeps a chip's room while there is no number (an unseen chip of the same make, so the same
                // height at any type size), so that a second digit moves neither Keep nor the chart down
                Region none = new Region();
                none.setMinSize(28, 28);
                none.setPrefSize(28, 28);
                ToggleButton room = new ToggleButton("0", none);
                room.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
                room.setVisible(false);
                row.getChildren().add(room);
                return;
            }
            for (int i = 0; i < r.digits().size(); i++) {
                ReadDigit d = r.digits().get(i);
                ImageView thumb = new ImageView(DigitImages.of(d.input()));
                thumb.setFitWidth(28);
                thumb.setFitHeight(28);
                thumb.setSmooth(false);
                ToggleButton b = new ToggleButton(vm.className(d.prediction().label()), thumb);
                b.setId("numberDigit-" + i);
                b.setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
                b.setMinWidth(Region.USE_PREF_SIZE);
                b.setToggleGroup(group);
                b.setTooltip(new Tooltip("Digit " + (i + 1) + ": " + vm.className(d.prediction().label()) + ", " + DrawViewModel.sure(d.prediction().confidence()) + " sure"));
                int index = i;
                b.setOnAction(e -> {
                    vm.selectDigit(index);
                    b.setSelected(true); // a second click keeps it shown
                });
                b.setSelected(i == vm.selectedDigitProperty().get());
                // a digit taking the focus from the keyboard is scrolled into view
                b.focusedProperty().addListener((o, was, now) -> {
                    if (now) reveal(line, row, b);
                });
                row.getChildren().add(b);
            }
            // the selected digit (the least sure, at first) is in view once the line is laid out: after the next
            // pulse's layout, when the row and the view have their widths
            javafx.scene.Scene scene = line.getScene();
            if (scene != null) {
                Runnable[] once = new Runnable[1];
                once[0] = () -> {
                    scene.removePostLayoutPulseListener(once[0]);
                    int i = vm.selectedDigitProperty().get();
                    if (i >= 0 && i < row.getChildren().size()) reveal(line, row, row.getChildren().get(i));
                };
                scene.addPostLayoutPulseListener(once[0]);
                javafx.application.Platform.requestNextPulse();
            }
        };
        vm.readingProperty().addListener((o, a, r) -> fill.run());
        // the row of a new number is laid out after the pulse that filled it: its selected digit (the least sure, often
        // the last) is revealed once the row and the view have their widths, or it stays out of sight
        Runnable revealSelected = () -> {
            int i = vm.selectedDigitProperty().get();
            if (i >= 0 && i < row.getChildren().size()) reveal(line, row, row.getChildren().get(i));
        };
        row.widthProperty().addListener((o, a, w) -> revealSelected.run());
        line.viewportBoundsProperty().addListener((o, a, b) -> revealSelected.run());
        vm.selectedDigitProperty().addListener((o, a, i) -> {
            for (javafx.scene.control.Toggle t : group.getToggles()) {
                t.setSelected(((Node) t).getId().equals("numberDigit-" + i));
            }
            if (i.intValue() >= 0 && i.intValue() < group.getToggles().size()) reveal(line, row, row.getChildren().get(i.intValue()));
        });
        fill.run();
        line.visibleProperty().bind(shown);
        return line;
    }

    /** Scrolls the line of digits sideways, as little as needed, so that {@code chip} is in view. */
    private static void reveal(javafx.scene.control.ScrollPane line, Region row, Node chip) {
        double extra = row.getWidth() - line.getViewportBounds().getWidth();
        if (extra <= 0 || chip.getParent() != row) return;
        double left = line.getHvalue() * extra, view = line.getViewportBounds().getWidth();
        javafx.geometry.Bounds b = chip.getBoundsInParent();
        if (b.getMinX() < left) left = b.getMinX();
        else if (b.getMaxX() > left + view) left = b.getMaxX() - view;
        line.setHvalue(Math.max(0, Math.min(1, left / extra)));
    }

    public DrawViewModel viewModel() {
        return vm;
    }

    /** Why this answer: the nearest examples and the profile (null when the view was built without them). */
    public io.digitstudio.ui.explain.ExplainViewModel explain() {
        return explain;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** For tests: the prediction whose bars are shown. */
    public Prediction shownPrediction() {
        return vm.shownPredictionProperty().get();
    }
}
