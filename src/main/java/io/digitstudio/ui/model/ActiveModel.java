package io.digitstudio.ui.model;

import io.digitstudio.data.ClassNames;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.Predictor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model the app classifies with: its weights (never trained further once active), a predictor over them, where it
 * came from ({@code name}, {@code file}) and what is known about it (test accuracy, dataset, class names).
 */
public record ActiveModel(Network model, Predictor predictor, String name, ModelInfo info, Path file) {
    public static ActiveModel of(Network model, String name, ModelInfo info, Path file) {
        return new ActiveModel(model, new Predictor(model), name, info, file);
    }

    public String architecture() {
        return model.architecture();
    }

    public Double testAccuracy() {
        return info.testAccuracy();
    }

    /** What the outputs mean: the file's class names, or numbers. */
    public List<String> classNames() {
        List<String> names = info.classNames();
        return names != null && names.size() >= model.classes() ? names.subList(0, model.classes()) : ClassNames.numbers(model.classes());
    }

    /** E.g. "built-in MLP · 784-400-400-10 · MNIST · test accuracy 99.03%". */
    public String describe() {
        List<String> parts = new ArrayList<>(List.of(name, architecture()));
        if (info.dataset() != null) parts.add(info.dataset());
        parts.add(info.testAccuracy() == null ? "test accuracy unknown" : "test accuracy " + io.digitstudio.ui.widgets.Formats.percent(info.testAccuracy()));
        return String.join(" · ", parts);
    }
}
