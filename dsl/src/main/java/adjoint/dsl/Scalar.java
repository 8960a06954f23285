package adjoint.dsl;

import adjoint.check.CheckReport;
import adjoint.check.GradientCheck;
import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Jvp;
import adjoint.symbolic.Hessian;
import adjoint.symbolic.HessianVectorProduct;
import adjoint.symbolic.SecondOrder;
import adjoint.eval.Gradient;
import adjoint.eval.Tape;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Broadcast;
import adjoint.expr.ScalarTerm;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.show.Dot;
import adjoint.show.Formula;
import adjoint.symbolic.Simplify;
import adjoint.show.Trace;
import adjoint.symbolic.Symbolic;
import java.util.Objects;
import java.util.function.Function;

/**
 * A scalar-valued expression, with the arithmetic that reads like the formula:
 * {@code inv(sin(x1.times(w1)).squared().plus(cos(x2.times(w2))).plus(2))}. Immutable; every
 * method returns a new expression. Mixing a scalar with a {@link Matrix} is typed: a scalar
 * scales or shifts every entry.
 *
 * @param expr the expression, 1x1
 */
public record Scalar(Expr expr) implements ScalarTerm {

    /**
     * Wraps a scalar expression.
     *
     * @throws ShapeMismatchException if {@code expr} is not {@code 1x1}
     */
    public Scalar {
        Objects.requireNonNull(expr, "expr is null");
        // The two records the arithmetic makes are read directly, without an interface call.
        Shape shape = expr instanceof Binary b ? b.shape() : expr instanceof Unary u ? u.shape() : expr.shape();
        if (!shape.isScalar()) {
            throw new ShapeMismatchException("a Scalar needs a 1x1 expression, got " + expr.shape() + ": " + expr);
        }
    }

    /**
     * {@return {@code this + b}}
     *
     * @param b the other operand
     */
    public Scalar plus(Scalar b) {
        return new Scalar(new Binary(BinaryOp.ADD, expr, Operands.of(b)));
    }

    /**
     * {@return {@code this + c}}
     *
     * @param c the constant
     */
    public Scalar plus(double c) {
        return withConstant(BinaryOp.ADD, c);
    }

    /**
     * {@return {@code this + M}, added to every entry of {@code M}}
     *
     * @param m the matrix
     */
    public Matrix plus(Matrix m) {
        Expr e = Operands.of(m);
        return new Matrix(new Binary(BinaryOp.ADD, new Broadcast(expr, e.shape()), e));
    }

    /**
     * {@return {@code this - b}}
     *
     * @param b the other operand
     */
    public Scalar minus(Scalar b) {
        return new Scalar(new Binary(BinaryOp.SUB, expr, Operands.of(b)));
    }

    /**
     * {@return {@code this - c}}
     *
     * @param c the constant
     */
    public Scalar minus(double c) {
        return withConstant(BinaryOp.SUB, c);
    }

    /**
     * {@return {@code this * b}}
     *
     * @param b the other operand
     */
    public Scalar times(Scalar b) {
        return new Scalar(new Binary(BinaryOp.MUL, expr, Operands.of(b)));
    }

    /**
     * {@return {@code this * c}}
     *
     * @param c the constant
     */
    public Scalar times(double c) {
        return withConstant(BinaryOp.MUL, c);
    }

    /**
     * {@return {@code this * M}, every entry of {@code M} scaled}
     *
     * @param m the matrix
     */
    public Matrix times(Matrix m) {
        Expr e = Operands.of(m);
        return new Matrix(new Binary(BinaryOp.MUL, new Broadcast(expr, e.shape()), e));
    }

    /**
     * {@return {@code this / b}}
     *
     * @param b the other operand
     */
    public Scalar div(Scalar b) {
        return new Scalar(new Binary(BinaryOp.DIV, expr, Operands.of(b)));
    }

    /**
     * {@return {@code this / c}}
     *
     * @param c the constant
     */
    public Scalar div(double c) {
        return withConstant(BinaryOp.DIV, c);
    }

    /**
     * {@return {@code this^p} for a constant exponent}
     *
     * @param p the exponent
     */
    public Scalar pow(double p) {
        return new Scalar(Exprs.pow(expr, p));
    }

    /**
     * {@return {@code this^b} with a variable exponent, defined for a positive base}
     *
     * @param b the other operand
     */
    public Scalar pow(Scalar b) {
        return new Scalar(new Binary(BinaryOp.POW, expr, Operands.of(b)));
    }

    /** {@return {@code this^2}} */
    public Scalar squared() {
        return new Scalar(new Unary(UnaryOp.SQUARE, expr));
    }

    /** {@return {@code -this}} */
    public Scalar negate() {
        return new Scalar(new Unary(UnaryOp.NEG, expr));
    }

    /** {@return {@code 1 / this}} */
    public Scalar reciprocal() {
        return new Scalar(new Unary(UnaryOp.INV, expr));
    }

    /**
     * {@return this scalar repeated into a matrix of {@code rows x cols}}
     *
     * @param rows the number of rows
     * @param cols the number of columns
     */
    public Matrix broadcast(int rows, int cols) {
        return new Matrix(new Broadcast(expr, Shape.of(rows, cols)));
    }

    /**
     * {@return the value and gradient at a point given as pairs}, each a variable then its value:
     * {@code f.gradientAt(x1, 1.0, w1, 2.0)}. Every variable of the expression must be bound.
     *
     * @param pairs variables and values, alternating
     */
    public Gradient gradientAt(Object... pairs) {
        return gradient(Adjoint.at(pairs));
    }

    /**
     * {@return the value and gradient at a point}
     *
     * @param at a value for every variable
     */
    public Gradient gradient(Bindings at) {
        return Backprop.gradient(expr, at);
    }

    /**
     * {@return the value and the directional derivative along {@code along}, by forward mode}:
     * the gradient dotted with the direction, in one forward and one tangent pass
     *
     * @param at a value for every variable
     * @param along the direction, (variable, value) pairs; a variable it does not name moves by zero
     */
    public Jvp jvp(Bindings at, Bindings along) {
        return compile().jvp(at, along);
    }

    /**
     * {@return the value, gradient and Hessian-vector product along {@code along}}, exactly, by
     * forward mode over the symbolic reverse pass; compile {@link SecondOrder#of} once for many
     *
     * @param at a value for every variable
     * @param along the direction, (variable, value) pairs; a variable it does not name moves by zero
     */
    public HessianVectorProduct hvp(Bindings at, Bindings along) {
        return SecondOrder.of(expr).hvp(at, along);
    }

    /**
     * {@return the value, gradient and Hessian with respect to every entry of the variables}
     *
     * @param at a value for every variable
     */
    public Hessian hessian(Bindings at) {
        return SecondOrder.of(expr).hessian(at);
    }

    /**
     * {@return the value at a point given as pairs, as for {@link #gradientAt}}
     *
     * @param pairs variables and values, alternating
     */
    public double valueAt(Object... pairs) {
        return value(Adjoint.at(pairs));
    }

    /**
     * {@return the value at a point}
     *
     * @param at a value for every variable
     */
    public double value(Bindings at) {
        return Backprop.value(expr, at);
    }

    /**
     * {@return this expression compiled for repeated use}, with the given variables as
     * parameters in that order, or with none its own variables in the order first met:
     * {@code f.compile(x, y).gradientByPosition(1.0, 2.0)}.
     *
     * @param parameters the variables, in the order a flat point and a call by position take them
     */
    public CompiledFunction compile(Term... parameters) {
        return Backprop.compile(expr, parameters);
    }

    /**
     * {@return the derivative with respect to a scalar variable}, symbolic and simplified, as an
     * expression that can be printed, evaluated and differentiated again:
     * {@code f.derivative(x).derivative(x)} is the second derivative
     *
     * @param variable a scalar variable; zero if the expression does not use it
     */
    public Scalar derivative(Scalar variable) {
        return new Scalar(Symbolic.derivative(expr, variable));
    }

    /**
     * {@return the gradient with respect to a matrix or vector variable}, symbolic and
     * simplified, of that variable's shape
     *
     * @param variable a matrix or vector variable; zero if the expression does not use it
     */
    public Matrix derivative(Matrix variable) {
        return new Matrix(Symbolic.derivative(expr, variable));
    }

    /**
     * {@return a record of the forward and backward pass at a point}: every node's value and
     * gradient, for {@link adjoint.show.Dot} pictures and {@link #trace}
     *
     * @param at a value for every variable
     */
    public Tape tape(Bindings at) {
        return Backprop.tape(expr, at);
    }

    /**
     * {@return backprop written out node by node at a point}, as a student solves it by hand:
     * {@code f.trace(at).text()}, {@code .markdown()} or {@code .latex()}
     *
     * @param at a value for every variable
     */
    public Trace trace(Bindings at) {
        return Trace.of(tape(at));
    }

    /**
     * {@return the computational graph at a point in Graphviz's DOT language}: each node with its
     * value and gradient; write it with {@link adjoint.show.Graphviz#write}
     *
     * @param at a value for every variable
     */
    public String graph(Bindings at) {
        return Dot.of(tape(at));
    }

    /** {@return the expression in Unicode notation, as {@code 1/(2 + sin²(x₁·w₁))}} */
    public String formula() {
        return Formula.unicode(expr);
    }

    /**
     * {@return this expression rewritten for reading}: products with one sign, one coefficient
     * first and one denominator, as {@code −2·w₁·sin(x₁·w₁)/d²}; its value may differ from this
     * one's in the last bits, so evaluate the original
     */
    public Scalar readable() {
        return new Scalar(Simplify.readable(expr));
    }

    /** {@return the expression in LaTeX notation} */
    public String latex() {
        return Formula.latex(expr);
    }

    /**
     * {@return the expression as a Presentation MathML {@code <math>} element}, which browsers
     * typeset with no script of their own: quotients as fractions, powers raised, subscripts lowered
     */
    public String mathml() {
        return Formula.mathml(expr);
    }

    /**
     * {@return backprop's gradient checked against finite differences at a point}, with
     * {@link GradientCheck#defaults()}
     *
     * @param at a value for every variable
     */
    public CheckReport check(Bindings at) {
        return GradientCheck.defaults().check(expr, at);
    }

    /**
     * {@return an op of one input applied to this expression}: a custom op's constructor, as
     * {@code x.apply(LogGamma::new)}
     *
     * @param op makes the node from this expression
     * @throws adjoint.expr.ShapeMismatchException if the node it makes is not a scalar
     */
    public Scalar apply(Function<? super Expr, ? extends Expr> op) {
        return new Scalar(Objects.requireNonNull(op.apply(expr), "the op made null"));
    }

    @Override
    public String toString() {
        return expr instanceof Leaf.Variable v ? v.name() : expr.toString();
    }

    /** {@return {@code this op c}, the constant made in place} */
    private Scalar withConstant(BinaryOp op, double c) {
        return new Scalar(new Binary(op, expr, new Leaf.Constant(c)));
    }
}
