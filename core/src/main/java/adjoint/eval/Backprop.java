package adjoint.eval;

import adjoint.expr.Term;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One-shot evaluation and differentiation, and the way to a {@link CompiledFunction} for
 * repeated use. A one-shot call compiles the expression and runs it once.
 */
public final class Backprop {

    private Backprop() {}

    /**
     * {@return the value and gradient of a scalar expression, with respect to all its variables}
     *
     * @param expression the expression
     * @param at a value for every variable
     */
    public static Gradient gradient(Term expression, Bindings at) {
        return CompiledFunction.of(expression).gradient(at);
    }

    /**
     * {@return a record of every node's value and gradient, for a scalar expression}
     *
     * @param expression the expression
     * @param at a value for every variable
     */
    public static Tape tape(Term expression, Bindings at) {
        return CompiledFunction.of(expression).tape(at);
    }

    /**
     * {@return the value of a scalar expression}
     *
     * @param expression the expression
     * @param at a value for every variable
     */
    public static double value(Term expression, Bindings at) {
        return CompiledFunction.of(expression).value(at);
    }

    /**
     * {@return the value of an expression of any shape, as a new matrix (a scalar as {@code 1x1})}
     *
     * @param expression the expression
     * @param at a value for every variable
     */
    public static RealMatrix evaluate(Term expression, Bindings at) {
        return CompiledFunction.of(expression).evaluate(at);
    }

    /**
     * {@return {@code expression} compiled with the given parameters, in that order}; with none,
     * its own variables in the order first met
     *
     * @param expression the expression
     * @param parameters its variables, in the order a flat point lays them out
     */
    public static CompiledFunction compile(Term expression, Term... parameters) {
        return CompiledFunction.of(expression, parameters);
    }
}
