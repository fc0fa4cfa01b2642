package io.digitstudio.read;

import io.digitstudio.data.PicturePreparation;
import io.digitstudio.data.RgbImage;

/** {@link DigitPreprocessor}'s photo path as {@code data}'s {@link PicturePreparation}: the provider it finds. */
public final class MnistPreparation implements PicturePreparation {
    @Override
    public float[] toMnist(RgbImage picture) {
        return DigitPreprocessor.toMnist(picture);
    }
}
