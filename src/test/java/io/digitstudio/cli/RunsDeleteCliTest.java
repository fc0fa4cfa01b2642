package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code runs delete} removes a folder the user named, so it asks first on a terminal (y/N, no by default) and, with
 * no terminal to ask on, deletes only with {@code --force}; a prefix too short or shared by several runs is refused.
 */
class RunsDeleteCliTest {
    @TempDir
    Path dir;

    private String runs() {
        return dir.resolve("runs").toString();
    }

    private String train() {
        CliTest.Run r = CliTest.run("train", "--units", "20", "--epochs", "1", "--train-size", "500", "--test-size", "100",
                "--out", dir.resolve("m.npz").toString(), "--force", "--runs-dir", runs());
        assertEquals(0, r.code(), r.err());
        String id = r.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");
        assertEquals(8, id.length(), r.err());
        return id;
    }

    @Test
    void withoutATerminalDeleteIsRefusedUnlessForced() {
        String id = train();
        Path folder = dir.resolve("runs").resolve(id);
        CliTest.Run asked = CliTest.run("runs", "delete", id, "--runs-dir", runs());
        assertEquals(2, asked.code(), asked.out() + asked.err());
        assertEquals(1, asked.err().strip().lines().count(), asked.err());
        assertTrue(asked.err().startsWith("digitstudio runs delete: error: run " + id + " is not deleted: "), asked.err());
        assertTrue(asked.err().contains("add --force to delete it without asking"), asked.err());
        assertTrue(Files.isDirectory(folder), "nothing is removed without asking");
        assertEquals("", asked.out());

        CliTest.Run forced = CliTest.run("runs", "delete", id, "--force", "--runs-dir", runs());
        assertEquals(0, forced.code(), forced.err());
        assertEquals("deleted run " + id, forced.out().strip());
        assertFalse(Files.exists(folder));
    }

    @Test
    void aPrefixTooShortOrSharedIsRefusedNamingTheCandidates() throws Exception {
        String id = train();
        // a second run whose id starts as the first one's does: its folder, under an id of the same first five digits
        String twin = id.substring(0, 5) + (id.charAt(5) == '0' ? "1" : "0") + id.substring(6);
        Path twinFolder = dir.resolve("runs").resolve(twin);
        Files.createDirectories(twinFolder);
        try (var files = Files.list(dir.resolve("runs").resolve(id))) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) Files.copy(f, twinFolder.resolve(f.getFileName()));
            }
        }
        Path settings = twinFolder.resolve("run.json");
        Files.writeString(settings, Files.readString(settings).replace("\"" + id + "\"", "\"" + twin + "\""));
        assertEquals(0, CliTest.run("runs", "show", twin, "--runs-dir", runs()).code(), "the twin is a run of the history");

        CliTest.Run shared = CliTest.run("runs", "delete", id.substring(0, 5), "--force", "--runs-dir", runs());
        assertEquals(2, shared.code(), shared.err());
        assertEquals(1, shared.err().strip().lines().count(), shared.err());
        assertTrue(shared.err().contains(id) && shared.err().contains(twin), "names the candidates: " + shared.err());

        CliTest.Run shortOne = CliTest.run("runs", "delete", id.substring(0, 3), "--force", "--runs-dir", runs());
        assertEquals(2, shortOne.code(), shortOne.err());
        assertEquals(1, shortOne.err().strip().lines().count(), shortOne.err());
        assertTrue(shortOne.err().startsWith("digitstudio runs delete: error: '" + id.substring(0, 3) + "' is too short"), shortOne.err());
        assertTrue(shortOne.err().contains(id) && shortOne.err().contains(twin), "names the candidates: " + shortOne.err());

        // a short prefix with one candidate is refused too: a script's typo must not delete the run it happens to match
        assertEquals(0, CliTest.run("runs", "delete", twin, "--force", "--runs-dir", runs()).code());
        CliTest.Run single = CliTest.run("runs", "delete", id.substring(0, 2), "--force", "--runs-dir", runs());
        assertEquals(2, single.code(), single.err());
        assertTrue(single.err().contains("too short"), single.err());
        assertTrue(single.err().contains(id), single.err());
        assertTrue(Files.isDirectory(dir.resolve("runs").resolve(id)), "nothing is removed");
    }

    /** Runs the command line in a child JVM on a terminal of its own (script(1)'s), typing {@code typed}; its terminal's text. */
    private String onTerminal(String typed, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.digitstudio.Main"));
        command.addAll(List.of(args));
        String line = String.join(" ", command.stream().map(a -> "'" + a.replace("'", "'\\''") + "'").toList());
        Process p = new ProcessBuilder("script", "-qec", line, "/dev/null").redirectErrorStream(true).start();
        p.getOutputStream().write(typed.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().flush();
        String seen = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), seen);
        return seen.replace("\r", "") + "\nexit " + p.exitValue();
    }

    @Test
    void onATerminalDeleteAsksAndAnEmptyAnswerKeepsTheRun() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) gives the child a terminal");
        String id = train();
        Path folder = dir.resolve("runs").resolve(id);
        String kept = onTerminal("\n", "runs", "delete", id.substring(0, 4), "--runs-dir", runs());
        assertTrue(kept.contains("Delete run " + id + "? Its folder is removed from disk: " + folder + " [y/N] "), kept);
        assertTrue(kept.contains("kept run " + id) && kept.endsWith("exit 0"), kept);
        assertTrue(Files.isDirectory(folder), "no is the default");

        String no = onTerminal("n\n", "runs", "delete", id, "--runs-dir", runs());
        assertTrue(no.contains("kept run " + id), no);
        assertTrue(Files.isDirectory(folder));

        String yes = onTerminal("y\n", "runs", "delete", id, "--runs-dir", runs());
        assertTrue(yes.contains("deleted run " + id) && yes.endsWith("exit 0"), yes);
        assertFalse(Files.exists(folder));
    }

    /**
     * A trial deleted a run that had a branch: the question did not name the branch, and {@code runs show} of the
     * branch then named a parent no longer there. A branch needs nothing of its parent's folder (it is branched from
     * again below, from its own snapshot), so the question names it and says it keeps its files; the branch then says
     * its parent was deleted.
     */
    @Test
    void deletingARunWithABranchNamesItAndTheBranchSaysItsParentWasDeleted() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) gives the child a terminal");
        String[] ids = CliTest.runAndBranch(dir, runs(), "--snapshot-every", "1");
        String parent = ids[0], branch = ids[1];

        String kept = onTerminal("\n", "runs", "delete", parent, "--runs-dir", runs());
        assertTrue(kept.contains("Its branch " + branch + " keeps its own files (its log and models, the epochs before it branched included), but will"
                + " show its parent as deleted."), kept);
        assertTrue(kept.contains("kept run " + parent), kept);
        // the branch's own question has no branch to name
        String own = onTerminal("\n", "runs", "delete", branch, "--runs-dir", runs());
        assertFalse(own.contains("Its branch"), own);

        CliTest.Run deleted = CliTest.run("runs", "delete", parent, "--force", "--runs-dir", runs());
        assertEquals(0, deleted.code(), deleted.err());
        assertEquals("deleted run " + parent + " (its branch " + branch + " keeps its own files)", deleted.out().strip());

        CliTest.Run show = CliTest.run("runs", "show", branch, "--runs-dir", runs());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("branched    from a deleted run (" + parent + ") at epoch 1 "), show.out());
        assertFalse(show.out().contains("run " + parent), "names no run that is gone: " + show.out());
        // what a branch needs is in its own folder: it is branched from again, at its own snapshot
        CliTest.Run again = CliTest.run("train", "--branch", branch + "@epoch:2", "--epochs", "3", "--out", dir.resolve("again.npz").toString(),
                "--runs-dir", runs());
        assertEquals(0, again.code(), again.err());
    }

    /**
     * With its parent deleted, a branch's details named the parent's id in their settings ("branched_from 1a2b3c4d at
     * epoch 1") as if it were there; they say it is gone, as the branch line above them and the window do, and so do a
     * comparison and the list's BRANCH OF column.
     */
    @Test
    void aBranchOfADeletedRunSaysItsParentIsGone() {
        String[] ids = CliTest.runAndBranch(dir, runs());
        String parent = ids[0], branch = ids[1];
        CliTest.Run b2 = CliTest.run("train", "--branch", parent + "@epoch:2", "--epochs", "3", "--out", dir.resolve("branch2.npz").toString(),
                "--runs-dir", runs());
        assertEquals(0, b2.code(), b2.err());
        String later = b2.out().replaceAll("(?s).*recorded as run ([0-9a-f]{8}).*", "$1");

        CliTest.Run before = CliTest.run("runs", "show", branch, "--runs-dir", runs());
        assertEquals(0, before.code(), before.err());
        assertTrue(before.out().lines().anyMatch(l -> l.matches("branched_from\\s+" + parent + " at epoch 1 .*")), before.out());

        assertEquals(0, CliTest.run("runs", "delete", parent, "--force", "--runs-dir", runs()).code());
        CliTest.Run show = CliTest.run("runs", "show", branch, "--runs-dir", runs());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().lines().anyMatch(l -> l.matches("branched_from\\s+" + parent + " \\(deleted\\) at epoch 1 .*")), show.out());

        // and a comparison of its branches, whose branch points differ
        CliTest.Run cmp = CliTest.run("runs", "compare", branch, later, "--runs-dir", runs());
        assertEquals(0, cmp.code(), cmp.err());
        assertTrue(cmp.out().lines().anyMatch(l -> l.matches("branched_from\\s+" + parent + " \\(deleted\\) at epoch 1 .*\\s+" + parent
                + " \\(deleted\\) at epoch 2 .*")), cmp.out());

        CliTest.Run list = CliTest.run("runs", "list", "--runs-dir", runs());
        assertEquals(0, list.code(), list.err());
        List<String> lines = list.out().lines().toList();
        int column = lines.get(0).indexOf("BRANCH OF");
        assertTrue(column > 0, list.out());
        String row = lines.stream().filter(l -> l.startsWith(branch)).findFirst().orElseThrow();
        assertTrue(row.startsWith(parent + " (deleted)", column), list.out());
    }

    /**
     * A trial deleted a run of a sweep: the question did not say it was the sweep's, and the sweep then listed the run as
     * "not started", so that resuming it trained the run again unannounced. The question names the sweep, and the sweep
     * says its resume trains the deleted run again.
     */
    @Test
    void deletingASweepsRunNamesTheSweepAndItsResumeSaysItTrainsItAgain() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) gives the child a terminal");
        CliTest.Run sweep = CliTest.run("sweep", "--model", "linear 16, relu, linear", "--lr", "0.1,0.05", "--batch-size", "50", "--epochs", "1",
                "--train-size", "300", "--test-size", "100", "--runs-dir", runs());
        assertEquals(0, sweep.code(), sweep.err());
        String sweepId = sweep.err().replaceAll("(?s).*?sweep ([0-9a-f]{8}): .*", "$1");
        assertEquals(8, sweepId.length(), sweep.err());
        String id = sweep.out().lines().filter(l -> l.startsWith("1 ")).findFirst().orElseThrow().split("\\s+")[1];

        String kept = onTerminal("n\n", "runs", "delete", id, "--runs-dir", runs());
        assertTrue(kept.matches("(?s).*It is run [12] of sweep " + sweepId + ": the sweep lists it as deleted, and resuming the sweep trains it again\\..*"), kept);
        assertTrue(kept.contains("kept run " + id), kept);

        CliTest.Run deleted = CliTest.run("runs", "delete", id, "--force", "--runs-dir", runs());
        assertEquals(0, deleted.code(), deleted.err());
        assertTrue(deleted.out().strip().matches("deleted run " + id + " \\(sweep " + sweepId + " lists its run [12] as deleted\\)"), deleted.out());

        CliTest.Run resumed = CliTest.run("sweep", "--resume", sweepId, "--runs-dir", runs());
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().lines().anyMatch(l -> l.matches("\\[[12]/2 .*\\] started again \\(its run " + id + " was deleted\\)")), resumed.err());
    }
}
