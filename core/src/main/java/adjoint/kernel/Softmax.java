package adjoint.kernel;

/**
 * Row-wise log-sum-exp and softmax on row-major {@code double[][]} arrays, and their pullbacks,
 * each row's largest entry taken out first so that nothing overflows. Internal to adjoint.
 */
public final class Softmax {

    private Softmax() {}

    /** {@return each row's log-sum-exp, as a column; the row's largest entry is taken out first so nothing overflows} */
    public static double[][] logSumExpRows(double[][] a) {
        double[][] r = new double[a.length][1];
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
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
    public static double[][] logSumExpRowsPullback(double[][] a, double[][] g) {
        double[][] r = softmaxRows(a);
        for (int i = 0; i < r.length; i++) {
            Interrupts.check();
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
    public static double[][] softmaxRows(double[][] a) {
        double[][] r = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            Interrupts.check();
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
    public static double[][] softmaxRowsPullback(double[][] s, double[][] g) {
        double[][] r = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            Interrupts.check();
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
}
