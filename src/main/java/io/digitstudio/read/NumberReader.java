package io.digitstudio.read;

import io.digitstudio.data.DigitBox;
import io.digitstudio.data.DigitPreprocessor;
import io.digitstudio.data.DigitSegmenter;
import io.digitstudio.data.GreyImage;
import io.digitstudio.data.InkFinder;
import io.digitstudio.data.InkMap;
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
        InkMap ink = InkFinder.find(picture);
        List<DigitBox> boxes = DigitSegmenter.digits(ink);
        float[][] inputs = new float[boxes.size()][];
        for (int i = 0; i < inputs.length; i++) inputs[i] = DigitPreprocessor.fromInk(boxes.get(i).ink());
        Prediction[] predictions = predictor.predict(inputs);
        List<ReadDigit> out = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) out.add(new ReadDigit(boxes.get(i), inputs[i], predictions[i]));
        return new Reading(out);
    }

    /**
     * The picture as one digit when it holds one, as a number when it holds several: what the Draw view shows. One
     * digit is read from all of the ink (as {@code predict} without {@code --number} does), so a digit whose strokes
     * do not touch is never taken for two.
     */
    public Reading any(RgbImage picture) {
        InkMap ink = InkFinder.find(picture);
        List<DigitBox> boxes = DigitSegmenter.digits(ink);
        if (boxes.size() > 1) return number(picture);
        GreyImage all = DigitSegmenter.single(ink);
        float[] x = DigitPreprocessor.fromInk(all);
        DigitBox box = boxes.get(0);
        return new Reading(List.of(new ReadDigit(box, x, predictor.predict(x))));
    }
}
