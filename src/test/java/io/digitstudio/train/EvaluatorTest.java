package io.digitstudio.train;

import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Mnist;
import io.digitstudio.data.Rng;
import io.digitstudio.nn.Cores;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Network;
import io.digitstudio.nn.NetworkSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/**
 * A prepared evaluator's passes take no array they have not taken before, its first pass included, and give what an
 * unprepared one gives, bit for bit.
 */
class EvaluatorTest {
    static LabeledImages test;
    private final int cores = Cores.count();

    @BeforeAll
    static void data() {
        Nd4jSetup.init();
        test = Mnist.bundled().test().head(200); // 6 batches of 32 and one of 8
    }

    @AfterEach
    void restoreCores() {
        Cores.setCount(cores);
    }

    @Test
    void aPreparedEvaluatorsFirstPassTakesNoNewArrays() {
        for (String spec : new String[]{"linear 30, relu, linear", "linear 30, batchnorm, relu, linear"}) {
            for (int c : new int[]{1, 2, 3}) {
                Cores.setCount(c);
                Network net = new Network(NetworkSpec.parse(spec), test.exampleShape(), 10, new Rng(7));
                Evaluator prepared = new Evaluator(test, 32).tallyConfusion(true);
                prepared.prepare(net);
                long before = prepared.allocations();
                assertTrue(before > 0, spec + ", " + c + " cores: nothing taken");
                Evaluator.Result r = prepared.evaluate(net);
                assertEquals(before, prepared.allocations(), spec + ", " + c + " cores: the first pass took new arrays");

                Evaluator.Result plain = new Evaluator(test, 32).tallyConfusion(true).evaluate(net);
                assertEquals(Double.doubleToLongBits(plain.loss()), Double.doubleToLongBits(r.loss()), spec + ", " + c + " cores: loss");
                assertEquals(plain.accuracy(), r.accuracy(), 0, spec + ", " + c + " cores: accuracy");
                for (int i = 0; i < 10; i++) {
                    for (int j = 0; j < 10; j++) assertEquals(plain.confusion().count(i, j), r.confusion().count(i, j));
                }
            }
        }
    }

    /**
     * A run's validation says how far it is after each batch: the trial's Train view said "Validating epoch 1… 0%" to
     * the end of a validation of a few batches, the share being said only every 16th batch. With several cores the
     * share counts every part's batches, and never goes back.
     */
    @Test
    void theValidationSaysHowFarItIsAfterEachBatch() {
        Network net = new Network(NetworkSpec.parse("linear 30, relu, linear"), test.exampleShape(), 10, new Rng(7));
        Cores.setCount(1);
        java.util.List<Double> said = new java.util.ArrayList<>();
        new Evaluator(test, 32).evaluate(net, said::add);
        assertEquals(java.util.List.of(1 / 7.0, 2 / 7.0, 3 / 7.0, 4 / 7.0, 5 / 7.0, 6 / 7.0, 1.0), said);
        for (int c : new int[]{2, 3}) {
            Cores.setCount(c);
            java.util.List<Double> shares = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            new Evaluator(test, 32).evaluate(net, shares::add);
            // part 0 takes batches 0, c, 2c, ...: one share after each of them
            assertEquals((7 + c - 1) / c, shares.size(), c + " cores: " + shares);
            for (int i = 0; i < shares.size(); i++) {
                assertTrue(shares.get(i) > 0 && shares.get(i) <= 1, c + " cores: " + shares);
                if (i > 0) assertTrue(shares.get(i) > shares.get(i - 1), c + " cores, goes back: " + shares);
            }
        }
    }
}
