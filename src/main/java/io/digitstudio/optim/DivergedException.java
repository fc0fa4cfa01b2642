package io.digitstudio.optim;

/** An update would have made a parameter NaN or infinite; no parameter was changed. */
public final class DivergedException extends RuntimeException {
    private final String parameter;

    public DivergedException(String parameter) {
        super("the update made " + parameter + " NaN or infinite");
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
