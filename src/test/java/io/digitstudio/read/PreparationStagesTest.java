package io.digitstudio.read;

import io.digitstudio.read.DigitPreprocessor.Stage;
import io.digitstudio.read.DigitPreprocessor.Step;
import io.digitstudio.data.GreyImage;
import io.digitstudio.data.PenStroke;
import io.digitstudio.data.RgbImage;
import io.digitstudio.data.StrokeRasterizer;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Predictor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The preparation reports its stages as it runs, and what it reports is what the network gets. */
class PreparationStagesTest {
    static Predictor predictor;

    @BeforeAll
    static void model() {
        Nd4jSetup.init();
        predictor = ReadingRates.builtIn();
    }

    private static RgbImage drawing(List<PenStroke> strokes) {
        return RgbImage.of(StrokeRasterizer.render(strokes, 320, 320, true));
    }

    private static List<PenStroke> seven(double width) {
        List<PenStroke> out = new ArrayList<>();
        for (PenStroke s : PenStroke.sampleSeven()) out.add(new PenStroke(s.points(), width));
        return out;
    }

    @Test
    void aDrawnDigitPassesThroughAllSevenStagesInOrderAndTheLastIsTheInput() {
        List<Stage> stages = new ArrayList<>();
        Reading r = new NumberReader(predictor).any(drawing(PenStroke.sampleSeven()), stages::add);
        assertEquals(List.of(Step.values()), stages.stream().map(Stage::step).toList());
        assertEquals(1, r.digits().size());
        assertArrayEquals(r.digits().get(0).input(), stages.get(6).image().pixels(), "the 28x28 stage is the input the network read");
        assertEquals(320, stages.get(0).image().width());
        GreyImage fitted = stages.get(4).image();
        assertEquals(20, Math.max(fitted.width(), fitted.height()), "fitted to 20 px on the longer side");
        assertEquals(28, stages.get(5).image().width());
        for (Stage s : stages) assertFalse(s.detail().isBlank(), s.step() + " says what it did");
    }

    @Test
    void aHairThinStrokeIsThickenedAndTheStageSaysSo() {
        List<Stage> stages = new ArrayList<>();
        new NumberReader(predictor).any(drawing(seven(3)), stages::add);
        Stage stroke = stages.stream().filter(s -> s.step() == Step.STROKE).findFirst().orElseThrow();
        assertTrue(stroke.detail().startsWith("thickened"), stroke.detail());
        assertTrue(DigitPreprocessor.canonStrokeWidth(stroke.image()) > DigitPreprocessor.canonStrokeWidth(stages.get(2).image()));
    }

    @Test
    void centringByMassShowsTheDigitByItsBoxAndTheShiftThatFollows() {
        // an L: its mass lies low and left of its box's centre, so centring moves it right and up
        GreyImage ink = new GreyImage(40, 40, new float[1600]);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 6; x++) ink.pixels()[y * 40 + x] = 1;
        for (int y = 34; y < 40; y++) for (int x = 0; x < 40; x++) ink.pixels()[y * 40 + x] = 1;
        List<Stage> stages = new ArrayList<>();
        float[] x = DigitPreprocessor.fromInk(ink, stages::add);
        assertArrayEquals(DigitPreprocessor.fromInk(ink), x, "watching changes nothing");
        assertEquals(List.of(Step.CROPPED, Step.STROKE, Step.FITTED, Step.CENTRED, Step.INPUT), stages.stream().map(Stage::step).toList());
        Stage centred = stages.get(3);
        assertTrue(centred.detail().contains("px right") && centred.detail().contains("px up"), centred.detail());
        assertFalse(Arrays.equals(centred.image().pixels(), x), "the box-centred picture is not yet the input");
    }

    @Test
    void eachDigitOfANumberCanShowItsOwnPreparation() {
        List<PenStroke> strokes = new ArrayList<>();
        strokes.add(new PenStroke(List.of(new double[]{50, 90}, new double[]{50, 160}, new double[]{50, 230}), 22));
        strokes.add(new PenStroke(List.of(new double[]{205, 90}, new double[]{285, 90}, new double[]{250, 160}, new double[]{228, 232}), 22));
        Reading r = new NumberReader(predictor).any(drawing(strokes), null);
        assertEquals(2, r.digits().size());
        for (ReadDigit d : r.digits()) {
            List<Stage> stages = new ArrayList<>();
            assertArrayEquals(d.input(), NumberReader.prepare(d, stages::add));
            assertEquals(Step.INPUT, stages.get(stages.size() - 1).step());
            assertArrayEquals(d.input(), stages.get(stages.size() - 1).image().pixels());
        }
    }
    /** A detail with its figures taken out: its form. */
    private static String form(String detail) {
        return detail.replaceAll("[0-9]+(\\.[0-9]+)?", "#");
    }

    @Test
    void everyDetailAStageReportsHasAFormItsStepNamesAtItsWidest() {
        List<Stage> stages = new ArrayList<>();
        // a thin stroke (thickened), a usual one (kept), a very thick one (thinned), an L off its box's centre
        for (double width : new double[]{3, 22, 70}) new NumberReader(predictor).any(drawing(seven(width)), stages::add);
        GreyImage ink = new GreyImage(40, 40, new float[1600]);
        for (int y = 0; y < 40; y++) for (int x = 0; x < 6; x++) ink.pixels()[y * 40 + x] = 1;
        for (int y = 34; y < 40; y++) for (int x = 0; x < 40; x++) ink.pixels()[y * 40 + x] = 1;
        DigitPreprocessor.fromInk(ink, stages::add);
        java.util.Set<String> strokeForms = new java.util.HashSet<>();
        for (Stage s : stages) {
            List<String> widest = s.step().widestDetails().stream().map(PreparationStagesTest::form).toList();
            assertTrue(widest.contains(form(s.detail())), s.step() + " reported '" + s.detail() + "', a form not among " + s.step().widestDetails());
            if (s.step() == Step.STROKE) strokeForms.add(form(s.detail()).split(" ")[0]);
        }
        assertEquals(java.util.Set.of("thickened", "kept", "thinned"), strokeForms, "the three stroke forms were seen");
    }
}
