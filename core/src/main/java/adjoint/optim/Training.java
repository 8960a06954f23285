package adjoint.optim;

/**
 * The result of {@link Optimizer#minimize}: where the steps ended, the objective's value at each
 * step and where the optimizer stands, to save and resume. The arrays are the caller's.
 *
 * @param point the point after the last step
 * @param values the objective's value at each step, before that step moved the point
 * @param state the optimizer's steps and moments after the last step, or null for a method that
 *     keeps none ({@link NewtonCg})
 */
public record Training(double[] point, double[] values, State state) {

    /**
     * A result with no optimizer state.
     *
     * @param point the point after the last step
     * @param values the objective's value at each step
     */
    public Training(double[] point, double[] values) {
        this(point, values, null);
    }

    /** {@return the objective's value at the last step}, NaN if no step was taken */
    public double lastValue() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** {@return the number of steps taken} */
    public int steps() {
        return values.length;
    }
}
