package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Columns {@code from} (inclusive) to {@code to} (exclusive) of a matrix, counted from 0, as Python's
 * {@code X[:, from:to]}; pullback: {@code G} in those cols, zeros in the others.
 *
 * @param a the input
 * @param from the first column taken, from 0
 * @param to the column after the last taken, at most the input's columns
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record SliceCols(Expr a, int from, int to, long id) implements Structural {

    /** {@code slice_cols(X, from, to)} in the text syntax. */
    public static final Kind KIND = new Kind("slice_cols", "sliceCols", 1, List.of("from", "to"),
            (in, p) -> new SliceCols(in.get(0), p[0], p[1]), new Examples() {
                @Override
                public Optional<List<Shape>> inputShapes(Shape out, Choices c) {
                    int extra = c.dim() - 1;
                    return Optional.of(List.of(Shape.of(out.rows(), out.cols() + extra)));
                }

                @Override
                public int[] parameters(List<Shape> in, Shape out, Choices c) {
                    int from = c.between(0, in.get(0).cols() - out.cols());
                    return new int[] {from, from + out.cols()};
                }
            });

    /** Checks that the range is inside the input and not empty. */
    public SliceCols {
        id = NodeIds.fresh(id);
        Inputs.require(a, "sliceCols");
        if (from < 0 || from >= to || to > a.shape().cols()) {
            throw new ShapeMismatchException("sliceCols: cols " + from + " to " + to + " of a " + a.shape() + " input (want 0 <= from < to <= "
                    + a.shape().cols() + ")" + ShapeMismatchException.where("sliceCols", a));
        }
    }

    /**
     * Creates the slice with a fresh {@link #id}.
     *
     * @param a the input
     * @param from the first column taken, from 0
     * @param to the column after the last taken
     */
    public SliceCols(Expr a, int from, int to) {
        this(a, from, to, 0);
    }

    @Override public Shape shape() { return Shape.of(a.shape().rows(), to - from); }
    @Override public int[] parameters() { return new int[] {from, to}; }
    @Override public Kind kind() { return KIND; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return Kernels.sliceCols(in[0], from, to);
    }

    /** {@code G} padded with zero cols to the input's size: a slice that reaches outside {@code G}. */
    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        return Kernels.sliceCols(g, -from, a.shape().cols() - from);
    }

    /** {@code G} between blocks of zeros, those of no cols left out. */
    @Override
    public Expr pullbackExpr(int k, Expr g) {
        Expr r = g;
        if (from > 0) {
            r = new ConcatCols(Exprs.constant(0, Shape.of(a.shape().rows(), from)), r);
        }
        if (to < a.shape().cols()) {
            r = new ConcatCols(r, Exprs.constant(0, Shape.of(a.shape().rows(), a.shape().cols() - to)));
        }
        return r;
    }

    @Override
    public Notation unicode() {
        return Notation.of(Notation.POWER, Notation.slot(0, Notation.ATOM), "[:, " + from + ":" + to + "]");
    }

    @Override
    public Notation latex() {
        return Notation.of(Notation.POWER, Notation.slot(0, Notation.ATOM), "_{:,\\,[" + from + ":" + to + "]}");
    }

    /** A slice of everything is the input. */
    @Override public Expr simplified() { return from == 0 && to == a.shape().cols() ? a : this; }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
