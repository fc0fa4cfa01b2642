package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The run history on the command line: what train records, and runs list/show/compare/delete/export/name. */
class RunsCliTest {
    @TempDir
    Path dir;

    private String runs() {
        return dir.resolve("runs").toString();
    }

    /** Trains a tiny run recorded in this test's history and returns its id. */
    private String train(String lr) throws Exception {
        CliTest.Run r = CliTest.run("train", "--units", "20", "--epochs", "2", "--lr", lr, "--train-size", "1000", "--test-size", "300",
                "--out", dir.resolve("m-" + lr + ".npz").toString(), "--runs-dir", runs());
        assertEquals(0, r.code(), r.err());
        String id = r.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        assertEquals(8, id.length(), r.err());
        return id;
    }

    /**
     * A trial compared a named run with another: the name (and a branch's branched_from) ran past its column, and every
     * value after it stood off from the id above it. Each column is as wide as its longest value, so each row lines up.
     */
    @Test
    void compareSizesEachColumnToItsLongestValue() throws Exception {
        String a = train("0.1");
        String b = train("0.01");
        assertEquals(0, CliTest.run("runs", "name", a, "first try with the faster rate", "--runs-dir", runs()).code());
        CliTest.Run cmp = CliTest.run("runs", "compare", a, b, "--runs-dir", runs());
        assertEquals(0, cmp.code(), cmp.err());
        List<String> table = cmp.out().lines().takeWhile(l -> !l.startsWith("(")).toList();
        String head = table.get(0);
        int first = head.indexOf(a);
        int second = head.indexOf(b);
        assertTrue(table.stream().anyMatch(l -> l.startsWith("name") && l.contains("first try with the faster rate")), cmp.out());
        for (String row : table) {
            assertTrue(row.length() > second && row.charAt(first - 1) == ' ' && row.charAt(first) != ' ', "the first run's value under its id:\n" + cmp.out());
            assertTrue(row.charAt(second - 2) == ' ' && row.charAt(second - 1) == ' ' && row.charAt(second) != ' ',
                    "the second run's value under its id, two spaces after the first's:\n" + cmp.out());
        }
    }

    @Test
    void trainRecordsEveryRunAndRunsListsShowsComparesExportsAndDeletesThem() throws Exception {
        String a = train("0.1");
        String b = train("0.01");
        CliTest.Run list = CliTest.run("runs", "list", "--runs-dir", runs());
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().strip().lines().toList();
        assertEquals(3, lines.size(), list.out());
        assertTrue(lines.get(0).startsWith("ID        STARTED"), lines.get(0));
        assertTrue(lines.get(1).startsWith(b) && lines.get(2).startsWith(a), "newest first:\n" + list.out());
        assertTrue(lines.get(1).contains("finished") && lines.get(1).contains("2/2") && lines.get(1).contains("momentum-sgd lr=0.01"), lines.get(1));

        CliTest.Run show = CliTest.run("runs", "show", a.substring(0, 5), "--runs-dir", runs());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().startsWith("run " + a + "\n"), show.out());
        assertTrue(show.out().contains("status      finished") && show.out().contains("lr                  0.1\n"), show.out());
        assertTrue(show.out().contains("epoch  train_loss    val_loss   val_acc"), show.out());
        assertEquals(2, show.out().lines().filter(l -> l.matches("\\s+[12]\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9.]+\\s+0\\.1\\s+.*")).count(), show.out());

        CliTest.Run cmp = CliTest.run("runs", "compare", a, b, "--runs-dir", runs());
        assertEquals(0, cmp.code(), cmp.err());
        List<String> c = cmp.out().lines().toList();
        assertEquals("setting         " + a + "      " + b, c.get(0).stripTrailing());
        assertTrue(c.get(1).matches("lr\\s+0\\.1\\s+0\\.01\\s*"), "only the settings that differ: " + c.get(1));
        assertTrue(c.get(2).startsWith("best val_acc"), cmp.out());
        assertTrue(cmp.out().contains("other settings are the same in all"), cmp.out());
        assertTrue(cmp.out().lines().anyMatch(l -> l.startsWith("    2  ")), "epoch logs side by side:\n" + cmp.out());

        CliTest.Run named = CliTest.run("runs", "name", a, "fast lr", "--notes", "too high?", "--runs-dir", runs());
        assertEquals(0, named.code(), named.err());
        assertEquals("named run " + a + " \"fast lr\"", named.out().strip(), "a result goes to stdout");
        assertTrue(CliTest.run("runs", "list", "--runs-dir", runs()).out().contains("fast lr"));

        Path zip = dir.resolve("a.zip");
        CliTest.Run exported = CliTest.run("runs", "export", a, zip.toString(), "--runs-dir", runs());
        assertEquals(0, exported.code(), exported.err());
        assertEquals("exported run " + a + " to " + zip, exported.out().strip());
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            assertNotNull(z.getEntry(a + "/log"));
            assertNotNull(z.getEntry(a + "/model.npz"));
        }
        CliTest.Run del = CliTest.run("runs", "delete", b, "--force", "--runs-dir", runs());
        assertEquals(0, del.code(), del.err());
        assertEquals("deleted run " + b, del.out().strip());
        assertEquals(2, CliTest.run("runs", "list", "--runs-dir", runs()).out().strip().lines().count());

        // bad ids: one line, exit 2
        CliTest.Run none = CliTest.run("runs", "show", "abc", "--runs-dir", runs());
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("digitstudio runs show: error: no run abc in "), none.err());
        assertEquals(1, none.err().strip().lines().count());
        assertEquals(2, CliTest.run("runs", "compare", a, a, "--runs-dir", runs()).code());
        // --no-record trains without a trace in the history
        CliTest.Run quiet = CliTest.run("train", "--units", "20", "--epochs", "1", "--train-size", "500", "--test-size", "100", "--no-record",
                "--out", dir.resolve("q.npz").toString(), "--runs-dir", runs());
        assertEquals(0, quiet.code(), quiet.err());
        assertFalse((quiet.out() + quiet.err()).contains("recorded as run"), quiet.out() + quiet.err());
        assertEquals(2, CliTest.run("runs", "list", "--runs-dir", runs()).out().strip().lines().count());
    }

    /**
     * A new user typed {@code runs} to see the runs and was told to give a command: alone it lists them as
     * {@code runs list} does, exit 0, in the history {@code --runs-dir} names wherever it stands; its help still names
     * the commands.
     */
    @Test
    void runsAloneListsTheRunsAsListDoes() throws Exception {
        String a = train("0.1");
        CliTest.Run list = CliTest.run("runs", "list", "--runs-dir", runs());
        CliTest.Run alone = CliTest.run("runs", "--runs-dir", runs());
        assertEquals(0, alone.code(), alone.err());
        assertEquals(list.out(), alone.out());
        assertTrue(alone.out().lines().anyMatch(l -> l.startsWith(a)), alone.out());
        // the default history (the tests' own), as typed with nothing more
        CliTest.Run bare = CliTest.run("runs");
        assertEquals(0, bare.code(), bare.err());
        assertEquals(CliTest.run("runs", "list").out(), bare.out());
        // --runs-dir before a command is that command's: nothing reads another history unasked
        CliTest.Run before = CliTest.run("runs", "--runs-dir", runs(), "show", a);
        assertEquals(0, before.code(), before.err());
        assertTrue(before.out().startsWith("run " + a + "\n"), before.out());
        CliTest.Run twice = CliTest.run("runs", "--runs-dir", runs(), "show", a, "--runs-dir", dir.toString());
        assertEquals(2, twice.code(), twice.out() + twice.err());
        assertTrue(twice.err().contains("--runs-dir"), twice.err());

        CliTest.Run help = CliTest.run("runs", "--help");
        assertEquals(0, help.code(), help.err());
        for (String c : List.of("list", "show", "compare", "delete", "export", "name")) {
            assertTrue(help.out().lines().anyMatch(l -> l.startsWith("  " + c + " ")), c + " in:\n" + help.out());
        }
    }

    /**
     * The list said nothing of branches: a branch read as any other run. A column names the run each branch was
     * branched from, empty for the others, and every column still starts where its heading does.
     */
    @Test
    void theListNamesTheRunEachBranchIsABranchOf() {
        String[] ids = CliTest.runAndBranch(dir, runs());
        String parent = ids[0], branch = ids[1];
        assertEquals(0, CliTest.run("runs", "name", branch, "slower", "--runs-dir", runs()).code());

        CliTest.Run list = CliTest.run("runs", "list", "--runs-dir", runs());
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(3, lines.size(), list.out());
        String head = lines.get(0);
        int column = head.indexOf("  BRANCH OF  ") + 2, name = head.indexOf("NAME");
        assertTrue(column > 2 && column < name && head.indexOf("OPTIMIZER") < column, head);
        String b1 = lines.stream().filter(l -> l.startsWith(branch)).findFirst().orElseThrow();
        String p1 = lines.stream().filter(l -> l.startsWith(parent)).findFirst().orElseThrow();
        assertEquals(parent, b1.substring(column, column + 8), list.out());
        assertEquals("slower", b1.substring(name), list.out());
        assertTrue(p1.length() <= column || p1.substring(column).isBlank(), "no parent, nothing in the column:\n" + list.out());
        // the columns before it keep their places: the optimizer starts under its heading
        int optimizer = head.indexOf("OPTIMIZER");
        assertTrue(b1.startsWith("momentum-sgd lr=0.05", optimizer) && p1.startsWith("momentum-sgd lr=0.01", optimizer), list.out());
    }

    @Test
    void aRunKilledWithSigkillMidEpochShowsAsInterrupted() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"), "io.digitstudio.Main", "train", "--epochs", "200",
                "--train-size", "20000", "--test-size", "500", "--out", dir.resolve("k.npz").toString(), "--runs-dir", runs())
                .redirectErrorStream(true).start();
        try {
            // wait, line by line as the child prints them, until the run has finished an epoch and is into the next one
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String l = out.readLine(); l == null || !l.contains("epoch:01"); l = out.readLine()) {
                assertNotNull(l, () -> "the child ended early: " + seen);
                seen.append(l).append('\n');
            }
            // the rest is read away, so that a full pipe never holds the child
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(Writer.nullWriter());
                } catch (IOException ended) {
                    // the child is gone
                }
            });
            drain.setDaemon(true);
            drain.start();
            CliTest.Run during = CliTest.run("runs", "list", "--runs-dir", runs());
            assertTrue(during.out().lines().skip(1).findFirst().orElse("").contains("running"), during.out());
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks in the child
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        CliTest.Run after = CliTest.run("runs", "list", "--runs-dir", runs());
        String line = after.out().lines().skip(1).findFirst().orElse("");
        assertTrue(line.contains("interrupted"), after.out());
        assertTrue(line.matches("\\S+\\s+\\S+ \\S+\\s+interrupted\\s+\\d+/200\\s+0\\.\\d{4}.*"), "epochs done and accuracy so far: " + line);
        // and an interrupted run can be looked at and deleted like any other
        String id = line.substring(0, 8);
        assertEquals(0, CliTest.run("runs", "show", id, "--runs-dir", runs()).code());
        assertEquals(0, CliTest.run("runs", "delete", id, "--force", "--runs-dir", runs()).code());
    }
}
