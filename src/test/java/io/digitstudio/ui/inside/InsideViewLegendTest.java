package io.digitstudio.ui.inside;

import io.digitstudio.inspect.Pictures;
import io.digitstudio.ui.widgets.Theme;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** The weight tiles' colours and the words under them agree in every theme. */
class InsideViewLegendTest {
    @Test
    void theLegendNamesTheColourZeroHasInEachTheme() {
        for (Theme t : Theme.values()) {
            Pictures.Palette p = InsideView.palette(t);
            String zero = (p.zero() & 0xFFFFFF) == 0xFFFFFF ? "white" : (p.zero() & 0xFFFFFF) < 0x202020 ? "black" : "?";
            assertTrue(InsideView.legend(t).contains(zero + ": 0"), t + ": " + InsideView.legend(t));
        }
    }
}
