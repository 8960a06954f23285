package adjoint.expr;

import adjoint.kernel.Softmax;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Softmax of each row, {@code s_ij = e^(a_ij) / sum_k e^(a_ik)}, computed as
 * {@code e^(a_ij - m_i) / sum_k e^(a_ik - m_i)} with {@code m_i} the row's largest entry, so
 * that nothing overflows; pullback {@code s ⊙ (G - rowsum(G ⊙ s))}, with no Jacobian formed.
 *
 * @param a the input, {@code m x n}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record SoftmaxRows(Expr a, long id) implements Structural {

    /** {@code softmax_rows(A)} in the text syntax. */
    public static final Kind KIND = new Kind("softmax_rows", "softmaxRows", 1, List.of(), (in, p) -> new SoftmaxRows(in.get(0)),
            (out, c) -> Optional.of(List.of(out)));

    /** Checks the input. */
    public SoftmaxRows {
        id = NodeIds.fresh(id);
        Inputs.require(a, "softmaxRows");
    }

    /**
     * Creates the node with a fresh {@link #id}.
     *
     * @param a the input, {@code m x n}
     */
    public SoftmaxRows(Expr a) { this(a, 0); }

    @Override public Shape shape() { return a.shape(); }
    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }
    @Override public double[][] value(double[][][] in, ForkJoinPool pool) { return Softmax.softmaxRows(in[0]); }

    /** {@code s ⊙ (dA − rowsum(s ⊙ dA))}: softmax's Jacobian is symmetric, so its tangent is its pullback of the tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return Softmax.softmaxRowsPullback(out, t[0]);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Softmax.softmaxRowsPullback(out, g);
    }

    @Override
    public Expr pullbackExpr(int k, Expr g) {
        int n = shape().cols();
        Expr rowSums = new MatMul(new MatMul(Exprs.times(g, this), Inputs.ones(n, 1)), Inputs.ones(1, n));
        return Exprs.times(this, new Binary(BinaryOp.SUB, g, rowSums));
    }

    @Override public Notation latex() { return Notation.latexCall("\\operatorname{softmax}_{\\text{rows}}", 1); }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
