package io.digitstudio.read;

import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Predictor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ReadingRates#why}: why the search read a number as it did, told from the search's own scores. */
class ReadingRatesWhyTest {
    static Predictor predictor;

    @BeforeAll
    static void model() {
        Nd4jSetup.init();
        predictor = ReadingRates.builtIn();
    }

    /** A number read right is the search's own choice; a truth with more digits than the line may hold has no cutting. */
    @Test
    void tellsAMissingCuttingFromTheSearchsChoice() {
        PaperPhotos.Photo p = new PaperPhotos(33, predictor).apart(new int[]{3, 0, 7});
        String read = new NumberReader(predictor).number(p.image()).number(String::valueOf);
        assertEquals(p.digits(), read, p.conditions());
        assertEquals("read right", ReadingRates.why(predictor, p.image(), p.digits()));
        assertEquals("no cutting reads it", ReadingRates.why(predictor, p.image(), "30771111111111"));
    }
}
