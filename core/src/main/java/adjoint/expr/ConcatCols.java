package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The columns of {@code A} followed by the columns of {@code B} (NumPy's {@code hstack},
 * PyTorch's {@code cat(dim=1)}); pullback: the cols of {@code G} that each input
 * filled, a slice for each.
 *
 * @param a the left input, {@code m x n}
 * @param b the right input, {@code m x k}
 * @param shape the output's shape, {@code m x (n + k)}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record ConcatCols(Expr a, Expr b, Shape shape, long id) implements Structural {

    /** {@code concat_cols(A, B)} in the text syntax. */
    public static final Kind KIND = new Kind("concat_cols", "concatCols", 2, List.of(), (in, p) -> new ConcatCols(in.get(0), in.get(1)),
            (out, c) -> {
                int n = out.cols();
                if (n < 2) {
                    return Optional.empty();
                }
                int k = c.between(1, n - 1);
                return Optional.of(List.of(Shape.of(out.rows(), k), Shape.of(out.rows(), n - k)));
            });

    /** Checks that the inputs have as many rows. */
    public ConcatCols {
        id = NodeIds.fresh(id);
        Inputs.require(a, "concatCols");
        Inputs.require(b, "concatCols");
        if (a.shape().rows() != b.shape().rows()) {
            throw new ShapeMismatchException("concatCols: " + a.shape() + " beside " + b.shape() + " (their rows differ: "
                    + a.shape().rows() + " and " + b.shape().rows() + ")" + ShapeMismatchException.where("concatCols", a, b));
        }
        shape = Inputs.computed("concatCols", a, Shape.of(a.shape().rows(), a.shape().cols() + b.shape().cols()), shape);
    }

    /**
     * Creates the concatenation with its computed shape and a fresh {@link #id}.
     *
     * @param a the left input
     * @param b the right input
     */
    public ConcatCols(Expr a, Expr b) {
        this(a, b, null, 0);
    }

    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.pair(this, a, b, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Kernels.concatCols(in[0], in[1]);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return k == 0 ? Kernels.sliceCols(g, 0, a.shape().cols()) : Kernels.sliceCols(g, a.shape().cols(), a.shape().cols() + b.shape().cols());
    }

    @Override
    public Expr pullbackExpr(int k, Expr g) {
        return k == 0 ? new SliceCols(g, 0, a.shape().cols()) : new SliceCols(g, a.shape().cols(), a.shape().cols() + b.shape().cols());
    }

    @Override
    public Notation unicode() {
        return Notation.of(Notation.ATOM, "[", Notation.slot(0, 0), ", ", Notation.slot(1, 0), "]");
    }

    @Override
    public Notation latex() {
        return Notation.of(Notation.ATOM, "\\begin{bmatrix} ", Notation.slot(0, 0), " & ", Notation.slot(1, 0),
                " \\end{bmatrix}");
    }

    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
