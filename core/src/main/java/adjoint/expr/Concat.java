package adjoint.expr;

import adjoint.kernel.Kernels;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * The rows of {@code A} followed by the rows of {@code B} (NumPy's {@code vstack}, PyTorch's
 * {@code cat(dim=0)}), or the columns of {@code A} followed by those of {@code B} ({@code hstack},
 * {@code cat(dim=1)}); pullback: the block of {@code G} that each input filled, a slice for each.
 *
 * @param a the first block
 * @param b the second block, as wide (for rows) or as tall (for columns) as {@code a}
 * @param axis {@link Axis#ROWS} to stack, {@link Axis#COLS} to put side by side
 * @param shape the output's shape
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record Concat(Expr a, Expr b, Axis axis, Shape shape, long id) implements Structural {

    /** {@code concat_rows(A, B)} in the text syntax. */
    public static final Kind ROWS = kind(Axis.ROWS, "concat_rows", "concatRows");
    /** {@code concat_cols(A, B)} in the text syntax. */
    public static final Kind COLS = kind(Axis.COLS, "concat_cols", "concatCols");
    /** Both kinds, rows first. */
    public static final List<Kind> KINDS = List.of(ROWS, COLS);

    private static Kind kind(Axis axis, String name, String op) {
        return new Kind(name, op, 2, List.of(), (in, p) -> new Concat(in.get(0), in.get(1), axis), (out, c) -> {
            int n = axis.count(out);
            if (n < 2) {
                return Optional.empty();
            }
            int k = c.between(1, n - 1);
            return Optional.of(List.of(axis.shape(k, axis.across(out)), axis.shape(n - k, axis.across(out))));
        });
    }

    /** Checks that the inputs have as many columns (for rows) or rows (for columns). */
    public Concat {
        id = NodeIds.fresh(id);
        java.util.Objects.requireNonNull(axis, "concat: axis is null");
        String op = axis == Axis.ROWS ? "concatRows" : "concatCols";
        Inputs.require(a, op);
        Inputs.require(b, op);
        if (axis.across(a.shape()) != axis.across(b.shape())) {
            throw new ShapeMismatchException(op + ": " + a.shape() + (axis == Axis.ROWS ? " above " : " beside ") + b.shape()
                    + " (their " + (axis == Axis.ROWS ? "columns" : "rows") + " differ: " + axis.across(a.shape()) + " and "
                    + axis.across(b.shape()) + ")" + ShapeMismatchException.where(op, a, b));
        }
        shape = Inputs.computed(op, a, axis.shape(axis.count(a.shape()) + axis.count(b.shape()), axis.across(a.shape())), shape);
    }

    /**
     * Creates the concatenation with its computed shape and a fresh {@link #id}.
     *
     * @param a the first block
     * @param b the second block
     * @param axis rows or columns
     */
    public Concat(Expr a, Expr b, Axis axis) { this(a, b, axis, null, 0); }

    @Override public Kind kind() { return axis == Axis.ROWS ? ROWS : COLS; }
    @Override public Expr input(int index) { return Inputs.pair(this, a, b, index); }

    @Override
    public double[][] value(double[][][] in, ForkJoinPool pool) {
        return axis == Axis.ROWS ? Kernels.concatRows(in[0], in[1]) : Kernels.concatCols(in[0], in[1]);
    }

    /** Linear: the tangents concatenated, zeros for an input that carries none. */
    @Override
    public double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool) {
        double[][] ta = t[0] != null ? t[0] : new double[in[0].length][in[0][0].length];
        double[][] tb = t[1] != null ? t[1] : new double[in[1].length][in[1][0].length];
        return value(new double[][][] {ta, tb}, pool);
    }

    @Override
    public double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        int na = axis.count(a.shape());
        int from = k == 0 ? 0 : na;
        int to = k == 0 ? na : na + axis.count(b.shape());
        return axis == Axis.ROWS ? Kernels.sliceRows(g, from, to) : Kernels.sliceCols(g, from, to);
    }

    @Override
    public Expr pullbackExpr(int k, Expr g) {
        int na = axis.count(a.shape());
        return k == 0 ? new Slice(g, axis, 0, na) : new Slice(g, axis, na, na + axis.count(b.shape()));
    }

    @Override
    public Notation unicode() {
        return Notation.of(Notation.ATOM, "[", Notation.slot(0, 0), axis == Axis.ROWS ? "; " : ", ", Notation.slot(1, 0), "]");
    }

    @Override
    public Notation latex() {
        return Notation.of(Notation.ATOM, "\\begin{bmatrix} ", Notation.slot(0, 0), axis == Axis.ROWS ? " \\\\ " : " & ",
                Notation.slot(1, 0), " \\end{bmatrix}");
    }

    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
