package io.digitstudio.data;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * A folder of pictures with one subfolder per class, as Keras' {@code image_dataset_from_directory} and torchvision's
 * {@code ImageFolder} read them: {@code DIR/train/CLASS/*.png} and {@code DIR/test/CLASS/*.png}, or {@code DIR/CLASS/*}
 * split with a fixed seed (one in seven for the test set). Class names are the folder names in sorted order, so a
 * folder of letters trains a letter classifier. Each picture is prepared as a photo is ({@link PicturePreparation#standard()}: ink
 * found, cropped, centred by mass in 28x28) once; the prepared bytes are cached under the user's cache folder, keyed by
 * every file's path, size and time, so the next run reads one file. Only one class folder's file names are held at a
 * time, and pictures become 784 bytes each as they are read. A picture in which the photo path finds no ink is left
 * out, and the data's source says which; a file that is not a picture stops the load with its name.
 */
public final class ImageFolder {
    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff", "webp");
    private static final int SIDE = PicturePreparation.SIDE;
    private static final int D = SIDE * SIDE;
    private static final int CACHE_MAGIC = 0x44534932; // "DSI2"

    private ImageFolder() {
    }

    /**
     * True when {@code dir} holds class subfolders (directly, or under train/ and test/) rather than IDX files: at least
     * one subfolder holds pictures, and those that do are not outnumbered by those that do not (a home or a temporary
     * folder has subfolders too, few of them pictures of one class each).
     */
    public static boolean isImageFolder(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) if (p.getFileName().toString().contains("-ubyte")) return false;
        } catch (IOException e) {
            return false;
        }
        try {
            Layout l = layout(isSplit(dir) ? dir.resolve("train") : dir);
            return !l.classes().isEmpty() && l.classes().size() >= l.others().size();
        } catch (DataException e) {
            return false;
        }
    }

    /** How many of a folder's subfolders hold pictures, for saying why it is not a data folder. */
    public static String subfolderCount(Path dir) {
        try {
            Layout l = layout(dir);
            int all = l.classes().size() + l.others().size();
            if (all == 0) return "no subfolders";
            int with = l.classes().size();
            return (with == 0 ? "none" : String.valueOf(with)) + " of its " + all + " subfolder" + (all == 1 ? "" : "s") + (with == 0 || with == 1 ? " holds" : " hold")
                    + " pictures";
        } catch (DataException e) {
            return "subfolders that cannot be listed";
        }
    }

    private static boolean isSplit(Path dir) {
        return Files.isDirectory(dir.resolve("train")) && Files.isDirectory(dir.resolve("test"));
    }

    /** A folder's subfolders: those that hold pictures (the classes) and the others, each sorted; hidden ones are neither. */
    record Layout(List<String> classes, List<String> others) {
    }

    static Layout layout(Path dir) {
        List<String> classes = new ArrayList<>();
        List<String> others = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.startsWith(".")) continue;
                (holdsPictures(p) ? classes : others).add(n);
            }
        } catch (IOException e) {
            throw new DataException(dir + ": cannot list: " + e.getMessage(), e);
        }
        classes.sort(null);
        others.sort(null);
        return new Layout(classes, others);
    }

    /** Whether a folder holds at least one picture file directly (it stops at the first one, so a large class costs one look). */
    private static boolean holdsPictures(Path folder) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder)) {
            for (Path p : s) if (isPictureName(p.getFileName().toString()) && Files.isRegularFile(p)) return true;
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isPictureName(String n) {
        int dot = n.lastIndexOf('.');
        return !n.startsWith(".") && dot > 0 && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The training and test sets the folder holds. */
    public static Mnist.TrainTest load(Path dir) {
        return load(dir, cacheFolder());
    }

    static Mnist.TrainTest load(Path dir, Path cache) {
        Path abs = dir.toAbsolutePath().normalize();
        Path train = abs.resolve("train"), test = abs.resolve("test");
        boolean split = isSplit(abs);
        List<String> classes = classes(split ? train : abs);
        List<String> passedOver = new ArrayList<>(layout(split ? train : abs).others().stream().map(o -> (split ? "train/" : "") + o + "/").toList());
        if (split) layout(test).others().forEach(o -> passedOver.add("test/" + o + "/"));
        Set<String> testClasses = split ? Set.copyOf(classes(test)) : Set.of();
        if (split && !testClasses.equals(Set.copyOf(classes))) {
            throw new DataException(abs + ": train/ has the classes " + classes + " but test/ has " + classes(test) + "; they must be the same");
        }
        String name = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
        if (split) {
            Prepared tr = prepared(train, classes, cache);
            Prepared te = prepared(test, classes, cache);
            List<String> blank = new ArrayList<>(tr.blank().stream().map(b -> "train/" + b).toList());
            te.blank().forEach(b -> blank.add("test/" + b));
            return new Mnist.TrainTest(tr.images("train", classes.size()), te.images("test", classes.size()), source(abs, blank, passedOver), name, classes);
        }
        Prepared all = prepared(abs, classes, cache);
        int n = all.labels.length;
        if (n < 2) throw new DataException(abs + ": " + n + " picture; a training and a test set need at least 2");
        int[] order = IntStream.range(0, n).toArray();
        Rng rng = new Rng(KaggleCsv.SPLIT_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int s = order[i];
            order[i] = order[j];
            order[j] = s;
        }
        int testCount = Math.max(1, n / KaggleCsv.TEST_ONE_IN);
        return new Mnist.TrainTest(all.subset("train", order, testCount, n, classes.size()), all.subset("test", order, 0, testCount, classes.size()),
                source(abs, all.blank(), passedOver), name, classes);
    }

    /**
     * Where the data came from, saying which blank pictures were left out and which subfolders without pictures were
     * passed over (so it shows wherever the source does).
     */
    private static String source(Path abs, List<String> blank, List<String> passedOver) {
        List<String> notes = new ArrayList<>();
        if (!blank.isEmpty()) {
            notes.add(blank.size() + " blank picture" + (blank.size() == 1 ? "" : "s") + " left out: "
                    + String.join(", ", blank.subList(0, Math.min(3, blank.size()))) + (blank.size() > 3 ? ", ..." : ""));
        }
        if (!passedOver.isEmpty()) {
            notes.add(passedOver.size() + " folder" + (passedOver.size() == 1 ? "" : "s") + " without pictures passed over: "
                    + String.join(", ", passedOver.subList(0, Math.min(3, passedOver.size()))) + (passedOver.size() > 3 ? ", ..." : ""));
        }
        return notes.isEmpty() ? abs.toString() : abs + " (" + String.join("; ", notes) + ")";
    }

    /**
     * The class subfolders' names (the subfolders that hold pictures), sorted as torchvision sorts them; a folder with
     * fewer than two is refused.
     */
    static List<String> classes(Path dir) {
        List<String> names = layout(dir).classes();
        if (names.size() < 2) throw new DataException(dir + ": " + names.size() + " class folder" + (names.size() == 1 ? "" : "s") + "; a classifier needs at least 2 (one subfolder per class)");
        if (names.size() > 255) throw new DataException(dir + ": " + names.size() + " class folders; DigitStudio handles up to 255 classes");
        for (String n : names) if (n.contains("\n")) throw new DataException(dir + ": a class folder's name has a line break");
        return names;
    }

    /** Prepared pixels (784 bytes a picture) and labels, in class order and file-name order within a class. */
    private record Prepared(byte[] pixels, byte[] labels, List<String> blank) {
        LabeledImages images(String name, int classes) {
            return new LabeledImages(name, pixels, labels, labels.length, SIDE, SIDE).withClasses(classes);
        }

        LabeledImages subset(String name, int[] order, int from, int to, int classes) {
            int[] idx = java.util.Arrays.copyOfRange(order, from, to);
            java.util.Arrays.sort(idx);
            byte[] px = new byte[idx.length * D];
            byte[] lab = new byte[idx.length];
            for (int i = 0; i < idx.length; i++) {
                System.arraycopy(pixels, idx[i] * D, px, i * D, D);
                lab[i] = labels[idx[i]];
            }
            return new LabeledImages(name, px, lab, idx.length, SIDE, SIDE).withClasses(classes);
        }
    }

    private static List<Path> pictures(Path classDir) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(classDir)) {
            for (Path p : s) {
                if (isPictureName(p.getFileName().toString()) && Files.isRegularFile(p)) files.add(p);
            }
        } catch (IOException e) {
            throw new DataException(classDir + ": cannot list: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    private static Prepared prepared(Path root, List<String> classes, Path cache) {
        // the key: every picture's name, size and time, class by class (one class's names in memory at a time)
        MessageDigest md = sha256();
        int total = 0;
        for (String c : classes) {
            List<Path> files = pictures(root.resolve(c));
            if (files.isEmpty()) throw new DataException(root.resolve(c) + ": class '" + c + "' has no pictures (" + ImageFiles.FORMATS + ")");
            md.update((c + "\n").getBytes(StandardCharsets.UTF_8));
            for (Path f : files) {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    md.update((f.getFileName() + "\t" + a.size() + "\t" + a.lastModifiedTime().toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new DataException(f + ": cannot read: " + e.getMessage(), e);
                }
            }
            total += files.size();
        }
        md.update(root.toString().getBytes(StandardCharsets.UTF_8));
        String key = HexFormat.of().formatHex(md.digest());
        Path cached = cache == null ? null : cache.resolve(key + ".bin");
        if (cached != null) {
            Prepared p = readCache(cached, total);
            if (p != null) return p;
        }
        PicturePreparation prep = PicturePreparation.standard();
        ByteArrayOutputStream px = new ByteArrayOutputStream(total * D);
        ByteArrayOutputStream labels = new ByteArrayOutputStream(total);
        int seen = 0;
        List<String> blank = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            List<Path> files = pictures(root.resolve(classes.get(c)));
            byte[] block = new byte[files.size() * D];
            boolean[] empty = new boolean[files.size()];
            IntStream.range(0, files.size()).parallel().forEach(i -> {
                RgbImage img = ImageFiles.readRgb(files.get(i)); // an unreadable file stops the load with its name
                float[] x;
                try {
                    x = prep.toMnist(img);
                } catch (DataException e) {
                    empty[i] = true; // no ink the photo path can find: a blank picture teaches nothing
                    return;
                }
                for (int j = 0; j < D; j++) block[i * D + j] = (byte) Math.round(Math.min(1f, Math.max(0f, x[j])) * 255f);
            });
            for (int i = 0; i < files.size(); i++) {
                if (empty[i]) {
                    blank.add(root.relativize(files.get(i)).toString());
                    continue;
                }
                px.write(block, i * D, D);
                labels.write(c);
            }
            seen += files.size();
        }
        if (seen != total) throw new DataException(root + ": the pictures changed while they were read; try again");
        if (labels.size() == 0) throw new DataException(root + ": no picture has a digit the photo path can find (all are blank)");
        Prepared p = new Prepared(px.toByteArray(), labels.toByteArray(), List.copyOf(blank));
        if (cached != null) writeCache(cached, p);
        return p;
    }

    private static Prepared readCache(Path f, int total) {
        if (!Files.isRegularFile(f)) return null;
        try (InputStream raw = Files.newInputStream(f); DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw))) {
            if (in.readInt() != CACHE_MAGIC || in.readInt() != total) return null;
            int kept = in.readInt();
            if (kept < 1 || kept > total) return null;
            List<String> blank = new ArrayList<>();
            for (int i = kept; i < total; i++) blank.add(in.readUTF());
            byte[] labels = in.readNBytes(kept);
            byte[] pixels = in.readNBytes(kept * D);
            if (labels.length != kept || pixels.length != kept * D || in.read() != -1) return null;
            return new Prepared(pixels, labels, List.copyOf(blank));
        } catch (IOException e) {
            return null; // a damaged cache is made again
        }
    }

    private static void writeCache(Path f, Prepared p) {
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".cache", ".tmp");
            try (OutputStream raw = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(raw))) {
                out.writeInt(CACHE_MAGIC);
                out.writeInt(p.labels.length + p.blank.size());
                out.writeInt(p.labels.length);
                for (String b : p.blank) out.writeUTF(b);
                out.write(p.labels);
                out.write(p.pixels);
            }
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // without a cache the pictures are prepared again next time; nothing is lost
        }
    }

    /** {@code $XDG_CACHE_HOME/digitstudio/image-folders} (or {@code ~/.cache/...}); null to prepare every time. */
    static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("digitstudio").resolve("image-folders");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
