package io.digitstudio.ui.widgets;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Tooltips made when the pointer first comes over their control. A {@link Tooltip} is a popup window with a scene and
 * styles of its own, so a form with one on every field would build them all for a window that shows none of them yet.
 * The control's screen-reader description is the tip's text from the start, as JavaFX would read it from the tooltip.
 */
public final class Tips {
    private Tips() {
    }

    /** Gives {@code control} the tooltip {@code text}, made on the pointer's first visit; returns the control. */
    public static <T extends Control> T set(T control, String text) {
        return set(control, text, t -> {
        });
    }

    /** As {@link #set(Control, String)}, with {@code style} applied to the tooltip when it is made (wrapping, width). */
    public static <T extends Control> T set(T control, String text, Consumer<Tooltip> style) {
        if (control.getAccessibleHelp() == null || control.getAccessibleHelp().isEmpty()) control.setAccessibleHelp(text);
        return later(control, () -> {
            Tooltip tip = new Tooltip(text);
            style.accept(tip);
            return tip;
        });
    }

    /** Gives {@code control} the tooltip {@code make} makes, on the pointer's first visit; returns the control. */
    public static <T extends Control> T later(T control, Supplier<Tooltip> make) {
        EventHandler<MouseEvent> first = new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                control.removeEventHandler(MouseEvent.MOUSE_MOVED, this);
                if (control.getTooltip() == null) control.setTooltip(make.get());
            }
        };
        // entering makes it before the moves that show a tooltip; a move covers a control that was entered while disabled
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, first);
        control.addEventHandler(MouseEvent.MOUSE_MOVED, first);
        return control;
    }
}
