package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The sum of each row, an {@code m x 1} column (NumPy's {@code sum(axis=1)}); pullback: {@code G} repeated along each row,
 * written as a product with ones.
 *
 * @param a the input, {@code m x n}
 * @param shape the output's shape, {@code m x 1}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record SumRows(Expr a, Shape shape, long id) implements Structural {

    /** {@code sum_rows(X)} in the text syntax. */
    public static final Kind KIND = new Kind("sum_rows", "sumRows", 1, List.of(), (in, p) -> new SumRows(in.get(0)),
            (out, c) -> out.cols() == 1 ? Optional.of(List.of(Shape.of(out.rows(), c.dim()))) : Optional.empty());

    /** Checks the shape. */
    public SumRows {
        id = NodeIds.fresh(id);
        shape = Inputs.computed("sumRows", Inputs.require(a, "sumRows"), Shape.of(a.shape().rows(), 1), shape);
    }

    /**
     * Creates the sums with their computed shape and a fresh {@link #id}.
     *
     * @param a the input
     */
    public SumRows(Expr a) {
        this(a, null, 0);
    }

    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Kernels.rowSums(in[0]);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Kernels.repeatColumn(g, a.shape().cols());
    }

    /** {@code G} times a row (or column) of ones: every product is {@code g·1}, exact. */
    @Override
    public Expr pullbackExpr(int k, Expr g) {
        return new MatMul(g, Inputs.ones(1, a.shape().cols()));
    }

    @Override public Notation latex() { return Notation.latexCall("\\operatorname{sum}_{\\text{rows}}", 1); }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
