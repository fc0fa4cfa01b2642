package io.digitstudio.ui.widgets;

/** Words the Train and the Sweeps forms share: the same field, or the same action, says the same thing in both. */
public final class FormWords {
    private FormWords() {
    }

    /** What an empty field of training or test examples says it uses. */
    public static final String ALL_EXAMPLES = "all";

    /**
     * The button that puts every field of a form back to its default. Its words have the one letter left free for Alt
     * in the Train view (its toolbar, form and learning-rate finder take every letter of "Reset to defaults").
     */
    public static final String RESET = "Back to s_quare one";

    /** What the reset button does, for its tooltip and screen readers. */
    public static final String RESET_HELP = "Put every field of the form back to its default value (the next launch remembers the form as you leave it)";
}
