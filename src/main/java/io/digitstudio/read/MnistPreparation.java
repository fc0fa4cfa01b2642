package io.digitstudio.read;

import io.digitstudio.data.PicturePreparation;
import io.digitstudio.data.RgbImage;

/** {@link DigitPreprocessor}'s photo path as {@code data}'s {@link PicturePreparation}: the provider it finds. */
public final class MnistPreparation implements PicturePreparation {
    @Override
    public float[] toMnist(RgbImage picture) {
        return DigitPreprocessor.toMnist(picture);
    }

    @Override
    public Prepared prepare(RgbImage picture) {
        // the ink is grouped once: for the input (as toMnist reads it) and to count the digits, as predict does
        DigitSegmenter.Segments segments = DigitSegmenter.segment(InkFinder.find(picture));
        return new Prepared(DigitPreprocessor.fromInk(segments.whole()), segments.count());
    }
}
