package adjoint.optim;

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
        private int steps;

        Counted(int dimension) {
            this.dimension = dimension;
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
