package adjoint.eval;

import adjoint.expr.BinaryOp;
import adjoint.expr.Shape;
import adjoint.expr.UnaryOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Loops over the entries of row-major {@code double[][]} arrays, the form every matrix value
 * takes inside the passes. Every kernel returns a new array and leaves its arguments alone,
 * except {@link #addInto}.
 */
final class Kernels {

    private Kernels() {}

    /** {@return {@code op} applied to every entry of {@code x}} */
    static double[][] map(UnaryOp op, double[][] x) {
        double[][] r = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] xi = x[i];
            double[] ri = r[i] = new double[xi.length];
            for (int j = 0; j < xi.length; j++) {
                ri[j] = UnaryOp.value(op, xi[j]);
            }
        }
        return r;
    }

    /** {@return the pullback of an elementwise {@code op}, entry by entry} */
    static double[][] mapPullback(UnaryOp op, double[][] x, double[][] out, double[][] g) {
        double[][] r = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] ri = r[i] = new double[x[i].length];
            for (int j = 0; j < ri.length; j++) {
                ri[j] = UnaryOp.pullback(op, g[i][j], x[i][j], out[i][j]);
            }
        }
        return r;
    }

    /** {@return {@code op} applied to matching entries of {@code x} and {@code y}} */
    static double[][] zip(BinaryOp op, double[][] x, double[][] y) {
        double[][] r = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] ri = r[i] = new double[x[i].length];
            for (int j = 0; j < ri.length; j++) {
                ri[j] = BinaryOp.value(op, x[i][j], y[i][j]);
            }
        }
        return r;
    }

    /** {@return the pullback of an elementwise {@code op} to its left ({@code left}) or right input} */
    static double[][] zipPullback(BinaryOp op, boolean left, double[][] x, double[][] y, double[][] out, double[][] g) {
        double[][] r = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double[] ri = r[i] = new double[x[i].length];
            for (int j = 0; j < ri.length; j++) {
                ri[j] = left
                        ? BinaryOp.pullbackA(op, g[i][j], x[i][j], y[i][j], out[i][j])
                        : BinaryOp.pullbackB(op, g[i][j], x[i][j], y[i][j], out[i][j]);
            }
        }
        return r;
    }

    /** Below this many multiply-adds a product is computed on the calling thread alone. */
    static final long PARALLEL_WORK = 1L << 18;

    /** Work on a range of rows, {@code from} inclusive to {@code to} exclusive. */
    @FunctionalInterface
    interface Rows {
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over rows {@code 0} to {@code rows}: on the calling thread, or split into
     * contiguous ranges on {@code pool} when there is one and the work is at least
     * {@link #PARALLEL_WORK}. Each row is computed by one task in its usual order, so the result
     * is the same bit for bit either way.
     */
    static void forRows(ForkJoinPool pool, int rows, long work, Rows body) {
        if (pool == null || work < PARALLEL_WORK || rows < 2) {
            body.run(0, rows);
            return;
        }
        int chunks = Math.min(rows, 4 * pool.getParallelism());
        List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) rows * c / chunks);
            int to = (int) ((long) rows * (c + 1) / chunks);
            tasks.add(ForkJoinTask.adapt(() -> body.run(from, to)));
        }
        pool.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(tasks)));
    }

    /** {@return the product {@code a b}} */
    static double[][] multiply(double[][] a, double[][] b) {
        return multiply(a, b, null);
    }

    /** {@return the product {@code a b}}, a large one split by rows over {@code pool} if there is one */
    static double[][] multiply(double[][] a, double[][] b, ForkJoinPool pool) {
        int m = a.length;
        int k = b.length;
        int n = b[0].length;
        if (n == 1) {
            // A matrix times a vector: dot products of rows with the vector, read once into an array.
            double[] x = column(b);
            double[][] c = new double[m][1];
            for (int i = 0; i < m; i++) {
                double[] ai = a[i];
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += ai[p] * x[p];
                }
                c[i][0] = s;
            }
            return c;
        }
        double[][] c = new double[m][n];
        forRows(pool, m, (long) m * k * n, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] ai = a[i];
                double[] ci = c[i];
                for (int p = 0; p < k; p++) {
                    double aip = ai[p];
                    double[] bp = b[p];
                    for (int j = 0; j < n; j++) {
                        ci[j] += aip * bp[j];
                    }
                }
            }
        });
        return c;
    }

    /**
     * {@return both pullbacks of a matrix-vector product {@code a x}, in one pass over {@code a}}:
     * {@code g x^T} (for {@code a}) and {@code a^T g} (for {@code x}), where two separate products
     * would each read all of {@code a}
     */
    static double[][][] matrixVectorPullback(double[][] a, double[][] x, double[][] g) {
        int m = a.length;
        int k = x.length;
        double[] xs = column(x);
        double[] r = new double[k];
        double[][] ga = new double[m][];
        for (int i = 0; i < m; i++) {
            double[] ai = a[i];
            double gi = g[i][0];
            double[] row = ga[i] = new double[k];
            for (int p = 0; p < k; p++) {
                row[p] = gi * xs[p];
                r[p] += ai[p] * gi;
            }
        }
        double[][] gx = new double[k][];
        for (int p = 0; p < k; p++) {
            gx[p] = new double[] {r[p]};
        }
        return new double[][][] {ga, gx};
    }

    /** {@return the product {@code a b^T}} */
    static double[][] multiplyTransposed(double[][] a, double[][] b) {
        return multiplyTransposed(a, b, null);
    }

    /** {@return the product {@code a b^T}}, a large one split by rows over {@code pool} if there is one */
    static double[][] multiplyTransposed(double[][] a, double[][] b, ForkJoinPool pool) {
        int m = a.length;
        int n = b.length;
        double[][] c = new double[m][n];
        if (a[0].length == 1) {
            // An outer product of two vectors.
            double[] y = column(b);
            for (int i = 0; i < m; i++) {
                double ai = a[i][0];
                double[] ci = c[i];
                for (int j = 0; j < n; j++) {
                    ci[j] = ai * y[j];
                }
            }
            return c;
        }
        forRows(pool, m, (long) m * n * a[0].length, (from, to) -> {
            for (int i = from; i < to; i++) {
                double[] ai = a[i];
                for (int j = 0; j < n; j++) {
                    double[] bj = b[j];
                    double s = 0;
                    for (int p = 0; p < ai.length; p++) {
                        s += ai[p] * bj[p];
                    }
                    c[i][j] = s;
                }
            }
        });
        return c;
    }

    /** {@return the product {@code a^T b}} */
    static double[][] transposeMultiply(double[][] a, double[][] b) {
        return transposeMultiply(a, b, null);
    }

    /** {@return the product {@code a^T b}}, a large one split by rows of the result over {@code pool} if there is one */
    static double[][] transposeMultiply(double[][] a, double[][] b, ForkJoinPool pool) {
        int k = a.length;
        int m = a[0].length;
        int n = b[0].length;
        if (n == 1) {
            // A transposed matrix times a vector: rows of a scaled by the vector's entries, summed in one array.
            double[] r = new double[m];
            for (int p = 0; p < k; p++) {
                double[] ap = a[p];
                double bp = b[p][0];
                for (int i = 0; i < m; i++) {
                    r[i] += ap[i] * bp;
                }
            }
            double[][] c = new double[m][];
            for (int i = 0; i < m; i++) {
                c[i] = new double[] {r[i]};
            }
            return c;
        }
        double[][] c = new double[m][n];
        forRows(pool, m, (long) m * k * n, (from, to) -> {
            for (int p = 0; p < k; p++) {
                double[] ap = a[p];
                double[] bp = b[p];
                for (int i = from; i < to; i++) {
                    double api = ap[i];
                    double[] ci = c[i];
                    for (int j = 0; j < n; j++) {
                        ci[j] += api * bp[j];
                    }
                }
            }
        });
        return c;
    }

    /** {@return each row's log-sum-exp, as a column; the row's largest entry is taken out first so nothing overflows} */
    static double[][] logSumExpRows(double[][] a) {
        double[][] r = new double[a.length][1];
        for (int i = 0; i < a.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double x : a[i]) {
                max = Math.max(max, x);
            }
            if (max == Double.NEGATIVE_INFINITY || max == Double.POSITIVE_INFINITY) {
                r[i][0] = max;
                continue;
            }
            double sum = 0;
            for (double x : a[i]) {
                sum += Math.exp(x - max);
            }
            r[i][0] = max + Math.log(sum);
        }
        return r;
    }

    /**
     * {@return the pullback of {@link #logSumExpRows}: row {@code i} is {@code g_i} times the row's
     * softmax} ({@link #softmaxRows}, computed from the input rather than from the output, whose
     * rounding at large values would cost digits); a row whose largest entry is {@code +∞} passes
     * NaN to its infinite entries and {@code 0·g} to the others, as PyTorch
     */
    static double[][] logSumExpRowsPullback(double[][] a, double[][] g) {
        double[][] r = softmaxRows(a);
        for (int i = 0; i < r.length; i++) {
            double gi = g[i][0];
            double[] ri = r[i];
            for (int j = 0; j < ri.length; j++) {
                ri[j] = gi * ri[j];
            }
        }
        return r;
    }

    /**
     * {@return each row's softmax; the row's largest entry is taken out first so nothing
     * overflows}: {@code e^(a_ij - max) / sum_k e^(a_ik - max)}; in a row whose largest entry is
     * {@code +∞} the finite entries get exactly 0 (their limit) and the infinite ones NaN, where
     * PyTorch gives NaN to the whole row
     */
    static double[][] softmaxRows(double[][] a) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (double x : a[i]) {
                max = Math.max(max, x);
            }
            double[] ri = r[i] = new double[a[i].length];
            double sum = 0;
            for (int j = 0; j < ri.length; j++) {
                ri[j] = Math.exp(a[i][j] - max);
                sum += ri[j];
            }
            if (max == Double.POSITIVE_INFINITY) {
                continue;
            }
            for (int j = 0; j < ri.length; j++) {
                ri[j] /= sum;
            }
        }
        return r;
    }

    /** {@return the pullback of {@link #softmaxRows} from its output {@code s}: {@code s ⊙ (g - rowsum(g ⊙ s))}} */
    static double[][] softmaxRowsPullback(double[][] s, double[][] g) {
        double[][] r = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            double dot = 0;
            for (int j = 0; j < s[i].length; j++) {
                dot += g[i][j] * s[i][j];
            }
            double[] ri = r[i] = new double[s[i].length];
            for (int j = 0; j < ri.length; j++) {
                ri[j] = s[i][j] * (g[i][j] - dot);
            }
        }
        return r;
    }

    /** {@return the only column of {@code b} as an array} */
    private static double[] column(double[][] b) {
        double[] x = new double[b.length];
        for (int p = 0; p < b.length; p++) {
            x[p] = b[p][0];
        }
        return x;
    }

    /** {@return the transpose of {@code a}} */
    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    /** {@return the sum of all entries} */
    static double sum(double[][] a) {
        double s = 0;
        for (double[] row : a) {
            for (double x : row) {
                s += x;
            }
        }
        return s;
    }

    /** {@return the only row of {@code row} repeated {@code rows} times} */
    static double[][] repeatRow(double[][] row, int rows) {
        double[][] r = new double[rows][];
        for (int i = 0; i < rows; i++) {
            r[i] = row[0].clone();
        }
        return r;
    }

    /** {@return the sum of each column, as one row} */
    static double[][] columnSums(double[][] a) {
        double[] s = new double[a[0].length];
        for (double[] row : a) {
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        return new double[][] {s};
    }

    /** {@return the sum of the diagonal} */
    static double trace(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i][i];
        }
        return s;
    }

    /** {@return a matrix of the given shape with {@code value} in every entry} */
    static double[][] fill(Shape shape, double value) {
        double[][] r = new double[shape.rows()][shape.cols()];
        if (value != 0) {
            for (double[] row : r) {
                Arrays.fill(row, value);
            }
        }
        return r;
    }

    /** {@return {@code value} times the {@code n x n} identity} */
    static double[][] scaledIdentity(int n, double value) {
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            r[i][i] = value;
        }
        return r;
    }

    /** {@return a deep copy of {@code a}} */
    static double[][] copy(double[][] a) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i].clone();
        }
        return r;
    }

    /** Adds {@code b} into {@code a}, entry by entry. */
    static void addInto(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) {
            double[] ai = a[i];
            double[] bi = b[i];
            for (int j = 0; j < ai.length; j++) {
                ai[j] += bi[j];
            }
        }
    }
}
