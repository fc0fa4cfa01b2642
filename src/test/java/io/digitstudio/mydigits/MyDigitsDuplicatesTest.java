package io.digitstudio.mydigits;

import io.digitstudio.data.DrawnDigitsAccess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The same digit is kept once: a drawing kept twice, a folder imported twice. */
class MyDigitsDuplicatesTest {
    @TempDir
    Path dir;

    @Test
    void theSameDigitIsRecognisedByItsContentAndNotAddedTwice() {
        MyDigits store = new MyDigits(dir.resolve("mine"));
        float[] x = new float[28 * 28];
        for (int i = 300; i < 320; i++) x[i] = 1;
        MyDigit first = store.add(x, 4, List.of(), "drawn");
        MyDigits.Duplicate again = assertThrows(MyDigits.Duplicate.class, () -> store.add(x.clone(), 4, List.of(), "drawn"));
        assertEquals(first.id(), again.existing().id());
        assertEquals("already in My digits as 4 (the same picture)", again.getMessage());
        assertEquals(1, store.list().size(), "the collection is as it was");
        x[500] = 1;
        store.add(x, 4, List.of(), "drawn");
        assertEquals(2, store.list().size(), "another drawing is another digit");
    }

    @Test
    void importingTheSameFolderTwiceAddsItsDigitsOnceAndSaysWhyTheRestWereSkipped() throws Exception {
        Path pictures = Files.createDirectories(dir.resolve("pictures"));
        DrawnDigitsAccess pen = new DrawnDigitsAccess(5);
        for (int d = 0; d < 3; d++) javax.imageio.ImageIO.write(pen.draw(d, 120), "png", pictures.resolve(d + ".png").toFile());
        // the same file under a second name is the same digit
        Files.copy(pictures.resolve("2.png"), pictures.resolve("2_copy.png"));
        MyDigits store = new MyDigits(dir.resolve("mine"));
        MyDigits.ImportResult first = store.importFolder(pictures);
        assertEquals(3, first.added());
        assertEquals(List.of("2_copy.png: already in My digits as 2"), first.skipped());
        MyDigits.ImportResult second = store.importFolder(pictures);
        assertEquals(0, second.added());
        assertEquals(4, second.skipped().size());
        assertTrue(second.skipped().stream().allMatch(s -> s.contains(": already in My digits as ")), second.skipped().toString());
        assertEquals(3, store.list().size());
    }
}
