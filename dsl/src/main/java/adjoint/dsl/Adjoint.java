package adjoint.dsl;

import adjoint.eval.Bindings;
import adjoint.eval.Layout;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Leaf;
import adjoint.expr.LogSumExpRows;
import adjoint.expr.SoftmaxRows;
import adjoint.expr.Norm;
import adjoint.expr.Axis;
import adjoint.expr.Concat;
import adjoint.expr.Reshape;
import adjoint.expr.Slice;
import adjoint.expr.AxisSums;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The entry point of the fluent DSL: variables, constants and functions, meant to be imported
 * statically.
 * <pre>{@code
 * import static adjoint.dsl.Adjoint.*;
 *
 * Scalar x1 = scalar("x1"), w1 = scalar("w1"), x2 = scalar("x2"), w2 = scalar("w2");
 * Scalar f = inv(sin(x1.times(w1)).squared().plus(cos(x2.times(w2))).plus(2));
 * Gradient g = f.gradientAt(x1, 1.0, w1, 2.0, x2, 3.0, w2, 4.0);
 * g.value();   // 0.27242940071159427
 * g.of(x1);    // 0.11233639973639947
 *
 * Matrix W = matrix("W", 3, 3);
 * Matrix x = vector("x", 3);
 * Scalar h = sum(sigmoid(W.times(x)).squared());   // ||sigmoid(W x)||^2
 * }</pre>
 * Every function of the op tables comes in a scalar and an elementwise matrix version (a test
 * checks it), and so does {@code pow}.
 */
public final class Adjoint {

    private Adjoint() {}

    /**
     * {@return the scalar variable {@code name}}
     *
     * @param name the variable's name
     */
    public static Scalar scalar(String name) {
        return new Scalar(new Leaf.Variable(name, Shape.SCALAR));
    }

    /**
     * {@return the {@code rows x cols} matrix variable {@code name}}
     *
     * @param name the variable's name
     * @param rows the number of rows
     * @param cols the number of columns
     */
    public static Matrix matrix(String name, int rows, int cols) {
        return new Matrix(new Leaf.Variable(name, Shape.of(rows, cols)));
    }

    /**
     * {@return the row-vector variable {@code name} with {@code n} entries, a {@code 1 x n} matrix: a bias}
     *
     * @param name the variable's name
     * @param n the number of entries
     */
    public static Matrix row(String name, int n) {
        return new Matrix(new Leaf.Variable(name, Shape.of(1, n)));
    }

    /**
     * {@return the column-vector variable {@code name} with {@code n} entries}
     *
     * @param name the variable's name
     * @param n the number of entries
     */
    public static Matrix vector(String name, int n) {
        return new Matrix(new Leaf.Variable(name, Shape.vector(n)));
    }

    /**
     * {@return the scalar constant {@code c}}
     *
     * @param c the constant
     */
    public static Scalar constant(double c) {
        return new Scalar(new Leaf.Constant(c));
    }

    /**
     * {@return a matrix constant, a copy of {@code m}}
     *
     * @param m the value; copied
     */
    public static Matrix constant(RealMatrix m) {
        return new Matrix(new Leaf.MatrixConstant(m));
    }

    /**
     * {@return a matrix constant with the given rows, copied}
     *
     * @param rows the entries, by rows; copied
     */
    public static Matrix constant(double[][] rows) {
        Objects.requireNonNull(rows, "rows is null");
        return constant(MatrixUtils.createRealMatrix(rows));
    }

    /**
     * {@return a column-vector constant, copied}
     *
     * @param entries the vector's entries
     */
    public static Matrix constantVector(double... entries) {
        Objects.requireNonNull(entries, "entries is null");
        return constant(MatrixUtils.createColumnRealMatrix(entries));
    }

    /**
     * {@return the {@code n x n} identity matrix, as a constant}
     *
     * @param n the number of rows and of columns
     */
    public static Matrix identity(int n) {
        return constant(MatrixUtils.createRealIdentityMatrix(n));
    }

    /**
     * {@return {@code c / x}}
     *
     * @param c the constant
     * @param x the argument
     */
    public static Scalar div(double c, Scalar x) {
        return constant(c).div(Operands.nonNull(x));
    }

    /**
     * {@return {@code c - x}}
     *
     * @param c the constant
     * @param x the argument
     */
    public static Scalar minus(double c, Scalar x) {
        return constant(c).minus(Operands.nonNull(x));
    }

    /**
     * {@return {@code x^p}, for a constant exponent}
     *
     * @param x the argument
     * @param p the exponent
     */
    public static Scalar pow(Scalar x, double p) {
        return Operands.nonNull(x).pow(p);
    }

    /**
     * {@return {@code x^y}, defined for a positive base}
     *
     * @param x the argument
     * @param y the second operand
     */
    public static Scalar pow(Scalar x, Scalar y) {
        return Operands.nonNull(x).pow(y);
    }

    /**
     * {@return every entry of {@code x} to the power of the matching entry of {@code y}, of one shape}
     *
     * @param x the argument
     * @param y the second operand
     */
    public static Matrix pow(Matrix x, Matrix y) {
        return apply(BinaryOp.POW, x, y);
    }

    /**
     * {@return every entry of {@code x} to the power {@code p}}
     *
     * @param x the argument
     * @param p the exponent
     */
    public static Matrix pow(Matrix x, double p) {
        return Operands.nonNull(x).pow(p);
    }

    /**
     * {@return the sum of all entries of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar sum(Matrix x) {
        return Operands.nonNull(x).sum();
    }

    /**
     * {@return the trace of the square matrix {@code x}}
     *
     * @param x the argument
     */
    public static Scalar trace(Matrix x) {
        return Operands.nonNull(x).trace();
    }

    /**
     * {@return the transpose of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix transpose(Matrix x) {
        return Operands.nonNull(x).transpose();
    }

    /**
     * {@return the mean of all entries of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar mean(Matrix x) {
        return Operands.nonNull(x).sum().div(x.shape().size());
    }

    /**
     * {@return each row's log-sum-exp {@code ln sum_j e^(x_ij)}, an {@code m x 1} column, computed without overflow}
     *
     * @param x the argument
     */
    public static Matrix logSumExpRows(Matrix x) {
        return new Matrix(new LogSumExpRows(Operands.of(x)));
    }

    /**
     * {@return each row's softmax {@code e^(x_ij) / sum_k e^(x_ik)}, computed without overflow}
     *
     * @param x the argument
     */
    public static Matrix softmaxRows(Matrix x) {
        return new Matrix(new SoftmaxRows(Operands.of(x)));
    }

    /**
     * {@return the entries of {@code x}, read row by row, written row by row into {@code rows x cols}}
     * (NumPy's and PyTorch's {@code reshape})
     *
     * @param x the argument
     * @param rows the rows of the result
     * @param cols the columns of the result; {@code rows * cols} must be {@code x}'s number of entries
     * @throws adjoint.expr.ShapeMismatchException if the number of entries differs
     */
    public static Matrix reshape(Matrix x, int rows, int cols) {
        return new Matrix(new Reshape(Operands.of(x), Shape.of(rows, cols)));
    }

    /**
     * {@return rows {@code from} (inclusive) to {@code to} (exclusive) of {@code x}}, counted
     * from 0, as Python's {@code x[from:to]}
     *
     * @param x the argument
     * @param from the first row taken
     * @param to the row after the last taken
     * @throws adjoint.expr.ShapeMismatchException unless {@code 0 <= from < to <= rows}
     */
    public static Matrix sliceRows(Matrix x, int from, int to) {
        return new Matrix(new Slice(Operands.of(x), Axis.ROWS, from, to));
    }

    /**
     * {@return the rows of {@code a} followed by the rows of {@code b}} (NumPy's {@code vstack})
     *
     * @param a the upper block
     * @param b the lower block, as wide as {@code a}
     * @throws adjoint.expr.ShapeMismatchException if the widths differ
     */
    public static Matrix concatRows(Matrix a, Matrix b) {
        return new Matrix(new Concat(Operands.of(a), Operands.of(b), Axis.ROWS));
    }

    /**
     * {@return columns {@code from} (inclusive) to {@code to} (exclusive) of {@code x}}, counted
     * from 0, as Python's {@code x[:, from:to]}
     *
     * @param x the argument
     * @param from the first column taken
     * @param to the column after the last taken
     * @throws adjoint.expr.ShapeMismatchException unless {@code 0 <= from < to <= cols}
     */
    public static Matrix sliceCols(Matrix x, int from, int to) {
        return new Matrix(new Slice(Operands.of(x), Axis.COLS, from, to));
    }

    /**
     * {@return the columns of {@code a} followed by the columns of {@code b}} (NumPy's {@code hstack})
     *
     * @param a the left block
     * @param b the right block, as tall as {@code a}
     * @throws adjoint.expr.ShapeMismatchException if the heights differ
     */
    public static Matrix concatCols(Matrix a, Matrix b) {
        return new Matrix(new Concat(Operands.of(a), Operands.of(b), Axis.COLS));
    }

    /**
     * {@return the sum of each row of {@code x}, an {@code m x 1} column} (NumPy's {@code sum(axis=1)})
     *
     * @param x the argument
     */
    public static Matrix sumRows(Matrix x) {
        return new Matrix(new AxisSums(Operands.of(x), Axis.ROWS));
    }

    /**
     * {@return the mean of each row of {@code x}, an {@code m x 1} column}; {@code x.minus(meanRows(x))}
     * centres each row
     *
     * @param x the argument
     */
    public static Matrix meanRows(Matrix x) {
        return sumRows(x).div(constant(x.shape().cols()));
    }

    /**
     * {@return the sum of each column of {@code x}, a {@code 1 x n} row} (NumPy's {@code sum(axis=0)})
     *
     * @param x the argument
     */
    public static Matrix sumCols(Matrix x) {
        return new Matrix(new AxisSums(Operands.of(x), Axis.COLS));
    }

    /**
     * {@return the mean of each column of {@code x}, a {@code 1 x n} row}; {@code x.minus(meanCols(x))}
     * centres each column
     *
     * @param x the argument
     */
    public static Matrix meanCols(Matrix x) {
        return sumCols(x).div(constant(x.shape().rows()));
    }

    /**
     * {@return the Frobenius norm {@code sqrt(sum x_ij^2)} of {@code x}}, the Euclidean length of
     * a vector, computed without overflow; its gradient is 0 at {@code x = 0}, as PyTorch's
     *
     * @param x the argument
     */
    public static Scalar norm(Matrix x) {
        return new Scalar(new Norm(Operands.of(x)));
    }

    /**
     * {@return {@code ln sigmoid(x) = -softplus(-x)}, finite for every finite {@code x}}
     *
     * @param x the argument
     */
    public static Scalar logSigmoid(Scalar x) {
        return neg(softplus(neg(Operands.nonNull(x))));
    }

    /**
     * {@return {@code ln sigmoid} of every entry, finite for every finite entry}
     *
     * @param x the argument
     */
    public static Matrix logSigmoid(Matrix x) {
        return neg(softplus(neg(Operands.nonNull(x))));
    }

    /**
     * {@return the mean softmax cross-entropy of rows of {@code logits} (one example a row, one
     * class a column) against {@code targets} of the same shape}:
     * {@code -(1/n) sum_ij y_ij log_softmax(z)_ij}, {@code log_softmax(z)_ij = z_ij - logsumexp(z_i)},
     * as PyTorch's {@code cross_entropy} with class probabilities as targets. The targets may be
     * one-hot, soft (label smoothing) or all zero (a padding row, which adds nothing but still
     * counts in {@code n}); the value and the gradient in both arguments are exact for any of them,
     * and finite for logits of any size.
     *
     * @param logits the logits, {@code n x m}, one row per example
     * @param targets the targets, {@code n x m}, non-negative, each row usually summing to 1
     * @throws ShapeMismatchException if the shapes differ
     */
    public static Scalar softmaxCrossEntropy(Matrix logits, Matrix targets) {
        Matrix z = Operands.nonNull(logits);
        Matrix y = Operands.nonNull(targets);
        if (!z.shape().equals(y.shape())) {
            throw new ShapeMismatchException("softmax_cross_entropy: logits are " + z.shape() + " but targets are " + y.shape()
                    + "; they must have one shape, a row per example and a column per class");
        }
        double[][] ones = new double[1][z.cols()];
        Arrays.fill(ones[0], 1.0);
        Matrix logProbabilities = z.minus(logSumExpRows(z).times(constant(ones)));
        return sum(y.hadamard(logProbabilities)).negate().div(z.rows());
    }

    /**
     * {@return the squared Euclidean (Frobenius) norm, the sum of the squared entries}
     *
     * @param x the argument
     */
    public static Scalar normSquared(Matrix x) {
        return Operands.nonNull(x).squared().sum();
    }

    /**
     * {@return the dot product of two vectors (or matrices) of one shape, the sum of their entrywise product}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public static Scalar dot(Matrix a, Matrix b) {
        return Operands.nonNull(a).hadamard(b).sum();
    }

    /**
     * {@return the sine of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar sin(Scalar x) {
        return apply(UnaryOp.SIN, x);
    }

    /**
     * {@return the sine of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix sin(Matrix x) {
        return apply(UnaryOp.SIN, x);
    }

    /**
     * {@return the cosine of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar cos(Scalar x) {
        return apply(UnaryOp.COS, x);
    }

    /**
     * {@return the cosine of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix cos(Matrix x) {
        return apply(UnaryOp.COS, x);
    }

    /**
     * {@return the tangent of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar tan(Scalar x) {
        return apply(UnaryOp.TAN, x);
    }

    /**
     * {@return the tangent of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix tan(Matrix x) {
        return apply(UnaryOp.TAN, x);
    }

    /**
     * {@return the exponential of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar exp(Scalar x) {
        return apply(UnaryOp.EXP, x);
    }

    /**
     * {@return the exponential of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix exp(Matrix x) {
        return apply(UnaryOp.EXP, x);
    }

    /**
     * {@return {@code e^x - 1}, exact for tiny {@code x}}
     *
     * @param x the argument
     */
    public static Scalar expm1(Scalar x) {
        return apply(UnaryOp.EXPM1, x);
    }

    /**
     * {@return {@code e^x - 1} of every entry of {@code x}, exact for tiny entries}
     *
     * @param x the argument
     */
    public static Matrix expm1(Matrix x) {
        return apply(UnaryOp.EXPM1, x);
    }

    /**
     * {@return the natural logarithm of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar log(Scalar x) {
        return apply(UnaryOp.LOG, x);
    }

    /**
     * {@return the natural logarithm of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix log(Matrix x) {
        return apply(UnaryOp.LOG, x);
    }

    /**
     * {@return the square root of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar sqrt(Scalar x) {
        return apply(UnaryOp.SQRT, x);
    }

    /**
     * {@return the square root of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix sqrt(Matrix x) {
        return apply(UnaryOp.SQRT, x);
    }

    /**
     * {@return the square of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar square(Scalar x) {
        return apply(UnaryOp.SQUARE, x);
    }

    /**
     * {@return the square of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix square(Matrix x) {
        return apply(UnaryOp.SQUARE, x);
    }

    /**
     * {@return the reciprocal {@code 1/x} of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar inv(Scalar x) {
        return apply(UnaryOp.INV, x);
    }

    /**
     * {@return the reciprocal {@code 1/x} of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix inv(Matrix x) {
        return apply(UnaryOp.INV, x);
    }

    /**
     * {@return the hyperbolic tangent of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar tanh(Scalar x) {
        return apply(UnaryOp.TANH, x);
    }

    /**
     * {@return the hyperbolic tangent of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix tanh(Matrix x) {
        return apply(UnaryOp.TANH, x);
    }

    /**
     * {@return the inverse tangent of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar atan(Scalar x) {
        return apply(UnaryOp.ATAN, x);
    }

    /**
     * {@return the inverse tangent of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix atan(Matrix x) {
        return apply(UnaryOp.ATAN, x);
    }

    /**
     * {@return the logistic sigmoid {@code 1/(1 + e^-x)} of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar sigmoid(Scalar x) {
        return apply(UnaryOp.SIGMOID, x);
    }

    /**
     * {@return the logistic sigmoid {@code 1/(1 + e^-x)} of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix sigmoid(Matrix x) {
        return apply(UnaryOp.SIGMOID, x);
    }

    /**
     * {@return the rectifier {@code max(x, 0)} of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar relu(Scalar x) {
        return apply(UnaryOp.RELU, x);
    }

    /**
     * {@return the rectifier {@code max(x, 0)} of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix relu(Matrix x) {
        return apply(UnaryOp.RELU, x);
    }

    /**
     * {@return the absolute value of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar abs(Scalar x) {
        return apply(UnaryOp.ABS, x);
    }

    /**
     * {@return the absolute value of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix abs(Matrix x) {
        return apply(UnaryOp.ABS, x);
    }

    /**
     * {@return the softplus {@code ln(1 + e^x)} of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar softplus(Scalar x) {
        return apply(UnaryOp.SOFTPLUS, x);
    }

    /**
     * {@return the softplus {@code ln(1 + e^x)} of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix softplus(Matrix x) {
        return apply(UnaryOp.SOFTPLUS, x);
    }

    /**
     * {@return the {@code ln(1 + x)} of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar log1p(Scalar x) {
        return apply(UnaryOp.LOG1P, x);
    }

    /**
     * {@return the {@code ln(1 + x)} of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix log1p(Matrix x) {
        return apply(UnaryOp.LOG1P, x);
    }

    /**
     * {@return the sign of {@code x}: -1, 0 or 1}
     *
     * @param x the argument
     */
    public static Scalar sign(Scalar x) {
        return apply(UnaryOp.SIGN, x);
    }

    /**
     * {@return the sign of every entry of {@code x}: -1, 0 or 1}
     *
     * @param x the argument
     */
    public static Matrix sign(Matrix x) {
        return apply(UnaryOp.SIGN, x);
    }

    /**
     * {@return the error function of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar erf(Scalar x) {
        return apply(UnaryOp.ERF, x);
    }

    /**
     * {@return the error function of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix erf(Matrix x) {
        return apply(UnaryOp.ERF, x);
    }

    /**
     * {@return the negation of {@code x}}
     *
     * @param x the argument
     */
    public static Scalar neg(Scalar x) {
        return apply(UnaryOp.NEG, x);
    }

    /**
     * {@return the negation of every entry of {@code x}}
     *
     * @param x the argument
     */
    public static Matrix neg(Matrix x) {
        return apply(UnaryOp.NEG, x);
    }

    /**
     * {@return the larger of {@code a} and {@code b}; at a tie each gets half the gradient}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public static Scalar max(Scalar a, Scalar b) {
        return apply(BinaryOp.MAX, a, b);
    }

    /**
     * {@return the larger of each pair of entries of {@code a} and {@code b}, of one shape}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public static Matrix max(Matrix a, Matrix b) {
        return apply(BinaryOp.MAX, a, b);
    }

    /**
     * {@return the smaller of {@code a} and {@code b}; at a tie each gets half the gradient}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public static Scalar min(Scalar a, Scalar b) {
        return apply(BinaryOp.MIN, a, b);
    }

    /**
     * {@return the smaller of each pair of entries of {@code a} and {@code b}, of one shape}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public static Matrix min(Matrix a, Matrix b) {
        return apply(BinaryOp.MIN, a, b);
    }

    /**
     * {@return {@code a ln b}, and 0 where {@code a = 0}}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public static Scalar xlogy(Scalar a, Scalar b) {
        return apply(BinaryOp.XLOGY, a, b);
    }

    /**
     * {@return {@code a ln b} entry by entry, and 0 where {@code a = 0}, for {@code a} and {@code b} of one shape}
     *
     * @param a the first operand
     * @param b the second operand
     */
    public static Matrix xlogy(Matrix a, Matrix b) {
        return apply(BinaryOp.XLOGY, a, b);
    }

    /**
     * {@return {@code x} where {@code y > 0}, exactly 0 where {@code y ≤ 0} (a mask), NaN where {@code y} is NaN}
     *
     * @param x the argument
     * @param y the second operand
     */
    public static Scalar gate(Scalar x, Scalar y) {
        return apply(BinaryOp.GATE, x, y);
    }

    /**
     * {@return each entry of {@code x} where the matching entry of {@code y} is above 0, else exactly 0}
     *
     * @param x the argument
     * @param y the second operand
     */
    public static Matrix gate(Matrix x, Matrix y) {
        return apply(BinaryOp.GATE, x, y);
    }

    /**
     * {@return {@code op} applied to {@code x}}
     *
     * @param op the operation, from the op table
     * @param x the argument
     */
    public static Scalar apply(UnaryOp op, Scalar x) {
        return new Scalar(new Unary(Objects.requireNonNull(op, "op is null"), Operands.of(x)));
    }

    /**
     * {@return {@code op} applied to every entry of {@code x}}
     *
     * @param op the operation, from the op table
     * @param x the argument
     */
    public static Matrix apply(UnaryOp op, Matrix x) {
        return new Matrix(new Unary(Objects.requireNonNull(op, "op is null"), Operands.of(x)));
    }

    /**
     * {@return {@code op} applied to {@code a} and {@code b}}
     *
     * @param op the operation, from the op table
     * @param a the first operand
     * @param b the second operand
     */
    public static Scalar apply(BinaryOp op, Scalar a, Scalar b) {
        return new Scalar(new Binary(Objects.requireNonNull(op, "op is null"), Operands.of(a), Operands.of(b)));
    }

    /**
     * {@return {@code op} applied to matching entries of {@code a} and {@code b}, of one shape}
     *
     * @param op the operation, from the op table
     * @param a the first operand
     * @param b the second operand
     */
    public static Matrix apply(BinaryOp op, Matrix a, Matrix b) {
        return new Matrix(new Binary(Objects.requireNonNull(op, "op is null"), Operands.of(a), Operands.of(b)));
    }

    /**
     * {@return bindings from pairs}, each a variable then its value: a {@code Number} for a
     * scalar; a {@code RealMatrix}, {@code double[][]} rows or {@code double[]} column vector for a
     * matrix or vector. For example {@code at(x1, 1.0, W, new double[][] {{1, 2}, {3, 4}})}.
     *
     * @param pairs variables and values, alternating
     * @throws IllegalArgumentException if the arguments are not pairs of a variable and a value, or a
     *     variable is given twice
     * @throws adjoint.eval.BindingException if a matrix value is empty or not rectangular
     * @see Bindings#ofPairs
     */
    public static Bindings at(Object... pairs) {
        return Bindings.ofPairs(pairs);
    }
}
