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

    /**
     * Fine-tunes a copy of {@code model} (left as it is) on {@code s.mnistExamples} MNIST training images and the digits
     * to learn from; {@code extensions} (may be null) run with it (e.g. progress for a window), and {@code prepare} (may
     * be null) sees the loop before it runs (e.g. to record it).
     */
    public static Result run(Network model, LabeledImages mnistTrain, LabeledImages mnistTest, LabeledImages mine, Settings s,
                             List<Extension> extensions, java.util.function.Consumer<TrainingLoop> prepare) {
        Split split = split(mine, s.heldOutShare(), s.seed());
        // too few kept aside to measure on are learnt from instead: kept aside, they served neither end
        if (!split.measurable()) split = new Split(mine, null);
        if (split.learn() == null || split.learn().size() == 0) throw new IllegalArgumentException("no digits to learn from");
        Evaluator mnistEval = new Evaluator(mnistTest, 256);
        double mnistBefore = mnistEval.evaluate(model).accuracy();
        boolean measurable = split.measurable();
        double mineBefore = measurable ? new Evaluator(split.heldOut(), 256).evaluate(model).accuracy() : Double.NaN;
        Dataset train = mix(mnistTrain.limit(Math.min(s.mnistExamples(), mnistTrain.size()), "MNIST examples"), split.learn(), s.weight(), s.seed() ^ 0x5EED, true);
        TrainingConfig cfg = new TrainingConfig(s.epochs(), 128, model.spec(), "momentum-sgd", Map.of("lr", s.lr()), s.seed(), true, 0, 0, false);
        TrainingLoop loop = TrainingLoop.create(cfg, train, mnistTest, "MNIST + your digits");
        if (loop.model().classes() != model.classes()) {
            throw new IllegalArgumentException("the model has " + model.classes() + " outputs but MNIST and your digits have " + loop.model().classes() + " classes");
        }
        // the copy starts from the model's weights (and its batch-normalisation statistics)
        ModelFiles.loadInto(ModelFiles.toArrays(model, ModelInfo.NONE), loop.model(), "the active model");
        if (extensions != null) extensions.forEach(loop::addExtension);
        if (prepare != null) prepare.accept(loop);
        TrainingResult r = loop.run();
        Network tuned = loop.model();
        double mineAfter = measurable ? new Evaluator(split.heldOut(), 256).evaluate(tuned).accuracy() : Double.NaN;
        double mnistAfter = mnistEval.evaluate(tuned).accuracy();
        return new Result(tuned, mineBefore, mineAfter, split.heldOut() == null ? 0 : split.heldOut().size(), split.learn().size(),
                fewestToMeasure(s.heldOutShare()), mnistBefore, mnistAfter, r);
    }
}
