package io.digitstudio.ui.widgets;

/** Words the Train and the Sweeps forms share: the same field, or the same action, says the same thing in both. */
public final class FormWords {
    private FormWords() {
    }

    /** What an empty field of training or test examples says it uses. */
    public static final String ALL_EXAMPLES = "all";
}
