package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The sum of each column, a {@code 1 x n} row (NumPy's {@code sum(axis=0)}); pullback: {@code G} repeated along each column,
 * written as a product with ones.
 *
 * @param a the input, {@code m x n}
 * @param shape the output's shape, {@code 1 x n}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record SumCols(Expr a, Shape shape, long id) implements Structural {

    /** {@code sum_cols(X)} in the text syntax. */
    public static final Kind KIND = new Kind("sum_cols", "sumCols", 1, List.of(), (in, p) -> new SumCols(in.get(0)),
            (out, c) -> out.rows() == 1 ? Optional.of(List.of(Shape.of(c.dim(), out.cols()))) : Optional.empty());

    /** Checks the shape. */
    public SumCols {
        id = NodeIds.fresh(id);
        shape = Inputs.computed("sumCols", Inputs.require(a, "sumCols"), Shape.of(1, a.shape().cols()), shape);
    }

    /**
     * Creates the sums with their computed shape and a fresh {@link #id}.
     *
     * @param a the input
     */
    public SumCols(Expr a) {
        this(a, null, 0);
    }

    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Kernels.columnSums(in[0]);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Kernels.repeatRow(g, a.shape().rows());
    }

    /** {@code G} times a row (or column) of ones: every product is {@code g·1}, exact. */
    @Override
    public Expr pullbackExpr(int k, Expr g) {
        return new MatMul(Inputs.ones(a.shape().rows(), 1), g);
    }

    @Override public Notation latex() { return Notation.latexCall("\\operatorname{sum}_{\\text{cols}}", 1); }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
