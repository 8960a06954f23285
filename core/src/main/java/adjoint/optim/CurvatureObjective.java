package adjoint.optim;

/**
 * A scalar function of a flat point with its curvature: what {@link NewtonCg} minimizes.
 * {@code SecondOrder::curvature} is one.
 */
@FunctionalInterface
public interface CurvatureObjective {

    /**
     * {@return the value, gradient and Hessian-vector products at {@code point}}
     *
     * @param point the point; not to be changed
     */
    Curvature at(double[] point);
}
