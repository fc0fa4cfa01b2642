package io.digitstudio.read;

import io.digitstudio.data.DataException;
import io.digitstudio.data.GreyImage;
import io.digitstudio.data.PicturePreparation;
import io.digitstudio.data.RgbImage;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** The seam through which {@code data} prepares pictures without depending on {@code read}. */
class MnistPreparationTest {
    @Test
    void dataFindsReadsPreparation() {
        PicturePreparation p = PicturePreparation.standard();
        assertInstanceOf(MnistPreparation.class, p, "the provider registered in META-INF/services");
        assertSame(p, PicturePreparation.standard(), "found once");
        assertEquals(DigitPreprocessor.SIZE, PicturePreparation.SIDE);
    }

    @Test
    void itPreparesAsThePhotoPathDoes() {
        float[] px = new float[120 * 90];
        Arrays.fill(px, 0.9f);
        for (int y = 20; y < 70; y++) for (int x = 55; x < 63; x++) px[y * 120 + x] = 0.1f;
        RgbImage bar = RgbImage.of(new GreyImage(120, 90, px));
        assertArrayEquals(DigitPreprocessor.toMnist(bar), PicturePreparation.standard().toMnist(bar));
        RgbImage blank = RgbImage.of(new GreyImage(50, 50, new float[2500]));
        assertThrows(DataException.class, () -> PicturePreparation.standard().toMnist(blank), "a blank picture is refused as data expects");
    }
}
