package io.digitstudio.data;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kaggle's "Digit Recognizer" CSV files: {@code train.csv} with a header {@code label,pixel0,...,pixel783} and one image
 * per row (grey levels 0-255, row by row), and {@code test.csv} with the pixels only. Rows are read as they stream by
 * into one byte per pixel; a ragged row, a label or pixel that is not a whole number in range gets one line naming the
 * file, the line and the column.
 */
public final class KaggleCsv {
    /** Of a CSV given as training data, this share (1 in 7, MNIST's 10,000 of 70,000) is held out as a test set. */
    public static final int TEST_ONE_IN = 7;
    /** The split's seed: the same file always splits the same way. */
    public static final long SPLIT_SEED = 0;

    private KaggleCsv() {
    }

    /** Pixels of square images (and labels, when the file has them), as read. */
    public record Table(byte[] pixels, byte[] labels, int count, int side) {
    }

    /** True for a file this reader is meant for (by its extension). */
    public static boolean isCsv(Path p) {
        return p.getFileName() != null && p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    /** Reads a CSV; {@code labelled} says whether the first column is the label (train.csv) or not (test.csv). */
    public static Table read(Path file, boolean labelled) {
        String name = String.valueOf(file.getFileName());
        if (!Files.isRegularFile(file)) throw new DataException(file + ": no such file");
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            int lineNo = 1;
            if (line == null) throw new DataException(name + ": empty file");
            if (line.startsWith("\uFEFF")) line = line.substring(1);
            int columns;
            boolean header = !line.isEmpty() && !Character.isDigit(line.charAt(0));
            if (header) {
                String[] h = line.split(",", -1);
                columns = h.length;
                boolean hasLabel = h[0].trim().equalsIgnoreCase("label");
                if (labelled && !hasLabel) throw new DataException(name + ": line 1: the first column is '" + h[0].trim() + "', expected label (label,pixel0,...)");
                if (!labelled && hasLabel) throw new DataException(name + ": line 1: has a label column; expected only pixel0,pixel1,... (Kaggle's test.csv)");
                line = in.readLine();
                lineNo++;
            } else {
                columns = count(line);
            }
            int pixels = columns - (labelled ? 1 : 0);
            int side = (int) Math.round(Math.sqrt(pixels));
            if (pixels < 4 || side * side != pixels) {
                throw new DataException(name + ": line " + (header ? 1 : lineNo) + ": " + pixels + " pixel columns do not make a square image (784 for 28x28)");
            }
            ByteArrayOutputStream px = new ByteArrayOutputStream(1 << 20);
            ByteArrayOutputStream lab = new ByteArrayOutputStream();
            byte[] row = new byte[pixels];
            int count = 0;
            for (; line != null; line = in.readLine(), lineNo++) {
                if (line.isBlank()) continue;
                int col = 0, at = 0, n = line.length();
                while (true) {
                    int end = line.indexOf(',', at);
                    if (end < 0) end = n;
                    if (col >= columns) throw new DataException(name + ": line " + lineNo + ": more than " + columns + " values");
                    int v = number(line, at, end, name, lineNo, col, labelled);
                    if (labelled && col == 0) lab.write(v);
                    else row[col - (labelled ? 1 : 0)] = (byte) v;
                    col++;
                    if (end == n) break;
                    at = end + 1;
                }
                if (col != columns) throw new DataException(name + ": line " + lineNo + ": " + col + " values, expected " + columns);
                px.write(row);
                count++;
            }
            if (count == 0) throw new DataException(name + ": no images (only a header)");
            return new Table(px.toByteArray(), labelled ? lab.toByteArray() : null, count, side);
        } catch (java.nio.charset.CharacterCodingException e) {
            // the decoder's own words ("Input length = 1") say nothing to a user
            throw new DataException(name + ": not a CSV file (not text in UTF-8)", e);
        } catch (IOException e) {
            throw new DataException(name + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static int count(String line) {
        int c = 1;
        for (int i = 0; i < line.length(); i++) if (line.charAt(i) == ',') c++;
        return c;
    }

    /** A whole number 0-255 between {@code from} and {@code to}, or one line saying where the bad cell is. */
    private static int number(String line, int from, int to, String name, int lineNo, int col, boolean labelled) {
        while (from < to && line.charAt(from) == ' ') from++;
        while (to > from && (line.charAt(to - 1) == ' ' || line.charAt(to - 1) == '\r')) to--;
        String what = labelled && col == 0 ? "label" : "pixel" + (col - (labelled ? 1 : 0));
        if (from == to) throw new DataException(name + ": line " + lineNo + ": " + what + " is empty");
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9' || v > 1000) {
                String cell = line.substring(from, Math.min(to, from + 20));
                throw new DataException(name + ": line " + lineNo + ": " + what + " is '" + cell + "', not a whole number from 0 to 255");
            }
            v = v * 10 + (c - '0');
        }
        if (v > 255) throw new DataException(name + ": line " + lineNo + ": " + what + " is " + v + ", out of range (0 to 255)");
        return v;
    }

    /**
     * A labelled CSV as training and test sets: a seeded one-in-{@value #TEST_ONE_IN} split (the same every time), the
     * classes 0 to the largest label, named by their numbers.
     */
    public static Mnist.TrainTest trainTest(Path file) {
        Table t = read(file, true);
        int n = t.count();
        if (n < 2) throw new DataException(file.getFileName() + ": " + n + " image; a training and a test set need at least 2");
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Rng rng = new Rng(SPLIT_SEED);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int s = order[i];
            order[i] = order[j];
            order[j] = s;
        }
        int testCount = Math.max(1, n / TEST_ONE_IN);
        int d = t.side() * t.side();
        LabeledImages test = subset("test", t, order, 0, testCount, d);
        LabeledImages train = subset("train", t, order, testCount, n, d);
        int classes = Math.max(train.classes(), test.classes());
        Path abs = file.toAbsolutePath().normalize();
        return new Mnist.TrainTest(train.withClasses(classes), test.withClasses(classes), abs.toString(),
                String.valueOf(abs.getFileName()), ClassNames.numbers(classes));
    }

    private static LabeledImages subset(String name, Table t, int[] order, int from, int to, int d) {
        // kept in file order inside each set, so a set reads as the file does
        int[] idx = java.util.Arrays.copyOfRange(order, from, to);
        java.util.Arrays.sort(idx);
        byte[] px = new byte[idx.length * d];
        byte[] lab = new byte[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(t.pixels(), idx[i] * d, px, i * d, d);
            lab[i] = t.labels()[idx[i]];
        }
        return new LabeledImages(name, px, lab, idx.length, t.side(), t.side());
    }
}
