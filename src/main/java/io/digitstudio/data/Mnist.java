package io.digitstudio.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * MNIST-style data: the four IDX files {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte},
 * {@code t10k-images-idx3-ubyte} and {@code t10k-labels-idx1-ubyte}, raw or {@code .gz}. The original MNIST files ship
 * inside the jar and are checked against their published SHA-256 when loaded, so training works offline. Once a cache
 * folder is set ({@link #cacheIn}), the bundled files are decompressed there once and later mapped from it, checked
 * against the same SHA-256 at every load: gunzipping 55 MB costs more than reading and hashing them.
 */
public final class Mnist {
    static final String[] FILES = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"};

    /** SHA-256 of the raw (uncompressed) original files. */
    static final Map<String, String> SHA256 = Map.of(
            "train-images-idx3-ubyte", "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "train-labels-idx1-ubyte", "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "t10k-images-idx3-ubyte", "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "t10k-labels-idx1-ubyte", "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2");

    /**
     * CRC-32C of the same original files, the check of a cached copy at every load. The SHA-256 above is checked when a
     * copy is written (the bundled file, gunzipped); at a load the question is only whether the copy was damaged since,
     * and a CRC-32C answers it at memory speed from the first call (the JVM computes it with the CPU's own instruction
     * even before compiling anything), where SHA-256 runs as slow Java code until the JIT has compiled it.
     */
    static final Map<String, Integer> CRC32C = Map.of(
            "train-images-idx3-ubyte", 0xf09c5efc,
            "train-labels-idx1-ubyte", 0x469b0e4e,
            "t10k-images-idx3-ubyte", 0x355b09ab,
            "t10k-labels-idx1-ubyte", 0x402a70e0);

    /**
     * {@link LabeledImages#sha256()} of the bundled sets: fixed, since their files are checked to be the originals, and
     * known here so that a recorded run does not hash 55 million values to name the data it saw.
     */
    static final String TRAIN_SHA256 = "6121da6d0badc38661a4c99cb25f11afdc3d1807009abfe331b167b722fcc71b";
    static final String TEST_SHA256 = "4c8e59a07908fc61a78094c0a8bd7605fc1ede12d3cf6d1259680f377fbd55d4";

    private static final String RESOURCE_DIR = "/io/digitstudio/assets/mnist/";
    private static volatile TrainTest bundled;
    private static volatile Path cache;

    private Mnist() {
    }

    /** The source a run of the bundled MNIST records. */
    public static final String BUNDLED_SOURCE = "MNIST (bundled)";
    /**
     * The bundled MNIST's name, the data set a run of the app's default training data records; the user's digits added
     * or any other data record names of their own ("MNIST + my digits", "Fashion-MNIST", a folder's or a file's name).
     */
    public static final String NAME = "MNIST";

    /** A training and a test set, where they came from, the dataset's name and what its labels mean. */
    public record TrainTest(LabeledImages train, LabeledImages test, String source, String name, List<String> classNames) {
        public TrainTest {
            classNames = List.copyOf(classNames);
        }

        /** A SHA-256 over both sets' contents (see {@link LabeledImages#sha256()}). */
        public String sha256() {
            String both = train.sha256() + test.sha256();
            try {
                return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(both.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this Java", e);
            }
        }

        /** The same data with other (e.g. cut) sets. */
        public TrainTest with(LabeledImages train, LabeledImages test) {
            return new TrainTest(train, test, source, name, classNames);
        }
    }

    /** The bundled MNIST (loaded once, then shared: the datasets are immutable). */
    public static TrainTest bundled() {
        TrainTest t = bundled;
        if (t == null) {
            synchronized (Mnist.class) {
                if (bundled == null) bundled = loadBundled();
                t = bundled;
            }
        }
        return t;
    }

    /**
     * Where the bundled MNIST is kept decompressed (null: nowhere, it is gunzipped at every start). The folder is made
     * when first needed; if it cannot be written, loading works as without it.
     */
    public static void cacheIn(Path folder) {
        cache = folder;
    }

    private static TrainTest loadBundled() {
        return loadBundled(cache);
    }

    /** The bundled MNIST, through {@code cacheFolder} when it is not null. */
    static TrainTest loadBundled(Path cacheFolder) {
        IdxFile[] files = new IdxFile[4];
        for (int i = 0; i < 4; i++) {
            IdxFile cached = cacheFolder == null ? null : fromCache(cacheFolder.resolve(FILES[i]));
            if (cached != null) {
                files[i] = cached;
                continue;
            }
            byte[] raw = bundledRaw(FILES[i]);
            if (cacheFolder != null) writeCache(cacheFolder, FILES[i], raw);
            files[i] = IdxReader.read(java.nio.ByteBuffer.wrap(raw), FILES[i]);
        }
        TrainTest t = build(files, BUNDLED_SOURCE, NAME, ClassNames.numbers(10));
        t.train().knowSha256(TRAIN_SHA256);
        t.test().knowSha256(TEST_SHA256);
        return t;
    }

    /** A bundled file, decompressed and checked against its published SHA-256. */
    private static byte[] bundledRaw(String file) {
        String name = file + ".gz";
        try (InputStream in = Mnist.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) throw new DataException("bundled MNIST is missing " + name + " (a broken build?)");
            byte[] raw = gunzip(in.readAllBytes(), name);
            String sha = sha256(raw);
            if (!sha.equals(SHA256.get(file))) {
                throw new DataException("bundled " + file + " has SHA-256 " + sha + ", expected " + SHA256.get(file));
            }
            return raw;
        } catch (IOException e) {
            throw new DataException("cannot read bundled " + name + ": " + e.getMessage(), e);
        }
    }

    /** The cached copy of a bundled file, mapped and read when its CRC-32C is the original's; else null. */
    private static IdxFile fromCache(Path file) {
        String base = file.getFileName().toString();
        if (!Files.isRegularFile(file)) return null;
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.READ)) {
            java.nio.MappedByteBuffer map = ch.map(java.nio.channels.FileChannel.MapMode.READ_ONLY, 0, ch.size());
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(map.duplicate());
            Integer expected = CRC32C.get(base);
            if (expected == null || (int) crc.getValue() != expected) return null; // damaged or foreign: written again
            return IdxReader.read(map, base);
        } catch (IOException | DataException e) {
            return null;
        }
    }

    /** Writes a decompressed file into the cache atomically; a cache that cannot be written is left as it is. */
    private static void writeCache(Path folder, String file, byte[] raw) {
        Path tmp = null;
        try {
            Files.createDirectories(folder);
            tmp = Files.createTempFile(folder, file, ".part");
            Files.write(tmp, raw);
            Files.move(tmp, folder.resolve(file), java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray .part file in a cache folder harms nothing
                }
            }
        }
    }

    /**
     * The bundled MNIST when {@code folder} is null; else Kaggle's CSV when it is a {@code .csv} file, a folder of
     * pictures with one subfolder per class ({@link ImageFolder}), or the IDX files in that folder.
     */
    public static TrainTest load(Path folder) {
        if (folder == null) return bundled();
        if (KaggleCsv.isCsv(folder)) return KaggleCsv.trainTest(folder);
        if (ImageFolder.isImageFolder(folder)) return ImageFolder.load(folder);
        requireDataFolder(folder);
        return fromDirectory(folder);
    }

    /**
     * Refuses, in one line that says what a data folder holds, a folder that holds none of the IDX files and is not a
     * folder of class subfolders (a home folder, /tmp): read as either it would give a misleading error or hundreds of
     * "classes". A file that is no Kaggle CSV (a picture given as --data) is told the same accepted forms.
     */
    static void requireDataFolder(Path folder) {
        if (Files.isRegularFile(folder)) {
            throw new DataException(folder + ": not a data folder (a file, and not a Kaggle CSV file, whose name ends in .csv)" + ACCEPTED);
        }
        if (!Files.isDirectory(folder)) return;
        for (String f : FILES) if (has(folder, f)) return;
        throw new DataException(folder + ": not a data folder (no IDX files; " + ImageFolder.subfolderCount(folder) + ")" + ACCEPTED);
    }

    /** The forms data is accepted in, as every refusal of a path that is none of them ends. */
    private static final String ACCEPTED = "; a data folder holds MNIST's IDX files (" + FILES[0] + ", " + FILES[1] + ", " + FILES[2] + ", " + FILES[3]
            + ", or .gz), or one subfolder of pictures per class (DIR/CLASS/*.png, or DIR/train/CLASS and DIR/test/CLASS); or give a Kaggle CSV file";

    /** Loads the four files from a folder, e.g. Debian's Fashion-MNIST at /usr/share/datasets/fashion-mnist. */
    public static TrainTest fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new DataException(dir + ": not a folder");
        IdxFile[] files = new IdxFile[4];
        for (int i = 0; i < 4; i++) files[i] = IdxReader.read(find(dir, FILES[i]));
        Path abs = dir.toAbsolutePath().normalize();
        TrainTest t = build(files, abs.toString(), abs.getFileName() == null ? abs.toString() : abs.getFileName().toString(), List.of());
        int classes = ClassNames.count(t.train(), t.test());
        List<String> names = ClassNames.fromFolder(dir, classes);
        String name = t.name();
        if (names == null && classes <= 10 && ClassNames.FASHION_TEST_LABELS_SHA256.equals(sha256(labelBytes(t.test())))) {
            names = ClassNames.FASHION;
            name = "Fashion-MNIST";
        }
        if (names == null) names = ClassNames.numbers(classes);
        // the class count is the names' (a names file may name classes no example has), read from the data, not assumed
        return new TrainTest(t.train().withClasses(names.size()), t.test().withClasses(names.size()), t.source(), name, names);
    }

    /** A test set alone, where it came from, the dataset's name and what its labels mean (evaluating needs no more). */
    public record TestSet(LabeledImages test, String source, String name, List<String> classNames) {
        public TestSet {
            classNames = List.copyOf(classNames);
        }
    }

    /** The bundled MNIST's test set when {@code folder} is null, else the folder's test files (the training files may be absent). */
    public static TestSet loadTest(Path folder) {
        if (folder == null) {
            TrainTest b = bundled();
            return new TestSet(b.test(), b.source(), b.name(), b.classNames());
        }
        if (KaggleCsv.isCsv(folder) || ImageFolder.isImageFolder(folder)) {
            // a CSV's or a picture folder's test set is part of what load reads (a held-out split, or test/)
            TrainTest t = load(folder);
            return new TestSet(t.test(), t.source(), t.name(), t.classNames());
        }
        requireDataFolder(folder);
        return testFromDirectory(folder);
    }

    /**
     * The two test files of a folder. A folder with all four files reads as {@link #fromDirectory} reads it (the same
     * class count and names); one with only the test files takes its class count from the test labels.
     */
    public static TestSet testFromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new DataException(dir + ": not a folder");
        if (has(dir, FILES[0]) && has(dir, FILES[1])) {
            TrainTest t = fromDirectory(dir);
            return new TestSet(t.test(), t.source(), t.name(), t.classNames());
        }
        Path images = findTest(dir, FILES[2]);
        Path labels = findTest(dir, FILES[3]);
        LabeledImages test = LabeledImages.of("test", IdxReader.read(images), IdxReader.read(labels), FILES[2], FILES[3]);
        Path abs = dir.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
        int classes = ClassNames.count(test);
        List<String> names = ClassNames.fromFolder(dir, classes);
        if (names == null && classes <= 10 && ClassNames.FASHION_TEST_LABELS_SHA256.equals(sha256(labelBytes(test)))) {
            names = ClassNames.FASHION;
            name = "Fashion-MNIST";
        }
        if (names == null) names = ClassNames.numbers(classes);
        return new TestSet(test.withClasses(names.size()), abs.toString(), name, names);
    }

    private static boolean has(Path dir, String base) {
        String dotted = base.replace("-idx", ".idx");
        return List.of(base, base + ".gz", dotted, dotted + ".gz").stream().anyMatch(n -> Files.isRegularFile(dir.resolve(n)));
    }

    private static Path findTest(Path dir, String base) {
        if (!has(dir, base)) {
            throw new DataException(dir + ": missing " + base + " (or " + base + ".gz); evaluating needs the two test files, "
                    + FILES[2] + " and " + FILES[3]);
        }
        return find(dir, base);
    }

    private static Path find(Path dir, String base) {
        // Some copies use a dot instead of the last dash (train-images.idx3-ubyte).
        String dotted = base.replace("-idx", ".idx");
        for (String name : List.of(base, base + ".gz", dotted, dotted + ".gz")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) return p;
        }
        throw new DataException(dir + ": missing " + base + " (or " + base + ".gz); a dataset folder needs the four MNIST IDX files");
    }

    /** The labels as the raw IDX file holds them (header and bytes), to recognise a known dataset by its checksum. */
    private static byte[] labelBytes(LabeledImages set) {
        byte[] out = new byte[8 + set.size()];
        java.nio.ByteBuffer.wrap(out).putInt(0x00000801).putInt(set.size());
        for (int i = 0; i < set.size(); i++) out[8 + i] = (byte) set.label(i);
        return out;
    }

    private static TrainTest build(IdxFile[] f, String source, String name, List<String> classNames) {
        LabeledImages train = LabeledImages.of("train", f[0], f[1], FILES[0], FILES[1]);
        LabeledImages test = LabeledImages.of("test", f[2], f[3], FILES[2], FILES[3]);
        if (train.rows() != test.rows() || train.cols() != test.cols()) {
            throw new DataException("training images are " + train.rows() + "x" + train.cols() + " but test images are " + test.rows() + "x" + test.cols());
        }
        return new TrainTest(train, test, source, name, classNames);
    }

    private static byte[] gunzip(byte[] gz, String name) throws IOException {
        try (InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(gz.length * 5);
            in.transferTo(out);
            return out.toByteArray();
        } catch (java.util.zip.ZipException e) {
            throw new DataException(IdxReader.damagedGzip(name), e);
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
