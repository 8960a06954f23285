package adjoint.eval;

/**
 * The tangent of every node of a {@link Program} in forward mode: the derivative of its value
 * along one direction in the parameters. A node that depends on no parameter carries none
 * ({@link #has} is false) and counts as zero.
 */
final class Tangents extends Slots {

    /** Whether each node carries a tangent: the program's nodes that depend on a parameter. */
    final boolean[] has;

    /** Zero tangents for every node of {@code p}. */
    Tangents(Program p) {
        super(p, new double[p.size()]);
        this.has = p.needsGradient;
    }

    /** {@return the entries of node {@code i}'s tangent, zeros if it has none yet; not to be changed} */
    @Override
    double[][] data(int i) {
        if (scalar(i)) {
            return new double[][] {{s[i]}};
        }
        return m[i] != null ? m[i] : new double[shape(i).rows()][shape(i).cols()];
    }

    /** {@return node {@code i}'s tangent, or null if it carries none} */
    double[][] orNull(int i) {
        return has[i] ? data(i) : null;
    }

    /** Stores entries as node {@code i}'s tangent, taking ownership of them. */
    void put(int i, double[][] data) {
        if (scalar(i)) {
            s[i] = data[0][0];
        } else {
            m[i] = data;
        }
    }
}
