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
        return dataOrZeros(i);
    }

    /** {@return node {@code i}'s tangent, or null if it carries none} */
    double[][] orNull(int i) {
        return has[i] ? data(i) : null;
    }
}
