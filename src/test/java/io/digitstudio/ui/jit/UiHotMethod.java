package io.digitstudio.ui.jit;

/** A hot method in the window's package, for {@code LauncherOptionsTest}: which compiler the launcher lets compile it. */
public final class UiHotMethod {
    private UiHotMethod() {
    }

    public static int spin(int x) {
        int s = 0;
        for (int i = 0; i < 100; i++) s += i ^ x;
        return s;
    }
}
