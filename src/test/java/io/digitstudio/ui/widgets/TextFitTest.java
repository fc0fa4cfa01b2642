package io.digitstudio.ui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Cutting a text to the room it has, with one unit of room per character: after a whole word, then "…". */
class TextFitTest {
    private static final String STOPPED = "Stopped at epoch 9.00: accuracy 93.33%. The model is unchanged.";

    private static java.util.function.Predicate<String> atMost(int characters) {
        return s -> s.length() <= characters;
    }

    @Test
    void aTextThatFitsShowsWhole() {
        assertEquals(STOPPED, TextFit.cut(STOPPED, atMost(STOPPED.length())));
    }

    @Test
    void aLongerTextEndsAfterAWholeWordWithAnEllipsisNotAtADotInsideANumber() {
        assertEquals("Stopped at epoch 9.00: accuracy 93.33%…", TextFit.cut(STOPPED, atMost(40)), "the dot after the last word is left out");
        assertEquals("Stopped at epoch 9.00: accuracy 93.33%. The…", TextFit.cut(STOPPED, atMost(49)));
        assertEquals("Stopped at epoch…", TextFit.cut(STOPPED, atMost(21)));
        assertEquals("Stopped at epoch 9.00…", TextFit.cut(STOPPED, atMost(22)), "the colon after the last word is left out");
        assertEquals("Stopped…", TextFit.cut(STOPPED, atMost(10)));
    }

    @Test
    void notEvenTheFirstWordLeavesTheEllipsisAlone() {
        assertEquals("…", TextFit.cut(STOPPED, atMost(5)), "never a part of a word");
    }
}
