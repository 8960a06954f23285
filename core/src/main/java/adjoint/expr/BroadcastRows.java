package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * A row repeated into every row of a matrix, so that it can meet the matrix elementwise: the
 * bias of {@code X W + b}; pullback: the column sums of {@code G}, a row.
 *
 * @param a the row input, {@code 1 x n}
 * @param shape the output's shape, {@code m x n}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record BroadcastRows(Expr a, Shape shape, long id) implements Structural {

    /** {@code broadcast_rows(r, rows)} in the text syntax. */
    public static final Kind KIND = new Kind("broadcast_rows", "broadcastRows", 1, List.of("rows"),
            (in, p) -> new BroadcastRows(in.get(0), Shape.of(p[0], in.get(0).shape().cols())), new Examples() {
                @Override
                public Optional<List<Shape>> inputShapes(Shape out, Choices c) {
                    return Optional.of(List.of(Shape.of(1, out.cols())));
                }

                @Override
                public int[] parameters(List<Shape> in, Shape out, Choices c) {
                    return new int[] {out.rows()};
                }
            });

    /** Checks that the input is a row of the output's width. */
    public BroadcastRows {
        id = NodeIds.fresh(id);
        Inputs.require(a, "broadcastRows");
        java.util.Objects.requireNonNull(shape, "broadcastRows: shape is null");
        if (a.shape().rows() != 1 || a.shape().cols() != shape.cols()) {
            throw new ShapeMismatchException("broadcastRows: input is " + a.shape() + ", not a 1x" + shape.cols()
                    + " row to repeat into " + shape + (a.shape().cols() == 1 && a.shape().rows() == shape.cols()
                            ? " (it is a column: transpose it)" : "") + ShapeMismatchException.where("broadcastRows", a));
        }
    }

    /**
     * Creates the broadcast with a fresh {@link #id}.
     *
     * @param a the row input, {@code 1 x n}
     * @param shape the output's shape, {@code m x n}
     */
    public BroadcastRows(Expr a, Shape shape) { this(a, shape, 0); }

    @Override public int[] parameters() { return new int[] {shape.rows()}; }
    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Kernels.repeatRow(in[0], shape.rows());
    }

    /** Linear: the tangent is the op applied to the input's tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return value(t, pool);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Kernels.columnSums(g);
    }

    @Override public Expr pullbackExpr(int k, Expr g) { return new MatMul(Inputs.ones(1, shape.rows()), g); }
    @Override public Notation unicode() { return Notation.transparent(); }
    @Override public Notation latex() { return Notation.transparent(); }
    @Override public boolean broadcasts() { return true; }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
