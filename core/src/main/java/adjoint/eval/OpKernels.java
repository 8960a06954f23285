package adjoint.eval;

import adjoint.kernel.Interrupts;
import adjoint.expr.BinaryOp;
import adjoint.expr.UnaryOp;

/**
 * The elementwise kernels: an op table's value and pullback applied entry by entry to row-major
 * {@code double[][]} arrays. Each returns a new array and leaves its arguments alone.
 */
final class OpKernels {

    private OpKernels() {}

    /** {@return {@code op} applied to every entry of {@code x}} */
    static double[][] map(UnaryOp op, double[][] x) {
        double[][] r = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            Interrupts.check();
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
            Interrupts.check();
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
            Interrupts.check();
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
            Interrupts.check();
            double[] ri = r[i] = new double[x[i].length];
            for (int j = 0; j < ri.length; j++) {
                ri[j] = left
                        ? BinaryOp.pullbackA(op, g[i][j], x[i][j], y[i][j], out[i][j])
                        : BinaryOp.pullbackB(op, g[i][j], x[i][j], y[i][j], out[i][j]);
            }
        }
        return r;
    }
}
