package io.digitstudio.io;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which FloatBuffer classes a piece of code loads, told by a fresh JVM's class-loading log. A FloatBuffer class
 * besides the direct one NativeFloats uses, loaded while a run trains, throws away the training code's compiled
 * copies (decision 0008); tests of the code that turns floats into bytes and back check that it loads none.
 */
public final class FloatViewClasses {
    private static final Pattern FLOAT_BUFFER = Pattern.compile("java\\.nio\\.(\\w*FloatBuffer\\w*) ");

    private FloatViewClasses() {
    }

    /**
     * Runs {@code main} (a class with a main method that prints {@code done} at its end) in a new JVM with this one's
     * class path, and returns the FloatBuffer classes it loaded, in order.
     */
    public static List<String> loadedBy(Class<?> main) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xshare:off", "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                main.getName())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("\ndone"), out);
        assertTrue(out.contains(main.getName() + " "), "the log lists the classes loaded");
        List<String> found = new java.util.ArrayList<>();
        for (Matcher m = FLOAT_BUFFER.matcher(out); m.find(); ) found.add(m.group(1));
        return found;
    }

    /** The FloatBuffer classes besides the abstract one and the direct, native-order one. */
    public static List<String> others(List<String> loaded) {
        return loaded.stream().filter(c -> !c.equals("FloatBuffer") && !c.equals("DirectFloatBufferU")).toList();
    }
}
