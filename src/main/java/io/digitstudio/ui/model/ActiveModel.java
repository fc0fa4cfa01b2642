package io.digitstudio.ui.model;

import io.digitstudio.io.ModelFiles;
import io.digitstudio.nn.Mlp;
import io.digitstudio.nn.Predictor;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The model the app classifies with: its weights (never trained further once active), a predictor over them, where it
 * came from and its test accuracy when known.
 */
public record ActiveModel(Mlp model, Predictor predictor, String name, Double testAccuracy, Path file) {
    public static ActiveModel of(Mlp model, String name, Double testAccuracy, Path file) {
        return new ActiveModel(model, new Predictor(model), name, testAccuracy, file);
    }

    public static ActiveModel of(ModelFiles.LoadedModel loaded, Path file) {
        return of(loaded.model(), loaded.source(), loaded.meta().get("test_accuracy"), file);
    }

    public String architecture() {
        return model.architecture();
    }

    /** E.g. "built-in · 784-400-400-10 · test accuracy 99.03%". */
    public String describe() {
        String acc = testAccuracy == null ? "test accuracy unknown" : String.format(Locale.ROOT, "test accuracy %.2f%%", 100 * testAccuracy);
        return name + " · " + architecture() + " · " + acc;
    }
}
