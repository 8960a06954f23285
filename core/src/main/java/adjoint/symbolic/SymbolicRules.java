package adjoint.symbolic;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixOp;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * Each op's vector-Jacobian product written as expressions: what a node passes to an input,
 * given the expression {@code g} of its upstream gradient. The node itself stands for its
 * output, so results reuse it (sharing, not recomputing). Elementwise ops read their rule from
 * their {@code UnaryOp} or {@code BinaryOp} constant, beside the numeric one; the structural
 * ops' rules are here.
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
            case MatrixOp.MatMul m -> k == 0
                    ? new MatrixOp.MatMul(g, new MatrixOp.Transpose(m.b()))
                    : new MatrixOp.MatMul(new MatrixOp.Transpose(m.a()), g);
            case MatrixOp.Transpose t -> new MatrixOp.Transpose(g);
            case MatrixOp.Sum s -> s.a().shape().isScalar() ? g : new MatrixOp.Broadcast(g, s.a().shape());
            case MatrixOp.Broadcast b -> new MatrixOp.Sum(g);
            case MatrixOp.BroadcastRows b -> new MatrixOp.MatMul(ones(1, b.shape().rows()), g);
            case MatrixOp.Trace t -> {
                int n = t.a().shape().rows();
                yield n == 1 ? g : new Binary(adjoint.expr.BinaryOp.GATE, new MatrixOp.Broadcast(g, t.a().shape()),
                        new Leaf.MatrixConstant(MatrixUtils.createRealIdentityMatrix(n)));
            }
            case MatrixOp.LogSumExpRows l -> {
                // The row's softmax, stably (as backprop computes it): exp(a - lse) is wrong where lse rounds.
                Expr ones = ones(1, l.a().shape().cols());
                yield Exprs.times(new MatrixOp.MatMul(g, ones), new MatrixOp.SoftmaxRows(l.a()));
            }
            case MatrixOp.SoftmaxRows s -> {
                int n = s.shape().cols();
                Expr rowSums = new MatrixOp.MatMul(new MatrixOp.MatMul(Exprs.times(g, s), ones(n, 1)), ones(1, n));
                yield Exprs.times(s, new Binary(BinaryOp.SUB, g, rowSums));
            }
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
