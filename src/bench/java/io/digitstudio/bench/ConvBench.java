package io.digitstudio.bench;

import io.digitstudio.nn.F;
import io.digitstudio.nn.Nd4jSetup;
import io.digitstudio.nn.Parameter;
import io.digitstudio.nn.Variable;
import io.digitstudio.nn.Workspace;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.Locale;

/**
 * The measurement behind {@link Convolution2DFunction}'s design (decision record 0001): LeNet's second convolution
 * (batch 128, 20 to 50 channels, 5x5 on 12x12), forward and backward, through libnd4j's own {@code conv2d} and
 * {@code conv2d_bp} ops against this package's per-image im2col and sgemm. Medians over {@code reps} runs. Part of the
 * benchmark suite ({@code src/test/scripts/bench-suite.sh}); {@code main} prints one line.
 */
public final class ConvBench {
    private ConvBench() {
    }

    public static void main(String[] args) {
        System.out.println(run(args.length > 0 ? Integer.parseInt(args[0]) : 30));
    }

    public static String run(int reps) {
        Nd4jSetup.init();
        INDArray x = Nd4j.rand(DataType.FLOAT, 128, 20, 12, 12), w = Nd4j.rand(DataType.FLOAT, 50, 20, 5, 5), b = Nd4j.rand(DataType.FLOAT, 50);
        INDArray y = Nd4j.create(DataType.FLOAT, 128, 50, 8, 8), gy = Nd4j.rand(DataType.FLOAT, 128, 50, 8, 8);
        INDArray gx = Nd4j.create(DataType.FLOAT, 128, 20, 12, 12), gw = Nd4j.create(DataType.FLOAT, 50, 20, 5, 5), gb = Nd4j.create(DataType.FLOAT, 50);
        // kernel 5x5, stride 1, pad 0, dilation 1, not "same", NCHW, weights as (out, in, kh, kw)
        int[] args = {5, 5, 1, 1, 0, 0, 1, 1, 0, 0, 1};
        Workspace ws = new Workspace();
        Parameter xp = new Parameter(x, "x"), wp = new Parameter(w, "W"), bp = new Parameter(b, "b");
        double[][] t = new double[4][reps];
        for (int it = -5; it < reps; it++) {
            long t0 = System.nanoTime();
            Nd4j.exec(DynamicCustomOp.builder("conv2d").addInputs(x, w, b).addOutputs(y).addIntegerArguments(args).build());
            long t1 = System.nanoTime();
            Nd4j.exec(DynamicCustomOp.builder("conv2d_bp").addInputs(x, w, b, gy).addOutputs(gx, gw, gb).addIntegerArguments(args).build());
            long t2 = System.nanoTime();
            long t3;
            long t4;
            try (Workspace.Scope s = ws.enter()) {
                xp.cleargrad();
                wp.cleargrad();
                bp.cleargrad();
                Variable v = F.convolution2d(xp, wp, bp, 1, 0);
                t3 = System.nanoTime();
                v.setGrad(gy);
                v.backward();
                t4 = System.nanoTime();
            }
            if (it < 0) continue;
            t[0][it] = (t1 - t0) / 1e6;
            t[1][it] = (t2 - t1) / 1e6;
            t[2][it] = (t3 - t2) / 1e6;
            t[3][it] = (t4 - t3) / 1e6;
        }
        return String.format(Locale.ROOT, "conv 128x20x12x12 * 50x20x5x5: libnd4j conv2d forward %.2f ms, conv2d_bp %.2f ms;"
                + " per-image im2col+sgemm forward %.2f ms, backward %.2f ms (medians of %d)", median(t[0]), median(t[1]), median(t[2]), median(t[3]), reps);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
