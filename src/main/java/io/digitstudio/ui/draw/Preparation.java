package io.digitstudio.ui.draw;

import io.digitstudio.read.DigitPreprocessor.Stage;
import io.digitstudio.read.MnistLikeness;
import io.digitstudio.read.MnistNorms;
import io.digitstudio.read.NumberReader;
import io.digitstudio.read.Reading;

import java.util.ArrayList;
import java.util.List;

/**
 * What preparation did to one digit of the canvas: each stage's picture from the drawing (or photo) to the network's
 * input, and what is unusual about it for MNIST. Made on the compute worker, immutable, published to the FX thread.
 */
public record Preparation(List<Stage> stages, MnistLikeness likeness) {
    public Preparation {
        stages = List.copyOf(stages);
    }

    /**
     * Each digit's preparation of a reading, from the stages the reading reported ({@code seen}: the picture, the ink,
     * then the one-digit input's steps). A number's digits are shown the steps of their own ink.
     */
    public static List<Preparation> of(Reading r, List<Stage> seen) {
        MnistNorms norms = MnistNorms.bundled();
        if (r.digits().size() == 1) return List.of(new Preparation(seen, MnistLikeness.of(seen, norms)));
        List<Preparation> out = new ArrayList<>();
        List<Stage> common = seen.subList(0, Math.min(2, seen.size()));
        for (var d : r.digits()) {
            List<Stage> stages = new ArrayList<>(common);
            NumberReader.prepare(d, stages::add);
            out.add(new Preparation(stages, MnistLikeness.of(stages, norms)));
        }
        return out;
    }
}
