package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * Rows (or columns) {@code from} (inclusive) to {@code to} (exclusive) of a matrix, counted from
 * 0, as Python's {@code X[from:to]} (or {@code X[:, from:to]}); pullback: {@code G} in those rows
 * (or columns), zeros in the others.
 *
 * @param a the input
 * @param axis {@link Axis#ROWS} to take rows, {@link Axis#COLS} to take columns
 * @param from the first row (or column) taken, from 0
 * @param to the one after the last taken, at most the input's count along the axis
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record Slice(Expr a, Axis axis, int from, int to, long id) implements Structural {

    /** {@code slice_rows(X, from, to)} in the text syntax. */
    public static final Kind ROWS = kind(Axis.ROWS, "slice_rows", "sliceRows");
    /** {@code slice_cols(X, from, to)} in the text syntax. */
    public static final Kind COLS = kind(Axis.COLS, "slice_cols", "sliceCols");
    /** Both kinds, rows first. */
    public static final List<Kind> KINDS = List.of(ROWS, COLS);

    private static Kind kind(Axis axis, String name, String op) {
        return new Kind(name, op, 1, List.of("from", "to"), (in, p) -> new Slice(in.get(0), axis, p[0], p[1]), new Examples() {
            @Override
            public Optional<List<Shape>> inputShapes(Shape out, Choices c) {
                return Optional.of(List.of(axis.shape(axis.count(out) + c.dim() - 1, axis.across(out))));
            }

            @Override
            public int[] parameters(List<Shape> in, Shape out, Choices c) {
                int from = c.between(0, axis.count(in.get(0)) - axis.count(out));
                return new int[] {from, from + axis.count(out)};
            }
        });
    }

    /** Checks that the range is inside the input and not empty. */
    public Slice {
        id = NodeIds.fresh(id);
        java.util.Objects.requireNonNull(axis, "slice: axis is null");
        String op = axis == Axis.ROWS ? "sliceRows" : "sliceCols";
        Inputs.require(a, op);
        int n = axis.count(a.shape());
        if (from < 0 || from >= to || to > n) {
            throw new ShapeMismatchException(op + ": " + axis.word() + " " + from + " to " + to + " of a " + a.shape()
                    + " input (want 0 <= from < to <= " + n + ")" + ShapeMismatchException.where(op, a));
        }
    }

    /**
     * Creates the slice with a fresh {@link #id}.
     *
     * @param a the input
     * @param axis rows or columns
     * @param from the first taken, from 0
     * @param to the one after the last taken
     */
    public Slice(Expr a, Axis axis, int from, int to) { this(a, axis, from, to, 0); }

    @Override public Shape shape() { return axis.shape(to - from, axis.across(a.shape())); }
    @Override public int[] parameters() { return new int[] {from, to}; }
    @Override public Kind kind() { return axis == Axis.ROWS ? ROWS : COLS; }
    @Override public Expr input(int index) { return Inputs.only(this, a, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return axis == Axis.ROWS ? Kernels.sliceRows(in[0], from, to) : Kernels.sliceCols(in[0], from, to);
    }

    /** Linear: the tangent is the op applied to the input's tangent. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        return value(t, pool);
    }

    /** {@code G} padded with zeros to the input's size: a slice that reaches outside {@code G}. */
    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        int n = axis.count(a.shape());
        return axis == Axis.ROWS ? Kernels.sliceRows(g, -from, n - from) : Kernels.sliceCols(g, -from, n - from);
    }

    /** {@code G} between blocks of zeros, those of none left out. */
    @Override
    public Expr pullbackExpr(int k, Expr g) {
        int n = axis.count(a.shape());
        int across = axis.across(a.shape());
        Expr r = g;
        if (from > 0) {
            r = new Concat(Exprs.constant(0, axis.shape(from, across)), r, axis);
        }
        if (to < n) {
            r = new Concat(r, Exprs.constant(0, axis.shape(n - to, across)), axis);
        }
        return r;
    }

    @Override
    public Notation unicode() {
        String range = from + ":" + to;
        return Notation.of(Notation.POWER, Notation.slot(0, Notation.ATOM), axis == Axis.ROWS ? "[" + range + ", :]" : "[:, " + range + "]");
    }

    @Override
    public Notation latex() {
        String range = "[" + from + ":" + to + "]";
        return Notation.of(Notation.POWER, Notation.slot(0, Notation.ATOM), axis == Axis.ROWS ? "_{" + range + ",\\,:}" : "_{:,\\," + range + "}");
    }

    /** A slice of everything is the input. */
    @Override public Expr simplified() { return from == 0 && to == axis.count(a.shape()) ? a : this; }
    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
