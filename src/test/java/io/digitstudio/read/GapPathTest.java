package io.digitstudio.read;

import io.digitstudio.data.Rng;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Predictor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 33: two digits that meet by a few pixels where the gap between them bends more than a straight cut or a path
 * one column sideways per row can follow ({@link DigitSegmenter#gapPaths}). Pairs of MNIST test digits put side by
 * side by {@link PaperPhotos} (seed 3330, used for neither tuning nor the reading rates), which the older cuts read as
 * "9" and "18": every cut they offered either split one digit's stroke or gave part of one digit to the other, and the
 * damaged pieces read worse than a wrong reading.
 */
class GapPathTest {
    static Predictor predictor;

    @BeforeAll
    static void model() {
        Nd4jSetup.init();
        predictor = ReadingRates.builtIn();
    }

    /** The touching pairs numbered {@code wanted} of seed 3330's sequence of two-digit touching pairs. */
    private static List<PaperPhotos.Photo> pairs(Set<Integer> wanted) {
        PaperPhotos photos = new PaperPhotos(3330, predictor);
        Rng rng = new Rng(3331);
        List<PaperPhotos.Photo> out = new ArrayList<>();
        for (int i = 0; i <= wanted.stream().mapToInt(Integer::intValue).max().orElse(-1); i++) {
            PaperPhotos.Photo p = photos.touching(new int[]{rng.nextInt(10), rng.nextInt(10)}, 0);
            if (wanted.contains(i)) out.add(p);
        }
        return out;
    }

    @Test
    void twoDigitsWhoseGapBendsAreReadApart() {
        List<PaperPhotos.Photo> photos = pairs(Set.of(60, 65));
        assertEquals(List.of("93", "16"), photos.stream().map(PaperPhotos.Photo::digits).toList());
        for (PaperPhotos.Photo p : photos) {
            assertEquals(p.digits(), new NumberReader(predictor).number(p.image()).number(String::valueOf), p.conditions());
        }
    }
}
