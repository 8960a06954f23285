package adjoint.dsl;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixOp;
import adjoint.expr.ScalarTerm;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.Objects;

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
        if (!expr.shape().isScalar()) {
            throw new ShapeMismatchException("a Scalar needs a 1x1 expression, got " + expr.shape() + ": " + expr);
        }
    }

    /** {@return {@code this + b}} */
    public Scalar plus(Scalar b) {
        return new Scalar(new Binary(BinaryOp.ADD, expr, Operands.of(b)));
    }

    /** {@return {@code this + c}} */
    public Scalar plus(double c) {
        return plus(Adjoint.constant(c));
    }

    /** {@return {@code this + M}, added to every entry of {@code M}} */
    public Matrix plus(Matrix m) {
        Expr e = Operands.of(m);
        return new Matrix(new Binary(BinaryOp.ADD, new MatrixOp.Broadcast(expr, e.shape()), e));
    }

    /** {@return {@code this - b}} */
    public Scalar minus(Scalar b) {
        return new Scalar(new Binary(BinaryOp.SUB, expr, Operands.of(b)));
    }

    /** {@return {@code this - c}} */
    public Scalar minus(double c) {
        return minus(Adjoint.constant(c));
    }

    /** {@return {@code this * b}} */
    public Scalar times(Scalar b) {
        return new Scalar(new Binary(BinaryOp.MUL, expr, Operands.of(b)));
    }

    /** {@return {@code this * c}} */
    public Scalar times(double c) {
        return times(Adjoint.constant(c));
    }

    /** {@return {@code this * M}, every entry of {@code M} scaled} */
    public Matrix times(Matrix m) {
        Expr e = Operands.of(m);
        return new Matrix(new Binary(BinaryOp.MUL, new MatrixOp.Broadcast(expr, e.shape()), e));
    }

    /** {@return {@code this / b}} */
    public Scalar div(Scalar b) {
        return new Scalar(new Binary(BinaryOp.DIV, expr, Operands.of(b)));
    }

    /** {@return {@code this / c}} */
    public Scalar div(double c) {
        return div(Adjoint.constant(c));
    }

    /** {@return {@code this^p} for a constant exponent} */
    public Scalar pow(double p) {
        return new Scalar(Exprs.pow(expr, p));
    }

    /** {@return {@code this^b} with a variable exponent, defined for a positive base} */
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
        return new Scalar(new Unary(UnaryOp.RECIPROCAL, expr));
    }

    /** {@return this scalar repeated into a matrix of {@code rows x cols}} */
    public Matrix broadcast(int rows, int cols) {
        return new Matrix(new MatrixOp.Broadcast(expr, Shape.of(rows, cols)));
    }

    /**
     * {@return the value and gradient at a point given as pairs}, each a variable then its value:
     * {@code f.gradientAt(x1, 1.0, w1, 2.0)}. Every variable of the expression must be bound.
     */
    public Gradient gradientAt(Object... pairs) {
        return gradient(Adjoint.at(pairs));
    }

    /** {@return the value and gradient at a point} */
    public Gradient gradient(Bindings at) {
        return Backprop.gradient(expr, at);
    }

    /** {@return the value at a point given as pairs, as for {@link #gradientAt}} */
    public double valueAt(Object... pairs) {
        return value(Adjoint.at(pairs));
    }

    /** {@return the value at a point} */
    public double value(Bindings at) {
        return Backprop.value(expr, at);
    }

    /**
     * {@return this expression compiled for repeated use}, with the given variables as
     * parameters in that order: {@code f.compile(x, y).gradientAt(1.0, 2.0)}.
     */
    public CompiledFunction compile(Term... parameters) {
        return Backprop.compile(expr, parameters);
    }

    /** {@return the expression in function form, or the name of a variable} */
    @Override
    public String toString() {
        return expr instanceof Leaf.Variable v ? v.name() : expr.toString();
    }
}
