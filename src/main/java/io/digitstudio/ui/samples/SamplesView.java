package io.digitstudio.ui.samples;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.nn.Prediction;
import io.digitstudio.ui.widgets.DigitImages;
import io.digitstudio.ui.widgets.ProbabilityBars;
import io.digitstudio.ui.widgets.ScreenReader;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.GridCell;
import org.controlsfx.control.GridView;

import java.util.Locale;

/**
 * The MNIST gallery: a virtualised grid (all 10,000 or 60,000 images reachable by scrolling, only the visible cells
 * exist), each with its label and, with a model, the prediction in green or red. Clicking shows the image large with
 * the model's ten probabilities.
 */
public final class SamplesView extends BorderPane {
    private final SamplesViewModel vm;
    private final GridView<Integer> grid;

    public SamplesView(SamplesViewModel vm) {
        this.vm = vm;
        getStyleClass().add("samples-view");
        ComboBox<SamplesViewModel.Split> split = new ComboBox<>();
        split.setId("splitBox");
        ScreenReader.describe(split, "Image set", "Which images the gallery shows: the test set, the training set or an evaluated folder");
        split.getItems().addAll(SamplesViewModel.Split.TEST, SamplesViewModel.Split.TRAIN);
        // a folder's set joins the list once an evaluation of one has opened it here
        vm.folderNameProperty().addListener((o, a, n) -> {
            if (!n.isEmpty() && !split.getItems().contains(SamplesViewModel.Split.FOLDER)) split.getItems().add(SamplesViewModel.Split.FOLDER);
        });
        split.setConverter(new StringConverter<>() {
            @Override
            public String toString(SamplesViewModel.Split s) {
                return s == null ? "" : s == SamplesViewModel.Split.TEST ? "Test set" : s == SamplesViewModel.Split.TRAIN ? "Training set"
                        : vm.folderNameProperty().get();
            }

            @Override
            public SamplesViewModel.Split fromString(String s) {
                return null;
            }
        });
        split.valueProperty().bindBidirectional(vm.splitProperty());
        CheckBox wrong = new io.digitstudio.ui.widgets.MnemonicCheckBox("Only _misclassified");
        wrong.setMnemonicParsing(true);
        wrong.setId("misclassifiedCheck");
        wrong.setAccessibleHelp("Show only the images the model gets wrong");
        wrong.setMinWidth(Region.USE_PREF_SIZE); // whole, or in the toolbar's overflow menu when the window is narrow
        wrong.selectedProperty().bindBidirectional(vm.onlyMisclassifiedProperty());
        wrong.disableProperty().bind(vm.predictionsProperty().isNull());
        Label legend = new Label("Under each image: label → prediction (green right, red wrong)");
        legend.setId("samplesLegend");
        legend.getStyleClass().add("hint");
        legend.setPadding(new Insets(4, 10, 4, 10));
        javafx.scene.control.ComboBox<Integer> truth = classBox("trueClassBox", "true: ", vm.trueClassProperty(), vm::labelName);
        javafx.scene.control.ComboBox<Integer> predicted = classBox("predictedClassBox", "predicted: ", vm.predictedClassProperty(), vm::predictionName);
        predicted.disableProperty().bind(vm.predictionsProperty().isNull());
        javafx.scene.control.ComboBox<SamplesViewModel.Order> order = new javafx.scene.control.ComboBox<>(
                javafx.collections.FXCollections.observableArrayList(SamplesViewModel.Order.values()));
        order.setId("orderBox");
        ScreenReader.describe(order, "Order", "The order of the images: as in the set, or by the network's confidence");
        order.setConverter(new StringConverter<>() {
            @Override
            public String toString(SamplesViewModel.Order o) {
                if (o == null) return "";
                return switch (o) {
                    case AS_IN_SET -> "in set order";
                    case MOST_CONFIDENT_FIRST -> "most confident first";
                    case LEAST_CONFIDENT_FIRST -> "least confident first";
                };
            }

            @Override
            public SamplesViewModel.Order fromString(String s) {
                return null;
            }
        });
        order.valueProperty().bindBidirectional(vm.orderProperty());
        order.disableProperty().bind(vm.predictionsProperty().isNull());
        // each box as wide as its widest choice from the start: sized by the choices its list has shown, a box grows
        // when first opened and moves the controls after it
        for (ComboBox<?> box : java.util.List.of(split, truth, predicted, order)) io.digitstudio.ui.widgets.Pickers.fitToChoices(box);
        setTop(new VBox(io.digitstudio.ui.widgets.Bars.whole(split, wrong, truth, predicted, order), summaryLine()));
        setBottom(legend);
        vm.imagesProperty().addListener((o, a, set) -> {
            if (set == null) return;
            for (javafx.scene.control.ComboBox<Integer> box : java.util.List.of(truth, predicted)) {
                java.util.List<Integer> items = new java.util.ArrayList<>();
                for (int c = -1; c < set.classes(); c++) items.add(c);
                Integer keep = box.getValue();
                box.getItems().setAll(items);
                box.setValue(keep == null ? -1 : keep);
            }
        });

        grid = new GridView<>(vm.visible());
        grid.setId("samplesGrid");
        ScreenReader.describe(grid, "Sample images", "Each image with its label and, once evaluated, the network's prediction");
        grid.setHorizontalCellSpacing(4);
        grid.setVerticalCellSpacing(4);
        grid.setCellFactory(g -> new SampleCell());
        cellsInEm();
        keyboard();
        setCenter(vm.explain() == null ? grid : scrolling(io.digitstudio.ui.explain.ExplainTabs.below(grid, vm.explain())));
        setRight(detail());
    }

    /**
     * The line under the toolbar that sums the images up, as high as the summary is at its longest for these images
     * and this model (its figures at their widest): the gallery below stays where it is when the model starts
     * predicting and when its figures come. In the toolbar the summary would take a row of its own whenever it grows
     * longer than the room beside the controls, and push the gallery down.
     */
    private Region summaryLine() {
        Label summary = new Label();
        summary.setId("sampleSummary");
        summary.textProperty().bind(vm.summaryProperty());
        // the room kept, never shown (a screen reader reads only the summary)
        Label room = new Label();
        room.textProperty().bind(vm.summaryRoomProperty());
        room.setVisible(false);
        for (Label l : java.util.List.of(summary, room)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
        StackPane line = new StackPane(room, summary);
        line.setId("sampleSummaryLine");
        line.setAlignment(Pos.TOP_LEFT);
        line.setPadding(new Insets(4, 10, 4, 10));
        return line;
    }

    /**
     * The gallery and the explanation's tabs as one column: the gallery takes the height the nearest examples leave,
     * down to a row of images; in a window lower than that (1024x700 at a large UI scale) the column scrolls as one,
     * so that the nearest examples are never cut at the window's bottom.
     */
    private static javafx.scene.control.ScrollPane scrolling(Region column) {
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(column);
        pane.setId("samplesScroll");
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        pane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        pane.getStyleClass().add("edge-to-edge");
        return pane;
    }

    /** A cell's width and height in em: a 56 px thumbnail and its caption at 100 % (13 px), both growing with the UI scale. */
    static final double CELL_WIDTH_EM = 4.93, CELL_HEIGHT_EM = 6;

    /**
     * The gallery's cells sized in em of the font in force, set once the styles of a change are applied. Set by CSS
     * ({@code -fx-cell-width} in em), they were reset to ControlsFX's 64 px and set again within the one CSS pass a theme
     * switched live makes (a new user agent stylesheet restyles every node from its initial values): the grid's skin
     * counted its rows anew at each, and the second count ran inside the first one's (VirtualFlow.setCellCount
     * measuring a row), which threw IndexOutOfBoundsException. A label of the view, not shown, carries the font the
     * grid's cells inherit.
     */
    private void cellsInEm() {
        Label em = new Label();
        em.setManaged(false);
        em.setVisible(false);
        getChildren().add(em);
        Runnable size = () -> {
            double px = em.getFont().getSize();
            if (grid.getCellWidth() != CELL_WIDTH_EM * px) grid.setCellWidth(CELL_WIDTH_EM * px);
            if (grid.getCellHeight() != CELL_HEIGHT_EM * px) grid.setCellHeight(CELL_HEIGHT_EM * px);
        };
        // once after the CSS pass, however often the font changes within it
        em.fontProperty().addListener((o, a, f) -> io.digitstudio.ui.widgets.TableHeights.later(em, size));
        size.run();
    }

    /** The image the keyboard is on: its position in the visible list (-1 before the gallery first has the focus). */
    private final javafx.beans.property.IntegerProperty current = new javafx.beans.property.SimpleIntegerProperty(-1);
    private static final javafx.css.PseudoClass CURRENT = javafx.css.PseudoClass.getPseudoClass("current");
    /** The image the detail pane shows (the selected one), with the keyboard in the gallery or not. */
    private static final javafx.css.PseudoClass SHOWN = javafx.css.PseudoClass.getPseudoClass("shown");

    /**
     * The gallery is one Tab stop: the arrow keys, Home, End, Page Up and Page Down move a ring from image to image
     * (row by row as the grid shows them), Enter or Space shows the ringed image large.
     */
    private void keyboard() {
        grid.setFocusTraversable(true);
        // the gallery is one tab stop: its skin's scrolling flow would be a second, where no image shows the keyboard
        grid.skinProperty().addListener((o, a, skin) -> javafx.application.Platform.runLater(() -> {
            javafx.scene.Node flow = grid.lookup(".virtual-flow");
            if (flow != null) flow.setFocusTraversable(false);
        }));
        grid.focusedProperty().addListener((o, a, f) -> {
            if (f && current.get() < 0 && !vm.visible().isEmpty()) current.set(Math.max(0, vm.visible().indexOf(vm.selectedProperty().get())));
            mark();
        });
        vm.visible().addListener((javafx.collections.ListChangeListener<Integer>) c -> current.set(vm.visible().isEmpty() ? -1
                : grid.isFocused() ? Math.min(Math.max(current.get(), 0), vm.visible().size() - 1) : -1));
        current.addListener((o, a, b) -> mark());
        vm.selectedProperty().addListener((o, a, b) -> mark());
        grid.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            int n = vm.visible().size();
            if (n == 0 || e.isShortcutDown() || e.isAltDown()) return;
            int columns = itemsPerRow();
            int page = columns * Math.max(1, (int) (grid.getHeight() / (grid.getCellHeight() + grid.getVerticalCellSpacing() * 2)) - 1);
            int at = Math.max(current.get(), 0);
            int next = switch (e.getCode()) {
                case LEFT -> at - 1;
                case RIGHT -> at + 1;
                case UP -> at - columns;
                case DOWN -> at + columns;
                case PAGE_UP -> at - page;
                case PAGE_DOWN -> at + page;
                case HOME -> 0;
                case END -> n - 1;
                case ENTER, SPACE -> {
                    vm.selectedProperty().set(vm.visible().get(at));
                    yield at;
                }
                default -> Integer.MIN_VALUE;
            };
            if (next == Integer.MIN_VALUE) return;
            e.consume();
            // up from the first row or down from the last stays put, as in a list
            if (next < 0 || next >= n) next = e.getCode() == javafx.scene.input.KeyCode.LEFT || e.getCode() == javafx.scene.input.KeyCode.RIGHT ? at
                    : Math.max(0, Math.min(n - 1, next));
            current.set(next);
            javafx.scene.Node flow = grid.lookup(".virtual-flow");
            if (flow instanceof javafx.scene.control.skin.VirtualFlow<?> f) f.scrollTo(next / columns);
        });
    }

    /** How many images a row of the grid shows. */
    public int itemsPerRow() {
        if (grid.getSkin() instanceof impl.org.controlsfx.skin.GridViewSkin<?> skin) return Math.max(1, skin.computeMaxCellsInRow());
        return 1;
    }

    /** Marks the image the arrow keys are on (while the gallery has the keyboard) and the selected one, on every shown cell. */
    private void mark() {
        for (javafx.scene.Node n : grid.lookupAll(".sample-cell")) {
            if (n instanceof SampleCell c) c.mark();
        }
    }

    private Region detail() {
        StackPane frame = DigitImages.framedView("detailImage", 224);
        ImageView big = (ImageView) frame.getChildren().get(0);
        Label caption = new Label("Click an image, or press Enter on it, to see it large");
        big.accessibleTextProperty().bind(caption.textProperty());
        caption.setId("detailLabel");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        caption.setMaxWidth(260);
        ProbabilityBars bars = new ProbabilityBars();
        bars.setId("detailBars");
        bars.setPrefSize(260, 220);
        vm.selectedProperty().addListener((o, a, b) -> {
            LabeledImages set = vm.imagesProperty().get();
            int i = b.intValue();
            if (set == null || i < 0) {
                big.setImage(null);
                caption.setText("Click an image, or press Enter on it, to see it large");
                bars.show(null);
                return;
            }
            big.setImage(DigitImages.of(set, i));
            caption.setText(String.format(Locale.ROOT, "#%d · label %s", i, vm.labelName(set.label(i))));
            bars.show(null);
        });
        vm.models().activeProperty().addListener((o, a, m) -> {
            if (m != null) bars.setClasses(m.classNames());
        });
        if (vm.models().activeProperty().get() != null) bars.setClasses(vm.models().activeProperty().get().classNames());
        vm.selectedPredictionProperty().addListener((o, a, p) -> {
            bars.show(p);
            LabeledImages set = vm.imagesProperty().get();
            int i = vm.selectedProperty().get();
            if (p != null && set != null && i >= 0) {
                caption.setText(String.format(Locale.ROOT, "#%d · label %s · predicted %s (%.1f%%)", i, vm.labelName(set.label(i)),
                        vm.predictionName(p.label()), 100 * p.confidence()));
            }
        });
        // under the picture, beside the caption: on the picture's corner it covered the digit, most of all where the
        // picture shrinks to leave the chart its room (a small window at 150 %)
        Region under = caption;
        if (vm.pins() != null) {
            Button pin = pinButton();
            // a disabled control shows no tooltip of its own: while Pin is off, its holder's tooltip says why
            StackPane holder = new StackPane(pin);
            holder.setId("pinSampleHolder");
            holder.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
            holder.setMinWidth(Region.USE_PREF_SIZE);
            Tooltip why = new Tooltip("Select an image first: Pin pins the selected image, to watch a run learn it");
            javafx.beans.value.ChangeListener<Boolean> off = (o, a, disabled) -> {
                if (disabled) Tooltip.install(holder, why);
                else Tooltip.uninstall(holder, why);
            };
            pin.disabledProperty().addListener(off);
            off.changed(null, null, pin.isDisabled());
            // what Pin did is said in the caption's place until another image is chosen
            vm.pinnedProperty().addListener((o, a, said) -> {
                if (!said.isEmpty()) caption.setText(said);
            });
            HBox row = new HBox(8, caption, holder);
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(caption, javafx.scene.layout.Priority.ALWAYS);
            row.setMaxWidth(Region.USE_PREF_SIZE);
            under = row;
        }
        VBox box = new VBox(10, frame, under, bars);
        box.setPadding(new Insets(10));
        box.setAlignment(Pos.TOP_CENTER);
        fitPicture(box, frame, big, caption, under, bars);
        box.getStyleClass().add("detail-pane");
        return box;
    }

    /** The probability chart's least height, in em: its five tick labels and its classes' names apart at any UI scale. */
    static final double BARS_LEAST_EM = 12;
    /** The picture's largest and least sides, in px. */
    static final double PICTURE_MOST = 224, PICTURE_LEAST = 84;

    /**
     * The picture gives way to the chart below it when the pane is low (a small window, a large UI scale, a caption of
     * three lines): the picture shrinks from 224 px down to 84 (three times MNIST's 28) so that the chart keeps
     * {@link #BARS_LEAST_EM} em, and the chart takes the rest of the height. At a fixed 224 px the chart was squeezed
     * until its labels ran into each other, or cut.
     */
    private static void fitPicture(VBox box, StackPane frame, ImageView big, Label caption, Region under, ProbabilityBars bars) {
        VBox.setVgrow(bars, javafx.scene.layout.Priority.ALWAYS);
        Runnable fit = () -> {
            double em = caption.getFont().getSize();
            // the picture leaves the chart this much where it can; the chart has no least height of its own, so that
            // where even the least picture leaves it less (1024x700 at 200 %) it shrinks rather than push the view's
            // legend off the window
            double least = Math.ceil(BARS_LEAST_EM * em);
            if (box.getHeight() <= 0) return;
            double room = box.getHeight() - box.snappedTopInset() - box.snappedBottomInset() - 2 * box.getSpacing() - under.getHeight() - least - 4;
            double side = Math.floor(Math.max(PICTURE_LEAST, Math.min(PICTURE_MOST, room)));
            if (big.getFitWidth() == side) return;
            big.setFitWidth(side);
            big.setFitHeight(side);
            frame.setMinSize(side + 4, side + 4);
            frame.setMaxSize(side + 4, side + 4);
        };
        // after the layout pass under way (sizes set within it would wait for the next one), once however often asked
        javafx.beans.InvalidationListener soon = o -> io.digitstudio.ui.widgets.TableHeights.later(box, fit);
        box.heightProperty().addListener(soon);
        under.heightProperty().addListener(soon);
        caption.fontProperty().addListener(soon);
    }

    /** Pin: the selected image, to watch a run learn it (Ctrl+Shift+P while this view shows). */
    private Button pinButton() {
        Button pin = new Button("_Pin");
        pin.setId("pinSampleButton");
        pin.setMinWidth(Region.USE_PREF_SIZE);
        pin.setTooltip(new Tooltip("Pin this image: while a run trains, the Train view shows how the network learns it (Ctrl+Shift+P; up to "
                + io.digitstudio.ui.pins.Pins.MAX + " pins)"));
        pin.disableProperty().bind(vm.selectedProperty().lessThan(0));
        pin.setOnAction(e -> vm.pinSelected());
        sceneProperty().addListener((o, old, scene) -> {
            if (scene == null) return;
            scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
                if (showing() && io.digitstudio.ui.pins.Pins.SHORTCUT.match(e)) {
                    vm.pinSelected();
                    e.consume();
                }
            });
        });
        return pin;
    }

    /** True when this view is on screen (its tab selected). */
    private boolean showing() {
        for (Node n = this; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return getScene() != null;
    }

    /** One thumbnail: the image, its label, and the prediction coloured right or wrong. */
    private final class SampleCell extends GridCell<Integer> {
        private final ImageView view = new ImageView();
        private final Label label = new Label();
        private final VBox box = new VBox(2, view, label);

        SampleCell() {
            getStyleClass().add("sample-cell");
            setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
            view.fitWidthProperty().bind(grid.cellWidthProperty().subtract(8));
            view.fitHeightProperty().bind(view.fitWidthProperty());
            view.setSmooth(false);
            box.setAlignment(Pos.CENTER);
            setOnMouseClicked(e -> {
                if (getItem() == null) return;
                vm.selectedProperty().set(getItem());
                current.set(getIndex());
            });
        }

        void mark() {
            pseudoClassStateChanged(CURRENT, grid.isFocused() && getItem() != null && getIndex() == current.get());
            // the image shown large stays marked when the gallery loses the keyboard. A pseudo-class of its own: the cell's
            // :selected (updateSelected) turned its caption black in every theme
            pseudoClassStateChanged(SHOWN, getItem() != null && getItem() == vm.selectedProperty().get());
        }

        @Override
        protected void updateItem(Integer index, boolean empty) {
            super.updateItem(index, empty);
            label.getStyleClass().removeAll("right", "wrong");
            if (empty || index == null || vm.imagesProperty().get() == null) {
                pseudoClassStateChanged(CURRENT, false);
                pseudoClassStateChanged(SHOWN, false);
                setGraphic(null);
                setId(null);
                setAccessibleText(null);
                return;
            }
            LabeledImages set = vm.imagesProperty().get();
            setId("sample-" + index);
            view.setImage(DigitImages.of(set, index));
            int truth = set.label(index);
            int predicted = vm.predictedLabel(index);
            if (predicted < 0) {
                label.setText(vm.labelName(truth));
            } else {
                label.setText(vm.labelName(truth) + " → " + vm.predictionName(predicted));
                label.getStyleClass().add(predicted == truth ? "right" : "wrong");
            }
            setAccessibleText("Image " + index + ": label " + vm.labelName(truth)
                    + (predicted < 0 ? "" : ", predicted " + vm.predictionName(predicted) + (predicted == truth ? ", right" : ", wrong")));
            setGraphic(box);
            mark();
        }
    }

    public SamplesViewModel viewModel() {
        return vm;
    }

    public GridView<Integer> grid() {
        return grid;
    }

    /** A class filter: "any", or one class by name, kept in step with {@code property} (-1: any). */
    private static javafx.scene.control.ComboBox<Integer> classBox(String id, String prefix, javafx.beans.property.IntegerProperty property,
                                                                   java.util.function.IntFunction<String> name) {
        javafx.scene.control.ComboBox<Integer> box = new javafx.scene.control.ComboBox<>();
        box.setId(id);
        ScreenReader.describe(box, prefix.startsWith("true") ? "True class" : "Predicted class",
                "Show only images of this " + (prefix.startsWith("true") ? "label" : "prediction") + ", or any");
        box.getItems().setAll(java.util.stream.IntStream.range(-1, 10).boxed().toList());
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer c) {
                return c == null ? "" : prefix + (c < 0 ? "any" : name.apply(c));
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        box.setValue(property.get());
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != property.get()) property.set(b);
        });
        property.addListener((o, a, b) -> {
            if (!b.equals(box.getValue())) box.setValue(b.intValue());
        });
        return box;
    }
}
