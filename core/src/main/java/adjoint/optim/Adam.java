package adjoint.optim;

/**
 * Adam (Kingma and Ba, 2015): moment estimates {@code m = β₁·m + (1 − β₁)·g} and
 * {@code v = β₂·v + (1 − β₂)·g²}, bias-corrected, and a step of
 * {@code learningRate·m̂/(√v̂ + ε)}, as PyTorch's {@code Adam} without weight decay.
 *
 * @param learningRate the step size, positive
 * @param beta1 the decay of the first moment, from 0 up to but not 1
 * @param beta2 the decay of the second moment, from 0 up to but not 1
 * @param epsilon added to the root of the second moment, positive
 */
public record Adam(double learningRate, double beta1, double beta2, double epsilon) implements Optimizer {

    /** Checks the settings. */
    public Adam {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate is " + learningRate + ", expected a positive number");
        }
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("betas are " + beta1 + " and " + beta2 + ", expected each 0 or more and less than 1");
        }
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("epsilon is " + epsilon + ", expected a positive number");
        }
    }

    /**
     * {@return Adam with the given step size and the usual decays 0.9 and 0.999 and ε 1e-8}
     *
     * @param learningRate the step size, positive; 0.001 is usual
     */
    public static Adam of(double learningRate) {
        return new Adam(learningRate, 0.9, 0.999, 1e-8);
    }

    /**
     * {@return this optimizer with the given moment decays}
     *
     * @param beta1 the decay of the first moment
     * @param beta2 the decay of the second moment
     */
    public Adam withBetas(double beta1, double beta2) {
        return new Adam(learningRate, beta1, beta2, epsilon);
    }

    @Override
    public Run resume(State state) {
        return ((Runs.Counted) start(java.util.Objects.requireNonNull(state, "state is null").dimension())).from(state);
    }

    @Override
    public Run start(int dimension) {
        double[] m = new double[Runs.checkDimension(dimension)];
        double[] v = new double[dimension];
        return new Runs.Counted(dimension, m, v) {
            @Override
            void update(double[] point, double[] gradient) {
                double c1 = 1 - Math.pow(beta1, steps());
                double c2 = 1 - Math.pow(beta2, steps());
                for (int i = 0; i < point.length; i++) {
                    double g = gradient[i];
                    m[i] = beta1 * m[i] + (1 - beta1) * g;
                    v[i] = beta2 * v[i] + (1 - beta2) * g * g;
                    point[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + epsilon);
                }
            }
        };
    }
}
