package adjoint.bench;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.expr.BinaryOp;
import adjoint.expr.UnaryOp;
import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Unary;
import java.util.List;

/**
 * {@code deep_chain}: 1,000,000 nested scalar ops (sin and a product by a constant, in turn),
 * built and differentiated; {@code doubling}: {@code x_{k+1} = x_k + x_k}, 100 levels.
 */
final class DeepWorkload {

    private DeepWorkload() {}

    /** {@return the chain of {@code n} ops on x} */
    static Expr chain(int n) {
        Leaf.Variable x = new Leaf.Variable("x");
        Leaf.Constant k = new Leaf.Constant(1.0001);
        Expr e = x;
        for (int i = 0; i < n; i++) {
            e = i % 2 == 0 ? new Unary(UnaryOp.SIN, e) : new Binary(BinaryOp.MUL, e, k);
        }
        return e;
    }

    /** {@return build and gradient of the deep chain, against the same chain differentiated by hand in a loop} */
    static Line deep(Timer timer, int n) {
        Line line = new Line("deep_chain", n, timer.median(() -> Backprop.gradient(chain(n), Bindings.of("x", 0.5))), List.of());
        return line.with("hand", timer.median(() -> {
            double v = 0.5;
            double d = 1;
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0) {
                    d *= Math.cos(v);
                    v = Math.sin(v);
                } else {
                    d *= 1.0001;
                    v *= 1.0001;
                }
            }
            return v + d;
        }));
    }

    /** {@return build and gradient of the 100-level doubling graph} */
    static Line doubling(Timer timer) {
        return new Line("doubling", 100, timer.median(DeepWorkload::doublingOnce), List.of());
    }

    /** {@return the 100-level doubling graph built and differentiated once} */
    static Object doublingOnce() {
        Expr e = new Leaf.Variable("x");
        for (int i = 0; i < 100; i++) {
            e = new Binary(BinaryOp.ADD, e, e);
        }
        return Backprop.gradient(e, Bindings.of("x", 3));
    }

    /** {@return the deep chain compiled once, for the forward-versus-gradient ratio} */
    static CompiledFunction compiled(int n) {
        return CompiledFunction.of(chain(n));
    }
}
