package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * Trace of a square matrix, the sum of its diagonal; pullback {@code g I}.
 *
 * @param a the input, {@code n x n}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record MatrixTrace(Expr a, long id) implements Structural {

    /** {@code trace(A)} in the text syntax. */
    public static final Kind KIND = new Kind("trace", "trace", 1, List.of(), (in, p) -> new MatrixTrace(in.get(0)), (out, c) -> {
        int n = c.dim();
        return out.isScalar() ? Optional.of(List.of(Shape.of(n, n))) : Optional.empty();
    });

    /** Checks that the input is square. */
    public MatrixTrace {
        id = NodeIds.fresh(id);
        Inputs.require(a, "trace");
        if (a.shape().rows() != a.shape().cols()) {
            throw new ShapeMismatchException("trace: input is " + a.shape() + ", not square"
                    + ShapeMismatchException.where("trace", a));
        }
    }

    /**
     * Creates the trace with a fresh {@link #id}.
     *
     * @param a the input, {@code n x n}
     */
    public MatrixTrace(Expr a) { this(a, 0); }

    @Override public Shape shape() { return Shape.SCALAR; }
    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Inputs.scalar(Kernels.trace(in[0]));
    }

    /** Linear: the tangent is the op applied to the input's tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return value(t, pool);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Kernels.scaledIdentity(a.shape().rows(), g[0][0]);
    }

    @Override
    public Expr pullbackExpr(int k, Expr g) {
        int n = a.shape().rows();
        return n == 1 ? g : new Binary(BinaryOp.GATE, new Broadcast(g, a.shape()),
                new Leaf.MatrixConstant(MatrixUtils.createRealIdentityMatrix(n)));
    }

    @Override public Notation unicode() { return Notation.call("tr", 1); }
    @Override public Notation latex() { return Notation.latexCall("\\operatorname{tr}", 1); }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
