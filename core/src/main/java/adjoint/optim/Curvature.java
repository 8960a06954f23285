package adjoint.optim;

/**
 * A scalar function's value, gradient and Hessian-vector products at one point: what
 * {@link NewtonCg} asks of its objective at each step. {@code SecondOrder.curvature(point)}
 * gives one, by forward mode over the reverse pass.
 */
public interface Curvature {

    /** {@return the value at the point} */
    double value();

    /** {@return the gradient at the point, a new array of the point's length} */
    double[] gradient();

    /**
     * {@return the Hessian at the point times {@code v}, a new array}
     *
     * @param v a direction, as many entries as the point
     */
    double[] hvp(double[] v);
}
