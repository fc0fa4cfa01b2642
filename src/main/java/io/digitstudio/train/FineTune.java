package io.digitstudio.train;

import io.digitstudio.data.AugmentedDataset;
import io.digitstudio.data.Dataset;
import io.digitstudio.data.LabeledImages;
import io.digitstudio.data.Rng;
import io.digitstudio.io.ModelFiles;
import io.digitstudio.io.ModelInfo;
import io.digitstudio.nn.Network;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Teaching a model someone's handwriting: their digits are split (stratified by label) into some to learn from and
 * some kept aside to measure on; the model trains further on MNIST's training images mixed with the digits to learn
 * from (oversampled, and distorted a little each time, so that a few dozen drawings weigh without being learnt by
 * heart); and the model before and after is measured on the digits kept aside and on MNIST's test set, so the gain on
 * their writing and any loss on MNIST are both in plain view. With too few digits to keep enough aside, none is: the
 * model learns from all of them and MNIST's test set alone measures it, which is said rather than given as a figure.
 */
public final class FineTune {
    private FineTune() {
    }

    /** Fewest digits kept aside for their accuracy to mean something (one more or less moves it by 10 points). */
    public static final int MIN_HELD_OUT = 10;

    /** The user's digits split into the ones to learn from and the ones kept aside. */
    public record Split(LabeledImages learn, LabeledImages heldOut) {
        public boolean measurable() {
            return heldOut != null && heldOut.size() >= MIN_HELD_OUT;
        }
    }

    /**
     * Keeps {@code share} of each label's digits aside (rounded, at least one of any label with two or more, never all
     * of a label), chosen at random with {@code seed}.
     */
    public static Split split(LabeledImages mine, double share, long seed) {
        Map<Integer, List<Integer>> byLabel = new TreeMap<>();
        for (int i = 0; i < mine.size(); i++) byLabel.computeIfAbsent(mine.label(i), k -> new ArrayList<>()).add(i);
        Rng rng = new Rng(seed);
        List<Integer> learn = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        for (List<Integer> idx : byLabel.values()) {
            int[] perm = rng.permutation(idx.size());
            int k = idx.size() < 2 ? 0 : Math.max(1, Math.min(idx.size() - 1, (int) Math.round(idx.size() * share)));
            for (int j = 0; j < idx.size(); j++) (j < k ? held : learn).add(idx.get(perm[j]));
        }
        return new Split(subset(mine, learn, mine.name() + " (to learn from)"), held.isEmpty() ? null : subset(mine, held, mine.name() + " (kept aside)"));
    }

    static LabeledImages subset(LabeledImages set, List<Integer> idx, String name) {
        int per = set.rows() * set.cols();
        byte[] px = new byte[idx.size() * per];
        byte[] lb = new byte[idx.size()];
        for (int i = 0; i < idx.size(); i++) {
            for (int r = 0; r < set.rows(); r++) {
                for (int c = 0; c < set.cols(); c++) px[i * per + r * set.cols() + c] = (byte) set.pixel(idx.get(i), r, c);
            }
            lb[i] = (byte) set.label(idx.get(i));
        }
        return new LabeledImages(name, px, lb, idx.size(), set.rows(), set.cols()).withClasses(set.classes());
    }

    /** A base dataset followed by {@code extra} repeated {@code times} times (each repeat distorted anew if augmented). */
    public static Dataset mix(Dataset base, LabeledImages extra, int times, long seed, boolean augment) {
        Dataset e = augment ? new AugmentedDataset(extra, seed) : extra;
        return new Dataset() {
            @Override
            public int size() {
                return base.size() + e.size() * times;
            }

            @Override
            public int featureSize() {
                return base.featureSize();
            }

            @Override
            public int[] exampleShape() {
                return base.exampleShape();
            }

            @Override
            public int classes() {
                return Math.max(base.classes(), e.classes());
            }

            @Override
            public int label(int index) {
                return index < base.size() ? base.label(index) : e.label((index - base.size()) % e.size());
            }

            @Override
            public void copyFeatures(int index, float[] dst, int offset) {
                if (index < base.size()) base.copyFeatures(index, dst, offset);
                else e.copyFeatures((index - base.size()) % e.size(), dst, offset);
            }
        };
    }

    /**
     * How a fine-tuning went: accuracies before and after on the {@code heldOut} digits kept aside (NaN, and none kept
     * aside, when too few could be) and on MNIST's test set; how many of the user's digits it learnt from, and how many
     * the user needs in all for some to be kept aside and measured on.
     */
    public record Result(Network tuned, double mineBefore, double mineAfter, int heldOut, int learntFrom, int fewestToMeasure, double mnistBefore,
                         double mnistAfter, TrainingResult training) {
        /** Whether the user's digits kept aside measured the model (they were enough). */
        public boolean measuredOnMine() {
            return !Double.isNaN(mineBefore);
        }

        /** Before and after in a line, in the figures the app shows them with ({@link #percent}) and its arrow. */
        public String summary() {
            String mine = measuredOnMine() ? String.format(Locale.ROOT, "your %d digits kept aside: %s → %s", heldOut, percent(mineBefore), percent(mineAfter))
                    : String.format(Locale.ROOT, "your %d digits too few to keep some aside (%d or more), all learnt from", learntFrom, fewestToMeasure);
            return mine + "; MNIST test: " + percent(mnistBefore) + " → " + percent(mnistAfter);
        }
    }

    /** How many digits the user needs in all for enough of them to be kept aside with {@code share} ({@link #MIN_HELD_OUT}). */
    public static int fewestToMeasure(double share) {
        return (int) Math.ceil(MIN_HELD_OUT / share);
    }

    /** An accuracy as the fine-tuning's figures are written wherever they show: "99.03%", two decimals. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    /** What a fine-tuning trains with. {@code weight}: how many times the user's digits are repeated in an epoch. */
    public record Settings(int epochs, double lr, int weight, int mnistExamples, double heldOutShare, long seed) {
        public static Settings defaults() {
            return new Settings(2, 0.005, 60, 12_000, 0.3, 0);
        }
    }

    /** The parts of a fine-tuning, in their order: the model measured before, trained further, and measured again. */
    public enum Phase { MEASURING_BEFORE, TRAINING, MEASURING_AFTER }

    /**
     * Where a fine-tuning is: its phase, the epoch being trained (0 outside training) of {@code epochs}, and the share
     * of the whole fine-tuning done, all three phases in one figure that only goes forward.
     */
    public record Progress(Phase phase, int epoch, int epochs, double done) {
    }

    /**
     * How much more a training example costs than one measured: a forward pass, a backward pass twice its work and the
     * update, against a forward pass alone.
     */
    private static final int TRAINING_COST = 3;

    /** {@link #run(Network, LabeledImages, LabeledImages, LabeledImages, Settings, List, java.util.function.Consumer, java.util.function.Consumer)} told nothing of its progress. */
    public static Result run(Network model, LabeledImages mnistTrain, LabeledImages mnistTest, LabeledImages mine, Settings s,
                             List<Extension> extensions, java.util.function.Consumer<TrainingLoop> prepare) {
        return run(model, mnistTrain, mnistTest, mine, s, extensions, prepare, null);
    }

    /**
     * Fine-tunes a copy of {@code model} (left as it is) on {@code s.mnistExamples} MNIST training images and the digits
     * to learn from; {@code extensions} (may be null) run with it, {@code prepare} (may be null) sees the loop before it
     * runs (e.g. to record it), and {@code progress} (may be null) hears on the training thread how far the whole is,
     * measurements included: a share of the whole per phase, by the examples each passes over, so that one bar can
     * show all three. A training that does not complete (stopped, diverged) is not measured after: the result's after
     * figures are NaN, and its {@code training()} says how it ended.
     */
    public static Result run(Network model, LabeledImages mnistTrain, LabeledImages mnistTest, LabeledImages mine, Settings s,
                             List<Extension> extensions, java.util.function.Consumer<TrainingLoop> prepare,
                             java.util.function.Consumer<Progress> progress) {
        Split split = split(mine, s.heldOutShare(), s.seed());
        // too few kept aside to measure on are learnt from instead: kept aside, they served neither end
        if (!split.measurable()) split = new Split(mine, null);
        if (split.learn() == null || split.learn().size() == 0) throw new IllegalArgumentException("no digits to learn from");
        boolean measurable = split.measurable();
        Dataset train = mix(mnistTrain.limit(Math.min(s.mnistExamples(), mnistTrain.size()), "MNIST examples"), split.learn(), s.weight(), s.seed() ^ 0x5EED, true);
        TrainingConfig cfg = new TrainingConfig(s.epochs(), 128, model.spec(), "momentum-sgd", Map.of("lr", s.lr()), s.seed(), true, 0, 0, false);
        TrainingLoop loop = TrainingLoop.create(cfg, train, mnistTest, "MNIST + your digits");
        if (loop.model().classes() != model.classes()) {
            throw new IllegalArgumentException("the model has " + model.classes() + " outputs but MNIST and your digits have " + loop.model().classes() + " classes");
        }
        // the whole's work in examples passed over: both measurements, and the training with its validation each epoch
        double heldOut = measurable ? split.heldOut().size() : 0;
        double measuring = mnistTest.size() + heldOut;
        long iterations = loop.iterator().iterationsUntilEpoch(s.epochs());
        double training = (double) iterations * cfg.batchSize() * TRAINING_COST + (double) s.epochs() * mnistTest.size();
        double whole = 2 * measuring + training;
        Tell tell = new Tell(progress, s.epochs());

        Evaluator mnistEval = new Evaluator(mnistTest, 256);
        double mnistBefore = mnistEval.evaluate(model, f -> tell.at(Phase.MEASURING_BEFORE, 0, f * mnistTest.size() / whole)).accuracy();
        double mineBefore = measurable ? new Evaluator(split.heldOut(), 256).evaluate(model, f -> tell.at(Phase.MEASURING_BEFORE, 0,
                (mnistTest.size() + f * heldOut) / whole)).accuracy() : Double.NaN;
        // the copy starts from the model's weights (and its batch-normalisation statistics)
        ModelFiles.loadInto(ModelFiles.toArrays(model, ModelInfo.NONE), loop.model(), "the active model");
        if (extensions != null) extensions.forEach(loop::addExtension);
        if (progress != null) loop.addExtension(new Extension() {
            @Override
            public String name() {
                return "FineTuneProgress";
            }

            @Override
            public Trigger trigger() {
                return Trigger.EVERY_ITERATION;
            }

            @Override
            public void call(TrainingLoop l) {
                // the epoch under way; at an epoch's end, the one just done
                int epoch = Math.min(s.epochs(), l.iterator().epoch() + (l.iterator().isNewEpoch() ? 0 : 1));
                tell.at(Phase.TRAINING, epoch, (measuring + training * Math.min(1, (double) l.iteration() / Math.max(1, iterations))) / whole);
            }
        });
        if (prepare != null) prepare.accept(loop);
        TrainingResult r = loop.run();
        Network tuned = loop.model();
        int held = split.heldOut() == null ? 0 : split.heldOut().size();
        if (r.outcome() != TrainingResult.Outcome.COMPLETED) {
            return new Result(tuned, mineBefore, Double.NaN, held, split.learn().size(), fewestToMeasure(s.heldOutShare()), mnistBefore, Double.NaN, r);
        }
        double after = measuring + training;
        double mnistAfter = mnistEval.evaluate(tuned, f -> tell.at(Phase.MEASURING_AFTER, 0, (after + f * mnistTest.size()) / whole)).accuracy();
        double mineAfter = measurable ? new Evaluator(split.heldOut(), 256).evaluate(tuned, f -> tell.at(Phase.MEASURING_AFTER, 0,
                (after + mnistTest.size() + f * heldOut) / whole)).accuracy() : Double.NaN;
        tell.at(Phase.MEASURING_AFTER, 0, 1);
        return new Result(tuned, mineBefore, mineAfter, held, split.learn().size(), fewestToMeasure(s.heldOutShare()), mnistBefore, mnistAfter, r);
    }

    /** Hands progress on, never a share smaller than one already told (rounding, or a phase's pass told twice). */
    private static final class Tell {
        private final java.util.function.Consumer<Progress> to;
        private final int epochs;
        private double furthest;

        Tell(java.util.function.Consumer<Progress> to, int epochs) {
            this.to = to;
            this.epochs = epochs;
        }

        void at(Phase phase, int epoch, double done) {
            if (to == null) return;
            furthest = Math.max(furthest, Math.min(1, done));
            to.accept(new Progress(phase, epoch, epochs, furthest));
        }
    }
}
