package io.digitstudio.mydigits;

import io.digitstudio.data.ImageFiles;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.PenStroke;
import io.digitstudio.data.PicturePreparation;
import io.digitstudio.io.AtomicFiles;
import io.digitstudio.io.IdxWriter;
import io.digitstudio.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The user's collection of digits in a folder: {@code collection.json} is the record (every digit's label, 28x28 grey
 * levels, strokes, origin, time), written atomically at every change; the four MNIST IDX files beside it
 * ({@code train-*} and {@code t10k-*}, both holding every digit) are derived from it after each change, so
 * {@code --data FOLDER}, {@code eval} and the Samples view read the collection like any dataset. A collection file
 * that cannot be read is refused with the reason, and nothing is written over it.
 */
public final class MyDigits {
    /** The environment variable that moves the collection (tests set it). */
    public static final String ENV = "DIGITSTUDIO_MYDIGITS";
    static final String FILE = "collection.json";
    /** Most digits one collection holds (about 60 MB of JSON): an import past it is refused. */
    public static final int MAX = 50_000;

    private final Path folder;

    public MyDigits(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
    }

    /** {@code $DIGITSTUDIO_MYDIGITS}, else {@code $XDG_DATA_HOME/digitstudio/mydigits} (~/.local/share/digitstudio/mydigits). */
    public static Path defaultFolder() {
        return io.digitstudio.io.UserFolders.data(System.getenv(), ENV, "mydigits");
    }

    public Path folder() {
        return folder;
    }

    /** The digits, oldest first (empty when there is no collection yet). */
    public synchronized List<MyDigit> list() {
        Path f = folder.resolve(FILE);
        if (!Files.exists(f)) return List.of();
        try {
            Object doc = Json.parse(Json.readText(f));
            if (!(doc instanceof Map<?, ?> m) || !(m.get("digits") instanceof List<?> items)) throw new IllegalArgumentException("no list of digits");
            List<MyDigit> out = new ArrayList<>();
            for (Object o : items) out.add(fromJson(o));
            return out;
        } catch (IOException | RuntimeException e) {
            throw new MyDigitsException(f + " is damaged (" + e.getMessage() + "); it was left as it is and nothing was changed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static MyDigit fromJson(Object o) {
        if (!(o instanceof Map<?, ?> raw)) throw new IllegalArgumentException("a digit is not an object");
        Map<String, Object> m = (Map<String, Object>) raw;
        byte[] pixels = Base64.getDecoder().decode((String) m.get("pixels"));
        List<PenStroke> strokes = new ArrayList<>();
        if (m.get("strokes") instanceof List<?> ss) {
            for (Object so : ss) {
                Map<String, Object> sm = (Map<String, Object>) so;
                List<double[]> pts = new ArrayList<>();
                List<Object> flat = (List<Object>) sm.get("points");
                for (int i = 0; i + 1 < flat.size(); i += 2) pts.add(new double[]{(Double) flat.get(i), (Double) flat.get(i + 1)});
                strokes.add(new PenStroke(pts, (Double) sm.get("width")));
            }
        }
        return new MyDigit((String) m.get("id"), ((Double) m.get("label")).intValue(), pixels, strokes, (String) m.get("origin"),
                Instant.parse((String) m.get("added")));
    }

    private static Map<String, Object> toJson(MyDigit d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("label", d.label());
        m.put("origin", d.origin());
        m.put("added", d.added().toString());
        m.put("pixels", Base64.getEncoder().encodeToString(d.pixels()));
        List<Object> strokes = new ArrayList<>();
        for (PenStroke s : d.strokes()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("width", s.width());
            List<Object> flat = new ArrayList<>();
            for (double[] p : s.points()) {
                flat.add(Math.round(p[0] * 10) / 10.0);
                flat.add(Math.round(p[1] * 10) / 10.0);
            }
            sm.put("points", flat);
            strokes.add(sm);
        }
        m.put("strokes", strokes);
        return m;
    }

    /** Writes the record, then the IDX files derived from it. */
    private void save(List<MyDigit> digits) {
        if (digits.size() > MAX) throw new MyDigitsException("a collection holds at most " + MAX + " digits; this would make " + digits.size());
        try {
            Files.createDirectories(folder);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("format", 1);
            List<Object> items = new ArrayList<>();
            for (MyDigit d : digits) items.add(toJson(d));
            doc.put("digits", items);
            byte[] bytes = Json.write(doc).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(folder.resolve(FILE), out -> out.write(bytes));
            byte[] pixels = new byte[digits.size() * MyDigit.SIDE * MyDigit.SIDE];
            byte[] labels = new byte[digits.size()];
            for (int i = 0; i < digits.size(); i++) {
                System.arraycopy(digits.get(i).pixels(), 0, pixels, i * MyDigit.SIDE * MyDigit.SIDE, MyDigit.SIDE * MyDigit.SIDE);
                labels[i] = (byte) digits.get(i).label();
            }
            for (String set : List.of("train", "t10k")) {
                IdxWriter.images(folder.resolve(set + "-images-idx3-ubyte"), pixels, digits.size(), MyDigit.SIDE, MyDigit.SIDE);
                IdxWriter.labels(folder.resolve(set + "-labels-idx1-ubyte"), labels);
            }
        } catch (IOException e) {
            throw new MyDigitsException("cannot save the collection in " + folder + ": " + e.getMessage() + "; it is as it was", e);
        }
    }

    /** Adds a digit (its 28x28 input, label, strokes and origin) and returns it. */
    public synchronized MyDigit add(float[] input, int label, List<PenStroke> strokes, String origin) {
        return add(input, label, strokes, origin, null);
    }

    /**
     * Adds a digit; an image file it came from ({@code source}, may be null) is kept beside the collection
     * ({@code originals/ID.EXT}, up to {@value #MAX_ORIGINAL} bytes) so the digit can be prepared again from it.
     */
    public synchronized MyDigit add(float[] input, int label, List<PenStroke> strokes, String origin, Path source) {
        MyDigit d = new MyDigit(UUID.randomUUID().toString().substring(0, 8), label, MyDigit.pixelsOf(input), strokes, origin, Instant.now());
        List<MyDigit> all = new ArrayList<>(list());
        MyDigit same = sameAs(all, d.pixels());
        if (same != null) throw new Duplicate(same);
        keepOriginal(d, source);
        all.add(d);
        save(all);
        return d;
    }

    /**
     * The collection already holds a digit with the same 28x28 grey levels (the same drawing kept twice, the same file
     * imported again): it is not added a second time.
     */
    public static final class Duplicate extends MyDigitsException {
        private final MyDigit existing;

        public Duplicate(MyDigit existing) {
            super("already in My digits as " + existing.label() + " (the same " + (existing.strokes().isEmpty() ? "picture" : "drawing") + ")");
            this.existing = existing;
        }

        /** The digit that is already there. */
        public MyDigit existing() {
            return existing;
        }
    }

    /** The digit among {@code digits} with exactly these grey levels, or null. */
    static MyDigit sameAs(List<MyDigit> digits, byte[] pixels) {
        for (MyDigit d : digits) if (java.util.Arrays.equals(d.pixels(), pixels)) return d;
        return null;
    }

    /** Largest original image kept with a digit (a phone photo is larger: then only its 28x28 is kept). */
    public static final long MAX_ORIGINAL = 4_000_000;
    static final String ORIGINALS = "originals";

    private void keepOriginal(MyDigit d, Path source) {
        if (source == null) return;
        try {
            if (!Files.isRegularFile(source) || Files.size(source) > MAX_ORIGINAL) return;
            String name = source.getFileName().toString();
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')).toLowerCase(Locale.ROOT) : "";
            Path dir = Files.createDirectories(folder.resolve(ORIGINALS));
            byte[] bytes = Files.readAllBytes(source);
            AtomicFiles.write(dir.resolve(d.id() + ext), out -> out.write(bytes));
        } catch (IOException e) {
            // the digit itself is kept; only its source image is not
        }
    }

    /** The image file a digit was made from, if it was kept. */
    public java.util.Optional<Path> original(MyDigit d) {
        Path dir = folder.resolve(ORIGINALS);
        if (!Files.isDirectory(dir)) return java.util.Optional.empty();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(d.id() + ".") || p.getFileName().toString().equals(d.id())).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Puts digits back (an undo), where they were by time. */
    public synchronized void restore(List<MyDigit> digits) {
        List<MyDigit> all = new ArrayList<>(list());
        for (MyDigit d : digits) if (all.stream().noneMatch(x -> x.id().equals(d.id()))) all.add(d);
        all.sort((a, b) -> a.added().compareTo(b.added()));
        save(all);
    }

    public synchronized void relabel(String id, int label) {
        List<MyDigit> all = new ArrayList<>(list());
        boolean found = false;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                all.set(i, all.get(i).withLabel(label));
                found = true;
            }
        }
        if (!found) throw new MyDigitsException("no digit " + id + " in the collection");
        save(all);
    }

    /** Removes digits and returns them (for an undo). */
    public synchronized List<MyDigit> delete(List<String> ids) {
        List<MyDigit> all = new ArrayList<>(list());
        List<MyDigit> gone = all.stream().filter(d -> ids.contains(d.id())).toList();
        all.removeAll(gone);
        save(all);
        return gone;
    }

    /** Counts by label. */
    public static Map<Integer, Integer> counts(List<MyDigit> digits) {
        Map<Integer, Integer> c = new java.util.TreeMap<>();
        for (MyDigit d : digits) c.merge(d.label(), 1, Integer::sum);
        return c;
    }

    /** The collection as a dataset (classes at least 10, as MNIST's). */
    public static LabeledImages dataset(List<MyDigit> digits, String name) {
        if (digits.isEmpty()) throw new MyDigitsException("the collection is empty");
        byte[] pixels = new byte[digits.size() * MyDigit.SIDE * MyDigit.SIDE];
        byte[] labels = new byte[digits.size()];
        int max = 9;
        for (int i = 0; i < digits.size(); i++) {
            System.arraycopy(digits.get(i).pixels(), 0, pixels, i * MyDigit.SIDE * MyDigit.SIDE, MyDigit.SIDE * MyDigit.SIDE);
            labels[i] = (byte) digits.get(i).label();
            max = Math.max(max, digits.get(i).label());
        }
        return new LabeledImages(name, pixels, labels, digits.size(), MyDigit.SIDE, MyDigit.SIDE).withClasses(max + 1);
    }

    /**
     * Imports image files labelled by name ({@code 7.png}, {@code 7_me.png}, {@code 7-2.jpg}) or by folder
     * ({@code 7/anything.png}), prepared as the Draw view's "Open image…" prepares them; returns how many were added and
     * the files skipped with why.
     */
    public synchronized ImportResult importFolder(Path dir) {
        if (!Files.isDirectory(dir)) throw new MyDigitsException(dir + " is not a folder");
        List<MyDigit> added = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir, 2)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new MyDigitsException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        List<String> ignored = new ArrayList<>();
        List<MyDigit> known = new ArrayList<>(list());
        int alreadyKept = 0;
        for (Path f : files) {
            // named by its path in the folder given ("7/a.png"), so two a.png in different folders are told apart
            String named = dir.relativize(f).toString();
            if (!ImageFiles.isImageName(f)) {
                ignored.add(named + ": not an image (" + ImageFiles.FORMATS + ")");
                continue;
            }
            Integer label = labelOf(dir, f);
            if (label == null) {
                skipped.add(named + ": " + whyNoLabel(f));
                continue;
            }
            try {
                PicturePreparation.Prepared prepared = PicturePreparation.standard().prepare(ImageFiles.readRgb(f));
                if (prepared.digits() > 1) {
                    skipped.add(named + ": " + severalDigits(prepared.digits()));
                    continue;
                }
                float[] x = prepared.input();
                MyDigit d = new MyDigit(UUID.randomUUID().toString().substring(0, 8), label, MyDigit.pixelsOf(x), List.of(), "image " + f.getFileName(), Instant.now());
                MyDigit same = sameAs(known, d.pixels());
                if (same != null) {
                    skipped.add(named + ": already in My digits as " + same.label());
                    alreadyKept++;
                    continue;
                }
                keepOriginal(d, f);
                added.add(d);
                known.add(d);
            } catch (RuntimeException e) {
                String m = String.valueOf(e.getMessage());
                String name = f.getFileName() + ":";
                skipped.add(named + ": " + (m.startsWith(name) ? m.substring(name.length()).strip() : m));
            }
        }
        if (!added.isEmpty()) save(known);
        return new ImportResult(added.size(), skipped, ignored, alreadyKept);
    }

    /**
     * What an import did: how many digits it added, the pictures it did not take (each with why; {@code alreadyKept} of
     * them because the collection holds them already), and the other files it passed over (each with why).
     */
    public record ImportResult(int added, List<String> skipped, List<String> ignored, int alreadyKept) {
        /** Pictures left out for a reason the user must fix (not those already kept). */
        public int leftOut() {
            return skipped.size() - alreadyKept;
        }

        /** "added 2 digits from F; 3 already in My digits; skipped 1" ({@code from}: the folder as the user named it). */
        public String summary(String from) {
            return MyDigits.summary(added, from, alreadyKept, leftOut());
        }
    }

    /** What a zip's import did: the digits it added, and those the collection held already (not added twice). */
    public record ZipImport(int added, int alreadyKept) {
        /** "added 0 digits from F.zip; 60 already in My digits", worded as a folder's import. */
        public String summary(String from) {
            return MyDigits.summary(added, from, alreadyKept, 0);
        }
    }

    /** Why a picture of a whole number is not taken as one digit (the Draw view's Keep refuses it too). */
    static String severalDigits(int digits) {
        return "it holds " + digits + " digits, not one (a picture holds one digit: cut the number into one picture per digit)";
    }

    /**
     * What an import did, in one line the command line and the app share: "added 2 digits from F", then how many the
     * collection held already ("; 3 already in My digits": why fewer were added) and how many were left out for a
     * reason to fix ("; skipped 1").
     */
    static String summary(int added, String from, int alreadyKept, int leftOut) {
        return "added " + added + (added == 1 ? " digit" : " digits") + " from " + from
                + (alreadyKept == 0 ? "" : "; " + alreadyKept + " already in My digits")
                + (leftOut == 0 ? "" : "; skipped " + leftOut);
    }

    /** Why a picture's name and folder give no label, in words that say how to name it. */
    static String whyNoLabel(Path f) {
        String stem = f.getFileName().toString().replaceFirst("\\.[^.]*$", "");
        String how = "name it 7.png or 7_x.png, or put it in a folder named 7";
        if (stem.matches("\\d{2,}([._-].*)?")) {
            return "its name starts with the number " + stem.replaceFirst("^(\\d+).*", "$1") + ", not one digit (a picture holds one digit: " + how + ")";
        }
        return "no label (" + how + ")";
    }

    static Integer labelOf(Path root, Path f) {
        String name = f.getFileName().toString();
        if (name.matches("\\d[._-].*")) return name.charAt(0) - '0';
        Path parent = f.getParent();
        if (parent != null && !parent.equals(root) && parent.getFileName().toString().matches("\\d")) return parent.getFileName().toString().charAt(0) - '0';
        return null;
    }

    /** Writes the collection (its record and IDX files) as a zip, atomically. */
    public synchronized void exportZip(Path zip) {
        List<MyDigit> all = list();
        if (all.isEmpty()) throw new MyDigitsException("the collection is empty: nothing to export");
        try {
            AtomicFiles.write(zip, out -> {
                java.util.zip.ZipOutputStream z = new java.util.zip.ZipOutputStream(out);
                for (String f : List.of(FILE, "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")) {
                    z.putNextEntry(new java.util.zip.ZipEntry("mydigits/" + f));
                    Files.copy(folder.resolve(f), z);
                    z.closeEntry();
                }
                for (MyDigit d : all) {
                    java.util.Optional<Path> o = original(d);
                    if (o.isEmpty()) continue;
                    z.putNextEntry(new java.util.zip.ZipEntry("mydigits/" + ORIGINALS + "/" + o.get().getFileName()));
                    Files.copy(o.get(), z);
                    z.closeEntry();
                }
                z.finish();
            });
        } catch (IOException e) {
            throw new MyDigitsException("cannot export to " + zip + ": " + e.getMessage(), e);
        }
    }

    /** Adds the digits of a zip made by {@link #exportZip} (digits already here, by id, are not added twice). */
    public synchronized ZipImport importZip(Path zip) {
        String json = null;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            var e = z.getEntry("mydigits/" + FILE);
            if (e == null) throw new MyDigitsException(zip + " is not an export of a collection (no mydigits/" + FILE + ")");
            if (e.getSize() > 200_000_000L) throw new MyDigitsException(zip + ": its collection is too large");
            json = new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new MyDigitsException("cannot read " + zip + ": " + ex.getMessage(), ex);
        }
        List<MyDigit> theirs = new ArrayList<>();
        try {
            Object doc = Json.parse(json);
            if (!(doc instanceof Map<?, ?> m) || !(m.get("digits") instanceof List<?> items)) throw new IllegalArgumentException("no list of digits");
            for (Object o : items) theirs.add(fromJson(o));
        } catch (RuntimeException ex) {
            throw new MyDigitsException(zip + " holds a damaged collection (" + ex.getMessage() + "); nothing was imported", ex);
        }
        List<MyDigit> all = new ArrayList<>(list());
        int before = all.size();
        for (MyDigit d : theirs) if (all.stream().noneMatch(x -> x.id().equals(d.id()))) all.add(d);
        // the source images that came with them
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            var entries = z.entries();
            while (entries.hasMoreElements()) {
                var e = entries.nextElement();
                String n = e.getName();
                if (!n.startsWith("mydigits/" + ORIGINALS + "/") || e.isDirectory() || e.getSize() > MAX_ORIGINAL) continue;
                String file = n.substring(n.lastIndexOf('/') + 1);
                if (!file.matches("[0-9a-f-]{1,40}(\\.[A-Za-z0-9]{1,5})?")) continue; // names we wrote, never a path
                byte[] bytes = z.getInputStream(e).readAllBytes();
                Path dir = Files.createDirectories(folder.resolve(ORIGINALS));
                AtomicFiles.write(dir.resolve(file), out -> out.write(bytes));
            }
        } catch (IOException ex) {
            // the digits are imported; their source images are optional
        }
        save(all);
        return new ZipImport(all.size() - before, theirs.size() - (all.size() - before));
    }

    /** "7: 20, 1: 20, 4: 20" */
    public static String describe(List<MyDigit> digits) {
        List<String> parts = new ArrayList<>();
        counts(digits).forEach((l, n) -> parts.add(String.format(Locale.ROOT, "%d: %d", l, n)));
        return digits.size() + " digit" + (digits.size() == 1 ? "" : "s") + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }
}
