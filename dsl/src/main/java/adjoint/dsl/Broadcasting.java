package adjoint.dsl;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Broadcast;
import adjoint.expr.BroadcastCols;
import adjoint.expr.BroadcastRows;
import adjoint.expr.Expr;
import adjoint.expr.Shape;

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
            Expr wideA = wide(a, sb);
            Expr wideB = wide(b, sa);
            a = wideA != null ? wideA : a;
            b = wideB != null && wideA == null ? wideB : b;
        }
        return new Binary(op, a, b);
    }

    /** {@return {@code x} repeated into {@code target}, if {@code x} is a scalar, row or column that fits it; else null} */
    static Expr wide(Expr x, Shape target) {
        Shape s = x.shape();
        if (s.isScalar() && !target.isScalar()) {
            return new Broadcast(x, target);
        }
        if (s.rows() == 1 && target.rows() > 1 && s.cols() == target.cols()) {
            return new BroadcastRows(x, target);
        }
        if (s.cols() == 1 && target.cols() > 1 && s.rows() == target.rows()) {
            return new BroadcastCols(x, target);
        }
        return null;
    }
}
