package io.digitstudio.read;

import io.digitstudio.data.DigitBox;
import io.digitstudio.data.DigitPreprocessor;
import io.digitstudio.data.DigitSegmenter;
import io.digitstudio.data.InkFinder;
import io.digitstudio.data.RgbImage;
import io.digitstudio.nn.Prediction;
import io.digitstudio.nn.Predictor;

import java.util.ArrayList;
import java.util.List;

/** Reads a picture as one digit or as a number, with a model that takes 28x28 images. */
public final class NumberReader {
    private final Predictor predictor;

    public NumberReader(Predictor predictor) {
        this.predictor = predictor;
    }

    /** Every digit in the picture, each classified on its own (one batch for all of them). */
    public Reading number(RgbImage picture) {
        return classify(DigitSegmenter.digits(InkFinder.find(picture)));
    }

    /**
     * The picture as one digit when it holds one, as a number when it holds several: what the Draw view shows. One
     * digit is read from all of the ink (as {@code predict} without {@code --number} does), so a digit whose strokes
     * do not touch is never taken for two. The ink is found and grouped once for both readings.
     */
    public Reading any(RgbImage picture) {
        DigitSegmenter.Segments segments = DigitSegmenter.segment(InkFinder.find(picture));
        List<DigitBox> boxes = segments.digits();
        if (boxes.size() > 1) return classify(boxes);
        float[] x = DigitPreprocessor.fromInk(segments.whole());
        return new Reading(List.of(new ReadDigit(boxes.get(0), x, predictor.predict(x))));
    }

    private Reading classify(List<DigitBox> boxes) {
        float[][] inputs = new float[boxes.size()][];
        for (int i = 0; i < inputs.length; i++) inputs[i] = DigitPreprocessor.fromInk(boxes.get(i).ink());
        Prediction[] predictions = predictor.predict(inputs);
        List<ReadDigit> out = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) out.add(new ReadDigit(boxes.get(i), inputs[i], predictions[i]));
        return new Reading(out);
    }
}
