package io.digitstudio.bench;

/**
 * Calls a method of the window's package and one of the engine's side as often as C2 needs to take a method, for
 * {@code LauncherOptionsTest} (run in a JVM of its own with {@code -Xbatch}, so every compile finishes before the call
 * that asked for it goes on: the levels do not depend on the machine's speed).
 */
public final class HotMethods {
    private HotMethods() {
    }

    static int spin(int x) {
        int s = 0;
        for (int i = 0; i < 100; i++) s += i ^ x;
        return s;
    }

    public static void main(String[] args) {
        long sum = 0;
        for (int i = 0; i < 200_000; i++) sum += io.digitstudio.ui.jit.UiHotMethod.spin(i) + spin(i);
        System.out.println(sum);
    }
}
