package io.digitstudio.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a dataset's labels mean. MNIST's are the digits; an IDX folder may carry {@value #FILE} (one name per line, line
 * k naming label k); Fashion-MNIST, recognised by its test labels, has its ten well-known names; anything else is
 * shown by number.
 */
public final class ClassNames {
    public static final String FILE = "class-names.txt";
    /** Zalando's names for Fashion-MNIST's labels 0-9. */
    public static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
            "Ankle boot");
    /** SHA-256 of Fashion-MNIST's raw t10k-labels-idx1-ubyte. */
    static final String FASHION_TEST_LABELS_SHA256 = "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34";

    private ClassNames() {
    }

    /** "0", "1", … for {@code k} classes. */
    public static List<String> numbers(int k) {
        List<String> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) out.add(String.valueOf(i));
        return out;
    }

    /** The names in a folder's {@value #FILE}, or null when it has none; a file that does not fit the labels is refused. */
    static List<String> fromFolder(Path dir, int classes) {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) return null;
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) if (!line.isBlank()) names.add(line.strip());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new DataException(f + ": not a list of class names (not text in UTF-8)", e);
        } catch (IOException e) {
            throw new DataException(f + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (names.size() < classes) {
            throw new DataException(f + ": names " + names.size() + " classes, but the labels go up to " + (classes - 1));
        }
        return List.copyOf(names);
    }

    /** The number of classes the labels of these sets use: the largest label plus one (at least 2). */
    static int count(LabeledImages... sets) {
        int max = 1;
        for (LabeledImages s : sets) for (int i = 0; i < s.size(); i++) max = Math.max(max, s.label(i));
        return max + 1;
    }

    /** A label's name, or its number when the list does not reach it. */
    public static String of(List<String> names, int label) {
        return names != null && label >= 0 && label < names.size() ? names.get(label) : String.valueOf(label);
    }
}
