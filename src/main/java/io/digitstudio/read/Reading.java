package io.digitstudio.read;

import java.util.List;

/** What a picture says: its digits in reading order (top line first, left to right). Never empty. */
public record Reading(List<ReadDigit> digits) {
    public Reading {
        if (digits.isEmpty()) throw new IllegalArgumentException("a reading has at least one digit");
        digits = List.copyOf(digits);
    }

    /** The labels one after the other, e.g. "04217" (class names of more than one character are kept whole). */
    public String number(java.util.function.IntFunction<String> names) {
        StringBuilder s = new StringBuilder();
        for (ReadDigit d : digits) s.append(names.apply(d.prediction().label()));
        return s.toString();
    }

    /** The least sure digit's confidence: a number is only as right as its weakest digit. */
    public float confidence() {
        float min = 1f;
        for (ReadDigit d : digits) min = Math.min(min, d.prediction().confidence());
        return min;
    }

    /** How many lines the digits sit on. */
    public int lines() {
        return digits.get(digits.size() - 1).box().line() + 1;
    }
}
