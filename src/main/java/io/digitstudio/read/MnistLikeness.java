package io.digitstudio.read;

import io.digitstudio.read.DigitPreprocessor.Stage;
import io.digitstudio.read.DigitPreprocessor.Step;
import io.digitstudio.data.GreyImage;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What is unusual about a digit for a network that learned from MNIST, judged against {@link MnistNorms}: a stroke
 * thinner or thicker than 99 % of MNIST's, a digit whose mass cannot be brought to the centre, ink on the picture's edge (the digit is
 * probably cut), a slant beyond MNIST's. Each finding is one short phrase the Draw view lists after "Unusual for MNIST:".
 */
public record MnistLikeness(List<Finding> findings) {
    /** One unusual trait: its name ("too thin") and the figures behind it. */
    public record Finding(String trait, String why) {
    }

    public static final String TOO_THIN = "too thin";
    public static final String TOO_THICK = "too thick";
    public static final String OFF_CENTRE = "off-centre";
    public static final String CUT = "cut at the edge";
    public static final String SLANTED = "very slanted";

    public MnistLikeness {
        findings = List.copyOf(findings);
    }

    /** Judges the digit a preparation's stages show (they must include the ink, the cropped digit and the input). */
    public static MnistLikeness of(List<Stage> stages, MnistNorms norms) {
        Map<Step, GreyImage> by = new EnumMap<>(Step.class);
        for (Stage s : stages) by.put(s.step(), s.image());
        List<Finding> out = new ArrayList<>();
        GreyImage cropped = by.get(Step.CROPPED);
        if (cropped != null) {
            double w = DigitPreprocessor.canonStrokeWidth(cropped);
            MnistNorms.Norm n = norms.norm(MnistNorms.STROKE);
            if (w < n.p1()) out.add(new Finding(TOO_THIN, String.format(Locale.ROOT, "stroke %.1f px at 80 px tall; 99%% of MNIST's are %.1f or more", w, n.p1())));
            else if (w > n.p99()) out.add(new Finding(TOO_THICK, String.format(Locale.ROOT, "stroke %.1f px at 80 px tall; 99%% of MNIST's are %.1f or less", w, n.p99())));
        }
        GreyImage input = by.get(Step.INPUT);
        if (input != null) {
            // the preparation centres the mass to half a pixel unless the digit's box cannot move that far
            double mass = MnistNorms.massOffset(input);
            MnistNorms.Norm nm = norms.norm(MnistNorms.MASS);
            if (mass > nm.p99()) {
                out.add(new Finding(OFF_CENTRE, String.format(Locale.ROOT, "its mass sits %.1f px from the middle; 99%% of MNIST's within %.1f", mass, nm.p99())));
            }
        }
        GreyImage ink = by.get(Step.INK);
        if (ink != null) {
            double e = MnistNorms.edgeInk(ink);
            MnistNorms.Norm n = norms.norm(MnistNorms.EDGE);
            if (e > n.p99()) out.add(new Finding(CUT, String.format(Locale.ROOT, "%.0f%% of the ink lies on the picture's edge; 99%% of MNIST's have at most %.1f%%", 100 * e, 100 * n.p99())));
        }
        if (input != null) {
            double s = MnistNorms.slant(input);
            MnistNorms.Norm n = norms.norm(MnistNorms.SLANT);
            if (s < n.p1() || s > n.p99()) {
                out.add(new Finding(SLANTED, String.format(Locale.ROOT, "leans %s %.0f°; 98%% of MNIST's lean between %.0f° left and %.0f° right",
                        s < 0 ? "right" : "left", Math.toDegrees(Math.atan(Math.abs(s))), Math.toDegrees(Math.atan(n.p99())), Math.toDegrees(Math.atan(-n.p1())))));
            }
        }
        return new MnistLikeness(out);
    }

    /** True when nothing is unusual. */
    public boolean typical() {
        return findings.isEmpty();
    }

    /** The line the Draw view shows: "Unusual for MNIST: too thin, very slanted", or that it is like MNIST's. */
    public String line() {
        List<String> traits = new ArrayList<>();
        for (Finding f : findings) traits.add(f.trait());
        return line(traits);
    }

    private static String line(List<String> traits) {
        if (traits.isEmpty()) return "MNIST-likeness: like MNIST's digits in stroke, centre, edges and slant";
        return "Unusual for MNIST: " + String.join(", ", traits);
    }

    /**
     * The widest lines {@link #line} makes: the typical one, and every trait at once (the thicker of the stroke's two):
     * a view that keeps their room moves nothing when a digit's line comes.
     */
    public static List<String> widestLines() {
        return List.of(line(List.of()), line(List.of(TOO_THICK, OFF_CENTRE, CUT, SLANTED)));
    }

    /** The figures behind each finding, one per line (a tooltip). */
    public String details() {
        if (findings.isEmpty()) return "Stroke width, centre, ink on the edge and slant are all within 99% of MNIST's training digits.";
        StringBuilder s = new StringBuilder();
        for (Finding f : findings) s.append(s.length() == 0 ? "" : "\n").append(f.trait()).append(": ").append(f.why());
        return s.toString();
    }
}
