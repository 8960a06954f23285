package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The entries of a matrix, read row by row, written row by row into another shape with as many
 * entries (NumPy's and PyTorch's {@code reshape} of a contiguous array); pullback: {@code G}
 * reshaped back to the input's shape.
 *
 * @param a the input, {@code m x n}
 * @param shape the output's shape, {@code r x c} with {@code r c = m n}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record Reshape(Expr a, Shape shape, long id) implements Structural {

    /** {@code reshape(X, rows, cols)} in the text syntax. */
    public static final Kind KIND = new Kind("reshape", "reshape", 1, List.of("rows", "cols"),
            (in, p) -> new Reshape(in.get(0), Shape.of(p[0], p[1])), new Examples() {
                @Override
                public Optional<List<Shape>> inputShapes(Shape out, Choices c) {
                    int n = out.size();
                    int rows = c.between(1, n);
                    while (n % rows != 0) {
                        rows--;
                    }
                    return Optional.of(List.of(Shape.of(rows, n / rows)));
                }

                @Override
                public int[] parameters(List<Shape> in, Shape out, Choices c) {
                    return new int[] {out.rows(), out.cols()};
                }
            });

    /** Checks that the new shape holds as many entries as the input. */
    public Reshape {
        id = NodeIds.fresh(id);
        Inputs.require(a, "reshape");
        java.util.Objects.requireNonNull(shape, "reshape: shape is null");
        if ((long) shape.rows() * shape.cols() != (long) a.shape().rows() * a.shape().cols()) {
            throw new ShapeMismatchException("reshape: input is " + a.shape() + " (" + a.shape().size()
                    + " entries), which cannot be reshaped to " + shape + " (" + (long) shape.rows() * shape.cols()
                    + " entries)" + ShapeMismatchException.where("reshape", a));
        }
    }

    /**
     * Creates the reshape with a fresh {@link #id}.
     *
     * @param a the input
     * @param shape the output's shape, with as many entries as the input
     */
    public Reshape(Expr a, Shape shape) { this(a, shape, 0); }

    @Override public int[] parameters() { return new int[] {shape.rows(), shape.cols()}; }
    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Kernels.reshape(in[0], shape.rows(), shape.cols());
    }

    /** Linear: the tangent is the op applied to the input's tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return value(t, pool);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Kernels.reshape(g, a.shape().rows(), a.shape().cols());
    }

    @Override public Expr pullbackExpr(int k, Expr g) { return new Reshape(g, a.shape()); }

    @Override
    public Notation unicode() {
        return Notation.of(Notation.ATOM, "reshape(", Notation.slot(0, 0), ", " + shape.rows() + "×" + shape.cols() + ")");
    }

    @Override
    public Notation latex() {
        return Notation.of(Notation.ATOM, "\\operatorname{reshape}_{" + shape.rows() + " \\times " + shape.cols() + "}\\left(",
                Notation.slot(0, 0), "\\right)");
    }

    /** A reshape to the input's own shape is the input; a reshape of a reshape, one reshape. */
    @Override
    public Expr simplified() {
        return a.shape().equals(shape) ? a : a instanceof Reshape r ? new Reshape(r.a(), shape) : this;
    }

    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
