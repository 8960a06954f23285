package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Sum of all entries, a scalar; pullback {@code g} in every entry.
 *
 * @param a the input, any shape
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record Sum(Expr a, long id) implements Structural {

    /** {@code sum(A)} in the text syntax. */
    public static final Kind KIND = new Kind("sum", "sum", 1, List.of(), (in, p) -> new Sum(in.get(0)),
            (out, c) -> out.isScalar() ? Optional.of(List.of(Shape.of(c.dim(), c.dim()))) : Optional.empty());

    /** Checks the input. */
    public Sum {
        id = NodeIds.fresh(id);
        Inputs.require(a, "sum");
    }

    /**
     * Creates the sum with a fresh {@link #id}.
     *
     * @param a the input, any shape
     */
    public Sum(Expr a) { this(a, 0); }

    @Override public Shape shape() { return Shape.SCALAR; }
    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }
    @Override public double[][] value(double[][][] in, ForkJoinPool pool) { return Inputs.scalar(Kernels.sum(in[0])); }

    /** Linear: the tangent is the op applied to the input's tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return value(t, pool);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Kernels.fill(a.shape().rows(), a.shape().cols(), g[0][0]);
    }

    @Override public Expr pullbackExpr(int k, Expr g) { return a.shape().isScalar() ? g : new Broadcast(g, a.shape()); }
    @Override public Notation latex() { return Notation.latexCall("\\operatorname{sum}", 1); }

    /** The sum of a scalar is the scalar. */
    @Override public Expr simplified() { return a.shape().isScalar() ? a : this; }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
