package adjoint.eval;

import adjoint.expr.Shape;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One slot per node of a {@link Program}: a {@code double} for a scalar node, row-major
 * {@code double[][]} entries for any other. Plain arrays inside the passes; Commons Math only
 * where a value leaves them ({@link #copy}). {@link Values} holds the forward values,
 * {@link Adjoints} the gradients, {@link Tangents} the tangents of forward mode.
 */
abstract sealed class Slots permits Values, Adjoints, Tangents {

    private final Program program;
    private final boolean[] scalar;
    final double[] s;
    final double[][][] m;

    /** Slots for every node of {@code p}, the scalars starting from {@code s}; the matrix slots exist only if it has matrix nodes. */
    Slots(Program p, double[] s) {
        this.program = p;
        this.scalar = p.scalar;
        this.s = s;
        this.m = p.hasMatrices ? new double[p.size()][][] : null;
    }

    /** {@return the shape of node {@code i}} */
    final Shape shape(int i) {
        return program.shape(i);
    }

    /** {@return whether node {@code i} is a scalar} */
    final boolean scalar(int i) {
        return scalar[i];
    }

    /** {@return the entries of node {@code i}'s slot, a scalar as {@code 1x1}; not to be changed} */
    abstract double[][] data(int i);

    /** {@return the entries of node {@code i}'s slot, zeros if nothing was stored there; not to be changed} */
    final double[][] dataOrZeros(int i) {
        if (scalar(i)) {
            return new double[][] {{s[i]}};
        }
        return m[i] != null ? m[i] : new double[shape(i).rows()][shape(i).cols()];
    }

    /** Stores entries as node {@code i}'s slot, taking ownership of them. */
    final void put(int i, double[][] data) {
        if (scalar(i)) {
            s[i] = data[0][0];
        } else {
            m[i] = data;
        }
    }

    /** {@return node {@code i}'s slot as a new matrix, a scalar as {@code 1x1}} */
    final RealMatrix copy(int i) {
        return new Array2DRowRealMatrix(data(i), true);
    }

    /** {@return whether every entry of node {@code i}'s slot is finite} */
    final boolean finite(int i) {
        if (scalar(i)) {
            return Double.isFinite(s[i]);
        }
        if (m[i] == null) {
            return true;
        }
        for (double[] row : m[i]) {
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    return false;
                }
            }
        }
        return true;
    }
}
