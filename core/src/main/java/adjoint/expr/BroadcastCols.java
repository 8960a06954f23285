package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * A column repeated into every column of a matrix, so that it can meet the matrix elementwise:
 * the {@code mean_rows(X)} of {@code X - mean_rows(X)}; pullback: the row sums of {@code G}, a
 * column.
 *
 * @param a the column input, {@code m x 1}
 * @param shape the output's shape, {@code m x n}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record BroadcastCols(Expr a, Shape shape, long id) implements Structural {

    /** {@code broadcast_cols(c, cols)} in the text syntax. */
    public static final Kind KIND = new Kind("broadcast_cols", "broadcastCols", 1, List.of("cols"),
            (in, p) -> new BroadcastCols(in.get(0), Shape.of(in.get(0).shape().rows(), p[0])), new Examples() {
                @Override
                public Optional<List<Shape>> inputShapes(Shape out, Choices c) {
                    return Optional.of(List.of(Shape.of(out.rows(), 1)));
                }

                @Override
                public int[] parameters(List<Shape> in, Shape out, Choices c) {
                    return new int[] {out.cols()};
                }
            });

    /** Checks that the input is a column of the output's height. */
    public BroadcastCols {
        id = NodeIds.fresh(id);
        Inputs.require(a, "broadcastCols");
        java.util.Objects.requireNonNull(shape, "broadcastCols: shape is null");
        if (a.shape().cols() != 1 || a.shape().rows() != shape.rows()) {
            throw new ShapeMismatchException("broadcastCols: input is " + a.shape() + ", not a " + shape.rows()
                    + "x1 column to repeat into " + shape + (a.shape().rows() == 1 && a.shape().cols() == shape.rows()
                            ? " (it is a row: transpose it)" : "") + ShapeMismatchException.where("broadcastCols", a));
        }
    }

    /**
     * Creates the broadcast with a fresh {@link #id}.
     *
     * @param a the column input, {@code m x 1}
     * @param shape the output's shape, {@code m x n}
     */
    public BroadcastCols(Expr a, Shape shape) { this(a, shape, 0); }

    @Override public int[] parameters() { return new int[] {shape.cols()}; }
    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Kernels.repeatColumn(in[0], shape.cols());
    }

    /** Linear: the tangent is the op applied to the input's tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return value(t, pool);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Kernels.rowSums(g);
    }

    @Override public Expr pullbackExpr(int k, Expr g) { return new MatMul(g, Inputs.ones(shape.cols(), 1)); }
    @Override public Notation unicode() { return Notation.transparent(); }
    @Override public Notation latex() { return Notation.transparent(); }
    @Override public boolean broadcasts() { return true; }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
