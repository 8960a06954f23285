package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The Frobenius norm {@code ‖X‖ = sqrt(sum x_ij^2)}, a scalar (the Euclidean length of a
 * vector), computed with the largest magnitude taken out first so that it neither overflows nor
 * underflows; pullback {@code g X / ‖X‖}, and exactly 0 at {@code X = 0}, as PyTorch's
 * {@code linalg.norm}.
 *
 * @param a the input, any shape
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record Norm(Expr a, long id) implements Structural {

    /** {@code norm(X)} in the text syntax. */
    public static final Kind KIND = new Kind("norm", "norm", 1, List.of(), (in, p) -> new Norm(in.get(0)),
            (out, c) -> out.isScalar() ? Optional.of(List.of(Shape.of(c.dim(), c.dim()))) : Optional.empty());

    /** Checks the input. */
    public Norm {
        id = NodeIds.fresh(id);
        Inputs.require(a, "norm");
    }

    /**
     * Creates the norm with a fresh {@link #id}.
     *
     * @param a the input, any shape
     */
    public Norm(Expr a) { this(a, 0); }

    @Override public Shape shape() { return Shape.SCALAR; }
    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }
    @Override public double[][] value(double[][][] in, ForkJoinPool pool) { return Inputs.scalar(Kernels.norm(in[0])); }

    /** {@code ⟨A, dA⟩ / ‖A‖}, exactly 0 at {@code A = 0} as the gradient there. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return Inputs.scalar(Kernels.dot(Kernels.normPullback(in[0], out[0][0], 1.0), t[0]));
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Kernels.normPullback(in[0], out[0][0], g[0][0]);
    }

    /** {@code X ⊙ [‖X‖ > 0]·(g / ‖X‖)}: the gate makes the pullback exactly 0 at {@code X = 0}. */
    @Override
    public Expr pullbackExpr(int k, Expr g) {
        Expr scale = new Binary(BinaryOp.GATE, new Binary(BinaryOp.DIV, g, this), this);
        return new Binary(BinaryOp.MUL, a, a.shape().isScalar() ? scale : new Broadcast(scale, a.shape()));
    }

    @Override public Notation unicode() { return Notation.of(Notation.ATOM, "‖", Notation.slot(0, 0), "‖"); }

    @Override
    public Notation latex() {
        return Notation.of(Notation.ATOM, "\\left\\lVert ", Notation.slot(0, 0), " \\right\\rVert");
    }

    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
