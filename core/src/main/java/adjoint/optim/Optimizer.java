package adjoint.optim;

import java.util.Objects;

/**
 * A first-order optimizer over flat points: {@link Sgd} (with momentum) or {@link Adam}. An
 * optimizer is an immutable setting; {@link #start} makes a run that holds the moments.
 * <pre>{@code
 * CompiledFunction f = loss.compile(w, b);
 * Training t = Adam.of(0.01).minimize(f::valueAndGradient, start, 500, Progress.printing(System.out));
 * double[] best = t.point();
 * }</pre>
 */
public sealed interface Optimizer permits Sgd, Adam {

    /**
     * {@return a new run of this optimizer over points of {@code dimension} entries}, its moments zero
     *
     * @param dimension the number of entries of a point
     */
    Run start(int dimension);

    /**
     * {@return a run that resumes from a saved state}: its moments and step count as they were
     *
     * @param state what {@link Run#state()} or {@link Training#state()} gave
     * @throws IllegalArgumentException if the state does not belong to this kind of optimizer
     */
    Run resume(State state);

    /**
     * {@return the result of {@code steps} steps from {@code start}}, with no progress reports
     *
     * @param objective the function to minimize
     * @param start the first point; not changed
     * @param steps the number of steps, each one evaluation of the objective
     * @throws DivergedException if the objective or its gradient is not finite at a step, or a
     *     step, the last included, moves the point to an infinite or NaN entry
     */
    default Training minimize(Objective objective, double[] start, int steps) {
        return minimize(objective, start, steps, Progress.none());
    }

    /**
     * {@return the result of {@code steps} steps from {@code start}}, reporting each step to
     * {@code progress}
     *
     * @param objective the function to minimize
     * @param start the first point; not changed
     * @param steps the number of steps, each one evaluation of the objective
     * @param progress told of every step, after it is taken
     * @throws DivergedException if the objective or its gradient is not finite at a step, or a
     *     step, the last included, moves the point to an infinite or NaN entry
     * @throws IllegalArgumentException if {@code steps} is negative
     */
    default Training minimize(Objective objective, double[] start, int steps, Progress progress) {
        Objects.requireNonNull(objective, "objective is null");
        Objects.requireNonNull(start, "start is null");
        Objects.requireNonNull(progress, "progress is null");
        if (steps < 0) {
            throw new IllegalArgumentException("steps is " + steps + ", expected 0 or more");
        }
        return minimize(objective, start, steps, progress, start(start.length));
    }

    /**
     * {@return the result of {@code steps} more steps of a run from {@code start}}: a run made by
     * {@link #start} or resumed by {@link #resume}, so that training saved part way continues as
     * if it had never stopped
     *
     * @param objective the function to minimize
     * @param start the point to go on from; not changed
     * @param steps the number of steps, each one evaluation of the objective
     * @param progress told of every step, after it is taken
     * @param run the run, its moments changed in place
     * @throws DivergedException as {@link #minimize(Objective, double[], int, Progress)}
     */
    default Training minimize(Objective objective, double[] start, int steps, Progress progress, Run run) {
        Objects.requireNonNull(objective, "objective is null");
        Objects.requireNonNull(start, "start is null");
        Objects.requireNonNull(progress, "progress is null");
        Objects.requireNonNull(run, "run is null");
        if (steps < 0) {
            throw new IllegalArgumentException("steps is " + steps + ", expected 0 or more");
        }
        double[] point = start.clone();
        double[] gradient = new double[point.length];
        double[] values = new double[steps];
        for (int k = 0; k < steps; k++) {
            double value = objective.valueAndGradient(point, gradient);
            DivergedException.check(k + 1, value, gradient);
            values[k] = value;
            run.step(point, gradient);
            DivergedException.checkPoint(k + 1, point);
            progress.step(k + 1, steps, value);
        }
        return new Training(point, values, run.state());
    }

    /** One run of an optimizer: its moments, updated at each step. Not thread-safe. */
    interface Run {

        /**
         * Moves {@code point} one step against {@code gradient}, in place.
         *
         * @param point the point, changed in place
         * @param gradient the gradient at the point
         * @throws IllegalArgumentException if either length is not the run's dimension
         */
        void step(double[] point, double[] gradient);

        /** {@return the number of steps taken} */
        int steps();

        /** {@return where this run stands: its steps and a copy of its moments, to save and {@link Optimizer#resume}} */
        State state();
    }
}
