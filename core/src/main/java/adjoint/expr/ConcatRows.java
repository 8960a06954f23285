package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The rows of {@code A} followed by the rows of {@code B} (NumPy's {@code vstack}, PyTorch's
 * {@code cat(dim=0)}); pullback: the rows of {@code G} that each input
 * filled, a slice for each.
 *
 * @param a the upper input, {@code m x n}
 * @param b the lower input, {@code k x n}
 * @param shape the output's shape, {@code (m + k) x n}
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record ConcatRows(Expr a, Expr b, Shape shape, long id) implements Structural {

    /** {@code concat_rows(A, B)} in the text syntax. */
    public static final Kind KIND = new Kind("concat_rows", "concatRows", 2, List.of(), (in, p) -> new ConcatRows(in.get(0), in.get(1)),
            (out, c) -> {
                int n = out.rows();
                if (n < 2) {
                    return Optional.empty();
                }
                int k = c.between(1, n - 1);
                return Optional.of(List.of(Shape.of(k, out.cols()), Shape.of(n - k, out.cols())));
            });

    /** Checks that the inputs have as many cols. */
    public ConcatRows {
        id = NodeIds.fresh(id);
        Inputs.require(a, "concatRows");
        Inputs.require(b, "concatRows");
        if (a.shape().cols() != b.shape().cols()) {
            throw new ShapeMismatchException("concatRows: " + a.shape() + " above " + b.shape() + " (their columns differ: "
                    + a.shape().cols() + " and " + b.shape().cols() + ")" + ShapeMismatchException.where("concatRows", a, b));
        }
        shape = Inputs.computed("concatRows", a, Shape.of(a.shape().rows() + b.shape().rows(), a.shape().cols()), shape);
    }

    /**
     * Creates the concatenation with its computed shape and a fresh {@link #id}.
     *
     * @param a the upper input
     * @param b the lower input
     */
    public ConcatRows(Expr a, Expr b) {
        this(a, b, null, 0);
    }

    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.pair(this, a, b, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Kernels.concatRows(in[0], in[1]);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return k == 0 ? Kernels.sliceRows(g, 0, a.shape().rows()) : Kernels.sliceRows(g, a.shape().rows(), a.shape().rows() + b.shape().rows());
    }

    @Override
    public Expr pullbackExpr(int k, Expr g) {
        return k == 0 ? new SliceRows(g, 0, a.shape().rows()) : new SliceRows(g, a.shape().rows(), a.shape().rows() + b.shape().rows());
    }

    @Override
    public Notation unicode() {
        return Notation.of(Notation.ATOM, "[", Notation.slot(0, 0), "; ", Notation.slot(1, 0), "]");
    }

    @Override
    public Notation latex() {
        return Notation.of(Notation.ATOM, "\\begin{bmatrix} ", Notation.slot(0, 0), " \\\\ ", Notation.slot(1, 0),
                " \\end{bmatrix}");
    }

    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
