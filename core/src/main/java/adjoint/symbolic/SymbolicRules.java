package adjoint.symbolic;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Structural;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;

/**
 * Each op's vector-Jacobian product written as expressions: what a node passes to an input,
 * given the expression {@code g} of its upstream gradient. The node itself stands for its
 * output, so results reuse it (sharing, not recomputing). Elementwise ops read their rule from
 * their {@code UnaryOp} or {@code BinaryOp} constant, beside the numeric one; structural
 * ops from their records.
 */
final class SymbolicRules {

    private SymbolicRules() {}

    /** {@return the {@code rows x cols} matrix of ones, as a constant} */
    static Expr ones(int rows, int cols) {
        return new Leaf.MatrixConstant(new Array2DRowRealMatrix(rows, cols).scalarAdd(1));
    }

    /** {@return what {@code node} passes to its input {@code k}, given upstream {@code g}} */
    static Expr pullback(Expr node, Expr g, int k) {
        return switch (node) {
            case Leaf l -> throw new IllegalArgumentException("a leaf has no inputs");
            case Unary u -> u.fn().pullback(g, u.a(), u);
            case Binary b -> k == 0 ? b.fn().pullbackA(g, b.a(), b.b(), b) : b.fn().pullbackB(g, b.a(), b.b(), b);
            case Structural s -> s.pullbackExpr(k, g);
            case Custom c -> {
                if (!(c instanceof Custom.Symbolic s)) {
                    throw new UnsupportedOperationException(c.op() + " has no symbolic rule: implement Custom.Symbolic"
                            + " to differentiate it symbolically");
                }
                yield s.pullbackExpr(g).get(k);
            }
        };
    }
}
