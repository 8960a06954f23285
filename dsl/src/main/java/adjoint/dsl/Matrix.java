package adjoint.dsl;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Jvp;
import adjoint.expr.BinaryOp;
import adjoint.expr.UnaryOp;
import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Broadcast;
import adjoint.expr.BroadcastRows;
import adjoint.expr.MatMul;
import adjoint.expr.MatrixTrace;
import adjoint.expr.Sum;
import adjoint.expr.Transpose;
import adjoint.expr.MatrixTerm;
import adjoint.expr.Shape;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import adjoint.show.Formula;
import adjoint.symbolic.Simplify;
import java.util.Objects;
import java.util.function.Function;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A matrix- or vector-valued expression (a vector is an {@code n x 1} column). {@link #times(Matrix)}
 * is the matrix product; {@link #hadamard(Matrix)} the elementwise one. Arithmetic with a
 * {@link Scalar} or a {@code double} applies to every entry. Immutable; shape mismatches fail
 * when the expression is built.
 *
 * @param expr the expression, of any shape
 */
public record Matrix(Expr expr) implements MatrixTerm {

    /** Wraps an expression of any shape. */
    public Matrix {
        Objects.requireNonNull(expr, "expr is null");
    }

    /** {@return the shape} */
    public Shape shape() {
        return expr.shape();
    }

    /** {@return the number of rows} */
    public int rows() {
        return expr.shape().rows();
    }

    /** {@return the number of columns} */
    public int cols() {
        return expr.shape().cols();
    }

    /**
     * {@return {@code this + b}, entry by entry}
     *
     * @param b the other operand, of the same shape (for {@code times}, a conforming matrix)
     */
    public Matrix plus(Matrix b) {
        return new Matrix(Broadcasting.elementwise(BinaryOp.ADD, expr, Operands.of(b)));
    }

    /**
     * {@return {@code this + c}, added to every entry}
     *
     * @param c the scalar applied to every entry
     */
    public Matrix plus(Scalar c) {
        return new Matrix(new Binary(BinaryOp.ADD, expr, spread(c)));
    }

    /**
     * {@return {@code this + c}, added to every entry}
     *
     * @param c the scalar applied to every entry
     */
    public Matrix plus(double c) {
        return plus(Adjoint.constant(c));
    }

    /**
     * {@return {@code this + row}, the row added to every row}: the bias of {@code X W + b}
     *
     * @param row a {@code 1 x n} row, {@code n} this matrix's width
     * @throws adjoint.expr.ShapeMismatchException if {@code row} is not such a row
     */
    public Matrix plusRow(Matrix row) {
        return new Matrix(new Binary(BinaryOp.ADD, expr, new BroadcastRows(Operands.of(row), expr.shape())));
    }

    /**
     * {@return {@code this - b}, entry by entry}
     *
     * @param b the other operand, of the same shape (for {@code times}, a conforming matrix)
     */
    public Matrix minus(Matrix b) {
        return new Matrix(Broadcasting.elementwise(BinaryOp.SUB, expr, Operands.of(b)));
    }

    /**
     * {@return {@code this - c}, subtracted from every entry}
     *
     * @param c the scalar applied to every entry
     */
    public Matrix minus(Scalar c) {
        return new Matrix(new Binary(BinaryOp.SUB, expr, spread(c)));
    }

    /**
     * {@return {@code this - c}, subtracted from every entry}
     *
     * @param c the scalar applied to every entry
     */
    public Matrix minus(double c) {
        return minus(Adjoint.constant(c));
    }

    /**
     * {@return the matrix product {@code this b}}
     *
     * @param b the other operand, of the same shape (for {@code times}, a conforming matrix)
     */
    public Matrix times(Matrix b) {
        return new Matrix(new MatMul(expr, Operands.of(b)));
    }

    /**
     * {@return {@code this c}, every entry scaled}
     *
     * @param c the scalar applied to every entry
     */
    public Matrix times(Scalar c) {
        return new Matrix(new Binary(BinaryOp.MUL, expr, spread(c)));
    }

    /**
     * {@return {@code this c}, every entry scaled}
     *
     * @param c the scalar applied to every entry
     */
    public Matrix times(double c) {
        return times(Adjoint.constant(c));
    }

    /**
     * {@return the elementwise (Hadamard) product}
     *
     * @param b the other operand, of the same shape (for {@code times}, a conforming matrix)
     */
    public Matrix hadamard(Matrix b) {
        return new Matrix(Broadcasting.elementwise(BinaryOp.MUL, expr, Operands.of(b)));
    }

    /**
     * {@return the elementwise quotient {@code this / b}}
     *
     * @param b the other operand, of the same shape (for {@code times}, a conforming matrix)
     */
    public Matrix div(Matrix b) {
        return new Matrix(Broadcasting.elementwise(BinaryOp.DIV, expr, Operands.of(b)));
    }

    /**
     * {@return {@code this / c}, every entry divided}
     *
     * @param c the scalar applied to every entry
     */
    public Matrix div(Scalar c) {
        return new Matrix(new Binary(BinaryOp.DIV, expr, spread(c)));
    }

    /**
     * {@return {@code this / c}, every entry divided}
     *
     * @param c the scalar applied to every entry
     */
    public Matrix div(double c) {
        return div(Adjoint.constant(c));
    }

    /**
     * {@return every entry to the constant power {@code p}}
     *
     * @param p the exponent
     */
    public Matrix pow(double p) {
        return new Matrix(Exprs.pow(expr, p));
    }

    /** {@return every entry squared} */
    public Matrix squared() {
        return new Matrix(new Unary(UnaryOp.SQUARE, expr));
    }

    /** {@return every entry negated} */
    public Matrix negate() {
        return new Matrix(new Unary(UnaryOp.NEG, expr));
    }

    /** {@return the transpose} */
    public Matrix transpose() {
        return new Matrix(new Transpose(expr));
    }

    /** {@return the sum of all entries} */
    public Scalar sum() {
        return new Scalar(new Sum(expr));
    }

    /** {@return the trace of a square matrix} */
    public Scalar trace() {
        return new Scalar(new MatrixTrace(expr));
    }

    /** {@return this {@code 1x1} matrix as a scalar} */
    public Scalar asScalar() {
        return new Scalar(expr);
    }

    /**
     * {@return the value at a point given as pairs of variable and value, as a new matrix}
     *
     * @param pairs variables and values, alternating
     */
    public RealMatrix valueAt(Object... pairs) {
        return value(Adjoint.at(pairs));
    }

    /**
     * {@return the value at a point, as a new matrix}
     *
     * @param at a value for every variable
     */
    public RealMatrix value(Bindings at) {
        return Backprop.evaluate(expr, at);
    }

    /**
     * {@return this expression compiled for repeated use}, with the given variables as
     * parameters in that order, or with none its own variables in the order first met
     *
     * @param parameters the variables, in the order a flat point and a call by position take them
     */
    public CompiledFunction compile(Term... parameters) {
        return Backprop.compile(expr, parameters);
    }

    /** {@return the expression in Unicode notation, as {@code σ(W·x)}} */
    public String formula() {
        return Formula.unicode(expr);
    }

    /**
     * {@return this expression rewritten for reading}: products with one sign, one coefficient
     * first and one denominator, as {@code −2·w₁·sin(x₁·w₁)/d²}; its value may differ from this
     * one's in the last bits, so evaluate the original
     */
    public Matrix readable() {
        return new Matrix(Simplify.readable(expr));
    }

    /**
     * {@return the value and the directional derivative of every entry along {@code along}, by forward mode}
     *
     * @param at a value for every variable
     * @param along the direction, (variable, value) pairs; a variable it does not name moves by zero
     */
    public Jvp jvp(Bindings at, Bindings along) {
        return compile().jvp(at, along);
    }

    /**
     * {@return the Jacobian at a point}: one row per entry of this matrix (by rows), one column
     * per entry of its variables (in the order first met), by forward or reverse mode, whichever
     * takes fewer passes
     *
     * @param at a value for every variable
     */
    public RealMatrix jacobian(Bindings at) {
        return compile().jacobian(at);
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
     * {@return an op of one input applied to this expression}: a custom op's constructor, as
     * {@code m.apply(RowSoftmax::new)}
     *
     * @param op makes the node from this expression
     */
    public Matrix apply(Function<? super Expr, ? extends Expr> op) {
        return new Matrix(Objects.requireNonNull(op.apply(expr), "the op made null"));
    }

    private Expr spread(Scalar c) {
        return new Broadcast(Operands.of(c), expr.shape());
    }

    /** {@return the expression in function form, or the name of a variable} */
    @Override
    public String toString() {
        return expr instanceof Leaf.Variable v ? v.name() : expr.toString();
    }
}
