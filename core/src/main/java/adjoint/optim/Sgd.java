package adjoint.optim;

/**
 * Gradient descent with momentum, as PyTorch's {@code SGD}: {@code v = momentum·v + g}, then
 * {@code x = x - learningRate·v}. With momentum 0 it is plain gradient descent.
 *
 * @param learningRate the step size, positive
 * @param momentum how much of the last step carries over, from 0 (none) up to but not 1
 */
public record Sgd(double learningRate, double momentum) implements Optimizer {

    /** Checks the settings. */
    public Sgd {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learning rate is " + learningRate + ", expected a positive number");
        }
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum is " + momentum + ", expected 0 or more and less than 1");
        }
    }

    /**
     * {@return plain gradient descent with the given step size}
     *
     * @param learningRate the step size, positive
     */
    public static Sgd of(double learningRate) {
        return new Sgd(learningRate, 0);
    }

    /**
     * {@return this optimizer with the given momentum}
     *
     * @param momentum from 0 up to but not 1; 0.9 is usual
     */
    public Sgd withMomentum(double momentum) {
        return new Sgd(learningRate, momentum);
    }

    @Override
    public Run resume(State state) {
        return ((Runs.Counted) start(java.util.Objects.requireNonNull(state, "state is null").dimension())).from(state);
    }

    @Override
    public Run start(int dimension) {
        double[] velocity = new double[Runs.checkDimension(dimension)];
        return new Runs.Counted(dimension, velocity) {
            @Override
            void update(double[] point, double[] gradient) {
                for (int i = 0; i < point.length; i++) {
                    velocity[i] = momentum * velocity[i] + gradient[i];
                    point[i] -= learningRate * velocity[i];
                }
            }
        };
    }
}
