package adjoint.kernel;

import java.util.Arrays;

/**
 * Loops over the entries of row-major {@code double[][]} arrays, the form every matrix value
 * takes inside the passes; a scalar is a {@code 1 x 1} array. The kernels know rows and columns
 * only, not the algebra: each structural op's file calls the ones it needs. Every kernel returns
 * a new array and leaves its arguments alone, except {@link #addInto}. Internal to adjoint: the
 * module does not export this package.
 */
public final class Kernels {

    private Kernels() {}

    /** {@return the transpose of {@code a}} */
    public static double[][] transpose(double[][] a) {
        int m = a.length;
        int n = a[0].length;
        double[][] t = new double[n][m];
        // In square tiles, so that the rows written stay in cache while a tile of rows is read.
        for (int i0 = 0; i0 < m; i0 += TILE) {
            Interrupts.check();
            int i1 = Math.min(m, i0 + TILE);
            for (int j0 = 0; j0 < n; j0 += TILE) {
                int j1 = Math.min(n, j0 + TILE);
                for (int i = i0; i < i1; i++) {
                    double[] ai = a[i];
                    for (int j = j0; j < j1; j++) {
                        t[j][i] = ai[j];
                    }
                }
            }
        }
        return t;
    }

    /** The side of the tiles {@link #transpose} copies. */
    private static final int TILE = 32;

    /** {@return the sum of all entries}, from the first: the sum of one entry is that entry, {@code -0} included */
    public static double sum(double[][] a) {
        double s = a[0][0];
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
            double[] row = a[i];
            for (int j = i == 0 ? 1 : 0; j < row.length; j++) {
                s += row[j];
            }
        }
        return s;
    }

    /** {@return the only row of {@code row} repeated {@code rows} times} */
    public static double[][] repeatRow(double[][] row, int rows) {
        double[][] r = new double[rows][];
        for (int i = 0; i < rows; i++) {
            Interrupts.check();
            r[i] = row[0].clone();
        }
        return r;
    }

    /** {@return the sum of each column, as one row, from 0 as a product with ones sums it} */
    public static double[][] columnSums(double[][] a) {
        double[] s = new double[a[0].length];
        for (double[] row : a) {
            Interrupts.check();
            for (int j = 0; j < s.length; j++) {
                s[j] += row[j];
            }
        }
        return new double[][] {s};
    }

    /** {@return the sum of the diagonal} */
    public static double trace(double[][] a) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
            s += a[i][i];
        }
        return s;
    }

    /** {@return a matrix of the given shape with {@code value} in every entry} */
    public static double[][] fill(int rows, int cols, double value) {
        double[][] r = new double[rows][cols];
        if (value != 0) {
            for (double[] row : r) {
                Interrupts.check();
                Arrays.fill(row, value);
            }
        }
        return r;
    }

    /** {@return {@code value} times the {@code n x n} identity} */
    public static double[][] scaledIdentity(int n, double value) {
        double[][] r = new double[n][n];
        for (int i = 0; i < n; i++) {
            r[i][i] = value;
        }
        return r;
    }

    /** {@return a deep copy of {@code a}} */
    public static double[][] copy(double[][] a) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
            r[i] = a[i].clone();
        }
        return r;
    }

    /** Adds {@code b} into {@code a}, entry by entry. */
    public static void addInto(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
            double[] ai = a[i];
            double[] bi = b[i];
            for (int j = 0; j < ai.length; j++) {
                ai[j] += bi[j];
            }
        }
    }

    /**
     * {@return the sum of the entrywise products of two matrices of one shape, {@code Σ aᵢⱼ bᵢⱼ}}
     *
     * @param a a matrix
     * @param b a matrix of its shape
     */
    public static double dot(double[][] a, double[][] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                sum += a[i][j] * b[i][j];
            }
        }
        return sum;
    }

    /**
     * {@return the entrywise product of two matrices of one shape, a new array}
     *
     * @param a a matrix
     * @param b a matrix of its shape
     */
    public static double[][] hadamard(double[][] a, double[][] b) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            r[i] = new double[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                r[i][j] = a[i][j] * b[i][j];
            }
        }
        return r;
    }

    /** {@return the sum of each row, as one column, from 0 as a product with ones sums it} */
    public static double[][] rowSums(double[][] a) {
        double[][] r = new double[a.length][1];
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
            double s = 0;
            for (double x : a[i]) {
                s += x;
            }
            r[i][0] = s;
        }
        return r;
    }

    /** {@return the only column of {@code column} repeated {@code cols} times} */
    public static double[][] repeatColumn(double[][] column, int cols) {
        double[][] r = new double[column.length][cols];
        for (int i = 0; i < column.length; i++) {
            Interrupts.check();
            Arrays.fill(r[i], column[i][0]);
        }
        return r;
    }

    /** {@return the entries of {@code a}, read row by row, written row by row into {@code rows x cols}} */
    public static double[][] reshape(double[][] a, int rows, int cols) {
        double[][] r = new double[rows][cols];
        int ri = 0;
        int rj = 0;
        for (double[] row : a) {
            Interrupts.check();
            int k = 0;
            while (k < row.length) {
                // Copy as much of the input row as fits in the output row, by runs.
                int run = Math.min(row.length - k, cols - rj);
                System.arraycopy(row, k, r[ri], rj, run);
                k += run;
                rj += run;
                if (rj == cols) {
                    rj = 0;
                    ri++;
                }
            }
        }
        return r;
    }

    /** {@return the rows of {@code a} followed by the rows of {@code b}} */
    public static double[][] concatRows(double[][] a, double[][] b) {
        double[][] r = new double[a.length + b.length][];
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
            r[i] = a[i].clone();
        }
        for (int i = 0; i < b.length; i++) {
            r[a.length + i] = b[i].clone();
        }
        return r;
    }

    /** {@return each row of {@code a} followed by the same row of {@code b}} */
    public static double[][] concatCols(double[][] a, double[][] b) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
            double[] ri = r[i] = Arrays.copyOf(a[i], a[i].length + b[i].length);
            System.arraycopy(b[i], 0, ri, a[i].length, b[i].length);
        }
        return r;
    }

    /**
     * {@return rows {@code from} (inclusive) to {@code to} (exclusive) of {@code a}}; rows outside
     * {@code a} are zero, so that the slice of a pullback pads it back to its input's size
     */
    public static double[][] sliceRows(double[][] a, int from, int to) {
        int cols = a[0].length;
        double[][] r = new double[to - from][];
        for (int i = from; i < to; i++) {
            r[i - from] = i >= 0 && i < a.length ? a[i].clone() : new double[cols];
        }
        return r;
    }

    /**
     * {@return columns {@code from} (inclusive) to {@code to} (exclusive) of {@code a}}; columns
     * outside {@code a} are zero
     */
    public static double[][] sliceCols(double[][] a, int from, int to) {
        double[][] r = new double[a.length][to - from];
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
            int lo = Math.max(from, 0);
            int hi = Math.min(to, a[i].length);
            if (lo < hi) {
                System.arraycopy(a[i], lo, r[i], lo - from, hi - lo);
            }
        }
        return r;
    }

    /**
     * {@return the Frobenius norm {@code sqrt(sum a_ij^2)}}, scaled by the power of two of the largest
     * magnitude first, exactly, so that neither overflow nor underflow loses it; NaN if an entry is
     * NaN, else {@code +∞} if one is infinite
     */
    public static double norm(double[][] a) {
        double max = 0;
        boolean nan = false;
        for (double[] row : a) {
            Interrupts.check();
            for (double x : row) {
                nan |= x != x;
                max = Math.max(max, Math.abs(x));
            }
        }
        if (nan) {
            return Double.NaN;
        }
        if (max == 0 || max == Double.POSITIVE_INFINITY) {
            return max;
        }
        // Scaling by a power of two is exact, so the sum of squares rounds as it would unscaled.
        int e = Math.getExponent(max);
        double s = 0;
        for (double[] row : a) {
            Interrupts.check();
            for (double x : row) {
                double y = Math.scalb(x, -e);
                s += y * y;
            }
        }
        return Math.scalb(Math.sqrt(s), e);
    }

    /**
     * {@return the pullback of {@link #norm}: {@code a (g / ‖a‖)}}, and exactly 0 where the norm is
     * 0 (PyTorch's subgradient at the kink)
     */
    public static double[][] normPullback(double[][] a, double norm, double g) {
        double[][] r = new double[a.length][a[0].length];
        if (norm == 0) {
            return r;
        }
        double q = g / norm;
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
            for (int j = 0; j < a[i].length; j++) {
                r[i][j] = a[i][j] * q;
            }
        }
        return r;
    }
}
