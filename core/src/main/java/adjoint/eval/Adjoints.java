package adjoint.eval;

import adjoint.kernel.Kernels;

/**
 * The gradient (adjoint) of the result with respect to every node of a {@link Program}: what
 * backprop accumulates, summed over each node's uses. A node nothing reached has gradient zero.
 */
final class Adjoints extends Slots {

    /** Zero gradients for every node of {@code p}. */
    Adjoints(Program p) {
        super(p, new double[p.size()]);
    }

    /** {@return the entries of node {@code i}'s accumulated gradient, zeros if none reached it; not to be changed} */
    @Override
    double[][] data(int i) {
        return dataOrZeros(i);
    }

    /** Adds a gradient into node {@code i}'s, taking ownership of {@code data}. */
    void accumulate(int i, double[][] data) {
        if (scalar(i)) {
            s[i] += data[0][0];
        } else if (m[i] == null) {
            m[i] = data;
        } else {
            Kernels.addInto(m[i], data);
        }
    }

    /** Adds a gradient into node {@code i}'s, copying {@code data} if kept. */
    void accumulateCopy(int i, double[][] data) {
        accumulate(i, scalar(i) || m[i] != null ? data : Kernels.copy(data));
    }
}
