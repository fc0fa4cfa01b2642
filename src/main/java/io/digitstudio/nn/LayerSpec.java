package io.digitstudio.nn;

import java.util.Locale;

/** One item of a {@link NetworkSpec}, written as the user writes it ({@code conv 20 5}, {@code relu}, ...). */
public sealed interface LayerSpec {
    /** The item in the spec's text form. */
    String text();

    /** {@code conv OUT K [stride S] [pad P]}: Chainer's Convolution2D with {@code OUT} output channels. */
    record Conv(int out, int ksize, int stride, int pad) implements LayerSpec {
        @Override
        public String text() {
            return "conv " + out + " " + ksize + (stride != 1 ? " stride " + stride : "") + (pad != 0 ? " pad " + pad : "");
        }
    }

    /** {@code linear [N]}: a fully-connected layer; without N (only last) it has one output per class. */
    record Linear(int out) implements LayerSpec {
        public static final int CLASSES = 0;

        @Override
        public String text() {
            return out == CLASSES ? "linear" : "linear " + out;
        }
    }

    /** {@code relu}, {@code sigmoid}, {@code tanh}. */
    record Activation(String name) implements LayerSpec {
        @Override
        public String text() {
            return name;
        }
    }

    /** {@code maxpool K [stride S] [pad P]} (Chainer's max_pooling_2d, cover_all) or {@code avgpool ...}. */
    record Pool(boolean max, int ksize, int stride, int pad) implements LayerSpec {
        @Override
        public String text() {
            return (max ? "maxpool " : "avgpool ") + ksize + (stride != ksize ? " stride " + stride : "") + (pad != 0 ? " pad " + pad : "");
        }
    }

    /** {@code batchnorm}: Chainer's BatchNormalization over the channels (or features) of its input. */
    record BatchNorm() implements LayerSpec {
        @Override
        public String text() {
            return "batchnorm";
        }
    }

    /** {@code dropout R}: drops a fraction R of the values while training. */
    record Dropout(double ratio) implements LayerSpec {
        @Override
        public String text() {
            return "dropout " + format(ratio);
        }

        private static String format(double r) {
            String s = String.format(Locale.ROOT, "%.6f", r);
            s = s.replaceAll("0+$", "");
            return s.endsWith(".") ? s + "0" : s;
        }
    }

    /** {@code flatten}: (n, c, h, w) to (n, c·h·w); Linear does this itself, so it is only for clarity. */
    record Flatten() implements LayerSpec {
        @Override
        public String text() {
            return "flatten";
        }
    }
}
