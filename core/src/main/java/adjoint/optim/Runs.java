package adjoint.optim;

import java.util.List;
import java.util.Objects;

/** What every optimizer's run shares: the checks and the step count. */
final class Runs {

    private Runs() {}

    /** {@return {@code dimension}}, checked to be 0 or more */
    static int checkDimension(int dimension) {
        if (dimension < 0) {
            throw new IllegalArgumentException("dimension is " + dimension + ", expected 0 or more");
        }
        return dimension;
    }

    /** A run that checks its arguments, counts its steps and leaves the update to its optimizer. */
    abstract static class Counted implements Optimizer.Run {

        private final int dimension;
        private final double[][] moments;
        private int steps;

        /** A run over points of {@code dimension} entries whose moments are the given arrays, changed in place by its updates. */
        Counted(int dimension, double[]... moments) {
            this.dimension = dimension;
            this.moments = moments;
        }

        /** {@return this run resumed from a saved state}, checked to have this run's moments */
        Counted from(State state) {
            if (state.moments().size() != moments.length) {
                throw new IllegalArgumentException("the state has " + state.moments().size() + " moments; this optimizer keeps "
                        + moments.length);
            }
            List<double[]> saved = state.moments();
            for (int k = 0; k < moments.length; k++) {
                if (saved.get(k).length != dimension) {
                    throw new IllegalArgumentException("the state's moment " + k + " has " + saved.get(k).length + " entries; this run is"
                            + " over " + dimension);
                }
                System.arraycopy(saved.get(k), 0, moments[k], 0, dimension);
            }
            steps = state.steps();
            return this;
        }

        @Override
        public final State state() {
            return new State(steps, List.of(moments));
        }

        @Override
        public final void step(double[] point, double[] gradient) {
            Objects.requireNonNull(point, "point is null");
            Objects.requireNonNull(gradient, "gradient is null");
            if (point.length != dimension || gradient.length != dimension) {
                throw new IllegalArgumentException("this run is over " + dimension + " entries; got a point of "
                        + point.length + " and a gradient of " + gradient.length);
            }
            steps++;
            update(point, gradient);
        }

        @Override
        public final int steps() {
            return steps;
        }

        /** Moves the point, the step count already including this step. */
        abstract void update(double[] point, double[] gradient);
    }
}
