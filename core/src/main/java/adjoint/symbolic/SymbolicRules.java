package adjoint.symbolic;

import adjoint.expr.Binary;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixOp;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import org.apache.commons.math3.linear.MatrixUtils;

/**
 * Each op's vector-Jacobian product written as expressions: what a node passes to each input,
 * given the expression {@code g} of its upstream gradient. The node itself stands for its
 * output, so results reuse it (sharing, not recomputing). These restate, as expressions, the
 * numeric rules the interpreters run; a property law checks the two agree on every op.
 */
final class SymbolicRules {

    private SymbolicRules() {}

    /** {@return what {@code node} passes to each of its inputs, given upstream {@code g}} */
    static Expr[] pullback(Expr node, Expr g) {
        return switch (node) {
            case Leaf l -> new Expr[0];
            case Unary u -> new Expr[] {new Binary.Mul(g, local(u))};
            case Binary.Add b -> new Expr[] {g, g};
            case Binary.Sub b -> new Expr[] {g, new Unary.Neg(g)};
            case Binary.Mul b -> new Expr[] {new Binary.Mul(g, b.b()), new Binary.Mul(g, b.a())};
            case Binary.Div b -> new Expr[] {new Binary.Div(g, b.b()), new Unary.Neg(new Binary.Div(new Binary.Mul(g, b), b.b()))};
            case Binary.Pow b -> new Expr[] {
                new Binary.Mul(g, new Binary.Mul(b.b(), new Binary.Pow(b.a(), new Binary.Sub(b.b(), constant(1, b.shape()))))),
                new Binary.Mul(g, new Binary.Mul(b, new Unary.Log(b.a())))};
            case MatrixOp.MatMul m -> new Expr[] {
                new MatrixOp.MatMul(g, new MatrixOp.Transpose(m.b())), new MatrixOp.MatMul(new MatrixOp.Transpose(m.a()), g)};
            case MatrixOp.Transpose t -> new Expr[] {new MatrixOp.Transpose(g)};
            case MatrixOp.Sum s -> new Expr[] {s.a().shape().isScalar() ? g : new MatrixOp.Broadcast(g, s.a().shape())};
            case MatrixOp.Broadcast b -> new Expr[] {new MatrixOp.Sum(g)};
            case MatrixOp.Trace t -> {
                int n = t.a().shape().rows();
                yield new Expr[] {n == 1 ? g : new Binary.Mul(new MatrixOp.Broadcast(g, t.a().shape()),
                        new Leaf.MatrixConstant(MatrixUtils.createRealIdentityMatrix(n)))};
            }
            case MatrixOp.LogSumExpRows l -> {
                Expr ones = new Leaf.MatrixConstant(new org.apache.commons.math3.linear.Array2DRowRealMatrix(1, l.a().shape().cols())
                        .scalarAdd(1));
                Expr softmax = new Unary.Exp(new Binary.Sub(l.a(), new MatrixOp.MatMul(l, ones)));
                yield new Expr[] {new Binary.Mul(new MatrixOp.MatMul(g, ones), softmax)};
            }
            case Custom c -> {
                if (!(c instanceof Custom.Symbolic s)) {
                    throw new UnsupportedOperationException(c.op() + " has no symbolic rule: implement Custom.Symbolic"
                            + " to differentiate it symbolically");
                }
                yield s.pullbackExpr(g).toJavaArray(Expr[]::new);
            }
        };
    }

    /** {@return the local derivative {@code op'(x)} of an elementwise op, in terms of its input and itself} */
    static Expr local(Unary u) {
        Expr x = u.a();
        Shape s = u.shape();
        return switch (u) {
            case Unary.Neg n -> constant(-1, s);
            case Unary.Exp e -> u;
            case Unary.Log l -> new Unary.Reciprocal(x);
            case Unary.Sqrt q -> new Unary.Reciprocal(new Binary.Mul(constant(2, s), u));
            case Unary.Square q -> new Binary.Mul(constant(2, s), x);
            case Unary.Reciprocal r -> new Unary.Neg(new Unary.Square(u));
            case Unary.Sin n -> new Unary.Cos(x);
            case Unary.Cos c -> new Unary.Neg(new Unary.Sin(x));
            case Unary.Tan t -> new Binary.Add(constant(1, s), new Unary.Square(u));
            case Unary.Tanh t -> new Binary.Sub(constant(1, s), new Unary.Square(u));
            case Unary.Sigmoid g -> new Binary.Mul(u, new Binary.Sub(constant(1, s), u));
            case Unary.Relu r -> new Unary.Relu(new Unary.Sign(x));
            case Unary.Abs a -> new Unary.Sign(x);
            case Unary.Softplus p -> new Unary.Sigmoid(x);
            case Unary.Log1p l -> new Unary.Reciprocal(new Binary.Add(constant(1, s), x));
            case Unary.Sign n -> constant(0, s);
            case Unary.Erf e -> new Binary.Mul(constant(2 / Math.sqrt(Math.PI), s), new Unary.Exp(new Unary.Neg(new Unary.Square(x))));
            case Unary.Power p -> p.p() == 0 ? constant(0, s)
                    : p.p() == 1 ? constant(1, s)
                    : new Binary.Mul(constant(p.p(), s), p.p() == 2 ? x : new Unary.Power(x, p.p() - 1));
        };
    }

    /** {@return the constant {@code c} of the given shape: a scalar, or a scalar broadcast} */
    static Expr constant(double c, Shape s) {
        Expr k = new Leaf.Constant(c);
        return s.isScalar() ? k : new MatrixOp.Broadcast(k, s);
    }
}
