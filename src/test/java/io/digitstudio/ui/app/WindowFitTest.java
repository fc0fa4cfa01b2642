package io.digitstudio.ui.app;

import io.digitstudio.ui.app.WindowFit.Rect;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

/** The window's first size and place, and its saved place, on screens of several sizes. */
class WindowFitTest {
    private static final double W = 1240, H = 800, MIN_W = 1024, MIN_H = 700;

    @Test
    void aFirstWindowOnASmallScreenTakesTheScreenAndIsWhollyOnIt() {
        assertEquals(new Rect(0, 0, 1024, 700), WindowFit.first(new Rect(0, 0, 1024, 700), W, H, MIN_W, MIN_H));
        // a taskbar takes 40 at the bottom: the window stays above it
        assertEquals(new Rect(0, 0, 1024, 660), WindowFit.first(new Rect(0, 0, 1024, 660), W, H, MIN_W, MIN_H),
                "smaller than the minimum, the screen wins");
    }

    @Test
    void aFirstWindowIsCentredAndShrunkOnlyWhereTheScreenIsSmaller() {
        assertEquals(new Rect(63, 0, 1240, 768), WindowFit.first(new Rect(0, 0, 1366, 768), W, H, MIN_W, MIN_H));
        assertEquals(new Rect(340, 140, 1240, 800), WindowFit.first(new Rect(0, 0, 1920, 1080), W, H, MIN_W, MIN_H));
        // the second of two screens side by side, with a menu bar of 30 at its top
        assertEquals(new Rect(1920 + 340, 30 + 125, 1240, 800), WindowFit.first(new Rect(1920, 30, 1920, 1050), W, H, MIN_W, MIN_H));
    }

    @Test
    void aSavedPlaceIsShrunkAndMovedOntoTheScreen() {
        List<Rect> small = List.of(new Rect(0, 0, 1024, 700));
        // quit on 1280x800, started on 1024x700
        assertEquals(Optional.of(new Rect(0, 0, 1024, 700)), WindowFit.saved(new Rect(20, 0, 1240, 800), small, MIN_W, MIN_H));
        List<Rect> laptop = List.of(new Rect(0, 0, 1366, 768));
        assertEquals(Optional.of(new Rect(100, 0, 1240, 768)), WindowFit.saved(new Rect(100, -20, 1240, 800), laptop, MIN_W, MIN_H));
        // partly off the right and bottom edges: moved in, the size kept
        assertEquals(Optional.of(new Rect(126, 68, 1240, 700)), WindowFit.saved(new Rect(600, 300, 1240, 700), laptop, MIN_W, MIN_H));
        // wholly on the screen: as it was
        assertEquals(Optional.of(new Rect(10, 20, 1100, 740)), WindowFit.saved(new Rect(10, 20, 1100, 740), laptop, MIN_W, MIN_H));
    }

    @Test
    void aSavedPlaceAcrossTwoScreensGoesToTheOneItMostlyLiesOn() {
        List<Rect> two = List.of(new Rect(0, 0, 1920, 1080), new Rect(1920, 0, 1366, 768));
        // mostly on the left screen
        assertEquals(Optional.of(new Rect(680, 100, 1240, 800)), WindowFit.saved(new Rect(1000, 100, 1240, 800), two, MIN_W, MIN_H));
        // mostly on the right, smaller one: shrunk to it and moved onto it
        assertEquals(Optional.of(new Rect(1920, 0, 1240, 768)), WindowFit.saved(new Rect(1900, 50, 1240, 800), two, MIN_W, MIN_H));
    }

    @Test
    void aSavedPlaceOnAScreenThatIsGoneIsDropped() {
        List<Rect> one = List.of(new Rect(0, 0, 1920, 1080));
        assertEquals(Optional.empty(), WindowFit.saved(new Rect(2000, 100, 1240, 800), one, MIN_W, MIN_H));
    }
}
