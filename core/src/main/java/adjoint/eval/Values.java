package adjoint.eval;

import adjoint.expr.Shape;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One value per node of a {@link Program}: a {@code double} for a scalar node, an
 * {@link Array2DRowRealMatrix} for any other. Used for forward values and for gradients.
 */
final class Values {

    final Shape[] shapes;
    private final boolean[] scalar;
    final double[] s;
    final Array2DRowRealMatrix[] m;

    /** Values for every node of {@code p}; the matrix slots exist only if it has matrix nodes. */
    Values(Program p) {
        this.shapes = p.shapes;
        this.scalar = p.scalar;
        this.s = new double[shapes.length];
        this.m = p.hasMatrices ? new Array2DRowRealMatrix[shapes.length] : null;
    }

    /** {@return whether node {@code i} is a scalar} */
    boolean scalar(int i) {
        return scalar[i];
    }

    /** {@return node {@code i}'s value as a matrix, a scalar wrapped as {@code 1x1}; not to be changed} */
    Array2DRowRealMatrix matrix(int i) {
        return scalar(i) ? new Array2DRowRealMatrix(new double[][] {{s[i]}}, false) : m[i];
    }

    /** {@return the entries of node {@code i}'s value; not to be changed} */
    double[][] data(int i) {
        return matrix(i).getDataRef();
    }

    /** Stores a matrix as node {@code i}'s value, taking ownership of it. */
    void put(int i, RealMatrix value) {
        if (scalar(i)) {
            s[i] = value.getEntry(0, 0);
        } else {
            m[i] = value instanceof Array2DRowRealMatrix a ? a : new Array2DRowRealMatrix(value.getData(), false);
        }
    }

    /** Stores entries as node {@code i}'s value, taking ownership of them. */
    void put(int i, double[][] data) {
        if (scalar(i)) {
            s[i] = data[0][0];
        } else {
            m[i] = new Array2DRowRealMatrix(data, false);
        }
    }

    /** Adds a gradient into node {@code i}'s accumulated gradient, taking ownership of {@code data}. */
    void accumulate(int i, double[][] data) {
        if (scalar(i)) {
            s[i] += data[0][0];
        } else if (m[i] == null) {
            m[i] = new Array2DRowRealMatrix(data, false);
        } else {
            Kernels.addInto(m[i].getDataRef(), data);
        }
    }

    /** Adds a gradient into node {@code i}'s accumulated gradient, copying {@code data} if kept. */
    void accumulateCopy(int i, double[][] data) {
        if (scalar(i) || m[i] != null) {
            accumulate(i, data);
        } else {
            accumulate(i, Kernels.copy(data));
        }
    }

    /** {@return the entries of node {@code i}'s accumulated gradient, zeros if none reached it} */
    double[][] gradient(int i) {
        if (scalar(i)) {
            return new double[][] {{s[i]}};
        }
        return m[i] != null ? m[i].getDataRef() : new double[shapes[i].rows()][shapes[i].cols()];
    }
}
