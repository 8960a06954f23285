package adjoint.eval;

import adjoint.expr.MatrixText;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Structure;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A Jacobian-vector product: an expression's value at a point and its directional derivative
 * (tangent) along a direction in the parameters, both of the expression's shape, computed in one
 * forward-mode pass. Immutable; matrices are copied on the way out.
 */
public final class Jvp {

    private final double[][] value;
    private final double[][] tangent;

    Jvp(double[][] value, double[][] tangent) {
        this.value = value;
        this.tangent = tangent;
    }

    /** {@return the shape of the expression, and so of its value and tangent} */
    public Shape shape() {
        return Shape.of(value.length, value[0].length);
    }

    /**
     * {@return the value of a scalar expression}
     *
     * @throws ShapeMismatchException if the expression is not a scalar: use {@link #valueMatrix()}
     */
    public double value() {
        return scalar(value, "value");
    }

    /**
     * {@return the directional derivative of a scalar expression: the gradient dotted with the direction}
     *
     * @throws ShapeMismatchException if the expression is not a scalar: use {@link #derivativeMatrix()}
     */
    public double derivative() {
        return scalar(tangent, "derivative");
    }

    /** {@return the value, as a new matrix (a scalar as {@code 1x1})} */
    public RealMatrix valueMatrix() {
        return new ReadOnlyMatrix(adjoint.kernel.Kernels.copy(value));
    }

    /** {@return the directional derivative of every entry, as a new matrix of the expression's shape} */
    public RealMatrix derivativeMatrix() {
        return new ReadOnlyMatrix(adjoint.kernel.Kernels.copy(tangent));
    }

    private double scalar(double[][] m, String what) {
        if (m.length != 1 || m[0].length != 1) {
            throw new ShapeMismatchException(what + ": the expression is " + shape() + ", not a scalar; use " + what + "Matrix()");
        }
        return m[0][0];
    }

    /** {@return the value and the directional derivative, one per line, as the command line prints them: {@code value 2}, {@code jvp 0.5}} */
    @Override
    public String toString() {
        return "value " + (shape().isScalar() ? Structure.number(value[0][0]) : MatrixText.of(value)) + System.lineSeparator()
                + "jvp " + (shape().isScalar() ? Structure.number(tangent[0][0]) : MatrixText.of(tangent));
    }
}
