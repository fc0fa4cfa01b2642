package io.digitstudio.ui.widgets;

/** Words the Train and the Sweeps forms share: the same field, or the same action, says the same thing in both. */
public final class FormWords {
    private FormWords() {
    }

    /** What an empty field of training or test examples says it uses. */
    public static final String ALL_EXAMPLES = "all";

    /**
     * The button that puts every field of a form back to its default: one plain word, on Alt+D in both forms (the
     * learning-rate finder's Done, beside the Train form, takes Alt+N for it). "Reset to defaults" has no letter free in
     * the Train view, and a lower-case "d" would leave the other views' upper-case Alt+D dead.
     */
    public static final String RESET = "_Defaults";

    /** What the reset button does, for its tooltip and screen readers. */
    public static final String RESET_HELP = "Put every field of the form back to its default value (the next launch remembers the form as you leave it)";
}
