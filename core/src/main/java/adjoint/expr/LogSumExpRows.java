package adjoint.expr;

import adjoint.kernel.Kernels;
import adjoint.kernel.Softmax;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Log-sum-exp of each row, {@code l_i = ln sum_j e^(a_ij)}, an {@code m x 1} column, computed
 * as {@code m_i + ln sum_j e^(a_ij - m_i)} with {@code m_i} the row's largest entry, so that
 * nothing overflows; pullback {@code G_i softmax(a_i)_j}, the row's softmax scaled by the row's
 * upstream gradient.
 *
 * @param a the input, {@code m x n}
 * @param shape the output's shape, {@code m x 1}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record LogSumExpRows(Expr a, Shape shape, long id) implements Structural {

    /** {@code logsumexp_rows(A)} in the text syntax. */
    public static final Kind KIND = new Kind("logsumexp_rows", "logSumExpRows", 1, List.of(), (in, p) -> new LogSumExpRows(in.get(0)),
            (out, c) -> out.cols() == 1 ? Optional.of(List.of(Shape.of(out.rows(), c.dim()))) : Optional.empty());

    /** Checks the shape. */
    public LogSumExpRows {
        id = NodeIds.fresh(id);
        shape = Inputs.computed("logSumExpRows", Inputs.require(a, "logSumExpRows"), Shape.vector(a.shape().rows()), shape);
    }

    /**
     * Creates the node with its computed shape and a fresh {@link #id}.
     *
     * @param a the input
     */
    public LogSumExpRows(Expr a) { this(a, null, 0); }

    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }
    @Override public double[][] value(double[][][] in, ForkJoinPool pool) { return Softmax.logSumExpRows(in[0]); }

    /** Each row's {@code Σⱼ softmax(A)ᵢⱼ dAᵢⱼ}: the pullback of a column of ones, dotted with the tangent row by row. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        double[][] ones = Kernels.fill(in[0].length, 1, 1.0);
        return Kernels.rowSums(Kernels.hadamard(Softmax.logSumExpRowsPullback(in[0], ones), t[0]));
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Softmax.logSumExpRowsPullback(in[0], g);
    }

    /** The row's softmax, stably (as backprop computes it): {@code exp(a - lse)} is wrong where lse rounds. */
    @Override
    public Expr pullbackExpr(int k, Expr g) {
        return Exprs.times(new MatMul(g, Inputs.ones(1, a.shape().cols())), new SoftmaxRows(a));
    }

    @Override public Notation latex() { return Notation.latexCall("\\operatorname{logsumexp}_{\\text{rows}}", 1); }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
