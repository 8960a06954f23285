package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Transpose {@code Aᵀ}; pullback {@code Gᵀ}.
 *
 * @param a the input, {@code m x n}
 * @param shape the output's shape, {@code n x m}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record Transpose(Expr a, Shape shape, long id) implements Structural {

    /** {@code transpose(A)} in the text syntax. */
    public static final Kind KIND = new Kind("transpose", "transpose", 1, List.of(), (in, p) -> new Transpose(in.get(0)),
            (out, c) -> Optional.of(List.of(out.transposed())));

    /** Checks the shape. */
    public Transpose {
        id = NodeIds.fresh(id);
        shape = Inputs.computed("transpose", Inputs.require(a, "transpose"), a.shape().transposed(), shape);
    }

    /**
     * Creates the transpose with its computed shape and a fresh {@link #id}.
     *
     * @param a the input
     */
    public Transpose(Expr a) { this(a, null, 0); }

    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }
    @Override public double[][] value(double[][][] in, ForkJoinPool pool) { return Kernels.transpose(in[0]); }

    /** Linear: the tangent is the op applied to the input's tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return Kernels.transpose(t[0]);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Kernels.transpose(g);
    }

    @Override public Expr pullbackExpr(int k, Expr g) { return new Transpose(g); }
    @Override public Notation unicode() { return Notation.of(Notation.POWER, Notation.slot(0, Notation.ATOM), "ᵀ"); }

    @Override
    public Notation latex() {
        return Notation.of(Notation.POWER, Notation.slot(0, Notation.ATOM), "^{\\top}");
    }

    /** {@code (Aᵀ)ᵀ = A}, and a scalar is its own transpose. */
    @Override public Expr simplified() { return a instanceof Transpose t ? t.a() : a.shape().isScalar() ? a : this; }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
