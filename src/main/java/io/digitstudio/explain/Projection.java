package io.digitstudio.explain;

import io.digitstudio.data.Rng;

/**
 * A first, cheap pass of an exact nearest-neighbour search: every row projected onto a few principal directions of
 * the rows ({@link #M} of them, found from a sample), so that a query compares {@code M} values a row instead of all
 * of them. An orthonormal projection never lengthens a vector, so the projected distance is a lower bound on the real
 * one; the bound here also allows for every rounding of the float arithmetic (of the projection, of the projected
 * distance, and of the exact distance it is compared with), so a row it rules out can never be among the k nearest.
 * The rows it does not rule out are compared exactly, with the same arithmetic as a scan of every row, so the answer
 * is the scan's answer, not an approximation.
 */
final class Projection {
    /** Directions kept: enough to rule out nearly every row, few enough that the first pass reads little memory. */
    static final int M = 32;
    /** Rows the directions are estimated from. */
    static final int SAMPLE = 2000;
    /** Rounds of subspace iteration; any orthonormal basis keeps the search exact, a better one only makes it faster. */
    static final int ROUNDS = 10;
    /** The unit round-off of float. */
    static final double U = Math.ulp(1f) / 2;

    /** Copies row {@code r} into {@code out}. */
    interface Rows {
        void row(int r, float[] out);
    }

    /** Row {@code r}'s exact squared distance to the query, or any value above {@code bound} once it must exceed it. */
    interface Exact {
        double distance(int r, double bound);
    }

    private final int count;
    private final int dim;
    private final int m;
    /** The directions, transposed: value j of direction i at {@code [j * m + i]}. */
    private final float[] basisT;
    /** Each row's projection, {@code m} values a row. */
    private final float[] projected;
    /** An upper bound on the spectral norm of the (float) projection: near 1, never below what it is. */
    private final double sigma;
    /** An upper bound on the error of any row's stored projection. */
    private final double rowError;

    private Projection(int count, int dim, int m, float[] basisT, float[] projected, double sigma, double rowError) {
        this.count = count;
        this.dim = dim;
        this.m = m;
        this.basisT = basisT;
        this.projected = projected;
        this.sigma = sigma;
        this.rowError = rowError;
    }

    /** The projection of {@code count} rows of {@code dim} values onto their leading principal directions. */
    static Projection of(int count, int dim, Rows rows) {
        int m = Math.min(M, dim);
        double[] q = directions(count, dim, m, rows);
        float[] basisT = new float[dim * m];
        for (int i = 0; i < m; i++) for (int j = 0; j < dim; j++) basisT[j * m + i] = (float) q[i * dim + j];
        double sigma = normBound(basisT, dim, m);
        float[] projected = new float[Math.multiplyExact(count, m)];
        float[] x = new float[dim];
        float[] y = new float[m];
        double maxNorm = 0;
        for (int r = 0; r < count; r++) {
            rows.row(r, x);
            project(basisT, m, x, y);
            System.arraycopy(y, 0, projected, r * m, m);
            maxNorm = Math.max(maxNorm, norm(x));
        }
        return new Projection(count, dim, m, basisT, projected, sigma, error(maxNorm, dim, m, sigma));
    }

    /** Floats this projection keeps. */
    long bytes() {
        return 4L * (projected.length + basisT.length);
    }

    int directions() {
        return m;
    }

    /**
     * The {@code k} nearest rows (ties to the lower index), each row that could be among them compared with {@code
     * exact}, whose result is within a relative {@code exactError} of the true squared distance.
     */
    TopK nearest(float[] query, int k, Exact exact, double exactError) {
        int n = Math.min(k, count);
        TopK top = new TopK(n);
        float[] z = new float[m];
        project(basisT, m, query, z);
        double slack = rowError + error(norm(query), dim, m, sigma);
        float[] p = new float[count];
        TopK seeds = new TopK(n);
        for (int r = 0; r < count; r++) {
            float s = projectedDistance(r, z);
            p[r] = s;
            seeds.offer(s, r);
        }
        // the rows nearest in projection first: their exact distances set a tight bound for the rest
        int[] seeded = seeds.indices();
        for (int r : seeded) top.offer(exact.distance(r, Double.POSITIVE_INFINITY), r);
        double bound = top.bound();
        double limit = limit(bound, slack, exactError);
        for (int r = 0; r < count; r++) {
            if (p[r] > limit || contains(seeded, r)) continue;
            double d = exact.distance(r, bound);
            if (d > bound) continue;
            top.offer(d, r);
            if (top.bound() < bound) {
                bound = top.bound();
                limit = limit(bound, slack, exactError);
            }
        }
        return top;
    }

    /**
     * The largest projected squared distance a row may have and still be within {@code bound} (an exact squared
     * distance): a row whose projected distance is larger is provably farther. With D the true distance, y and z the
     * stored projections, P the projection: D >= |P(x - q)| / sigma >= (|y - z| - slack) / sigma, |y - z|^2 >= p / (1
     * + g) for the computed p, and the exact distance is at least D^2 (1 - exactError).
     */
    double limit(double bound, double slack, double exactError) {
        if (bound == Double.POSITIVE_INFINITY) return Double.POSITIVE_INFINITY;
        double g = 2 * (m + 4) * U;
        double root = sigma * Math.sqrt(bound / (1 - exactError)) + slack;
        return root * root * (1 + g) * (1 + 1e-9);
    }

    /**
     * Row {@code r}'s squared distance to the projected query {@code z}, in floats, four sums side by side; the first pass
     * and {@link #lowerBound} must sum in this one order, since the bound allows for exactly its rounding.
     */
    private float projectedDistance(int r, float[] z) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0, base = r * m;
        for (; i + 3 < m; i += 4) {
            float a = projected[base + i] - z[i], b = projected[base + i + 1] - z[i + 1];
            float c = projected[base + i + 2] - z[i + 2], d = projected[base + i + 3] - z[i + 3];
            s0 += a * a;
            s1 += b * b;
            s2 += c * c;
            s3 += d * d;
        }
        for (; i < m; i++) {
            float a = projected[base + i] - z[i];
            s0 += a * a;
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Row {@code r}'s lower bound on its exact squared distance to {@code query} (for tests of the bound). */
    double lowerBound(int r, float[] query, double exactError) {
        float[] z = new float[m];
        project(basisT, m, query, z);
        double slack = rowError + error(norm(query), dim, m, sigma);
        double s = projectedDistance(r, z);
        double g = 2 * (m + 4) * U;
        double root = Math.max(0, Math.sqrt(s / (1 + g) / (1 + 1e-9)) - slack) / sigma;
        return root * root * (1 - exactError);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }

    /** y = P x, skipping x's zeros (most of a digit's pixels and of a ReLU's outputs). */
    private static void project(float[] basisT, int m, float[] x, float[] y) {
        java.util.Arrays.fill(y, 0f);
        for (int j = 0; j < x.length; j++) {
            float a = x[j];
            if (a == 0) continue;
            int base = j * m;
            for (int i = 0; i < m; i++) y[i] += a * basisT[base + i];
        }
    }

    private static double norm(float[] x) {
        double s = 0;
        for (float v : x) s += (double) v * v;
        return Math.sqrt(s) * (1 + 1e-12);
    }

    /**
     * A bound on |fl(P x) - P x| for a vector of norm {@code norm}: each of the m sums of dim products errs by at most
     * gamma_dim times the sum of the products' magnitudes, which is at most sigma |x| (Cauchy-Schwarz, each direction
     * no longer than sigma); doubled for good measure.
     */
    private static double error(double norm, int dim, int m, double sigma) {
        return 2 * Math.sqrt(m) * (dim + 2) * U * sigma * norm;
    }

    /** An upper bound on the spectral norm of P: the square root of the largest row sum of |P P^T| (Gershgorin). */
    private static double normBound(float[] basisT, int dim, int m) {
        double worst = 0;
        for (int a = 0; a < m; a++) {
            double row = 0;
            for (int b = 0; b < m; b++) {
                double g = 0;
                for (int j = 0; j < dim; j++) g += (double) basisT[j * m + a] * basisT[j * m + b];
                row += Math.abs(g);
            }
            worst = Math.max(worst, row);
        }
        return Math.sqrt(worst * (1 + 1e-9));
    }

    /**
     * {@code m} orthonormal directions (row-major, m x dim) spanning most of the rows' variance: the covariance of an
     * even sample of rows, then subspace iteration from a fixed random start.
     */
    private static double[] directions(int count, int dim, int m, Rows rows) {
        int s = Math.min(SAMPLE, count);
        double[] cov = new double[dim * dim];
        double[] mean = new double[dim];
        float[] x = new float[dim];
        int[] nz = new int[dim];
        for (int t = 0; t < s; t++) {
            rows.row((int) ((long) t * count / s), x);
            int k = 0;
            for (int j = 0; j < dim; j++) if (x[j] != 0) nz[k++] = j;
            for (int a = 0; a < k; a++) {
                int ja = nz[a];
                double xa = x[ja];
                mean[ja] += xa;
                int base = ja * dim;
                for (int b = 0; b < k; b++) cov[base + nz[b]] += xa * x[nz[b]];
            }
        }
        for (int j = 0; j < dim; j++) mean[j] /= s;
        for (int a = 0; a < dim; a++) for (int b = 0; b < dim; b++) cov[a * dim + b] = cov[a * dim + b] / s - mean[a] * mean[b];
        Rng rng = new Rng(36);
        double[] q = new double[m * dim];
        for (int i = 0; i < q.length; i++) q[i] = rng.nextGaussian();
        orthonormalize(q, m, dim, rng);
        double[] z = new double[m * dim];
        for (int round = 0; round < ROUNDS; round++) {
            java.util.Arrays.fill(z, 0);
            for (int i = 0; i < m; i++) {
                int qi = i * dim;
                for (int a = 0; a < dim; a++) {
                    double v = 0;
                    int ca = a * dim;
                    for (int b = 0; b < dim; b++) v += cov[ca + b] * q[qi + b];
                    z[qi + a] = v;
                }
            }
            System.arraycopy(z, 0, q, 0, q.length);
            orthonormalize(q, m, dim, rng);
        }
        return q;
    }

    /** Modified Gram-Schmidt, twice; a direction that vanishes (the rows span fewer than m) is drawn again. */
    private static void orthonormalize(double[] q, int m, int dim, Rng rng) {
        for (int i = 0; i < m; i++) {
            for (int attempt = 0; ; attempt++) {
                for (int pass = 0; pass < 2; pass++) {
                    for (int p = 0; p < i; p++) {
                        double dot = 0;
                        for (int j = 0; j < dim; j++) dot += q[i * dim + j] * q[p * dim + j];
                        for (int j = 0; j < dim; j++) q[i * dim + j] -= dot * q[p * dim + j];
                    }
                }
                double n = 0;
                for (int j = 0; j < dim; j++) n += q[i * dim + j] * q[i * dim + j];
                n = Math.sqrt(n);
                if (n > 1e-9 || attempt > 20) {
                    if (n == 0) throw new IllegalStateException("no direction left to project onto");
                    for (int j = 0; j < dim; j++) q[i * dim + j] /= n;
                    break;
                }
                for (int j = 0; j < dim; j++) q[i * dim + j] = rng.nextGaussian();
            }
        }
    }
}
