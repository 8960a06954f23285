package adjoint.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Matrix products on row-major {@code double[][]} arrays, and their pullbacks: large ones split
 * by rows over a pool, each row computed by one task in its usual order, so that the result is
 * the same bit for bit with or without the pool. Internal to adjoint.
 */
public final class Products {

    private Products() {}

    /** Below this many multiply-adds a product is computed on the calling thread alone. */
    public static final long PARALLEL_WORK = 1L << 18;

    /** Work on a range of rows, {@code from} inclusive to {@code to} exclusive. */
    @FunctionalInterface
    public interface Rows {
        /**
         * Runs the work on rows {@code from} to {@code to}.
         *
         * @param from the first row
         * @param to the row after the last
         */
        void run(int from, int to);
    }

    /**
     * Runs {@code body} over rows {@code 0} to {@code rows}: on the calling thread, or split into
     * contiguous ranges on {@code pool} when there is one and the work is at least
     * {@link #PARALLEL_WORK}. Each row is computed by one task in its usual order, so the result
     * is the same bit for bit either way.
     */
    public static void forRows(ForkJoinPool pool, int rows, long work, Rows body) {
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
    public static double[][] multiply(double[][] a, double[][] b) {
        return multiply(a, b, null);
    }

    /** {@return the product {@code a b}}, a large one split by rows over {@code pool} if there is one */
    public static double[][] multiply(double[][] a, double[][] b, ForkJoinPool pool) {
        int m = a.length;
        int k = b.length;
        int n = b[0].length;
        if (n == 1) {
            // A matrix times a vector: dot products of rows with the vector, read once into an array.
            double[] x = column(b);
            double[][] c = new double[m][1];
            for (int i = 0; i < m; i++) {
                Interrupts.check();
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
                Interrupts.check();
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
    public static double[][][] matrixVectorPullback(double[][] a, double[][] x, double[][] g) {
        int m = a.length;
        int k = x.length;
        double[] xs = column(x);
        double[] r = new double[k];
        double[][] ga = new double[m][];
        for (int i = 0; i < m; i++) {
            Interrupts.check();
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
    public static double[][] multiplyTransposed(double[][] a, double[][] b) {
        return multiplyTransposed(a, b, null);
    }

    /** {@return the product {@code a b^T}}, a large one split by rows over {@code pool} if there is one */
    public static double[][] multiplyTransposed(double[][] a, double[][] b, ForkJoinPool pool) {
        int m = a.length;
        int n = b.length;
        double[][] c = new double[m][n];
        if (a[0].length == 1) {
            // An outer product of two vectors.
            double[] y = column(b);
            for (int i = 0; i < m; i++) {
                Interrupts.check();
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
                Interrupts.check();
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
    public static double[][] transposeMultiply(double[][] a, double[][] b) {
        return transposeMultiply(a, b, null);
    }

    /** {@return the product {@code a^T b}}, a large one split by rows of the result over {@code pool} if there is one */
    public static double[][] transposeMultiply(double[][] a, double[][] b, ForkJoinPool pool) {
        int k = a.length;
        int m = a[0].length;
        int n = b[0].length;
        if (n == 1) {
            // A transposed matrix times a vector: rows of a scaled by the vector's entries, summed in one array.
            double[] r = new double[m];
            for (int p = 0; p < k; p++) {
                Interrupts.check();
                double[] ap = a[p];
                double bp = b[p][0];
                for (int i = 0; i < m; i++) {
                    r[i] += ap[i] * bp;
                }
            }
            double[][] c = new double[m][];
            for (int i = 0; i < m; i++) {
                Interrupts.check();
                c[i] = new double[] {r[i]};
            }
            return c;
        }
        double[][] c = new double[m][n];
        forRows(pool, m, (long) m * k * n, (from, to) -> {
            for (int p = 0; p < k; p++) {
                Interrupts.check();
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

    /** {@return the only column of {@code b} as an array} */
    private static double[] column(double[][] b) {
        double[] x = new double[b.length];
        for (int p = 0; p < b.length; p++) {
            x[p] = b[p][0];
        }
        return x;
    }
}
