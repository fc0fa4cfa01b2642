package io.digitstudio.bench;

import io.digitstudio.io.AtomicFiles;
import io.digitstudio.io.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The part of {@code performance.md} that is made from a benchmark record: what was measured where and when, and one
 * table row per benchmark. It sits between two markers in the page; everything else on the page is prose.
 */
public final class PerformancePage {
    static final Path PAGE = Path.of("src/site/markdown/performance.md");
    static final String BEGIN = "<!-- latest-record:begin (made by BenchSuite from the newest file in src/site/benchmarks; do not edit) -->";
    static final String END = "<!-- latest-record:end -->";

    private PerformancePage() {
    }

    /** The newest record in {@code dir} (records are named by their UTC date, so the last name is the newest). */
    static Path latest(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().reduce((a, b) -> b)
                    .orElseThrow(() -> new IOException("no benchmark record in " + dir));
        }
    }

    static Map<String, Object> read(Path record) throws IOException {
        return Json.parseObject(Files.readString(record));
    }

    /** Replaces the page's section between the markers with {@code record}'s, atomically. */
    static void update(Path page, Map<String, Object> record, String recordPath) throws IOException {
        String text = Files.readString(page);
        String updated = withSection(text, render(record, recordPath));
        byte[] bytes = updated.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(page, out -> out.write(bytes));
    }

    static String withSection(String page, String section) {
        int b = page.indexOf(BEGIN);
        int e = page.indexOf(END);
        if (b < 0 || e < b) throw new IllegalArgumentException("the page has no " + BEGIN + " … " + END + " section");
        return page.substring(0, b + BEGIN.length()) + "\n" + section + page.substring(e);
    }

    /** The section between the markers as the page holds it now. */
    static String section(String page) {
        int b = page.indexOf(BEGIN);
        int e = page.indexOf(END);
        if (b < 0 || e < b) throw new IllegalArgumentException("the page has no " + BEGIN + " … " + END + " section");
        return page.substring(b + BEGIN.length() + 1, e);
    }

    @SuppressWarnings("unchecked")
    static String render(Map<String, Object> record, String recordPath) {
        StringBuilder sb = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) record.get("machine");
        Map<String, Object> versions = (Map<String, Object>) record.get("versions");
        Map<String, Object> commit = (Map<String, Object>) record.get("commit");
        sb.append("Record [`").append(recordPath).append("`](../../../").append(recordPath).append("), ")
                .append(record.get("date")).append(", ").append(record.get("settings")).append(" settings, commit `")
                .append(shortId(String.valueOf(commit.get("id")))).append("`").append(Boolean.TRUE.equals(commit.get("dirty")) ? " (with uncommitted changes)" : "")
                .append(".\n\n");
        sb.append("Machine: ").append(machine.get("cpu")).append(", ").append(number(machine.get("processors"))).append(" processors")
                .append(Boolean.TRUE.equals(machine.get("hypervisor")) ? " (a virtual machine)" : "").append(", ")
                .append(number(machine.get("memory_gib"))).append(" GiB; ").append(machine.get("os")).append(". ")
                .append("Load average before / after: ").append(loads(record.get("load_average_before"))).append(" / ")
                .append(loads(record.get("load_average_after"))).append(".\n\n");
        sb.append("Versions: DigitStudio ").append(versions.get("digitstudio")).append(", Java ").append(versions.get("java"))
                .append(", ND4J ").append(versions.get("nd4j")).append(", OpenBLAS ").append(versions.get("openblas"))
                .append(", JavaFX ").append(versions.get("javafx")).append(", PyTorch ").append(versions.get("torch")).append(".\n\n");
        String note = String.valueOf(record.getOrDefault("note", "")).strip();
        if (!note.isEmpty()) sb.append("> **Note.** ").append(note).append("\n\n");
        sb.append("| benchmark | figures | command |\n|---|---|---|\n");
        for (Object o : (List<Object>) record.get("results")) {
            Map<String, Object> r = (Map<String, Object>) o;
            String figures;
            if (r.containsKey("skipped")) figures = "skipped: " + r.get("skipped");
            else if (r.containsKey("error")) figures = "failed: " + r.get("error");
            else figures = figures((Map<String, Object>) r.get("figures"));
            sb.append("| ").append(r.get("what")).append(" | ").append(figures.replace("|", "\\|")).append(" | ")
                    .append(r.containsKey("command") ? "`" + r.get("command") + "`" : "").append(" |\n");
        }
        return sb.toString();
    }

    /** A result's figures in words and units, in the record's order. */
    static String figures(Map<String, Object> f) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : f.entrySet()) {
            if (sb.length() > 0) sb.append(", ");
            String k = e.getKey();
            double v = ((Number) e.getValue()).doubleValue();
            String name = k.replace("_seconds_per_epoch", "").replace("_ms", "").replace("_mib", "").replace('_', ' ');
            if (k.endsWith("seconds_per_epoch")) sb.append(name).append(" ").append(fmt("%.3f", v)).append(" s/epoch");
            else if (k.equals("epoch_seconds")) sb.append("train + val ").append(fmt("%.3f", v)).append(" s/epoch");
            else if (k.endsWith("accuracy")) sb.append(name).append(" ").append(fmt("%.4f", v));
            else if (k.endsWith("_ms") || k.endsWith("_ms_median") || k.startsWith("predict_ms")) sb.append(name.replace("predict ms", "pen-up")).append(" ").append(fmt("%.2f", v)).append(" ms");
            else if (k.endsWith("_mib")) sb.append(name).append(" ").append(fmt("%.0f", v)).append(" MiB");
            else if (k.contains("ratio")) sb.append(name).append(" ").append(fmt("%.2f", v)).append("×");
            else if (k.startsWith("seconds")) sb.append(fmt("%.2f", v)).append(" s (median)");
            else if (k.endsWith("_it_per_s")) sb.append(name.replace(" it per s", "")).append(" ").append(fmt("%.0f", v)).append(" it/s");
            else if (k.endsWith("_s") || k.contains("_s_")) sb.append(name.replaceAll(" s(?= |$)", "")).append(" ").append(fmt("%.2f", v)).append(" s");
            else sb.append(name).append(" ").append(number(v));
        }
        return sb.toString();
    }

    private static String fmt(String f, double v) {
        return String.format(Locale.ROOT, f, v);
    }

    private static String number(Object o) {
        if (!(o instanceof Number n)) return String.valueOf(o);
        double d = n.doubleValue();
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String loads(Object o) {
        if (!(o instanceof List<?> l) || l.isEmpty()) return "unknown";
        return l.stream().map(PerformancePage::number).reduce((a, b) -> a + " " + b).orElse("unknown");
    }

    private static String shortId(String id) {
        return id.length() > 10 ? id.substring(0, 10) : id;
    }
}
