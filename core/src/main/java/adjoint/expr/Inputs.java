package adjoint.expr;

import java.util.Objects;

/** Checks shared by the structural records' constructors and accessors. */
final class Inputs {

    private Inputs() {}

    /** {@return {@code a}, checked not null, for the op named {@code op}} */
    static Expr require(Expr a, String op) {
        return Objects.requireNonNull(a, () -> op + ": an input is null");
    }

    /** {@return the shape an op on {@code a} computes, checking a given {@code shape} against it if not null} */
    static Shape computed(String op, Expr a, Shape computed, Shape shape) {
        if (shape != null && !shape.equals(computed)) {
            throw new ShapeMismatchException(op + ": input is " + a.shape() + " so the output is " + computed
                    + ", not the given " + shape);
        }
        return computed;
    }

    /** {@return {@code a} if {@code index} is 0, the input of a one-input op} */
    static Expr only(Expr node, Expr a, int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException(node.op() + " has one input, asked for input " + index);
        }
        return a;
    }

    /** {@return {@code a} or {@code b} for index 0 or 1, the inputs of a two-input op} */
    static Expr pair(Expr node, Expr a, Expr b, int index) {
        return switch (index) {
            case 0 -> a;
            case 1 -> b;
            default -> throw new IndexOutOfBoundsException(node.op() + " has two inputs, asked for input " + index);
        };
    }

    /** {@return a {@code 1 x 1} array holding {@code v}} */
    static double[][] scalar(double v) {
        return new double[][] {{v}};
    }

    /** {@return the {@code rows x cols} matrix of ones, as a constant} */
    static Expr ones(int rows, int cols) {
        double[][] d = new double[rows][cols];
        for (double[] row : d) {
            java.util.Arrays.fill(row, 1.0);
        }
        return new Leaf.MatrixConstant(new org.apache.commons.math3.linear.Array2DRowRealMatrix(d, false));
    }
}
