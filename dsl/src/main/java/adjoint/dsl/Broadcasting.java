package adjoint.dsl;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Broadcast;
import adjoint.expr.BroadcastCols;
import adjoint.expr.BroadcastRows;
import adjoint.expr.Expr;
import adjoint.expr.Shape;
import adjoint.expr.Structural;

/**
 * Implicit broadcasting, the same in the fluent DSL and the text syntax: when an elementwise op
 * meets two shapes that differ, a scalar is repeated into every entry of the other, a
 * {@code 1 x n} row into every row of an {@code m x n} matrix, and an {@code m x 1} column into
 * every column of it. Other shapes are left as they are, for the op to reject with both shapes.
 */
final class Broadcasting {

    private Broadcasting() {}

    /**
     * {@return {@code op} on {@code a} and {@code b}, the smaller one broadcast where the shapes differ}
     *
     * @throws adjoint.expr.ShapeMismatchException if the shapes cannot meet
     */
    static Expr elementwise(BinaryOp op, Expr a, Expr b) {
        Shape sa = a.shape();
        Shape sb = b.shape();
        if (!sa.equals(sb)) {
            if (repeat(sa, sb) != null) {
                a = wide(a, sb);
            } else if (repeat(sb, sa) != null) {
                b = wide(b, sa);
            }
        }
        return new Binary(op, a, b);
    }

    /**
     * {@return the broadcast that repeats a value of shape {@code s} into {@code target}: a
     * scalar's, a row's or a column's; null if none fits}
     */
    static Class<? extends Structural> repeat(Shape s, Shape target) {
        if (s.isScalar() && !target.isScalar()) {
            return Broadcast.class;
        }
        if (s.rows() == 1 && target.rows() > 1 && s.cols() == target.cols()) {
            return BroadcastRows.class;
        }
        if (s.cols() == 1 && target.cols() > 1 && s.rows() == target.rows()) {
            return BroadcastCols.class;
        }
        return null;
    }

    /** {@return {@code x} repeated into {@code target} by the broadcast {@link #repeat} names, which must be one} */
    private static Expr wide(Expr x, Shape target) {
        Class<? extends Structural> kind = repeat(x.shape(), target);
        return kind == Broadcast.class ? new Broadcast(x, target)
                : kind == BroadcastRows.class ? new BroadcastRows(x, target) : new BroadcastCols(x, target);
    }
}
