package io.digitstudio.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** A refused command line names what the user typed: the option as given, and only the option that was mistyped. */
class OptionWordsCliTest {
    @TempDir
    Path dir;

    @Test
    void aNumberOutOfBoundsIsRefusedNamingTheOptionAsTyped() throws Exception {
        String runs = dir.resolve("runs").toString();
        // each: the command line, then the whole error line it must give
        String[][] cases = {
                {"train --epochs 0", "digitstudio train: error: --epochs must be at least 1, got 0"},
                {"train --epochs 20000", "digitstudio train: error: --epochs must be at most 10000, got 20000"},
                {"train --batch-size 0", "digitstudio train: error: --batch-size must be at least 1, got 0"},
                {"train --batch-size 70000", "digitstudio train: error: --batch-size must be at most 60000, got 70000"},
                {"train --lr -1", "digitstudio train: error: --lr must be a positive number, got -1"},
                {"train --optimizer adam --lr 0", "digitstudio train: error: --lr must be a positive number, got 0"},
                {"train --momentum 2", "digitstudio train: error: --momentum must be at least 0 and below 1, got 2"},
                {"train --momentum -0.5", "digitstudio train: error: --momentum must be at least 0 and below 1, got -0.5"},
                {"train --train-size 0", "digitstudio train: error: --train-size must be at least 1 (leave it out to use all), got 0"},
                {"train --test-size -3", "digitstudio train: error: --test-size must be at least 1 (leave it out to use all), got -3"},
                {"lr-find --batch-size 0", "digitstudio lr-find: error: --batch-size must be at least 1, got 0"},
                {"lr-find --momentum 1", "digitstudio lr-find: error: --momentum must be at least 0 and below 1, got 1"},
                {"lr-find --train-size 0", "digitstudio lr-find: error: --train-size must be at least 1 (leave it out to use all), got 0"},
                {"sweep --lr 0.1 --epochs 0 --runs-dir " + runs, "digitstudio sweep: error: --epochs must be at least 1, got 0"},
                {"sweep --lr 0.1 --epochs 20000 --runs-dir " + runs, "digitstudio sweep: error: --epochs must be at most 10000, got 20000"},
                {"sweep --batch-size 64,70000 --runs-dir " + runs, "digitstudio sweep: error: --batch-size must be at most 60000, got 70000"},
                {"sweep --batch 32:70000 --random 2 --runs-dir " + runs, "digitstudio sweep: error: --batch must be at most 60000, got 70000"},
                {"sweep --lr 0.1 --momentum 0.9,2 --runs-dir " + runs, "digitstudio sweep: error: --momentum must be at least 0 and below 1, got 2"},
                {"sweep --lr 0.1 --momentum 0.5:1.5 --random 3 --runs-dir " + runs,
                        "digitstudio sweep: error: --momentum must be at least 0 and below 1, got 1.5"},
                {"sweep --lr 0.1 --test-size 0 --runs-dir " + runs, "digitstudio sweep: error: --test-size must be at least 1 (leave it out to use all), got 0"},
        };
        for (String[] c : cases) {
            CliTest.Run r = CliTest.run(c[0].split(" "));
            assertEquals(2, r.code(), c[0] + ": " + r.err());
            // a usage error: the line ends with where its command's help is
            assertEquals(c[1] + " (see '" + c[1].substring(0, c[1].indexOf(": error: ")) + " --help')", r.err().strip(), c[0]);
            assertEquals("", r.out(), c[0]);
        }
        assertFalse(Files.exists(dir.resolve("runs").resolve("sweeps")), "a refused sweep plans nothing");
    }

    @Test
    void aWarmUpBesideALinearScheduleIsRefusedBeforeAnythingRuns() {
        Path runs = dir.resolve("runs");
        CliTest.Run r = CliTest.run("train", "--epochs", "2", "--train-size", "256", "--lr-shift", "linear:0.1:0.01", "--warmup", "1",
                "--runs-dir", runs.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("digitstudio train: error: --warmup cannot be combined with the --lr-shift linear:0.1:0.01: a linear schedule sets the rate"
                + " at every iteration from its start; leave one of them out (see 'digitstudio train --help')", r.err().strip());
        assertEquals("", r.out());
        assertFalse(Files.exists(runs) && runs.toFile().list().length > 0, "nothing recorded");
    }

    @Test
    void aMistypedOptionIsNamedAloneWithoutTheValueThatFollowsIt() {
        CliTest.Run r = CliTest.run("train", "--epohcs", "1");
        assertEquals(2, r.code(), r.err());
        assertEquals("digitstudio train: error: unknown option '--epohcs'; did you mean --epochs? (see 'digitstudio train --help')", r.err().strip());
        CliTest.Run joined = CliTest.run("train", "--epohcs=1");
        assertEquals(r.err(), joined.err(), "--name=value names the option alone too");
        CliTest.Run negative = CliTest.run("lr-find", "--strat", "-1e-5");
        assertEquals("digitstudio lr-find: error: unknown option '--strat'; did you mean --start? (see 'digitstudio lr-find --help')", negative.err().strip());
        CliTest.Run two = CliTest.run("train", "--epohcs", "1", "--bach-size", "64");
        assertEquals(2, two.code());
        assertTrue(two.err().strip().startsWith("digitstudio train: error: unknown options '--epohcs', '--bach-size'; did you mean --epochs?"), two.err());
        assertEquals(1, two.err().strip().lines().count(), two.err());
    }
}
