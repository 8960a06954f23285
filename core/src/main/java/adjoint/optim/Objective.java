package adjoint.optim;

/**
 * A scalar function of a flat point that writes its gradient: what the optimizers minimize.
 * {@code CompiledFunction::valueAndGradient} and {@code BatchGradient::valueAndGradient} are
 * objectives, and so is any lambda that picks a mini-batch and calls one of them.
 */
@FunctionalInterface
public interface Objective {

    /**
     * {@return the value at {@code point}}, writing the gradient there into {@code gradientOut}
     *
     * @param point the point; not to be changed
     * @param gradientOut receives the gradient, as many entries as the point
     */
    double valueAndGradient(double[] point, double[] gradientOut);
}
