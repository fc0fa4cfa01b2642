package io.digitstudio.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.junit.jupiter.api.Assertions.*;

/** The bundled MNIST decompressed once into a cache folder, then read from it while its checksum holds. */
class MnistCacheTest {
    @TempDir
    Path dir;

    @Test
    void theFirstLoadFillsTheCacheAndLaterLoadsReadTheSameData() throws IOException {
        Path cache = dir.resolve("cache/mnist");
        String expected = Mnist.loadBundled(null).sha256();
        assertEquals(expected, Mnist.loadBundled(cache).sha256());
        for (String f : Mnist.FILES) {
            assertEquals(Mnist.SHA256.get(f), Mnist.sha256(Files.readAllBytes(cache.resolve(f))), f);
        }
        // the second load reads the cached files: they are not written again
        FileTime old = FileTime.fromMillis(1_000_000L);
        for (String f : Mnist.FILES) Files.setLastModifiedTime(cache.resolve(f), old);
        assertEquals(expected, Mnist.loadBundled(cache).sha256());
        for (String f : Mnist.FILES) assertEquals(old, Files.getLastModifiedTime(cache.resolve(f)), f);
        try (var files = Files.list(cache)) {
            assertEquals(4, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void aDamagedCachedFileIsNotTrustedAndIsWrittenAgain() throws IOException {
        Path cache = dir.resolve("mnist");
        Mnist.loadBundled(cache);
        Path images = cache.resolve("train-images-idx3-ubyte");
        byte[] bytes = Files.readAllBytes(images);
        bytes[1000] ^= 0x40; // one pixel: still a valid IDX file, only its checksum tells
        Files.write(images, bytes);
        Files.write(cache.resolve("t10k-labels-idx1-ubyte"), new byte[]{0, 0, 8, 1, 0, 0, 0, 1, 3}); // a valid, foreign file
        assertEquals(Mnist.loadBundled(null).sha256(), Mnist.loadBundled(cache).sha256());
        assertEquals(Mnist.SHA256.get("train-images-idx3-ubyte"), Mnist.sha256(Files.readAllBytes(images)));
        assertEquals(Mnist.SHA256.get("t10k-labels-idx1-ubyte"), Mnist.sha256(Files.readAllBytes(cache.resolve("t10k-labels-idx1-ubyte"))));
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesLoadingAsWithoutIt() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "a file where the cache folder would go");
        assertEquals(Mnist.loadBundled(null).sha256(), Mnist.loadBundled(notAFolder.resolve("mnist")).sha256());
        assertEquals("a file where the cache folder would go", Files.readString(notAFolder));
    }

    @Test
    void theChecksumsOfALoadAreTheOriginalFilesAndTheBundledSetsHashesAreTheirContents() throws IOException {
        Path cache = dir.resolve("mnist");
        Mnist.TrainTest loaded = Mnist.loadBundled(cache);
        for (String f : Mnist.FILES) {
            byte[] bytes = Files.readAllBytes(cache.resolve(f));
            assertEquals(Mnist.SHA256.get(f), Mnist.sha256(bytes), f);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(bytes);
            assertEquals((int) crc.getValue(), Mnist.CRC32C.get(f), f + ": the CRC-32C a load checks is the original file's");
        }
        // the hashes a run records for the bundled sets are those of their contents (a renamed copy computes its own)
        assertEquals(loaded.train().withName("copy").sha256(), loaded.train().sha256());
        assertEquals(loaded.test().withName("copy").sha256(), loaded.test().sha256());
        assertEquals(Mnist.TRAIN_SHA256, loaded.train().withName("copy").sha256());
    }
}
