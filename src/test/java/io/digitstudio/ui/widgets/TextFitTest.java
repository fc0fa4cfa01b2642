package io.digitstudio.ui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Fitting a text to a line, with one unit of width per character: cuts between sentences or words only. */
class TextFitTest {
    private static double chars(String s) {
        return s.length();
    }

    private static final String STOPPED = "Stopped at epoch 9.00: accuracy 93.33%. The model is unchanged.";

    @Test
    void aTextThatFitsShowsWhole() {
        assertEquals(STOPPED, TextFit.sentences(STOPPED, STOPPED.length(), TextFitTest::chars));
        assertEquals(STOPPED, TextFit.fit(STOPPED, 200, TextFitTest::chars));
    }

    @Test
    void aLongerTextKeepsItsFirstWholeSentencesNotTheDotsInsideNumbers() {
        assertEquals("Stopped at epoch 9.00: accuracy 93.33%.", TextFit.sentences(STOPPED, 50, TextFitTest::chars));
        assertEquals("Stopped at epoch 9.00: accuracy 93.33%.", TextFit.fit(STOPPED, 50, TextFitTest::chars));
    }

    @Test
    void whenNoSentenceFitsSentencesGiveNothingAndFitGivesWholeWords() {
        assertEquals("", TextFit.sentences(STOPPED, 30, TextFitTest::chars));
        assertEquals("Stopped at epoch 9.00:", TextFit.fit(STOPPED, 30, TextFitTest::chars));
        assertEquals("", TextFit.fit(STOPPED, 5, TextFitTest::chars), "not even the first word: nothing, never a part of it");
    }
}
