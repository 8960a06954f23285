package adjoint.eval;

import adjoint.expr.Expr;
import adjoint.expr.Term;
import io.vavr.collection.Array;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One-shot evaluation and differentiation, and the way to a {@link CompiledFunction} for
 * repeated use. A one-shot call compiles the expression and runs it once.
 */
public final class Backprop {

    private Backprop() {}

    /** {@return the value and gradient of a scalar expression, with respect to all its variables} */
    public static Gradient gradient(Expr expression, Bindings at) {
        return CompiledFunction.of(expression).gradient(at);
    }

    /** {@return a record of every node's value and gradient, for a scalar expression} */
    public static Tape tape(Expr expression, Bindings at) {
        return CompiledFunction.of(expression).tape(at);
    }

    /** {@return the value of a scalar expression} */
    public static double value(Expr expression, Bindings at) {
        return CompiledFunction.of(expression).value(at);
    }

    /** {@return the value of an expression of any shape, as a new matrix (a scalar as {@code 1x1})} */
    public static RealMatrix evaluate(Expr expression, Bindings at) {
        return CompiledFunction.of(expression).evaluate(at);
    }

    /** {@return {@code expression} compiled with the given parameters, in that order} */
    public static CompiledFunction compile(Expr expression, Term... parameters) {
        return CompiledFunction.of(expression, Array.of(parameters));
    }

    /** {@return {@code expression} compiled with its own variables as parameters, in the order first met} */
    public static CompiledFunction compile(Expr expression) {
        return CompiledFunction.of(expression);
    }
}
