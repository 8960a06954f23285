package adjoint.optim;

import adjoint.expr.AdjointException;

/**
 * Thrown when an optimizer meets an objective value or gradient that is NaN or infinite: the
 * run diverged (often a learning rate too large) or the objective is undefined there.
 */
public final class DivergedException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /** The step, counted from 1, at which the objective went non-finite. */
    private final int step;

    private DivergedException(String message, int step) {
        super(message);
        this.step = step;
    }

    /** {@return the step, counted from 1, at which the objective went non-finite} */
    public int step() {
        return step;
    }

    /** Throws if a step moved any entry of the point to an infinity or NaN: a divergence the next evaluation would meet, or none would after the last step. */
    static void checkPoint(int step, double[] point) {
        for (int i = 0; i < point.length; i++) {
            if (!Double.isFinite(point[i])) {
                throw new DivergedException("point entry " + i + " is " + point[i] + " after step " + step
                        + "; the run diverged (try a smaller learning rate)", step);
            }
        }
    }

    /** Throws if the value or any gradient entry at step {@code step} is not finite. */
    /** {@return the failure of a line search that found no lower value along a descent direction} */
    static DivergedException noDecrease(int step, double value, double slope, int halvings) {
        return new DivergedException("the line search at step " + step + " found no value below " + value + " along a direction of slope "
                + slope + " in " + halvings + " halvings; the objective may be flat to rounding there", step);
    }

    static void check(int step, double value, double[] gradient) {
        if (!Double.isFinite(value)) {
            throw new DivergedException("the objective is " + value + " at step " + step
                    + "; the run diverged (try a smaller learning rate) or the objective is undefined there", step);
        }
        for (int i = 0; i < gradient.length; i++) {
            if (!Double.isFinite(gradient[i])) {
                throw new DivergedException("gradient entry " + i + " is " + gradient[i] + " at step " + step
                        + " (objective " + value + "); the run diverged or the objective is not differentiable there", step);
            }
        }
    }
}
