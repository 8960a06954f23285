package adjoint.optim;

/**
 * The result of {@link Optimizer#minimize}: where the steps ended, and the objective's value at
 * each step. The arrays are the caller's.
 *
 * @param point the point after the last step
 * @param values the objective's value at each step, before that step moved the point
 */
public record Training(double[] point, double[] values) {

    /** {@return the objective's value at the last step}, NaN if no step was taken */
    public double lastValue() {
        return values.length == 0 ? Double.NaN : values[values.length - 1];
    }

    /** {@return the number of steps taken} */
    public int steps() {
        return values.length;
    }
}
