package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * A scalar repeated into every entry of a matrix, so that it can meet the matrix elementwise
 * ({@code c M}, {@code M + c}); pullback: the sum of the entries of {@code G}.
 *
 * @param a the scalar input
 * @param shape the output's shape
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record Broadcast(Expr a, Shape shape, long id) implements Structural {

    /** {@code broadcast(c, rows, cols)} in the text syntax. */
    public static final Kind KIND = new Kind("broadcast", "broadcast", 1, List.of("rows", "cols"),
            (in, p) -> new Broadcast(in.get(0), Shape.of(p[0], p[1])), new Examples() {
                @Override
                public Optional<List<Shape>> inputShapes(Shape out, Choices c) {
                    return out.isScalar() ? Optional.empty() : Optional.of(List.of(Shape.SCALAR));
                }

                @Override
                public int[] parameters(List<Shape> in, Shape out, Choices c) {
                    return new int[] {out.rows(), out.cols()};
                }
            });

    /** Checks that the input is a scalar. */
    public Broadcast {
        id = NodeIds.fresh(id);
        Inputs.require(a, "broadcast");
        java.util.Objects.requireNonNull(shape, "broadcast: shape is null");
        if (!a.shape().isScalar()) {
            throw new ShapeMismatchException("broadcast: input is " + a.shape() + ", not a scalar (1x1)"
                    + ShapeMismatchException.where("broadcast", a));
        }
    }

    /**
     * Creates the broadcast with a fresh {@link #id}.
     *
     * @param a the scalar input
     * @param shape the output's shape
     */
    public Broadcast(Expr a, Shape shape) { this(a, shape, 0); }

    @Override public int[] parameters() { return new int[] {shape.rows(), shape.cols()}; }
    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Kernels.fill(shape.rows(), shape.cols(), in[0][0][0]);
    }

    /** Linear: the tangent is the op applied to the input's tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return value(t, pool);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Inputs.scalar(Kernels.sum(g));
    }

    @Override public Expr pullbackExpr(int k, Expr g) { return new Sum(g); }
    @Override public Notation unicode() { return Notation.transparent(); }
    @Override public Notation latex() { return Notation.transparent(); }
    @Override public boolean broadcasts() { return true; }

    /** A scalar broadcast to a scalar is the scalar. */
    @Override public Expr simplified() { return shape.isScalar() ? a : this; }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
