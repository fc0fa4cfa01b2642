package io.digitstudio.ui.draw;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * The drawing canvas's frame, which holds the colours the canvas is painted in: the paper, the ink and the boxes
 * around a number's digits. They come from the theme's sheets ({@code -ds-canvas-paper}, {@code -ds-canvas-ink} and
 * {@code -ds-canvas-box} on {@code .canvas-frame}, made of AtlantaFX's own colours), so that the canvas follows the
 * theme as the controls do; with {@link #mnistProperty() mnist} on (the {@code :mnist} pseudo-class) they are MNIST's
 * white on black whatever the theme. Only the looks: the network's input is rendered apart from them.
 */
final class CanvasFrame extends StackPane {
    private static final PseudoClass MNIST = PseudoClass.getPseudoClass("mnist");

    private final StyleableObjectProperty<Paint> paper = new SimpleStyleableObjectProperty<>(PAPER, this, "paper", Color.BLACK);
    private final StyleableObjectProperty<Paint> ink = new SimpleStyleableObjectProperty<>(INK, this, "ink", Color.WHITE);
    private final StyleableObjectProperty<Paint> box = new SimpleStyleableObjectProperty<>(BOX, this, "box", Color.rgb(255, 176, 32));
    private final BooleanProperty mnist = new SimpleBooleanProperty(this, "mnist") {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(MNIST, get());
        }
    };

    CanvasFrame(Node... children) {
        super(children);
        getStyleClass().add("canvas-frame");
    }

    /** Whether the canvas shows MNIST's white on black (else the theme's own text on its own background). */
    BooleanProperty mnistProperty() {
        return mnist;
    }

    StyleableObjectProperty<Paint> paperProperty() {
        return paper;
    }

    StyleableObjectProperty<Paint> inkProperty() {
        return ink;
    }

    StyleableObjectProperty<Paint> boxProperty() {
        return box;
    }

    Color paper() {
        return colour(paper.get(), Color.BLACK);
    }

    Color ink() {
        return colour(ink.get(), Color.WHITE);
    }

    Color box() {
        return colour(box.get(), Color.rgb(255, 176, 32));
    }

    private static Color colour(Paint p, Color otherwise) {
        return p instanceof Color c ? c : otherwise;
    }

    private static final CssMetaData<CanvasFrame, Paint> PAPER = colour("-ds-canvas-paper", f -> f.paper);
    private static final CssMetaData<CanvasFrame, Paint> INK = colour("-ds-canvas-ink", f -> f.ink);
    private static final CssMetaData<CanvasFrame, Paint> BOX = colour("-ds-canvas-box", f -> f.box);
    private static final List<CssMetaData<? extends Styleable, ?>> META;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(StackPane.getClassCssMetaData());
        all.addAll(List.of(PAPER, INK, BOX));
        META = Collections.unmodifiableList(all);
    }

    private static CssMetaData<CanvasFrame, Paint> colour(String name, Function<CanvasFrame, StyleableObjectProperty<Paint>> property) {
        return new CssMetaData<>(name, StyleConverter.getPaintConverter()) {
            @Override
            public boolean isSettable(CanvasFrame f) {
                return !property.apply(f).isBound();
            }

            @Override
            public StyleableProperty<Paint> getStyleableProperty(CanvasFrame f) {
                return property.apply(f);
            }
        };
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return META;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return META;
    }
}
