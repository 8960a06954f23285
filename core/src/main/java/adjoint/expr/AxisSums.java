package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The sum of each row, an {@code m x 1} column (NumPy's {@code sum(axis=1)}), or of each column,
 * a {@code 1 x n} row ({@code sum(axis=0)}); pullback: {@code G} repeated along each row (or
 * column), written symbolically as a product with ones.
 *
 * @param a the input, {@code m x n}
 * @param axis {@link Axis#ROWS} for one sum per row, {@link Axis#COLS} for one per column
 * @param shape the output's shape
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record AxisSums(Expr a, Axis axis, Shape shape, long id) implements Structural {

    /** {@code sum_rows(X)} in the text syntax. */
    public static final Kind ROWS = kind(Axis.ROWS, "sum_rows", "sumRows");
    /** {@code sum_cols(X)} in the text syntax. */
    public static final Kind COLS = kind(Axis.COLS, "sum_cols", "sumCols");
    /** Both kinds, rows first. */
    public static final List<Kind> KINDS = List.of(ROWS, COLS);

    private static Kind kind(Axis axis, String name, String op) {
        return new Kind(name, op, 1, List.of(), (in, p) -> new AxisSums(in.get(0), axis),
                (out, c) -> axis.across(out) == 1 ? Optional.of(List.of(axis.shape(axis.count(out), c.dim()))) : Optional.empty());
    }

    /** Checks the shape. */
    public AxisSums {
        id = NodeIds.fresh(id);
        java.util.Objects.requireNonNull(axis, "sums: axis is null");
        String op = axis == Axis.ROWS ? "sumRows" : "sumCols";
        shape = Inputs.computed(op, Inputs.require(a, op), axis.shape(axis.count(a.shape()), 1), shape);
    }

    /**
     * Creates the sums with their computed shape and a fresh {@link #id}.
     *
     * @param a the input
     * @param axis rows or columns
     */
    public AxisSums(Expr a, Axis axis) { this(a, axis, null, 0); }

    @Override public Kind kind() { return axis == Axis.ROWS ? ROWS : COLS; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return axis == Axis.ROWS ? Kernels.rowSums(in[0]) : Kernels.columnSums(in[0]);
    }

    /** Linear: the tangent is the op applied to the input's tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return value(t, pool);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return axis == Axis.ROWS ? Kernels.repeatColumn(g, a.shape().cols()) : Kernels.repeatRow(g, a.shape().rows());
    }

    /** {@code G} times a row (or column) of ones: every product is {@code g·1}, exact. */
    @Override
    public Expr pullbackExpr(int k, Expr g) {
        return axis == Axis.ROWS ? new MatMul(g, Inputs.ones(1, a.shape().cols())) : new MatMul(Inputs.ones(a.shape().rows(), 1), g);
    }

    @Override
    public Notation latex() {
        return Notation.latexCall("\\operatorname{sum}_{\\text{" + axis.word() + "}}", 1);
    }

    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
