package io.digitstudio.read;

import io.digitstudio.read.DigitPreprocessor.Stage;
import io.digitstudio.data.GreyImage;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.PenStroke;
import io.digitstudio.data.RgbImage;
import io.digitstudio.data.StrokeRasterizer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The MNIST-likeness line names what is unusual about a drawing, and little about MNIST's own digits. */
class MnistLikenessTest {
    private static MnistLikeness judge(List<PenStroke> strokes) {
        List<Stage> stages = new ArrayList<>();
        DigitPreprocessor.toMnist(RgbImage.of(StrokeRasterizer.render(strokes, 320, 320, true)), stages::add);
        return MnistLikeness.of(stages, MnistNorms.bundled());
    }

    private static List<String> traits(MnistLikeness l) {
        return l.findings().stream().map(MnistLikeness.Finding::trait).toList();
    }

    private static PenStroke stroke(double width, double... xy) {
        List<double[]> p = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) p.add(new double[]{xy[i], xy[i + 1]});
        return new PenStroke(p, width);
    }

    /** An upright 7 drawn with the default pen, in the middle. */
    private static List<PenStroke> seven(double width, double dx, double lean) {
        return List.of(stroke(width, 100 + dx, 70, 220 + dx, 70, 160 + dx - lean, 260));
    }

    @Test
    void anOrdinaryDrawingIsLikeMnist() {
        MnistLikeness l = judge(seven(22, 0, 0));
        assertTrue(l.typical(), l.details());
        assertTrue(l.line().startsWith("MNIST-likeness: like MNIST"), l.line());
    }

    @Test
    void aHairlineIsTooThin() {
        MnistLikeness l = judge(seven(3, 0, 0));
        assertEquals(List.of(MnistLikeness.TOO_THIN), traits(l));
        assertEquals("Unusual for MNIST: too thin", l.line());
        assertTrue(l.details().contains("99% of MNIST's are 5.7 or more"), l.details());
    }

    @Test
    void aDigitRunningOffTheCanvasIsCutAtTheEdge() {
        MnistLikeness l = judge(List.of(stroke(22, 100, 2, 220, 2, 160, 200)));
        assertTrue(traits(l).contains(MnistLikeness.CUT), l.details());
    }

    @Test
    void aStronglyLeaningOneIsVerySlanted() {
        MnistLikeness right = judge(List.of(stroke(22, 250, 60, 70, 260)));
        assertEquals(List.of(MnistLikeness.SLANTED), traits(right), right.details());
        assertTrue(right.details().contains("leans right"), right.details());
        MnistLikeness left = judge(List.of(stroke(22, 70, 60, 250, 260)));
        assertTrue(left.details().contains("leans left"), left.details());
    }

    @Test
    void aDigitWhoseMassCannotBeCentredIsOffCentre() {
        // the preparation's own input of a lopsided shape: a dot at the end of a long hairline tail, fitted and placed
        GreyImage input = new GreyImage(28, 28, new float[784]);
        for (int y = 4; y < 24; y++) for (int x = 4; x < 10; x++) input.pixels()[y * 28 + x] = 1;
        MnistLikeness l = MnistLikeness.of(List.of(new Stage(DigitPreprocessor.Step.INPUT, input, "")), MnistNorms.bundled());
        assertEquals(List.of(MnistLikeness.OFF_CENTRE), traits(l), l.details());
    }

    @Test
    void fewOfMnistsOwnTestDigitsAreCalledUnusual() {
        LabeledImages test = Mnist.bundled().test();
        int flagged = 0, n = 500;
        for (int i = 0; i < n; i++) {
            GreyImage img = new GreyImage(28, 28, test.features(i));
            List<Stage> stages = new ArrayList<>();
            DigitPreprocessor.toMnist(img, stages::add);
            if (!MnistLikeness.of(stages, MnistNorms.bundled()).typical()) flagged++;
        }
        // each measure flags about 1-2 % of MNIST by construction; through the preparation a few more
        assertTrue(flagged < 0.12 * n, flagged + " of " + n + " MNIST test digits called unusual");
        assertTrue(flagged > 0, "the thresholds are MNIST's extremes, so some of MNIST's own are beyond them");
    }
}
