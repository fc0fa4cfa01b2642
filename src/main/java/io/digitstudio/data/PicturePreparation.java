package io.digitstudio.data;

import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * How a picture of one digit becomes a model's 28x28 input: what a folder of pictures ({@link ImageFolder}) and the
 * pictures a user adds to their own digits need, owned here so that {@code data} names the step without depending on
 * the package that implements it. The reading pipeline ({@code io.digitstudio.read}: ink, segmentation, MNIST-style
 * preparation) implements it and registers itself as a {@link ServiceLoader} provider, since {@code read} depends on
 * {@code nn}, which depends on {@code data}.
 */
public interface PicturePreparation {
    /** The input's side: 28, as MNIST's. */
    int SIDE = 28;

    /**
     * The {@code SIDE * SIDE} values (row by row, in [0, 1]) the model takes for a picture of one digit.
     *
     * @throws DataException when the picture has no ink to read (it is blank)
     */
    float[] toMnist(RgbImage picture);

    /**
     * {@link #toMnist} and how many digits the picture's ink holds, found in one pass: a picture of a whole number
     * ("2048") is read as one digit by {@link #toMnist}, which those who take one digit a picture must refuse.
     *
     * @throws DataException when the picture has no ink to read (it is blank)
     */
    Prepared prepare(RgbImage picture);

    /** A picture's input ({@link #toMnist}) and the number of digits its ink holds. */
    record Prepared(float[] input, int digits) {
    }

    /** The preparation the app ships (the photo path of {@code read}); one instance, found once. */
    static PicturePreparation standard() {
        return Standard.INSTANCE;
    }

    /** Holds the provider, found on first use. */
    final class Standard {
        static final PicturePreparation INSTANCE = find();

        private Standard() {
        }

        private static PicturePreparation find() {
            Iterator<PicturePreparation> it = ServiceLoader.load(PicturePreparation.class, PicturePreparation.class.getClassLoader()).iterator();
            if (!it.hasNext()) throw new IllegalStateException("no picture preparation is installed (a broken build: read's provider is missing)");
            return it.next();
        }
    }
}
